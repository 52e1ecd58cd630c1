"""Check-ins answered, and not answered, end to end on SQLite and PostgreSQL: the dispatcher
opens the check-in's conversation, the person answers on SMS (through the real twilio
webhook) or with a Telegram button (through the real PTB client), and the answer is acted
on: help now reaches the staff on duty, "talk" is a task for the specialist, "stop" ends
that person's messages and only theirs, and two silent check-ins in a row are a task."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from hotline.app import ENGINE, ESCALATIONS, UNITS
from hotline.escalation.model import Kind
from hotline.housekeeping import sweep
from hotline.reminders.campaign import Channel
from hotline.reminders.plan import RowStatus
from hotline.storage.models import PlannedMessageRow
from tests.conftest import post_signed
from tests.fakes import FakeTelegram, fixtures
from tests.fakes.twilio_api import FakeTwilio
from tests.staffing import TELEGRAM, escalations
from tests.test_dispatcher import CHAT, MOTHER_PHONE, NINO, PHONE, World, text, twilio, world
from tests.test_sms import sms_params
from tests.test_telegram import Bot, label

fake_telegram = fixtures.fake_telegram
__all__ = ["fake_telegram", "twilio"]  # fixtures

CHECKINS = """\
campaign: two-steps
description: Three weekly check-ins before release, and a note to the family.
defaults:
  time: "11:00"
  channels: [telegram, sms]
steps:
  - {id: checkin-1, offset: -3 months, to: participant, flow: checkin}
  - {id: checkin-2, offset: -12 weeks, to: participant, flow: checkin}
  - {id: family-note, offset: -12 weeks, to: family, message: reminder-family-intro}
  - {id: checkin-3, offset: -11 weeks, to: participant, flow: checkin}
  - {id: program-end, offset: +1 month, to: participant, message: reminder-program-end, last: true}
"""
# Released on 23 February: the check-ins come on 23 November (a Monday), 1 and 8 December
# (Tuesdays) at 11:00 in Tbilisi (07:00 UTC), while Ana and Beka are on duty.
PERSON = {**NINO, "program": "two-steps", "release": "2027-02-23"}
CASE = "TB-2027-014"
PLANNED = RowStatus.PLANNED


@pytest.fixture
async def w(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio: FakeTwilio,
) -> World:
    return await world(aiohttp_client, database_url, tmp_path, fake_telegram, twilio, CHECKINS)


async def sms(w: World, body: str, sender: str = PHONE) -> str:
    """Text the hotline; what it answers, as one text."""
    status, answer = await post_signed(w.client, "/twilio/sms", sms_params(body, sender))
    assert status == 200, answer
    root = ET.fromstring(answer)  # noqa: S314 - our own answer
    return " ".join(" ".join((m.text or "") for m in root.iter("Message")).split())


def flat(value: str) -> str:
    return " ".join(value.split())


async def answers(w: World) -> dict[str, str | None]:
    """Each check-in step's answer, as kept."""
    async with w.client.app[UNITS]() as uow:
        history = await uow.plan.history(CASE)
    rows = {row.message.step: row.id for row, _ in history if row.message.flow}
    kept: dict[str, str | None] = {}
    async with w.client.app[ENGINE].connect() as conn:
        for step, row_id in rows.items():
            query = select(PlannedMessageRow.answer).where(PlannedMessageRow.id == row_id)
            kept[step] = (await conn.execute(query)).scalar_one()
    return kept


async def tasks(w: World) -> list[tuple[str, str | None]]:
    """(reason, assigned to) of every program task."""
    return [
        (r.reason, r.assigned_to)
        for r in await escalations(w.client.app[ENGINE])
        if r.kind == Kind.TASK
    ]


async def test_a_check_in_answered_3_by_sms_alerts_the_staff_on_duty(w: World) -> None:
    await w.service.add(PERSON)
    tally = await w.tick(hours=28, minutes=1)  # Monday 11:01 in Tbilisi
    assert tally.sent == 1
    [question] = w.twilio.messages_to(PHONE)
    assert question.body.startswith(text("en", "checkin-question"))
    assert f"3 - {label('en', 'checkin-question', '3')}" in question.body
    answer = await sms(w, "3")
    assert flat(text("en", "checkin-help-now")) in answer
    assert flat(text("en", "case-opened")) in answer
    # The same chain as any chat: Ana, on duty and speaking English, is alerted at once.
    await w.client.app[ESCALATIONS].tick()
    bot = Bot(w.client, w.telegram, w.hotline.settings)
    await bot.settle()
    assert any("SMS" in t for t in w.telegram.texts_to(TELEGRAM["ana"]))
    cases = [r for r in await escalations(w.client.app[ENGINE]) if r.kind == Kind.CHAT]
    assert [(c.reason, c.channel) for c in cases] == [("checkin-help", "sms")]
    # And Nino's own specialist has it on her list; nothing names the person.
    assert await tasks(w) == [("needs-help-now", "ana")]
    assert (await answers(w))["checkin-1"] == "help-now"
    assert PHONE not in repr(w.telegram.calls)


