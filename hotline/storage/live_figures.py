"""What monitoring reads of the database at a scrape: counts and ages, never a row's content."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import cast

from sqlalchemy import Table, func, select
from sqlalchemy.ext.asyncio import AsyncConnection

from hotline.reminders.plan import RowStatus
from hotline.storage.models import CallLogEntry, CallSession, Escalation, PlannedMessageRow

_SESSIONS = cast(Table, CallSession.__table__)
_LOG = cast(Table, CallLogEntry.__table__)
_ESCALATIONS = cast(Table, Escalation.__table__)
_PLAN = cast(Table, PlannedMessageRow.__table__)


@dataclass(frozen=True)
class LiveFigures:
    """Open sessions by channel, waiting escalations by kind and the oldest's start, due
    reminders and the oldest one's time."""

    in_progress: dict[str, int]
    waiting: dict[str, int]
    oldest_waiting: datetime | None
    reminders_due: int
    oldest_due: datetime | None


async def live_figures(conn: AsyncConnection, now: datetime) -> LiveFigures:
    """Four indexed aggregate queries; no row leaves the database."""
    sessions = await conn.execute(
        select(_LOG.c.channel, func.count())
        .select_from(_SESSIONS.join(_LOG, _SESSIONS.c.log_id == _LOG.c.id))
        .where(_SESSIONS.c.ended_at.is_(None))
        .group_by(_LOG.c.channel)
    )
    waiting_now = (_ESCALATIONS.c.ended_at.is_(None), _ESCALATIONS.c.answered_at.is_(None))
    waiting = await conn.execute(
        select(_ESCALATIONS.c.kind, func.count(), func.min(_ESCALATIONS.c.started_at))
        .where(*waiting_now)
        .group_by(_ESCALATIONS.c.kind)
    )
    by_kind = [(str(kind), int(n), started) for kind, n, started in waiting]
    due = (
        await conn.execute(
            select(func.count(), func.min(_PLAN.c.ready_at)).where(
                _PLAN.c.status == RowStatus.PLANNED, _PLAN.c.ready_at <= now
            )
        )
    ).one()
    starts = [started for _, _, started in by_kind if started is not None]
    return LiveFigures(
        in_progress={str(channel): int(n) for channel, n in sessions},
        waiting={kind: n for kind, n, _ in by_kind},
        oldest_waiting=min(starts) if starts else None,
        reminders_due=int(due[0]),
        oldest_due=due[1],
    )
