"""GET /staff/statistics (supervisors and admins): every chart of `hotline.stats` for a
period, its table under it and a CSV of each; the charts and CSVs behind the same guard.

The statistics read on an engine of their own, made once when the app starts, whose
statements may run a minute (a year over a million calls takes seconds on PostgreSQL; the
webhooks' engine gives up after 2 s, as a caller is waiting). A page's report is kept a
minute (`hotline.stats.cache`), so the page, its ten charts and its CSVs compute it once.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import date, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from aiohttp import web

from hotline.bootstrap import Hotline
from hotline.escalation.roster import Role, Roster
from hotline.stats.period import Period
from hotline.stats.service import Reports, report
from hotline.stats.tables import TABLES, tables
from hotline.stats.web import DEFAULT_DAYS, chart_response, csv_response, period_from_query
from hotline.storage import db
from hotline.storage.unit_of_work import SqlUnitsOfWork
from hotline.web.dashboard.layout import DASHBOARD, PREFIX, language_of, render
from hotline.web.dashboard.sessions import page

__all__ = ["STATISTICS_PATH", "STATS_REPORTS", "STATS_UNITS", "routes", "setup"]

STATISTICS_PATH = PREFIX + "/statistics"
CHART_PATH = STATISTICS_PATH + "/chart/{name}.svg"
CSV_PATH = STATISTICS_PATH + "/csv/{name}.csv"
STATEMENT_TIMEOUT_S = 60  # a statistics query may take this long on PostgreSQL
STATS_UNITS = web.AppKey("statistics_units", SqlUnitsOfWork)
STATS_REPORTS = web.AppKey("statistics_reports", Reports)
STATS_REGIONS = web.AppKey("statistics_region_names", dict[str, dict[str, str]])


def setup(app: web.Application, hotline: Hotline) -> None:
    """Open the statistics' own engine when the app starts, and close it when it stops.

    Added after the app's database (`create_app` opens it first), so an embedded SQLite
    database is migrated before this engine reads it."""
    app.cleanup_ctx.append(_engine(hotline.settings.database_url))
    app[STATS_REPORTS] = Reports(time.monotonic)
    regions = hotline.core.directory.regions.regions
    languages = hotline.core.catalog.languages
    app[STATS_REGIONS] = {r.code: {lang: r.name(lang) for lang in languages} for r in regions}


def _engine(url: str) -> Callable[[web.Application], AsyncIterator[None]]:
    async def opened(app: web.Application) -> AsyncIterator[None]:
        engine = db.create_engine(url, pool_size=2, command_timeout_s=STATEMENT_TIMEOUT_S)
        app[STATS_UNITS] = SqlUnitsOfWork(engine)
        try:
            yield
        finally:
            await engine.dispose()

    return opened


def routes() -> list[web.AbstractRouteDef]:
    """The page, its charts and its CSVs."""
    return [
        web.get(STATISTICS_PATH, statistics),
        web.get(CHART_PATH, chart),
        web.get(CSV_PATH, csv),
    ]


async def _roster_and_today(request: web.Request) -> tuple[Roster | None, ZoneInfo, date]:
    """The stored roster (who was on duty when), its zone (UTC without one), and today there."""
    dashboard = request.app[DASHBOARD]
    roster = (await dashboard.board.current()).roster
    zone = roster.zone if roster is not None else ZoneInfo("UTC")
    return roster, zone, dashboard.accounts.clock().astimezone(zone).date()


def _dates(query: dict[str, str], today: date) -> tuple[str, str]:
    """What the date fields show: the dates asked for, else the default period's."""
    first = query.get("from") or (today - timedelta(days=DEFAULT_DAYS - 1)).isoformat()
    return first[:10], (query.get("to") or today.isoformat())[:10]


@page(Role.SUPERVISOR)
async def statistics(request: web.Request) -> web.StreamResponse:
    """GET /staff/statistics?from=YYYY-MM-DD&to=YYYY-MM-DD: the charts and tables of a period
    (the last 30 days without dates); dates that make no period: the form again, and 400."""
    roster, zone, today = await _roster_and_today(request)
    query = {key: request.query[key] for key in ("from", "to") if key in request.query}
    first, last = _dates(query, today)
    try:
        period = period_from_query(query, zone, today)
    except web.HTTPBadRequest:
        context = {"first": first, "last": last, "tables": [], "bad_period": True}
        return await render(request, "statistics.html", context, status=400)
    last_day = period.end - timedelta(days=1)
    figures = await report(
        request.app[STATS_UNITS],
        period,
        roster,
        cache=request.app[STATS_REPORTS],
        region_names=request.app[STATS_REGIONS],
    )
    context = {
        "first": period.start.isoformat(),
        "last": last_day.isoformat(),
        "tables": tables(figures, request.app[DASHBOARD].catalog, language_of(request)),
        "bad_period": False,
        "query": urlencode({"from": period.start.isoformat(), "to": last_day.isoformat()}),
        "chart_path": STATISTICS_PATH + "/chart/",
        "csv_path": STATISTICS_PATH + "/csv/",
    }
    return await render(request, "statistics.html", context)


async def _period(request: web.Request) -> tuple[Period, Roster | None, str]:
    """The period, roster and name of a chart's or a CSV's request (404 for an unknown name,
    400 for bad dates)."""
    name = request.match_info["name"]
    if name not in TABLES:
        raise web.HTTPNotFound(text=f"no statistics named {name!r}")
    roster, zone, today = await _roster_and_today(request)
    return period_from_query(request.query, zone, today), roster, name


@page(Role.SUPERVISOR)
async def chart(request: web.Request) -> web.StreamResponse:
    """GET /staff/statistics/chart/<name>.svg?from=&to=: one chart, for an <img>."""
    return await _one_table(request, chart_response)


@page(Role.SUPERVISOR)
async def csv(request: web.Request) -> web.StreamResponse:
    """GET /staff/statistics/csv/<name>.csv?from=&to=: one table as a CSV download."""
    return await _one_table(request, csv_response)


async def _one_table(
    request: web.Request, respond: Callable[..., Awaitable[web.Response]]
) -> web.Response:
    """One table of the request's period, answered by `respond` (a chart or a CSV)."""
    period, roster, name = await _period(request)
    return await respond(
        request.app[STATS_UNITS],
        request.app[DASHBOARD].catalog,
        language_of(request),
        period,
        roster,
        name,
        reports=request.app[STATS_REPORTS],
        region_names=request.app[STATS_REGIONS],
    )
