"""Check-ins by voice call, on SQLite and PostgreSQL: the dispatcher rings through the real
twilio client against the loopback fake; the call's webhooks are posted signed, as Twilio
posts them; what the person hears is read from the TwiML, what was recorded from the plan."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from hotline.app import ENGINE, ESCALATIONS, UNITS
from hotline.escalation.model import Kind
from hotline.flows.loader import load_builtin_flows
from hotline.flows.on_phone import on_phone
from hotline.reminders.plan import RowStatus
from hotline.reminders.ports import StoredMessage
from hotline.storage.models import PlannedMessageRow
from tests.conftest import AUTH_TOKEN, HOTLINE_NUMBER, PUBLIC_URL, post_signed, sign
from tests.fakes import FakeTelegram, fixtures
from tests.fakes.twilio_api import FakeTwilio, TwilioCall
from tests.staffing import TELEGRAM, escalations
from tests.test_dispatcher import CATALOG, NINO, PHONE, World, twilio, world
from tests.test_telegram import Bot
from tests.twiml import Twiml

fake_telegram = fixtures.fake_telegram
__all__ = ["fake_telegram", "twilio"]  # fixtures, used by name

ONE_CHECKIN = """\
campaign: two-steps
description: One check-in by a voice call, and the program's end.
defaults:
  time: "11:00"
  channels: [voice]
steps:
  - {id: checkin, offset: -3 months, to: participant, flow: checkin}
  - id: program-end
    offset: +1 month
    to: participant
    message: reminder-program-end
    last: true
"""
# Nino takes calls only; nobody else is in her plan.
BY_PHONE = {
    **{k: v for k, v in NINO.items() if not k.startswith("family1_")},
    "program": "two-steps",
    "channel": "voice",
    "consent": "voice",
}


async def kept(w: World, row_id: int) -> str | None:
    """The answer kept for a planned check-in."""
    query = select(PlannedMessageRow.answer).where(PlannedMessageRow.id == row_id)
    async with w.client.app[ENGINE].connect() as conn:
        return (await conn.execute(query)).scalar_one()


async def tasks(w: World) -> list[tuple[str, str | None]]:
    """(reason, assigned to) of every program task."""
    return [
        (r.reason, r.assigned_to)
        for r in await escalations(w.client.app[ENGINE])
        if r.kind == Kind.TASK
    ]


@pytest.fixture
async def calls(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio: FakeTwilio,
) -> World:
    """The world with a campaign of one check-in by a call."""
    return await world(aiohttp_client, database_url, tmp_path, fake_telegram, twilio, ONE_CHECKIN)


def spoken(language: str, message: str) -> str:
    return CATALOG.spoken(language, message).strip()


def answered(call: TwilioCall, answered_by: str, **extra: str) -> dict[str, str]:
    """The form Twilio posts to a placed call's URL once it is answered."""
    return {
        "CallSid": call.sid,
        "AccountSid": "AC" + "f" * 32,
        "From": call.from_,
        "To": call.to,
        "CallStatus": "in-progress",
        "Direction": "outbound-api",
        "ApiVersion": "2010-04-01",
        "AnsweredBy": answered_by,
        **extra,
    }


async def ring(w: World) -> tuple[TwilioCall, StoredMessage]:
    """Nino enrolled, the check-in due and sent: the one call placed, and its row."""
    await w.service.add(BY_PHONE)
    tally = await w.tick(hours=4, minutes=1)  # 11:01 in Tbilisi
    assert (tally.sent, tally.skipped) == (1, 0)
    [call] = w.twilio.calls_to(PHONE)
    return call, (await w.rows())["checkin/participant"]


async def pick_up(w: World, call: TwilioCall, answered_by: str) -> Twiml:
    assert call.url is not None
    status, body = await post_signed(
        w.client, call.url.removeprefix(PUBLIC_URL), answered(call, answered_by)
    )
    assert status == 200, body
    return Twiml.parse(body)


async def press(w: World, call: TwilioCall, answer: Twiml, digits: str) -> Twiml:
    form = answered(call, "human", Digits=digits)
    status, body = await post_signed(w.client, answer.action(), form)
    assert status == 200, body
    return Twiml.parse(body)


