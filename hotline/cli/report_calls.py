"""`hotline report calls`: the statistics of calls and chats for an operator's terminal, a
spreadsheet (CSV) or a script (JSON), from the same figures as the dashboard's."""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from hotline.bootstrap import Database, core
from hotline.cli.common import SubParsers, table, wall, with_database
from hotline.clock import utc_now
from hotline.config import load_settings
from hotline.escalation.roster import Roster
from hotline.stats import small_counts
from hotline.stats.calls_views import DEFAULT_VIEW, NOT_SHOWN, VIEWS, View, view
from hotline.stats.figures import Report
from hotline.stats.period import Period, PeriodError, midnight
from hotline.stats.service import report
from hotline.stats.web import DEFAULT_DAYS
from hotline.storage import db
from hotline.storage.unit_of_work import SqlUnitsOfWork

__all__ = ["FORMATS", "add_parser"]

FORMATS = ("table", "csv", "json")
STATEMENT_TIMEOUT_S = 60  # a statistics query over a long period may take this long
_UTC = ZoneInfo("UTC")
_BY = ", ".join(VIEWS)

DESCRIPTION = """\
Calls and chats of a period, counted as the dashboard's statistics count them. By default a
summary: calls, chats, distinct callers and repeat callers (by pseudonym: a caller is never
named, and a withheld number is not counted), escalations (calls put through, voicemails and
callback requests, chat cases), how many a person answered, the median and 90th-percentile
time to answer in seconds, voicemails and callback requests. --by breaks calls and chats
down by local day, local hour, language, channel, path through the voice menu (the top
paths, node ids joined by '>') or outcome.

Every count from 1 to 4 is shown as "<5", so nobody can be singled out; a time to answer
computed from fewer than 5 answers is not shown ('-' in the table, empty in CSV, null in
JSON). CSV: a header row, then a row per line of the view. JSON: an object with the period
("since", "until": ISO instants, "zone"), "by", "include_simulated", "columns" and "rows"
(one object per row, keyed by column); figures are numbers, except "<5" (a string) and null.

Days and hours are those of the roster's time zone (UTC without a roster). Calls placed by
`hotline call` are marked simulated and left out unless --include-simulated is given."""


