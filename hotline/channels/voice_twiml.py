"""Turn the engine's actions into TwiML for Twilio Voice."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import urlencode

from twilio.twiml.voice_response import Dial, Gather, VoiceResponse

from hotline.catalog import Catalog
from hotline.errors import FlowError
from hotline.escalation.calls import DialPlan
from hotline.flows import actions as act
from hotline.flows.engine import Step
from hotline.prompts.library import AudioLibrary, audio_name

STEP_PATH = "/twilio/voice/step"
FALLBACK_PATH = "/twilio/voice/fallback"
WHISPER_PATH = "/twilio/voice/whisper"
RECORD_SILENCE_S = 5
_SEQ_MARK = "__seq__"  # stands for the step number in a cached answer
TEMPLATE_CACHE_SIZE = 4096  # distinct answers; a flow has a few dozen per language


class VoiceRenderer:
    """Renders actions as TwiML whose callbacks point back at our step endpoint."""

    def __init__(self, catalog: Catalog, public_url: str, audio: AudioLibrary) -> None:
        self.catalog = catalog
        self.audio = audio
        self.public_url = public_url.rstrip("/")
        # The same actions always give the same TwiML but for the step number: render once.
        self._template = lru_cache(maxsize=TEMPLATE_CACHE_SIZE)(self._render_template)

    def url(self, path: str, **query: str | int) -> str:
        """An absolute URL on our public base."""
        return f"{self.public_url}{path}?{urlencode(query)}"

    def step_url(self, seq: int | str, language: str, event: str | None = None) -> str:
        """Where Twilio posts the answer to step `seq`."""
        if event is None:
            return self.url(STEP_PATH, seq=seq, lang=language)
        return self.url(STEP_PATH, seq=seq, lang=language, event=event)

    def refresh_audio(self) -> None:
        """Pick up recordings added or replaced since the last scan."""
        if self.audio.refresh():
            self._template.cache_clear()

    def say(self, target: VoiceResponse | Gather, item: act.Say) -> None:
        """A message in its own language: a recording, else Twilio's voice, else a placeholder.

        Twilio's voices sound better than synthetic placeholders, so those only speak for a
        locale that has no Twilio voice. A locale with neither never reaches a caller: the
        deployment check refuses to offer it (see bootstrap.languages.voice_languages).
        """
        recording = self.audio.find(item, placeholders=False)
        if recording is not None:
            target.play(self.public_url + recording.url_path)
            return
        voice = self.catalog.voice(item.language)
        if voice.say_language:
            target.say(
                self.catalog.format(item.language, item.message, dict(item.args)),
                voice=voice.voice,
                language=voice.say_language,
            )
            return
        placeholder = self.audio.find(item)
        if placeholder is None:
            raise FlowError(
                f"no audio for {audio_name(item)} in {item.language}, which has no Twilio voice"
            )
        target.play(self.public_url + placeholder.url_path)

    def render_step(self, step: Step, seq: int, dial: DialPlan | None) -> str:
        """TwiML for an engine step (the conversation service's Render)."""
        return self.render(step.actions, seq=seq, language=step.state.language, dial=dial)

    def render(
        self,
        actions: Sequence[act.Action],
        *,
        seq: int,
        language: str,
        dial: DialPlan | None = None,
    ) -> str:
        """TwiML for one step; `seq` is the number the next request must carry."""
        if dial is not None:  # unique to one call: not worth caching
            template = self._render_template(tuple(actions), language, dial)
        else:
            template = self._template(tuple(actions), language, None)
        return template.replace(f"seq={_SEQ_MARK}", f"seq={seq}")

    def _render_template(
        self, actions: tuple[act.Action, ...], language: str, dial: DialPlan | None
    ) -> str:
        seq = _SEQ_MARK
        response = VoiceResponse()
        for action in actions:
            match action:
                case act.Say():
                    self.say(response, action)
                case act.Gather():
                    gather = Gather(
                        action=self.step_url(seq, language),
                        method="POST",
                        input="dtmf",
                        timeout=action.timeout_s,
                        num_digits=action.max_digits,
                        # A menu takes # as a key; a digit gather ends on it.
                        finish_on_key=action.finish_on_key or "",
                        action_on_empty_result=False,
                    )
                    for prompt in action.prompts:
                        self.say(gather, prompt)
                    response.append(gather)
                    response.redirect(self.step_url(seq, language, "no-input"), method="POST")
                case act.Record():
                    response.record(
                        action=self.step_url(seq, language, "recording"),
                        method="POST",
                        max_length=action.max_seconds,
                        timeout=RECORD_SILENCE_S,
                        finish_on_key="#",
                        play_beep=True,
                    )
                    response.redirect(
                        self.step_url(seq, language, "recording-empty"), method="POST"
                    )
                case act.Escalate():
                    if dial is None:
                        raise FlowError("an escalation reached the renderer without a dial plan")
                    response.append(self._dial(dial, seq, language))
                case act.Hangup():
                    response.hangup()
                case act.RequestCallback() | act.RememberLanguage() | act.NoteUnreached():
                    pass  # for the channel to act on; nothing to say
        return str(response)

    def _dial(self, plan: DialPlan, seq: str, language: str) -> Dial:
        """Ring one round; the caller hears ringing (answerOnBridge) until someone accepts."""
        dial = Dial(
            action=self.url(
                STEP_PATH,
                seq=seq,
                lang=language,
                event="dial",
                esc=plan.escalation_id,
                ring=plan.ring,
            ),
            method="POST",
            timeout=plan.timeout_s,
            answer_on_bridge=True,
            caller_id=plan.caller_id,
        )
        for staff_id, phone in plan.numbers:
            dial.number(
                phone,
                url=self.url(WHISPER_PATH, esc=plan.escalation_id, staff=staff_id, lang=language),
                method="POST",
            )
        return dial
