"""The first message a person ever gets from a campaign names the program and ends with how
to stop: reply STOP on SMS, send /stop on Telegram, in their language; the next ones do not.
Through the dispatcher and the real twilio and PTB clients, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime

from hotline.catalog import Catalog
from hotline.conversations.chat_render import ChatMessage
from hotline.reminders.campaign import Channel
from hotline.reminders.first_message import how_to_stop, with_how_to_stop
from tests import test_dispatcher
from tests.test_dispatcher import CHAT, NINO, PHONE, World, text

fake_telegram = test_dispatcher.fake_telegram
twilio = test_dispatcher.twilio
w = test_dispatcher.w
two_steps = test_dispatcher.two_steps

CATALOG = Catalog()


async def test_the_first_sms_ends_with_how_to_stop_and_the_second_does_not(
    two_steps: World,
) -> None:
    w = two_steps
    await w.service.add({**NINO, "program": "two-steps", "language": "ru"})
    await w.tick(hours=4, minutes=1)
    await w.tick(hours=4)
    first, second = [m.body for m in w.twilio.messages if m.to == PHONE]
    assert first.startswith(text("ru", "reminder-ahead-intro"))
    assert first.endswith("\nЧтобы больше не получать эти сообщения, ответьте STOP.")
    assert "STOP" not in second
    assert second == text("ru", "reminder-ahead-needs")


async def test_the_first_telegram_message_ends_with_how_to_stop_and_the_second_does_not(
    two_steps: World,
) -> None:
    w = two_steps
    await w.service.add(
        {**NINO, "program": "two-steps", "channel": "telegram", "consent": "telegram"}
    )
    await w.link_telegram("TB-2027-014", CHAT)
    await w.tick(hours=4, minutes=1)
    await w.tick(hours=4)
    first, second = w.telegram.texts_to(CHAT)
    assert first.startswith("Hello from the support program.")
    assert first.endswith("\nSend /stop to stop these messages.")
    assert "/stop" not in second
    assert w.twilio.messages == []


async def test_a_first_check_in_says_how_to_stop_after_its_choices(w: World) -> None:
    # Released three weeks before enrolment: the first message is the one-month check-in.
    await w.service.add({**NINO, "release": "2026-11-01"})
    w.clock.now = datetime(2026, 12, 1, 7, 1, tzinfo=UTC)  # 11:01 in Tbilisi
    await w.tick()
    [body] = [m.body for m in w.twilio.messages if m.to == PHONE]
    lines = body.splitlines()
    assert lines[0] == text("en", "checkin-question")
    assert "4 - Stop these messages" in lines
    assert lines[-1] == "Reply STOP to stop these messages."


def test_each_locale_says_how_to_stop_on_sms_and_telegram_and_never_on_a_call() -> None:
    for language in CATALOG.languages:
        sms = how_to_stop(CATALOG, language, Channel.SMS)
        telegram = how_to_stop(CATALOG, language, Channel.TELEGRAM)
        assert "STOP" in (sms or ""), language
        assert "/stop" in (telegram or ""), language
        assert how_to_stop(CATALOG, language, Channel.VOICE) is None


def test_the_line_ends_the_last_message_or_follows_its_choices() -> None:
    plain = (ChatMessage("One."), ChatMessage("Two."))
    assert with_how_to_stop(plain, "Stop.") == (ChatMessage("One."), ChatMessage("Two.\nStop."))
    menu = (ChatMessage("How are you?", (("1", "Fine"),)),)
    assert with_how_to_stop(menu, "Stop.") == (*menu, ChatMessage("Stop."))
    # Above the buttons of a Telegram check-in: one message still.
    assert with_how_to_stop(menu, "Stop.", buttons=True) == (
        ChatMessage("How are you?\nStop.", (("1", "Fine"),)),
    )
    assert with_how_to_stop(plain, None) == plain
