"""The durable dispatcher end to end on SQLite and PostgreSQL: participants enrolled through
the service, their plan as rows, and the dispatcher's ticks under a test clock sending
through the real twilio and PTB clients to the loopback fakes."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from hotline.app import ENGINE, ESCALATIONS, HOTLINE, TELEGRAM_CHANNEL, UNITS
from hotline.bootstrap import Hotline
from hotline.catalog import Catalog
from hotline.escalation.model import Kind, Result
from hotline.escalation.roster import LANGUAGES
from hotline.participants.enrolment import invite, redeem
from hotline.participants.fields import Rules
from hotline.participants.service import ParticipantService
from hotline.privacy import pseudonym
from hotline.reminders.dispatcher import Tally
from hotline.reminders.loader import load_campaigns
from hotline.reminders.plan import RowStatus
from hotline.reminders.ports import Attempt, StoredMessage
from hotline.reminders.replanning import fresh_plan
from tests.conftest import (
    AUTH_TOKEN,
    HOTLINE_NUMBER,
    PSEUDONYM_KEY,
    AppClient,
    FixedClock,
    make_settings,
    post_signed,
    start_app,
)
from tests.fakes import FakeTelegram, TelegramLimits, TelegramUser, fixtures
from tests.fakes.twilio_api import FakeTwilio, TwilioFault
from tests.staffing import DAY, TELEGRAM, escalations, staff_the_hotline
from tests.test_participants import everything_stored
from tests.test_telegram import SECRET, Bot

fake_telegram = fixtures.fake_telegram

CATALOG = Catalog()
ACCOUNT_SID = "AC" + "f" * 32
ENROLLED = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)  # 07:00 in Tbilisi
PHONE = "+995555123456"
MOTHER_PHONE = "+995555765432"
CHAT = 700_100_200
# Released 3 months on: the information of "3 months before" is due today at 11:00 Tbilisi
# (07:00 UTC), the specialist's task at 09:30.
NINO = {
    "case": "tb-2027-014",
    "program": "georgia-two-year",
    "release": "2027-02-22",
    "timezone": "Asia/Tbilisi",
    "language": "en",
    "specialist": "ana",
    "channel": "sms",
    "phone": PHONE,
    "consent": "sms",
    "family1_name": "Tamar",
    "family1_channel": "sms",
    "family1_language": "ru",
    "family1_phone": MOTHER_PHONE,
    "family1_consent": "sms",
}
DUE = datetime(2026, 11, 22, 7, 0, tzinfo=UTC)
TWO_STEPS = """\
campaign: two-steps
description: Two messages one hour apart, to test the gap.
defaults:
  time: "11:00"
  channels: [sms, telegram]
steps:
  - {id: first, offset: -3 months, to: participant, message: reminder-ahead-intro}
  - {id: second, offset: -3 months, time: "12:00", to: participant, message: reminder-ahead-needs}
  - id: program-end
    offset: +1 month
    to: participant
    message: reminder-program-end
    last: true
