"""Program tasks on the staff desk: the dispatcher's `TaskDesk`, through the escalation
service (a task's step for the participant's specialist, and an SMS opt-out to tell them)."""

from __future__ import annotations

from datetime import datetime

from hotline.escalation.board import DutySnapshot
from hotline.escalation.ports import UnitOfWork
from hotline.escalation.service import EscalationService
from hotline.participants.model import Participant
from hotline.reminders.plan import PlannedMessage

__all__ = ["OPTED_OUT_TASK", "ProgramTasks"]

OPTED_OUT_TASK = "sms-opted-out"


class ProgramTasks:
    """Turns a campaign's task, or a carrier opt-out, into work for the specialist."""

    def __init__(self, escalations: EscalationService) -> None:
        self.escalations = escalations
        self._snapshot: DutySnapshot | None = None

    async def prepare(self) -> None:
        """Read the duty roster before the dispatcher opens its unit of work."""
        self._snapshot = await self.escalations.board.current()

    @property
    def snapshot(self) -> DutySnapshot:
        """The roster read by `prepare`."""
        if self._snapshot is None:
            raise RuntimeError("ProgramTasks.prepare() was not awaited before a task")
        return self._snapshot

    async def open_task(
        self, uow: UnitOfWork, message: PlannedMessage, participant: Participant, now: datetime
    ) -> str:
        """The task of a campaign step, for the participant's specialist."""
        return await self.escalations.open_task(
            uow,
            case=participant.case,
            task=message.step,
            specialist=message.recipient_ref or participant.specialist,
            language=participant.language,
            flow=message.campaign,
            snapshot=self.snapshot,
            now=now,
        )

    async def tell(
        self,
        uow: UnitOfWork,
        participant: Participant,
        task: str,
        campaign: str,
        now: datetime,
        *,
        snapshot: DutySnapshot | None = None,
        urgent: bool = False,
    ) -> str:
        """A task about the participant for their specialist (a check-in's answer, or its
        silence); `snapshot`: the roster, when read by the caller instead of `prepare`."""
        return await self.escalations.open_task(
            uow,
            case=participant.case,
            task=task,
            specialist=participant.specialist,
            language=participant.language,
            flow=campaign,
            snapshot=snapshot or self.snapshot,
            now=now,
            urgent=urgent,
        )

    async def opted_out(
        self, uow: UnitOfWork, message: PlannedMessage, participant: Participant, now: datetime
    ) -> str:
        """Tell the specialist that a recipient's number opted out of SMS at the carrier."""
        return await self.escalations.open_task(
            uow,
            case=participant.case,
            task=OPTED_OUT_TASK,
            specialist=participant.specialist,
            language=participant.language,
            flow=message.campaign,
            snapshot=self.snapshot,
            now=now,
        )
