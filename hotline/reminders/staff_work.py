"""What the dispatcher hands to staff: a campaign's tasks and what check-in answers and
silences ask of the specialist (the escalation service does it: `escalation.program_tasks`),
and the judge of check-ins nobody answered (`reminders.answers`)."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from hotline.escalation.board import DutySnapshot
from hotline.escalation.ports import UnitOfWork
from hotline.participants.model import Participant
from hotline.reminders.plan import PlannedMessage
from hotline.reminders.ports import StoredMessage

__all__ = ["Silences", "TaskDesk"]


class TaskDesk(Protocol):
    """Where a specialist's work goes: the staff desk, through the escalation service."""

    async def prepare(self) -> None:
        """Read what it needs before the dispatcher opens a unit of work."""

    async def open_task(
        self, uow: UnitOfWork, message: PlannedMessage, participant: Participant, now: datetime
    ) -> str:
        """A task of a campaign step for the participant's specialist; its escalation id."""

    async def opted_out(
        self, uow: UnitOfWork, message: PlannedMessage, participant: Participant, now: datetime
    ) -> str:
        """Tell the specialist that a recipient opted out of SMS at their carrier."""

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
        """A task about the participant for their specialist (a check-in's answer or
        silence); the roster from `prepare`, or `snapshot` when given."""


class Silences(Protocol):
    """What becomes of check-ins nobody answered (`reminders.answers.CheckinActions`)."""

    async def went_silent(
        self, uow: UnitOfWork, rows: list[StoredMessage], silences: int, now: datetime
    ) -> int:
        """Keep them as silent; a task where a streak reached `silences`. How many tasks."""