"""


@pytest.fixture
async def twilio(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeTwilio]:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    async with FakeTwilio(ACCOUNT_SID, AUTH_TOKEN) as fake:
        yield fake


@dataclass
class World:
    """The app with SMS and Telegram on, the participants service and the clock."""

    client: AppClient
    telegram: FakeTelegram
    twilio: FakeTwilio
    clock: FixedClock
    service: ParticipantService

    @property
    def hotline(self) -> Hotline:
        return self.client.app[HOTLINE]

    async def tick(self, **advance: float) -> Tally:
        self.clock.advance(**advance)
        tally = await self.hotline.dispatcher.tick()
        assert await self.client.app[TELEGRAM_CHANNEL].outbox.drain(5.0)
        return tally

    async def history(self, case: str = "TB-2027-014") -> list[tuple[StoredMessage, list[Attempt]]]:
        async with self.client.app[UNITS]() as uow:
            return await uow.plan.history(case)

    async def rows(self, case: str = "TB-2027-014") -> dict[str, StoredMessage]:
        """The live row of each step and recipient kind, by "step/kind"."""
        return {
            f"{row.message.step}/{row.message.recipient_kind}": row
            for row, _ in await self.history(case)
            if row.status is not RowStatus.CANCELLED
        }

    async def link_telegram(self, case: str, chat: int) -> None:
        invitation = await invite(self.client.app[UNITS], case, now=self.clock())
        async with self.client.app[UNITS]() as uow:
            assert await redeem(uow, invitation.token, chat, self.clock(), self.service.campaigns)


async def world(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio: FakeTwilio,
    campaigns: str | None = None,
) -> World:
    env: dict[str, str] = {}
    if campaigns is not None:
        folder = tmp_path / "campaigns"
        folder.mkdir()
        (folder / "two-steps.yaml").write_text(campaigns, encoding="utf-8")
        env["HOTLINE_CAMPAIGNS_DIR"] = str(folder)
    settings = make_settings(
        tmp_path,
        database_url,
        HOTLINE_LANGUAGES="en,ru",
        HOTLINE_TELEGRAM_TOKEN=fake_telegram.token,
        HOTLINE_TELEGRAM_WEBHOOK_SECRET=SECRET,
        HOTLINE_TELEGRAM_API_URL=f"http://127.0.0.1:{fake_telegram.port}",
        HOTLINE_TWILIO_ACCOUNT_SID=ACCOUNT_SID,
        HOTLINE_TWILIO_API_URL=twilio.base_url,
        HOTLINE_PHONE_NUMBER=HOTLINE_NUMBER,
        **env,
    )
    await staff_the_hotline(settings)
    clock = FixedClock(ENROLLED)
    client = await start_app(aiohttp_client, settings, clock)
    client.app[HOTLINE].scheduler.remove_job("reminders")  # the test ticks by hand
    fake_telegram.limits = TelegramLimits(per_chat_period=0.01)
    client.app[TELEGRAM_CHANNEL].outbox.interval = 0.01
    campaign_set = client.app[HOTLINE].core.campaigns
    service = ParticipantService(client.app[UNITS], Rules(LANGUAGES), clock, campaign_set)
    return World(client, fake_telegram, twilio, clock, service)


@pytest.fixture
async def w(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio: FakeTwilio,
) -> World:
    return await world(aiohttp_client, database_url, tmp_path, fake_telegram, twilio)


@pytest.fixture
async def two_steps(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio: FakeTwilio,
) -> World:
    """The world with a deployment's campaign of two steps an hour apart."""
    return await world(aiohttp_client, database_url, tmp_path, fake_telegram, twilio, TWO_STEPS)


def text(language: str, message: str) -> str:
    return CATALOG.format(language, message).strip()


def first(language: str, message: str, channel: str = "sms") -> str:
    """The text of the first message a person gets: it ends with how to stop them."""
    return f"{text(language, message)}\n{text(language, f'first-message-stop-{channel}')}"


async def test_enrolment_plans_the_whole_program_and_changes_replan_it(w: World) -> None:
    nino = await w.service.add(NINO)
    rows = await w.rows()
    # Every participant step once, each family step once for the one relative, the tasks.
    assert {row.message.campaign for row in rows.values()} == {"georgia-two-year"}
    assert "ahead-3-months/participant" in rows
    assert "family-3-months/family" in rows
    assert "plan-meeting/specialist-task" in rows
    # The whole program: every message of the campaign is planned (all lie ahead).
    assert len(rows) == len(fresh_plan(nino, load_campaigns()))
    assert rows["ahead-3-months/participant"].message.due_at == DUE
    # A release moved a week later: the future is planned anew from the new date.
    await w.service.set_release("TB-2027-014", "2027-03-01")
    moved = await w.rows()
    assert moved["ahead-3-months/participant"].message.due_at == datetime(
        2026, 12, 1, 7, 0, tzinfo=UTC
    )
    assert len(moved) == len(rows)
    # Withdrawn: nothing planned is left.
    await w.service.withdraw("TB-2027-014")
    assert await w.rows() == {}


