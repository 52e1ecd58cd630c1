"""Telegram end to end: the real python-telegram-bot in our app, talking HTTP to the fake Bot API.

Updates are posted to /telegram as Telegram would (with the webhook secret); the app answers
at once and its outbox sends in the background, so the tests wait on the fake's records or on
the outbox draining, each with a bound, and never sleep blindly. Every test runs on SQLite and
on PostgreSQL.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import re
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml
from sqlalchemy import Table, select

from hotline.app import ENGINE, TELEGRAM_CHANNEL
from hotline.catalog import LOCALES_DIR, Catalog
from hotline.channels.telegram import SECRET_HEADER
from hotline.config import Settings
from hotline.crypto import DataCipher
from hotline.privacy import pseudonym
from hotline.storage.models import Base
from tests.conftest import AppClient, FixedClock, make_settings, start_app
from tests.fakes import FakeTelegram, TelegramCall, TelegramLimits, TelegramUser, fixtures
from tests.fakes.telegram_updates import JsonDict

fake_telegram = fixtures.fake_telegram

SECRET = "test-webhook-secret_0123456789"
LANGUAGES = ("en", "cs", "ru")  # the deployment's order: the language menu's buttons
MENU_KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "0")  # chat-menu's options in family.yaml
MORE_KEYS = ("1", "6", "7", "0")  # chat-more's
PARAGRAPH = "\n\n"
QUESTION_MINUTES = 10  # family.yaml: question max_seconds 600
WAIT_S = 5.0
# One message a second to a chat is Telegram's limit; the fake enforces it and the outbox
# paces to it, both on a shorter "second" so the tests stay quick.
CHAT_INTERVAL_S = 0.05
CATALOG = Catalog()


def say(language: str, *messages: str, **args: str | int) -> str:
    """The catalogue's texts of one chat message, paragraph by paragraph."""
    return PARAGRAPH.join(CATALOG.format(language, m, args).strip() for m in messages)


def labels(language: str, message: str, keys: tuple[str, ...]) -> list[str]:
    """The button labels of a menu: its message's `.option-<key>` attributes."""
    found = [CATALOG.format_attribute(language, message, f"option-{key}") for key in keys]
    assert None not in found, f"{message} in {language} lacks an option label"
    return [str(label) for label in found]


def label(language: str, message: str, key: str) -> str:
    [found] = labels(language, message, (key,))
    return found


def welcome(language: str) -> str:
    return say(language, "chat-welcome", "chat-emergency", "chat-menu")


def locale_name(language: str) -> str:
    """A language's own name, as its locale.yaml gives it."""
    data = yaml.safe_load((LOCALES_DIR / language / "locale.yaml").read_text(encoding="utf-8"))
    return str(data["name"])


@dataclass
class Bot:
    """The app with Telegram on, the fake behind it, and ways to talk to and look into both."""

    client: AppClient
    fake: FakeTelegram
    settings: Settings

    async def post(self, body: JsonDict | bytes, *, secret: str | None = SECRET) -> tuple[int, str]:
        """POST /telegram as Telegram does: JSON, with the secret header unless None."""
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers[SECRET_HEADER] = secret
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        resp = await self.client.post("/telegram", data=data, headers=headers)
        return resp.status, await resp.text()

    async def send(self, update: JsonDict) -> None:
        """Post an update that must be accepted."""
        status, text = await self.post(update)
        assert (status, text) == (200, "ok")

    async def settle(self) -> None:
        """Until everything the app queued for Telegram has been sent (bounded)."""
        assert await self.client.app[TELEGRAM_CHANNEL].outbox.drain(timeout_s=WAIT_S)

    async def reply(self, update: JsonDict, chat: int) -> TelegramCall:
        """Post an update and return the one message it brings to `chat`."""
        before = len(self.fake.messages_to(chat))
        await self.send(update)
        [message] = await self.fake.wait_for_messages(chat, 1, after=before, timeout=WAIT_S)
        await self.settle()
        assert len(self.fake.messages_to(chat)) == before + 1, self.fake.texts_to(chat)[before:]
        return message

    async def rows(self, table: str) -> list[dict[str, Any]]:
        """Every row of a table."""
        model = Base.metadata.tables[table]
        assert isinstance(model, Table)
        async with self.client.app[ENGINE].connect() as conn:
            result = await conn.execute(select(model))
            return [dict(row._mapping) for row in result]

    async def everything_stored(self) -> str:
        """Every row of every table, as text."""
        return repr({table: await self.rows(table) for table in Base.metadata.tables})


