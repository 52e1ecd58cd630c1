"""Periodic clean-up: close sessions whose end Twilio never reported, purge ended ones."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from hotline.call_log import summarise
from hotline.flows.state import SessionState
from hotline.storage.sessions import SessionStore

log = logging.getLogger(__name__)

IDLE_LIMIT = timedelta(hours=2)  # no call waits this long between two steps
ENDED_GRACE = timedelta(minutes=15)  # late events (a recording) may follow the status callback
LANGUAGE_MEMORY = timedelta(days=365)  # a caller silent for a year is not "returning" any more


async def sweep(store: SessionStore, now: datetime) -> tuple[int, int]:
    """Close stale sessions as abandoned and delete ended ones; returns (closed, purged)."""
    stale = await store.stale(now, IDLE_LIMIT)
    for session in stale:
        summary = summarise(SessionState.from_json(session.state))
        async with store.unit() as unit:
            await unit.finish(session, summary, now, duration_s=None)
    purged = await store.purge_ended(now, ENDED_GRACE)
    await store.forget_languages(now - LANGUAGE_MEMORY)
    if stale or purged:
        log.info("housekeeping: closed %d stale sessions, purged %d ended", len(stale), purged)
    return len(stale), purged
