"""aiohttp answers for the statistics: a chart as an SVG image, a table as a CSV file.

The dashboard wires the routes and checks the role (a supervisor or an admin); these
functions only answer. For a page:

    period = period_from_query(request.query, zone, today)   # 400 when the dates are bad
    report = await stats.report(units, period, roster, cache=reports)  # computed once
    for table in tables(report, catalog, language): ...       # the HTML tables
    <img src="/staff/stats/{table.name}.svg?from=...&to=...">  # each chart, same query
    <a href="/staff/stats/{table.name}.csv?from=...&to=...">   # each CSV

and the two routes call `chart_response` and `csv_response` with the table's name from the
URL (404 for an unknown name), and the same `reports` cache, so the page and its charts
compute the period's report once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from aiohttp import web

from hotline.catalog import Catalog
from hotline.escalation.ports import UnitsOfWork
from hotline.escalation.roster import Roster
from hotline.stats.period import Period, PeriodError
from hotline.stats.service import RegionNames, Reports, report
from hotline.stats.svg import CONTENT_TYPE, chart
from hotline.stats.tables import TABLES, Table, csv_text, table

__all__ = ["DEFAULT_DAYS", "chart_response", "csv_response", "period_from_query"]

DEFAULT_DAYS = 30  # the period shown when none is asked for: the last 30 days and today
_HEADERS = {
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
}


def period_from_query(query: Mapping[str, str], zone: ZoneInfo, today: date) -> Period:
    """The period of `?from=YYYY-MM-DD&to=YYYY-MM-DD` (both days included), else the last
    DEFAULT_DAYS days up to `today`; HTTPBadRequest when the dates are not valid."""
    first, last = query.get("from"), query.get("to")
    if first is None and last is None:
        return Period(today - timedelta(days=DEFAULT_DAYS - 1), today + timedelta(days=1), zone)
    if first is None or last is None:
        raise web.HTTPBadRequest(text="give both dates, from and to")
    try:
        start, last_day = date.fromisoformat(first), date.fromisoformat(last)
    except ValueError:
        raise web.HTTPBadRequest(text="give the dates as YYYY-MM-DD") from None
    try:
        return Period(start, last_day + timedelta(days=1), zone)
    except (PeriodError, OverflowError) as exc:
        raise web.HTTPBadRequest(text=str(exc)) from None


async def _table(
    units: UnitsOfWork,
    catalog: Catalog,
    language: str,
    period: Period,
    roster: Roster | None,
    name: str,
    reports: Reports | None,
    region_names: RegionNames | None,
) -> Table:
    if name not in TABLES:
        raise web.HTTPNotFound(text=f"no statistics named {name!r}")
    figures = await report(units, period, roster, cache=reports, region_names=region_names)
    return table(name, figures, catalog, language)


async def chart_response(
    units: UnitsOfWork,
    catalog: Catalog,
    language: str,
    period: Period,
    roster: Roster | None,
    name: str,
    *,
    reports: Reports | None = None,
    region_names: RegionNames | None = None,
) -> web.Response:
    """One chart (`name` of `tables.TABLES`) as `image/svg+xml`, for an `<img>`."""
    found = await _table(units, catalog, language, period, roster, name, reports, region_names)
    return web.Response(
        text=chart(found), content_type=CONTENT_TYPE, charset="utf-8", headers=_HEADERS
    )


async def csv_response(
    units: UnitsOfWork,
    catalog: Catalog,
    language: str,
    period: Period,
    roster: Roster | None,
    name: str,
    *,
    reports: Reports | None = None,
    region_names: RegionNames | None = None,
) -> web.Response:
    """One table as a CSV download: UTF-8 with a byte-order mark (so a spreadsheet reads
    Georgian and Cyrillic right) and a header row."""
    found = await _table(units, catalog, language, period, roster, name, reports, region_names)
    last = period.end - timedelta(days=1)
    filename = f"hotline-{found.name}-{period.start.isoformat()}-{last.isoformat()}.csv"
    return web.Response(
        body=("\ufeff" + csv_text(found)).encode("utf-8"),
        content_type="text/csv",
        charset="utf-8",
        headers={**_HEADERS, "Content-Disposition": f'attachment; filename="{filename}"'},
    )
