"""The staff desk end to end: the real PTB and twilio clients against the fake Bot API and
the fake Twilio REST API, on both databases.

Alerts are durable timers fired by the desk's tick; the tests move a fixed clock and call
the tick as the scheduler would, then look at what reached the fakes.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from hotline.app import ENGINE, ESCALATIONS, TELEGRAM_CHANNEL
from hotline.catalog import Catalog
from hotline.escalation.model import Kind, Result
from hotline.storage.models import CallbackTask, ChatCase
from tests.conftest import (
    AUTH_TOKEN,
    CALLER,
    HOTLINE_NUMBER,
    AppClient,
    FixedClock,
    call_params,
    make_settings,
    new_call_sid,
    post_signed,
    start_app,
)
from tests.fakes import FakeTelegram, TelegramCall, TelegramLimits, TelegramUser, fixtures
from tests.fakes.twilio_api import FakeTwilio
from tests.staffing import DAY, NIGHT, PHONES, TELEGRAM, escalations, staff_the_hotline
from tests.test_telegram import SECRET, Bot
from tests.test_voice_webhooks import end_call, press, start_call
from tests.twiml import Twiml

fake_telegram = fixtures.fake_telegram
fake_twilio = fixtures.fake_twilio

CATALOG = Catalog()
WAIT_S = 15.0  # a bound for a loaded machine, not a speed: most waits end in milliseconds
CHAT_INTERVAL_S = 0.05
ACCOUNT_SID = "AC" + "f" * 32
STAFF = {
    staff_id: TelegramUser(id=user_id, first_name=staff_id.title(), language_code="en")
    for staff_id, user_id in TELEGRAM.items()
}


# Each person reads the desk in their first language: Ana Russian, Beka and Nino Georgian.
SPEAKS = {"ana": "ru", "beka": "ka", "nino": "ka"}


def text(language: str, message: str, **args: str | int) -> str:
    return CATALOG.format(language, message, args)


def to_staff(staff_id: str, message: str, **args: str | int) -> str:
    return text(SPEAKS[staff_id], message, **args)


@dataclass
class Desk(Bot):
    """The app with Telegram and Twilio REST on, and the clock that drives its timers."""

    twilio: FakeTwilio
    clock: FixedClock

    async def tick(self) -> int:
        fired = await self.client.app[ESCALATIONS].tick()
        await self.settle()
        return fired

    def to(self, staff_id: str) -> list[TelegramCall]:
        return self.fake.messages_to(TELEGRAM[staff_id])

    async def wait_to(self, staff_id: str, count: int, after: int) -> list[TelegramCall]:
        return await self.fake.wait_for_messages(
            TELEGRAM[staff_id], count, after=after, timeout=WAIT_S
        )


async def desk_app(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    database_url: str,
    tmp_path: Path,
    clock: FixedClock,
    fake_telegram: FakeTelegram,
    fake_twilio: FakeTwilio,
    **env: str,
) -> Desk:
    base = {
        "HOTLINE_LANGUAGES": "en,ru",
        "HOTLINE_TELEGRAM_TOKEN": fake_telegram.token,
        "HOTLINE_TELEGRAM_WEBHOOK_SECRET": SECRET,
        "HOTLINE_TELEGRAM_API_URL": f"http://127.0.0.1:{fake_telegram.port}",
        "HOTLINE_TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "HOTLINE_TWILIO_API_URL": fake_twilio.base_url,
        "HOTLINE_PHONE_NUMBER": HOTLINE_NUMBER,
    }
    # A value given as "" leaves that setting out (as an empty variable does).
    settings = make_settings(tmp_path, database_url, **{**base, **env})
    await staff_the_hotline(settings)
    client = await start_app(aiohttp_client, settings, clock)
    fake_telegram.limits = TelegramLimits(per_chat_period=CHAT_INTERVAL_S)
    client.app[TELEGRAM_CHANNEL].outbox.interval = CHAT_INTERVAL_S
    return Desk(client, fake_telegram, settings, fake_twilio, clock)


@pytest.fixture
async def twilio_for_app(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeTwilio]:
    """A fake Twilio REST API that accepts the app's account and auth token."""
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    async with FakeTwilio(ACCOUNT_SID, AUTH_TOKEN) as fake:
        yield fake


async def night_callback_request(desk: Desk) -> None:
    """A caller at 03:00 asks to be called back (the night call of the voice tests)."""
    sid = new_call_sid()
    night = await press(desk.client, sid, await start_call(desk.client, sid, "?lang=ru"), "3")
    done = await press(desk.client, sid, night, "2")
    assert done.verbs[-1] == "Hangup"
    await end_call(desk.client, sid)


