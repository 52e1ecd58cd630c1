"""`hotline participants add | list | show | set | set-release | withdraw | import | invite`."""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections.abc import Awaitable, Callable, Mapping
from pathlib import Path
from typing import TypeVar

from hotline.bootstrap import Database, core
from hotline.catalog import shipped_languages
from hotline.cli.common import SubParsers, table, with_database
from hotline.cli.participant_views import contact, listed, show_lines, shown, summary, when
from hotline.clock import utc_now
from hotline.config import load_settings
from hotline.errors import ConfigError
from hotline.participants import ParticipantError, Problem
from hotline.participants.enrolment import DEFAULT_DAYS, Invitation, invite, invite_link
from hotline.participants.fields import (
    COLUMNS,
    FAMILY_FIELDS,
    REQUIRED,
    Rules,
    unknown_columns,
)
from hotline.participants.model import Channel, Status
from hotline.participants.service import ParticipantService, Rows
from hotline.reminders.loader import load_campaigns

_T = TypeVar("_T")
_FAMILY_SPLIT = re.compile(r",\s*(?=[a-z]+=)")  # "name=A B,channel=sms,consent=sms,voice"
STATUSES = [status.value for status in Status]
CHANNELS = [channel.value for channel in Channel]


def add_parser(sub: SubParsers) -> None:
    """The commands' arguments."""
    commands = sub.add_parser(
        "participants", help="participants of the program: enrol, change, invite"
    ).add_subparsers(required=True, metavar="ACTION")

    add = commands.add_parser(
        "add",
        help="enrol a participant (contacts are stored encrypted)",
        description="Enrol a participant, with the consent they gave to be contacted.",
    )
    add.add_argument("case", metavar="CASE", help="a pseudonymous case code, e.g. TB-2027-014")
    add.add_argument("--program", required=True, help="the campaign, e.g. georgia-two-year")
    add.add_argument("--release", required=True, metavar="YYYY-MM-DD", help="expected release")
    add.add_argument("--timezone", required=True, help="IANA time zone, e.g. Asia/Tbilisi")
    add.add_argument("--language", required=True, help="e.g. ka")
    add.add_argument("--specialist", required=True, metavar="STAFF_ID", help="assigned to them")
    add.add_argument("--channel", required=True, choices=CHANNELS, help="preferred channel")
    add.add_argument("--phone", help="in international form (for sms and voice)")
    _consent_arguments(add, required=True)
    add.add_argument("--status", choices=STATUSES, help="default: follows the release date")
    add.add_argument(
        "--family",
        action="append",
        default=[],
        type=family_spec,
        metavar="SPEC",
        help="a family contact: name=...,channel=...,phone=...,language=...,consent=... "
        "(repeat for more)",
    )
    add.set_defaults(func=_add)

    listing = commands.add_parser("list", help="participants, contacts masked")
    listing.add_argument("--status", choices=STATUSES)
    listing.add_argument("--specialist", metavar="STAFF_ID")
    listing.add_argument("--json", action="store_true", help="as JSON, for scripts")
    listing.set_defaults(func=_list)

    show = commands.add_parser("show", help="one participant, contacts masked")
    show.add_argument("case", metavar="CASE")
    show.add_argument("--json", action="store_true", help="as JSON, for scripts")
    show.set_defaults(func=_show)

    change = commands.add_parser("set", help="change some of a participant's fields")
    change.add_argument("case", metavar="CASE")
    for option in ("program", "timezone", "language", "specialist"):
        change.add_argument(f"--{option}")
    change.add_argument("--channel", choices=CHANNELS)
    phone = change.add_mutually_exclusive_group()
    phone.add_argument("--phone", help="a new number in international form")
    phone.add_argument("--no-phone", action="store_true", help="forget the phone number")
    change.add_argument("--status", choices=STATUSES)
    _consent_arguments(change, required=False)
    change.add_argument("--add-family", action="append", default=[], type=family_spec)
    change.add_argument("--remove-family", action="append", default=[], metavar="NAME")
    change.set_defaults(func=_set)

    release = commands.add_parser("set-release", help="move the expected release date")
    release.add_argument("case", metavar="CASE")
    release.add_argument("release", metavar="YYYY-MM-DD")
    release.set_defaults(func=_set_release)

    withdraw = commands.add_parser("withdraw", help="the participant leaves the program")
    withdraw.add_argument("case", metavar="CASE")
    withdraw.set_defaults(func=_withdraw)

    load = commands.add_parser(
        "import",
        help="enrol a caseload from a CSV file: all rows, or none",
        description="Columns: " + ", ".join(COLUMNS) + ", and per family contact N: "
        + ", ".join(f"familyN_{name}" for name in FAMILY_FIELDS)
        + ". Required: " + ", ".join(REQUIRED) + ". See the README.",
    )  # fmt: skip
    load.add_argument("file", metavar="FILE.csv", type=Path)
    load.set_defaults(func=_import)

    link = commands.add_parser(
        "invite",
        help="a one-time Telegram link (and QR code) that links the chat that opens it",
    )
    link.add_argument("case", metavar="CASE")
    link.add_argument("--family", metavar="NAME", help="for this family contact instead")
    link.add_argument("--days", type=int, default=DEFAULT_DAYS, help="valid for (default 30)")
    link.add_argument("--png", type=Path, metavar="FILE", help="write the QR code to a PNG")
    link.set_defaults(func=_invite)


