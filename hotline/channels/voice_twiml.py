"""Turn the engine's actions into TwiML for Twilio Voice."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import replace
from functools import lru_cache
from urllib.parse import urlencode

from twilio.twiml.voice_response import Dial, Gather, VoiceResponse

from hotline.catalog import Catalog
from hotline.errors import FlowError
from hotline.escalation.calls import DialPlan
from hotline.flows import actions as act
from hotline.messages import MessageId
from hotline.prompts.library import AudioLibrary
from hotline.prompts.render import voice_of
from hotline.prompts.spoken import SpokenCache

STEP_PATH = "/twilio/voice/step"
OUTBOUND_PATH = "/twilio/voice/outbound"  # a call the hotline placed (a check-in) was answered
FALLBACK_PATH = "/twilio/voice/fallback"
WHISPER_PATH = "/twilio/voice/whisper"
RECORD_SILENCE_S = 5
_SEQ_MARK = "__seq__"  # stands for the step number in a cached answer
TEMPLATE_CACHE_SIZE = 4096  # distinct answers; a flow has a few dozen per language
SPOKEN_SHARE = 0.5  # of the step's deadline, the most a caller waits for texts to be spoken


class VoiceRenderer:
    """Renders actions as TwiML whose callbacks point back at our step endpoint."""

    def __init__(
        self,
        catalog: Catalog,
        public_url: str,
        audio: AudioLibrary,
        spoken: SpokenCache | None = None,
        *,
        spoken_budget_s: float = 0.4,
    ) -> None:
        self.catalog = catalog
        self.audio = audio
        self.spoken = spoken  # texts with details, rendered on demand (no Twilio voice)
        self.spoken_budget_s = spoken_budget_s
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

    def say(
        self,
        target: VoiceResponse | Gather,
        item: act.Say,
        spoken: Mapping[act.Say, str] | None = None,
    ) -> None:
        """A message in its own language: a recording, else Twilio's voice, else a placeholder,
        else the text rendered on demand (`spoken`: its URL path, from `speak`).

        Twilio's voices sound better than synthetic placeholders, so those only speak for a
        locale that has no Twilio voice. A locale with neither is offered only once its
        prompts have audio (see bootstrap.languages.voice_languages).
        """
        recording = self.audio.find(item, placeholders=False)
        if recording is not None:
            target.play(self.public_url + recording.url_path)
            return
        voice = self.catalog.voice(item.language)
        if voice.say_language:
            target.say(
                self.catalog.spoken(item.language, item.message, dict(item.args)),
                voice=voice.voice,
                language=voice.say_language,
            )
            return
        placeholder = self.audio.find(item)
        if placeholder is not None:
            target.play(self.public_url + placeholder.url_path)
            return
        path = (spoken or {}).get(item)
        if path is None and self.spoken is not None:
            text = self.catalog.spoken(item.language, item.message, dict(item.args))
            hit = self.spoken.lookup(item.language, voice_of(self.catalog, item.language), text)
            path = hit.url_path if hit is not None else None
        if path is None:
            raise FlowError(f"no audio for {item.message} in {item.language}")
        target.play(self.public_url + path)

    async def speak(
        self, actions: Sequence[act.Action], language: str
    ) -> tuple[tuple[act.Action, ...], dict[act.Say, str]]:
        """Render on demand the texts no file or Twilio voice can say, within the budget.

        Returns the actions (a text that missed the budget replaced by its language's
        `speech-unavailable`, never silence or another language) and the URL path of each
        text rendered. The renders that missed go on: the next caller gets their files.
        """
        wanted = [say for say in _says(actions) if self._needs_speech(say)]
        if not wanted or self.spoken is None:
            return tuple(actions), {}
        deadline = time.monotonic() + self.spoken_budget_s
        paths: dict[act.Say, str] = {}
        missed: set[act.Say] = set()
        for say in wanted:
            text = self.catalog.spoken(say.language, say.message, dict(say.args))
            voice = voice_of(self.catalog, say.language)
            left = max(deadline - time.monotonic(), 0.0)
            found = await self.spoken.get(say.language, voice, text, timeout_s=left)
            if found is None:
                missed.add(say)
            else:
                paths[say] = found.url_path
        if not missed:
            return tuple(actions), paths
        return tuple(_replace_says(actions, missed)), paths

    async def render_speaking(
        self,
        actions: Sequence[act.Action],
        *,
        seq: int,
        language: str,
        dial: DialPlan | None = None,
    ) -> str:
        """TwiML for one step, rendering on demand what only a synthesizer can say (the
        conversation service's Render)."""
        said, spoken = await self.speak(actions, language)
        return self.render(said, seq=seq, language=language, dial=dial, spoken=spoken)

    def _needs_speech(self, say: act.Say) -> bool:
        """A text in a language without a Twilio voice that has no file: a date, a number."""
        if self.catalog.voice(say.language).say_language:
            return False
        return self.audio.find(say) is None

    def render(
        self,
        actions: Sequence[act.Action],
        *,
        seq: int,
        language: str,
        dial: DialPlan | None = None,
        spoken: Mapping[act.Say, str] | None = None,
    ) -> str:
        """TwiML for one step; `seq` is the number the next request must carry; `spoken`:
        the URL paths of texts rendered on demand (see `speak`)."""
        if dial is not None or spoken:  # unique to one call, or files the cache may evict
            template = self._render_template(tuple(actions), language, dial, spoken)
        else:
            template = self._template(tuple(actions), language, None)
        return template.replace(f"seq={_SEQ_MARK}", f"seq={seq}")

    def _render_template(
        self,
        actions: tuple[act.Action, ...],
        language: str,
        dial: DialPlan | None,
        spoken: Mapping[act.Say, str] | None = None,
    ) -> str:
        seq = _SEQ_MARK
        response = VoiceResponse()
        for action in actions:
            match action:
                case act.Say():
                    self.say(response, action, spoken)
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
                        self.say(gather, prompt, spoken)
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
                case (
                    act.RequestCallback()
                    | act.RememberLanguage()
                    | act.RememberChoice()
                    | act.NoteUnreached()
                ):
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


def _says(actions: Sequence[act.Action]) -> list[act.Say]:
    """Every message the actions say, a menu's prompts included."""
    found: list[act.Say] = []
    for action in actions:
        if isinstance(action, act.Say):
            found.append(action)
        elif isinstance(action, act.Gather):
            found.extend(action.prompts)
    return found


def _replace_says(actions: Sequence[act.Action], missed: set[act.Say]) -> list[act.Action]:
    """The actions with each missed text replaced by its language's fixed apology."""

    def instead(say: act.Say) -> act.Say:
        if say in missed:
            return act.Say(MessageId.SPEECH_UNAVAILABLE, say.language)
        return say

    replaced: list[act.Action] = []
    for action in actions:
        if isinstance(action, act.Say):
            replaced.append(instead(action))
        elif isinstance(action, act.Gather):
            replaced.append(replace(action, prompts=tuple(instead(p) for p in action.prompts)))
        else:
            replaced.append(action)
    return replaced
