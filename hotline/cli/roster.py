"""`hotline roster import | export | now`: the duty roster."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from hotline.bootstrap import Core, core
from hotline.cli.common import SubParsers, instant, table, wall, with_database
from hotline.clock import utc_now
from hotline.config import load_settings
from hotline.escalation import roster_file
from hotline.escalation.roster import (
    LANGUAGES,
    Role,
    Roster,
    RosterError,
    languages_covered,
    next_change,
    on_duty,
)
from hotline.storage.staff import StaffError


def add_parser(sub: SubParsers) -> None:
    """The commands' arguments."""
    roster = sub.add_parser("roster", help="the duty roster").add_subparsers(
        required=True, metavar="ACTION"
    )
    load = roster.add_parser(
        "import",
        help="replace the schedule with a roster file and update the staff it lists",
        description=(
            "Replace the stored schedule with FILE's and add or update the people it lists "
            "(their contacts are kept); nothing changes if the file has a problem.\n\n"
            + roster_file.ROSTER_FORMAT
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    load.add_argument("file", metavar="FILE", type=Path, help="a roster file (YAML)")
    load.set_defaults(func=_roster_import)
    export = roster.add_parser("export", help="write the stored roster as a roster file")
    export.add_argument("--output", "-o", type=Path, help="file (default: standard output)")
    export.set_defaults(func=_roster_export)
    now = roster.add_parser(
        "now", help="who is on duty, until when, which languages are covered, the next change"
    )
    now.add_argument(
        "--at",
        type=instant,
        help="another instant, e.g. 2026-12-24T23:00+01:00 (no offset: the roster's zone)",
    )
    now.set_defaults(func=_roster_now)


def _roster_import(args: argparse.Namespace) -> int:
    hotline = core(load_settings())
    path: Path = args.file
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"hotline: cannot read {path}: {exc}", file=sys.stderr)
        return 2
    try:
        roster = roster_file.load_roster(text, languages=LANGUAGES, source=str(path))
    except RosterError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        count = len(exc.problems)
        print(
            f"hotline roster import: {count} problem{'s' if count != 1 else ''} in {path}; "
            "nothing was changed",
            file=sys.stderr,
        )
        return 2
    summary = with_database(
        hotline, lambda database: database.staff().import_roster(roster, now=utc_now())
    )

    def named(ids: Sequence[str]) -> str:
        return f" ({', '.join(ids)})" if ids else ""

    print(f"hotline roster import: {path}")
    print(
        f"  staff: {len(summary.added)} added{named(summary.added)}, "
        f"{len(summary.updated)} updated{named(summary.updated)}, "
        f"{len(summary.unchanged)} unchanged"
    )
    if summary.kept:
        print(
            f"  kept, not in the file: {', '.join(summary.kept)} (no shifts; "
            "`hotline staff remove ID` removes a person)"
        )
    print(
        f"  schedule: {summary.weekly} weekly shift(s), {summary.once} one-off shift(s), "
        f"{summary.holidays} holiday(s), time zone {roster.timezone}"
    )
    spoken = {lang for person in roster.staff for lang in person.languages}
    unspoken = [lang for lang in hotline.chat_languages.offered if lang not in spoken]
    if unspoken:
        print(f"  nobody in the file speaks: {', '.join(unspoken)}")
    for line in _duty_report(roster, utc_now(), hotline):
        print(f"  {line}")
    return 0


def _roster_export(args: argparse.Namespace) -> int:
    roster = _stored_roster(core(load_settings()))
    text = roster_file.dump_roster(roster)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
        print(
            f"hotline roster export: {len(roster.staff)} staff, "
            f"{len(roster.weekly) + len(roster.once)} shift(s) -> {args.output}"
        )
    return 0


def _roster_now(args: argparse.Namespace) -> int:
    hotline = core(load_settings())
    roster = _stored_roster(hotline)
    at: datetime = args.at or utc_now()
    if at.tzinfo is None:
        at = at.replace(tzinfo=roster.zone)  # a wall-clock time of the roster's zone
    print(f"at {wall(at, roster.zone)} ({roster.timezone}):")
    for line in _duty_report(roster, at, hotline):
        print(f"  {line}")
    return 0


def _stored_roster(hotline: Core) -> Roster:
    roster = with_database(hotline, lambda database: database.staff().roster())
    if roster is None:
        raise StaffError(
            "no roster has been imported yet; write a roster file and run "
            "`hotline roster import FILE` (`hotline roster import --help` shows the format)"
        )
    return roster


def _duty_report(roster: Roster, at: datetime, hotline: Core) -> list[str]:
    """Who is on duty at `at` and until when, the languages left uncovered, the next change."""
    zone = roster.zone
    duties = on_duty(roster, at)
    change = next_change(roster, at)
    lines: list[str] = []
    if not duties:
        if change is None:
            lines.append("nobody is on duty, and nobody comes on duty within a year")
        else:
            lines.append("nobody is on duty")
            coming = ", ".join(f"{d.staff.id} ({d.staff.name})" for d in on_duty(roster, change))
            lines.append(f"next on duty: {coming} from {wall(change, zone)}")
    else:
        lines.append("on duty:")
        rows = [
            [
                d.staff.id,
                d.staff.name,
                Role(d.staff.role).value,
                ",".join(d.staff.languages),
                f"until {wall(d.end, zone)}" if d.end else "with no end within a year",
            ]
            for d in duties
        ]
        lines += [f"  {row}" for row in table(["id", "name", "role", "languages", ""], rows)[1:]]
    covered = languages_covered(roster, at)
    if covered:
        lines.append(f"languages covered: {', '.join(sorted(covered))}")
    uncovered = [lang for lang in hotline.chat_languages.offered if lang not in covered]
    lines.append(f"not covered: {', '.join(uncovered) if uncovered else 'none'}")
    if duties:
        if change is None:
            lines.append("next change: none within a year")
        else:
            before = {d.staff.id for d in duties}
            after = {d.staff.id for d in on_duty(roster, change)}
            moves = [f"{i} comes on" for i in sorted(after - before)]
            moves += [f"{i} goes off" for i in sorted(before - after)]
            lines.append(f"next change: {wall(change, zone)} ({', '.join(moves)})")
    return lines
