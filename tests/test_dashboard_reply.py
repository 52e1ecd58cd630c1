"""Replying on Now: a specialist who took a written question or a chat case on the web writes
to the person there (who gets it with "Specialist:", by SMS or Telegram), sees the person's
answers on their own Now item (escaped), and nobody else sees the texts; Done deletes them.
Through HTTP and the fake Twilio and Telegram APIs, on both databases."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape
from sqlalchemy import select

from hotline.app import ENGINE
from hotline.catalog import Catalog
from hotline.crypto import DataCipher
from hotline.escalation.model import EscalationRow, Kind
from hotline.storage.case_tables import CaseMessage
from tests.conftest import FixedClock, post_signed
from tests.dashboard import Browser, readers_in_english
from tests.fakes import FakeTelegram, TelegramUser, fixtures
from tests.fakes.twilio_api import FakeTwilio
from tests.staffing import DAY, TELEGRAM, escalations
from tests.test_escalation_desk import STAFF, Desk, desk_app, to_staff, twilio_for_app
from tests.test_questions import leave_question
from tests.test_sms import sms_params

fake_telegram = fixtures.fake_telegram
__all__ = ["twilio_for_app"]  # a fixture these tests use

CATALOG = Catalog()
MOTHER_SMS = "+995599112233"
MOTHER = TelegramUser(id=830_000_002, first_name="Tamara", language_code="ru")
QUESTION = "Сын выходит 12 марта. Может ли он сразу встать на учёт в центре занятости?"
ANSWER = "Да, может. Возьмите справку об освобождении."
EVIL = "<script>alert('x')</script> Спасибо & до свидания"


def en(message: str, **args: str | int) -> str:
    """A dashboard text in English, as the page shows it (escaped)."""
    return str(escape(CATALOG.format("en", message, args)))


async def reply_app(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio: FakeTwilio,
) -> Desk:
    """The app with Telegram and Twilio's REST API on, and Ana, Beka and Nino able to sign
    in to the dashboard (read in English)."""
    desk = await desk_app(
        aiohttp_client, database_url, tmp_path, FixedClock(DAY), fake_telegram, twilio
    )
    await readers_in_english(desk.client, "ana", "beka", "nino")
    return desk


@pytest.fixture
async def desk(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> Desk:
    return await reply_app(aiohttp_client, database_url, tmp_path, fake_telegram, twilio_for_app)


async def signed_in(desk: Desk, staff_id: str) -> Browser:
    browser = Browser(desk.client)
    assert await browser.sign_in(staff_id) == 303
    return browser


def item(body: str, escalation_id: str) -> str:
    """One item of the queue, as HTML ("" if it is not listed)."""
    found = re.search(
        rf'<li class="item[^"]*" id="work-{escalation_id}">(.*?)\n  </li>', body, re.S
    )
    return found.group(1) if found else ""


async def sms_question(desk: Desk) -> EscalationRow:
    """A mother asks a question by SMS (in Russian)."""
    for body in ("Здравствуйте", "7", QUESTION):
        await sms(desk, body)
    [question] = [r for r in await escalations(desk.client.app[ENGINE]) if r.kind == Kind.QUESTION]
    return question


async def sms(desk: Desk, body: str) -> None:
    status, answer = await post_signed(
        desk.client, "/twilio/sms", sms_params(body, sender=MOTHER_SMS)
    )
    assert status == 200, answer
    await desk.settle()


async def kept(desk: Desk) -> list[Any]:
    """The case messages as the database holds them."""
    async with desk.client.app[ENGINE].connect() as conn:
        return list((await conn.execute(select(CaseMessage))).all())


async def write(browser: Browser, escalation_id: str, text: str) -> tuple[int, str]:
    status, body, _ = await browser.post(
        f"/staff/now/{escalation_id}/write", {"csrf": await browser.csrf(), "text": text}
    )
    return status, body


async def test_an_sms_question_is_answered_on_the_web_and_the_answer_comes_back_there(
    desk: Desk,
) -> None:
    question = await sms_question(desk)
    ana = await signed_in(desk, "ana")
    beka = await signed_in(desk, "beka")
    _, body, _ = await ana.get("/staff/now")
    assert 'name="text"' not in item(body, question.id)  # not hers yet: no reply box
    assert QUESTION not in body

    status, body, _ = await ana.post(f"/staff/now/{question.id}/take", {"csrf": await ana.csrf()})
    assert status == 200
    mine = item(body, question.id)
    assert en("dash-reply-conversation") in mine
    assert QUESTION in mine  # the question heads the conversation
    assert f'action="/staff/now/{question.id}/write"' in mine
    assert f'<label for="reply-{question.id}">Reply</label>' in mine
    assert f'<textarea id="reply-{question.id}" name="text"' in mine
    assert '<button type="submit">Send</button>' in mine

    status, body = await write(ana, question.id, ANSWER)
    assert status == 200
    assert en("dash-reply-sent") in body
    mine = item(body, question.id)
    assert en("dash-reply-you-wrote") in mine
    assert ANSWER in mine
    message = await desk.twilio.wait_for_message(to=MOTHER_SMS, timeout=5)
    said = CATALOG.format(question.language, "case-specialist-says", {})
    assert message.body == f"{said}\n{ANSWER}"
    assert "Ana" not in message.body

    telegram_before = len(desk.to("ana"))
    await sms(desk, EVIL)  # her answer, with markup
    _, body, _ = await ana.get("/staff/now/queue")
    mine = item(body, question.id)
    assert en("dash-reply-they-wrote") in mine
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Спасибо &amp; до свидания" in mine
    assert MOTHER_SMS not in body
    # Ana has the Telegram desk too: the answer reaches her there as before.
    [relayed] = await desk.wait_to("ana", 1, after=telegram_before)
    assert relayed.text == f"{to_staff('ana', 'staff-case-from')}\n{EVIL}"

    # Beka sees that Ana has it, never what was written.
    for path in ("/staff/now", "/staff/now/queue", "/staff/now?view=all"):
        _, body, _ = await beka.get(path)
        assert "Taken by Ana Lomidze" in item(body, question.id)
        for said in (QUESTION, ANSWER, "alert("):
            assert said not in body
        assert "/write" not in body
    status, body = await write(beka, question.id, "Hello from Beka")
    assert status == 409
    assert en("dash-reply-not-yours") in body
    assert [m.body for m in desk.twilio.messages_to(MOTHER_SMS)] == [message.body]

    # Kept encrypted while open: nothing readable in the rows.
    rows = await kept(desk)
    assert len(rows) == 2
    cipher = DataCipher(desk.settings.data_key)
    assert sorted(cipher.decrypt(row.text) for row in rows) == sorted([ANSWER, EVIL])
    assert not any(ANSWER in row.text or "Спасибо" in row.text for row in rows)

    status, body, _ = await ana.post(f"/staff/now/{question.id}/done", {"csrf": await ana.csrf()})
    assert status == 200
    assert not item(body, question.id)
    assert await kept(desk) == []  # ended: the texts are gone
    status, body = await write(ana, question.id, "One more thing")
    assert status == 409
    assert en("dash-reply-not-yours") in body


async def test_empty_too_long_and_forged_replies_send_nothing(desk: Desk) -> None:
    question = await sms_question(desk)
    ana = await signed_in(desk, "ana")
    await ana.post(f"/staff/now/{question.id}/take", {"csrf": await ana.csrf()})
    sent_before = len(desk.twilio.messages_to(MOTHER_SMS))

    status, body = await write(ana, question.id, "  \r\n ")
    assert status == 400
    assert en("dash-reply-empty") in body
    long = "д" * 1001
    status, body = await write(ana, question.id, long)
    assert status == 400
    assert en("dash-reply-too-long", max=1000) in body
    assert f">{long}</textarea>" in body  # kept in the box, to shorten
    status, body, _ = await ana.post(f"/staff/now/{question.id}/write", {"text": "Hi"})
    assert status == 403
    assert en("dash-csrf-failed") in body
    beka = await signed_in(desk, "beka")
    status, _, _ = await ana.post(
        f"/staff/now/{question.id}/write", {"csrf": await beka.csrf(), "text": "Hi"}
    )
    assert status == 403
    status, _ = await write(ana, "no-such-case", "Hi")
    assert status == 409

    await desk.settle()
    assert len(desk.twilio.messages_to(MOTHER_SMS)) == sent_before
    assert await kept(desk) == []
    status, _ = await write(ana, question.id, "Line one\r\nline two " + "д" * 970)
    assert status == 200
    message = await desk.twilio.wait_for_message(to=MOTHER_SMS, timeout=5)
    assert "Line one\nline two" in message.body


async def test_a_telegram_question_answered_on_the_web(desk: Desk) -> None:
    await leave_question(desk, MOTHER, QUESTION)
    [question] = [r for r in await escalations(desk.client.app[ENGINE]) if r.kind == Kind.QUESTION]
    ana = await signed_in(desk, "ana")
    await ana.post(f"/staff/now/{question.id}/take", {"csrf": await ana.csrf()})
    before = len(desk.fake.messages_to(MOTHER.id))
    status, _ = await write(ana, question.id, ANSWER)
    assert status == 200
    await desk.settle()
    said = CATALOG.format(question.language, "case-specialist-says", {})
    assert desk.fake.texts_to(MOTHER.id)[before:] == [f"{said}\n{ANSWER}"]

    await desk.send(desk.fake.updates.message(MOTHER, EVIL))
    await desk.settle()
    _, body, _ = await ana.get("/staff/now")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Спасибо" in item(body, question.id)
    assert desk.fake.texts_to(TELEGRAM["ana"])[-1].endswith(EVIL)

    # What she writes on the Telegram desk shows on her page too.
    await desk.send(desk.fake.updates.message(STAFF["ana"], "Возьмите и паспорт."))
    await desk.settle()
    assert desk.fake.texts_to(MOTHER.id)[-1] == f"{said}\nВозьмите и паспорт."
    _, body, _ = await ana.get("/staff/now")
    texts = re.findall(r'<blockquote class="said">(.*?)</blockquote>', item(body, question.id))
    assert texts[-1] == "Возьмите и паспорт."
    assert texts[0] == QUESTION


async def test_a_telegram_chat_case_is_carried_on_the_web_and_ended_there(desk: Desk) -> None:
    chat = MOTHER.id
    menu = await desk.reply(desk.fake.updates.command(MOTHER, "start"), chat)
    option = str(CATALOG.format_attribute("ru", "chat-menu", "option-6"))
    await desk.reply(desk.fake.press(menu, option), chat)  # talk to a specialist
    await desk.send(desk.fake.updates.message(MOTHER, "Я подожду <b>здесь</b>"))
    await desk.settle()
    [case] = [r for r in await escalations(desk.client.app[ENGINE]) if r.kind == Kind.CHAT]
    ana = await signed_in(desk, "ana")
    before = len(desk.fake.messages_to(chat))
    status, body, _ = await ana.post(f"/staff/now/{case.id}/take", {"csrf": await ana.csrf()})
    assert status == 200
    assert en("dash-reply-chat-yours") in body
    mine = item(body, case.id)
    assert "Я подожду &lt;b&gt;здесь&lt;/b&gt;" in mine  # written while she waited
    await desk.settle()
    assert desk.fake.texts_to(chat)[before:] == [CATALOG.format(case.language, "case-taken", {})]

    status, _ = await write(ana, case.id, "Здравствуйте, чем помочь?")
    assert status == 200
    await desk.settle()
    said = CATALOG.format(case.language, "case-specialist-says", {})
    assert desk.fake.texts_to(chat)[-1] == f"{said}\nЗдравствуйте, чем помочь?"
    await desk.send(desk.fake.updates.message(MOTHER, "Сын выходит в марте"))
    await desk.settle()
    _, body, _ = await ana.get("/staff/now/queue")
    texts = re.findall(r'<blockquote class="said">(.*?)</blockquote>', item(body, case.id), re.S)
    assert texts == [
        "Я подожду &lt;b&gt;здесь&lt;/b&gt;",
        "Здравствуйте, чем помочь?",
        "Сын выходит в марте",
    ]

    status, _, _ = await ana.post(f"/staff/now/{case.id}/done", {"csrf": await ana.csrf()})
    assert status == 200
    await desk.settle()
    assert desk.fake.texts_to(chat)[-1] == CATALOG.format(case.language, "case-closed", {})
    assert await kept(desk) == []