async def test_each_due_message_goes_out_once_through_twilio(w: World) -> None:
    await w.service.add(NINO)
    assert (await w.tick(hours=1)).sent == 0  # 08:00 in Tbilisi: nothing is due yet
    tally = await w.tick(hours=3, minutes=1)  # 11:01 in Tbilisi
    assert tally.sent == 2  # Nino and her mother, each in their language
    [to_nino] = [m for m in w.twilio.messages if m.to == PHONE]
    [to_mother] = [m for m in w.twilio.messages if m.to == MOTHER_PHONE]
    assert to_nino.body == first("en", "reminder-ahead-intro")
    assert to_mother.body == first("ru", "reminder-family-intro")
    assert to_nino.from_ == HOTLINE_NUMBER
    # Ticks later send nothing again.
    assert (await w.tick(minutes=1)).sent == 0
    assert (await w.tick(hours=5)).sent == 0
    assert len(w.twilio.messages) == 2
    row = (await w.rows())["ahead-3-months/participant"]
    assert (row.status, row.channel, row.provider_id) == (RowStatus.SENT, "sms", to_nino.sid)
    # Twilio reports delivery to the URL that names our row.
    url, params = w.twilio.status_callback(to_nino.sid, "delivered")
    path = url.removeprefix(w.hotline.settings.public_url)
    assert path == f"/twilio/reminders/status?row={row.id}"
    status, _ = await post_signed(w.client, path, params)
    assert status == 204
    assert (await w.rows())["ahead-3-months/participant"].status is RowStatus.DELIVERED


async def test_telegram_first_when_the_chat_is_linked(w: World) -> None:
    await w.service.add({**NINO, "consent": "sms,telegram"})
    await w.link_telegram("TB-2027-014", CHAT)
    await w.tick(hours=4, minutes=1)
    assert w.telegram.texts_to(CHAT) == [first("en", "reminder-ahead-intro", "telegram")]
    assert [m.to for m in w.twilio.messages] == [MOTHER_PHONE]


async def test_quiet_hours_wait_and_a_message_late_by_more_than_two_days_is_skipped(
    w: World,
) -> None:
    await w.service.add(NINO)
    # The server was down from before 11:00 until 21:00 in Tbilisi: it waits for 09:00.
    tally = await w.tick(hours=14)
    assert (tally.sent, tally.waited) == (0, 2)
    assert (await w.tick(hours=11, minutes=59)).sent == 0  # 08:59 the next morning
    assert (await w.tick(minutes=1)).sent == 2  # 09:00, a day late: inside the catch-up
    # The next step, a month on, comes after downtime of three days: skipped, and why.
    await w.service.set_release("TB-2027-014", "2027-01-23")  # steps due 2026-12-23
    w.clock.now = datetime(2026, 12, 26, 7, 0, tzinfo=UTC)
    tally = await w.tick()
    assert tally.sent == 0
    rows = await w.rows()
    late = rows["ahead-1-month/participant"]
    assert late.status is RowStatus.SKIPPED
    assert late.reason == "past due beyond the catch-up window"


async def test_two_messages_to_one_person_keep_four_hours_apart(two_steps: World) -> None:
    w = two_steps
    await w.service.add({**NINO, "program": "two-steps"})
    assert (await w.tick(hours=4, minutes=1)).sent == 1  # 11:01
    assert (await w.tick(hours=1)).sent == 0  # 12:01: the second waits for 15:01
    assert (await w.tick(hours=2, minutes=59)).sent == 0
    assert (await w.tick(minutes=1)).sent == 1
    assert [m.body for m in w.twilio.messages if m.to == PHONE] == [
        first("en", "reminder-ahead-intro"),
        text("en", "reminder-ahead-needs"),
    ]


async def test_an_invalid_number_falls_back_to_telegram(two_steps: World) -> None:
    w = two_steps
    await w.service.add({**NINO, "program": "two-steps", "consent": "sms,telegram"})
    await w.link_telegram("TB-2027-014", CHAT)
    w.twilio.refuse(PHONE, 21211)
    assert (await w.tick(hours=4, minutes=1)).sent == 1
    # Nothing reached her by SMS: the message on Telegram is her first.
    assert w.telegram.texts_to(CHAT) == [first("en", "reminder-ahead-intro", "telegram")]
    [(row, attempts)] = [
        (row, attempts)
        for row, attempts in await w.history()
        if row.message.step == "first" and row.status is not RowStatus.CANCELLED
    ]
    assert (row.status, row.channel) == (RowStatus.SENT, "telegram")
    assert [(a.channel, a.outcome) for a in attempts] == [("sms", "error"), ("telegram", "sent")]
    assert "21211" in (attempts[0].detail or "")


