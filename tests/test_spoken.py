"""Any text spoken: on demand, cached by content under a cap, within the step's deadline; and
the languages without a Twilio voice offered as soon as the start-up render has made theirs."""

from __future__ import annotations

import asyncio
import re
import shutil
import threading
from datetime import date
from pathlib import Path

import pytest

from hotline.bootstrap import build
from hotline.catalog import LOCALES_DIR, Catalog
from hotline.channels.voice_twiml import VoiceRenderer
from hotline.flows.actions import PhoneNumber, Say
from hotline.prompts.library import AudioLibrary
from hotline.prompts.speech import EspeakSynthesizer, Pcm, SpeechError
from hotline.prompts.spoken import PINNED_S, SpokenCache
from hotline.prompts.telephone import FORMAT_MULAW, wav_info
from tests.audio import record_everything
from tests.conftest import PUBLIC_URL, FixedClock, make_settings, start_app
from tests.test_call_cli import hotline as run_cli
from tests.test_voice_webhooks import start_call

ESPEAK = EspeakSynthesizer()
REMINDER = "appointment-reminder"


class Counting:
    """The real synthesizer, counting what it is asked to say."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    @property
    def version(self) -> str:
        return ESPEAK.version

    def speak(self, text: str, voice: str) -> Pcm:
        self.texts.append(text)
        return ESPEAK.speak(text, voice)


class Gated(Counting):
    """The real synthesizer, held back until the test opens the gate: slower than any deadline."""

    def __init__(self) -> None:
        super().__init__()
        self.gate = threading.Event()

    def speak(self, text: str, voice: str) -> Pcm:
        if not self.gate.wait(timeout=30):
            raise TimeoutError("the test never opened the gate")
        return super().speak(text, voice)


@pytest.fixture
def catalog(tmp_path: Path) -> Catalog:
    """The shipped catalogue and one message with a date and a phone number, as a reminder
    call will have (no shipped message has one yet)."""
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, locales)
    (locales / "ka" / "reminder.ftl").write_text(
        REMINDER + " = თქვენი შეხვედრა არის { $date }. კითხვებისთვის დარეკეთ ნომერზე { $phone }.\n",
        encoding="utf-8",
    )
    (locales / "en" / "reminder.ftl").write_text(
        REMINDER + " = Your appointment is on { $date }. For questions, call { $phone }.\n",
        encoding="utf-8",
    )
    return Catalog(locales)


def reminder(language: str = "ka") -> Say:
    return Say(
        REMINDER, language, (("date", date(2027, 3, 12)), ("phone", PhoneNumber("2 145 145")))
    )


def played(twiml: str) -> list[str]:
    return re.findall(r"<Play>(.*?)</Play>", twiml)


async def test_a_georgian_text_with_a_date_and_a_number_is_rendered_once_and_cached(
    aiohttp_client, tmp_path: Path, clock: FixedClock, catalog: Catalog
) -> None:  # type: ignore[no-untyped-def]
    record_everything(tmp_path / "audio", "ka")
    synthesizer = Counting()
    settings = make_settings(
        tmp_path, HOTLINE_LANGUAGES="ka,en", HOTLINE_AUDIO_DIR=str(tmp_path / "audio")
    )
    hotline = build(settings, clock=clock, catalog=catalog, synthesizer=synthesizer)
    client = await start_app(aiohttp_client, settings, clock, hotline=hotline)
    await hotline.settled()  # the start-up speaks the directory's lists ahead: not counted
    synthesizer.texts.clear()
    ahead = hotline.spoken.stats().get("ka")
    base = (ahead.files, ahead.hits, ahead.renders) if ahead is not None else (0, 0, 0)

    first = await hotline.renderer.render_speaking((reminder(),), seq=2, language="ka")
    [url] = played(first)
    assert url.startswith(f"{PUBLIC_URL}/audio/spoken/ka/")
    # Spoken as a Georgian says it: "on the twelfth of March" in words, the number in its
    # digit groups.
    [text] = synthesizer.texts
    assert "თორმეტ მარტს" in text
    assert "2, 1 4 5, 1 4 5" in text
    resp = await client.get(url.removeprefix(PUBLIC_URL))
    assert resp.status == 200
    assert resp.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    info = wav_info(await resp.read())
    assert (info.format, info.rate, info.channels) == (FORMAT_MULAW, 8000, 1)
    assert info.seconds > 2  # two sentences

    second = await hotline.renderer.render_speaking((reminder(),), seq=3, language="ka")
    assert played(second) == [url]  # the same file, the same URL
    assert len(synthesizer.texts) == 1  # not rendered again
    stats = hotline.spoken.stats()["ka"]
    now = (stats.files, stats.hits, stats.renders)
    assert tuple(n - b for n, b in zip(now, base, strict=True)) == (1, 1, 1)


async def test_a_render_slower_than_the_deadline_says_the_languages_apology(
    tmp_path: Path, catalog: Catalog
) -> None:
    record_everything(tmp_path / "audio", "ka")
    slow = Gated()
    cache = SpokenCache(tmp_path / "spoken", slow, cap_bytes=10_000_000)
    renderer = VoiceRenderer(
        catalog, PUBLIC_URL, AudioLibrary(tmp_path / "audio"), cache, spoken_budget_s=0.05
    )
    try:
        late = await renderer.render_speaking((reminder(),), seq=2, language="ka")
        # Never silence, never another language: the fixed apology, in Georgian.
        assert played(late) == [f"{PUBLIC_URL}/audio/ka/speech-unavailable.wav?v=" + _v(late)]
        assert "<Say" not in late
    finally:
        slow.gate.set()
    # The render went on: the next caller hears the text itself.
    text = catalog.spoken("ka", REMINDER, dict(reminder().args))
    assert await cache.get("ka", "ka", text, timeout_s=10) is not None
    later = await renderer.render_speaking((reminder(),), seq=3, language="ka")
    assert played(later)[0].startswith(f"{PUBLIC_URL}/audio/spoken/ka/")
    assert len(slow.texts) == 1


def test_the_cache_cap_evicts_the_least_recently_used(tmp_path: Path) -> None:
    now = [1000.0]
    cache = SpokenCache(tmp_path / "spoken", ESPEAK, cap_bytes=1, clock=lambda: now[0])
    first = cache.render("sl", "sl", "Prvo besedilo.")
    second = cache.render("sl", "sl", "Drugo besedilo.")
    cache.cap_bytes = first.size + second.size + first.size // 2  # room for two, not three
    now[0] += PINNED_S + 1
    assert cache.lookup("sl", "sl", "Prvo besedilo.") == first  # used again: now the newest
    now[0] += PINNED_S + 1
    third = cache.render("sl", "sl", "Tretje besedilo.")
    assert third.path.is_file()
    assert first.path.is_file()
    assert not second.path.is_file()  # the least recently used went
    assert cache.lookup("sl", "sl", "Drugo besedilo.") is None
    cache.save_stats()
    again = SpokenCache(tmp_path / "spoken", ESPEAK, cap_bytes=cache.cap_bytes)
    assert again.stats()["sl"].files == 2  # what is on disk survives a restart, and its counts
    assert again.stats()["sl"].renders == 3


def test_a_file_just_played_is_not_evicted(tmp_path: Path) -> None:
    cache = SpokenCache(tmp_path / "spoken", ESPEAK, cap_bytes=1)
    first = cache.render("hr", "hr", "Prvi tekst.")
    cache.render("hr", "hr", "Drugi tekst.")
    assert first.path.is_file()  # over the cap, but Twilio may be fetching it right now


async def test_a_voiceless_language_is_offered_once_its_start_up_render_is_done(
    aiohttp_client, tmp_path: Path, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    slow = Gated()
    settings = make_settings(tmp_path, HOTLINE_LANGUAGES="en,ka")
    hotline = build(settings, clock=clock, synthesizer=slow)
    client = await start_app(aiohttp_client, settings, clock, hotline=hotline)
    try:
        before = await start_call(client, "CA" + "1" * 32)
        assert before.played == []
        assert not before.said("For English, press 1.")  # one language: no menu yet
    finally:
        slow.gate.set()
    await asyncio.wait_for(hotline.phone_audio.finished(), 60)
    after = await start_call(client, "CA" + "2" * 32)
    assert after.said("For English, press 1.")
    assert [url.split("?")[0] for url in after.played] == [
        f"{PUBLIC_URL}/audio/ka/language-option--key-2.wav"  # the placeholder just rendered
    ]


class Mute(Counting):
    """A synthesizer that cannot speak Georgian here (its data missing, say)."""

    def speak(self, text: str, voice: str) -> Pcm:
        if voice.startswith("ka"):
            raise SpeechError("no Georgian voice data")
        return super().speak(text, voice)


async def test_a_language_rendered_later_is_offered_by_the_running_server(
    aiohttp_client, tmp_path: Path, clock: FixedClock
) -> None:  # type: ignore[no-untyped-def]
    """Georgian could not be rendered at start; the operator runs `hotline prompts render
    ka`, and the running server offers it after its next housekeeping (within five minutes),
    with no restart."""
    settings = make_settings(tmp_path, HOTLINE_LANGUAGES="en,ka")
    hotline = build(settings, clock=clock, synthesizer=Mute())
    client = await start_app(aiohttp_client, settings, clock, hotline=hotline)
    await asyncio.wait_for(hotline.phone_audio.finished(), 60)
    assert hotline.voice_languages.current.offered == ("en",)
    before = await start_call(client, "CA" + "3" * 32)
    assert not before.said("For English, press 1.")

    rendered = run_cli(
        "prompts", "render", "ka", cwd=tmp_path, HOTLINE_AUDIO_DIR=str(settings.audio_dir)
    )
    assert rendered.returncode == 0, rendered.stderr
    [housekeeping] = [job for job in hotline.jobs if job.id == "housekeeping"]
    await housekeeping.run()  # as the scheduler runs it every five minutes

    assert hotline.voice_languages.current.offered == ("en", "ka")
    after = await start_call(client, "CA" + "4" * 32)
    assert after.said("For English, press 1.")
    assert [url.split("?")[0] for url in after.played] == [
        f"{PUBLIC_URL}/audio/ka/language-option--key-2.wav"
    ]


def _v(twiml: str) -> str:
    return played(twiml)[0].split("?v=")[1]


@pytest.mark.parametrize(
    ("language", "heard"),
    [
        ("en", "the twelfth of March, the first of January, the twenty-ninth of February"),
        ("ru", "двенадцатого марта, первого января, двадцать девятого февраля"),
        ("cs", "dvanáctého března, prvního ledna, dvacátého devátého února"),
        ("hr", "dvanaestog ožujka, prvog siječnja, dvadeset devetog veljače"),
        ("sl", "dvanajstega marca, prvega januarja, devetindvajsetega februarja"),
        ("ka", "თორმეტ მარტს, პირველ იანვარს, ოცდაცხრა თებერვალს"),
    ],
)
def test_a_date_is_spoken_as_the_language_says_it_on_a_day(
    language: str, heard: str, catalog: Catalog
) -> None:
    """The day as the ordinal the grammar wants before the month's name (Slovenian, Czech,
    Croatian and Russian genitive, Georgian dative), never "12." read as a plain number."""
    days = (date(2027, 3, 12), date(2027, 1, 1), date(2028, 2, 29))
    assert ", ".join(str(catalog.say_date(language, day)) for day in days) == heard
