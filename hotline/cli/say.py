"""`hotline prompts say`: what a caller would hear, written to a WAV file to listen to."""

from __future__ import annotations

import re
import shutil
from datetime import date, time
from pathlib import Path

from hotline.catalog import FALLBACK_LANGUAGE, Catalog
from hotline.errors import ConfigError
from hotline.flows.actions import Arg, PhoneNumber, Say
from hotline.prompts.library import AudioLibrary
from hotline.prompts.render import voice_of
from hotline.prompts.speech import EspeakSynthesizer
from hotline.prompts.telephone import telephone_wav, wav_info

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_TIME = re.compile(r"^([01]?[0-9]|2[0-3]):([0-5][0-9])$")


def say(
    catalog: Catalog,
    language: str,
    text: str | None,
    message: str | None,
    raw_args: list[str],
    output: Path,
    audio: AudioLibrary | None = None,
) -> str:
    """Write the speech to `output`; returns the line to print. A recording of the message,
    if there is one in `audio`, is what a caller hears: it is copied instead."""
    if language not in catalog.languages:
        raise ConfigError(f"no locale {language!r}; available: {', '.join(catalog.languages)}")
    if message is None:
        if text is None:
            raise ConfigError("give a text in quotes, or --message ID (e.g. --message goodbye)")
        if raw_args:
            raise ConfigError("--arg goes with --message; a text is spoken as it is written")
        spoken = text
    elif text is not None:
        raise ConfigError("give a text or --message, not both")
    else:
        spoken = _message_text(catalog, language, message, _args(raw_args))
        if audio is not None:
            recording = audio.find(
                Say(message, language, tuple(_args(raw_args).items())), placeholders=False
            )
            if recording is not None:
                output.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(recording.path, output)
                return f"{output}: the recording callers hear ({recording.path})"
    wav = telephone_wav(EspeakSynthesizer().speak(spoken, voice_of(catalog, language)))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(wav)
    info = wav_info(wav)
    line = f"{output}: {info.seconds:.1f} s, 8 kHz mono mu-law, {len(wav) / 1000:.0f} kB: {spoken}"
    voice = catalog.voice(language)
    if voice.say_language:
        line += (
            f"\n  (on the phone, {language} is spoken by Twilio's voice {voice.voice} unless "
            "a recording exists; this file is the synthetic voice of placeholders)"
        )
    return line


def _message_text(catalog: Catalog, language: str, message: str, args: dict[str, Arg]) -> str:
    if not catalog.has(FALLBACK_LANGUAGE, message):
        raise ConfigError(f"no message {message!r} in the catalogue (see hotline/locales/en/)")
    needed = catalog.variables(language, message) or catalog.variables(FALLBACK_LANGUAGE, message)
    missing = sorted(needed - set(args))
    if missing:
        raise ConfigError(f"{message} needs " + ", ".join(f"--arg {name}=..." for name in missing))
    return catalog.spoken(language, message, args)


def _args(raw: list[str]) -> dict[str, Arg]:
    """NAME=VALUE pairs: a number, a date (2027-03-12), a time (14:30), a phone number
    (+995..., or tel:...), else text."""
    args: dict[str, Arg] = {}
    for item in raw:
        name, sep, value = item.partition("=")
        if not sep or not _NAME.match(name):
            raise ConfigError(f"--arg {item!r}: write NAME=VALUE, e.g. --arg minutes=3")
        args[name] = _value(value)
    return args


def _value(value: str) -> Arg:
    if value.isascii() and value.isdigit():
        return int(value)
    if value.startswith("+") or value.startswith("tel:"):
        return PhoneNumber(value.removeprefix("tel:"))
    if (moment := _TIME.match(value)) is not None:
        return time(int(moment[1]), int(moment[2]))
    try:
        return date.fromisoformat(value)
    except ValueError:
        return value
