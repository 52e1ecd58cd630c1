"""Periodic clean-up: close sessions whose end Twilio never reported, purge ended ones, and
delete what escalations kept once it is past keeping."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from hotline.call_log import summarise
from hotline.escalation.model import Result
from hotline.escalation.ports import UnitsOfWork
from hotline.flows.state import SessionState

log = logging.getLogger(__name__)

IDLE_LIMIT = timedelta(hours=2)  # no call waits this long between two steps
ENDED_GRACE = timedelta(minutes=15)  # late events (a recording) may follow the status callback
LANGUAGE_MEMORY = timedelta(days=365)  # a caller silent for a year is not "returning" any more


async def sweep(units: UnitsOfWork, now: datetime) -> tuple[int, int]:
    """Close stale sessions as abandoned and delete ended ones; returns (closed, purged)."""
    async with units() as uow:
        stale = await uow.sessions.stale(now, IDLE_LIMIT)
    for session in stale:
        summary = summarise(SessionState.from_json(session.state))
        async with units() as uow:
            await uow.sessions.finish(session, summary, now, duration_s=None)
    async with units() as uow:
        purged = await uow.sessions.purge_ended(now, ENDED_GRACE)
    async with units() as uow:
        await uow.sessions.forget_languages(now - LANGUAGE_MEMORY)
    if stale or purged:
        log.info("housekeeping: closed %d stale sessions, purged %d ended", len(stale), purged)
    return len(stale), purged


async def expire_tasks(units: UnitsOfWork, now: datetime) -> int:
    """Close every callback task past its keeping time, each in a unit of its own; returns
    how many (their numbers and recording links are deleted)."""
    async with units() as uow:
        expired = await uow.tasks.expired(now)
    for escalation_id in expired:
        async with units() as uow:
            await uow.tasks.close(escalation_id, now, Result.EXPIRED)
    return len(expired)


async def expire_questions(units: UnitsOfWork, before: datetime, now: datetime) -> int:
    """Close every question case opened before `before` and delete every question written
    before it (nobody closed them within the keeping time); returns how many cases."""
    async with units() as uow:
        expired = await uow.cases.expired_questions(before)
    for escalation_id in expired:
        async with units() as uow:
            await uow.cases.close(escalation_id, now, Result.EXPIRED)
    async with units() as uow:  # questions kept without a case
        await uow.cases.forget_questions(before)
    return len(expired)
