"""An escalation's timeline read from storage: its record, its events, its next alert, and
what ended before it in the same call or chat (`escalation.timeline` words nothing and reads
nothing; this module only gathers what it needs)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from hotline.escalation.model import EscalationRow
from hotline.escalation.ports import UnitOfWork
from hotline.escalation.timeline import Entry, timeline

__all__ = ["EARLIER_LIMIT", "story"]

EARLIER_LIMIT = 3  # earlier escalations of one call or chat told before this one's story


async def story(
    uow: UnitOfWork,
    row: EscalationRow,
    now: datetime,
    names: Mapping[str, str],
    *,
    alerting: bool = True,
) -> list[Entry]:
    """The timeline of `row`, as the dashboard shows it (`alerting`: see `timeline`)."""
    events = await uow.events.of(row.id)
    next_alert = await uow.events.next_alert(row.id) if row.open else None
    earlier = [
        (before, await uow.events.of(before.id))
        for before in await uow.escalations.ended_before(row.log_id, row.started_at, EARLIER_LIMIT)
        if before.id != row.id
    ]
    return timeline(row, events, next_alert, now, names, earlier, alerting=alerting)
