"""A caller asks for a person: ring the staff on duty in rounds, each with a whisper.

The engine only says "escalate"; this module decides, from the duty board and the policy,
whom to ring in which round, keeps the anonymous escalation record, answers the whisper a
specialist hears ("Hotline call. Language: Georgian. To take the call, press 1."), and
files voicemails and callback requests as tasks for staff, with the caller's number
encrypted and kept only while the task is open.

Who took a call is decided by the whisper, not by Twilio's DialCallStatus: a personal
voicemail that picks up never presses 1, so it is never "answered".

An escalation the engine marks as a silent line (the caller got there without pressing a
key) rings one round only, and its whisper says the line may be silent.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from aiohttp import web
from twilio.twiml.voice_response import Gather, VoiceResponse

from hotline.channels.twilio_signature import TwilioSignatureCheck
from hotline.channels.voice_twiml import WHISPER_PATH, DialPlan, VoiceRenderer
from hotline.crypto import DataCipher
from hotline.errors import BadRequest
from hotline.escalation.board import DutyBoard, DutySnapshot
from hotline.escalation.model import Kind, Result
from hotline.escalation.policy import (
    EscalationPolicy,
    Ring,
    alert_schedule,
    ring_plan,
)
from hotline.escalation.ports import UnitOfWork, UnitsOfWork
from hotline.escalation.roster import candidates, on_duty
from hotline.flows.actions import NoteUnreached, Say
from hotline.flows.engine import SILENT_LINE, Languages, Staffing
from hotline.messages import MessageId
from hotline.privacy import normalise_number

log = logging.getLogger(__name__)

CHANNEL = "voice"
WHISPER_TIMEOUT_S = 8  # seconds a specialist has to press 1 after each offer
WHISPER_OFFERS = 2  # the offer is said this often before the whisper hangs up
ACCEPT_KEY = "1"
_ID = re.compile(r"^[0-9a-f-]{36}$")
_STAFF = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")


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


def whisper_language(snapshot: DutySnapshot, staff_id: str, languages: Languages) -> str:
    """The language a person hears the whisper in: their first one the hotline speaks."""
    person = snapshot.staff(staff_id)
    spoken = [lang for lang in (person.languages if person else ()) if lang in languages.offered]
    return spoken[0] if spoken else languages.default


class VoiceEscalation:
    """Rounds of ringing, the whisper, and tasks left for staff."""

    def __init__(
        self,
        *,
        board: DutyBoard,
        units: UnitsOfWork,
        policy: EscalationPolicy,
        cipher: DataCipher,
        renderer: VoiceRenderer,
        languages: Languages,
        signature: TwilioSignatureCheck,
        clock: Callable[[], datetime],
        default_region: str | None,
    ) -> None:
        self.board = board
        self._units = units
        self.policy = policy
        self.cipher = cipher
        self.renderer = renderer
        self.languages = languages
        self.signature = signature
        self.clock = clock
        self.default_region = default_region

    # -- rounds of ringing ----------------------------------------------------------------

    def staffing(self, snapshot: DutySnapshot, now: datetime) -> Staffing:
        """Whether anyone is on duty and anyone can be rung now, as the engine needs it.

        The language orders whom to ring, never whether anyone can be: any language tells.
        """
        roster = snapshot.roster
        if roster is None or not on_duty(roster, now):
            return Staffing(on_duty=False, reachable=False)
        if not self._plan(snapshot, self.languages.default, now):
            log.warning("staff are on duty but none has a phone number: nobody to ring")
            return Staffing(on_duty=True, reachable=False)
        return Staffing(on_duty=True, reachable=True)

    def first_round(
        self, snapshot: DutySnapshot, language: str, now: datetime, hotline_number: str | None
    ) -> Decision:
        """Whom to ring first for a new escalation, or why nobody (no I/O)."""
        escalation_id = str(uuid.uuid4())
        roster = snapshot.roster
        if roster is None or not on_duty(roster, now):
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

    async def record_unreached(
        self, uow: UnitOfWork, note: NoteUnreached, *, log_id: str, now: datetime
    ) -> None:
        """Keep the record of a person asked for when nobody could be rung, ended at once."""
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
        """A voicemail or callback request becomes a task, alerted in stages until taken."""
        number = normalise_number(caller, self.default_region)
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

    # -- the whisper ----------------------------------------------------------------------

    async def whisper(self, request: web.Request) -> web.Response:
        """The specialist picked up: offer the call; on 1, take it (first one wins)."""
        params = await self.signature.verify(request)
        escalation_id = request.query.get("esc", "")
        staff_id = request.query.get("staff", "")
        if not _ID.match(escalation_id) or not _STAFF.match(staff_id):
            raise BadRequest("esc and staff must name an escalation and a staff member")
        caller_language = request.query.get("lang", "")
        if caller_language not in self.languages.offered:
            raise BadRequest("lang must be one of the hotline's languages")
        snapshot = await self.board.current()
        language = whisper_language(snapshot, staff_id, self.languages)
        response = VoiceResponse()
        if request.query.get("stage") == "key" and params.get("Digits") == ACCEPT_KEY:
            async with self._units() as uow:
                holder = await uow.escalations.take(escalation_id, staff_id, self.clock())
            if holder is None:
                log.info("escalation %s taken by %s", escalation_id, staff_id)
                return _twiml(response)  # an empty answer: Twilio puts the call through
            self.renderer.say(response, Say(MessageId.WHISPER_TAKEN_ELSEWHERE, language))
            response.hangup()
            return _twiml(response)
        async with self._units() as uow:
            record = await uow.escalations.get(escalation_id)
        silent = record is not None and record.reason == SILENT_LINE
        offer_message = MessageId.WHISPER_OFFER_SILENT if silent else MessageId.WHISPER_OFFER
        offer = Say(offer_message, language, (("code", caller_language),))
        for _ in range(WHISPER_OFFERS):
            gather = Gather(
                action=self.renderer.url(
                    WHISPER_PATH,
                    esc=escalation_id,
                    staff=staff_id,
                    lang=caller_language,
                    stage="key",
                ),
                method="POST",
                input="dtmf",
                num_digits=1,
                timeout=WHISPER_TIMEOUT_S,
                action_on_empty_result=False,
            )
            self.renderer.say(gather, offer)
            response.append(gather)
        response.hangup()  # no key: not put through, so the next round rings someone else
        return _twiml(response)


def _twiml(response: VoiceResponse) -> web.Response:
    return web.Response(text=str(response), content_type="text/xml")
