"""`hotline report escalations`: anonymous reports from the records."""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hotline.bootstrap import Database, core
from hotline.cli import report_calls
from hotline.cli.common import SubParsers, instant, table, wall, with_database
from hotline.clock import utc_now
from hotline.config import load_settings
from hotline.escalation.model import EscalationRow

PATH_NODES = 6  # the last nodes of a call's path a report row shows
_UTC = ZoneInfo("UTC")


def add_parser(sub: SubParsers) -> None:
    """The commands' arguments."""
    report = sub.add_parser("report", help="anonymous reports from the records").add_subparsers(
        required=True, metavar="ACTION"
    )
    escalations = report.add_parser(
        "escalations",
        help="escalations since a moment: whom they reached, how fast, how they ended",
        description=(
            "One row per escalation (a call rung through to staff, a voicemail or callback "
            "request, a chat case), oldest first: when it started (the roster's time zone), "
            "who took it, seconds until they did, how many people were rung or alerted, the "
            "outcome ('-' while open) and the last nodes of the call's path. Anonymous: no "
            "number or name of a caller is kept in these records. Escalations of calls "
            "`hotline call` placed are left out unless --include-simulated is given."
        ),
    )
    since = escalations.add_mutually_exclusive_group()
    since.add_argument(
        "--since",
        type=instant,
        help="from this instant, e.g. 2026-11-23T09:00 (no offset: the roster's zone, else UTC)",
    )
    since.add_argument(
        "--days", type=_days, default=1, help="the last N days up to now (default 1)"
    )
    escalations.add_argument(
        "--include-simulated",
        action="store_true",
        help="show the escalations of calls `hotline call` placed too, marked as such",
    )
    escalations.set_defaults(func=_report_escalations)
    report_calls.add_parser(report)


def _days(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give a whole number of days, 1 or more")
    return int(text)


def _report_escalations(args: argparse.Namespace) -> int:
    settings = load_settings()

    async def work(
        database: Database,
    ) -> tuple[ZoneInfo, datetime, list[tuple[EscalationRow, dict[str, object]]]]:
        roster = await database.staff().roster()
        zone = roster.zone if roster is not None else _UTC
        since: datetime = args.since or utc_now() - timedelta(days=args.days)
        if since.tzinfo is None:
            since = since.replace(tzinfo=zone)  # a wall-clock time of the roster's zone
        async with database.units() as uow:
            records = await uow.escalations.records(since)
        return zone, since, [(row, dict(log)) for row, log in records]

    zone, since, found = with_database(core(settings), work)
    shown: bool = args.include_simulated
    records = [(row, log) for row, log in found if shown or not log.get("simulated")]
    left_out = len(found) - len(records)
    where = zone.key
    aside = (
        f"; {left_out} from simulated calls left out (--include-simulated shows them)"
        if left_out
        else ""
    )
    if not records:
        print(f"no escalations since {wall(since, zone)} ({where}){aside}")
        return 0
    print(f"escalations since {wall(since, zone)} ({where}): {len(records)}{aside}")
    headers = [
        f"started ({where})",
        "kind",
        "channel",
        "language",
        "reason",
        "taken by",
        "answer s",
        "attempts",
        "outcome",
        "path",
        *(["simulated"] if shown else []),
    ]
    rows = [
        [
            row.started_at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S"),
            row.kind,
            row.channel,
            row.language,
            row.reason,
            row.staff_id or "-",
            _seconds(row.answered_at - row.started_at) if row.answered_at else "-",
            str(row.attempts),
            row.outcome or "-",
            _path(log.get("path")),
            *(["yes" if log.get("simulated") else "no"] if shown else []),
        ]
        for row, log in records
    ]
    for line in table(headers, rows):
        print(line)
    return 0


def _seconds(delta: timedelta) -> str:
    return f"{delta.total_seconds():.0f}"


def _path(path: object) -> str:
    """A call's path through the flow, its last PATH_NODES nodes joined by '>'."""
    if not isinstance(path, list) or not path:
        return "-"
    nodes = [str(node) for node in path]
    shown = ">".join(nodes[-PATH_NODES:])
    return f"…>{shown}" if len(nodes) > PATH_NODES else shown
