"""The Twilio Voice webhooks: incoming call, each step, status callback, and the fallback.

Every request is signature-checked first. Each step is idempotent: the step URL carries the
sequence number it answers, so Twilio's retry of a request gets the saved answer back and
the flow moves once. Whatever fails inside, the caller gets valid TwiML within the deadline
that says so in their language and reaches a person or a voicemail.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable, Coroutine, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from aiohttp import web
from multidict import MultiDictProxy
from twilio.twiml.voice_response import Dial, VoiceResponse

from hotline.call_log import SIMULATED_FIELD
from hotline.channels.twilio_signature import TwilioSignatureCheck
from hotline.channels.voice_admission import Admission, Work
from hotline.channels.voice_twiml import FALLBACK_PATH, VoiceRenderer
from hotline.channels.voice_whisper import VoiceWhisper
from hotline.conversations.voice import VoiceConversations
from hotline.conversations.voice_effects import CallDetails
from hotline.conversations.voice_spool import CallEvent, EventKind, VoiceSpool
from hotline.errors import BadRequest, DatabaseUnavailable
from hotline.flows import engine
from hotline.flows.actions import Say
from hotline.flows.events import (
    DigitsReceived,
    EscalationEnded,
    Event,
    NoInputReceived,
    RecordingEmpty,
    RecordingSaved,
)
from hotline.messages import MessageId
from hotline.observe import metrics

log = logging.getLogger(__name__)
_T = TypeVar("_T")

CHANNEL = "voice"
TWIML = "text/xml"
FINAL_STATUSES = frozenset({"completed", "busy", "no-answer", "failed", "canceled"})
ANSWERED = frozenset({"completed", "answered"})
# Twilio's AnsweredBy for a call it placed with machine detection: these are no person
# ("human" and "unknown" are taken for one: a person must not be told to a machine).
MACHINES = frozenset(
    {"machine_start", "machine_end_beep", "machine_end_silence", "machine_end_other", "fax"}
)
_CALL_SID = re.compile(r"CA[0-9a-fA-F]{32}")
_DIGITS = re.compile(r"[0-9*#]{0,64}")
# ASCII digits only ("²".isdigit() is True, int("²") fails); nine fit any integer column.
_COUNT = re.compile(r"[0-9]{1,9}")


@dataclass(frozen=True)
class VoiceConfig:
    """What the voice channel needs from the deployment."""

    languages: engine.LanguageSource
    pseudonym_key: bytes
    default_region: str | None
    deadline_s: float
    fallback_number: str | None
    show_caller_number: bool = False  # staff see the hotline's number unless this is set
    max_in_flight: int = 256  # voice requests a worker works on at once (voice_admission)


class VoiceChannel:
    """The aiohttp handlers of the voice hotline."""

    def __init__(
        self,
        *,
        config: VoiceConfig,
        conversations: VoiceConversations,
        signature: TwilioSignatureCheck,
        renderer: VoiceRenderer,
        whisper: VoiceWhisper,
        spool: VoiceSpool,
        clock: Callable[[], datetime],
    ) -> None:
        self.config = config
        self.conversations = conversations
        self.whisper = whisper  # the route on the specialist's leg
        self.spool = spool
        self.signature = signature
        self.renderer = renderer
        self.clock = clock
        self.admission = Admission(deadline_s=config.deadline_s, max_in_flight=config.max_in_flight)
        self._stuck: set[asyncio.Future[Any]] = set()
        # Rendered ahead, for each language as it is offered: a fault must not depend on
        # anything that could fault.
        self._fallback: dict[str, str] = {}
        self._after_fallback_dial: dict[str, str] = {}
        self._fallback_goodbye: dict[str, str] = {}
        self.prepare_fallbacks(config.languages.current)

    def prepare_fallbacks(self, languages: engine.Languages) -> None:
        """Render the fault answers of languages newly offered (their audio exists now)."""
        for lang in languages.offered:
            if lang in self._fallback:
                continue
            self._after_fallback_dial[lang] = self._render_fallback_voicemail(
                lang, MessageId.FALLBACK_UNANSWERED
            )
            self._fallback_goodbye[lang] = _say_and_hang_up(
                self.renderer, lang, MessageId.FALLBACK_GOODBYE
            )
            self._fallback[lang] = self._render_fallback(lang)  # last: it marks the language

    # -- handlers -------------------------------------------------------------------------

    async def incoming(self, request: web.Request) -> web.Response:
        """A new call: greet the caller and start the flow."""
        params = await self.signature.verify(request)
        call_sid = _call_sid(params)
        requested = request.query.get("lang")
        languages = self.config.languages.current
        preset = requested if requested in languages.offered else None
        language = preset or languages.default
        simulated = params.get(SIMULATED_FIELD) == "yes"  # signed: only our own simulator's
        started = self.conversations.start(
            call_sid, params.get("From", ""), preset, simulated=simulated
        )
        return await self._guarded(language, started, params, "new")

    async def outbound(self, request: web.Request) -> web.Response:
        """A call the dispatcher placed for a planned message (`row`) was answered: a machine
        hears a short neutral message, a person the check-in."""
        params = await self.signature.verify(request)
        call_sid = _call_sid(params)
        row = _count(request.query.get("row"))
        if row is None:
            raise BadRequest("row must name a planned message")
        machine = params.get("AnsweredBy", "unknown") in MACHINES
        person = self._details(params).caller_number
        language = self._language(request.query.get("lang"))
        work = self.conversations.outbound(call_sid, row, person, machine=machine)
        return await self._guarded(language, work, params, "new")

    async def step(self, request: web.Request) -> web.Response:
        """The caller's answer to step `seq` (keys, silence, a recording, a dial result)."""
        params = await self.signature.verify(request)
        call_sid = _call_sid(params)
        seq = _count(request.query.get("seq"))
        if seq is None:
            raise BadRequest("seq must be a step number")
        event = _event(request.query.get("event"), params)
        language = self._language(request.query.get("lang"))
        round_ = _round(request.query) if isinstance(event, EscalationEnded) else None
        return await self._guarded(
            language,
            self.conversations.step(call_sid, seq, event, self._details(params), round_),
            params,
            "step",
        )

    async def status(self, request: web.Request) -> web.Response:
        """Twilio's status callback: the call ended; close its row in the call log. It never
        fails: when the database does not take it in time, or this worker is overloaded, it
        is kept in the spool, whose replay closes the row."""
        params = await self.signature.verify(request)
        call_sid = _call_sid(params)
        if params.get("CallStatus") in FINAL_STATUSES:
            seconds = _count(params.get("CallDuration"))
            budget = self.config.deadline_s * 4
            problem: str | None = "overload"
            if not self.admission.overloaded():
                with self.admission.taken():
                    task = await self._within(self.conversations.finish(call_sid, seconds), budget)
                if task is None:
                    problem = "timeout"
                elif task.exception() is not None:
                    problem = task.exception().__class__.__name__
                else:
                    problem = None if task.result() else "no session"
            if problem is not None:
                # The database is down or slow, this worker is overloaded, or the call began
                # during a fault and only the fallback answered it: the spool keeps its end.
                event = self._event("status", params, duration_s=seconds)
                if not await self.spool.keep(event, wait_s=budget):
                    return web.Response(status=503, text="try again later\n")
                if problem not in ("no session", "overload"):
                    log.warning(
                        "status callback not stored (database: %s); kept in the spool", problem
                    )
        return web.Response(text=str(VoiceResponse()), content_type=TWIML)

    async def fallback(self, request: web.Request) -> web.Response:
        """What follows the fallback TwiML: after the dial, and after the voicemail."""
        params = await self.signature.verify(request)
        language = self._language(request.query.get("lang"))
        stage = request.query.get("stage")
        # The database may be what failed: what follows is kept in the local spool, replayed
        # into the database when it answers again (off the event loop, within the deadline).
        wait_s = self.config.deadline_s
        if stage == "dial":
            answered = params.get("DialCallStatus") in ANSWERED
            await self._keep(self._event("dial", params, language, answered=answered), wait_s)
            if answered:
                return _twiml(self._fallback_goodbye[language])
            return _twiml(self._after_fallback_dial[language])
        if stage == "recording":
            event = self._event(
                "voicemail",
                params,
                language,
                recording_sid=params.get("RecordingSid", ""),
                recording_url=params.get("RecordingUrl", ""),
                duration_s=_count(params.get("RecordingDuration")),
            )
            if await self._keep(event, wait_s):
                log.warning(
                    "voicemail recorded during a fault: recording %s (%ss, %s) kept in the "
                    "spool; it is filed when the database answers",
                    event.recording_sid or "?",
                    "?" if event.duration_s is None else event.duration_s,
                    language,
                )
            return _twiml(self._fallback_goodbye[language])
        # Also usable as the number's "primary handler fails" URL in the Twilio console.
        log.error("Twilio used the fallback URL (error %s)", params.get("ErrorCode", "?"))
        metrics.fallback("twilio")
        self._keep_soon(self._event("fallback", params, language))
        return _twiml(self._fallback[language])

    # -- the work behind them -------------------------------------------------------------

    async def _guarded(
        self,
        language: str,
        work: Coroutine[Any, Any, str],
        params: MultiDictProxy[str],
        kind: Work,
    ) -> web.Response:
        """Run a step within the deadline; on any failure, or at once when this worker is
        overloaded (voice_admission), answer with the fallback."""
        if not self.admission.admits(kind):
            work.close()  # never started
            self.admission.turned_away.note(kind, self.admission)
            return self._fall_back("overload", params, language)
        with self.admission.taken():
            task = await self._within(work, self.config.deadline_s)
        cause = "timeout"
        if task is None:
            log.error(
                "voice step missed its %.1fs deadline; caller sent to fallback",
                self.config.deadline_s,
            )
        else:
            try:
                return _twiml(task.result())
            except BadRequest as exc:  # a call or escalation we do not hold: the request's fault
                cause = "refused"
                log.warning("voice step refused (%s); caller sent to fallback", exc)
            except DatabaseUnavailable as exc:  # an outage, said in one line
                cause = "database"
                log.error("voice step failed: %s; caller sent to fallback", exc)
            except Exception:
                cause = "error"
                log.exception("voice step failed; caller sent to fallback")
        return self._fall_back(cause, params, language)

    def _fall_back(self, cause: str, params: MultiDictProxy[str], language: str) -> web.Response:
        """The fallback's answer; the call log will say the fallback answered (the spool, in
        the background)."""
        metrics.fallback(cause)
        self._keep_soon(self._event("fallback", params, language))
        return _twiml(self._fallback[language])

    def _event(
        self,
        kind: EventKind,
        params: MultiDictProxy[str],
        language: str | None = None,
        **details: Any,
    ) -> CallEvent:
        """A spool record of the call this request is about."""
        return CallEvent(
            kind=kind,
            call_sid=params.get("CallSid") or "",
            caller=params.get("From", ""),
            at=self.clock(),
            language=language,
            **details,
        )

    async def _keep(self, event: CallEvent, wait_s: float) -> bool | None:
        """Spool an event of a real call, waiting at most `wait_s` (None: still writing)."""
        if not _CALL_SID.match(event.call_sid):
            return False
        return await self.spool.keep(event, wait_s=wait_s)

    def _keep_soon(self, event: CallEvent) -> None:
        """Spool an event of a real call in the background."""
        if _CALL_SID.match(event.call_sid):
            self.spool.keep_soon(event)

    async def _within(
        self, work: Coroutine[Any, Any, _T], timeout_s: float
    ) -> asyncio.Future[_T] | None:
        """The finished work, or None when it missed `timeout_s`.

        Stuck work is cancelled but not waited for: cancelling a query on a hanging database
        can itself hang, and the caller must hear something now.
        """
        task = asyncio.ensure_future(work)
        done, _ = await asyncio.wait({task}, timeout=timeout_s)
        if done:
            return task
        task.cancel()
        self._stuck.add(task)
        task.add_done_callback(self._forget_stuck)
        return None

    def _forget_stuck(self, task: asyncio.Future[Any]) -> None:
        self._stuck.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.warning("a timed-out voice step ended with %r", task.exception())

    def _details(self, params: MultiDictProxy[str]) -> CallDetails:
        """What a step needs of the request: the numbers (the one staff see when rung is the
        hotline's, so a caller stays anonymous) and a recording. On a call the hotline
        placed, the person is the one called (`To`)."""
        person, ours = params.get("From", ""), params.get("To")
        if params.get("Direction", "").startswith("outbound"):  # we called them (a check-in)
            person, ours = params.get("To", ""), params.get("From")
        return CallDetails(
            caller_number=person,
            hotline_number=person if self.config.show_caller_number else ours,
            recording_url=params.get("RecordingUrl"),
        )

    def _language(self, requested: str | None) -> str:
        languages = self.config.languages.current
        return requested if requested in languages.offered else languages.default

    def _render_fallback(self, language: str) -> str:
        response = VoiceResponse()
        if self.config.fallback_number:
            self.renderer.say(response, Say(MessageId.FALLBACK_CONNECTING, language))
            dial = Dial(
                action=self.renderer.url(FALLBACK_PATH, stage="dial", lang=language),
                method="POST",
                timeout=30,
                answer_on_bridge=True,
            )
            dial.number(self.config.fallback_number)
            response.append(dial)
            return str(response)
        return self._render_fallback_voicemail(language, MessageId.FALLBACK_MESSAGE)

    def _render_fallback_voicemail(self, language: str, message: MessageId) -> str:
        response = VoiceResponse()
        self.renderer.say(response, Say(message, language))
        response.record(
            action=self.renderer.url(FALLBACK_PATH, stage="recording", lang=language),
            method="POST",
            max_length=180,
            finish_on_key="#",
            play_beep=True,
        )
        self.renderer.say(response, Say(MessageId.FALLBACK_GOODBYE, language))
        response.hangup()
        return str(response)


