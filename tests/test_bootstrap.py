"""The bootstrap: every piece built once, shared by the app and the CLI, run with the app."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hotline.bootstrap import Hotline, build
from hotline.cli import main
from hotline.config import Settings, load_settings
from tests.conftest import (
    AUTH_TOKEN,
    DATA_KEY,
    PSEUDONYM_KEY,
    PUBLIC_URL,
    AppClient,
    FixedClock,
    call_params,
    make_settings,
    new_call_sid,
    post_signed,
    start_app,
)
from tests.fakes import FakeTelegram, fixtures
from tests.twiml import Twiml

fake_telegram = fixtures.fake_telegram

ENGLISH_ONLY = """\
timezone: Asia/Tbilisi
staff:
  - id: ana
    name: Ana Lomidze
    role: specialist
    languages: [en]
weekly:
  - staff: ana
    days: [mon, tue, wed, thu, fri, sat, sun]
    from: "00:00"
    to: "00:00"
"""


def test_the_cli_reports_on_the_languages_the_app_offers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # No HOTLINE_LANGUAGES: every locale that ships, worked out once for the app and the CLI.
    for name in [k for k in os.environ if k.startswith("HOTLINE_")]:
        monkeypatch.delenv(name)
    for name, value in {
        "HOTLINE_MODE": "production",
        "HOTLINE_PUBLIC_URL": PUBLIC_URL,
        "HOTLINE_TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "HOTLINE_PSEUDONYM_KEY": PSEUDONYM_KEY,
        "HOTLINE_DATA_KEY": DATA_KEY,
        "HOTLINE_DATA_DIR": str(tmp_path / "data"),
    }.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)  # no .env of the working copy
    hotline = build(load_settings())
    chat = hotline.core.chat_languages
    assert chat.offered[0] == chat.default == "en"
    assert sorted(chat.offered) == sorted(hotline.core.catalog.languages)
    # On the phone, a locale without a Twilio voice waits for its audio: the start-up render.
    catalog = hotline.core.catalog
    spoken = tuple(lang for lang in chat.offered if catalog.voice(lang).say_language)
    assert hotline.voice_languages.current.offered == spoken
    assert spoken != chat.offered  # the two rules differ here: the test tells them apart

    roster = tmp_path / "roster.yaml"
    roster.write_text(ENGLISH_ONLY, encoding="utf-8")
    capsys.readouterr()
    assert main(["roster", "import", str(roster)]) == 0
    out = capsys.readouterr().out
    others = ", ".join(lang for lang in chat.offered if lang != "en")
    assert f"  nobody in the file speaks: {others}\n" in out
    assert f"  not covered: {others}\n" in out


async def answers_a_call(client: AppClient) -> None:
    """The app greets a new caller and its readiness check finds the database."""
    status, body = await post_signed(client, "/twilio/voice", call_params(new_call_sid()))
    assert status == 200, body
    assert Twiml.parse(body).spoken
    ready = await client.get("/readyz")
    assert ready.status == 200
    assert (await ready.json())["checks"]["database"] == "ok"


async def test_a_second_build_on_the_same_settings_serves_as_well(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    database_url: str,
    tmp_path: Path,
    clock: FixedClock,
) -> None:
    settings = make_settings(tmp_path, database_url)
    first, second = build(settings, clock=clock), build(settings, clock=clock)
    client = await start_app(aiohttp_client, settings, clock, hotline=first)
    await answers_a_call(client)
    await client.close()
    client = await start_app(aiohttp_client, settings, clock, hotline=second)
    await answers_a_call(client)
    await client.close()
    with pytest.raises(RuntimeError, match="not open"):
        first.database.staff()  # closed with its app


def telegram_settings(tmp_path: Path, fake: FakeTelegram) -> Settings:
    return make_settings(
        tmp_path,
        HOTLINE_TELEGRAM_TOKEN=fake.token,
        HOTLINE_TELEGRAM_WEBHOOK_SECRET="webhook-secret_0123456789",
        HOTLINE_TELEGRAM_API_URL=f"http://127.0.0.1:{fake.port}",
    )


async def stopped(hotline: Hotline) -> bool:
    await asyncio.sleep(0)  # APScheduler's shutdown runs on the event loop's next turn
    return not hotline.scheduler.running


@pytest.mark.parametrize("bot", [True, False], ids=["with-telegram", "without-telegram"])
async def test_one_scheduler_runs_every_periodic_job_while_the_app_runs(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    tmp_path: Path,
    clock: FixedClock,
    fake_telegram: FakeTelegram,
    monkeypatch: pytest.MonkeyPatch,
    bot: bool,
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    settings = telegram_settings(tmp_path, fake_telegram) if bot else make_settings(tmp_path)
    hotline = build(settings, clock=clock)
    assert not hotline.scheduler.running  # built, not started
    client = await start_app(aiohttp_client, settings, clock, hotline=hotline)
    assert hotline.scheduler.running
    jobs = sorted(job.id for job in hotline.scheduler.get_jobs())
    expected = ["housekeeping", "purge", "reminders", "voice-spool"]
    assert jobs == (["escalation-alerts", *expected] if bot else expected)
    # The retention purge: daily, the first a while after the start (not with it).
    purge = hotline.scheduler.get_job("purge")
    assert purge.trigger.interval == timedelta(days=1)
    assert purge.next_run_time - datetime.now(UTC) > timedelta(minutes=29)
    assert [call.method for call in fake_telegram.calls] == (["getMe"] if bot else [])
    await answers_a_call(client)
    await client.close()
    assert await stopped(hotline)
