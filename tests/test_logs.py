"""HOTLINE_LOG_FORMAT=json at DEBUG, through real calls, chats and provider errors: every line
is one JSON object; one call's or one update's lines share a request id, and no line, nor the
traceback in it, holds a number, an id, a name or a text the people of the test gave.

The server's own logging set-up (`setup_logging`) writes to a buffer here instead of stderr.
"""

from __future__ import annotations

import asyncio
import contextvars
import io
import json
import logging
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from hotline.app import TELEGRAM_CHANNEL
from hotline.bootstrap import jobs
from hotline.cli.common import setup_logging
from hotline.errors import ConfigError
from hotline.log_format import log_handler
from hotline.request_ids import HEADER, follow
from tests import test_telegram
from tests.conftest import (
    CALLER,
    AppClient,
    FixedClock,
    call_params,
    make_settings,
    new_call_sid,
    post_signed,
    start_app,
)
from tests.fakes import FakeTelegram, TelegramUser, fixtures
from tests.fakes.twilio_api import FakeTwilio
from tests.staffing import DAY, NIGHT, PHONES
from tests.test_escalation_desk import (
    STAFF,
    desk_app,
    night_callback_request,
    to_staff,
    twilio_for_app,
)
from tests.test_sms import PHONE, sms_params
from tests.test_voice_webhooks import end_call, press, start_call

fake_telegram = fixtures.fake_telegram
bot = test_telegram.bot
twilio_app = twilio_for_app
LIBRARIES = (
    *("httpx", "httpcore", "telegram", "aiolimiter", "apscheduler", "aiosqlite", "asyncpg"),
    *("twilio.http_client", "twilio.async_http_client", "sqlalchemy"),
)


@dataclass
class JsonLog:
    """What the server logged, line by line."""

    buffer: io.StringIO

    def mark(self) -> int:
        return len(self.buffer.getvalue())

    def lines(self, since: int = 0) -> list[dict[str, Any]]:
        """Each line since `mark`, parsed: a line that is not one JSON object fails here."""
        parsed = []
        for line in self.buffer.getvalue()[since:].splitlines():
            record = json.loads(line)
            assert isinstance(record, dict), line
            assert {"time", "level", "logger", "message", "request_id"} <= record.keys(), line
            assert record["time"].endswith("+00:00"), line  # UTC
            parsed.append(record)
        return parsed

    def ids(self, since: int) -> set[str]:
        """The request ids of the lines since `since`, but the scheduler's own."""
        ids = {r["request_id"] for r in self.lines(since)}
        return {request_id for request_id in ids if not request_id.startswith("job-")}

    def holds(self, secret: str) -> list[str]:
        """The raw lines holding `secret`, tracebacks included."""
        return [line for line in self.buffer.getvalue().splitlines() if secret in line]


