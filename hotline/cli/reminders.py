"""`hotline reminders upcoming | history`: the planned messages ahead, and what became of a
participant's messages, in each recipient's local time. No contact is ever printed: a
recipient is "participant", "family <name>" or the specialist's staff id."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from datetime import timedelta

from hotline.bootstrap import Database, core
from hotline.cli.common import SubParsers, table, wall, with_database
from hotline.clock import utc_now
from hotline.config import load_settings
from hotline.participants import Participant, ParticipantError, Problem
from hotline.reminders.campaign import RecipientKind
from hotline.reminders.offsets import zone
from hotline.reminders.ports import Attempt, StoredMessage

__all__ = ["add_parser"]

MAX_DAYS = 3660


def add_parser(sub: SubParsers) -> None:
    """The command's arguments."""
    reminders = sub.add_parser("reminders", help="planned reminders and check-ins").add_subparsers(
        required=True, metavar="ACTION"
    )
    upcoming = reminders.add_parser(
        "upcoming", help="messages planned for the next days, in the recipient's local time"
    )
    upcoming.add_argument(
        "--days",
        type=_days,
        help="how many days ahead (default 7; with --case, the whole plan)",
    )
    upcoming.add_argument("--case", help="one participant's messages only")
    upcoming.set_defaults(func=_upcoming)
    history = reminders.add_parser(
        "history", help="every message of a participant, each attempt and its outcome"
    )
    history.add_argument("case", help="the participant's case code")
    history.set_defaults(func=_history)


def _upcoming(args: argparse.Namespace) -> int:
    base = core(load_settings())
    now = utc_now()
    case = args.case.strip().upper() if args.case else None
    days = args.days or (MAX_DAYS if case else 7)

    async def read(database: Database) -> tuple[list[StoredMessage], dict[str, Participant]]:
        async with database.units() as uow:
            people = {}
            if case is not None:
                participant = await uow.participants.get(case)
                if participant is None:
                    raise _unknown(case)
                people[case] = participant
            rows = await uow.plan.upcoming(now, now + timedelta(days=days), case)
            others = {row.message.participant for row in rows} - set(people)
            people.update(await uow.participants.get_many(others))
        return rows, people

    rows, people = with_database(base, read)
    scope = f" for {case}" if case else ""
    ahead = "from now on" if days == MAX_DAYS else f"in the next {days} days"
    if not rows:
        print(f"hotline reminders upcoming: nothing planned{scope} {ahead}")
        return 0
    print(f"{len(rows)} messages planned{scope} {ahead}; times are the recipient's own:\n")
    lines = [
        [
            wall(row.ready_at if row.ready_at > row.message.due_at else row.message.due_at,
                 zone(row.message.zone)),
            row.message.participant,
            row.message.step,
            _whom(row, people.get(row.message.participant)),
            _content(row),
            ", ".join(row.message.channels) or "staff desk",
        ]
        for row in rows
    ]  # fmt: skip
    for line in table(("when", "case", "step", "to", "sends", "channels"), lines):
        print(line)
    return 0


def _history(args: argparse.Namespace) -> int:
    base = core(load_settings())
    case = args.case.strip().upper()

    async def read(
        database: Database,
    ) -> tuple[Participant, list[tuple[StoredMessage, list[Attempt]]]]:
        async with database.units() as uow:
            participant = await uow.participants.get(case)
            if participant is None:
                raise _unknown(case)
            return participant, await uow.plan.history(case)

    participant, rows = with_database(base, read)
    print(f"{case}: {len(rows)} planned messages ({participant.program}); local times:\n")
    lines: list[Sequence[str]] = []
    for row, attempts in rows:
        tz = zone(row.message.zone)
        lines.append(
            [
                wall(row.message.due_at, tz),
                row.message.step,
                _whom(row, participant),
                row.status.value,
                row.channel or "",
                row.reason or "",
            ]
        )
        lines.extend(
            [
                f"  {wall(a.at, tz)}",
                "",
                "",
                f"  {a.outcome}",
                a.channel or "",
                a.detail or "",
            ]
            for a in attempts
        )
    for line in table(("due / attempt", "step", "to", "status", "channel", "why"), lines):
        print(line)
    return 0


def _whom(row: StoredMessage, participant: Participant | None) -> str:
    kind = row.message.recipient_kind
    if kind is RecipientKind.PARTICIPANT:
        return "participant"
    if kind is RecipientKind.SPECIALIST_TASK:
        return f"{row.message.recipient_ref or 'on duty'} (task)"
    relative = None
    if participant is not None:
        relative = next((f for f in participant.family if f.id == row.message.recipient_ref), None)
    return f"family {relative.name}" if relative is not None else "family (removed)"


def _content(row: StoredMessage) -> str:
    m = row.message
    return f"flow {m.flow}" if m.flow else f"message {m.message}"


def _unknown(case: str) -> ParticipantError:
    return ParticipantError([Problem("case", "no participant has this case code")], case=case)


def _days(text: str) -> int:
    try:
        days = int(text)
    except ValueError:
        days = 0
    if not 1 <= days <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"{text!r}: give a number of days from 1 to {MAX_DAYS}")
    return days
