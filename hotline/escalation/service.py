"""The escalation service: alert staff about waiting work, and Take / Done / Call back / close.

Every client of these rules calls this service: the Telegram staff desk (buttons and
`/close`), the voice whisper (a specialist pressing 1), the callback legs, the chat
conversations (a person writing in or ending a case) and, next, the web dashboard. The
service keeps the records through the unit of work and reaches people through the Protocols
of `escalation.reach`; it never words a message for staff (notifiers do, in the reader's
language) and words only the few a person reads when a specialist acts on their case.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from hotline.catalog import Catalog
from hotline.crypto import DataCipher
from hotline.escalation.board import DutyBoard, DutySnapshot
from hotline.escalation.caseload import Caseload, HeldWork, MyParticipant
from hotline.escalation.model import CaseRow, DueTimer, EscalationRow, Kind, Result, TaskRow
from hotline.escalation.policy import (
    Audience,
    EscalationPolicy,
    alert_recipients,
    alert_schedule,
    alert_stages,
    urgent_schedule,
)
from hotline.escalation.ports import UnitOfWork, UnitsOfWork
from hotline.escalation.queue import OPEN_WORK_LIMIT, OpenWork, describe
from hotline.escalation.reach import Alert, Assignment, PersonSide, Reach, StaffNote
from hotline.escalation.roster import Staff
from hotline.escalation.stories import story
from hotline.escalation.timeline import Entry, EscalationEvent, EventKind
from hotline.messages import MessageId
from hotline.reminders.ports import Outlook

log = logging.getLogger(__name__)

Refusal = StaffNote  # why an action was not done, to show whoever tried it
MINE_LIMIT = 100  # open escalations `/mine` reads (it shows what fits in one message)
_WITH_TASK = (Kind.CALLBACK, Kind.TASK)  # kinds that keep a task row


@dataclass(frozen=True)
class CallbackTarget:
    """A callback as its call legs need it: the record, and the number to dial if it is
    still open and held by this specialist (None: tell them it is closed)."""

    record: EscalationRow
    number: str | None


@dataclass(frozen=True)
class _OwnCase:
    case: CaseRow
    record: EscalationRow
    side: PersonSide
    address: str  # decrypted


class EscalationService:
    """Alerts, and what staff do about escalations."""

    def __init__(
        self,
        *,
        units: UnitsOfWork,
        board: DutyBoard,
        catalog: Catalog,
        cipher: DataCipher,
        policy: EscalationPolicy,
        reach: Callable[[], Reach],
        clock: Callable[[], datetime],
    ) -> None:
        self._units = units
        self.board = board
        self.catalog = catalog
        self.cipher = cipher
        self.policy = policy
        self._reach = reach  # the channels are built after this service: see bootstrap
        self.clock = clock

    # -- alerts ---------------------------------------------------------------------------

    async def tick(self) -> int:
        """Run every due alert once; returns how many fired."""
        async with self._units() as uow:
            fired = await uow.escalations.claim_due(self.clock())
        for due in fired:
            try:
                await self.alert(due)
            except Exception:
                # Claimed already: it will not fire again; the next stage still will.
                log.exception("alert %d of escalation %s failed", due.stage, due.escalation.id)
        return len(fired)

    async def alert(self, due: DueTimer) -> None:
        """Tell the staff this stage asks for about the waiting work."""
        now = self.clock()
        snapshot = await self.board.current()
        stage = alert_stages(self.policy)[due.stage]
        escalation = due.escalation
        lines = [await self.describe(escalation)]
        minutes = int((now - escalation.started_at).total_seconds() // 60)
        if stage.reminder and minutes >= 1:  # urgent work goes to supervisors at once: no "still"
            reminder = (
                MessageId.STAFF_TO_SUPERVISOR
                if stage.audience == Audience.SUPERVISORS
                else MessageId.STAFF_STILL_WAITING
            )
            lines.insert(0, StaffNote.of(reminder, minutes=minutes))
        told: list[EscalationEvent] = []
        for notifier in self._reach().notifiers:
            reachable = notifier.reaches(snapshot)
            recipients = alert_recipients(
                snapshot.roster, now, escalation.language, stage.audience, reachable
            )
            assigned = escalation.assigned_to
            if (
                assigned is not None
                and assigned in reachable
                and stage.audience == Audience.ON_DUTY
            ):
                recipients = (assigned,)  # a program task goes to the participant's specialist
            reached = await notifier.alert(
                Alert(escalation.id, stage.audience, tuple(recipients), tuple(lines))
            )
            told += [EscalationEvent(now, EventKind.ALERTED, s, notifier.channel) for s in reached]
        if not told:
            log.warning(
                "escalation %s (stage %d): nobody could be alerted", escalation.id, due.stage
            )
            return
        async with self._units() as uow:
            await uow.escalations.count_attempt(escalation.id, len(told))
            await uow.events.add(escalation.id, told)

    async def describe(self, escalation: EscalationRow) -> StaffNote:
        """What staff are told about waiting work: its kind, channel and language, never
        who it is or what they said."""
        if escalation.kind in (Kind.CHAT, Kind.QUESTION):
            return describe(escalation, None, None)
        async with self._units() as uow:
            task = await uow.tasks.get(escalation.id)
        return describe(escalation, task, self._case_of(escalation, task))

    async def open_work(self) -> list[OpenWork]:
        """Every escalation that has not ended, with what it is and its timeline (urgent
        first, then the oldest; at most OPEN_WORK_LIMIT): the dashboard's live queue."""
        snapshot = await self.board.current()
        names = {p.id: p.name for p in (snapshot.roster.staff if snapshot.roster else ())}
        now = self.clock()
        found: list[OpenWork] = []
        alerting = bool(self._reach().notifiers)
        async with self._units() as uow:
            for row in await uow.escalations.open_work(OPEN_WORK_LIMIT):
                task = await uow.tasks.get(row.id) if row.kind in _WITH_TASK else None
                note = describe(row, task, self._case_of(row, task))
                told = tuple(await story(uow, row, now, names, alerting=alerting))
                found.append(OpenWork(row, note, told, task.kind if task else None))
        return found

    def _case_of(self, escalation: EscalationRow, task: TaskRow | None) -> str | None:
        """A program task's case code (kept encrypted like a task's number)."""
        if escalation.kind != Kind.TASK or task is None or task.contact is None:
            return None
        return self.cipher.decrypt(task.contact)

    async def timeline(self, escalation_id: str) -> list[Entry] | None:
        """What happened to an escalation, and why nobody was reached yet; None if there
        is no such escalation (`escalation.timeline`)."""
        snapshot = await self.board.current()
        staff = snapshot.roster.staff if snapshot.roster else ()
        names = {person.id: person.name for person in staff}
        async with self._units() as uow:
            row = await uow.escalations.get(escalation_id)
            if row is None:
                return None
            alerting = bool(self._reach().notifiers)
            return await story(uow, row, self.clock(), names, alerting=alerting)

    # -- Take, Done, Call back ------------------------------------------------------------

    async def take(self, escalation_id: str, staff: Staff) -> Assignment | Refusal | None:
        """Take an escalation: the first who tries gets it. Returns what the taker needs
        (None when there is nothing to show), or why they could not take it."""
        async with self._units() as uow:
            record = await uow.escalations.get(escalation_id)
        if record is None:
            return StaffNote.of(MessageId.STAFF_TASK_CLOSED)
        holder = await self.take_call(escalation_id, staff.id)
        if holder == "":
            return StaffNote.of(MessageId.STAFF_TASK_CLOSED)
        if holder is not None:
            person = (await self.board.current()).staff(holder)
            name = person.name if person else holder
            return StaffNote.of(MessageId.STAFF_ALREADY_TAKEN, name=name)
        await self._retire(record.id, StaffNote.of(MessageId.STAFF_TAKEN_BY, name=staff.name))
        description = await self.describe(record)
        if record.kind in (Kind.CALLBACK, Kind.TASK):
            return Assignment(record, description)
        if record.kind == Kind.QUESTION:
            async with self._units() as uow:
                question = await uow.cases.question(record.id)
                earlier = await uow.cases.take_pending(record.id)
            return Assignment(
                record,
                description,
                question=self.cipher.decrypt(question) if question is not None else None,
                earlier=tuple(self.cipher.decrypt(text) for text in earlier),
                replies_reach_person=record.channel in self._reach().people,
            )
        async with self._units() as uow:
            found = await uow.cases.get(record.id)
        side = self._reach().people.get(record.channel)
        if found is None or side is None or found[0].address is None:
            return None
        await side.send(
            self.cipher.decrypt(found[0].address), self._say(record.language, MessageId.CASE_TAKEN)
        )
        async with self._units() as uow:
            earlier = await uow.cases.take_pending(record.id)
        return Assignment(
            record, description, earlier=tuple(self.cipher.decrypt(text) for text in earlier)
        )

    async def take_call(self, escalation_id: str, staff_id: str) -> str | None:
        """Take an escalation: None if this staff member now holds it, else who does ("" if
        it has ended). Of two at once, exactly one wins."""
        async with self._units() as uow:
            return await uow.escalations.take(escalation_id, staff_id, self.clock())

    async def get(self, escalation_id: str) -> EscalationRow | None:
        """An escalation's record."""
        async with self._units() as uow:
            return await uow.escalations.get(escalation_id)

    async def done(self, escalation_id: str, staff: Staff) -> Refusal | None:
        """Close a callback task or a question held by this staff member."""
        record = await self._held(escalation_id, staff)
        if record is None:
            return StaffNote.of(MessageId.STAFF_TASK_CLOSED)
        if record.kind == Kind.QUESTION:
            await self._end_case(record)
            await self._retire(escalation_id, StaffNote.of(MessageId.STAFF_QUESTION_DONE))
            return None
        async with self._units() as uow:
            await uow.tasks.close(escalation_id, self.clock(), Result.DONE)
        done = (
            MessageId.STAFF_PROGRAM_TASK_DONE
            if record.kind == Kind.TASK
            else MessageId.STAFF_TASK_DONE
        )
        await self._retire(escalation_id, StaffNote.of(done))
        return None

    async def open_task(
        self,
        uow: UnitOfWork,
        *,
        case: str,
        task: str,
        specialist: str | None,
        language: str,
        flow: str,
        snapshot: DutySnapshot,
        now: datetime,
        urgent: bool = False,
    ) -> str:
        """A program task (`task`: the campaign step, or "sms-opted-out") for the
        participant's specialist, in the caller's unit of work (with the duty `snapshot` read
        before it opened: on SQLite a unit holds the one connection): alerted to them
        first, then as any waiting work (`urgent`: on the timing of words of crisis, the
        supervisors at once when nobody is on duty); Take and Done on the desk. Its id."""
        log_id = await uow.escalations.log_work("reminders", flow, language, now)
        escalation_id = await uow.escalations.open(
            log_id=log_id,
            kind=Kind.TASK,
            channel="reminders",
            language=language,
            reason=task[:32],
            now=now,
            assigned_to=specialist,
        )
        await uow.tasks.add(
            escalation_id,
            kind=task,
            contact=self.cipher.encrypt(case),  # a pseudonym, kept like a task's number
            recording_url=None,
            duration_s=None,
            expires_at=now + self.policy.callback_keep,
        )
        schedule = urgent_schedule if urgent else alert_schedule
        await uow.escalations.schedule(
            escalation_id, list(schedule(snapshot.roster, self.policy, now))
        )
        return escalation_id

    async def call_back(self, escalation_id: str, staff: Staff) -> StaffNote:
        """Ring this staff member's phone, then the caller's, through the hotline."""
        record = await self._held(escalation_id, staff)
        if record is None:
            return StaffNote.of(MessageId.STAFF_TASK_CLOSED)
        phone = (await self.board.current()).phones.get(staff.id)
        dialer = self._reach().dialer
        if phone is None or dialer is None:
            return StaffNote.of(MessageId.STAFF_NO_PHONE)
        async with self._units() as uow:
            task = await uow.tasks.get(escalation_id)
            if task is not None and task.contact is not None:
                await uow.escalations.count_attempt(escalation_id, 1)
                rang = EscalationEvent(self.clock(), EventKind.CALLED_BACK, staff.id, "voice")
                await uow.events.add(escalation_id, [rang])
        if task is None or task.contact is None:
            return StaffNote.of(MessageId.STAFF_TASK_CLOSED)
        await dialer.ring(escalation_id, staff.id, phone)
        return StaffNote.of(MessageId.STAFF_CALLBACK_RINGING)

    async def callback_target(self, escalation_id: str, staff_id: str) -> CallbackTarget | None:
        """A callback, as its call legs see it; None if there is no such callback."""
        async with self._units() as uow:
            record = await uow.escalations.get(escalation_id)
            task = await uow.tasks.get(escalation_id)
        if record is None or task is None:
            return None
        if task.contact is None or record.staff_id != staff_id:
            return CallbackTarget(record, None)
        return CallbackTarget(record, self.cipher.decrypt(task.contact))

    async def mine(self, staff: Staff) -> Caseload:
        """A specialist's own list (`/mine`): the work they hold or that waits for them,
        and their participants still in the program with where each one's plan stands."""
        now = self.clock()
        async with self._units() as uow:
            records = await uow.escalations.open_of(staff.id, MINE_LIMIT)
            people = [p for p in await uow.participants.list(specialist=staff.id) if p.active]
            outlook = await uow.plan.outlook([p.case for p in people])
        work = [
            HeldWork(r.id, await self.describe(r), r.started_at, r.staff_id == staff.id)
            for r in records
        ]
        mine = [
            MyParticipant(p.case, p.status, p.release, p.timezone, outlook.get(p.case, Outlook()))
            for p in people
        ]
        return Caseload(now, tuple(work), tuple(mine))

    # -- a specialist in a chat case ------------------------------------------------------

    async def write(self, staff: Staff, text: str, about: str | None) -> Refusal | None:
        """A specialist writes to the person of their case (`about`, else their latest)."""
        own = await self._own_case(staff, about)
        if not isinstance(own, _OwnCase):
            return own
        said = self._say(own.record.language, MessageId.CASE_SPECIALIST_SAYS)
        await own.side.send(own.address, f"{said}\n{text}")
        if own.record.kind == Kind.QUESTION:  # their reply comes here, not to a menu
            await own.side.leave_flow(own.case.session_key)
        return None

    async def close(self, staff: Staff, about: str | None) -> StaffNote | None:
        """A specialist ends their case (`about`, else their latest)."""
        own = await self._own_case(staff, about)
        if not isinstance(own, _OwnCase):
            return own
        await self._end_case(own.record)
        return StaffNote.of(MessageId.STAFF_CASE_CLOSED)

    # -- what a person does in a case (the chat conversations call these) ------------------

    async def relay_to_staff(self, record: EscalationRow, text: str) -> None:
        """A person's message in a taken case goes to the specialist who has it."""
        if record.staff_id is None:
            return
        for notifier in self._reach().notifiers:
            if await notifier.relay(record.staff_id, record.id, text):
                return

    async def urgent(self, escalation_id: str) -> None:
        """Words of crisis in a case: its holder is told at once; untaken, its urgent
        alerts (stored with the words) go out now rather than at the next tick."""
        record = await self.get(escalation_id)
        if record is None or record.ended_at is not None:
            return
        if record.staff_id is None:
            await self.tick()
            return
        note = StaffNote.of(MessageId.STAFF_CRISIS_IN_CASE)
        for notifier in self._reach().notifiers:
            if await notifier.tell(record.staff_id, note):
                return

    async def person_closed(self, record: EscalationRow) -> None:
        """The person ended a case: the specialist (or the alerted staff) are told."""
        note = StaffNote.of(MessageId.STAFF_CASE_CLOSED_BY_PERSON)
        if record.staff_id is not None:
            for notifier in self._reach().notifiers:
                if await notifier.tell(record.staff_id, note):
                    return
        await self._retire(record.id, note)

    # -- inside ---------------------------------------------------------------------------

    async def _held(self, escalation_id: str, staff: Staff) -> EscalationRow | None:
        """The escalation, if this staff member holds it and it has not ended."""
        record = await self.get(escalation_id)
        if record is None or record.staff_id != staff.id or record.ended_at is not None:
            return None
        return record

    async def _own_case(self, staff: Staff, about: str | None) -> _OwnCase | Refusal | None:
        """A staff member's open case, with the way to its person; a refusal if it is not
        theirs or not open; None if its person cannot be reached (nothing to say then)."""
        async with self._units() as uow:
            target = about or await uow.cases.latest_of(staff.id)
            found = await uow.cases.get(target) if target else None
        if found is None or found[0].closed_at is not None or found[1].staff_id != staff.id:
            return StaffNote.of(MessageId.STAFF_NO_CASE)
        case, record = found
        side = self._reach().people.get(record.channel)
        if side is None or case.address is None:
            return None
        return _OwnCase(case, record, side, self.cipher.decrypt(case.address))

    async def _end_case(self, record: EscalationRow) -> None:
        """A specialist ends a conversation or a question: the person is told, and what was
        kept of it (their address, texts, the question) is deleted."""
        async with self._units() as uow:
            found = await uow.cases.get(record.id)
            await uow.cases.close(record.id, self.clock(), Result.DONE)
        side = self._reach().people.get(record.channel)
        case = found[0] if found is not None else None
        if case is None or case.address is None or side is None:
            return
        await side.send(
            self.cipher.decrypt(case.address), self._say(record.language, MessageId.CASE_CLOSED)
        )
        if record.kind == Kind.CHAT:  # the chat's session waits on the case: move it on
            await side.case_ended(case.session_key, True)

    async def _retire(self, escalation_id: str, why: StaffNote) -> None:
        for notifier in self._reach().notifiers:
            await notifier.retire(escalation_id, why)

    def _say(self, language: str, message: MessageId) -> str:
        return self.catalog.format(language, message, {})