def _consent_arguments(parser: argparse.ArgumentParser, *, required: bool) -> None:
    parser.add_argument(
        "--consent",
        required=required,
        metavar="CHANNELS",
        help="channels the person agreed to be contacted on, e.g. sms,telegram",
    )
    parser.add_argument(
        "--consent-by", metavar="STAFF_ID", help="who recorded it (default: the specialist)"
    )
    if required:
        parser.add_argument("--consent-at", metavar="ISO", help="when (default: now)")


def family_spec(text: str) -> dict[str, str]:
    """An argument: a family contact as name=...,channel=...,phone=...,language=...,consent=..."""
    fields: dict[str, str] = {}
    for part in _FAMILY_SPLIT.split(text.strip()):
        key, sep, value = part.partition("=")
        if not sep or key.strip() not in FAMILY_FIELDS:
            raise argparse.ArgumentTypeError(
                f"{part!r}: write name=...,channel=...,phone=...,language=...,consent=..."
            )
        fields[key.strip()] = value.strip()
    return fields


# Commands ------------------------------------------------------------------------------------


def _add(args: argparse.Namespace) -> int:
    fields = {name: value for name in COLUMNS if (value := getattr(args, name, None)) is not None}
    for number, relative in enumerate(args.family, start=1):
        fields.update({f"family{number}_{key}": value for key, value in relative.items()})
    participant = _run(lambda service: service.add(fields))
    print(f"hotline participants add: enrolled {summary(participant)}")
    return 0


def _list(args: argparse.Namespace) -> int:
    status = Status(args.status) if args.status else None
    found = _run(lambda service: service.list(status=status, specialist=args.specialist))
    if args.json:
        print(json.dumps([listed(p) for p in found], ensure_ascii=False, indent=2))
        return 0
    if not found:
        print("no participants: enrol with `hotline participants add` or `import`")
        return 0
    headers = ["case", "status", "program", "release", "language", "specialist", "channel",
               "contact", "family"]  # fmt: skip
    rows = [
        [
            p.case, p.status.value, p.program, p.release.isoformat(), p.language, p.specialist,
            p.channel.value, contact(p.channel, p.phone, p.telegram_linked), str(len(p.family)),
        ]
        for p in found
    ]  # fmt: skip
    for line in table(headers, rows):
        print(line)
    return 0


def _show(args: argparse.Namespace) -> int:
    participant = _run(lambda service: service.get(args.case))
    if args.json:
        print(json.dumps(shown(participant), ensure_ascii=False, indent=2))
        return 0
    for line in show_lines(participant):
        print(line)
    return 0


def _set(args: argparse.Namespace) -> int:
    names = ("program", "timezone", "language", "specialist", "channel", "phone", "status",
             "consent", "consent_by")  # fmt: skip
    changes = {name: value for name in names if (value := getattr(args, name)) is not None}
    if args.no_phone:
        changes["phone"] = ""
    if not changes and not args.add_family and not args.remove_family:
        raise ParticipantError(
            [Problem("set", "nothing to change; give an option, e.g. --timezone")], case=args.case
        )
    participant = _run(
        lambda service: service.change(
            args.case, changes, add_family=args.add_family, remove_family=args.remove_family
        )
    )
    print(f"hotline participants set: now {summary(participant)}")
    return 0


