"""A caller asks for a person: whom to ring in which round, the anonymous record of it, and
voicemails and callback requests filed as tasks for staff.

The engine only says "escalate" (or notes that nobody could be reached); this service
decides, from the duty board and the policy, whom to ring in which round, keeps the
escalation's record, and files tasks with the caller's number encrypted and kept only while
the task is open. It touches no network: the voice channel renders its dial plans as TwiML
and answers the whisper a specialist hears.

An escalation the engine marks as a silent line (the caller got there without pressing a
key) rings one round only.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime

from hotline.crypto import DataCipher
from hotline.errors import BadRequest
from hotline.escalation.board import DutySnapshot
from hotline.escalation.model import Kind, Result
from hotline.escalation.policy import (
    EscalationPolicy,
    Ring,
    alert_schedule,
    ring_plan,
)
from hotline.escalation.ports import UnitOfWork
from hotline.escalation.roster import candidates, on_duty_ids
from hotline.escalation.timeline import EscalationEvent, EventKind
from hotline.flows.actions import NoteUnreached
from hotline.flows.engine import SILENT_LINE, LanguageSource, Staffing
from hotline.privacy import normalise_number

log = logging.getLogger(__name__)

CHANNEL = "voice"


@dataclass(frozen=True)
class DialPlan:
    """One round of ringing staff for an escalation: who, for how long, and as whom.

    Each person hears a whisper first (WHISPER_PATH) and is put through only on pressing 1,
    so a call never lands in a personal voicemail. `caller_id` is the hotline's number:
    staff never see the caller's.
    """

    escalation_id: str
    ring: int
    numbers: tuple[tuple[str, str], ...]  # (staff id, E.164 phone)
    timeout_s: int
    caller_id: str | None


@dataclass(frozen=True)
class Decision:
    """A new escalation: the first round to ring, or the outcome that says why none."""

    escalation_id: str
    dial: DialPlan | None
    outcome: Result | None = None  # after-hours (nobody on duty) or unanswered (no phones)

    @property
    def closed(self) -> bool:
        """Nobody is on duty: the caller takes the after-hours route."""
        return self.outcome == Result.AFTER_HOURS


def whisper_language(snapshot: DutySnapshot, staff_id: str, source: LanguageSource) -> str:
    """The language a person hears the whisper in: their first one the hotline speaks."""
    person = snapshot.staff(staff_id)
    languages = source.current
    spoken = [lang for lang in (person.languages if person else ()) if lang in languages.offered]
    return spoken[0] if spoken else languages.default


class CallEscalation:
    """Rounds of ringing for calls, their records, and tasks left for staff."""

    def __init__(
        self,
        *,
        policy: EscalationPolicy,
        cipher: DataCipher,
        languages: LanguageSource,
        default_region: str | None,
        callbacks: bool = False,
    ) -> None:
        self.callbacks = callbacks  # staff can call a caller back through the hotline's number
        self.policy = policy
        self.cipher = cipher
        self.languages = languages
        self.default_region = default_region

    # -- rounds of ringing ----------------------------------------------------------------

    def staffing(self, snapshot: DutySnapshot, now: datetime) -> Staffing:
        """Whether anyone is on duty and anyone can be rung now, as the engine needs it.

        The language orders whom to ring, never whether anyone can be: any language tells.
        """
        roster = snapshot.roster
        if roster is None or not on_duty_ids(roster, now):
            return Staffing(on_duty=False, reachable=False, callbacks=self.callbacks)
        reachable = bool(self._plan(snapshot, self.languages.current.default, now))
        return Staffing(on_duty=True, reachable=reachable, callbacks=self.callbacks)

    def first_round(
        self, snapshot: DutySnapshot, language: str, now: datetime, hotline_number: str | None
    ) -> Decision:
        """Whom to ring first for a new escalation, or why nobody (no I/O)."""
        escalation_id = str(uuid.uuid4())
        roster = snapshot.roster
        if roster is None or not on_duty_ids(roster, now):
            return Decision(escalation_id, None, Result.AFTER_HOURS)
        plan = self._plan(snapshot, language, now)
        if not plan:
            return Decision(escalation_id, None, Result.UNANSWERED)
        return Decision(
            escalation_id, self._round(escalation_id, 0, plan, snapshot, hotline_number)
        )

    async def record(
        self,
        uow: UnitOfWork,
        decision: Decision,
        *,
        log_id: str,
        language: str,
        reason: str,
        now: datetime,
    ) -> None:
        """Keep the escalation's record, in the step's transaction once its answer is saved."""
        await uow.escalations.open(
            log_id=log_id,
            kind=Kind.CALL,
            channel=CHANNEL,
            language=language,
            reason=reason,
            now=now,
            outcome=decision.outcome,
            escalation_id=decision.escalation_id,
            attempts=len(decision.dial.numbers) if decision.dial else 0,
        )
        if decision.dial is not None:
            await uow.events.add(decision.escalation_id, _rung(decision.dial, now))

    async def record_unreached(
        self, uow: UnitOfWork, note: NoteUnreached, *, log_id: str, now: datetime
    ) -> None:
        """Keep the record of a person asked for when nobody could be rung, ended at once."""
        if not note.after_hours:
            log.warning("staff are on duty but none has a phone number: nobody to ring")
        await uow.escalations.open(
            log_id=log_id,
            kind=Kind.CALL,
            channel=CHANNEL,
            language=note.language,
            reason=note.reason,
            now=now,
            outcome=Result.AFTER_HOURS if note.after_hours else Result.UNANSWERED,
            escalation_id=str(uuid.uuid4()),
            attempts=0,
        )

    async def after_round(
        self,
        uow: UnitOfWork,
        *,
        escalation_id: str,
        ring: int,
        language: str,
        hotline_number: str | None,
        snapshot: DutySnapshot,
        now: datetime,
    ) -> tuple[bool, DialPlan | None]:
        """A round is over: (answered, the next round or None when everyone was tried)."""
        row = await uow.escalations.get(escalation_id)
        if row is None:
            raise BadRequest("no such escalation")
        if row.staff_id is not None:
            # Taken in the whisper; the dial action comes when the conversation ends.
            await uow.escalations.end(escalation_id, Result.ANSWERED, now)
            return True, None
        if row.ended_at is not None:
            return False, None
        plan = self._plan(snapshot, language, now)
        # An open line is offered to one round only: nobody there to wait for the others.
        if ring + 1 < len(plan) and row.reason != SILENT_LINE:
            dial = self._round(escalation_id, ring + 1, plan, snapshot, hotline_number)
            await uow.escalations.count_attempt(escalation_id, len(dial.numbers))
            await uow.events.add(escalation_id, _rung(dial, now))
            return False, dial
        await uow.escalations.end(escalation_id, Result.UNANSWERED, now)
        return False, None

    async def abandoned(self, uow: UnitOfWork, log_id: str, now: datetime) -> None:
        """The caller hung up: a ringing escalation of theirs ends as abandoned."""
        row = await uow.escalations.open_for_log(log_id, Kind.CALL)
        if row is not None and row.staff_id is None:
            await uow.escalations.end(row.id, Result.ABANDONED, now)

    def _plan(self, snapshot: DutySnapshot, language: str, now: datetime) -> tuple[Ring, ...]:
        if snapshot.roster is None:
            return ()
        return ring_plan(
            candidates(snapshot.roster, now, language), snapshot.phones.keys(), self.policy
        )

    def _round(
        self,
        escalation_id: str,
        ring: int,
        plan: tuple[Ring, ...],
        snapshot: DutySnapshot,
        hotline_number: str | None,
    ) -> DialPlan:
        step = plan[ring]
        return DialPlan(
            escalation_id=escalation_id,
            ring=ring,
            numbers=tuple((s, snapshot.phones[s]) for s in step.staff_ids),
            timeout_s=step.timeout_s,
            caller_id=hotline_number,
        )

    # -- tasks for staff ------------------------------------------------------------------

    async def file_task(
        self,
        uow: UnitOfWork,
        *,
        log_id: str,
        kind: str,
        language: str,
        caller: str,
        recording_url: str | None,
        duration_s: int | None,
        snapshot: DutySnapshot,
        now: datetime,
    ) -> str:
        """A voicemail or callback request becomes a task, alerted in stages until taken.
        The caller's number is kept (encrypted) only where someone can call it back."""
        number = normalise_number(caller, self.default_region) if self.callbacks else None
        escalation_id = await uow.escalations.open(
            log_id=log_id,
            kind=Kind.CALLBACK,
            channel=CHANNEL,
            language=language,
            reason=kind,
            now=now,
        )
        await uow.tasks.add(
            escalation_id,
            kind=kind,
            contact=self.cipher.encrypt(number) if number else None,
            recording_url=self.cipher.encrypt(recording_url) if recording_url else None,
            duration_s=duration_s,
            expires_at=now + self.policy.callback_keep,
        )
        await uow.escalations.schedule(
            escalation_id, list(alert_schedule(snapshot.roster, self.policy, now))
        )
        return escalation_id


def _rung(dial: DialPlan, now: datetime) -> list[EscalationEvent]:
    """The timeline's record of a round: each phone rung, for up to its timeout."""
    return [
        EscalationEvent(now, EventKind.RANG, staff_id, CHANNEL, dial.timeout_s)
        for staff_id, _ in dial.numbers
    ]