@pytest.fixture
def json_log(tmp_path: Path) -> Iterator[JsonLog]:
    """`setup_logging` as `hotline serve` runs it with HOTLINE_LOG_FORMAT=json and
    HOTLINE_LOG_LEVEL=DEBUG; the logging as it was is put back afterwards."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    levels = {name: logging.getLogger(name).level for name in LIBRARIES}
    levels["telegram.ext.AIORateLimiter"] = logging.getLogger("telegram.ext.AIORateLimiter").level
    settings = make_settings(
        tmp_path / "logging", HOTLINE_LOG_FORMAT="json", HOTLINE_LOG_LEVEL="DEBUG"
    )
    buffer = io.StringIO()
    setup_logging(settings, stream=buffer)
    try:
        yield JsonLog(buffer)
    finally:
        root.handlers[:] = handlers
        root.setLevel(level)
        for name, was in levels.items():
            logging.getLogger(name).setLevel(was)


async def test_each_call_has_one_id_through_its_steps_and_no_number(
    voice_client: AppClient, json_log: JsonLog
) -> None:
    seen = []
    for _ in range(2):
        sid, before = new_call_sid(), json_log.mark()
        menu = await start_call(voice_client, sid)
        prompt = await press(voice_client, sid, menu, "4")  # a message, then hang up
        recording = call_params(
            sid, RecordingUrl="https://api.twilio.com/x/Recordings/RE2", RecordingDuration="9"
        )
        await post_signed(voice_client, prompt.action("Record"), recording)
        await end_call(voice_client, sid)
        lines = json_log.lines(before)
        assert len([r for r in lines if r["logger"] == "aiohttp.access"]) == 4  # one a step
        [call_id] = json_log.ids(before)
        assert call_id.startswith("call-")
        seen.append(call_id)
    assert seen[0] != seen[1]
    # A request of no call: a random id, sent back in the answer; a safe one is kept.
    before = json_log.mark()
    plain = await voice_client.get("/livez")
    kept = await voice_client.get("/livez", headers={HEADER: "edge-7f3a9c21"})
    number = await voice_client.get("/livez", headers={HEADER: CALLER.lstrip("+")})
    assert plain.headers[HEADER].startswith("req-")
    assert kept.headers[HEADER] == "edge-7f3a9c21"
    assert number.headers[HEADER].startswith("req-")  # digits enough for a number: refused
    assert json_log.ids(before) == {plain.headers[HEADER], "edge-7f3a9c21", number.headers[HEADER]}
    for trace in (CALLER, CALLER.lstrip("+"), CALLER[4:]):
        assert json_log.holds(trace) == []


async def test_an_sms_has_its_id_and_neither_the_number_nor_the_text_is_logged(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    tmp_path: Path,
    clock: FixedClock,
    json_log: JsonLog,
) -> None:
    settings = make_settings(tmp_path, HOTLINE_LANGUAGES="cs,en", HOTLINE_DEFAULT_REGION="CZ")
    client = await start_app(aiohttp_client, settings, clock)
    texts = ["Dobrý den, tady Věra Procházková", "7", "Kde najde syn bydlení? QK-5521"]
    ids = []
    for text in texts:
        before = json_log.mark()
        status, _ = await post_signed(client, "/twilio/sms", sms_params(text))
        assert status == 200
        [message_id] = json_log.ids(before)
        assert message_id.startswith("sms-")
        ids.append(message_id)
    assert len(set(ids)) == len(texts)
    for secret in (PHONE, PHONE.lstrip("+"), PHONE[4:], "Věra", "Procházková", *texts[::2]):
        assert json_log.holds(secret) == [], secret


async def test_a_chat_and_sends_that_fail_keep_their_update_ids_and_no_name_or_id(
    bot: test_telegram.Bot, json_log: JsonLog
) -> None:
    user = TelegramUser(
        id=5_912_345_678, first_name="Jarmila", username="jarmila_q", language_code="cs"
    )
    chat = user.id
    question = "Syn se vrací ve středu, kde najde ubytování? QZ-4412"
    menu = await bot.reply(bot.fake.updates.command(user, "start"), chat)

    # Telegram refuses the next two answers with an error quoting the chat (as a migrated
    # group's "New chat id: -100..." does): the outbox logs each, traceback and all. The
    # second update's answer is queued while the chat's worker still sends the first's.
    bot.client.app[TELEGRAM_CHANNEL].outbox.interval = 0.5
    bot.fake.fail_next(
        "sendMessage", status=409, description=f"Conflict: chat {chat} and -1001234567890", times=2
    )
    before = json_log.mark()
    await bot.send(bot.fake.press(menu, test_telegram.label("cs", "chat-menu", "1")))
    await bot.send(bot.fake.updates.message(user, "1"))
    await bot.settle()
    lines = json_log.lines(before)
    updates = [r["request_id"] for r in lines if r["logger"] == "aiohttp.access"]
    assert len(set(updates)) == 2
    assert all(update.startswith("tg-") for update in updates)
    dropped = [r for r in lines if r["level"] == "ERROR"]
    assert [r["request_id"] for r in dropped] == updates  # each send its update's id
    for line in dropped:
        assert line["message"] == "telegram message dropped after an unexpected error"
        assert line["exc_type"] == "Conflict"
        assert "Traceback (most recent call last)" in line["exc"]
        assert "Conflict: chat [number] and [number]" in line["exc"]

    bot.client.app[TELEGRAM_CHANNEL].outbox.interval = test_telegram.CHAT_INTERVAL_S
    await bot.reply(bot.fake.updates.message(user, "6"), chat)  # a question for a specialist
    await bot.reply(bot.fake.updates.message(user, question), chat)
    every = {r["request_id"] for r in json_log.lines() if r["request_id"].startswith("tg-")}
    assert len(every) == 5  # one id an update
    for secret in (str(chat), "1001234567890", "Jarmila", "jarmila_q", question, "QZ-4412"):
        assert json_log.holds(secret) == [], secret


async def test_a_callback_twilio_refuses_is_logged_without_the_numbers(
    aiohttp_client: Any,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_app: FakeTwilio,
    json_log: JsonLog,
) -> None:
    clock = FixedClock(NIGHT)
    url = f"sqlite:///{tmp_path / 'hotline.sqlite3'}"
    desk = await desk_app(aiohttp_client, url, tmp_path, clock, fake_telegram, twilio_app)
    await night_callback_request(desk)  # the caller, CALLER, asks to be called back
    clock.now = DAY.replace(hour=5)
    assert await desk.tick() == 1
    [alert] = await desk.wait_to("ana", 1, after=0)
    await desk.send(desk.fake.press(alert, to_staff("ana", "staff-take"), user=STAFF["ana"]))
    await desk.settle()
    yours = desk.to("ana")[-1]

    # Twilio refuses the call to Ana, and says why, quoting her number in the URL and text.
    twilio_app.fail_next(
        "Calls", status=400, code=21211, message=f"Invalid 'To' Phone Number: {PHONES['ana']}"
    )
    before = json_log.mark()
    press_call = desk.fake.press(yours, to_staff("ana", "staff-call-back"), user=STAFF["ana"])
    status, _ = await desk.post(press_call)
    assert status == 500  # Telegram delivers it again; the log says what failed
    lines = json_log.lines(before)
    [update_id] = json_log.ids(before)
    assert update_id.startswith("tg-")
    [failed] = [r for r in lines if r.get("exc_type") == "TwilioRestException"]
    assert failed["request_id"] == update_id
    assert "Unable to create record: Invalid 'To' Phone Number: [number]" in failed["exc"]
    [access] = [r for r in lines if r["logger"] == "aiohttp.access"]
    assert '"POST /telegram HTTP/1.1" 500' in access["message"]
    assert access["request_id"] == update_id
    for secret in (CALLER, CALLER.lstrip("+"), *PHONES.values(), "Lomidze"):
        assert json_log.holds(secret) == [], secret


def test_text_lines_name_the_request_and_say_a_provider_error_in_one_redacted_line() -> None:
    buffer = io.StringIO()
    logger = logging.getLogger("hotline.test_logs")
    logger.addHandler(log_handler("text", tracebacks=False, stream=buffer))
    logger.propagate, logger.level = False, logging.INFO

    def fail() -> None:
        follow("call-1f2e3d4c")
        try:
            raise RuntimeError(f"HTTP 400 error: Invalid 'To' Phone Number: {CALLER}")
        except RuntimeError:
            logger.exception("a callback failed")

    try:
        contextvars.copy_context().run(fail)  # the id stays in that context
        logger.info("outside any request")
    finally:
        logger.handlers.clear()
        logger.propagate = True
    failed, why, outside = buffer.getvalue().splitlines()
    assert failed.endswith(" ERROR hotline.test_logs [call-1f2e3d4c]: a callback failed")
    assert why == (
        "  (RuntimeError: HTTP 400 error: Invalid 'To' Phone Number: [number]; --debug or "
        "HOTLINE_LOG_LEVEL=DEBUG shows the traceback)"
    )
    assert outside.endswith(" INFO hotline.test_logs: outside any request")


def test_an_unknown_log_format_is_refused_naming_the_setting(tmp_path: Path) -> None:
    assert make_settings(tmp_path, HOTLINE_LOG_FORMAT="JSON").log_format == "json"
    assert make_settings(tmp_path).log_format == "text"
    with pytest.raises(ConfigError, match="HOTLINE_LOG_FORMAT: set it to text or json"):
        make_settings(tmp_path, HOTLINE_LOG_FORMAT="logfmt")


async def test_each_run_of_a_scheduled_job_has_an_id_of_its_own(json_log: JsonLog) -> None:
    ran: asyncio.Queue[None] = asyncio.Queue()

    async def run() -> None:
        logging.getLogger("hotline.app").info("probe ran")
        ran.put_nowait(None)

    scheduler = jobs.new_scheduler()
    jobs.start(scheduler, (jobs.Job("probe", "probe", run, timedelta(seconds=0.1), True),))
    try:
        async with asyncio.timeout(10):
            for _ in range(2):
                await ran.get()
    finally:
        scheduler.shutdown(wait=False)
    probes = [r["request_id"] for r in json_log.lines() if r["message"] == "probe ran"]
    assert probes[:2] == ["job-probe-1", "job-probe-2"]
