"""The voice conversation: a call's steps through the flow, one unit of work each.

The voice channel parses Twilio's webhooks into an event and the call's details, and calls
this service; the service loads the session, runs the engine (with who can be reached now),
asks the call escalation whom to ring, files voicemails and callback requests, keeps the
anonymous log, and saves the step with its rendered answer in the same transaction, so a
retried request gets the saved answer and the flow moves once.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import replace
from datetime import datetime
from typing import Protocol

from hotline.call_log import summarise
from hotline.conversations.checkin import ORIGIN, CheckinAnswers
from hotline.conversations.directory_talk import DirectoryTalk, SendSms
from hotline.conversations.live_sessions import LiveSessions
from hotline.conversations.voice_effects import (
    CallDetails,
    file_tasks,
    newly_answered,
    tell_answer,
)
from hotline.errors import BadRequest
from hotline.escalation.board import DutyBoard, DutySnapshot
from hotline.escalation.calls import CHANNEL, CallEscalation, DialPlan
from hotline.escalation.ports import (
    NewSession,
    NewVoicemail,
    SessionTaken,
    StoredSession,
    UnitOfWork,
    UnitsOfWork,
)
from hotline.flows import engine
from hotline.flows.actions import (
    Action,
    Escalate,
    Hangup,
    NoteUnreached,
    RememberChoice,
    RememberLanguage,
    RequestCallback,
    Say,
    SendServices,
    ShowServices,
)
from hotline.flows.choosing import NO_CHOICES, REGION
from hotline.flows.events import (
    CallStarted,
    EscalationContinues,
    EscalationEnded,
    Event,
    RecordingSaved,
)
from hotline.flows.loader import VOICE_FLOW
from hotline.flows.model import Flow
from hotline.flows.on_phone import on_phone
from hotline.flows.state import SessionState
from hotline.messages import MessageId
from hotline.privacy import pseudonym
from hotline.reminders.campaign import Channel
from hotline.reminders.plan import RowStatus
from hotline.reminders.ports import Attempt

MACHINE = "answering machine"  # how a planned call a machine took is recorded
# What a step does besides moving the flow on: it then runs in a unit of work.
_MORE_THAN_MOVING = (
    Escalate,
    NoteUnreached,
    RequestCallback,
    RememberLanguage,
    RememberChoice,
    ShowServices,
    SendServices,
)


class Render(Protocol):
    """Actions -> TwiML whose next request carries `seq`; texts with details may be
    rendered to speech meanwhile (VoiceRenderer.render_speaking)."""

    def __call__(
        self,
        actions: Sequence[Action],
        *,
        seq: int,
        language: str,
        dial: DialPlan | None = None,
    ) -> Awaitable[str]:
        """Render one step."""
        ...


class SessionMissing(BadRequest):
    """A step arrived for a call we hold no session for."""


class VoiceConversations:
    """Moves calls through the voice flow, and the calls the dispatcher places (check-ins)
    through theirs; each flow as said on a call (`flows.on_phone`). A check-in's answer is
    told to `checkins`, when given."""

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
        checkins: CheckinAnswers | None = None,
        talk: DirectoryTalk | None = None,
        send_sms: SendSms | None = None,
        statements: UnitsOfWork | None = None,
    ) -> None:
        self.flows = {flow_id: on_phone(flow) for flow_id, flow in flows.items()}
        self.talk = talk
        self.send_sms = send_sms
        self.checkins = checkins
        self._units = units
        self._statements = statements or units  # each statement its own transaction
        self._live = LiveSessions()
        self.board = board
        self.escalation = escalation
        self.languages = languages
        self.pseudonym_key = pseudonym_key
        self.default_region = default_region
        self.render = render
        self.clock = clock

    async def start(
        self, call_sid: str, caller_number: str, preset: str | None, *, simulated: bool = False
    ) -> str:
        """A new call: its session and log row (marked `simulated` when a simulator placed
        it), and the answer to its first request."""
        flow = self.flows[VOICE_FLOW]
        languages = self.languages.current  # one view of the languages for the whole step
        caller = pseudonym(caller_number, self.pseudonym_key, self.default_region)
        language = preset
        kept: tuple[tuple[str, str], ...] = ()
        if caller is not None:
            # A returning caller starts in the language they chose last time (9 changes it),
            # and the directory in their region (4 in its list changes it).
            async with self._statements() as reads:
                remembered = await reads.sessions.recall_language(caller)
                region = await reads.asks.recall_region(caller)
            if language is None and remembered in languages.offered:
                language = remembered
            kept = ((REGION, region),) if region else ()
        now = self.clock()
        step = engine.start(
            flow,
            CallStarted(language=language, reachable=caller is not None, remembered=kept),
            languages=languages,
            callbacks=self.escalation.callbacks,
            now=now,
        )
        twiml = await self._render(step, 1)
        new = NewSession(
            key=call_sid,
            channel=CHANNEL,
            flow=flow.id,
            caller=caller,
            started_at=now,
            language=step.state.language,
            state=step.state.to_json(),
            response=twiml,
            simulated=simulated,
        )
        return await self._open(new)

    async def step(
        self,
        call_sid: str,
        seq: int,
        event: Event,
        details: CallDetails,
        round_: tuple[str, int] | None = None,
    ) -> str:
        """The caller's answer to step `seq`: the flow moves once and the answer is kept (a
        retried request gets it back). A step that only moves the flow on (most are) holds
        no connection while the engine runs and TwiML is rendered; one that does more (rings,
        files, remembers, acts on an answer) runs in one unit of work."""
        # Read before any transaction: SQLite has one connection, held by a unit.
        snapshot = await self.board.current()
        if round_ is None or not isinstance(event, EscalationEnded):
            answer = await self._lean_step(call_sid, seq, event, snapshot)
            if answer is not None:
                return answer
        told = await self.checkins.snapshot() if self.checkins is not None else None
        return await self._step_in_unit(call_sid, seq, event, details, round_, snapshot, told)

    async def _lean_step(
        self, call_sid: str, seq: int, event: Event, snapshot: DutySnapshot
    ) -> str | None:
        """A step that only moves the flow on: run from the state this process saved last
        (live_sessions), else read, and saved by a conditional update, its own guard; None
        when the step does more (the caller runs it in a unit of work)."""
        stored = self._live.at(call_sid, seq)
        languages = self.languages.current
        choices = NO_CHOICES if self.talk is None else self.talk.worded(languages.offered)
        if stored is None or choices is None:
            async with self._statements() as reads:
                stored = stored or await _session(reads, call_sid)
                if self.talk is not None:  # worded once a minute at most
                    choices = await self.talk.choices(languages.offered, reads)
            if seq != stored.seq:  # a retry of a step already answered
                return stored.last_response
        if stored.ended or isinstance(event, RecordingSaved) or choices is None:
            return None
        state = SessionState.from_json(stored.state)
        now = self.clock()
        staffing = self.escalation.staffing(snapshot, now)
        step = engine.advance(
            self.flows[state.flow_id],
            state,
            event,
            languages=languages,
            now=now,
            staffing=staffing,
            choices=choices,
        )
        if any(isinstance(a, _MORE_THAN_MOVING) for a in step.actions) or newly_answered(
            state, step.state
        ):
            return None
        twiml = await self._render(step, stored.seq + 1)
        saved = step.state.to_json()
        async with self._statements() as writes:
            if await writes.sessions.advance(stored, saved, twiml, now):
                # Kept without its answer: a retry of this step reads the database.
                self._live.saved(replace(stored, seq=seq + 1, state=saved, last_response=""))
                return twiml
            self._live.forget(call_sid)  # another process moved it on, or it ended
            latest = await _session(writes, call_sid)
        if latest.seq == seq:  # it ended meanwhile: the step is saved with the call log's row
            return None
        return latest.last_response

    async def _step_in_unit(
        self,
        call_sid: str,
        seq: int,
        event: Event,
        details: CallDetails,
        round_: tuple[str, int] | None,
        snapshot: DutySnapshot,
        told: DutySnapshot | None,
    ) -> str:
        """A step in one unit of work: read, run, saved with what it rings, files and notes."""
        hotline_number = details.hotline_number
        async with self._units() as uow:
            stored = await _session(uow, call_sid)
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
                    twiml = await self._render(step, stored.seq + 1, again)
                    if await uow.sessions.advance(stored, stored.state, twiml, now):
                        return twiml
                    latest = await uow.sessions.load(call_sid)
                    return latest.last_response if latest else twiml
                event = EscalationEnded(answered=answered)
            # Whether anyone can be rung is the engine's to route by, within this step.
            staffing = self.escalation.staffing(snapshot, now)
            choices = NO_CHOICES
            if self.talk is not None:
                choices = await self.talk.choices(languages.offered, uow)
            step = engine.advance(
                flow, state, event, languages=languages, now=now, staffing=staffing, choices=choices
            )
            step = await self._directory(uow, step, details)
            decision = None
            escalate = step.actions[-1] if step.actions else None
            if isinstance(escalate, Escalate):
                decision = self.escalation.first_round(
                    snapshot, step.state.language, now, hotline_number
                )
            twiml = await self._render(step, stored.seq + 1, decision.dial if decision else None)
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
            await file_tasks(
                self.escalation, uow, stored.log_id, event, step, details, snapshot, now
            )
            if self.checkins is not None and told is not None:
                await tell_answer(self.checkins, uow, state, step.state, told, now)
            for action in step.actions:
                if isinstance(action, RememberLanguage):
                    await uow.sessions.remember_language(stored, action.language, now)
                elif isinstance(action, RememberChoice) and action.name == REGION:
                    await uow.asks.remember_region(stored.log_id, action.value, now)
            return twiml

    async def _directory(
        self, uow: UnitOfWork, step: engine.Step, details: CallDetails
    ) -> engine.Step:
        """The step with the directory's entries said, and an SMS of them sent when asked
        (to the caller's number, used for that send only: a withheld one gets none)."""
        if self.talk is None or not any(
            isinstance(a, ShowServices | SendServices) for a in step.actions
        ):
            return step
        hidden = dict(step.state.variables).get(engine.HIDDEN_NUMBER)
        actions = await self.talk.for_call(
            step.actions,
            uow=uow,
            number=None if hidden else details.caller_number,
            send=self.send_sms,
        )
        return engine.Step(step.state, actions)

    async def outbound(
        self, call_sid: str, row_id: int, person_number: str, *, machine: bool
    ) -> str:
        """A call placed for planned message `row_id` was answered. A machine hears a short
        neutral message, and the row is recorded as not answered; a person hears the row's
        flow (a check-in) in the row's language, the session carrying the row as its
        origin, or the row's message."""
        async with self._units() as uow:
            stored = await uow.sessions.load(call_sid)
            row = await uow.plan.get(row_id)
        if stored is not None:  # Twilio retried the request
            return stored.last_response
        if row is None or row.channel != Channel.VOICE:
            raise BadRequest("no call was placed for this planned message")
        message, now = row.message, self.clock()
        language = message.language
        if machine or message.flow not in self.flows:
            said = MessageId.CHECKIN_VOICEMAIL if machine else (message.message or "")
            twiml = await self.render((Say(said, language), Hangup()), seq=1, language=language)
            if machine:
                async with self._units() as uow:
                    if await uow.plan.reported(row_id, RowStatus.FAILED, MACHINE):
                        attempt = Attempt(now, Channel.VOICE, "no-answer", call_sid, MACHINE)
                        await uow.plan.attempt(row_id, attempt)
            return twiml
        flow = self.flows[message.flow or ""]
        languages = engine.Languages(language, (language,))  # the row's: no language menu
        step = engine.start(
            flow,
            CallStarted(language=language),
            languages=languages,
            now=now,
            callbacks=self.escalation.callbacks,
        )
        variables = (*step.state.variables, (ORIGIN, str(row_id)))
        step = engine.Step(replace(step.state, variables=variables), step.actions)
        twiml = await self._render(step, 1)
        new = NewSession(
            key=call_sid,
            channel=CHANNEL,
            flow=flow.id,
            caller=pseudonym(person_number, self.pseudonym_key, self.default_region),
            started_at=now,
            language=language,
            state=step.state.to_json(),
            response=twiml,
        )
        return await self._open(new)

    async def _open(self, new: NewSession) -> str:
        """Store a new call's session; its first answer (the one kept, if Twilio retried
        the first request and another process answered it first)."""
        try:
            async with self._units() as uow:
                created = await uow.sessions.create(new)
            self._live.saved(replace(created, last_response=""))
        except SessionTaken:  # Twilio retried the first request
            async with self._units() as uow:
                existing = await uow.sessions.load(new.key)
            if existing is not None:
                return existing.last_response
        return new.response

    def _render(self, step: engine.Step, seq: int, dial: DialPlan | None = None) -> Awaitable[str]:
        return self.render(step.actions, seq=seq, language=step.state.language, dial=dial)

    async def finish(self, call_sid: str, duration_s: int | None) -> bool:
        """Close the call's log row; False when there is no session to close."""
        self._live.forget(call_sid)
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


async def _session(uow: UnitOfWork, call_sid: str) -> StoredSession:
    """The call's stored session (SessionMissing: a step of a call we hold none for)."""
    stored = await uow.sessions.load(call_sid)
    if stored is None:
        raise SessionMissing("no session for this call")
    return stored
