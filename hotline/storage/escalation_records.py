"""Escalation records and their durable alert timers, on one unit of work's connection.

Taking an escalation is a conditional UPDATE, so of two staff pressing Take at once exactly
one wins, in any number of processes. Timers are claimed with FOR UPDATE SKIP LOCKED.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, and_, case, delete, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from hotline.escalation.model import CRISIS, DueTimer, EscalationRow, Kind, Result
from hotline.escalation.ports import DUE_BATCH
from hotline.storage.models import CallLogEntry, Escalation, EscalationTimer

ESCALATIONS = cast(Table, Escalation.__table__)
_TIMERS = cast(Table, EscalationTimer.__table__)
_LOG = cast(Table, CallLogEntry.__table__)


class SqlEscalations:
    """The EscalationRepository of a unit of work."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def open(
        self,
        *,
        log_id: str,
        kind: Kind,
        channel: str,
        language: str,
        reason: str,
        now: datetime,
        outcome: Result | None = None,
        escalation_id: str | None = None,
        attempts: int = 0,
        assigned_to: str | None = None,
    ) -> str:
        """Start a record; with `outcome` it is ended at once (after hours, say)."""
        escalation_id = escalation_id or str(uuid.uuid4())
        await self.conn.execute(
            insert(ESCALATIONS).values(
                id=escalation_id,
                log_id=log_id,
                kind=kind,
                channel=channel,
                language=language,
                reason=reason,
                assigned_to=assigned_to,
                started_at=now,
                attempts=attempts,
                stage=0,
                outcome=outcome,
                ended_at=now if outcome else None,
            )
        )
        return escalation_id

    async def log_work(self, channel: str, flow: str, language: str, now: datetime) -> str:
        """An anonymous call-log entry for work that began with no call or chat (a program
        task): the record an escalation hangs from; its id."""
        log_id = str(uuid.uuid4())
        await self.conn.execute(
            insert(_LOG).values(
                id=log_id,
                channel=channel,
                flow=flow,
                caller=None,
                started_at=now,
                language=language,
                path=[],
            )
        )
        return log_id

    async def get(self, escalation_id: str) -> EscalationRow | None:
        """One record."""
        query = select(ESCALATIONS).where(ESCALATIONS.c.id == escalation_id)
        row = (await self.conn.execute(query)).first()
        return escalation_row(row) if row else None

    async def open_of(self, staff_id: str, limit: int) -> list[EscalationRow]:
        """Escalations not ended that this staff member holds or is assigned (untaken)."""
        c = ESCALATIONS.c
        mine = or_(c.staff_id == staff_id, and_(c.assigned_to == staff_id, c.staff_id.is_(None)))
        query = (
            select(ESCALATIONS)
            .where(c.ended_at.is_(None), mine)
            .order_by(c.started_at, c.id)
            .limit(limit)
        )
        return [escalation_row(row) for row in await self.conn.execute(query)]

    async def open_work(self, limit: int) -> list[EscalationRow]:
        """Records that have not ended (taken or not): urgent first, then the oldest."""
        urgent_first = case((ESCALATIONS.c.reason == CRISIS, 0), else_=1)
        rows = await self.conn.execute(
            select(ESCALATIONS)
            .where(ESCALATIONS.c.ended_at.is_(None))
            .order_by(urgent_first, ESCALATIONS.c.started_at, ESCALATIONS.c.id)
            .limit(limit)
        )
        return [escalation_row(row) for row in rows]

    async def open_for_log(self, log_id: str, kind: Kind) -> EscalationRow | None:
        """The newest record of this kind for a call or chat that has not ended."""
        row = (
            await self.conn.execute(
                select(ESCALATIONS)
                .where(
                    ESCALATIONS.c.log_id == log_id,
                    ESCALATIONS.c.kind == kind,
                    ESCALATIONS.c.ended_at.is_(None),
                )
                .order_by(ESCALATIONS.c.started_at.desc())
                .limit(1)
            )
        ).first()
        return escalation_row(row) if row else None

    async def ended_before(self, log_id: str, before: datetime, limit: int) -> list[EscalationRow]:
        """Records of the same call or chat that ended by `before`, the oldest first."""
        rows = (
            await self.conn.execute(
                select(ESCALATIONS)
                .where(ESCALATIONS.c.log_id == log_id, ESCALATIONS.c.ended_at <= before)
                .order_by(ESCALATIONS.c.started_at.desc())
                .limit(limit)
            )
        ).all()
        return [escalation_row(row) for row in reversed(rows)]

    async def count_attempt(self, escalation_id: str, people: int) -> None:
        """`people` more were rung or alerted."""
        await self.conn.execute(
            update(ESCALATIONS)
            .where(ESCALATIONS.c.id == escalation_id)
            .values(attempts=ESCALATIONS.c.attempts + people)
        )

    async def take(self, escalation_id: str, staff_id: str, now: datetime) -> str | None:
        """Give the escalation to `staff_id` unless someone has it; its timers stop.

        Returns None when `staff_id` now holds it (or already did), else who holds it
        ("" when it ended untaken).
        """
        taken = await self.conn.execute(
            update(ESCALATIONS)
            .where(ESCALATIONS.c.id == escalation_id, ESCALATIONS.c.staff_id.is_(None))
            .where(ESCALATIONS.c.ended_at.is_(None))
            .values(staff_id=staff_id, answered_at=now)
        )
        if taken.rowcount == 1:
            await self.conn.execute(delete(_TIMERS).where(_TIMERS.c.escalation_id == escalation_id))
            return None
        holder = (
            await self.conn.execute(
                select(ESCALATIONS.c.staff_id).where(ESCALATIONS.c.id == escalation_id)
            )
        ).scalar_one_or_none()
        return None if holder == staff_id else (holder or "")

    async def end(self, escalation_id: str, outcome: Result, now: datetime) -> bool:
        """End a record that has not ended; False when it already had."""
        return await end_record(self.conn, escalation_id, outcome, now)

    async def records(self, since: datetime) -> list[tuple[EscalationRow, dict[str, Any]]]:
        """Every record started since `since`, with its call log row (anonymous; whether a
        simulator placed the call)."""
        rows = (
            await self.conn.execute(
                select(
                    ESCALATIONS,
                    _LOG.c.path.label("log_path"),
                    _LOG.c.outcome.label("log_outcome"),
                    _LOG.c.duration_s.label("log_duration_s"),
                    _LOG.c.simulated.label("log_simulated"),
                )
                .join(_LOG, _LOG.c.id == ESCALATIONS.c.log_id)
                .where(ESCALATIONS.c.started_at >= since)
                .order_by(ESCALATIONS.c.started_at)
            )
        ).all()
        return [
            (
                escalation_row(row),
                {
                    "path": row.log_path,
                    "outcome": row.log_outcome,
                    "duration_s": row.log_duration_s,
                    "simulated": bool(row.log_simulated),
                },
            )
            for row in rows
        ]

    async def mark_urgent(self, escalation_id: str) -> None:
        """Words of crisis came in: the record's reason becomes CRISIS."""
        await self.conn.execute(
            update(ESCALATIONS).where(ESCALATIONS.c.id == escalation_id).values(reason=CRISIS)
        )

    async def schedule(self, escalation_id: str, stages: list[tuple[int, datetime]]) -> None:
        """Run each (stage, due) of an escalation unless it is taken first."""
        await self.conn.execute(
            insert(_TIMERS),
            [
                {"escalation_id": escalation_id, "stage": stage, "due_at": due}
                for stage, due in stages
            ],
        )

    async def claim_due(self, now: datetime, limit: int = DUE_BATCH) -> list[DueTimer]:
        """Timers due by `now`, marked fired in this same transaction: each fires once.

        On PostgreSQL concurrent ticks skip each other's rows (FOR UPDATE SKIP LOCKED);
        SQLite has one writer at a time, which gives the same guarantee. Urgent work (words
        of crisis) is claimed ahead of everything else, then the longest due first.
        """
        conn = self.conn
        urgent_first = case((ESCALATIONS.c.reason == CRISIS, 0), else_=1)
        due = (
            await conn.execute(
                select(_TIMERS.c.id, _TIMERS.c.escalation_id, _TIMERS.c.stage, _TIMERS.c.due_at)
                .join(ESCALATIONS, ESCALATIONS.c.id == _TIMERS.c.escalation_id)
                .where(_TIMERS.c.fired_at.is_(None), _TIMERS.c.due_at <= now)
                .order_by(urgent_first, _TIMERS.c.due_at)
                .limit(limit)
                .with_for_update(of=_TIMERS, skip_locked=True)
            )
        ).all()
        if not due:
            return []
        await conn.execute(
            update(_TIMERS)
            .where(_TIMERS.c.id.in_([row.id for row in due]), _TIMERS.c.fired_at.is_(None))
            .values(fired_at=now)
        )
        escalations = {
            row.id: escalation_row(row)
            for row in (
                await conn.execute(
                    select(ESCALATIONS).where(
                        ESCALATIONS.c.id.in_({row.escalation_id for row in due})
                    )
                )
            ).all()
        }
        fired: list[DueTimer] = []
        for row in due:
            escalation = escalations[row.escalation_id]
            if not escalation.open:
                continue
            await conn.execute(
                update(ESCALATIONS)
                .where(ESCALATIONS.c.id == row.escalation_id, ESCALATIONS.c.stage < row.stage)
                .values(stage=row.stage)
            )
            fired.append(DueTimer(escalation, row.stage, row.due_at))
        return fired


async def end_record(
    conn: AsyncConnection, escalation_id: str, outcome: Result, now: datetime
) -> bool:
    """End a record that has not ended, and drop its timers; False when it had ended."""
    result = await conn.execute(
        update(ESCALATIONS)
        .where(ESCALATIONS.c.id == escalation_id, ESCALATIONS.c.ended_at.is_(None))
        .values(outcome=outcome, ended_at=now)
    )
    await conn.execute(delete(_TIMERS).where(_TIMERS.c.escalation_id == escalation_id))
    return bool(result.rowcount == 1)


def escalation_row(row: Any) -> EscalationRow:
    """A record from a row that holds the escalations table's columns."""
    m = row._mapping
    outcome = m["outcome"]
    return EscalationRow(
        id=m["id"],
        log_id=m["log_id"],
        kind=Kind(m["kind"]),
        channel=m["channel"],
        language=m["language"],
        reason=m["reason"],
        started_at=m["started_at"],
        answered_at=m["answered_at"],
        staff_id=m["staff_id"],
        attempts=m["attempts"],
        stage=m["stage"],
        outcome=Result(outcome) if outcome is not None else None,
        ended_at=m["ended_at"],
        assigned_to=m.get("assigned_to"),
    )
