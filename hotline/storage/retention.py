"""The purge's reads and deletes (`retention.ports.RetentionRepository`) on both engines.

Call-log rows are taken with DELETE … RETURNING, so two purges at once (several replicas)
never fold a row twice: a row belongs to the transaction that deleted it. On PostgreSQL the
rows are picked with FOR UPDATE SKIP LOCKED, so the second purge takes other rows meanwhile.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import asdict
from datetime import datetime
from typing import cast

from sqlalchemy import Table, and_, delete, exists, func, insert, not_, or_, select
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import ColumnElement

from hotline.participants.model import Status
from hotline.retention.policy import CallerDay, LoggedCall, Total
from hotline.storage.dashboard_tables import AuditLogEntry
from hotline.storage.models import (
    CallLogEntry,
    CallSession,
    Escalation,
    ParticipantRow,
    PlannedMessageRow,
    Voicemail,
)
from hotline.storage.retention_tables import CallerTotal, CallLogTotal

__all__ = ["SqlRetention"]

_LOG = cast(Table, CallLogEntry.__table__)
_SESSIONS = cast(Table, CallSession.__table__)
_ESC = cast(Table, Escalation.__table__)
_PEOPLE = cast(Table, ParticipantRow.__table__)
_PLAN = cast(Table, PlannedMessageRow.__table__)
_VOICEMAILS = cast(Table, Voicemail.__table__)
_AUDIT = cast(Table, AuditLogEntry.__table__)
_TOTALS = cast(Table, CallLogTotal.__table__)
_CALLERS = cast(Table, CallerTotal.__table__)


def _past(before: datetime) -> tuple[ColumnElement[bool], ...]:
    """Call-log rows begun before `before` whose call is over and whose work is done."""
    open_work = exists().where(_ESC.c.log_id == _LOG.c.id, _ESC.c.ended_at.is_(None))
    live = exists().where(_SESSIONS.c.log_id == _LOG.c.id)
    return (_LOG.c.started_at < before, not_(open_work), not_(live))


class SqlRetention:
    """The RetentionRepository of a unit of work."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"

    async def take_calls(self, before: datetime, limit: int) -> list[LoggedCall]:
        """Delete at most `limit` finished call-log rows begun before `before`; their content."""
        picked = select(_LOG.c.id).where(*_past(before)).order_by(_LOG.c.started_at).limit(limit)
        if not self.sqlite:
            picked = picked.with_for_update(skip_locked=True)
        c = _LOG.c
        taken = await self.conn.execute(
            delete(_LOG)
            .where(_LOG.c.id.in_(picked.scalar_subquery()))
            .returning(
                c.started_at, c.channel, c.language, c.outcome, c.path, c.simulated,
                c.duration_s, c.caller,
            )
        )  # fmt: skip
        return [
            LoggedCall(
                r.started_at, r.channel, r.language, r.outcome, tuple(r.path or ()),
                bool(r.simulated), r.duration_s, r.caller,
            )
            for r in taken
        ]  # fmt: skip

    async def count_calls(self, before: datetime) -> int:
        """How many rows `take_calls` would take."""
        query = select(func.count()).select_from(_LOG).where(*_past(before))
        return int((await self.conn.execute(query)).scalar_one())

    async def add_totals(self, totals: Sequence[Total], callers: Sequence[CallerDay]) -> None:
        """Insert the counts of purged rows."""
        if totals:
            await self.conn.execute(insert(_TOTALS), [asdict(t) for t in totals])
        if callers:
            await self.conn.execute(insert(_CALLERS), [asdict(c) for c in callers])

    async def forget_voicemails(self, before: datetime, *, dry_run: bool) -> list[str]:
        """Delete (or only list) the voicemail records made before `before`; their links."""
        old = _VOICEMAILS.c.created_at < before
        if dry_run:
            query = select(_VOICEMAILS.c.recording_url).where(old)
            return list((await self.conn.execute(query)).scalars())
        gone = await self.conn.execute(
            delete(_VOICEMAILS).where(old).returning(_VOICEMAILS.c.recording_url)
        )
        return list(gone.scalars())

    async def participants_past(self, ended_before: datetime) -> list[tuple[str, str]]:
        """Participants who withdrew, or whose program ended before `ended_before`."""
        c = _PEOPLE.c
        query = (
            select(c.id, c.case_code)
            .where(
                or_(
                    c.status == Status.WITHDRAWN.value,
                    and_(c.status == Status.ENDED.value, c.ended_at < ended_before),
                )
            )
            .order_by(c.case_code)
        )
        return [(r.id, r.case_code) for r in await self.conn.execute(query)]

    async def forget_participant(self, row_id: str, case: str, tasks: Collection[str]) -> None:
        """Delete a participant and everything that hangs off them (foreign keys cascade
        to family contacts, invitations, message attempts and a task's own rows)."""
        if tasks:
            await self.conn.execute(delete(_ESC).where(_ESC.c.id.in_(list(tasks))))
        await self.conn.execute(delete(_PLAN).where(_PLAN.c.participant == case))
        await self.conn.execute(delete(_PEOPLE).where(_PEOPLE.c.id == row_id))

    async def forget_audit(self, before: datetime, *, dry_run: bool) -> int:
        """Delete (or only count) the audit lines written before `before`."""
        old = _AUDIT.c.at < before
        if dry_run:
            query = select(func.count()).select_from(_AUDIT).where(old)
            return int((await self.conn.execute(query)).scalar_one())
        return int((await self.conn.execute(delete(_AUDIT).where(old))).rowcount or 0)