def _say_and_hang_up(renderer: VoiceRenderer, language: str, message: MessageId) -> str:
    response = VoiceResponse()
    renderer.say(response, Say(message, language))
    response.hangup()
    return str(response)


def _twiml(body: str) -> web.Response:
    return web.Response(text=body, content_type=TWIML)


def _call_sid(params: MultiDictProxy[str]) -> str:
    call_sid = params.get("CallSid", "")
    if not _CALL_SID.fullmatch(call_sid):
        raise BadRequest("CallSid is missing or malformed")
    return call_sid


def _count(text: str | None) -> int | None:
    """A step number, a duration or a round as Twilio writes it; None for anything else."""
    return int(text) if text is not None and _COUNT.fullmatch(text) else None


def _round(query: Mapping[str, str]) -> tuple[str, int] | None:
    """The escalation and round a dial result is about (from the Dial's action URL)."""
    escalation_id, ring = query.get("esc"), _count(query.get("ring"))
    if escalation_id is None:
        return None
    if not re.fullmatch(r"[0-9a-f-]{36}", escalation_id) or ring is None:
        raise BadRequest("esc and ring must name an escalation and a round")
    return escalation_id, ring


def _event(kind: str | None, params: MultiDictProxy[str]) -> Event:
    """The engine event a step request stands for."""
    match kind:
        case "no-input":
            return NoInputReceived()
        case "recording-empty":
            return RecordingEmpty()
        case "recording":
            duration = _count(params.get("RecordingDuration", "0"))
            if duration is None:
                raise BadRequest("RecordingDuration must be a number of seconds")
            if duration == 0 or not params.get("RecordingUrl"):
                return RecordingEmpty()
            return RecordingSaved(duration_s=duration)
        case "dial":
            return EscalationEnded(answered=params.get("DialCallStatus") in ANSWERED)
        case None:
            digits = params.get("Digits")
            if digits is None or digits == "":
                return NoInputReceived()
            if not _DIGITS.fullmatch(digits):
                raise BadRequest("Digits must be keys of a phone keypad")
            return DigitsReceived(digits)
        case _:
            raise BadRequest(f"unknown step event {kind[:20]!r}")