def _set_release(args: argparse.Namespace) -> int:
    before, participant = _run(lambda service: service.set_release(args.case, args.release))
    days = (participant.release - before).days
    moved = f"{abs(days)} day{'s' if abs(days) != 1 else ''} {'later' if days > 0 else 'earlier'}"
    print(
        f"hotline participants set-release: {participant.case}'s release is expected on "
        f"{participant.release.isoformat()} ({moved if days else 'unchanged'}; "
        f"was {before.isoformat()})"
    )
    return 0


def _withdraw(args: argparse.Namespace) -> int:
    participant = _run(lambda service: service.withdraw(args.case))
    print(
        f"hotline participants withdraw: {participant.case} has left the program; "
        "no message goes to them or their family"
    )
    return 0


def _import(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    rows = _csv_rows(args.file)

    def progress(items: Rows) -> Rows:
        # On a terminal only (disable=None): a log or a pipe gets the report, not the bar.
        return tqdm(items, total=len(rows), desc="checking", unit=" rows", disable=None)

    try:
        enrolled = _run(lambda service: service.import_rows(rows, progress))
    except ParticipantError as exc:
        print(f"hotline participants import: {args.file}: nothing imported", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    relatives = sum(len(p.family) for p in enrolled)
    print(
        f"hotline participants import: {_count(len(enrolled), 'participant')} enrolled, "
        f"with {_count(relatives, 'family contact')}, from {args.file}"
    )
    return 0


def _invite(args: argparse.Namespace) -> int:
    import segno

    settings = load_settings()
    if settings.telegram_bot_username is None:
        raise ConfigError(
            "HOTLINE_TELEGRAM_BOT_USERNAME is missing: set it to the bot's username from "
            "@BotFather, e.g. my_hotline_bot"
        )
    username = settings.telegram_bot_username

    async def work(database: Database) -> Invitation:
        return await invite(
            database.units, args.case, family=args.family, days=args.days, now=utc_now()
        )

    invitation = with_database(core(settings), work)
    link = invite_link(username, invitation.token)
    whom = invitation.case
    if invitation.family_name is not None:
        whom += f", family contact {invitation.family_name}"
    print(f"hotline participants invite: a one-time link for {whom}, valid until "
          f"{when(invitation.expires_at)}; it works once, give it in person:")  # fmt: skip
    print(link)
    code = segno.make(link, error="m")
    if args.png is not None:
        code.save(args.png, scale=8, border=4)
        print(f"the QR code is in {args.png}")
    else:
        code.terminal(out=sys.stdout, compact=True)
    return 0


# Helpers -------------------------------------------------------------------------------------


def _run(work: Callable[[ParticipantService], Awaitable[_T]]) -> _T:
    """`work` on the participants service of the configured database."""
    settings = load_settings()
    base = core(settings)
    rules = Rules(
        languages=shipped_languages(),
        default_region=settings.default_region,
        programs=load_campaigns(deployment=settings.campaigns_dir).keys(),
    )
    return with_database(
        base,
        lambda database: work(ParticipantService(database.units, rules, utc_now, base.campaigns)),
    )


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _csv_rows(path: Path) -> list[tuple[int, Mapping[str, str]]]:
    """The rows of an import file with their line numbers; ParticipantError when its
    header lacks a required column or has one nobody knows."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ParticipantError(
            [Problem("file", f"{path}: cannot be read ({exc.__class__.__name__})")]
        ) from None
    reader = csv.DictReader(text.splitlines(keepends=True))
    header = reader.fieldnames or []
    problems = [Problem(column, "unknown column", 1) for column in unknown_columns(header)]
    problems += [
        Problem(column, "missing column", 1) for column in REQUIRED if column not in header
    ]
    if problems:
        raise ParticipantError(problems)
    rows: list[tuple[int, Mapping[str, str]]] = []
    for fields in reader:
        if None in fields:
            problems.append(
                Problem("row", "more cells than the header has columns", reader.line_num)
            )
        rows.append((reader.line_num, {k: v or "" for k, v in fields.items() if k is not None}))
    if problems:
        raise ParticipantError(problems)
    return rows
