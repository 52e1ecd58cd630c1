"""Turn the engine's actions into TwiML for Twilio Voice."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import urlencode

from twilio.twiml.voice_response import Dial, Gather, VoiceResponse

from hotline.catalog import Catalog
from hotline.errors import FlowError
from hotline.flows import actions as act
from hotline.prompts.library import AudioLibrary, audio_name

STEP_PATH = "/twilio/voice/step"
FALLBACK_PATH = "/twilio/voice/fallback"
DIAL_TIMEOUT_S = 25
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
        deployment check refuses to offer it (see app.deployment_languages).
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

    def render(
        self,
        actions: Sequence[act.Action],
        *,
        seq: int,
        language: str,
        dial_number: str | None = None,
        caller_id: str | None = None,
    ) -> str:
        """TwiML for one step; `seq` is the number the next request must carry."""
        template = self._template(tuple(actions), language, dial_number, caller_id)
        return template.replace(f"seq={_SEQ_MARK}", f"seq={seq}")

    def _render_template(
        self,
        actions: tuple[act.Action, ...],
        language: str,
        dial_number: str | None,
        caller_id: str | None,
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
                    dial = Dial(
                        action=self.step_url(seq, language, "dial"),
                        method="POST",
                        timeout=DIAL_TIMEOUT_S,
                        answer_on_bridge=True,
                        caller_id=caller_id,
                    )
                    dial.number(dial_number)
                    response.append(dial)
                case act.Hangup():
                    response.hangup()
        return str(response)
