"""The flows that ship, and the languages a deployment offers on the phone and in chats."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping

from hotline.catalog import FALLBACK_LANGUAGE, Catalog
from hotline.config import Settings
from hotline.errors import ConfigError
from hotline.flows.actions import Say
from hotline.flows.engine import Languages
from hotline.flows.loader import load_builtin_flows
from hotline.flows.model import Flow
from hotline.prompts.library import AudioLibrary, audio_name
from hotline.prompts.required import voice_prompts

log = logging.getLogger("hotline.app")  # where these lines have always been logged


def shipped_flows(catalog: Catalog) -> dict[str, Flow]:
    """The shipped flows, each flow's messages checked against English."""
    return load_builtin_flows(known_message=lambda m: catalog.has(FALLBACK_LANGUAGE, m))


def chat_languages(settings: Settings, catalog: Catalog) -> Languages:
    """The languages chats are offered, the default first: HOTLINE_LANGUAGES, else every locale."""
    return Languages(
        default=settings.default_language,
        offered=settings.languages
        or (
            settings.default_language,
            *(lang for lang in catalog.languages if lang != settings.default_language),
        ),
    )


def wanted_voice_languages(settings: Settings, catalog: Catalog) -> Languages:
    """The languages the deployment wants on the phone: HOTLINE_LANGUAGES, else every locale."""
    wanted = chat_languages(settings, catalog)
    unknown = [lang for lang in wanted.offered if lang not in catalog.languages]
    if unknown:
        raise ConfigError(
            f"HOTLINE_LANGUAGES: no locale for {', '.join(unknown)} in {catalog.directory}; "
            f"available: {', '.join(catalog.languages)}"
        )
    return wanted


def voice_languages(
    wanted: Languages, catalog: Catalog, audio: AudioLibrary, flows: Mapping[str, Flow]
) -> tuple[Languages, dict[str, list[Say]]]:
    """The languages callers can be offered on the phone now, the default first, and what
    each language left out still lacks.

    A locale without a Twilio voice is heard only through audio files, so it is offered
    only once every one of its prompts has a recording or a placeholder: otherwise a caller
    would hear silence, or a voice of another language. While the default waits for its
    audio, the first language that can be heard greets the caller.
    """
    offered = wanted.offered
    left_out: dict[str, list[Say]] = {}
    for _ in range(len(wanted.offered)):  # dropping a language moves the others' keys: recheck
        default = wanted.default if wanted.default in offered else offered[0]
        languages = Languages(default=default, offered=offered)
        gaps = {
            lang: gap
            for lang in offered
            if not catalog.voice(lang).say_language
            and (
                gap := audio.missing(
                    s for s in voice_prompts(flows, languages) if s.language == lang
                )
            )
        }
        if not gaps:
            return languages, left_out
        left_out.update(gaps)
        offered = tuple(lang for lang in offered if lang not in gaps)
        if not offered:
            break
    lang, gap = next(iter(left_out.items()))
    raise ConfigError(
        f"HOTLINE_LANGUAGES: no language can be offered on the phone: {lang} has no Twilio "
        f"voice, and {len(gap)} of its voice prompts have no audio in "
        f"{audio.directory}/{lang} (first: {audio_name(gap[0])}); "
        f"run `hotline prompts render {lang}`"
    )


class LiveLanguages:
    """The languages offered on the phone now: the set grows as the start-up render makes a
    voiceless language's audio, and follows recordings added later. Listeners (the voice
    channel's fault answers) hear of each change on the event loop, before the next request.
    """

    def __init__(self, languages: Languages) -> None:
        self._current = languages
        self._listeners: list[Callable[[Languages], None]] = []

    @property
    def current(self) -> Languages:
        """The languages offered at this moment."""
        return self._current

    def listen(self, listener: Callable[[Languages], None]) -> None:
        """Call `listener` with the new languages whenever they change."""
        self._listeners.append(listener)

    def set(self, languages: Languages) -> bool:
        """Offer these languages from now on; True when anything changed."""
        if languages == self._current:
            return False
        for listener in self._listeners:  # first: a language is offered once it is ready
            listener(languages)
        self._current = languages
        return True
