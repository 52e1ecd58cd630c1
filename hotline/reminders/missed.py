"""Steps whose date passed before they could be planned: a person enrolled late, a release
date moved earlier, a family contact added. Pure: what `plan.replan` brings forward and what
it records as skipped.

A fresh message due at or before `now` is *missed* when nothing was ever done for its step
and recipient under any release date: no row sent, being sent, skipped, failed, or planned
and already due. (A step sent before the release date moved is not missed again; a task
whose specialist changed is the same task.) Of the missed ones, only while the release is
still ahead in the participant's zone:
- for each person (the participant, each family contact), the LATEST missed step is brought
  forward to `now`, so they get the most recent information at once (the dispatcher still
  keeps to their waking hours and the gap), unless they already had a later step;
- every missed task for the specialist is brought forward (the meeting must still be
  planned).
Every other missed step is recorded as skipped with the reason, so the history tells the
truth. Once the release has passed nothing is brought forward: all missed steps are skipped.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING

from hotline.reminders.campaign import RecipientKind
from hotline.reminders.delivery import SkipReason
from hotline.reminders.offsets import zone

if TYPE_CHECKING:
    from hotline.reminders.plan import PlannedMessage, PlannedRow

__all__ = ["Missed", "missed"]

_Slot = tuple[str, str, RecipientKind, str | None]  # campaign, step, recipient kind, whom
_Person = tuple[RecipientKind, str | None]


@dataclass(frozen=True)
class Missed:
    """Missed steps: those brought forward to now, and those skipped (with why)."""

    now: tuple[PlannedMessage, ...] = ()
    skip: tuple[tuple[PlannedMessage, SkipReason], ...] = ()


def missed(reached: Iterable[PlannedRow], fresh: Sequence[PlannedMessage], now: datetime) -> Missed:
    """Of `fresh` (in the order due), the missed messages brought forward and those skipped,
    given the rows of the plan already `reached` (dealt with or due; not cancelled)."""
    reached_rows = list(reached)
    done = {_slot(row.message) for row in reached_rows}
    late = [(i, m) for i, m in enumerate(fresh) if m.due_at <= now and _slot(m) not in done]
    if not late:
        return Missed()
    reason = SkipReason.LATE_PLAN if reached_rows else SkipReason.LATE_ENROLMENT
    position = {_slot(m): i for i, m in enumerate(fresh)}
    furthest: dict[_Person, int] = {}  # the latest step each person already had
    for row in reached_rows:
        at = position.get(_slot(row.message), -1)
        person = _person(row.message)
        furthest[person] = max(at, furthest.get(person, -1))
    latest: dict[_Person, int] = {}  # each person's latest missed step
    for i, m in late:
        if m.recipient_kind is not RecipientKind.SPECIALIST_TASK:
            latest[_person(m)] = i
    forward: list[PlannedMessage] = []
    skip: list[tuple[PlannedMessage, SkipReason]] = []
    for i, m in late:
        if _release_ahead(m, now) and (
            m.recipient_kind is RecipientKind.SPECIALIST_TASK
            or (latest[_person(m)] == i and i > furthest.get(_person(m), -1))
        ):
            forward.append(_due_now(m, now))
        else:
            skip.append((m, reason))
    return Missed(now=tuple(forward), skip=tuple(skip))


def _slot(m: PlannedMessage) -> _Slot:
    task = m.recipient_kind is RecipientKind.SPECIALIST_TASK
    return (m.campaign, m.step, m.recipient_kind, None if task else m.recipient_ref)


def _person(m: PlannedMessage) -> _Person:
    return (m.recipient_kind, m.recipient_ref)


def _release_ahead(m: PlannedMessage, now: datetime) -> bool:
    return now.astimezone(zone(m.zone)).date() < m.anchor


def _due_now(m: PlannedMessage, now: datetime) -> PlannedMessage:
    local = now.astimezone(zone(m.zone))
    return replace(
        m,
        due_at=now,
        local_date=local.date(),
        local_time=local.time().replace(second=0, microsecond=0, tzinfo=None),
    )
