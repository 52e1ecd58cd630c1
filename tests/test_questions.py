"""A question left in a chat reaches a specialist, who answers it in the same chat.

The question becomes work for the staff on duty through the same chain as a callback (an
alert on duty, a reminder, the supervisor; after hours when the next shift starts), the
specialist who takes it reads it on the desk and answers; the person gets the answer from
the bot, in their language, and can write back. The text is deleted when it is done, or
after the keeping time. On both databases, with the real PTB and twilio clients against the
fake Bot API and the fake Twilio REST API.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from hotline.app import ENGINE, tidy
from hotline.crypto import DataCipher
from hotline.escalation.model import Kind, Result
from hotline.storage.models import ChatCase, Question
from tests.conftest import FixedClock, post_signed
from tests.fakes import FakeTelegram, TelegramCall, TelegramUser, fixtures
from tests.fakes.twilio_api import FakeTwilio
from tests.staffing import DAY, NIGHT, TELEGRAM, escalations
from tests.test_escalation_desk import (
    CATALOG,
    STAFF,
    Desk,
    desk_app,
    text,
    to_staff,
    twilio_for_app,
)
from tests.test_sms import sms_params

fake_telegram = fixtures.fake_telegram
fake_twilio = fixtures.fake_twilio
__all__ = ["twilio_for_app"]  # a fixture these tests use

QUESTION = "Сын выходит 12 марта. Может ли он сразу встать на учёт в центре занятости?"
MOTHER = TelegramUser(id=830_000_001, first_name="Tamara", language_code="ru")
SMS_MOTHER = "+995599112233"


async def leave_question(desk: Desk, person: TelegramUser, question: str) -> None:
    """Open the menu, choose "leave a question", write it: the bot confirms."""
    chat = person.id
    menu = await desk.reply(desk.fake.updates.command(person, "start"), chat)
    option = str(CATALOG.format_attribute("ru", "chat-menu", "option-7"))
    asked = await desk.reply(desk.fake.press(menu, option), chat)
    assert asked.text is not None
    assert text("ru", "question-prompt") in asked.text
    received = await desk.reply(desk.fake.updates.message(person, question), chat)
    assert received.text == text("ru", "question-received")


async def take(desk: Desk, staff_id: str, alert: TelegramCall) -> TelegramCall:
    """Press Take on an alert; the message the desk then sends the taker with the question."""
    before = len(desk.to(staff_id))
    await desk.send(desk.fake.press(alert, to_staff(staff_id, "staff-take"), user=STAFF[staff_id]))
    await desk.settle()
    done = to_staff(staff_id, "staff-done")
    [yours] = [m for m in desk.to(staff_id)[before:] if done in repr(m.inline_keyboard)]
    return yours


async def stored(desk: Desk) -> tuple[list[Any], list[Any]]:
    """The question rows and the case rows, as the database holds them."""
    async with desk.client.app[ENGINE].connect() as conn:
        questions = list((await conn.execute(select(Question))).all())
        cases = list((await conn.execute(select(ChatCase))).all())
    return questions, cases


async def test_a_question_is_alerted_taken_answered_followed_up_and_deleted(
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
    chat = MOTHER.id
    await leave_question(desk, MOTHER, QUESTION)

    assert await desk.tick() == 1  # alerted on duty at once, like a callback
    [to_ana] = await desk.wait_to("ana", 1, after=0)
    [to_beka] = await desk.wait_to("beka", 1, after=0)
    assert to_ana.text == to_staff("ana", "staff-question", channel="telegram", code="ru")
    assert to_beka.text == to_staff("beka", "staff-question", channel="telegram", code="ru")
    assert desk.to("nino") == []  # the supervisor only if nobody takes it
    for alert in (to_ana, to_beka):  # the alert itself carries neither the text nor a name
        assert QUESTION not in (alert.text or "")
        assert "Tamara" not in (alert.text or "")

    clock.advance(minutes=4)
    yours = await take(desk, "beka", to_beka)
    assert yours.text is not None
    assert f"{to_staff('beka', 'staff-case-from')}\n{QUESTION}" in yours.text
    assert to_staff("beka", "staff-question-yours") in yours.text
    assert desk.fake.texts_to(TELEGRAM["ana"])[-1] == to_staff(
        "ana", "staff-taken-by", name="Beka Kapanadze"
    )
    clock.advance(minutes=10)
    assert await desk.tick() == 0  # taken: no reminder, no supervisor

    answer = "Да, с первого дня. Возьмите справку об освобождении."
    await desk.send(desk.fake.updates.message(STAFF["beka"], answer))
    await desk.settle()
    said = text("ru", "case-specialist-says")
    assert desk.fake.texts_to(chat)[-1] == f"{said}\n{answer}"  # in her language, from the bot

    follow_up = "Спасибо! А справку где получить?"
    await desk.send(desk.fake.updates.message(MOTHER, follow_up))
    await desk.settle()
    assert desk.fake.texts_to(TELEGRAM["beka"])[-1] == (
        f"{to_staff('beka', 'staff-case-from')}\n{follow_up}"
    )
    assert "Beka" not in "".join(desk.fake.texts_to(chat))
    assert "Tamara" not in "".join(desk.fake.texts_to(TELEGRAM["beka"]))

    await desk.send(desk.fake.press(yours, to_staff("beka", "staff-done"), user=STAFF["beka"]))
    await desk.settle()
    assert desk.fake.texts_to(chat)[-1] == text("ru", "case-closed")
    [record] = [r for r in await escalations(desk.client.app[ENGINE])]
    assert (record.kind, record.channel, record.language) == (Kind.QUESTION, "telegram", "ru")
    assert (record.staff_id, record.outcome) == ("beka", Result.DONE)
    assert record.answered_at is not None
    assert record.answered_at - record.started_at == timedelta(minutes=4)
    questions, cases = await stored(desk)
    assert questions == []  # the text is deleted once it is done
    [case] = cases
    assert (case.address, case.pending) == (None, [])

    # Her next message opens the menu again.
    again = await desk.reply(desk.fake.updates.message(MOTHER, "Здравствуйте"), chat)
    assert again.inline_keyboard != []


async def test_a_question_left_at_night_is_alerted_when_the_shift_starts(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> None:
    clock = FixedClock(NIGHT)  # 03:00 in Tbilisi
    desk = await desk_app(
        aiohttp_client, database_url, tmp_path, clock, fake_telegram, twilio_for_app
    )
    await leave_question(desk, MOTHER, QUESTION)
    more = "И ещё: у него нет паспорта."
    added = await desk.reply(desk.fake.updates.message(MOTHER, more), MOTHER.id)
    assert added.text == text("ru", "question-added")
    assert await desk.tick() == 0  # nobody is woken at 03:00
    assert all(desk.to(s) == [] for s in STAFF)

    clock.now = DAY.replace(hour=5)  # 09:00: the shift begins
    assert await desk.tick() == 1
    await desk.wait_to("ana", 1, after=0)
    clock.advance(minutes=5)
    assert await desk.tick() == 1  # not taken: the reminder
    assert desk.fake.texts_to(TELEGRAM["ana"])[-1].startswith(
        to_staff("ana", "staff-still-waiting", minutes=365)
    )
    clock.advance(minutes=10)
    assert await desk.tick() == 1  # and the supervisor
    [to_nino] = await desk.wait_to("nino", 1, after=0)
    yours = await take(desk, "nino", to_nino)
    assert QUESTION in (yours.text or "")
    # What she added before anyone took it is handed over too.
    assert (
        desk.fake.texts_to(TELEGRAM["nino"])[-1] == f"{to_staff('nino', 'staff-case-from')}\n{more}"
    )


async def test_an_answer_reaches_a_person_who_opened_the_menu_again(
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
    chat = MOTHER.id
    await leave_question(desk, MOTHER, QUESTION)
    # While she waits she looks at the menu again: the question stays with staff.
    menu = await desk.reply(desk.fake.updates.command(MOTHER, "start"), chat)
    assert menu.inline_keyboard != []
    await desk.tick()
    [to_ana] = await desk.wait_to("ana", 1, after=0)
    await take(desk, "ana", to_ana)
    await desk.send(desk.fake.updates.message(STAFF["ana"], "Да, может."))
    await desk.settle()
    assert desk.fake.texts_to(chat)[-1].endswith("Да, может.")
    # Her reply goes to Ana, not to the menu she had open.
    before = len(desk.fake.texts_to(chat))
    await desk.send(desk.fake.updates.message(MOTHER, "Спасибо большое"))
    await desk.settle()
    assert desk.fake.texts_to(TELEGRAM["ana"])[-1].endswith("Спасибо большое")
    assert len(desk.fake.texts_to(chat)) == before  # no "choose from the menu"


async def test_stop_withdraws_a_question_and_deletes_it(
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
    await leave_question(desk, MOTHER, QUESTION)
    await desk.tick()
    await desk.send(desk.fake.updates.command(MOTHER, "stop"))
    await desk.settle()
    questions, [case] = await stored(desk)
    assert questions == []
    assert case.closed_at is not None
    [record] = await escalations(desk.client.app[ENGINE])
    assert record.outcome == Result.DONE
    # The alerts lose their Take button: there is nothing left to take.
    assert desk.fake.texts_to(TELEGRAM["ana"])[-1] == to_staff("ana", "staff-case-closed-by-person")


async def test_an_untaken_question_is_deleted_after_the_keeping_time(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> None:
    clock = FixedClock(DAY)
    desk = await desk_app(
        aiohttp_client,
        database_url,
        tmp_path,
        clock,
        fake_telegram,
        twilio_for_app,
        HOTLINE_CALLBACK_KEEP_DAYS="2",
    )
    await leave_question(desk, MOTHER, QUESTION)
    clock.advance(days=1)
    await tidy(desk.client.app, clock())
    questions, _ = await stored(desk)
    assert len(questions) == 1  # still within the keeping time
    clock.advance(days=1, minutes=1)
    await tidy(desk.client.app, clock())
    questions, [case] = await stored(desk)
    assert questions == []
    assert (case.address, case.closed_at is not None) == (None, True)
    [record] = await escalations(desk.client.app[ENGINE])
    assert record.outcome == Result.EXPIRED
    assert await desk.tick() == 0  # and no alert fires for it any more


async def test_an_sms_question_is_answered_by_sms(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> None:
    clock = FixedClock(DAY)
    desk = await desk_app(
        aiohttp_client,
        database_url,
        tmp_path,
        clock,
        fake_telegram,
        twilio_for_app,
        HOTLINE_DEFAULT_LANGUAGE="ru",
    )

    async def sms(body: str) -> str:
        status, answer = await post_signed(
            desk.client, "/twilio/sms", sms_params(body, sender=SMS_MOTHER)
        )
        assert status == 200, answer
        return answer

    await sms("Здравствуйте")
    assert "Message" in await sms("7")
    await sms(QUESTION)
    assert await desk.tick() == 1
    [to_ana] = await desk.wait_to("ana", 1, after=0)
    assert to_ana.text == to_staff("ana", "staff-question", channel="sms", code="ru")
    yours = await take(desk, "ana", to_ana)
    assert QUESTION in (yours.text or "")
    assert to_staff("ana", "staff-question-yours") in (yours.text or "")

    await desk.send(desk.fake.updates.message(STAFF["ana"], "Да, может."))
    await desk.settle()
    message = await desk.twilio.wait_for_message(to=SMS_MOTHER, timeout=5)
    assert message.body.endswith("Да, может.")
    assert "Ana" not in message.body
    await sms("Спасибо")  # her reply by SMS goes to Ana
    await desk.settle()
    assert desk.fake.texts_to(TELEGRAM["ana"])[-1].endswith("Спасибо")
    # The number is kept only encrypted, and deleted when it is done.
    questions, [case] = await stored(desk)
    [question] = questions
    cipher = DataCipher(desk.settings.data_key)
    assert cipher.decrypt(question.reply_to) == SMS_MOTHER
    assert SMS_MOTHER not in repr((question, case))
    await desk.send(desk.fake.press(yours, to_staff("ana", "staff-done"), user=STAFF["ana"]))
    await desk.settle()
    questions, [case] = await stored(desk)
    assert (questions, case.address) == ([], None)
