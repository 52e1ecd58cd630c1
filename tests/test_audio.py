"""Audio prompts: served at stable URLs, recordings over placeholders, the tools that make them."""

from __future__ import annotations

import csv
import io
import re
import wave
from pathlib import Path

import pytest

from hotline.catalog import Catalog
from hotline.channels.voice_twiml import VoiceRenderer
from hotline.flows.actions import Say
from hotline.prompts.library import AudioLibrary
from hotline.prompts.telephone import FORMAT_MULAW, wav_info
from tests.audio import record_everything, tiny_wav
from tests.conftest import PUBLIC_URL, AppClient, FixedClock, make_settings, new_call_sid, start_app
from tests.test_call_cli import hotline
from tests.test_voice_webhooks import start_call


@pytest.fixture
async def georgian_client(aiohttp_client, tmp_path: Path, clock: FixedClock) -> AppClient:  # type: ignore[no-untyped-def]
    record_everything(tmp_path / "audio", "ka")
    settings = make_settings(
        tmp_path, HOTLINE_LANGUAGES="ka,ru,en", HOTLINE_AUDIO_DIR=str(tmp_path / "audio")
    )
    return await start_app(aiohttp_client, settings, clock)


async def test_a_georgian_call_plays_files_the_server_serves(georgian_client: AppClient) -> None:
    first = await start_call(georgian_client, new_call_sid())
    assert first.spoken[-2:] == [  # the other languages' options, in their own voices
        "Для русского языка нажмите 2.",
        "For English, press 3.",
    ]
    assert len(first.played) == 3  # greeting, emergency note, Georgian option
    for url in first.played:
        assert url.startswith(f"{PUBLIC_URL}/audio/ka/")
        resp = await georgian_client.get(url.removeprefix(PUBLIC_URL))
        assert resp.status == 200
        assert resp.content_type in ("audio/wav", "audio/x-wav")
        assert resp.headers["Cache-Control"] == "public, max-age=31536000, immutable"
        with wave.open(io.BytesIO(await resp.read())) as played:
            assert played.getnframes() > 0


async def test_audio_urls_reveal_only_the_files_found(georgian_client: AppClient) -> None:
    unversioned = await georgian_client.get("/audio/ka/goodbye.wav")
    assert unversioned.status == 200
    assert unversioned.headers["Cache-Control"] == "public, max-age=3600"
    for path in (
        "/audio/ka/no-such-message.wav",
        "/audio/xx/goodbye.wav",
        "/audio/ka/..%2F..%2Fkeys%2Fpseudonym.key",
        "/audio/ka/%2E%2E",
    ):
        resp = await georgian_client.get(path)
        assert resp.status == 404, path


def test_a_recording_dropped_in_replaces_the_placeholder(tmp_path: Path) -> None:
    audio = tmp_path / "audio"
    tiny_wav(audio / "ka" / "placeholders" / "goodbye.wav", tone=1)
    library = AudioLibrary(audio)
    renderer = VoiceRenderer(Catalog(), PUBLIC_URL, library)
    goodbye = (Say("goodbye", "ka"),)
    before = renderer.render(goodbye, seq=1, language="ka")
    [placeholder_url] = re.findall(r"<Play>(.*?)</Play>", before)

    tiny_wav(audio / "ka" / "goodbye.wav", tone=2)  # the voice artist's file arrives
    renderer.refresh_audio()
    after = renderer.render(goodbye, seq=1, language="ka")
    [recording_url] = re.findall(r"<Play>(.*?)</Play>", after)
    assert recording_url != placeholder_url  # a new URL: Twilio's cache cannot serve the old
    assert library.find(Say("goodbye", "ka")).kind == "recording"  # type: ignore[union-attr]


def test_a_voiced_language_prefers_recordings_over_twilio_and_twilio_over_placeholders(
    tmp_path: Path,
) -> None:
    audio = tmp_path / "audio"
    tiny_wav(audio / "ru" / "placeholders" / "goodbye.wav")
    tiny_wav(audio / "ru" / "main-menu.wav")
    renderer = VoiceRenderer(Catalog(), PUBLIC_URL, AudioLibrary(audio))
    twiml = renderer.render((Say("goodbye", "ru"),), seq=1, language="ru")
    assert "<Say" in twiml
    assert "Play" not in twiml
    twiml = renderer.render((Say("main-menu", "ru"),), seq=1, language="ru")
    assert "/audio/ru/main-menu.wav?v=" in twiml
    assert "<Say" not in twiml