async def test_a_voice_only_checkin_places_one_call_with_machine_detection(calls: World) -> None:
    w = calls
    call, row = await ring(w)
    assert (call.from_, call.params["MachineDetection"]) == (HOTLINE_NUMBER, "Enable")
    # Both of Twilio's requests about the call name our row, and nothing else of Nino's.
    assert call.url == f"{PUBLIC_URL}/twilio/voice/outbound?row={row.id}&lang=en"
    assert call.status_callback == f"{PUBLIC_URL}/twilio/reminders/status?row={row.id}"
    assert (row.status, row.channel, row.provider_id) == (RowStatus.SENT, "voice", call.sid)
    assert w.twilio.messages == []
    assert (await w.tick(hours=1)).sent == 0
    assert len(w.twilio.calls) == 1


async def test_a_machine_hears_a_short_neutral_message_and_the_row_says_so(
    calls: World,
) -> None:
    w = calls
    call, row = await ring(w)
    answer = await pick_up(w, call, "machine_end_beep")
    assert answer.spoken == [spoken("en", "checkin-voicemail")]
    assert answer.verbs == ["Say", "Hangup"]
    for word in ("prison", "probation", "addiction", "release"):
        assert word not in answer.body.lower()
    # The call then ends; Twilio says it was completed, yet nobody answered the check-in.
    url, params = w.twilio.status_callback(call.sid, "completed", CallDuration="9")
    assert (await post_signed(w.client, url.removeprefix(PUBLIC_URL), params))[0] == 204
    [(stored, attempts)] = [(r, a) for r, a in await w.history() if r.id == row.id]
    assert (stored.status, stored.reason) == (RowStatus.FAILED, "answering machine")
    assert [(a.channel, a.outcome, a.detail) for a in attempts][:2] == [
        ("voice", "sent", None),
        ("voice", "no-answer", "answering machine"),
    ]
    # Three days on, the check-in counts as silent: a machine is no answer from the person.
    await w.tick(days=3, hours=1)
    assert await kept(w, row.id) == "silent"


async def test_a_call_nobody_picks_up_is_recorded_as_not_answered(calls: World) -> None:
    w = calls
    call, row = await ring(w)
    url, params = w.twilio.status_callback(call.sid, "no-answer")
    assert (await post_signed(w.client, url.removeprefix(PUBLIC_URL), params))[0] == 204
    [(stored, attempts)] = [(r, a) for r, a in await w.history() if r.id == row.id]
    assert stored.status is RowStatus.FAILED
    assert attempts[-1].outcome == "no-answer"


async def test_a_person_pressing_1_hears_that_it_is_good_to_hear(calls: World) -> None:
    w = calls
    call, row = await ring(w)
    question = await pick_up(w, call, "human")
    assert question.spoken == [spoken("en", "checkin-call-question")]
    assert question.said("If you are fine, press 1.")
    fine = await press(w, call, question, "1")
    assert fine.spoken == [spoken("en", "checkin-call-fine")]
    assert fine.verbs[-1] == "Hangup"
    assert await kept(w, row.id) == "fine"
    assert await tasks(w) == []
    # The call ends: delivered, and its conversation is closed in the call log.
    url, params = w.twilio.status_callback(call.sid, "completed", CallDuration="31")
    assert (await post_signed(w.client, url.removeprefix(PUBLIC_URL), params))[0] == 204
    assert (await w.rows())["checkin/participant"].status is RowStatus.DELIVERED
    async with w.client.app[UNITS]() as uow:
        session = await uow.sessions.load(call.sid)
    assert session is not None
    assert session.ended


async def test_pressing_4_is_the_stop_answer_told_once(calls: World) -> None:
    w = calls
    call, row = await ring(w)
    question = await pick_up(w, call, "unknown")  # not sure it is a machine: a person
    assert question.said("To stop these calls, press 4.")
    wrong = await press(w, call, question, "7")  # not a choice: said so, asked again
    assert wrong.spoken[0] == spoken("en", "menu-invalid")
    stopped = await press(w, call, wrong, "4")
    assert stopped.spoken == [spoken("en", "checkin-call-stopped")]
    # Twilio retries the same request: the same answer, and the answer is told once.
    again = await press(w, call, wrong, "4")
    assert again.body == stopped.body
    assert await kept(w, row.id) == "stop"
    assert await tasks(w) == [("stopped-messages", "ana")]