@pytest.fixture
async def bot(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    database_url: str,
    tmp_path: Path,
    clock: FixedClock,
    fake_telegram: FakeTelegram,
    monkeypatch: pytest.MonkeyPatch,
) -> Bot:
    """The whole app on both databases, its bot pointed at the started fake."""
    # PTB warns (an error here, filterwarnings=error) when it builds a RetryAfter for a 429,
    # unless opted in to timedeltas; production runs with the default filters, which ignore it.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    settings = make_settings(
        tmp_path,
        database_url,
        HOTLINE_LANGUAGES=",".join(LANGUAGES),
        HOTLINE_TELEGRAM_TOKEN=fake_telegram.token,
        HOTLINE_TELEGRAM_WEBHOOK_SECRET=SECRET,
        HOTLINE_TELEGRAM_API_URL=f"http://127.0.0.1:{fake_telegram.port}",
    )
    client = await start_app(aiohttp_client, settings, clock)
    assert [call.method for call in fake_telegram.calls] == ["getMe"]
    fake_telegram.limits = TelegramLimits(per_chat_period=CHAT_INTERVAL_S)
    client.app[TELEGRAM_CHANNEL].outbox.interval = CHAT_INTERVAL_S
    return Bot(client, fake_telegram, settings)


def czech(user_id: int, first_name: str = "Marie") -> TelegramUser:
    return TelegramUser(id=user_id, first_name=first_name, language_code="cs")


async def test_czech_start_buttons_and_typed_numbers(bot: Bot) -> None:
    user = czech(810_000_001)
    chat = user.id

    menu = await bot.reply(bot.fake.updates.command(user, "start"), chat)
    assert menu.text == welcome("cs")
    assert menu.button_texts == labels("cs", "chat-menu", MENU_KEYS)
    assert menu.callback_data == [f"1:{key}" for key in MENU_KEYS]

    # She presses "Before release".
    press = bot.fake.press(menu, label("cs", "chat-menu", "1"))
    info = await bot.reply(press, chat)
    assert info.text == say("cs", "family-before-release", "chat-more")
    assert info.button_texts == labels("cs", "chat-more", MORE_KEYS)
    [answered] = bot.fake.calls_of("answerCallbackQuery")
    assert answered.params["callback_query_id"] == press["callback_query"]["id"]
    [edited] = bot.fake.calls_of("editMessageReplyMarkup")
    assert (edited.chat_id, edited.message_id) == (chat, menu.message_id)
    assert edited.inline_keyboard == []
    shown = bot.fake.message(chat, menu.message_id)
    assert shown is not None
    assert "reply_markup" not in shown  # the old menu's buttons are gone

    # She types "1" instead of pressing "Back to the menu": the same as the button.
    again = await bot.reply(bot.fake.updates.message(user, "1"), chat)
    assert again.text == say("cs", "chat-menu")
    assert again.button_texts == labels("cs", "chat-menu", MENU_KEYS)
    assert again.callback_data == [f"3:{key}" for key in MENU_KEYS]

    # A button of a message already answered by typing: the spinner stops, nothing moves.
    stale = bot.fake.press(info, label("cs", "chat-more", "0"))
    await bot.send(stale)
    await bot.settle()
    assert len(bot.fake.calls_of("answerCallbackQuery")) == 2
    assert len(bot.fake.calls_of("editMessageReplyMarkup")) == 1
    assert len(bot.fake.messages_to(chat)) == 3

    # "3." is read as 3, as people write numbered answers.
    visits = await bot.reply(bot.fake.updates.message(user, "3."), chat)
    assert visits.text == say("cs", "family-visits", "chat-more")
    assert bot.fake.failed == []
    assert bot.fake.rejected == []