async def test_a_button_on_telegram_asks_for_a_talk_and_the_specialist_gets_a_task(
    w: World,
) -> None:
    await w.service.add({**PERSON, "consent": "sms,telegram"})
    await w.link_telegram(CASE, CHAT)
    await w.tick(hours=28, minutes=1)
    [question] = w.telegram.messages_to(CHAT)
    # Her first message from us: it ends, above its buttons, with how to stop.
    stop = text("en", "first-message-stop-telegram")
    assert question.text == f"{text('en', 'checkin-question')}\n{stop}"
    bot = Bot(w.client, w.telegram, w.hotline.settings)
    talk = label("en", "checkin-question", "2")
    reply = await bot.reply(w.telegram.press(question, talk), CHAT)
    assert reply.text == text("en", "checkin-talk")
    assert await tasks(w) == [("wants-to-talk", "ana")]
    assert (await answers(w))["checkin-1"] == "talk"
    # Its buttons are gone; a press that was on its way moves nothing, opens no second task.
    assert question.message is not None
    assert not (w.telegram.message(CHAT, question.message["message_id"]) or {}).get("reply_markup")
    await bot.send(w.telegram.updates.callback_query(CHAT, question.message, "1:3"))
    await bot.settle()
    assert await tasks(w) == [("wants-to-talk", "ana")]
    assert w.twilio.messages_to(PHONE) == []  # Telegram took it: no SMS as well


async def test_stop_ends_that_persons_messages_and_only_theirs(w: World) -> None:
    await w.service.add(PERSON)
    await w.tick(hours=28, minutes=1)
    assert flat(await sms(w, "4")) == flat(text("en", "checkin-stopped"))
    assert await tasks(w) == [("stopped-messages", "ana")]
    rows = await w.rows(CASE)
    # Her steps stay in the plan, with no channel left to go on (recorded as skipped when
    # due); her mother's keep theirs.
    ahead = [r for k, r in rows.items() if k.endswith("/participant") and r.status is PLANNED]
    assert len(ahead) == 3
    assert {r.message.channels for r in ahead} == {()}
    assert rows["family-note/family"].message.channels == (Channel.SMS,)
    # On 1 December only her mother hears from the program.
    await w.tick(days=8)
    assert [m.to for m in w.twilio.messages[1:]] == [MOTHER_PHONE]
    assert (await answers(w))["checkin-1"] == "stop"


async def test_two_silent_check_ins_are_a_task_and_a_late_answer_still_counts(w: World) -> None:
    await w.service.add(PERSON)
    await w.tick(hours=28, minutes=1)  # check-in 1 goes out
    assert (await w.tick(days=3, minutes=1)).tasks == 0  # silent once: nothing yet
    assert (await answers(w))["checkin-1"] == "silent"
    await w.tick(days=5)  # check-in 2 goes out, on 1 December
    assert len(w.twilio.messages_to(PHONE)) == 2
    assert (await w.tick(days=3, minutes=1)).tasks == 1  # silent twice: Ana is told
    assert await tasks(w) == [("no-answers", "ana")]
    # Nino answers that second one days later, after the conversation was closed as idle.
    await sweep(w.client.app[UNITS], w.clock())
    assert flat(await sms(w, "1")) == flat(text("en", "checkin-fine"))
    assert (await answers(w))["checkin-2"] == "fine"
    # Something that is not an answer starts the hotline's menu as always.
    await sweep(w.client.app[UNITS], w.clock())
    w.clock.advance(hours=3)
    await sweep(w.client.app[UNITS], w.clock())
    assert flat(text("en", "checkin-fine")) not in await sms(w, "hello")
    # Check-in 3 unanswered: the streak was broken, so no second task.
    await w.tick(days=4)
    assert (await w.tick(days=3, minutes=1)).tasks == 0
    assert await tasks(w) == [("no-answers", "ana")]
    assert await answers(w) == {"checkin-1": "silent", "checkin-2": "fine", "checkin-3": "silent"}


EFFECTS = {  # answer: (what the person reads, the task their specialist gets)
    "1": ("checkin-fine", None),
    "2": ("checkin-talk", "wants-to-talk"),
    "3": ("checkin-help-now", "needs-help-now"),
    "4": ("checkin-stopped", "stopped-messages"),
}
KEPT = {"1": "fine", "2": "talk", "3": "help-now", "4": "stop"}


@pytest.mark.parametrize("key", sorted(EFFECTS))
@pytest.mark.parametrize("channel", ["sms", "telegram"])
async def test_every_answer_on_every_chat_channel_is_kept_and_acted_on(
    w: World, channel: str, key: str
) -> None:
    consent = "sms,telegram" if channel == "telegram" else "sms"
    await w.service.add({**PERSON, "consent": consent})
    if channel == "telegram":
        await w.link_telegram(CASE, CHAT)
    await w.tick(hours=28, minutes=1)
    said, task = EFFECTS[key]
    if channel == "sms":
        reply = await sms(w, key)
    else:
        [question] = w.telegram.messages_to(CHAT)
        bot = Bot(w.client, w.telegram, w.hotline.settings)
        await bot.send(w.telegram.press(question, label("en", "checkin-question", key)))
        await bot.settle()
        reply = flat(" ".join(w.telegram.texts_to(CHAT)[1:]))
    assert flat(text("en", said)) in reply
    assert (await answers(w))["checkin-1"] == KEPT[key]
    assert await tasks(w) == ([(task, "ana")] if task else [])