async def test_the_call_speaks_the_participants_language(calls: World) -> None:
    w = calls
    await w.service.add({**BY_PHONE, "language": "ru"})
    await w.tick(hours=4, minutes=1)
    [call] = w.twilio.calls_to(PHONE)
    question = await pick_up(w, call, "human")
    assert question.spoken == [spoken("ru", "checkin-call-question")]
    machine = await pick_up(w, call, "machine_start")  # Twilio asks again: the same answer
    assert machine.body == question.body


@pytest.mark.parametrize(
    "forgery", ["wrong token", "another row", "tampered AnsweredBy", "missing"]
)
async def test_a_forged_answer_gets_403_and_records_nothing(calls: World, forgery: str) -> None:
    w = calls
    call, _ = await ring(w)
    assert call.url is not None
    form = answered(call, "machine_start")
    headers = {
        "wrong token": {"X-Twilio-Signature": sign(call.url, form, token="not-" + AUTH_TOKEN)},
        "another row": {"X-Twilio-Signature": sign(call.url.replace("row=", "row=9"), form)},
        "tampered AnsweredBy": {
            "X-Twilio-Signature": sign(call.url, {**form, "AnsweredBy": "human"})
        },
        "missing": {},
    }[forgery]
    resp = await w.client.post(call.url.removeprefix(PUBLIC_URL), data=form, headers=headers)
    assert resp.status == 403
    assert (await w.rows())["checkin/participant"].status is RowStatus.SENT


@pytest.mark.parametrize(
    ("query", "extra", "error"),
    [
        ("", {}, "row"),
        ("?row=abc&lang=en", {}, "row"),
        ("?row=1&lang=en", {"CallSid": "not-a-sid"}, "CallSid"),
    ],
)
async def test_a_malformed_answer_gets_400(
    calls: World, query: str, extra: dict[str, str], error: str
) -> None:
    w = calls
    call, _ = await ring(w)
    form = {**answered(call, "human"), **extra}
    status, body = await post_signed(w.client, f"/twilio/voice/outbound{query}", form)
    assert status == 400
    assert error in body


async def test_no_phone_number_reaches_the_logs(
    calls: World, caplog: pytest.LogCaptureFixture
) -> None:
    w = calls
    caplog.set_level(logging.INFO)
    caplog.set_level(logging.DEBUG, logger="hotline")
    call, row = await ring(w)
    question = await pick_up(w, call, "human")
    await press(w, call, question, "2")
    url, params = w.twilio.status_callback(call.sid, "completed", CallDuration="20")
    await post_signed(w.client, url.removeprefix(PUBLIC_URL), params)
    assert f"row={row.id}" in (call.url or "")
    assert PHONE not in caplog.text
    assert not re.search(r"\+?995 ?555", caplog.text)


def test_the_checkin_flow_says_its_keys_on_a_call_and_shows_buttons_in_chat() -> None:
    chat = load_builtin_flows()["checkin"]
    call = on_phone(chat)
    assert call.nodes.keys() == chat.nodes.keys()  # the answers are the same nodes
    question, asked = chat.nodes["question"], call.nodes["question"]
    assert getattr(question, "prompt", None) == ("checkin-question",)
    assert getattr(asked, "prompt", None) == ("checkin-call-question",)
    assert getattr(asked, "options", None) == getattr(question, "options", None)
    assert CATALOG.format_attribute("en", "checkin-question", "option-4") is not None


async def test_pressing_3_on_a_sunday_tells_the_supervisor_at_once(calls: World) -> None:
    w = calls  # Sunday 11:00 in Tbilisi: nobody is on duty
    call, row = await ring(w)
    question = await pick_up(w, call, "human")
    help_now = await press(w, call, question, "3")
    assert help_now.spoken[:2] == [
        spoken("en", "checkin-help-now"),
        spoken("en", "checkin-help-later"),
    ]
    assert await kept(w, row.id) == "help-now"
    assert await tasks(w) == [("needs-help-now", "ana")]
    # Urgent: with nobody on duty, the supervisor is alerted at the next tick, not Monday.
    assert await w.client.app[ESCALATIONS].tick() == 1
    bot = Bot(w.client, w.telegram, w.hotline.settings)
    await bot.settle()
    assert any("TB-2027-014" in t for t in w.telegram.texts_to(TELEGRAM["nino"]))
