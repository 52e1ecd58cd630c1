"""The plan of messages and the attempts to deliver them, on one unit of work's connection.

Claiming takes due rows with FOR UPDATE SKIP LOCKED on PostgreSQL, so processes that tick
at once never hold the same row; SQLite has one writer at a time and ignores the clause.
Every change of a row's status is a conditional UPDATE on the status it expects, so a late
status callback or a second process cannot move a row backwards.
"""

from __future__ import annotations

import builtins
import itertools
from collections.abc import Collection, Iterable, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Row, Table, and_, bindparam, func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from hotline.reminders.campaign import Channel, RecipientKind
from hotline.reminders.plan import PlannedMessage, PlannedRow, RowStatus
from hotline.reminders.ports import Attempt, Outlook, StoredMessage
from hotline.storage.models import (
    CallLogEntry,
    CallSession,
    MessageAttempt,
    PlannedMessageRow,
)
from hotline.storage.planned_rows import (
    COPY_COLUMNS,
    attempt_values,
    chunks,
    copy_record,
    row_values,
    stored_message,
)

__all__ = ["SqlPlan", "stored_message"]

_PLAN = cast(Table, PlannedMessageRow.__table__)
_ATTEMPTS = cast(Table, MessageAttempt.__table__)
_SESSIONS = cast(Table, CallSession.__table__)
_LOG = cast(Table, CallLogEntry.__table__)
_CHUNK = 500  # rows a statement: 30 columns each, well under both engines' parameter limits
_COPY_TIMEOUT_S = 1800  # one COPY takes a whole caseload's plan (100,000 people: 2.6M rows)
_OUT = (RowStatus.SENDING, RowStatus.SENT, RowStatus.DELIVERED)


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
        for chunk in chunks(sorted(int(i) for i in ids)):
            result = await self.conn.execute(
                update(_PLAN)
                .where(_PLAN.c.id.in_(chunk), _PLAN.c.status == RowStatus.PLANNED)
                .values(status=RowStatus.CANCELLED, updated_at=now)
            )
            count += result.rowcount
        return count

    async def insert(self, messages: Iterable[PlannedMessage], now: datetime) -> None:
        """Add messages to the plan, as planned rows ready at their due time.

        On PostgreSQL by one COPY in this transaction, fed as `messages` are made: asyncpg
        sends every 512 kB as it fills, so the server writes rows and their indexes while
        this process plans the next ones (a caseload's two million rows in seconds).
        Elsewhere a multi-row INSERT a few hundred rows at a time."""
        if self.conn.dialect.name == "postgresql":
            raw = await self.conn.get_raw_connection()
            driver = raw.driver_connection
            if driver is not None and hasattr(driver, "copy_records_to_table"):
                await driver.copy_records_to_table(
                    _PLAN.name,
                    records=(copy_record(m, now) for m in messages),
                    columns=COPY_COLUMNS,
                    timeout=_COPY_TIMEOUT_S,  # not the engine's 2 s a statement
                )
                return
        rows = iter(messages)
        while chunk := [row_values(m, now) for m in itertools.islice(rows, _CHUNK)]:
            await self.conn.execute(insert(_PLAN), chunk)

    async def record_skipped(
        self, skipped: Sequence[tuple[PlannedMessage, str]], now: datetime
    ) -> None:
        """Add messages to the plan as skipped, each with why (a step missed when planned)."""
        for chunk in chunks(skipped):
            await self.conn.execute(
                insert(_PLAN),
                [
                    row_values(m, now) | {"status": RowStatus.SKIPPED.value, "reason": reason}
                    for m, reason in chunk
                ],
            )

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

    async def sent_before(self, ref: str, row_id: int) -> bool:
        """True when anything other than row `row_id` went to recipient `ref` before it
        (sent or being sent): that row is not the first they get."""
        mine = select(_PLAN.c.sending_at).where(_PLAN.c.id == row_id).scalar_subquery()
        result = await self.conn.execute(
            select(_PLAN.c.id)
            .where(
                _PLAN.c.recipient_ref == ref,
                _PLAN.c.status.in_(_OUT),
                _PLAN.c.id != row_id,
                func.coalesce(_PLAN.c.sending_at, _PLAN.c.sent_at) < mine,
            )
            .limit(1)
        )
        return result.first() is not None

    async def outlook(self, participants: Collection[str]) -> dict[str, Outlook]:
        """Each participant's next planned message to them and latest check-in answer."""
        found: dict[str, Outlook] = {}
        for chunk in chunks(sorted(participants)):
            planned = _PLAN.c.status == RowStatus.PLANNED
            for row in await self._latest(chunk, planned, _PLAN.c.ready_at, func.min):
                found[row.participant] = Outlook(row.ready_at, row.step, row.flow is not None)
            answered = _PLAN.c.answered_at.is_not(None)
            for row in await self._latest(chunk, answered, _PLAN.c.answered_at, func.max):
                seen = found.get(row.participant, Outlook())
                found[row.participant] = replace(
                    seen, answer=row.answer, answered_at=row.answered_at
                )
        return found

    async def _latest(
        self, participants: Sequence[str], where: Any, column: Any, pick: Any
    ) -> builtins.list[Row[Any]]:
        """Per participant, their one row to them (not family, not a task) matching `where`
        whose `column` is the `pick` (func.min or func.max) of those rows'."""
        mine = and_(
            _PLAN.c.participant.in_(participants),
            _PLAN.c.recipient_kind == RecipientKind.PARTICIPANT.value,
            where,
        )
        best = (
            select(_PLAN.c.participant, pick(column).label("at"))
            .where(mine)
            .group_by(_PLAN.c.participant)
            .subquery()
        )
        query = (
            select(_PLAN)
            .join(best, and_(_PLAN.c.participant == best.c.participant, column == best.c.at))
            .where(mine)
            .order_by(_PLAN.c.id.desc())
        )
        chosen: dict[str, Row[Any]] = {}
        for row in await self.conn.execute(query):
            chosen.setdefault(row.participant, row)  # one row each, however many tie
        return list(chosen.values())

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
        await self.sending_many([(row_id, channel)], now)

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

    async def wait_many(self, rows: Sequence[tuple[int, datetime]], now: datetime) -> None:
        """`wait` of many planned rows, each (row id, until), in one statement."""
        if rows:
            await self.conn.execute(
                _WAIT, [{"b_id": row_id, "b_ready": until, "b_now": now} for row_id, until in rows]
            )

    async def sending_many(self, rows: Sequence[tuple[int, str]], now: datetime) -> None:
        """`sending` of many planned rows, each (row id, channel): a statement a channel."""
        by_channel: dict[str, builtins.list[int]] = {}
        for row_id, channel in rows:
            by_channel.setdefault(channel, []).append(row_id)
        for channel, ids in by_channel.items():
            for chunk in chunks(ids):
                await self.conn.execute(
                    update(_PLAN)
                    .where(_PLAN.c.id.in_(chunk), _PLAN.c.status == RowStatus.PLANNED)
                    .values(
                        status=RowStatus.SENDING,
                        channel=channel,
                        attempts=_PLAN.c.attempts + 1,
                        sending_at=now,
                        provider_id=None,
                        updated_at=now,
                    )
                )

    async def sent_many(self, rows: Sequence[tuple[int, str | None]], now: datetime) -> None:
        """`sent` of many rows being sent, each (row id, provider id), in one statement."""
        if rows:
            await self.conn.execute(
                _SENT, [{"b_id": row_id, "b_provider": p, "b_now": now} for row_id, p in rows]
            )

    async def attempts(self, attempts: Sequence[tuple[int, Attempt]]) -> None:
        """Record many attempts, each (row id, attempt), in one statement."""
        if attempts:
            await self.conn.execute(insert(_ATTEMPTS), [attempt_values(i, a) for i, a in attempts])

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
        await self.conn.execute(insert(_ATTEMPTS).values(attempt_values(row_id, attempt)))

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
        for chunk in chunks(list(attempts)):
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


# The batch forms of `wait` and `sent`: one statement, many rows (executemany), each row
# still conditional on the status it is expected in.
_WAIT = (
    update(_PLAN)
    .where(_PLAN.c.id == bindparam("b_id"), _PLAN.c.status == RowStatus.PLANNED)
    .values(ready_at=bindparam("b_ready"), updated_at=bindparam("b_now"))
)
_SENT = (
    update(_PLAN)
    .where(_PLAN.c.id == bindparam("b_id"), _PLAN.c.status == RowStatus.SENDING)
    .values(
        status=RowStatus.SENT,
        provider_id=bindparam("b_provider"),
        sent_at=bindparam("b_now"),
        updated_at=bindparam("b_now"),
    )
)