async def test_a_callback_through_the_hotline_reveals_neither_number(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> None:
    clock = FixedClock(NIGHT)
    desk = await desk_app(
        aiohttp_client, database_url, tmp_path, clock, fake_telegram, twilio_for_app
    )
    await night_callback_request(desk)
    assert await desk.tick() == 0  # nobody is woken at 03:00
    assert desk.to("ana") == []

    clock.now = DAY.replace(hour=5)  # 09:00 in Tbilisi: the shift begins
    assert await desk.tick() == 1
    # The on-duty Russian speakers are told; the supervisor (no Russian) is not, yet.
    [alert] = await desk.wait_to("ana", 1, after=0)
    assert alert.text == to_staff("ana", "staff-callback", code="ru")
    assert desk.fake.texts_to(TELEGRAM["beka"]) == [to_staff("beka", "staff-callback", code="ru")]
    assert desk.to("nino") == []
    assert CALLER not in repr(desk.fake.calls)

    clock.advance(minutes=2)
    await desk.send(desk.fake.press(alert, to_staff("ana", "staff-take"), user=STAFF["ana"]))
    await desk.settle()
    yours = desk.to("ana")[-1]
    assert to_staff("ana", "staff-taken-by-you") in (yours.text or "")
    # Beka's alert loses its Take button and says who took it.
    assert desk.fake.texts_to(TELEGRAM["beka"])[-1] == to_staff(
        "beka", "staff-taken-by", name="Ana Lomidze"
    )

    await desk.send(desk.fake.press(yours, to_staff("ana", "staff-call-back"), user=STAFF["ana"]))
    await desk.settle()
    call = await desk.twilio.wait_for_call(timeout=WAIT_S)
    assert (call.to, call.from_) == (PHONES["ana"], HOTLINE_NUMBER)
    # Twilio rings Ana and asks our server what to play her.
    url = (call.url or "").removeprefix("https://hotline.example.org")
    offer = Twiml.parse((await post_signed(desk.client, url, call_params(new_call_sid())))[1])
    # Ana speaks Russian first: the offer is in Russian and names the caller's language.
    assert offer.said("Обратный звонок с горячей линии. Язык: русский."), offer.spoken
    status, body = await post_signed(
        desk.client, offer.action(), call_params(new_call_sid(), Digits="1")
    )
    assert status == 200
    bridge = Twiml.parse(body)
    dial = bridge.root.find("Dial")
    assert dial is not None
    assert dial.get("callerId") == HOTLINE_NUMBER  # the caller sees the hotline's number
    assert "".join(dial.itertext()).strip() == CALLER

    await desk.send(desk.fake.press(yours, to_staff("ana", "staff-done"), user=STAFF["ana"]))
    await desk.settle()
    records = await escalations(desk.client.app[ENGINE])
    [task] = [r for r in records if r.kind == Kind.CALLBACK]
    assert (task.staff_id, task.outcome) == ("ana", Result.DONE)
    assert task.answered_at is not None
    assert task.answered_at - task.started_at == timedelta(hours=6, minutes=2)
    async with desk.client.app[ENGINE].connect() as conn:
        stored = (await conn.execute(select(CallbackTask))).one()
    assert stored.contact is None  # the number is deleted once the task is done
    assert stored.closed_at is not None


async def test_an_unacknowledged_alert_reaches_the_supervisor_and_stops_when_taken(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> None:
    clock = FixedClock(NIGHT)
    desk = await desk_app(
        aiohttp_client, database_url, tmp_path, clock, fake_telegram, twilio_for_app
    )
    await night_callback_request(desk)
    clock.now = DAY.replace(hour=5)
    assert await desk.tick() == 1  # on duty, at once
    clock.advance(minutes=5)
    assert await desk.tick() == 1  # nobody took it: again
    assert desk.fake.texts_to(TELEGRAM["ana"])[-1].startswith(
        to_staff("ana", "staff-still-waiting", minutes=365)  # it came in at 03:00
    )
    assert desk.to("nino") == []
    clock.advance(minutes=10)
    assert await desk.tick() == 1  # 15 minutes: the supervisor
    [to_nino] = await desk.wait_to("nino", 1, after=0)
    assert (to_nino.text or "").startswith(to_staff("nino", "staff-to-supervisor", minutes=375))
    await desk.send(desk.fake.press(to_nino, to_staff("nino", "staff-take"), user=STAFF["nino"]))
    await desk.settle()
    before = {s: len(desk.to(s)) for s in STAFF}
    clock.advance(hours=2)
    assert await desk.tick() == 0  # taken: nothing more fires
    assert {s: len(desk.to(s)) for s in STAFF} == before
    [task] = [r for r in await escalations(desk.client.app[ENGINE]) if r.kind == Kind.CALLBACK]
    assert (task.staff_id, task.stage) == ("nino", 2)
    assert task.attempts == 5  # ana and beka twice, then nino


async def test_a_restart_in_the_middle_resumes_the_timers_and_fires_none_twice(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> None:
    clock = FixedClock(NIGHT)
    first = await desk_app(
        aiohttp_client, database_url, tmp_path, clock, fake_telegram, twilio_for_app
    )
    await night_callback_request(first)
    clock.now = DAY.replace(hour=5)
    assert await first.tick() == 1
    await first.client.close()  # the server stops (a deploy, a crash after the commit)

    clock.advance(minutes=20)  # it was down through the reminder and the supervisor stage
    second = await desk_app(
        aiohttp_client, database_url, tmp_path, clock, fake_telegram, twilio_for_app
    )
    assert await second.tick() == 2  # both overdue stages, once each
    assert await second.tick() == 0
    assert len(second.to("ana")) == 2  # the first alert and one reminder
    assert len(second.to("nino")) == 1  # one supervisor alert


async def test_a_chat_case_is_taken_relayed_both_ways_and_closed(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> None:
    clock = FixedClock(DAY)
    desk = await desk_app(
        aiohttp_client, database_url, tmp_path, clock, fake_telegram, twilio_for_app
    )
    mother = TelegramUser(id=820_000_001, first_name="Manana", language_code="ru")
    chat = mother.id
    menu = await desk.reply(desk.fake.updates.command(mother, "start"), chat)
    option = CATALOG.format_attribute("ru", "chat-menu", "option-6")
    opened = await desk.reply(desk.fake.press(menu, str(option)), chat)
    assert opened.text == text("ru", "case-opened")

    early = "Сын выходит в пятницу, ему негде жить"
    await desk.send(desk.fake.updates.message(mother, early))  # kept until someone takes it
    assert await desk.tick() == 1
    [alert] = await desk.wait_to("ana", 1, after=0)
    assert alert.text == to_staff("ana", "staff-chat-case", channel="telegram", code="ru")
    assert "Manana" not in (alert.text or "")

    clock.advance(minutes=3)
    [beka_alert] = await desk.wait_to("beka", 1, after=0)
    await desk.send(desk.fake.press(beka_alert, to_staff("beka", "staff-take"), user=STAFF["beka"]))
    await desk.settle()
    assert desk.fake.texts_to(chat)[-1] == text("ru", "case-taken")
    to_beka = desk.fake.texts_to(TELEGRAM["beka"])
    assert to_beka[-2:] == [
        to_staff("beka", "staff-case-yours"),
        f"{to_staff('beka', 'staff-case-from')}\n{early}",
    ]

    await desk.send(
        desk.fake.updates.message(STAFF["beka"], "Здравствуйте! Давайте найдём ему жильё.")
    )
    await desk.settle()
    said = text("ru", "case-specialist-says")
    assert desk.fake.texts_to(chat)[-1] == f"{said}\nЗдравствуйте! Давайте найдём ему жильё."
    await desk.send(desk.fake.updates.message(mother, "Спасибо"))
    await desk.settle()
    assert (
        desk.fake.texts_to(TELEGRAM["beka"])[-1]
        == f"{to_staff('beka', 'staff-case-from')}\nСпасибо"
    )
    # Nobody's name or account crosses over: the bot writes each message anew.
    assert "Beka" not in "".join(desk.fake.texts_to(chat))
    assert "Manana" not in "".join(desk.fake.texts_to(TELEGRAM["beka"]))

    await desk.send(desk.fake.updates.command(STAFF["beka"], "close"))
    await desk.settle()
    assert desk.fake.texts_to(chat)[-1] == text("ru", "case-closed")
    assert desk.fake.texts_to(TELEGRAM["beka"])[-1] == to_staff("beka", "staff-case-closed")
    [record] = await escalations(desk.client.app[ENGINE])
    assert (record.kind, record.staff_id, record.outcome) == (Kind.CHAT, "beka", Result.DONE)
    assert record.answered_at is not None
    assert record.answered_at - record.started_at == timedelta(minutes=3)
    async with desk.client.app[ENGINE].connect() as conn:
        case = (await conn.execute(select(ChatCase))).one()
    assert (case.address, case.pending) == (None, [])
    # Her next message starts the menu again.
    again = await desk.reply(desk.fake.updates.message(mother, "привет"), chat)
    assert again.inline_keyboard != []


async def test_the_staff_group_still_reaches_the_desk_and_nobody_else_is_answered_there(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> None:
    staff_group = {"id": -1_009_000_000_001, "type": "supergroup", "title": "Hotline staff"}
    desk = await desk_app(
        aiohttp_client,
        database_url,
        tmp_path,
        FixedClock(DAY),
        fake_telegram,
        twilio_for_app,
        HOTLINE_STAFF_CHAT_ID=str(staff_group["id"]),
    )
    # Ana writes in the staff group: the desk answers her there (she has no open case).
    await desk.send(desk.fake.updates.message(STAFF["ana"], "Anyone waiting?", chat=staff_group))
    await desk.settle()
    no_case = to_staff("ana", "staff-no-case")
    assert desk.fake.texts_to(staff_group["id"]) == [no_case]

    # Someone not on the staff list: neither the family flow nor "write privately" there.
    visitor = TelegramUser(id=7999, first_name="Visitor", language_code="en")
    await desk.send(desk.fake.updates.command(visitor, "start", chat=staff_group))
    await desk.settle()
    assert desk.fake.texts_to(staff_group["id"]) == [no_case]
    assert [call.chat_id for call in desk.fake.calls_of("sendMessage")] == [staff_group["id"]]
