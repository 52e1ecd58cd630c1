"""Telegram enrolment end to end: a link printed by `hotline participants invite` is opened by
a Telegram test user of the fake Bot API, and the app (real PTB) links that chat. Both
databases."""

from __future__ import annotations

import asyncio
import logging
import re
from pathlib import Path

import pytest

from hotline.app import STAFF, UNITS
from hotline.escalation.roster import LANGUAGES, Role, Staff
from hotline.participants.enrolment import invite
from hotline.participants.fields import Rules
from hotline.participants.service import ParticipantService
from tests import test_telegram
from tests.conftest import FixedClock
from tests.fakes import TelegramUser
from tests.test_staff_cli import _runner
from tests.test_telegram import CATALOG, WAIT_S, Bot, welcome
from tests.test_texts import revealing_words

bot = test_telegram.bot
fake_telegram = test_telegram.fake_telegram

BOT_USERNAME = "hotline_test_bot"  # the fake's getMe answer
LINK = re.compile(rf"https://t\.me/{BOT_USERNAME}\?start=([A-Za-z0-9_-]+)")
NINO = {
    "case": "TB-2027-014",
    "program": "georgia-two-year",
    "release": "2027-02-10",
    "timezone": "Asia/Tbilisi",
    "language": "ka",
    "specialist": "ana",
    "channel": "telegram",
    "consent": "telegram sms",
    "phone": "+995555123456",
    "family1_name": "Tamar Beridze",
    "family1_channel": "telegram",
    "family1_language": "ru",
    "family1_consent": "telegram",
}


async def enrol(bot: Bot, clock: FixedClock) -> ParticipantService:
    """Ana on the staff list, and Nino enrolled with her consent to Telegram."""
    await bot.client.app[STAFF].add(
        Staff("ana", "Ana", Role.SPECIALIST, ("ka", "ru")), phone=None, telegram_id=None,
        now=clock(),
    )  # fmt: skip
    service = ParticipantService(bot.client.app[UNITS], Rules(LANGUAGES), clock)
    await service.add(NINO)
    return service


def say(language: str, message: str) -> str:
    return CATALOG.format(language, message).strip()


async def test_a_link_printed_by_the_command_links_the_chat_that_opens_it(
    bot: Bot,
    clock: FixedClock,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.DEBUG)
    await enrol(bot, clock)
    hotline = _runner(tmp_path, monkeypatch, capsys, database_url=bot.settings.database_url)
    monkeypatch.setenv("HOTLINE_TELEGRAM_BOT_USERNAME", BOT_USERNAME)
    code, out, err = await asyncio.to_thread(hotline, "participants", "invite", "TB-2027-014")
    assert code == 0, err
    found = LINK.search(out)
    assert found is not None
    token = found.group(1)

    # Nino opens the link in Telegram: her app is in English, her language is Georgian.
    nino = TelegramUser(id=820_000_001, first_name="Nino", language_code="en")
    message = await bot.reply(bot.fake.updates.command(nino, "start", token), nino.id)
    assert message.text == say("ka", "enrol-welcome")
    assert message.button_texts == []

    code, out, _ = await asyncio.to_thread(hotline, "participants", "show", "TB-2027-014")
    assert "  telegram    linked 2026-11-22 03:00 UTC" in out.splitlines()

    # Someone else opens the same link later: it worked once, so they get the menu.
    other = TelegramUser(id=820_000_002, first_name="Eve", language_code="cs")
    await bot.send(bot.fake.updates.command(other, "start", token))
    messages = await bot.fake.wait_for_messages(other.id, 2, timeout=WAIT_S)
    assert [m.text for m in messages] == [say("cs", "enrol-link-invalid"), welcome("cs")]
    service = ParticipantService(bot.client.app[UNITS], Rules(LANGUAGES), clock)
    assert (await service.get("TB-2027-014")).telegram_chat == nino.id

    # Nothing identifying in our logs (the libraries' are quietened by `setup_logging`):
    # no token, case code, chat id or name.
    logged = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("hotline"))
    assert "an enrolment link linked a Telegram chat (participant)" in logged
    for secret in (token, "TB-2027-014", str(nino.id), str(other.id), "Nino", "Tamar"):
        assert secret not in logged, secret


async def test_a_relative_is_linked_and_welcomed_in_their_language(
    bot: Bot, clock: FixedClock
) -> None:
    service = await enrol(bot, clock)
    invitation = await invite(
        bot.client.app[UNITS], "TB-2027-014", family="tamar beridze", now=clock()
    )
    tamar = TelegramUser(id=820_000_003, first_name="Tamar", language_code="ka")
    message = await bot.reply(bot.fake.updates.command(tamar, "start", invitation.token), tamar.id)
    assert message.text == say("ru", "enrol-welcome")
    nino = await service.get("TB-2027-014")
    assert not nino.telegram_linked
    assert nino.family[0].telegram_chat == tamar.id


async def test_a_link_expires_with_the_clock(bot: Bot, clock: FixedClock) -> None:
    service = await enrol(bot, clock)
    invitation = await invite(bot.client.app[UNITS], "TB-2027-014", days=30, now=clock())
    clock.advance(days=30)
    nino = TelegramUser(id=820_000_004, first_name="Nino", language_code="ru")
    await bot.send(bot.fake.updates.command(nino, "start", invitation.token))
    messages = await bot.fake.wait_for_messages(nino.id, 2, timeout=WAIT_S)
    assert [m.text for m in messages] == [say("ru", "enrol-link-invalid"), welcome("ru")]
    assert not (await service.get("TB-2027-014")).telegram_linked


async def test_a_redelivered_start_is_answered_once(bot: Bot, clock: FixedClock) -> None:
    """Telegram may deliver an update twice: the second must not find the link spent."""
    await enrol(bot, clock)
    invitation = await invite(bot.client.app[UNITS], "TB-2027-014", now=clock())
    nino = TelegramUser(id=820_000_005, first_name="Nino", language_code="ru")
    update = bot.fake.updates.command(nino, "start", invitation.token)
    message = await bot.reply(update, nino.id)
    assert message.text == say("ka", "enrol-welcome")
    await bot.send(update)
    await bot.settle()
    assert bot.fake.texts_to(nino.id) == [say("ka", "enrol-welcome")]
    clock.advance(minutes=1)  # and /start alone afterwards is the ordinary menu
    menu = await bot.reply(bot.fake.updates.command(nino, "start"), nino.id)
    assert menu.text == welcome("ru")


@pytest.mark.parametrize("language", CATALOG.languages)
def test_what_an_enrolment_link_answers_reveals_nothing_on_a_lock_screen(language: str) -> None:
    for message in ("enrol-welcome", "enrol-link-invalid"):
        text = say(language, message)
        assert revealing_words(language, text) == [], (language, message)
    assert "/stop" in say(language, "enrol-welcome")  # how to stop, from the first message
