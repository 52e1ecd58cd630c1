"""How a planned message is written as a row of `planned_messages` (one insert, or a line of
PostgreSQL's COPY) and read back, and how an attempt is written."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from datetime import datetime, time
from functools import lru_cache
from typing import Any, TypeVar

from sqlalchemy import Row

from hotline.reminders.campaign import Channel, RecipientKind
from hotline.reminders.delivery import Window, parse_window
from hotline.reminders.plan import PlannedMessage, PlannedRow, RowStatus
from hotline.reminders.ports import Attempt, StoredMessage

_T = TypeVar("_T")
_CHUNK = 500  # rows a statement: 30 columns each, well under both engines' parameter limits


def attempt_values(row_id: int, attempt: Attempt) -> dict[str, Any]:
    return {
        "planned_id": row_id,
        "at": attempt.at,
        "channel": attempt.channel,
        "outcome": attempt.outcome,
        "provider_id": attempt.provider_id,
        "detail": (attempt.detail or "")[:200] or None,
    }


def row_values(m: PlannedMessage, now: datetime) -> dict[str, Any]:
    return {
        "key": m.key,
        "anchor": m.anchor,
        "participant": m.participant,
        "campaign": m.campaign,
        "version": m.version,
        "step": m.step,
        "recipient_kind": m.recipient_kind.value,
        "recipient_ref": m.recipient_ref,
        "due_at": m.due_at,
        "local_date": m.local_date,
        "local_time": f"{m.local_time:%H:%M}",
        "zone": m.zone,
        "language": m.language,
        "channels": [c.value for c in m.channels],
        "window": str(m.window),
        "flow": m.flow,
        "message": m.message,
        "last": m.last,
        "status": RowStatus.PLANNED.value,
        "ready_at": m.due_at,
        "attempts": 0,
        "created_at": now,
        "updated_at": now,
    }


COPY_COLUMNS = [
    "key", "anchor", "participant", "campaign", "version", "step", "recipient_kind",
    "recipient_ref", "due_at", "local_date", "local_time", "zone", "language", "channels",
    "window", "flow", "message", "last", "status", "ready_at", "attempts", "created_at",
    "updated_at",
]  # fmt: skip


def copy_record(m: PlannedMessage, now: datetime) -> tuple[Any, ...]:
    """A row for COPY, in `_COPY_COLUMNS` order (JSON as text, as asyncpg sends it)."""
    return (
        m.key, m.anchor, m.participant, m.campaign, m.version, m.step,
        m.recipient_kind.value, m.recipient_ref, m.due_at, m.local_date,
        _clock_text(m.local_time), m.zone, m.language, _channels_json(m.channels),
        _window_text(m.window), m.flow, m.message, m.last, _PLANNED, m.due_at, 0, now, now,
    )  # fmt: skip


# The texts of values a campaign repeats in every row, made once (two million rows apiece).
_PLANNED = RowStatus.PLANNED.value


@lru_cache(maxsize=256)
def _clock_text(at: time) -> str:
    return f"{at:%H:%M}"


@lru_cache(maxsize=256)
def _channels_json(channels: tuple[Channel, ...]) -> str:
    return json.dumps([c.value for c in channels])


@lru_cache(maxsize=256)
def _window_text(window: Window) -> str:
    return str(window)


def stored_message(row: Row[Any]) -> StoredMessage:
    """A row of the plan as the reminders see it."""
    message = PlannedMessage(
        key=row.key,
        participant=row.participant,
        campaign=row.campaign,
        version=row.version,
        step=row.step,
        anchor=row.anchor,
        recipient_kind=RecipientKind(row.recipient_kind),
        recipient_ref=row.recipient_ref,
        due_at=row.due_at,
        local_date=row.local_date,
        local_time=time.fromisoformat(row.local_time),
        zone=row.zone,
        language=row.language,
        channels=tuple(Channel(c) for c in row.channels),
        window=parse_window(row.window),
        flow=row.flow,
        message=row.message,
        last=bool(row.last),
    )
    return StoredMessage(
        row=PlannedRow(row.id, RowStatus(row.status), message),
        ready_at=row.ready_at,
        attempts=row.attempts,
        channel=row.channel,
        provider_id=row.provider_id,
        reason=row.reason,
        sending_at=row.sending_at,
        sent_at=row.sent_at,
    )


def chunks(items: Sequence[_T]) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]
