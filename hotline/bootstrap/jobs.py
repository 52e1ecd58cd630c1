"""The periodic jobs of the server, all on one scheduler started and stopped with the app.

Every worker process (`hotline serve --workers N`) and every replica runs every job: none is
elected. So a job claims its work in the database (FOR UPDATE SKIP LOCKED, a conditional
update, DELETE ... RETURNING) or is idempotent; hotline/cli/serve_workers.py says how each does.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from hotline import housekeeping
from hotline.accounts.model import FAILURE_WINDOW, IDLE_EXPIRY
from hotline.bootstrap.database import Database
from hotline.errors import DatabaseUnavailable
from hotline.escalation.service import EscalationService
from hotline.participants.enrolment import INVITE_MEMORY
from hotline.reminders.dispatcher import Dispatcher
from hotline.request_ids import for_job
from hotline.storage.chats import DELIVERY_MEMORY

log = logging.getLogger("hotline.app")  # where these lines have always been logged

ALERT_TICK_SECONDS = 15
SWEEP_MINUTES = 5
SPOOL_REPLAY_SECONDS = 15
DISPATCH_SECONDS = 30
NOTICE_MEMORY = timedelta(days=30)  # staff messages of ended escalations, for late replies
PURGE_EVERY = timedelta(days=1)
# The first purge waits a while after a start (not at once: a start is busy enough), yet a
# server restarted more often than daily still purges.
PURGE_FIRST = timedelta(minutes=30)


@dataclass(frozen=True)
class Job:
    """A periodic job: its id, what it runs, how often, and whether once at start too."""

    id: str
    name: str
    run: Callable[[], Awaitable[None]]
    every: timedelta
    at_start: bool = False
    first_after: timedelta | None = None  # the first run this long after the start


def new_scheduler() -> AsyncIOScheduler:
    """The one scheduler of the server (it takes the event loop when it starts)."""
    return AsyncIOScheduler(timezone=UTC)


def start(scheduler: AsyncIOScheduler, jobs: tuple[Job, ...]) -> None:
    """Add the jobs (a run at start counts from now) and start the scheduler; each run's log
    lines carry the request id `job-<id>-<n>`."""
    for job in jobs:
        # No next_run_time means the trigger's first time; None would add the job paused.
        first = {"next_run_time": datetime.now(UTC)} if job.at_start else {}
        if job.first_after is not None:
            first = {"next_run_time": datetime.now(UTC) + job.first_after}
        scheduler.add_job(
            for_job(job.id, job.run),
            "interval",
            seconds=job.every.total_seconds(),
            **first,
            id=job.id,
            name=job.name,
            max_instances=1,
            coalesce=True,
            replace_existing=True,
        )
    scheduler.start()


def housekeeping_job(
    database: Database,
    callback_keep: timedelta,
    refresh_audio: Callable[[], Awaitable[None]],
    clock: Callable[[], datetime],
) -> Job:
    """Tidy the database and pick up new recordings, every few minutes."""

    async def run() -> None:
        try:
            await tidy(database, callback_keep, clock())
            # New recordings replace placeholders without a restart.
            await refresh_audio()
        except DatabaseUnavailable as exc:
            log.warning("housekeeping: %s; it runs again in %d minutes", exc, SWEEP_MINUTES)
        except Exception:
            log.exception("housekeeping failed; it runs again in %d minutes", SWEEP_MINUTES)

    return Job("housekeeping", "housekeeping", run, timedelta(minutes=SWEEP_MINUTES))


def purge_job(purge: Callable[[], Awaitable[object]]) -> Job:
    """Delete what is past keeping (`retention.purge`), daily; it logs its own counts."""

    async def run() -> None:
        try:
            await purge()
        except DatabaseUnavailable as exc:
            log.warning("purge: %s; it runs again tomorrow", exc)
        except Exception:
            log.exception("purge failed; it runs again tomorrow")

    return Job("purge", "retention purge", run, PURGE_EVERY, first_after=PURGE_FIRST)


def alerts_job(escalations: EscalationService) -> Job:
    """Fire the due alerts of escalations, every few seconds."""

    async def tick() -> None:
        try:
            await escalations.tick()
        except DatabaseUnavailable as exc:
            log.warning("escalation alerts: %s; trying again in %d s", exc, ALERT_TICK_SECONDS)
        except Exception:
            log.exception("escalation alerts failed; trying again in %d s", ALERT_TICK_SECONDS)

    return Job(
        "escalation-alerts", "escalation alerts", tick, timedelta(seconds=ALERT_TICK_SECONDS)
    )


def dispatch_job(dispatcher: Dispatcher, every: timedelta) -> Job:
    """Send the planned messages that are due, every `every` (the first run catches up
    after a stop: rows are due by their time, not by the job's)."""

    async def tick() -> None:
        try:
            tally = await dispatcher.tick()
        except asyncio.CancelledError:
            # The server is stopping (the scheduler cancels what runs): a row left `sending`
            # is settled by the next start, as after a crash. One line, not a traceback.
            log.info("reminders: stopped in the middle of a tick")
            return
        except DatabaseUnavailable as exc:
            log.warning("reminders: %s; trying again in %d s", exc, every.total_seconds())
            return
        except Exception:
            log.exception("reminders failed; trying again in %d s", every.total_seconds())
            return
        if tally.sent or tally.skipped or tally.failed or tally.reconciled or tally.tasks:
            log.info(
                "reminders: %d sent, %d tasks, %d waiting, %d skipped, %d retried, %d failed, "
                "%d settled after a stop",
                tally.sent,
                tally.tasks,
                tally.waited,
                tally.skipped,
                tally.retried,
                tally.failed,
                tally.reconciled,
            )

    return Job("reminders", "reminders dispatcher", tick, every)


def spool_job(replay: Callable[[], Awaitable[None]]) -> Job:
    """Replay the voice spool into the database: at start (after an outage), then often."""

    async def run() -> None:
        try:
            await replay()
        except asyncio.CancelledError:
            # The server is stopping (a worker stopped just after its start, say): replay is
            # idempotent, the next start carries on. One line, not an error with a trace.
            log.info("voice spool: stopped in the middle of a replay")

    return Job(
        "voice-spool",
        "voice spool replay",
        run,
        timedelta(seconds=SPOOL_REPLAY_SECONDS),
        at_start=True,
    )


async def tidy(database: Database, callback_keep: timedelta, now: datetime) -> None:
    """Housekeeping of the database: close what was left open, forget what is past keeping."""
    units = database.units
    await housekeeping.sweep(units, now)
    async with units() as uow:
        await uow.chats.forget_deliveries(now - DELIVERY_MEMORY)
    # A callback number is kept only while its task is open, N days at most.
    expired = await housekeeping.expire_tasks(units, now)
    if expired:
        log.info("%d callback tasks expired; their numbers were deleted", expired)
    # So is a question's text, and the address its answer would go to.
    questions = await housekeeping.expire_questions(units, now - callback_keep, now)
    if questions:
        log.info("%d questions expired unanswered; their texts were deleted", questions)
    async with units() as uow:
        await uow.notices.forget(now - NOTICE_MEMORY)
    async with units() as uow:  # an expired enrolment link is refused, kept or not
        await uow.participants.forget_invites(now - INVITE_MEMORY)
    async with units() as uow:  # ended dashboard sessions, sign-in failures that no longer count
        await uow.accounts.end_expired_sessions(now - IDLE_EXPIRY, now)
        await uow.accounts.forget_failures(now - FAILURE_WINDOW)
