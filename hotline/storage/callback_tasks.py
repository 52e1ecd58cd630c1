"""Callback tasks on one unit of work's connection: a caller's number and recording link,
encrypted, kept only while the task is open."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Table, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from hotline.escalation.model import Result, TaskRow
from hotline.storage.escalation_records import end_record
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
        """Close a task: the number and the recording link are deleted, the record ends."""
        closed = await self.conn.execute(
            update(_TASKS)
            .where(_TASKS.c.escalation_id == escalation_id, _TASKS.c.closed_at.is_(None))
            .values(contact=None, recording_url=None, closed_at=now)
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