async def test_specialist_question_is_stored_encrypted(bot: Bot, database_url: str) -> None:
    user = czech(810_000_002, first_name="Zdeňka")
    chat = user.id
    question = "Kdy může syn po propuštění začít pracovat? Značka QX-7731"

    menu = await bot.reply(bot.fake.updates.command(user, "start"), chat)
    asked = await bot.reply(bot.fake.press(menu, label("cs", "chat-menu", "6")), chat)
    assert asked.text == say(  # nobody on duty: no "we are looking for a specialist"
        "cs",
        "chat-specialist-unavailable",
        "question-prompt",
        minutes=QUESTION_MINUTES,
    )
    assert asked.inline_keyboard == []  # a question is written, not chosen

    received = await bot.reply(bot.fake.updates.message(user, question), chat)
    assert received.text == say("cs", "question-received")

    [row] = await bot.rows("questions")
    assert (row["channel"], row["language"], row["answered_at"]) == ("telegram", "cs", None)
    cipher = DataCipher(bot.settings.data_key)
    assert cipher.decrypt(row["text"]) == question
    assert cipher.decrypt(row["reply_to"]) == str(chat)
    stored = await bot.everything_stored()
    for secret in (question, str(chat), user.first_name):
        assert secret not in repr(row)
        assert secret not in stored
    if database_url.startswith("sqlite"):
        await bot.client.close()  # the app stopped: what it wrote is in the files
        path = Path(database_url.removeprefix("sqlite:///"))
        files = sorted(path.parent.glob(path.name + "*"))
        raw = b"".join(f.read_bytes() for f in files)
        assert path in files
        assert b"telegram" in raw  # the file is readable as bytes: the check can find text
        for secret in (question, str(chat), user.first_name):
            assert secret.encode() not in raw
            assert secret.encode("utf-16-le") not in raw


async def test_language_menu_and_remembered_choice(bot: Bot) -> None:
    user = czech(810_000_003)
    chat = user.id

    await bot.reply(bot.fake.updates.command(user, "start"), chat)
    choose = await bot.reply(bot.fake.updates.command(user, "language"), chat)
    assert choose.text == "\n".join(dict.fromkeys(say(lang, "chat-language") for lang in LANGUAGES))
    assert choose.button_texts == [locale_name(lang) for lang in LANGUAGES]

    english = await bot.reply(bot.fake.press(choose, locale_name("en")), chat)
    assert english.text == say("en", "chat-menu")
    assert english.button_texts == labels("en", "chat-menu", MENU_KEYS)

    # She ends the chat; the next /start is in English although Telegram says Czech.
    bye = await bot.reply(bot.fake.press(english, label("en", "chat-menu", "0")), chat)
    assert bye.text == say("en", "chat-goodbye")
    back = await bot.reply(bot.fake.updates.command(user, "start"), chat)
    assert back.text == welcome("en")
    assert back.button_texts == labels("en", "chat-menu", MENU_KEYS)

    # /start in the middle of a chat starts again, still in the language she chose.
    restarted = await bot.reply(bot.fake.updates.command(user, "start"), chat)
    assert restarted.text == welcome("en")

    # Another Czech speaker who never chose is still answered in Czech.
    other = czech(810_000_004)
    assert (await bot.reply(bot.fake.updates.command(other, "start"), other.id)).text == (
        welcome("cs")
    )


async def test_stop_silences_until_start(bot: Bot) -> None:
    user = TelegramUser(id=810_000_005, language_code="en")
    chat = user.id

    menu = await bot.reply(bot.fake.updates.command(user, "start"), chat)
    stopped = await bot.reply(bot.fake.updates.command(user, "stop"), chat)
    assert stopped.text == say("en", "chat-stopped")

    for update in (
        bot.fake.updates.message(user, "1"),
        bot.fake.updates.message(user, "Hello?"),
        bot.fake.updates.command(user, "language"),
    ):
        await bot.send(update)
    await bot.settle()
    assert bot.fake.texts_to(chat) == [menu.text, stopped.text]

    again = await bot.reply(bot.fake.updates.command(user, "start"), chat)
    assert again.text == welcome("en")
    assert again.button_texts == labels("en", "chat-menu", MENU_KEYS)
    assert await bot.rows("opt_outs") == []


async def test_stop_is_confirmed_once_and_help_still_answers(bot: Bot) -> None:
    user = TelegramUser(id=810_000_010, language_code="en")
    chat = user.id

    menu = await bot.reply(bot.fake.updates.command(user, "start"), chat)
    stopped = await bot.reply(bot.fake.updates.command(user, "stop"), chat)
    assert stopped.text == say("en", "chat-stopped")
    for _ in range(5):
        await bot.send(bot.fake.updates.command(user, "stop"))
    await bot.settle()
    assert bot.fake.texts_to(chat) == [menu.text, stopped.text]  # confirmed once

    # /help still answers, and does not start the chat again.
    helped = await bot.reply(bot.fake.updates.command(user, "help"), chat)
    assert helped.text == say("en", "chat-help")
    assert helped.inline_keyboard == []
    await bot.send(bot.fake.updates.message(user, "1"))
    await bot.settle()
    assert bot.fake.texts_to(chat) == [menu.text, stopped.text, helped.text]
    assert len(await bot.rows("opt_outs")) == 1

    again = await bot.reply(bot.fake.updates.command(user, "start"), chat)
    assert again.text == welcome("en")
    assert await bot.rows("opt_outs") == []


