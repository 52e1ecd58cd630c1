"""A specialist's own list (`/mine`) worded for the Telegram desk: their open work with its
age, then their participants by case code, each with the next message or check-in in the
participant's own local time and the last check-in's answer. One message, within Telegram's
4096 characters: what does not fit is counted in a last "… and N more" line."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hotline.escalation.caseload import Caseload, HeldWork, MyParticipant
from hotline.escalation.reach import NoteArg, StaffNote
from hotline.messages import MessageId
from hotline.reminders.offsets import zone

__all__ = ["TELEGRAM_LIMIT", "caseload_text"]

TELEGRAM_LIMIT = 4096  # characters of one message
_ROOM = 200  # kept for the "… and N more" line

Word = Callable[[StaffNote], str]


def caseload_text(word: Word, caseload: Caseload, limit: int = TELEGRAM_LIMIT) -> str:
    """The list as one message of at most `limit` characters."""
    if not caseload.work and not caseload.participants:
        return word(StaffNote.of(MessageId.STAFF_MINE_EMPTY))
    sections: list[tuple[str, list[str]]] = []
    if caseload.work:
        title = StaffNote.of(MessageId.STAFF_MINE_WORK_TITLE, count=len(caseload.work))
        sections.append((word(title), [_work(word, w, caseload.now) for w in caseload.work]))
    if caseload.participants:
        title = StaffNote.of(
            MessageId.STAFF_MINE_PARTICIPANTS_TITLE, count=len(caseload.participants)
        )
        sections.append((word(title), [_participant(word, p) for p in caseload.participants]))
    return _fit(word, sections, limit)


def _fit(word: Word, sections: list[tuple[str, list[str]]], limit: int) -> str:
    """The sections, item by item, until the next one would not leave room for the
    "… and N more" line."""
    parts: list[str] = []
    size = 0
    left = sum(len(items) for _, items in sections)
    for title, items in sections:
        for i, item in enumerate(items):
            piece = f"{title}\n{item}" if i == 0 else item
            if size + len(piece) + 2 > limit - _ROOM:
                more = word(StaffNote.of(MessageId.STAFF_MINE_MORE, count=left))
                return "\n\n".join([*parts, more])
            parts.append(piece)
            size += len(piece) + 2
            left -= 1
    return "\n\n".join(parts)


def _work(word: Word, work: HeldWork, now: datetime) -> str:
    age = word(StaffNote.of(MessageId.STAFF_MINE_AGE, **_age(now - work.since)))
    return "• " + word(
        StaffNote.of(
            MessageId.STAFF_MINE_WORK,
            taken="yes" if work.taken else "no",
            age=age,
            what=word(work.description),
        )
    )


def _participant(word: Word, p: MyParticipant) -> str:
    tz = zone(p.zone)
    head = StaffNote.of(
        MessageId.STAFF_MINE_PARTICIPANT,
        case=p.case,
        status=str(p.status),
        release=p.release.isoformat(),
    )
    o = p.outlook
    if o.next_at is None:
        upcoming = StaffNote.of(MessageId.STAFF_MINE_NEXT_NONE)
    else:
        upcoming = StaffNote.of(
            MessageId.STAFF_MINE_NEXT,
            checkin="yes" if o.next_checkin else "no",
            when=_local(o.next_at, tz),
        )
    if o.answer is None or o.answered_at is None:
        answer = StaffNote.of(MessageId.STAFF_MINE_ANSWER_NONE)
    else:
        answer = StaffNote.of(
            MessageId.STAFF_MINE_ANSWER, answer=o.answer, when=_local(o.answered_at, tz)
        )
    return "\n   ".join(["• " + word(head), word(upcoming), word(answer)])


def _age(age: timedelta) -> dict[str, NoteArg]:
    minutes = max(0, int(age.total_seconds() // 60))
    if minutes < 120:
        return {"unit": "minutes", "n": minutes}
    if minutes < 48 * 60:
        return {"unit": "hours", "n": minutes // 60}
    return {"unit": "days", "n": minutes // (24 * 60)}


def _local(at: datetime, tz: ZoneInfo) -> str:
    local = at.astimezone(tz)
    return f"{local:%Y-%m-%d %H:%M} {local.tzname()}"