async def test_opted_out_at_the_carrier_stops_sms_to_that_number(two_steps: World) -> None:
    w = two_steps
    await w.service.add({**NINO, "program": "two-steps"})
    w.twilio.refuse(PHONE, 21610)
    tally = await w.tick(hours=4, minutes=1)
    assert (tally.sent, tally.failed) == (0, 1)
    tries = len(w.twilio.requests)
    # The second step finds SMS closed to this number: no request reaches Twilio again.
    tally = await w.tick(hours=4)
    assert tally.sent == 0
    assert len(w.twilio.requests) == tries
    rows = await w.rows()
    assert rows["first/participant"].status is RowStatus.FAILED
    assert "21610" in (rows["first/participant"].reason or "")
    assert rows["second/participant"].status is RowStatus.SKIPPED
    async with w.client.app[UNITS]() as uow:
        assert await uow.chats.opted_out(pseudonym(PHONE, PSEUDONYM_KEY.encode()) or "")
    # Her specialist is told, as a task of their own on the desk.
    [told] = [r for r in await escalations(w.client.app[ENGINE]) if r.kind == Kind.TASK]
    assert (told.reason, told.assigned_to) == ("sms-opted-out", "ana")


async def test_a_stop_in_the_middle_of_sending_neither_loses_nor_doubles_an_sms(w: World) -> None:
    await w.service.add(NINO)
    w.clock.advance(hours=4, minutes=1)
    # Twilio is slow, and the first request fails with a 503: one of the two never reaches
    # Twilio, the other does; the dispatcher stops before it learns either outcome.
    w.twilio.latency_s = 0.3
    w.twilio.faults.append(TwilioFault("Messages", "POST", 503, 20500, "Unavailable", 1))
    ticking = asyncio.create_task(w.hotline.dispatcher.tick())
    await w.twilio.wait_for_request(lambda r: r.resource == "Messages", timeout=5)
    ticking.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await ticking
    await w.twilio.wait_for_request(lambda r: r.resource == "Messages", after=1, timeout=5)
    w.twilio.latency_s = 0.0
    assert len(w.twilio.messages) == 1
    rows = await w.rows()
    assert {rows[k].status for k in ("ahead-3-months/participant", "family-3-months/family")} == {
        RowStatus.SENDING
    }
    # Nothing is settled before the time a send may take; then Twilio is asked.
    assert (await w.tick(minutes=5)).reconciled == 0
    tally = await w.tick(minutes=6)
    assert tally.reconciled == 2
    assert sorted(m.to for m in w.twilio.messages) == sorted([PHONE, MOTHER_PHONE])
    rows = await w.rows()
    assert {rows[k].status for k in ("ahead-3-months/participant", "family-3-months/family")} == {
        RowStatus.SENT
    }
    assert {r.provider_id for r in rows.values() if r.channel == "sms"} == {
        m.sid for m in w.twilio.messages
    }
    assert (await w.tick(hours=1)).sent == 0
    assert len(w.twilio.messages) == 2


