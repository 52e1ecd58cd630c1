"""The plan of messages and the attempts to deliver them, on one unit of work's connection.

Claiming takes due rows with FOR UPDATE SKIP LOCKED on PostgreSQL, so processes that tick
at once never hold the same row; SQLite has one writer at a time and ignores the clause.
Every change of a row's status is a conditional UPDATE on the status it expects, so a late
status callback or a second process cannot move a row backwards.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Collection, Iterator, Sequence
from datetime import datetime, time
from typing import Any, TypeVar, cast

from sqlalchemy import Row, Table, and_, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from hotline.reminders.campaign import Channel, RecipientKind
from hotline.reminders.delivery import parse_window
from hotline.reminders.plan import PlannedMessage, PlannedRow, RowStatus
from hotline.reminders.ports import Attempt, StoredMessage
from hotline.storage.models import (
    CallLogEntry,
    CallSession,
    MessageAttempt,
    PlannedMessageRow,
)

__all__ = ["SqlPlan", "stored_message"]

_PLAN = cast(Table, PlannedMessageRow.__table__)
_ATTEMPTS = cast(Table, MessageAttempt.__table__)
_SESSIONS = cast(Table, CallSession.__table__)
_LOG = cast(Table, CallLogEntry.__table__)
_CHUNK = 500  # rows a statement: 30 columns each, well under both engines' parameter limits
_OUT = (RowStatus.SENDING, RowStatus.SENT, RowStatus.DELIVERED)
_T = TypeVar("_T")


class SqlPlan:
    """The PlanRepository of a unit of work."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def rows_of(self, participant: str) -> builtins.list[PlannedRow]:
        """Every row of a participant's plan that is not cancelled."""
        result = await self.conn.execute(
            select(_PLAN).where(
                _PLAN.c.participant == participant, _PLAN.c.status != RowStatus.CANCELLED
            )
        )
        return [stored_message(row).row for row in result]

    async def cancel(self, ids: Collection[int | str], now: datetime) -> int:
        """Cancel these rows where they are still planned; how many."""
        count = 0
        for chunk in _chunks(sorted(int(i) for i in ids)):
            result = await self.conn.execute(
                update(_PLAN)
                .where(_PLAN.c.id.in_(chunk), _PLAN.c.status == RowStatus.PLANNED)
                .values(status=RowStatus.CANCELLED, updated_at=now)
            )
            count += result.rowcount
        return count

    async def insert(self, messages: Sequence[PlannedMessage], now: datetime) -> None:
        """Add messages to the plan, as planned rows ready at their due time (on PostgreSQL
        by COPY, in this transaction: a caseload's two million rows in seconds)."""
        if not messages:
            return
        if self.conn.dialect.name == "postgresql":
            raw = await self.conn.get_raw_connection()
            driver = raw.driver_connection
            if driver is not None and hasattr(driver, "copy_records_to_table"):
                records = [_record(m, now) for m in messages]
                await driver.copy_records_to_table(
                    _PLAN.name, records=records, columns=_COPY_COLUMNS
                )
                return
        for chunk in _chunks(messages):
            await self.conn.execute(insert(_PLAN), [_values(m, now) for m in chunk])

    async def claim(self, now: datetime, limit: int) -> builtins.list[StoredMessage]:
        """Planned rows ready by `now`, locked for this unit (others skip them on PostgreSQL)."""
        result = await self.conn.execute(
            select(_PLAN)
            .where(_PLAN.c.status == RowStatus.PLANNED, _PLAN.c.ready_at <= now)
            .order_by(_PLAN.c.ready_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return [stored_message(row) for row in result]

    async def last_sent(self, refs: Collection[str]) -> dict[str, datetime]:
        """The last time anything went to each of these recipients (sent or being sent)."""
        if not refs:
            return {}
        at = func.coalesce(_PLAN.c.sent_at, _PLAN.c.sending_at)
        result = await self.conn.execute(
            select(_PLAN.c.recipient_ref, func.max(at))
            .where(_PLAN.c.recipient_ref.in_(list(refs)), _PLAN.c.status.in_(_OUT))
            .group_by(_PLAN.c.recipient_ref)
        )
        return {str(ref): when for ref, when in result if when is not None}

    async def live_callers(self, callers: Collection[str], since: datetime) -> set[str]:
        """Those of these caller pseudonyms with a call or chat active since `since`."""
        if not callers:
            return set()
        result = await self.conn.execute(
            select(_LOG.c.caller)
            .join(_SESSIONS, _LOG.c.id == _SESSIONS.c.log_id)
            .where(
                _LOG.c.caller.in_(list(callers)),
                _SESSIONS.c.ended_at.is_(None),
                _SESSIONS.c.updated_at >= since,
            )
            .distinct()
        )
        return {str(caller) for caller in result.scalars()}

    async def wait(self, row_id: int, until: datetime, now: datetime) -> None:
        """Look at a planned row again at `until`."""
        await self._move(row_id, RowStatus.PLANNED, ready_at=until, updated_at=now)

    async def skip(self, row_id: int, reason: str, now: datetime) -> None:
        """A planned row will not be sent, for `reason`."""
        await self._move(
            row_id, RowStatus.PLANNED, status=RowStatus.SKIPPED, reason=reason, updated_at=now
        )

    async def sending(self, row_id: int, channel: str, now: datetime) -> None:
        """A row is about to be handed to a provider on `channel` (one more attempt)."""
        await self._move(
            row_id,
            RowStatus.PLANNED,
            status=RowStatus.SENDING,
            channel=channel,
            attempts=_PLAN.c.attempts + 1,
            sending_at=now,
            provider_id=None,
            updated_at=now,
        )

    async def sent(self, row_id: int, provider_id: str | None, now: datetime) -> None:
        """A row being sent was accepted by the provider."""
        await self._move(
            row_id,
            RowStatus.SENDING,
            status=RowStatus.SENT,
            provider_id=provider_id,
            sent_at=now,
            updated_at=now,
        )

    async def retry(
        self,
        row_id: int,
        at: datetime,
        reason: str,
        now: datetime,
        channels: Sequence[Channel] | None = None,
    ) -> None:
        """A row being sent goes back to planned, to be tried again at `at` (on the
        `channels` left, when one of them cannot take it)."""
        more = {} if channels is None else {"channels": [c.value for c in channels]}
        await self._move(
            row_id,
            RowStatus.SENDING,
            status=RowStatus.PLANNED,
            ready_at=at,
            reason=reason,
            updated_at=now,
            **more,
        )

    async def fail(self, row_id: int, reason: str, now: datetime) -> None:
        """A row will not be delivered: every channel failed, or the provider refused it."""
        await self._move(
            row_id, RowStatus.SENDING, status=RowStatus.FAILED, reason=reason, updated_at=now
        )

    async def reported(self, row_id: int, status: RowStatus, reason: str | None) -> bool:
        """The provider's report of a row sent or being sent; False when it is unknown or
        settled already (delivered or failed)."""
        result = await self.conn.execute(
            update(_PLAN)
            .where(
                _PLAN.c.id == row_id,
                _PLAN.c.status.in_((RowStatus.SENDING, RowStatus.SENT)),
            )
            .values(
                status=status,
                reason=reason,
                sent_at=func.coalesce(_PLAN.c.sent_at, _PLAN.c.sending_at),
            )
        )
        return bool(result.rowcount)

    async def get(self, row_id: int) -> StoredMessage | None:
        """One row."""
        row = (await self.conn.execute(select(_PLAN).where(_PLAN.c.id == row_id))).first()
        return None if row is None else stored_message(row)

    async def stuck(self, before: datetime, limit: int) -> builtins.list[StoredMessage]:
        """Rows left being sent since before `before` (a process stopped mid-send)."""
        result = await self.conn.execute(
            select(_PLAN)
            .where(_PLAN.c.status == RowStatus.SENDING, _PLAN.c.sending_at < before)
            .order_by(_PLAN.c.sending_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return [stored_message(row) for row in result]

    async def attempt(self, row_id: int, attempt: Attempt) -> None:
        """Record one attempt or report."""
        await self.conn.execute(
            insert(_ATTEMPTS).values(
                planned_id=row_id,
                at=attempt.at,
                channel=attempt.channel,
                outcome=attempt.outcome,
                provider_id=attempt.provider_id,
                detail=(attempt.detail or "")[:200] or None,
            )
        )

    async def upcoming(
        self, since: datetime, until: datetime, participant: str | None
    ) -> builtins.list[StoredMessage]:
        """Planned rows due between `since` and `until`, of one participant if given."""
        query = select(_PLAN).where(
            _PLAN.c.status == RowStatus.PLANNED,
            or_(
                and_(_PLAN.c.due_at >= since, _PLAN.c.due_at < until),
                _PLAN.c.ready_at < until,
            ),
        )
        if participant is not None:
            query = query.where(_PLAN.c.participant == participant)
        result = await self.conn.execute(query.order_by(_PLAN.c.ready_at, _PLAN.c.key))
        return [stored_message(row) for row in result]

    async def next_due(self, participants: Collection[str]) -> dict[str, datetime]:
        """When each of these participants' next planned message is due, by case code."""
        found: dict[str, datetime] = {}
        for chunk in _chunks(sorted(set(participants))):
            result = await self.conn.execute(
                select(_PLAN.c.participant, func.min(_PLAN.c.ready_at))
                .where(_PLAN.c.participant.in_(chunk), _PLAN.c.status == RowStatus.PLANNED)
                .group_by(_PLAN.c.participant)
            )
            found.update({str(case): when for case, when in result if when is not None})
        return found

    async def history(
        self, participant: str
    ) -> builtins.list[tuple[StoredMessage, builtins.list[Attempt]]]:
        """Every row of a participant (cancelled ones too) with its attempts, by due time."""
        rows = [
            stored_message(row)
            for row in await self.conn.execute(
                select(_PLAN)
                .where(_PLAN.c.participant == participant)
                .order_by(_PLAN.c.due_at, _PLAN.c.key, _PLAN.c.id)
            )
        ]
        attempts: dict[int, builtins.list[Attempt]] = {row.id: [] for row in rows}
        for chunk in _chunks(list(attempts)):
            result = await self.conn.execute(
                select(_ATTEMPTS)
                .where(_ATTEMPTS.c.planned_id.in_(chunk))
                .order_by(_ATTEMPTS.c.at, _ATTEMPTS.c.id)
            )
            for a in result:
                attempts[a.planned_id].append(
                    Attempt(a.at, a.channel, a.outcome, a.provider_id, a.detail)
                )
        return [(row, attempts[row.id]) for row in rows]

    async def _move(self, row_id: int, expected: RowStatus, **values: Any) -> bool:
        result = await self.conn.execute(
            update(_PLAN).where(_PLAN.c.id == row_id, _PLAN.c.status == expected).values(**values)
        )
        return bool(result.rowcount)


def _values(m: PlannedMessage, now: datetime) -> dict[str, Any]:
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


_COPY_COLUMNS = [
    "key", "anchor", "participant", "campaign", "version", "step", "recipient_kind",
    "recipient_ref", "due_at", "local_date", "local_time", "zone", "language", "channels",
    "window", "flow", "message", "last", "status", "ready_at", "attempts", "created_at",
    "updated_at",
]  # fmt: skip


def _record(m: PlannedMessage, now: datetime) -> tuple[Any, ...]:
    """A row for COPY, in `_COPY_COLUMNS` order (JSON as text, as asyncpg sends it)."""
    channels = json.dumps([c.value for c in m.channels])
    return (
        m.key, m.anchor, m.participant, m.campaign, m.version, m.step,
        m.recipient_kind.value, m.recipient_ref, m.due_at, m.local_date,
        f"{m.local_time:%H:%M}", m.zone, m.language, channels, str(m.window), m.flow,
        m.message, m.last, RowStatus.PLANNED.value, m.due_at, 0, now, now,
    )  # fmt: skip


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


def _chunks(items: Sequence[_T]) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]
