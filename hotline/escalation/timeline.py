"""An escalation's timeline: what happened, and why nobody was reached yet.

The events (who was rung, who was alerted, a callback rung) are kept as they happen; the
rest is read off the escalation itself (opened, taken, ended) and its next alert timer.
`timeline` is pure: it returns entries as Fluent message ids (`timeline.ftl`) with their
arguments, for a reader's language: the staff dashboard words them, formatting a `time`
argument (a datetime) in the reader's locale and zone first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from hotline.dashboard_texts import DashboardText
from hotline.escalation.model import CRISIS, EscalationRow

__all__ = ["Entry", "EscalationEvent", "EventKind", "timeline"]

NO_ALERTS = DashboardText.TIMELINE_NO_ALERTS

Arg = str | int | datetime


class EventKind(StrEnum):
    """What happened to an escalation that its record does not say."""

    RANG = "rang"  # a staff phone rang for a call (the whisper)
    ALERTED = "alerted"  # a message with Take went to a person, or to the staff group
    CALLED_BACK = "called-back"  # a specialist rang the person back through the hotline


@dataclass(frozen=True)
class EscalationEvent:
    """One event: `staff_id` None is the staff group; `seconds` how long a phone rang."""

    at: datetime
    kind: EventKind
    staff_id: str | None = None
    channel: str | None = None
    seconds: int | None = None


@dataclass(frozen=True)
class Entry:
    """One line of a timeline: when, and what (a message and its arguments)."""

    at: datetime
    message: DashboardText
    args: Mapping[str, Arg] = field(default_factory=dict)


def timeline(
    row: EscalationRow,
    events: Sequence[EscalationEvent],
    next_alert: datetime | None,
    now: datetime,
    names: Mapping[str, str],
    earlier: Sequence[tuple[EscalationRow, Sequence[EscalationEvent]]] = (),
    *,
    alerting: bool = True,
) -> list[Entry]:
    """The escalation's story in time order, ending, while it waits, with why nobody has
    been reached yet. `names`: staff ids to the names staff know each other by. `earlier`:
    what ended before it in the same call or chat, told first (a callback request after
    a call nobody answered says who was rung). `alerting` False: this server has no way to
    alert staff (no notifier), so no alert will go out whatever its timers say."""
    entries = [e for before, its in earlier for e in _told(before, its, names)]
    entries += _told(row, events, names)
    if row.ended_at is None and row.staff_id is None:
        waits = _waiting(events, next_alert, now) if alerting else Entry(now, NO_ALERTS)
        entries.append(waits)
    return sorted(entries, key=lambda e: e.at)


def _told(
    row: EscalationRow, events: Sequence[EscalationEvent], names: Mapping[str, str]
) -> list[Entry]:
    """What the record and its events say: opened, rung, alerted, taken, ended."""

    def who(staff_id: str | None) -> str:
        return names.get(staff_id, staff_id) if staff_id else ""

    opened = (
        DashboardText.TIMELINE_OPENED_URGENT
        if row.reason == CRISIS
        else DashboardText.TIMELINE_OPENED
    )
    entries = [
        Entry(row.started_at, opened, {"kind": row.kind.value, "channel": row.channel}),
    ]
    for event in sorted(events, key=lambda e: e.at):
        match event.kind:
            case EventKind.RANG:
                args: dict[str, Arg] = {"staff": who(event.staff_id), "seconds": event.seconds or 0}
                entries.append(Entry(event.at, DashboardText.TIMELINE_RANG, args))
            case EventKind.ALERTED if event.staff_id is None:
                entries.append(
                    Entry(
                        event.at,
                        DashboardText.TIMELINE_ALERTED_GROUP,
                        {"channel": event.channel or ""},
                    )
                )
            case EventKind.ALERTED:
                args = {"staff": who(event.staff_id), "channel": event.channel or ""}
                entries.append(Entry(event.at, DashboardText.TIMELINE_ALERTED, args))
            case EventKind.CALLED_BACK:
                entries.append(
                    Entry(
                        event.at, DashboardText.TIMELINE_CALLED_BACK, {"staff": who(event.staff_id)}
                    )
                )
    if row.staff_id is not None and row.answered_at is not None:
        waited = int((row.answered_at - row.started_at).total_seconds())
        args = {"staff": who(row.staff_id), "seconds": max(waited, 0), "minutes": waited // 60}
        entries.append(Entry(row.answered_at, DashboardText.TIMELINE_TAKEN, args))
    if row.ended_at is not None:
        outcome = row.outcome.value if row.outcome else "done"
        entries.append(Entry(row.ended_at, DashboardText.TIMELINE_ENDED, {"outcome": outcome}))
    return entries


def _waiting(
    events: Sequence[EscalationEvent], next_alert: datetime | None, now: datetime
) -> Entry:
    """Why an open escalation has nobody yet."""
    reached = any(e.kind in (EventKind.ALERTED, EventKind.RANG) for e in events)
    if next_alert is None:
        return Entry(
            now,
            DashboardText.TIMELINE_NOBODY_TOOK_IT
            if reached
            else DashboardText.TIMELINE_NOBODY_TO_ALERT,
        )
    if not reached and next_alert > now:
        return Entry(now, DashboardText.TIMELINE_NOBODY_ON_DUTY, {"time": next_alert})
    return Entry(now, DashboardText.TIMELINE_NEXT_ALERT, {"time": next_alert})
