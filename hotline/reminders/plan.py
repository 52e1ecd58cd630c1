"""A participant's plan: each step of their campaign for each recipient, as a UTC instant;
and what changes in the stored plan when anything it was made from changes.

The plan is pure: `plan(subject, campaign)` lists every message the campaign makes for one
participant, and `replan(existing, fresh, now)` compares it with the rows already stored.

Identity. A planned message's `key` (participant, campaign, step, recipient) names "this
step for this recipient", and its `anchor` the release date it was counted from: one live
row per (key, anchor), which a unique index on those two among rows not cancelled enforces
(a partial index, on SQLite and PostgreSQL alike), so an insert is idempotent. Each message
also carries the version of the campaign it was planned under (RapidPro's mailroom has
`fire_version`); since a re-plan runs eagerly, in the transaction that changes what the plan
is made from, a dispatcher need not skip rows of an older version: they are still right.

Re-planning touches only the future that has not happened:
- rows already sent, delivered, failed or skipped, and rows being sent, stay as they are:
  they are the history;
- an unsent row due at or before `now` belongs to the dispatcher (catch-up or skip);
- an unsent row due after `now` is kept when the fresh plan has the same message (a new
  campaign version alone changes nothing), and is cancelled otherwise (a new time, channel
  order, language, content, or a step gone);
- a fresh message due after `now` is inserted unless that step for that recipient and
  release date is already sent, being sent or past due;
- a fresh message due at or before `now` that was never planned (a person enrolled late, a
  release date moved earlier) is either brought forward to `now` (each person's latest
  missed step and every missed task, while the release is ahead) or recorded as skipped with
  the reason (`reminders.missed`).
So an edited campaign re-plans future steps only and never repeats a step already sent,
while a release date moved later plans the steps before it again, counted from the new date
(the specialist must still plan the pre-release meeting).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from functools import lru_cache

from hotline.reminders.campaign import Campaign, Channel, RecipientKind
from hotline.reminders.delivery import SkipReason, Window
from hotline.reminders.missed import missed
from hotline.reminders.offsets import local_instant, zone

__all__ = [
    "HANDLED",
    "PlanSubject",
    "PlannedMessage",
    "PlannedRow",
    "Recipient",
    "Replan",
    "RowStatus",
    "plan",
    "replan",
]


@dataclass(frozen=True)
class Recipient:
    """Someone a campaign reaches: the participant or one of their family contacts."""

    kind: RecipientKind
    ref: str  # the participant's or the family contact's id (never a number or a name)
    zone: str  # IANA time zone, e.g. Asia/Tbilisi
    language: str
    channels: tuple[Channel, ...]  # those this person can be reached on now


@dataclass(frozen=True)
class PlanSubject:
    """What a participant's plan is made from."""

    participant: str
    release: date
    zone: str  # the participant's IANA zone: a specialist's task is timed in it
    language: str
    recipients: tuple[Recipient, ...]
    specialist: str | None = None  # None: the task goes to whoever is on duty


@dataclass(frozen=True, slots=True)  # slots: a bulk import holds many at once
class PlannedMessage:
    """One step for one recipient, at one instant."""

    key: str
    participant: str
    campaign: str
    version: str = field(compare=False)  # a new version alone changes no planned message
    step: str
    anchor: date  # the release date it was counted from
    recipient_kind: RecipientKind
    recipient_ref: str | None  # None for a task nobody is assigned to
    due_at: datetime  # UTC
    local_date: date  # the day in the recipient's zone
    local_time: time
    zone: str
    language: str
    channels: tuple[Channel, ...]  # the step's order, kept to those the recipient has
    window: Window
    flow: str | None = None
    message: str | None = None
    last: bool = False


class RowStatus(StrEnum):
    """Where a stored row of the plan stands."""

    PLANNED = "planned"
    SENDING = "sending"
    SENT = "sent"
    DELIVERED = "delivered"
    FAILED = "failed"
    SKIPPED = "skipped"
    CANCELLED = "cancelled"


HANDLED = frozenset({RowStatus.SENT, RowStatus.DELIVERED, RowStatus.FAILED, RowStatus.SKIPPED})


