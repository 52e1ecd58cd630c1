"""The flows that ship, and the languages a deployment offers on the phone and in chats."""

from __future__ import annotations

import logging
from collections.abc import Mapping

from hotline.catalog import FALLBACK_LANGUAGE, Catalog
from hotline.config import Settings
from hotline.errors import ConfigError
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


def voice_languages(
    settings: Settings, catalog: Catalog, audio: AudioLibrary, flows: Mapping[str, Flow]
) -> Languages:
    """The languages callers are offered on the phone, the default first.

    Configured with HOTLINE_LANGUAGES; otherwise every shipped locale a caller can hear.
    A locale without a Twilio voice is heard only through audio files, so it is offered
    only once every one of its prompts has a recording or a placeholder: otherwise a caller
    would hear silence, or a voice of another language.
    """
    wanted = chat_languages(settings, catalog).offered
    unknown = [lang for lang in wanted if lang not in catalog.languages]
    if unknown:
        raise ConfigError(
            f"HOTLINE_LANGUAGES: no locale for {', '.join(unknown)} in {catalog.directory}; "
            f"available: {', '.join(catalog.languages)}"
        )
    offered = wanted
    for _ in range(len(wanted)):  # dropping a language moves the others' menu keys: recheck
        languages = Languages(default=settings.default_language, offered=offered)
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
            return languages
        explicit = settings.default_language in gaps or bool(settings.languages)
        if explicit:
            lang, gap = next(iter(gaps.items()))
            raise ConfigError(
                f"HOTLINE_LANGUAGES: {lang} has no Twilio voice, and {len(gap)} of its voice "
                f"prompts have no audio in {settings.audio_dir / lang} (first: "
                f"{audio_name(gap[0])}); run `hotline prompts render {lang}` for placeholders, "
                "or add recordings"
            )
        for lang in gaps:
            log.info(
                "%s is not offered on the phone: no Twilio voice and no audio yet "
                "(`hotline prompts render %s` makes placeholders)",
                lang,
                lang,
            )
        offered = tuple(lang for lang in offered if lang not in gaps)
    raise ConfigError("HOTLINE_LANGUAGES: no language can be offered on the phone")