def add_parser(report_actions: SubParsers) -> None:
    """The command's arguments, under `hotline report`."""
    calls = report_actions.add_parser(
        "calls",
        help="calls and chats of a period: counts, callers, paths, outcomes, answer times",
        description=DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    calls.add_argument(
        "--since",
        metavar="WHEN",
        help=(
            "from this date (its midnight) or instant, e.g. 2026-11-01 or 2026-11-23T09:00 "
            f"(no offset: the roster's zone); default: {DEFAULT_DAYS} days before --until"
        ),
    )
    calls.add_argument(
        "--until",
        metavar="WHEN",
        help=(
            "up to this date (that day included) or instant (not included); default: the end "
            "of today"
        ),
    )
    calls.add_argument(
        "--by", metavar="VIEW", default=DEFAULT_VIEW, help=f"one of {_BY} (default summary)"
    )
    calls.add_argument(
        "--format", metavar="FORMAT", default="table", help="table (default), csv or json"
    )
    calls.add_argument(
        "--include-simulated",
        action="store_true",
        help="count the calls `hotline call` placed too",
    )
    calls.set_defaults(func=_report_calls)


class _Refused(ValueError):
    """An argument the command cannot use: its message says why, in one line."""


def _report_calls(args: argparse.Namespace) -> int:
    try:
        if args.by not in VIEWS:
            raise _Refused(f"--by {args.by!r}: give one of {_BY}")
        if args.format not in FORMATS:
            raise _Refused(f"--format {args.format!r}: give table, csv or json")
        since, until = _moment(args.since, "--since"), _moment(args.until, "--until")
    except _Refused as exc:
        return _refuse(str(exc))
    settings = load_settings()
    simulated: bool = args.include_simulated

    async def work(database: Database) -> tuple[Period, Report] | str:
        roster = await database.staff().roster()
        zone = roster.zone if roster is not None else _UTC
        try:
            period = _period(since, until, zone, utc_now())
        except PeriodError as exc:
            return str(exc)
        except OverflowError:
            return "a date is out of range"
        return period, await _figures(settings.database_url, period, roster, simulated)

    found = with_database(core(settings), work)
    if isinstance(found, str):
        return _refuse(found)
    period, figures = found
    shown = view(figures, args.by)
    if args.format == "csv":
        sys.stdout.write(_csv(shown))
    elif args.format == "json":
        print(json.dumps(_json(shown, period, simulated), ensure_ascii=False, indent=2))
    else:
        for line in _table(shown, period, simulated):
            print(line)
    return 0


def _refuse(message: str) -> int:
    print(f"hotline: report calls: {message}", file=sys.stderr)
    return 2


async def _figures(url: str, period: Period, roster: Roster | None, simulated: bool) -> Report:
    """The period's report, read on an engine of its own: a statistics query over a long
    period may outlast the webhooks' statement bound."""
    engine = db.create_engine(url, pool_size=1, command_timeout_s=STATEMENT_TIMEOUT_S)
    try:
        return await report(SqlUnitsOfWork(engine), period, roster, simulated=simulated)
    finally:
        await engine.dispose()


# -- the period --------------------------------------------------------------------------

_Moment = date | datetime | None


def _moment(text: str | None, option: str) -> _Moment:
    """A date (YYYY-MM-DD) or an ISO date-time, as given; None when not given."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text) if len(text) == 10 else datetime.fromisoformat(text)
    except ValueError:
        raise _Refused(
            f"{option} {text!r}: write a date or a date-time, e.g. 2026-11-23 or 2026-11-23T09:00"
        ) from None


def _instant(moment: date | datetime, zone: ZoneInfo, *, end: bool) -> datetime:
    """The instant a moment stands for: a date's first instant (the next day's at the end,
    so the day is included), a time without an offset in `zone`."""
    if isinstance(moment, datetime):
        return moment if moment.tzinfo is not None else moment.replace(tzinfo=zone)
    return midnight(moment + timedelta(days=1) if end else moment, zone)


def _period(since: _Moment, until: _Moment, zone: ZoneInfo, now: datetime) -> Period:
    """The period asked for; by default the last DEFAULT_DAYS days, today the last."""
    today = now.astimezone(zone).date()
    end = _instant(today if until is None else until, zone, end=True)
    if since is not None:
        start = _instant(since, zone, end=False)
    elif isinstance(until, datetime):
        start = end - timedelta(days=DEFAULT_DAYS)
    else:  # whole days, the last one included
        last = today if until is None else until
        start = midnight(last - timedelta(days=DEFAULT_DAYS - 1), zone)
    if end <= start and since is not None:  # (the default start is always before the end)
        asked = "today" if until is None else until.isoformat()
        raise PeriodError(f"--until {asked} is not after --since {since.isoformat()}")
    return Period.between(start, end, zone)


# -- the three formats -------------------------------------------------------------------


def _bounds(period: Period) -> tuple[datetime, datetime]:
    window = period.window()
    return window.start, window.end


def _table(shown: View, period: Period, simulated: bool) -> list[str]:
    start, end = _bounds(period)
    zone = period.zone
    which = "simulated calls included" if simulated else "simulated calls left out"
    lines = [f"calls and chats from {wall(start, zone)} until {wall(end, zone)} ({which})"]
    rows = [[cell.text for cell in row] for row in shown.rows]
    lines += table(shown.columns, rows)
    cells = [cell for row in shown.rows for cell in row[1:]]
    notes = []
    if any(cell.hidden for cell in cells):
        notes.append('"<5": a count from 1 to 4, not shown')
    if any(cell.text == NOT_SHOWN for cell in cells):
        notes.append('"-": a time from fewer than 5 answers, not shown')
    return [*lines, "; ".join(notes)] if notes else lines


def _csv(shown: View) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(shown.columns)
    for row in shown.rows:
        writer.writerow([row[0].text, *(cell.plain for cell in row[1:])])
    return out.getvalue()


def _json(shown: View, period: Period, simulated: bool) -> dict[str, object]:
    start, end = _bounds(period)
    return {
        "since": start.astimezone(period.zone).isoformat(),
        "until": end.astimezone(period.zone).isoformat(),
        "zone": period.zone.key,
        "by": shown.name,
        "include_simulated": simulated,
        "columns": list(shown.columns),
        "rows": [
            dict(
                zip(
                    shown.columns,
                    [row[0].text, *(_number(cell) for cell in row[1:])],
                    strict=True,
                )
            )
            for row in shown.rows
        ],
    }


def _number(cell: small_counts.Cell) -> int | str | None:
    """A figure for JSON: a number, "<5", or null when not shown."""
    if cell.plain.isdigit():
        return int(cell.plain)
    return cell.plain or None