@dataclass(frozen=True, slots=True)
class PlannedRow:
    """A row of the stored plan: its storage id, its status, the message it holds."""

    id: int | str
    status: RowStatus
    message: PlannedMessage


@dataclass(frozen=True)
class Replan:
    """What a re-plan changes: rows to cancel, messages to insert, and missed messages to
    record as skipped, with why (in one transaction)."""

    cancel: tuple[PlannedRow, ...]
    insert: tuple[PlannedMessage, ...]
    skip: tuple[tuple[PlannedMessage, SkipReason], ...] = ()

    @property
    def changes(self) -> bool:
        """True when anything is to be written."""
        return bool(self.cancel or self.insert or self.skip)


def plan(subject: PlanSubject, campaign: Campaign) -> list[PlannedMessage]:
    """Every message `campaign` makes for `subject`, in the order they are due."""
    planned: list[PlannedMessage] = []
    task = Recipient(
        RecipientKind.SPECIALIST_TASK, subject.specialist or "", subject.zone, subject.language, ()
    )
    by_kind = {kind: [r for r in subject.recipients if r.kind is kind] for kind in RecipientKind}
    by_kind[RecipientKind.SPECIALIST_TASK] = [task]
    zones = {r.zone: zone(r.zone) for r in (task, *subject.recipients)}
    prefix = f"{subject.participant}/{campaign.name}"
    for step in campaign.steps:
        day = step.offset.apply(subject.release)
        due: dict[str, datetime] = {}  # the step's instant in each zone, made as needed
        for kind in step.recipients:
            for recipient in by_kind[kind]:
                ref = recipient.ref or None
                due_at = due.get(recipient.zone)
                if due_at is None:
                    due_at = local_instant(day, step.at, zones[recipient.zone])
                    due[recipient.zone] = due_at
                planned.append(
                    PlannedMessage(
                        key=f"{prefix}/{step.id}/{kind.value}/{ref or '-'}",
                        participant=subject.participant,
                        campaign=campaign.name,
                        version=campaign.version,
                        step=step.id,
                        anchor=subject.release,
                        recipient_kind=kind,
                        recipient_ref=ref,
                        due_at=due_at,
                        local_date=day,
                        local_time=step.at,
                        zone=recipient.zone,
                        language=recipient.language,
                        channels=_kept(step.channels, recipient.channels),
                        window=step.window,
                        flow=step.flow,
                        message=step.message,
                        last=step.last,
                    )
                )
    planned.sort(key=lambda m: (m.due_at, m.key))
    return planned


@lru_cache(maxsize=1024)  # a campaign's channel orders by what people can be reached on
def _kept(order: tuple[Channel, ...], reachable: tuple[Channel, ...]) -> tuple[Channel, ...]:
    """The channels of `order` a recipient can be reached on, in the step's order."""
    return tuple(c for c in order if c in reachable)


def replan(
    existing: Sequence[PlannedRow], fresh: Sequence[PlannedMessage], now: datetime
) -> Replan:
    """The rows to cancel and the messages to insert so the stored plan follows `fresh`
    from `now` on, leaving the past and everything sent alone (see the module's rules)."""
    pending = {
        row.message.key: row
        for row in existing
        if row.status is RowStatus.PLANNED and row.message.due_at > now
    }
    # One live row per step, recipient and release date: what was sent, is being sent, or
    # is past due (the dispatcher's: catch-up or skip) is not planned again.
    reached = [
        row
        for row in existing
        if row.status in HANDLED
        or row.status is RowStatus.SENDING
        or (row.status is RowStatus.PLANNED and row.message.due_at <= now)
    ]
    taken = {(row.message.key, row.message.anchor) for row in reached}
    keep: set[str] = set()
    insert: list[PlannedMessage] = []
    for message in fresh:
        if message.due_at <= now:
            continue
        current = pending.get(message.key)
        if current is not None and current.message == message:  # the version is not compared
            keep.add(message.key)
        elif (message.key, message.anchor) not in taken:
            insert.append(message)
    cancel = tuple(row for key, row in pending.items() if key not in keep)
    late = missed(reached, fresh, now)
    return Replan(cancel=cancel, insert=(*late.now, *insert), skip=late.skip)
