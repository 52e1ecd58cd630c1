"""A whole call in each of the six languages, heard through `hotline call` as a new user runs it.

Czech, Russian and English are spoken by Twilio's voices; Georgian, Slovenian and Croatian
have none, so every prompt of theirs must be a <Play> of a file our server really serves.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hotline.catalog import Catalog
from hotline.prompts.telephone import FORMAT_MULAW, wav_info
from tests.audio import record_everything
from tests.test_call_cli import hotline

CATALOG = Catalog()
TWILIO_VOICED = ("en", "ru", "cs")
AUDIO_ONLY = ("ka", "sl", "hr")
# about -> work -> back to the main menu -> leave a message -> it is recorded -> goodbye
PRESSES = "1,2,0,4,message"


def assert_all_six_offered(out: str) -> None:
    """English first (the default), then the others; Georgian is the fourth."""
    assert heard_in("en", "language-option", key=1) in out
    assert heard_in("cs", "language-option", key=2) in out
    assert "hotline plays: hr/language-option--key-3.wav" in out
    assert "hotline plays: ka/language-option--key-4.wav" in out
    assert heard_in("ru", "language-option", key=5) in out
    assert "hotline plays: sl/language-option--key-6.wav" in out


def heard_in(language: str, message: str, **args: str | int) -> str:
    """The first line of a message as the caller hears it."""
    return CATALOG.format(language, message, args).splitlines()[0].strip()


@pytest.mark.parametrize("language", TWILIO_VOICED)
def test_a_whole_call_in_a_language_twilio_speaks(language: str, tmp_path: Path) -> None:
    result = hotline("call", "--lang", language, "--press", PRESSES, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    at = 0
    for message, args in [
        ("greeting-welcome", {}),
        ("greeting-emergency", {}),
        ("main-menu", {}),
        ("about-intro", {}),
        ("about-work", {}),
        ("message-prompt", {"minutes": 3}),
        ("message-received", {}),
        ("goodbye", {}),
    ]:
        text = heard_in(language, message, **args)
        found = out.find(text, at)
        assert found >= 0, f"{language}: {message} ({text!r}) not heard in order:\n{out}"
        at = found + len(text)
    assert "plays" not in out  # nothing needed audio
    if language != "en":  # not one English sentence slipped in
        assert heard_in("en", "main-menu") not in out
        assert heard_in("en", "goodbye") not in out


@pytest.mark.parametrize("language", AUDIO_ONLY)
def test_a_whole_call_in_a_language_without_a_twilio_voice_plays_audio(
    language: str, tmp_path: Path
) -> None:
    record_everything(tmp_path / "audio", language)
    result = hotline(
        "call",
        "--lang",
        language,
        "--press",
        PRESSES,
        cwd=tmp_path,
        HOTLINE_AUDIO_DIR=str(tmp_path / "audio"),
    )
    assert result.returncode == 0, result.stderr  # the simulator fetched every file it played
    played = re.findall(r"hotline plays: (\S+)", result.stdout)
    assert played == [
        f"{language}/{name}.wav"
        for name in (
            "greeting-welcome",
            "greeting-emergency",
            "main-menu",
            "about-intro",
            "about-menu",
            "about-work",
            "about-more",
            "main-menu",
            "message-prompt--minutes-3",
            "message-received",
            "goodbye",
        )
    ]
    assert "hotline: " not in result.stdout  # no <Say>: it would be read in the wrong language


def test_the_language_menu_mixes_voices_and_recordings(tmp_path: Path) -> None:
    for language in AUDIO_ONLY:
        record_everything(tmp_path / "audio", language)
    result = hotline(
        "call", "--press", "4,0", cwd=tmp_path, HOTLINE_AUDIO_DIR=str(tmp_path / "audio")
    )
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert_all_six_offered(out)
    after_choice = out[out.index("caller presses 4") :]
    assert "hotline plays: ka/main-menu.wav" in after_choice
    assert "hotline plays: ka/goodbye.wav" in after_choice


def test_a_fresh_data_folder_offers_all_six_languages_once_rendered(tmp_path: Path) -> None:
    # No audio at all, and no espeak-ng program on the PATH: the server renders the
    # placeholders itself at start, and `hotline call` waits for that render.
    result = hotline("call", "--press", "0", cwd=tmp_path, PATH="/nonexistent")
    assert result.returncode == 0, result.stderr
    assert_all_six_offered(result.stdout)


@pytest.mark.parametrize("language", ["ka", "sl"])
def test_a_whole_call_on_a_fresh_machine_plays_rendered_8_khz_files(
    language: str, tmp_path: Path
) -> None:
    result = hotline(
        "call",
        "--press",
        "1,1,2,0,4,message",
        cwd=tmp_path,
        PATH="/nonexistent",
        HOTLINE_LANGUAGES=f"{language},ru,en",
        HOTLINE_MODE="local",
    )
    assert result.returncode == 0, result.stderr  # the simulator fetched every file it played
    played = re.findall(r"hotline plays: (\S+)", result.stdout)
    assert played[:3] == [
        f"{language}/greeting-welcome.wav",
        f"{language}/greeting-emergency.wav",
        f"{language}/language-option--key-1.wav",
    ]
    after_choice = result.stdout[result.stdout.index("caller presses 1") :]
    assert "hotline: " not in after_choice  # every prompt in the language is a <Play>
    assert played[-2:] == [f"{language}/message-received.wav", f"{language}/goodbye.wav"]
    for name in played:
        path = tmp_path / "data" / "audio" / language / "placeholders" / name.split("/")[1]
        info = wav_info(path.read_bytes())
        assert (info.format, info.rate, info.channels) == (FORMAT_MULAW, 8000, 1), name
        assert info.seconds > 0.3, name
