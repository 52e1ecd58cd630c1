"""What a reviewer of the catalogues checks: what a lock screen shows, what an SMS costs,
how long a spoken sentence runs, and that staff read no gendered slash forms."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from hotline.catalog import FALLBACK_LANGUAGE, LOCALES_DIR, Catalog
from hotline.channels.sms_encoding import measure
from hotline.channels.sms_transliteration import transliterate
from hotline.flows.loader import load_builtin_flows
from hotline.prompts.script import recording_script
from tests.audio import record_everything
from tests.conftest import AppClient, FixedClock, make_settings, post_signed, start_app
from tests.test_sms import sms_params

CATALOG = Catalog()
LANGUAGES = CATALOG.languages

# Word stems that tell a reader of a lock screen or an SMS inbox what the program is about.
REVEALING = {
    "en": ("prison", "addict", "resociali", "release", "recovery", "drug", "alcohol"),
    "ru": ("тюрьм", "заключ", "зависим", "ресоциал", "освобо", "наркот", "алкогол"),
    "ka": ("ციხ", "დამოკიდებულ", "რესოციალ", "გათავისუფლ", "პატიმ", "ნარკოტ", "ალკოჰოლ"),
    "hr": ("zatvor", "ovisn", "resocijal", "izlaz", "drog", "alkohol"),
    "cs": ("vězen", "věznic", "závislost", "resocializ", "propušt", "drog", "alkohol", "abstin"),
    "sl": ("zapor", "odvisn", "resocializ", "odpust", "drog", "alkohol"),
}
NEEDS_AUDIO = ("ka", "hr", "sl")  # no Twilio voice: offered on the phone only with audio


def revealing_words(language: str, text: str) -> list[str]:
    return [stem for stem in REVEALING[language] if stem in text.lower()]


def sentences(text: str) -> list[str]:
    """A spoken text's sentences (and a menu's lines)."""
    return [s for s in re.split(r"(?<=[.?!])\s+|\n", text) if s.strip()]


def test_every_locale_has_its_list_of_revealing_words() -> None:
    assert set(REVEALING) == set(LANGUAGES)


@pytest.mark.parametrize("language", LANGUAGES)
async def test_the_first_sms_shows_only_a_greeting_and_a_neutral_name_before_the_menu(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    tmp_path: Path,
    clock: FixedClock,
    language: str,
) -> None:
    """Its first lines show on a lock screen and stay in the inbox, where others may read them."""
    audio = tmp_path / "audio"
    if language in NEEDS_AUDIO:
        record_everything(audio, language)
    settings = make_settings(
        tmp_path,
        f"sqlite:///{tmp_path / 'hotline.sqlite3'}",
        HOTLINE_LANGUAGES=language,
        HOTLINE_AUDIO_DIR=str(audio),
    )
    client = await start_app(aiohttp_client, settings, clock)

    status, answer = await post_signed(client, "/twilio/sms", sms_params("Hi"))
    assert status == 200, answer
    parts = [m.text or "" for m in ET.fromstring(answer).iter("Message")]  # noqa: S314
    text = "\n\n".join(parts)
    menu = CATALOG.format(language, "chat-menu")
    assert menu in text  # the menu follows
    before_menu = text[: text.index(menu)]

    assert parts[0].startswith(CATALOG.format(language, "chat-welcome"))
    assert revealing_words(language, before_menu) == []


@pytest.mark.parametrize("language", LANGUAGES)
def test_help_names_the_program_neutrally(language: str) -> None:
    for message in ("sms-help", "chat-help", "chat-welcome", "greeting-welcome"):
        assert revealing_words(language, CATALOG.format(language, message)) == [], message


@pytest.mark.parametrize("language", LANGUAGES)
def test_sms_help_fits_one_segment_where_the_script_allows_else_two(language: str) -> None:
    """GSM-7 holds 160 characters a segment; Georgian, Cyrillic and č or š need UCS-2 (70,
    67 a part). Transliterated (HOTLINE_SMS_TRANSLITERATE) every language fits one."""
    text = CATALOG.format(language, "sms-help")
    as_written = measure(text)
    assert as_written.segments <= (1 if as_written.encoding == "GSM-7" else 2), as_written
    romanized = measure(transliterate(text, language))
    assert (romanized.encoding, romanized.segments) == ("GSM-7", 1), romanized


def spoken_texts(language: str) -> dict[str, str]:
    """The about-* messages and the main menu, as a caller hears them."""
    ids = [*sorted(m for m in CATALOG.ids(language) if m.startswith("about-")), "main-menu"]
    return {m: CATALOG.format(language, m) for m in ids}


def test_english_voice_texts_keep_to_sentences_of_fifteen_words() -> None:
    for message, text in spoken_texts(FALLBACK_LANGUAGE).items():
        for sentence in sentences(text):
            assert len(sentence.split()) <= 15, (message, sentence)


@pytest.mark.parametrize("language", LANGUAGES)
def test_translated_voice_texts_keep_sentences_short(language: str) -> None:
    """A caller on a bad line holds a short sentence: the source's length, give or take."""
    for message, text in spoken_texts(language).items():
        assert len(sentences(text)) >= len(sentences(CATALOG.format("en", message))) - 1, message
        for sentence in sentences(text):
            assert len(sentence.split()) <= 18, (language, message, sentence)


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_read_no_gendered_slash_forms(language: str) -> None:
    """'Preuzeo/la', 'Převzal(a)': a status line reads better in an impersonal form."""
    staff = (LOCALES_DIR / language / "staff.ftl").read_text(encoding="utf-8")
    ids = re.findall(r"^([a-z][a-z-]*) =", staff, re.M)
    slash = re.compile(r"\w(\((a|а|la|ла)\)|/(a|la|а|ла)\b)")
    for message in ids:
        text = CATALOG.format(language, message, {"name": "Ana", "minutes": 2, "seconds": 5})
        assert not slash.search(text), (message, text)


def test_the_georgian_recording_script_asks_a_native_speaker_about_the_hash_key() -> None:
    flows = load_builtin_flows(known_message=lambda m: CATALOG.has(FALLBACK_LANGUAGE, m))
    notes = [
        line.note
        for line in recording_script(CATALOG, flows, "ka")
        if line.id.startswith("message-prompt")
    ]
    assert notes
    assert all("Native check" in note and "დიეზი" in note for note in notes)