BOT_LINK = "https://t.me/hotline_test_bot"  # the fake's getMe username


def private_only(language: str) -> str:
    """What a group is told, with the bot's link."""
    text = CATALOG.format_attribute(language, "chat-private-only", "with-link", {"link": BOT_LINK})
    assert text is not None
    return text


@pytest.mark.parametrize("kind", ["group", "supergroup"])
async def test_a_group_is_told_once_to_write_privately(bot: Bot, kind: str) -> None:
    user = czech(810_000_020)
    group_id = -4_000_000_020 if kind == "group" else -1_004_000_000_020
    group = {"id": group_id, "type": kind, "title": "Rodina Novákových"}

    told = await bot.reply(bot.fake.updates.command(user, "start", chat=group), group_id)
    assert told.text == private_only("cs")  # in the language of whoever wrote
    assert BOT_LINK in (told.text or "")
    assert told.inline_keyboard == []  # no menu where everyone reads it

    # Nothing more for that group: another /start, another member, a number typed.
    other = TelegramUser(id=810_000_021, first_name="Pavel", language_code="en")
    for update in (
        bot.fake.updates.command(user, "start", chat=group),
        bot.fake.updates.command(other, "start@hotline_test_bot", chat=group),
        bot.fake.updates.message(other, "1", chat=group),
    ):
        await bot.send(update)
    await bot.settle()
    assert [call.chat_id for call in bot.fake.calls_of("sendMessage")] == [group_id]

    # The group's messages left nothing but the mark that it was told, under a pseudonym.
    for table in ("call_log", "call_sessions", "opt_outs", "questions", "caller_languages"):
        assert await bot.rows(table) == [], table
    [mark] = await bot.rows("chat_updates")
    assert mark["channel"] == "telegram-group"
    stored = await bot.everything_stored()
    for secret in (str(group_id), str(abs(group_id)), "Novákových"):
        assert secret not in stored

    # In her private chat the family flow runs as before.
    menu = await bot.reply(bot.fake.updates.command(user, "start"), user.id)
    assert menu.text == welcome("cs")
    assert menu.button_texts == labels("cs", "chat-menu", MENU_KEYS)


async def test_a_group_is_told_in_the_default_language_when_the_writers_is_not_offered(
    bot: Bot,
) -> None:
    user = TelegramUser(id=810_000_022, language_code="ka")  # not among en, cs, ru
    group = {"id": -4_000_000_022, "type": "group", "title": "Family"}
    told = await bot.reply(bot.fake.updates.command(user, "start", chat=group), group["id"])
    assert told.text == private_only("en")


@pytest.fixture
def get_me_fails_at_start(fake_telegram: FakeTelegram) -> None:
    """Telegram does not answer getMe when the app starts (asked for before `bot`)."""
    fake_telegram.fail_next("getMe", status=502)


async def test_a_group_is_told_without_a_link_when_the_bot_does_not_know_its_name(
    get_me_fails_at_start: None, bot: Bot
) -> None:
    user = TelegramUser(id=810_000_024, language_code="en")
    group = {"id": -4_000_000_024, "type": "group", "title": "Family"}
    told = await bot.reply(bot.fake.updates.command(user, "start", chat=group), group["id"])
    assert told.text == say("en", "chat-private-only")


async def test_an_old_button_in_a_group_is_answered_and_ignored(bot: Bot) -> None:
    user = TelegramUser(id=810_000_023, language_code="en")
    group = {"id": -1_004_000_000_023, "type": "supergroup", "title": "Family"}
    old_menu = {  # a menu the bot once sent there
        "message_id": 7,
        "from": bot.fake.bot_user,
        "chat": group,
        "date": 1_790_000_000,
        "text": say("en", "chat-menu"),
    }
    press = bot.fake.updates.callback_query(user, old_menu, "1:4")
    await bot.send(press)
    await bot.settle()
    [answered] = bot.fake.calls_of("answerCallbackQuery")
    assert answered.params["callback_query_id"] == press["callback_query"]["id"]
    assert bot.fake.calls_of("sendMessage") == []
    assert bot.fake.calls_of("editMessageReplyMarkup") == []
    for table in ("call_log", "call_sessions", "chat_updates"):
        assert await bot.rows(table) == [], table


