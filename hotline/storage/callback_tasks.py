"""Callback tasks on one unit of work's connection: a caller's number and recording link,
encrypted, kept only while the task is open. A program task's "contact" is a participant's
case code (a pseudonym, encrypted too): it stays, so their page lists the task once done."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Table, case, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from hotline.escalation.model import EscalationRow, Kind, Result, TaskRow
from hotline.storage.escalation_records import ESCALATIONS, end_record, escalation_row
from hotline.storage.models import CallbackTask

_TASKS = cast(Table, CallbackTask.__table__)


class SqlTasks:
    """The TaskRepository of a unit of work."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def add(
        self,
        escalation_id: str,
        *,
        kind: str,
        contact: str | None,
        recording_url: str | None,
        duration_s: int | None,
        expires_at: datetime,
    ) -> None:
        """Keep what is needed to call back, encrypted, until `expires_at` at the latest."""
        await self.conn.execute(
            insert(_TASKS).values(
                escalation_id=escalation_id,
                kind=kind,
                contact=contact,
                recording_url=recording_url,
                duration_s=duration_s,
                expires_at=expires_at,
            )
        )

    async def get(self, escalation_id: str) -> TaskRow | None:
        """One task."""
        query = select(_TASKS).where(_TASKS.c.escalation_id == escalation_id)
        row = (await self.conn.execute(query)).first()
        return TaskRow(**row._mapping) if row else None

    async def close(self, escalation_id: str, now: datetime, outcome: Result) -> bool:
        """Close a task: the number and the recording link are deleted (a program task's
        case code stays), the record ends."""
        kind = select(ESCALATIONS.c.kind).where(ESCALATIONS.c.id == escalation_id).scalar_subquery()
        closed = await self.conn.execute(
            update(_TASKS)
            .where(_TASKS.c.escalation_id == escalation_id, _TASKS.c.closed_at.is_(None))
            .values(
                contact=case((kind == Kind.TASK.value, _TASKS.c.contact), else_=None),
                recording_url=None,
                closed_at=now,
            )
        )
        await end_record(self.conn, escalation_id, outcome, now)
        return bool(closed.rowcount == 1)

    async def expired(self, now: datetime) -> list[str]:
        """The open tasks past their keeping time."""
        ids = await self.conn.execute(
            select(_TASKS.c.escalation_id).where(
                _TASKS.c.closed_at.is_(None), _TASKS.c.expires_at <= now
            )
        )
        return list(ids.scalars())

    async def program_tasks(self) -> list[tuple[TaskRow, EscalationRow]]:
        """Every program task with its record, oldest first (contacts still encrypted)."""
        task = {f"task_{c.name}": c for c in _TASKS.c}
        rows = await self.conn.execute(
            select(ESCALATIONS, *(c.label(name) for name, c in task.items()))
            .join(_TASKS, ESCALATIONS.c.id == _TASKS.c.escalation_id)
            .where(ESCALATIONS.c.kind == Kind.TASK.value, _TASKS.c.contact.is_not(None))
            .order_by(ESCALATIONS.c.started_at)
        )
        found = []
        for row in rows:
            m = row._mapping
            fields = {name.removeprefix("task_"): m[name] for name in task}
            found.append((TaskRow(**fields), escalation_row(row)))
        return found
