"""Escalation events and the next alert of an escalation, on one unit of work's connection."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Table, func, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from hotline.escalation.timeline import EscalationEvent, EventKind
from hotline.storage.models import EscalationEventRow, EscalationTimer

__all__ = ["SqlEvents"]

_EVENTS = cast(Table, EscalationEventRow.__table__)
_TIMERS = cast(Table, EscalationTimer.__table__)


class SqlEvents:
    """The EventRepository of a unit of work."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def add(self, escalation_id: str, events: list[EscalationEvent]) -> None:
        """Keep these events of an escalation."""
        if events:
            await self.conn.execute(
                insert(_EVENTS),
                [
                    {
                        "escalation_id": escalation_id,
                        "at": e.at,
                        "kind": e.kind.value,
                        "staff_id": e.staff_id,
                        "channel": e.channel,
                        "seconds": e.seconds,
                    }
                    for e in events
                ],
            )

    async def of(self, escalation_id: str) -> list[EscalationEvent]:
        """An escalation's events in time order."""
        result = await self.conn.execute(
            select(_EVENTS)
            .where(_EVENTS.c.escalation_id == escalation_id)
            .order_by(_EVENTS.c.at, _EVENTS.c.id)
        )
        return [
            EscalationEvent(r.at, EventKind(r.kind), r.staff_id, r.channel, r.seconds)
            for r in result
        ]

    async def next_alert(self, escalation_id: str) -> datetime | None:
        """When the escalation's next alert is due, if one still is."""
        query = select(func.min(_TIMERS.c.due_at)).where(
            _TIMERS.c.escalation_id == escalation_id, _TIMERS.c.fired_at.is_(None)
        )
        return cast(datetime | None, (await self.conn.execute(query)).scalar_one_or_none())