def test_the_recording_script_lists_every_prompt_with_text_and_a_note(tmp_path: Path) -> None:
    out = tmp_path / "ka.csv"
    result = hotline("prompts", "script", "ka", "--output", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    ids = [row["id"] for row in rows]
    assert ids == sorted(set(ids))
    assert {f"language-option--key-{k}" for k in range(1, 10)} <= set(ids)
    assert {"greeting-welcome", "main-menu", "message-prompt--minutes-3", "fallback-message"} <= (
        set(ids)
    )
    for row in rows:
        assert re.search("[\u10a0-\u10ff]", row["text"]), row  # Georgian script, not English
        assert row["note"], row
    menu = next(row for row in rows if row["id"] == "main-menu")
    assert "Main menu" in menu["note"]


def test_render_makes_a_placeholder_of_every_prompt_once(tmp_path: Path) -> None:
    audio = tmp_path / "audio"
    first = hotline(  # no espeak-ng program on the PATH: the library of the wheel speaks
        "prompts", "render", "sl", cwd=tmp_path, HOTLINE_AUDIO_DIR=str(audio), PATH="/nonexistent"
    )
    assert first.returncode == 0, first.stderr
    files = sorted((audio / "sl" / "placeholders").glob("*.wav"))
    script = list(
        csv.DictReader(
            hotline("prompts", "script", "sl", cwd=tmp_path).stdout.splitlines(keepends=True)
        )
    )
    assert [p.stem for p in files] == sorted(row["id"] for row in script)
    for path in files:
        rendered = wav_info(path.read_bytes())
        assert (rendered.format, rendered.rate, rendered.channels) == (FORMAT_MULAW, 8000, 1)
        assert rendered.seconds > 0.25, path  # real speech
    assert f"{len(files)} rendered, 0 unchanged" in first.stdout
    again = hotline("prompts", "render", "sl", cwd=tmp_path, HOTLINE_AUDIO_DIR=str(audio))
    assert f"0 rendered, {len(files)} unchanged" in again.stdout

    call = hotline(
        "call", "--lang", "sl", "--press", "0", cwd=tmp_path, HOTLINE_AUDIO_DIR=str(audio)
    )
    assert call.returncode == 0, call.stderr
    assert "hotline plays: sl/goodbye.wav" in call.stdout


def test_render_of_an_unknown_language_names_the_ones_there_are(tmp_path: Path) -> None:
    result = hotline("prompts", "render", "xx", cwd=tmp_path)
    assert result.returncode == 2
    assert "no locale 'xx'; available: cs, en, hr, ka, ru, sl" in result.stderr


def test_say_writes_what_a_caller_would_hear(tmp_path: Path) -> None:
    text = tmp_path / "text.wav"
    result = hotline("prompts", "say", "ka", "გამარჯობა. ეს ტესტია.", "-o", str(text), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    info = wav_info(text.read_bytes())
    assert (info.format, info.rate, info.channels) == (FORMAT_MULAW, 8000, 1)
    assert info.seconds > 1

    message = tmp_path / "message.wav"
    result = hotline(
        "prompts", "say", "sl", "--message", "message-prompt", "--arg", "minutes=2",
        "-o", str(message), cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "2 minuti" in result.stdout  # the Slovenian dual, as the caller hears it
    assert wav_info(message.read_bytes()).seconds > 3


def test_say_names_what_is_missing_in_one_line(tmp_path: Path) -> None:
    out = str(tmp_path / "x.wav")
    for args, expected in [
        (("ka", "--message", "message-prompt", "-o", out), "needs --arg minutes=..."),
        (("ka", "--message", "no-such-message", "-o", out), "no message 'no-such-message'"),
        (("xx", "text", "-o", out), "no locale 'xx'"),
        (("ka", "-o", out), "give a text in quotes, or --message ID"),
        (("ka", "--message", "goodbye", "--arg", "oops", "-o", out), "write NAME=VALUE"),
    ]:
        result = hotline("prompts", "say", *args, cwd=tmp_path)
        assert result.returncode == 2, (args, result.stderr)
        assert expected in result.stderr, (args, result.stderr)
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_status_shows_the_texts_spoken_on_demand(tmp_path: Path) -> None:
    from hotline.prompts.speech import EspeakSynthesizer
    from hotline.prompts.spoken import SpokenCache

    cache = SpokenCache(tmp_path / "data" / "spoken", EspeakSynthesizer(), cap_bytes=10**8)
    cache.render("ka", "ka", "პირველი.")
    assert cache.lookup("ka", "ka", "პირველი.") is not None
    cache.save_stats()
    result = hotline("prompts", "status", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    [ka] = [line for line in result.stdout.splitlines() if line.startswith("  ka:")]
    assert "spoken on demand: 1 cached" in ka
    assert "1 hits, 1 renders" in ka
    assert "placeholders" in ka
