"""What a check-in's answer does, and what its silence does.

- "Fine": kept, nothing else.
- "Talk to someone": a callback task for the participant's specialist.
- "Help now": the check-in flow itself puts the person through to whoever is on duty (an
  escalation node: the same chain as any call or chat); the specialist gets a task too,
  alerted on the urgent timing (the supervisors at once) when nobody is on duty.
- "Stop": that recipient's messages end, and only theirs: their consent to be written to
  is withdrawn and their unsent messages are re-planned away in the same transaction, and
  the specialist is told.
- No answer within `answer_within` of a check-in going out is kept as "silent"; when a
  recipient's last `silences` check-ins are all silent, their specialist gets a task, once
  for the streak. An answer that comes later (another day) replaces "silent".
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime

from hotline.conversations.checkin import CheckinAnswer
from hotline.escalation.board import DutyBoard, DutySnapshot
from hotline.escalation.ports import UnitOfWork
from hotline.escalation.roster import on_duty_ids
from hotline.participants.model import Consent, Participant
from hotline.participants.service import Change, apply_changes
from hotline.reminders.campaign import Campaign, RecipientKind
from hotline.reminders.plan import PlannedMessage
from hotline.reminders.ports import SILENT, Attempt, StoredMessage
from hotline.reminders.staff_work import TaskDesk

__all__ = ["CHECKIN_TASKS", "CheckinActions", "silent_streak"]

log = logging.getLogger(__name__)

CHECKIN_TASKS = {
    CheckinAnswer.TALK: "wants-to-talk",
    CheckinAnswer.HELP: "needs-help-now",
    CheckinAnswer.STOP: "stopped-messages",
}
SILENT_TASK = "no-answers"


class CheckinActions:
    """The `CheckinAnswers` of the conversations: acts on answers through the task desk."""

    def __init__(
        self,
        board: DutyBoard,
        tasks: TaskDesk,
        campaigns: Mapping[str, Campaign] | None = None,
    ) -> None:
        self.board = board
        self.tasks = tasks
        self.campaigns = campaigns  # None: the shipped ones

    async def snapshot(self) -> DutySnapshot:
        """The duty roster, read before the conversation's unit of work opens."""
        return await self.board.current()

    async def answered(
        self,
        uow: UnitOfWork,
        origin: int,
        answer: CheckinAnswer,
        snapshot: DutySnapshot,
        now: datetime,
    ) -> None:
        """Keep the answer to planned message `origin`, and act on it."""
        row = await uow.answers.record(origin, answer.value, now)
        if row is None:
            log.warning("an answer to planned message %d, which is not a check-in", origin)
            return
        detail = f"answered {answer.value}"
        await uow.plan.attempt(origin, Attempt(now, row.channel, "answered", None, detail))
        participant = await uow.participants.get(row.message.participant)
        if participant is None or answer is CheckinAnswer.FINE:
            return
        if answer is CheckinAnswer.STOP:
            after = _stopped(participant, row.message, now)
            await apply_changes(uow, [Change(participant, after)], now, self.campaigns)
            participant = after
        roster = snapshot.roster
        nobody = roster is None or not on_duty_ids(roster, now)
        urgent = answer is CheckinAnswer.HELP and nobody
        await self.tasks.tell(
            uow,
            participant,
            CHECKIN_TASKS[answer],
            row.message.campaign,
            now,
            snapshot=snapshot,
            urgent=urgent,
        )

    async def went_silent(
        self, uow: UnitOfWork, rows: list[StoredMessage], silences: int, now: datetime
    ) -> int:
        """Check-ins nobody answered in time: kept as silent, and a task for each
        recipient whose last `silences` check-ins are now all silent. How many tasks."""
        await uow.answers.mark_silent([r.id for r in rows])
        for r in rows:
            await uow.plan.attempt(r.id, Attempt(now, r.channel, "silent", None, "no answer"))
        tasks = 0
        seen: set[str] = set()
        for r in rows:
            ref = r.message.recipient_ref
            if ref is None or ref in seen:
                continue
            seen.add(ref)
            if not silent_streak(await uow.answers.latest(ref, silences + 1), silences):
                continue
            participant = await uow.participants.get(r.message.participant)
            if participant is not None and participant.active:
                await self.tasks.tell(uow, participant, SILENT_TASK, r.message.campaign, now)
                tasks += 1
        return tasks


def silent_streak(latest: list[str | None], silences: int) -> bool:
    """Whether answers (newest first) end in exactly `silences` silent check-ins: the
    streak has just reached the limit (a longer one was told already)."""
    if silences < 1 or len(latest) < silences:
        return False
    streak = all(a == SILENT for a in latest[:silences])
    return streak and (len(latest) == silences or latest[silences] != SILENT)


def _stopped(participant: Participant, message: PlannedMessage, now: datetime) -> Participant:
    """The participant once the recipient of `message` asked for no more messages."""

    def withdrawn(consent: Consent) -> Consent:
        return Consent(now, consent.by, frozenset())

    if message.recipient_kind is RecipientKind.PARTICIPANT:
        return replace(participant, consent=withdrawn(participant.consent))
    family = tuple(
        replace(f, consent=withdrawn(f.consent)) if f.id == message.recipient_ref else f
        for f in participant.family
    )
    return replace(participant, family=family)
