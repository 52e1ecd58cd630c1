"""Reading a caseload and a participant's story: the list with next contacts and recent
answers, and the timeline of planned and sent messages, check-in answers and program tasks.
Read only; changes go through `ParticipantService`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hotline.crypto import DataCipher
from hotline.escalation.model import EscalationRow, TaskRow
from hotline.escalation.ports import UnitsOfWork
from hotline.participants.caseload import CaseloadRow
from hotline.participants.model import Participant, ParticipantError, Problem
from hotline.reminders.ports import Attempt, StoredMessage

__all__ = ["CaseloadService", "PlanEntry", "Timeline"]

RECENT_ANSWERS = 3  # check-ins looked at for "no answer lately"


@dataclass(frozen=True)
class PlanEntry:
    """A planned or sent message of the plan, its attempts, and a check-in's answer."""

    message: StoredMessage
    attempts: tuple[Attempt, ...]
    answer: str | None = None
    answered_at: datetime | None = None


@dataclass(frozen=True)
class Timeline:
    """A participant's story: their plan (by due time) and the tasks about them."""

    participant: Participant
    plan: tuple[PlanEntry, ...]
    tasks: tuple[tuple[EscalationRow, TaskRow], ...]


class CaseloadService:
    """The caseload's reads, through the unit of work; `cipher` reads program tasks' case
    codes (kept encrypted like a callback's number)."""

    def __init__(self, units: UnitsOfWork, cipher: DataCipher) -> None:
        self.units = units
        self.cipher = cipher

    async def rows(self, specialist: str | None = None) -> list[CaseloadRow]:
        """Every participant (of one specialist if given) with the next message to them and
        their latest check-in answers."""
        async with self.units() as uow:
            participants = await uow.participants.list(specialist=specialist)
            cases = [p.case for p in participants]
            outlooks = await uow.plan.outlook(cases)
            answers = await uow.answers.recent(cases, RECENT_ANSWERS)
        return [
            CaseloadRow(p, outlooks[p.case].next_at if p.case in outlooks else None,
                        tuple(answers.get(p.case, ())))
            for p in participants
        ]  # fmt: skip

    async def timeline(self, case: str) -> Timeline:
        """A participant's timeline; ParticipantError when the case code is not enrolled."""
        async with self.units() as uow:
            participant = await uow.participants.get(case.strip().upper())
            if participant is None:
                raise ParticipantError([Problem("case", "no participant has this case code")])
            history = await uow.plan.history(participant.case)
            answers = await uow.answers.of_participant(participant.case)
            tasks = await uow.tasks.program_tasks()
        plan = tuple(
            PlanEntry(row, tuple(attempts), *answers.get(row.id, (None, None)))
            for row, attempts in history
        )
        about = tuple(
            (record, task)
            for task, record in tasks
            if task.contact is not None and self.cipher.decrypt(task.contact) == participant.case
        )
        return Timeline(participant, plan, about)
