"""The voice conversation: a call's steps through the flow, one unit of work each.

The voice channel parses Twilio's webhooks into an event and the call's details, and calls
this service; the service loads the session, runs the engine (with who can be reached now),
asks the call escalation whom to ring, files voicemails and callback requests, keeps the
anonymous log, and saves the step with its rendered answer in the same transaction, so a
retried request gets the saved answer and the flow moves once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime

from hotline.call_log import summarise
from hotline.errors import BadRequest
from hotline.escalation.board import DutyBoard, DutySnapshot
from hotline.escalation.calls import CHANNEL, CallEscalation, DialPlan
from hotline.escalation.ports import (
    NewSession,
    NewVoicemail,
    SessionTaken,
    UnitOfWork,
    UnitsOfWork,
)
from hotline.flows import engine
from hotline.flows.actions import Escalate, NoteUnreached, RememberLanguage, RequestCallback
from hotline.flows.events import (
    CallStarted,
    EscalationContinues,
    EscalationEnded,
    Event,
    RecordingSaved,
)
from hotline.flows.loader import VOICE_FLOW
from hotline.flows.model import Flow
from hotline.flows.state import SessionState
from hotline.privacy import pseudonym

# (step, its number, a dial) -> TwiML; texts with details may be rendered to speech meanwhile
Render = Callable[[engine.Step, int, DialPlan | None], Awaitable[str]]


class SessionMissing(BadRequest):
    """A step arrived for a call we hold no session for."""


@dataclass(frozen=True)
class CallDetails:
    """What a step needs of the request besides its event."""

    caller_number: str  # Twilio's From: kept only encrypted, in a callback task
    hotline_number: str | None  # the number staff see when rung (the hotline's, by default)
    recording_url: str | None = None


class VoiceConversations:
    """Moves calls through the voice flow."""

    def __init__(
        self,
        *,
        flows: Mapping[str, Flow],
        units: UnitsOfWork,
        board: DutyBoard,
        escalation: CallEscalation,
        languages: engine.LanguageSource,
        pseudonym_key: bytes,
        default_region: str | None,
        render: Render,
        clock: Callable[[], datetime],
    ) -> None:
        self.flows = flows
        self._units = units
        self.board = board
        self.escalation = escalation
        self.languages = languages
        self.pseudonym_key = pseudonym_key
        self.default_region = default_region
        self.render = render
        self.clock = clock

    async def start(self, call_sid: str, caller_number: str, preset: str | None) -> str:
        """A new call: its session and log row, and the answer to its first request."""
        flow = self.flows[VOICE_FLOW]
        languages = self.languages.current  # one view of the languages for the whole step
        caller = pseudonym(caller_number, self.pseudonym_key, self.default_region)
        language = preset
        if language is None and caller is not None:
            # A returning caller starts in the language they chose last time (9 changes it).
            async with self._units() as uow:
                remembered = await uow.sessions.recall_language(caller)
            if remembered in languages.offered:
                language = remembered
        now = self.clock()
        step = engine.start(
            flow,
            CallStarted(language=language, reachable=caller is not None),
            languages=languages,
            now=now,
        )
        twiml = await self.render(step, 1, None)
        new = NewSession(
            key=call_sid,
            channel=CHANNEL,
            flow=flow.id,
            caller=caller,
            started_at=now,
            language=step.state.language,
            state=step.state.to_json(),
            response=twiml,
        )
        try:
            async with self._units() as uow:
                await uow.sessions.create(new)
        except SessionTaken:  # Twilio retried the incoming-call request
            async with self._units() as uow:
                existing = await uow.sessions.load(call_sid)
            if existing is not None:
                return existing.last_response
        return twiml

    async def step(
        self,
        call_sid: str,
        seq: int,
        event: Event,
        details: CallDetails,
        round_: tuple[str, int] | None = None,
    ) -> str:
        """The caller's answer to step `seq`: the flow moves once, in one unit of work, and
        the answer is kept (a retried request gets it back)."""
        # Read before the step's transaction: SQLite has one connection, held by the unit.
        snapshot = await self.board.current()
        hotline_number = details.hotline_number
        async with self._units() as uow:
            stored = await uow.sessions.load(call_sid)
            if stored is None:
                raise SessionMissing("no session for this call")
            if seq != stored.seq:  # a retry of a step already answered
                return stored.last_response
            state = SessionState.from_json(stored.state)
            flow = self.flows[state.flow_id]
            languages = self.languages.current
            now = self.clock()
            if isinstance(event, EscalationEnded) and round_ is not None:
                answered, again = await self.escalation.after_round(
                    uow,
                    escalation_id=round_[0],
                    ring=round_[1],
                    language=state.language,
                    hotline_number=hotline_number,
                    snapshot=snapshot,
                    now=now,
                )
                if again is not None:  # nobody took it: ring the next round, same node
                    step = engine.advance(
                        flow, state, EscalationContinues(), languages=languages, now=now
                    )
                    twiml = await self.render(step, stored.seq + 1, again)
                    if await uow.sessions.advance(stored, stored.state, twiml, now):
                        return twiml
                    latest = await uow.sessions.load(call_sid)
                    return latest.last_response if latest else twiml
                event = EscalationEnded(answered=answered)
            # Whether anyone can be rung is the engine's to route by, within this step.
            staffing = self.escalation.staffing(snapshot, now)
            step = engine.advance(
                flow, state, event, languages=languages, now=now, staffing=staffing
            )
            decision = None
            escalate = step.actions[-1] if step.actions else None
            if isinstance(escalate, Escalate):
                decision = self.escalation.first_round(
                    snapshot, step.state.language, now, hotline_number
                )
            twiml = await self.render(step, stored.seq + 1, decision.dial if decision else None)
            voicemail = None
            if isinstance(event, RecordingSaved):
                voicemail = NewVoicemail(
                    language=state.language,
                    duration_s=event.duration_s,
                    recording_url=details.recording_url or "",
                )
            summary = summarise(step.state) if stored.ended else None
            if not await uow.sessions.advance(
                stored, step.state.to_json(), twiml, now, voicemail=voicemail, summary=summary
            ):
                # Another process answered this step first.
                latest = await uow.sessions.load(call_sid)
                return latest.last_response if latest else twiml
            if decision is not None and isinstance(escalate, Escalate):
                await self.escalation.record(
                    uow,
                    decision,
                    log_id=stored.log_id,
                    language=escalate.language,
                    reason=escalate.reason,
                    now=now,
                )
            for note in step.actions:
                if isinstance(note, NoteUnreached):
                    await self.escalation.record_unreached(uow, note, log_id=stored.log_id, now=now)
            await self._file_tasks(uow, stored.log_id, event, step, details, snapshot, now)
            for action in step.actions:
                if isinstance(action, RememberLanguage):
                    await uow.sessions.remember_language(stored, action.language, now)
            return twiml

    async def _file_tasks(
        self,
        uow: UnitOfWork,
        log_id: str,
        event: Event,
        step: engine.Step,
        details: CallDetails,
        snapshot: DutySnapshot,
        now: datetime,
    ) -> None:
        """A voicemail, or a request to be called back, becomes a task for staff."""
        wanted: list[tuple[str, str | None, int | None]] = []
        if isinstance(event, RecordingSaved):
            wanted.append(("voicemail", details.recording_url, event.duration_s))
        if any(isinstance(a, RequestCallback) for a in step.actions):
            wanted.append(("callback", None, None))
        for kind, recording, duration in wanted:
            await self.escalation.file_task(
                uow,
                log_id=log_id,
                kind=kind,
                language=step.state.language,
                caller=details.caller_number,
                recording_url=recording,
                duration_s=duration,
                snapshot=snapshot,
                now=now,
            )

    async def finish(self, call_sid: str, duration_s: int | None) -> bool:
        """Close the call's log row; False when there is no session to close."""
        async with self._units() as uow:
            stored = await uow.sessions.load(call_sid)
            if stored is None:
                return False
            if stored.ended:
                return True
            state = SessionState.from_json(stored.state)
            now = self.clock()
            await self.escalation.abandoned(uow, stored.log_id, now)
            await uow.sessions.finish(stored, summarise(state), now, duration_s)
            return True