async def test_a_program_task_reaches_the_participants_specialist_with_take_and_done(
    w: World,
) -> None:
    await w.service.add(NINO)  # Ana is Nino's specialist
    tally = await w.tick(hours=2, minutes=31)  # 09:31 in Tbilisi, a Sunday
    assert tally.tasks == 1
    assert (await w.rows())["plan-meeting/specialist-task"].status is RowStatus.SENT
    w.clock.now = DAY.replace(hour=5)  # Monday 09:00 in Tbilisi: the shift begins
    assert await w.client.app[ESCALATIONS].tick() == 1
    bot = Bot(w.client, w.telegram, w.hotline.settings)
    await bot.settle()
    [alert] = w.telegram.messages_to(TELEGRAM["ana"])
    # Ana reads Russian first; the task names the case, never a name or a number.
    assert alert.text == CATALOG.format(
        "ru", "staff-program-task", {"case": "TB-2027-014", "task": "plan-meeting"}
    )
    assert PHONE not in repr(w.telegram.calls)
    # Only Ana: the others on duty are not told while it is hers.
    assert w.telegram.messages_to(TELEGRAM["beka"]) == []
    ana = TelegramUser(id=TELEGRAM["ana"], first_name="Ana", language_code="ru")
    await bot.send(w.telegram.press(alert, text("ru", "staff-take"), user=ana))
    await bot.settle()
    yours = w.telegram.messages_to(TELEGRAM["ana"])[-1]
    assert text("ru", "staff-taken-by-you") in (yours.text or "")
    await bot.send(w.telegram.press(yours, text("ru", "staff-done"), user=ana))
    await bot.settle()
    assert w.telegram.texts_to(TELEGRAM["ana"])[-1] == text("ru", "staff-program-task-done")
    [task] = [r for r in await escalations(w.client.app[ENGINE]) if r.kind == Kind.TASK]
    assert (task.staff_id, task.outcome, task.assigned_to) == ("ana", Result.DONE, "ana")


async def test_provider_errors_are_retried_with_backoff_then_given_up(two_steps: World) -> None:
    w = two_steps
    await w.service.add({**NINO, "program": "two-steps"})
    w.twilio.faults.append(TwilioFault("Messages", "POST", 503, 20500, "Unavailable", 2))
    tally = await w.tick(hours=4, minutes=1)
    assert (tally.sent, tally.retried) == (0, 1)
    assert (await w.tick(seconds=59)).sent == 0  # the first retry waits a minute
    assert (await w.tick(seconds=1)).retried == 1  # then fails again: two minutes now
    assert (await w.tick(minutes=2)).sent == 1
    [(row, attempts)] = [
        (row, attempts) for row, attempts in await w.history() if row.message.step == "first"
    ]
    assert (row.status, row.attempts) == (RowStatus.SENT, 3)
    assert [a.outcome for a in attempts] == ["error", "error", "sent"]
    # A provider that keeps failing: given up after five attempts, and recorded so.
    w.twilio.faults.append(TwilioFault("Messages", "POST", 503, 20500, "Unavailable", 99))
    await w.tick(hours=4)  # the second step, after the gap
    for minutes in (1, 2, 4, 8):
        await w.tick(minutes=minutes)
    second = (await w.rows())["second/participant"]
    assert (second.status, second.attempts) == (RowStatus.FAILED, 5)
    assert "retry (20500)" in (second.reason or "")


async def test_no_contact_reaches_a_log_or_a_plain_column(
    w: World, caplog: pytest.LogCaptureFixture
) -> None:
    # Our own logs at every level; the libraries' at the server's (at DEBUG, PTB logs each
    # request's fields, which `hotline serve` keeps out).
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.DEBUG, logger="hotline")
    await w.service.add({**NINO, "consent": "sms,telegram"})
    await w.link_telegram("TB-2027-014", CHAT)
    w.twilio.refuse(MOTHER_PHONE, 21610)
    await w.tick(hours=4, minutes=1)
    assert w.telegram.texts_to(CHAT)  # something was sent, and something refused
    stored = await everything_stored(w.client.app[ENGINE])
    for secret in (PHONE, MOTHER_PHONE, str(CHAT), "Tamar"):
        assert secret not in stored
        assert secret not in caplog.text
    assert not re.search(r"\+?995 ?555", caplog.text)


async def test_batches_side_by_side_keep_the_gap_between_two_steps_due_together(
    two_steps: World,
) -> None:
    w = two_steps
    await w.service.add({**NINO, "program": "two-steps"})
    # Both steps due by 12:01, one row a batch, three batches at once: one message only.
    dispatcher = w.hotline.dispatcher
    dispatcher.config = replace(dispatcher.config, batch=1, in_flight=3)
    tally = await w.tick(hours=5, minutes=1)
    assert (tally.sent, tally.waited) == (1, 1)
    assert len([m for m in w.twilio.messages if m.to == PHONE]) == 1
