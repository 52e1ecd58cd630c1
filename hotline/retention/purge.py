"""The purge: delete what is past keeping, keep counts of the call log, and say what went.

Run daily by the server's scheduler and by `hotline data purge [--dry-run]`. Each part runs
in units of work of its own, so a purge stopped half-way leaves nothing half-deleted and the
next one carries on; deleting is idempotent, so several replicas may purge at once. Every
purge writes one audit line with its counts (nothing else), noughts too.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta

from hotline import housekeeping
from hotline.accounts.ports import AuditEntry
from hotline.crypto import DataCipher
from hotline.escalation.ports import UnitsOfWork
from hotline.retention.policy import PurgeCounts, RetentionPolicy, fold, months_before
from hotline.stats.ports import CALL_CHANNELS, CHAT_CHANNELS

__all__ = ["AUDIT_ACTION", "AUDIT_ACTOR", "BATCH", "DeleteRecording", "purge"]

log = logging.getLogger(__name__)

AUDIT_ACTION = "data:purge"
AUDIT_ACTOR = "system"  # not a staff id: the hotline itself
BATCH = 2000  # call-log rows a transaction folds
MAX_BATCHES = 1000  # batches of one purge: two million rows, far more than a day adds
DeleteRecording = Callable[[str], Awaitable[bool]]  # a recording's link -> deleted at Twilio


async def purge(
    units: UnitsOfWork,
    policy: RetentionPolicy,
    callback_keep: timedelta,
    now: datetime,
    *,
    dry_run: bool = False,
    cipher: DataCipher | None = None,
    delete_recording: DeleteRecording | None = None,
) -> PurgeCounts:
    """Remove (or, with `dry_run`, count) what the policy no longer keeps.

    `cipher` reads which participant a program task is about (without it, a deleted
    participant's closed tasks go with the call log); `delete_recording`, when the
    deployment deletes recordings (HOTLINE_DELETE_RECORDINGS), deletes a purged voicemail's
    recording at Twilio.
    """
    counts = PurgeCounts()
    await _tasks(units, callback_keep, now, dry_run, counts)
    async with units() as uow:
        links = await uow.retention.forget_voicemails(now - callback_keep, dry_run=dry_run)
    counts.voicemails = len(links)
    if delete_recording is not None and not dry_run:
        for link in links:
            counts.recordings_deleted += bool(await delete_recording(link))
    counts.participants = await _participants(units, policy, now, dry_run, cipher)
    counts.calls_folded = await _fold(units, months_before(now, policy.call_log_months), dry_run)
    async with units() as uow:
        before = months_before(now, policy.audit_months)
        counts.audit_lines = await uow.retention.forget_audit(before, dry_run=dry_run)
        if not dry_run:  # a line even of noughts: it shows the purge ran
            entry = AuditEntry(now, AUDIT_ACTOR, AUDIT_ACTION, None, counts.summary())
            await uow.accounts.audit(entry)
    if counts.any:
        verb = "would remove" if dry_run else "removed"
        log.info("purge %s: %s", verb, counts.summary())
    return counts


async def _tasks(
    units: UnitsOfWork, keep: timedelta, now: datetime, dry_run: bool, counts: PurgeCounts
) -> None:
    """Callback tasks and questions past their keeping time: closed, their numbers,
    recording links and texts deleted (as housekeeping does every few minutes)."""
    if dry_run:
        async with units() as uow:
            counts.callback_tasks = len(await uow.tasks.expired(now))
            counts.questions = len(await uow.cases.expired_questions(now - keep))
        return
    counts.callback_tasks = await housekeeping.expire_tasks(units, now)
    counts.questions = await housekeeping.expire_questions(units, now - keep, now)


async def _participants(
    units: UnitsOfWork,
    policy: RetentionPolicy,
    now: datetime,
    dry_run: bool,
    cipher: DataCipher | None,
) -> int:
    """Withdrawn participants, and those whose program ended long enough ago: deleted."""
    async with units() as uow:
        past = await uow.retention.participants_past(months_before(now, policy.participant_months))
        tasks = await uow.tasks.program_tasks() if past and cipher is not None else []
    if dry_run or not past:
        return len(past)
    cases = {case for _, case in past}
    about: dict[str, list[str]] = {}
    for task, record in tasks:
        if task.contact is not None and cipher is not None:
            case = cipher.decrypt(task.contact)
            if case in cases:
                about.setdefault(case, []).append(record.id)
    for row_id, case in past:  # one unit each: a participant is gone whole, or not at all
        async with units() as uow:
            await uow.retention.forget_participant(row_id, case, about.get(case, []))
    return len(past)


async def _fold(units: UnitsOfWork, before: datetime, dry_run: bool) -> int:
    """Fold the call-log rows begun before `before` into totals, a batch a transaction."""
    if dry_run:
        async with units() as uow:
            return await uow.retention.count_calls(before)
    folded = 0
    for _ in range(MAX_BATCHES):  # bounded: the next purge folds what is left
        async with units() as uow:
            rows = await uow.retention.take_calls(before, BATCH)
            totals, callers = fold(rows, (*CALL_CHANNELS, *CHAT_CHANNELS))
            await uow.retention.add_totals(totals, callers)
        folded += len(rows)
        if len(rows) < BATCH:
            break
    return folded