async def test_a_redelivered_update_is_answered_once(bot: Bot) -> None:
    user = TelegramUser(id=810_000_006, language_code="en")
    chat = user.id

    start = bot.fake.updates.command(user, "start")
    await bot.send(start)
    await bot.send(start)
    await bot.settle()
    assert bot.fake.texts_to(chat) == [welcome("en")]

    [menu] = bot.fake.messages_to(chat)
    press = bot.fake.press(menu, label("en", "chat-menu", "4"))
    await bot.send(press)
    await bot.send(press)
    await bot.settle()
    assert bot.fake.texts_to(chat) == [welcome("en"), say("en", "family-children", "chat-more")]
    assert len(bot.fake.calls_of("editMessageReplyMarkup")) == 1
    assert len(bot.fake.calls_of("answerCallbackQuery")) == 1  # not again: Telegram would refuse
    assert bot.fake.failed == []
    assert bot.client.app[TELEGRAM_CHANNEL].outbox.dropped == 0
    assert len(await bot.rows("chat_updates")) == 2
    assert len(await bot.rows("call_log")) == 1


async def test_forged_missing_secret_and_malformed_bodies(bot: Bot) -> None:
    user = TelegramUser(id=810_000_007, language_code="en")
    update = bot.fake.updates.command(user, "start")

    for secret in ("wrong-secret", SECRET[:-1], SECRET + "x", "", None):
        status, _ = await bot.post(update, secret=secret)
        assert status == 403, secret
    for body in (b"{not json", b"", b'"a string"', json.dumps({"message": {}}).encode()):
        status, _ = await bot.post(body)
        assert status == 400, body
    status, _ = await bot.post({**update, "update_id": "1"})
    assert status == 400

    await bot.settle()
    assert [call.method for call in bot.fake.calls] == ["getMe"]
    for table in ("chat_updates", "call_log", "call_sessions", "opt_outs", "questions"):
        assert await bot.rows(table) == [], table

    # The same update with the right secret is then handled as its first delivery.
    assert (await bot.reply(update, user.id)).text == welcome("en")


async def test_a_failure_of_ours_is_a_5xx_so_telegram_delivers_again(bot: Bot) -> None:
    # Only malformed input is the sender's fault (400); the database failing is ours.
    async with bot.client.app[ENGINE].begin() as conn:
        await conn.run_sync(Base.metadata.tables["chat_updates"].drop)
    user = TelegramUser(id=810_000_009, language_code="en")
    status, _ = await bot.post(bot.fake.updates.command(user, "start"))
    assert 500 <= status < 600  # 503 for what the driver calls an outage, else 500


async def test_a_burst_within_flood_limits_loses_nothing(bot: Bot) -> None:
    # Telegram's figures, 30 a second in all and one a second a chat, with the chat's second
    # shortened to keep the test quick (the outbox paces at the same interval).
    interval = 0.2
    bot.fake.limits = TelegramLimits(overall=30, overall_period=1.0, per_chat_period=interval)
    outbox = bot.client.app[TELEGRAM_CHANNEL].outbox
    outbox.interval = interval

    crowd = [TelegramUser(id=820_000_000 + i, language_code="en") for i in range(40)]
    busy = TelegramUser(id=830_000_001, language_code="en")
    typed = ["1", "1", "3", "1"]
    expected = Counter({(user.id, welcome("en")): 1 for user in crowd})
    busy_texts = [
        welcome("en"),
        say("en", "family-before-release", "chat-more"),
        say("en", "chat-menu"),
        say("en", "family-visits", "chat-more"),
        say("en", "chat-menu"),
    ]
    expected.update((busy.id, text) for text in busy_texts)

    bot.fake.fail_next("sendMessage", chat_id=busy.id, retry_after=1)  # one 429 at least

    async def busy_chat() -> None:
        # One chat's updates come one after another, as Telegram delivers them.
        await bot.send(bot.fake.updates.command(busy, "start"))
        for text in typed:
            await bot.send(bot.fake.updates.message(busy, text))

    await asyncio.gather(
        busy_chat(), *(bot.send(bot.fake.updates.command(user, "start")) for user in crowd)
    )
    await bot.fake.wait_for_many(method="sendMessage", count=len(expected), timeout=15)
    await bot.settle()

    delivered = bot.fake.calls_of("sendMessage")
    assert Counter((call.chat_id, call.text) for call in delivered) == expected
    assert bot.fake.texts_to(busy.id) == busy_texts
    # A 429 is waited out and the same message sent again: none lost, none doubled.
    assert bot.fake.rejected
    for rejected in bot.fake.rejected:
        assert (rejected.chat_id, rejected.text) in expected
    assert outbox.retried_after_429 == len(bot.fake.rejected)
    assert (outbox.dropped, outbox.pending) == (0, 0)
    assert bot.fake.failed == []
    stamps = [call.at for call in bot.fake.messages_to(busy.id)]
    assert all(b - a >= interval for a, b in itertools.pairwise(stamps))


async def test_an_unexpected_send_error_drops_one_message_not_the_chat(bot: Bot) -> None:
    user = TelegramUser(id=810_000_008, language_code="en")
    chat = user.id
    outbox = bot.client.app[TELEGRAM_CHANNEL].outbox

    await bot.reply(bot.fake.updates.command(user, "start"), chat)
    # 401: PTB raises InvalidToken, neither a network error nor a refusal of this message.
    bot.fake.fail_next("sendMessage", status=401, description="Unauthorized", chat_id=chat)
    await bot.send(bot.fake.updates.message(user, "2"))
    await bot.settle()
    assert [call.status for call in bot.fake.failed] == [401]
    assert (outbox.dropped, outbox.pending) == (1, 0)  # dropped, not left stranded

    menu = await bot.reply(bot.fake.updates.message(user, "1"), chat)
    assert menu.text == say("en", "chat-menu")
    assert bot.fake.texts_to(chat) == [welcome("en"), menu.text]


async def test_nothing_identifying_in_logs_or_call_log(
    bot: Bot, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    user = TelegramUser(
        id=5_912_345_678, first_name="Jarmila", username="jarmila_q", language_code="cs"
    )
    chat = user.id
    question = "Syn se vrací ve středu, kde najde ubytování? QZ-4412"

    menu = await bot.reply(bot.fake.updates.command(user, "start"), chat)
    await bot.reply(bot.fake.press(menu, label("cs", "chat-menu", "6")), chat)
    await bot.reply(bot.fake.updates.message(user, question), chat)
    # Paths that log: a forged update quoting her, and a message to her once she blocked us.
    forged = bot.fake.updates.message(user, question)
    assert (await bot.post(forged, secret="forged"))[0] == 403
    bot.fake.block(chat)
    await bot.send(bot.fake.updates.command(user, "start"))
    await bot.settle()

    finished, reopened = sorted(await bot.rows("call_log"), key=lambda r: r["ended_at"] is None)
    assert finished["channel"] == reopened["channel"] == "telegram"
    assert finished["flow"] == "family"
    assert re.fullmatch(r"[0-9a-f]{32}", finished["caller"])
    assert finished["caller"] == reopened["caller"]
    assert finished["caller"] == pseudonym(f"telegram:{user.id}", bot.settings.pseudonym_key)
    assert finished["path"] == [
        "language",
        "menu",
        "specialist",
        "specialist-unavailable",
        "question",
        "question-received",
    ]
    assert (finished["language"], finished["outcome"]) == ("cs", "voicemail")
    assert finished["ended_at"] is not None

    secrets = (str(user.id), user.first_name, "jarmila_q", question)
    call_log = repr(await bot.rows("call_log"))
    for secret in secrets:
        assert secret not in call_log

    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")

    def text(records: list[logging.LogRecord]) -> str:
        return "\n".join(formatter.format(record) for record in records)  # with tracebacks

    # Our own loggers at every level; every logger at INFO and above (the production level).
    # Below INFO, PTB logs each call's parameters and answer (chat id, text, first name).
    ours = text([r for r in caplog.records if not _third_party(r.name)])
    shown = text([r for r in caplog.records if r.levelno >= logging.INFO])
    assert "403 on /telegram" in ours
    assert "telegram message dropped: Forbidden" in ours
    for secret in secrets:
        assert secret not in ours, secret
        assert secret not in shown, secret


def _third_party(name: str) -> bool:
    """PTB's and the HTTP client's own loggers."""
    return name.split(".")[0] in {"telegram", "httpx", "httpcore"}
