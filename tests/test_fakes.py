"""The Telegram and Twilio fakes, driven by the real python-telegram-bot and twilio clients."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import aiohttp
import pytest
from telegram import BotCommand, InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.constants import ChatAction
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter
from telegram.ext import CallbackQueryHandler, CommandHandler, ContextTypes
from twilio.base.exceptions import TwilioRestException
from twilio.request_validator import RequestValidator

from tests.fakes import (
    DEFAULT_TOKEN,
    FakeTelegram,
    FakeTwilio,
    PtbApplication,
    TelegramLimits,
    TelegramUser,
    UpdateFactory,
    fixtures,
    sms_encoding,
    sms_segments,
)

# The shared fixtures, bound here so pytest finds them (assigning, not importing, keeps
# ruff from reading each test's parameter as a redefinition of an unused import).
fake_telegram = fixtures.fake_telegram
fake_twilio = fixtures.fake_twilio
telegram_app = fixtures.telegram_app

CALLER = "+995555123456"
HOTLINE = "+15005550006"
CHAT = 424242
YES_NO = InlineKeyboardMarkup(
    [
        [InlineKeyboardButton("Yes", callback_data="answer:yes")],
        [
            InlineKeyboardButton("No", callback_data="answer:no"),
            InlineKeyboardButton("Help", url="https://hotline.example.org/help"),
        ],
    ]
)
# twilio 9.13's async client hands aiohttp a BasicAuth object: exactly these two warnings.
TWILIO_ASYNC_WARNINGS = (
    "ignore:BasicAuth is deprecated:DeprecationWarning",
    "ignore:The 'auth' parameter is deprecated:DeprecationWarning",
)


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# -- Telegram --------------------------------------------------------------------------------


async def test_initialize_asks_get_me(
    fake_telegram: FakeTelegram,
) -> None:
    app = fake_telegram.application_builder().build()
    async with app:
        assert app.bot.username == "hotline_test_bot"
        assert app.bot.id == fake_telegram.bot_id == int(DEFAULT_TOKEN.split(":")[0])
    assert [call.method for call in fake_telegram.sent] == ["getMe"]


async def test_send_message_records_the_buttons(
    fake_telegram: FakeTelegram,
    telegram_app: PtbApplication,
) -> None:
    first = await telegram_app.bot.send_message(CHAT, "Are you safe?", reply_markup=YES_NO)
    second = await telegram_app.bot.send_message(CHAT, "Second")
    elsewhere = await telegram_app.bot.send_message(CHAT + 1, "Other chat")

    sent = fake_telegram.messages_to(CHAT)
    assert [call.text for call in sent] == ["Are you safe?", "Second"]
    assert sent[0].reply_markup == YES_NO.to_dict()
    assert sent[0].button_texts == ["Yes", "No", "Help"]
    assert sent[0].callback_data == ["answer:yes", "answer:no"]
    assert sent[0].button("answer:no")["text"] == "No"
    assert sent[0].chat_id == CHAT  # form value "424242" typed back to an int
    # message ids count up per chat, and the bot sees its own message echoed back
    assert (first.message_id, second.message_id, elsewhere.message_id) == (1, 2, 1)
    assert sent[0].message_id == first.message_id
    assert first.reply_markup == YES_NO
    assert first.from_user is not None
    assert first.from_user.id == fake_telegram.bot_id
    assert first.chat.type == "private"
    assert fake_telegram.texts_to(CHAT + 1) == ["Other chat"]


async def test_edit_message_text_and_reply_markup(
    fake_telegram: FakeTelegram,
    telegram_app: PtbApplication,
) -> None:
    bot = telegram_app.bot
    sent = await bot.send_message(CHAT, "Are you safe?", reply_markup=YES_NO)

    edited = await bot.edit_message_text(
        "Thank you.", chat_id=CHAT, message_id=sent.message_id, reply_markup=YES_NO
    )
    assert isinstance(edited, type(sent))
    assert edited.text == "Thank you."
    assert edited.edit_date is not None
    with pytest.raises(BadRequest, match="Message is not modified"):
        await bot.edit_message_text(
            "Thank you.", chat_id=CHAT, message_id=sent.message_id, reply_markup=YES_NO
        )
    await bot.edit_message_reply_markup(chat_id=CHAT, message_id=sent.message_id)
    with pytest.raises(BadRequest, match="Message to edit not found"):
        await bot.edit_message_text("Nope", chat_id=CHAT, message_id=99)

    edit = fake_telegram.calls_of("editMessageText")[0]
    assert (edit.chat_id, edit.message_id, edit.text) == (CHAT, sent.message_id, "Thank you.")
    assert [call.method for call in fake_telegram.failed] == ["editMessageText"] * 2
    current = fake_telegram.message(CHAT, sent.message_id)
    assert current is not None
    assert current["text"] == "Thank you."
    assert "reply_markup" not in current


async def test_pressing_a_button_and_answering_the_callback_query(
    fake_telegram: FakeTelegram,
    telegram_app: PtbApplication,
) -> None:
    answered: list[str] = []

    async def on_press(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        assert query.data is not None
        answered.append(query.data)
        await query.answer("Noted")

    telegram_app.add_handler(CallbackQueryHandler(on_press))
    await telegram_app.bot.send_message(CHAT, "Are you safe?", reply_markup=YES_NO)

    update = fake_telegram.press(fake_telegram.messages_to(CHAT)[0], "Yes")
    await telegram_app.process_update(Update.de_json(update, telegram_app.bot))

    assert answered == ["answer:yes"]
    answer = await fake_telegram.wait_for(method="answerCallbackQuery")
    assert answer.params["callback_query_id"] == update["callback_query"]["id"]
    assert answer.params["text"] == "Noted"
    with pytest.raises(BadRequest, match="Query is too old"):
        await telegram_app.bot.answer_callback_query(update["callback_query"]["id"])
    with pytest.raises(ValueError, match="no callback_data"):
        fake_telegram.press(fake_telegram.messages_to(CHAT)[0], "Help")


async def test_set_webhook_with_secret_token(
    fake_telegram: FakeTelegram,
    telegram_app: PtbApplication,
) -> None:
    bot = telegram_app.bot
    url = "https://hotline.example.org/telegram/webhook"
    assert await bot.set_webhook(
        url, secret_token="s3cret_-token", allowed_updates=["message", "callback_query"]
    )

    info = await bot.get_webhook_info()
    assert info.url == url
    assert info.allowed_updates == ("message", "callback_query")
    assert fake_telegram.webhook["secret_token"] == "s3cret_-token"
    assert fake_telegram.webhook_headers()["X-Telegram-Bot-Api-Secret-Token"] == "s3cret_-token"
    with pytest.raises(BadRequest, match="Secret token contains unallowed characters"):
        await bot.set_webhook(url, secret_token="has spaces")
    with pytest.raises(BadRequest, match="an https url must be provided"):
        await bot.set_webhook("http://hotline.example.org/telegram/webhook")
    assert await bot.delete_webhook()
    assert (await bot.get_webhook_info()).url == ""
    assert [call.method for call in fake_telegram.sent][-4:] == [
        "setWebhook",
        "getWebhookInfo",
        "deleteWebhook",
        "getWebhookInfo",
    ]


async def test_chat_action_commands_and_delete(
    fake_telegram: FakeTelegram,
    telegram_app: PtbApplication,
) -> None:
    bot = telegram_app.bot
    assert await bot.send_chat_action(CHAT, ChatAction.TYPING)
    assert await bot.set_my_commands([BotCommand("start", "Begin"), BotCommand("help", "Help")])
    assert [c.command for c in await bot.get_my_commands()] == ["start", "help"]
    sent = await bot.send_message(CHAT, "Soon gone")
    assert await bot.delete_message(CHAT, sent.message_id)
    with pytest.raises(BadRequest, match="Message to delete not found"):
        await bot.delete_message(CHAT, sent.message_id)

    action = fake_telegram.calls_of("sendChatAction")[0]
    assert (action.chat_id, action.params["action"]) == (CHAT, "typing")
    commands = fake_telegram.calls_of("setMyCommands")[0].params["commands"]
    assert commands == [
        {"command": "start", "description": "Begin"},
        {"command": "help", "description": "Help"},
    ]
    assert fake_telegram.message(CHAT, sent.message_id) is None


async def test_injected_429_is_retry_after_and_not_delivered(
    fake_telegram: FakeTelegram,
    telegram_app: PtbApplication,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # read retry_after as a timedelta, no warning
    fake_telegram.fail_next("sendMessage", retry_after=7)

    with pytest.raises(RetryAfter) as raised:
        await telegram_app.bot.send_message(CHAT, "First try")
    await telegram_app.bot.send_message(CHAT, "Second try")

    assert raised.value.retry_after == timedelta(seconds=7)
    assert fake_telegram.texts_to(CHAT) == ["Second try"]
    [rejected] = fake_telegram.rejected
    assert (rejected.text, rejected.retry_after) == ("First try", 7)
    assert rejected.response == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 7",
        "parameters": {"retry_after": 7},
    }


async def test_injected_server_error_and_blocked_chat(
    fake_telegram: FakeTelegram,
    telegram_app: PtbApplication,
) -> None:
    fake_telegram.fail_next("sendMessage", status=500, chat_id=CHAT)
    fake_telegram.block(CHAT + 1)

    with pytest.raises(NetworkError, match="Internal Server Error"):
        await telegram_app.bot.send_message(CHAT, "Lost")
    with pytest.raises(Forbidden, match="bot was blocked by the user"):
        await telegram_app.bot.send_message(CHAT + 1, "Blocked")
    await telegram_app.bot.send_message(CHAT, "Delivered")

    assert [(c.status, c.text) for c in fake_telegram.failed] == [(500, "Lost"), (403, "Blocked")]
    assert fake_telegram.texts_to(CHAT) == ["Delivered"]


async def test_flood_limits_per_chat_and_overall(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    clock = Clock()
    limits = TelegramLimits(overall=3, per_chat=1, per_chat_period=1.0)
    async with FakeTelegram(limits=limits, monotonic=clock) as fake:
        bot = fake.bot()
        async with bot:
            await bot.send_message(1, "one")
            with pytest.raises(RetryAfter) as per_chat:
                await bot.send_message(1, "one again")
            await bot.send_message(2, "two")
            await bot.send_message(3, "three")
            with pytest.raises(RetryAfter):
                await bot.send_message(4, "four")  # fourth in the same second: overall limit
            clock.now += 1.0
            await bot.send_message(1, "one, a second later")
            await bot.send_message(4, "four, a second later")

    assert per_chat.value.retry_after == timedelta(seconds=1)
    assert [c.text for c in fake.rejected] == ["one again", "four"]
    assert [c.text for c in fake.calls_of("sendMessage")] == [
        "one",
        "two",
        "three",
        "one, a second later",
        "four, a second later",
    ]


async def test_wrong_token_is_invalid_token(
    fake_telegram: FakeTelegram,
) -> None:
    other = "7000000002:" + "B" * 35  # well formed, unknown: 401
    with pytest.raises(InvalidToken):
        async with fake_telegram.bot(other):
            pass
    with pytest.raises(InvalidToken):
        async with fake_telegram.bot("not-a-token"):  # malformed: 404
            pass
    assert [(c.method, c.status) for c in fake_telegram.failed] == [
        ("getMe", 401),
        ("getMe", 404),
    ]
    assert fake_telegram.failed[0].response == {
        "ok": False,
        "error_code": 401,
        "description": "Unauthorized",
    }


async def test_raw_http_json_query_and_errors(
    fake_telegram: FakeTelegram,
) -> None:
    url = f"{fake_telegram.base_url}{fake_telegram.token}"
    async with aiohttp.ClientSession() as session:
        async with session.post(
            f"{url}/sendMessage",
            json={"chat_id": CHAT, "text": "json", "reply_markup": YES_NO.to_dict()},
        ) as response:
            assert response.status == 200
            body = await response.json()
        async with session.get(f"{url}/SENDMESSAGE", params={"chat_id": "7", "text": "q"}) as r:
            assert r.status == 200
        async with session.post(f"{url}/sendMessage", data={"chat_id": "7"}) as response:
            assert response.status == 400
            assert await response.json() == {
                "ok": False,
                "error_code": 400,
                "description": "Bad Request: message text is empty",
            }
        async with session.post(f"{url}/sendMessage", data={"text": "who?"}) as response:
            assert (await response.json())["description"] == "Bad Request: chat_id is empty"
        async with session.post(f"{url}/noSuchMethod") as response:
            assert response.status == 404
            assert await response.json() == {
                "ok": False,
                "error_code": 404,
                "description": "Not Found",
            }
        form = aiohttp.FormData({"chat_id": "7", "text": "multipart"})
        form.add_field("document", b"%PDF", filename="a.pdf")  # forces multipart/form-data
        async with session.post(f"{url}/sendMessage", data=form) as response:
            assert response.status == 200

    assert body["ok"] is True
    assert body["result"]["reply_markup"] == YES_NO.to_dict()
    assert body["result"]["from"]["is_bot"] is True
    assert [c.text for c in fake_telegram.calls_of("sendMessage")] == ["json", "q", "multipart"]
    assert fake_telegram.messages_to(CHAT)[0].button_texts == ["Yes", "No", "Help"]
    assert [c.status for c in fake_telegram.failed] == [400, 400, 404]


async def test_incoming_updates_reach_handlers_and_replies_are_awaited(
    fake_telegram: FakeTelegram,
    telegram_app: PtbApplication,
) -> None:
    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_chat is not None
        await context.bot.send_message(update.effective_chat.id, f"Hello {context.args}")

    telegram_app.add_handler(CommandHandler("start", start))
    user = TelegramUser(id=CHAT, first_name="Nino", language_code="ka")
    update = fake_telegram.updates.command(user, "start", "from-leaflet")

    await telegram_app.update_queue.put(Update.de_json(update, telegram_app.bot))
    await telegram_app.start()
    try:
        reply = await fake_telegram.wait_for(method="sendMessage", chat_id=CHAT, timeout=5)
    finally:
        await telegram_app.stop()

    message = update["message"]
    assert message["from"] == {
        "id": CHAT,
        "is_bot": False,
        "first_name": "Nino",
        "language_code": "ka",
    }
    assert message["chat"] == {"id": CHAT, "type": "private", "first_name": "Nino"}
    assert message["entities"] == [{"type": "bot_command", "offset": 0, "length": 6}]
    assert reply.text == "Hello ['from-leaflet']"
    # the user's message and the bot's reply share the chat's message-id sequence
    assert (message["message_id"], reply.message_id) == (1, 2)
    assert reply.message is not None
    assert reply.message["chat"]["first_name"] == "Nino"


def test_update_factory_alone_counts_ids_and_utf16_offsets() -> None:
    factory = UpdateFactory(first_update_id=10, clock=lambda: 1_700_000_000.0)
    first = factory.message(5, "👋 /help and /start@hotline_test_bot now")
    second = factory.message(5, "plain")

    assert (first["update_id"], second["update_id"]) == (10, 11)
    assert (first["message"]["message_id"], second["message"]["message_id"]) == (1, 2)
    assert first["message"]["date"] == 1_700_000_000
    # 👋 is two UTF-16 units: offsets are in those units, as Telegram counts
    assert first["message"]["entities"] == [
        {"type": "bot_command", "offset": 3, "length": 5},
        {"type": "bot_command", "offset": 13, "length": 23},
    ]
    assert "entities" not in second["message"]
    parsed = Update.de_json(first, None)
    assert parsed.message is not None
    assert [parsed.message.parse_entity(e) for e in parsed.message.entities] == [
        "/help",
        "/start@hotline_test_bot",
    ]


async def test_wait_for_times_out_naming_what_was_sent(
    fake_telegram: FakeTelegram,
    telegram_app: PtbApplication,
) -> None:
    await telegram_app.bot.send_message(CHAT, "Only this")
    with pytest.raises(TimeoutError, match="Only this"):
        await fake_telegram.wait_for(lambda call: call.text == "Never", timeout=0.05)
    later = asyncio.create_task(fake_telegram.wait_for_messages(CHAT, 2, timeout=5))
    await telegram_app.bot.send_message(CHAT, "And this")
    assert [c.text for c in await later] == ["Only this", "And this"]


# -- Twilio ----------------------------------------------------------------------------------


async def test_twilio_sync_client_creates_messages_and_calls(
    fake_twilio: FakeTwilio,
) -> None:
    client = fake_twilio.client()
    status_url = "https://hotline.example.org/twilio/sms/status"

    message = await asyncio.to_thread(
        client.messages.create,
        to=CALLER,
        from_=HOTLINE,
        body="Your call is logged. გმადლობთ",
        status_callback=status_url,
    )
    call = await asyncio.to_thread(
        client.calls.create,
        to=CALLER,
        from_=HOTLINE,
        url="https://hotline.example.org/twilio/voice/callback",
        status_callback="https://hotline.example.org/twilio/voice/status",
        status_callback_event=["initiated", "completed"],
    )
    updated = await asyncio.to_thread(client.calls(call.sid).update, status="completed")
    fetched = await asyncio.to_thread(client.messages(message.sid).fetch)
    listed = await asyncio.to_thread(client.calls.list, to=CALLER, limit=10)

    assert message.sid.startswith("SM")
    assert len(message.sid) == 34
    assert (message.status, message.num_segments, message.to) == ("queued", "1", CALLER)
    assert call.sid.startswith("CA")
    assert len(call.sid) == 34
    assert call.status == "queued"
    assert updated.status == "completed"
    assert fetched.sid == message.sid
    assert [c.sid for c in listed] == [call.sid]

    [recorded] = fake_twilio.messages
    assert (recorded.to, recorded.from_, recorded.status_callback) == (CALLER, HOTLINE, status_url)
    assert recorded.body == "Your call is logged. გმადლობთ"
    [placed] = fake_twilio.calls
    assert placed.url == "https://hotline.example.org/twilio/voice/callback"
    assert placed.status_callback_events == ["initiated", "completed"]
    assert placed.updates == [{"Status": "completed"}]
    assert placed.status == "completed"
    assert [(r.http_method, r.resource, r.status) for r in fake_twilio.requests] == [
        ("POST", "Messages", 201),
        ("POST", "Calls", 201),
        ("POST", "Calls", 200),
        ("GET", "Messages", 200),
        ("GET", "Calls", 200),
    ]


@pytest.mark.filterwarnings(*TWILIO_ASYNC_WARNINGS)
async def test_twilio_async_client(
    fake_twilio: FakeTwilio,
) -> None:
    client = fake_twilio.async_client()

    message = await client.messages.create_async(
        to=CALLER, messaging_service_sid="MG" + "0" * 32, body="č" * 71
    )
    call = await client.calls.create_async(
        to=CALLER, from_=HOTLINE, twiml="<Response><Say>Hello</Say></Response>"
    )
    redirected = await client.calls(call.sid).update_async(
        url="https://hotline.example.org/twilio/voice/next"
    )

    assert message.status == "accepted"
    assert message.from_ is None
    assert message.num_segments == "2"  # UCS-2: 71 characters need two parts of 67
    assert redirected.status == "queued"
    recorded = await fake_twilio.wait_for_message(to=CALLER)
    assert recorded.messaging_service_sid == "MG" + "0" * 32
    placed = fake_twilio.call(call.sid)
    assert placed.twiml == "<Response><Say>Hello</Say></Response>"
    assert placed.url == "https://hotline.example.org/twilio/voice/next"


async def test_twilio_wrong_auth_token_is_401(
    fake_twilio: FakeTwilio,
) -> None:
    client = fake_twilio.client(auth_token="wrong-token")
    with pytest.raises(TwilioRestException) as raised:
        await asyncio.to_thread(client.messages.create, to=CALLER, from_=HOTLINE, body="Hi")

    assert (raised.value.status, raised.value.code) == (401, 20003)
    assert fake_twilio.messages == []
    [request] = fake_twilio.failed
    assert request.response == {
        "code": 20003,
        "message": "Authenticate",
        "more_info": "https://www.twilio.com/docs/errors/20003",
        "status": 401,
    }


@pytest.mark.parametrize(
    ("kwargs", "code"),
    [
        ({"to": "", "from_": HOTLINE, "body": "Hi"}, 21604),
        ({"to": CALLER, "from_": HOTLINE}, 21602),
        ({"to": CALLER, "body": "Hi"}, 21603),
        ({"to": "555-0100", "from_": HOTLINE, "body": "Hi"}, 21211),
        ({"to": CALLER, "from_": HOTLINE, "body": "x" * 1601}, 21617),
    ],
)
async def test_twilio_message_validation(
    fake_twilio: FakeTwilio,
    kwargs: dict[str, str],
    code: int,
) -> None:
    client = fake_twilio.client()
    with pytest.raises(TwilioRestException) as raised:
        await asyncio.to_thread(client.messages.create, **kwargs)

    assert (raised.value.status, raised.value.code) == (400, code)
    assert fake_twilio.messages == []
    assert fake_twilio.failed[0].code == code


async def test_twilio_call_validation_and_unknown_call(
    fake_twilio: FakeTwilio,
) -> None:
    client = fake_twilio.client()
    with pytest.raises(TwilioRestException) as no_url:
        await asyncio.to_thread(client.calls.create, to=CALLER, from_=HOTLINE)
    with pytest.raises(TwilioRestException) as unknown:
        await asyncio.to_thread(client.calls("CA" + "0" * 32).update, status="completed")

    assert (no_url.value.status, no_url.value.code) == (400, 21205)
    assert (unknown.value.status, unknown.value.code) == (404, 20404)
    assert fake_twilio.calls == []


async def test_twilio_injected_429_creates_nothing(
    fake_twilio: FakeTwilio,
) -> None:
    fake_twilio.fail_next("Messages")
    client = fake_twilio.client()

    with pytest.raises(TwilioRestException) as raised:
        await asyncio.to_thread(client.messages.create, to=CALLER, from_=HOTLINE, body="1")
    await asyncio.to_thread(client.messages.create, to=CALLER, from_=HOTLINE, body="2")

    assert (raised.value.status, raised.value.code) == (429, 20429)
    assert [m.body for m in fake_twilio.messages] == ["2"]
    assert [r.params["Body"] for r in fake_twilio.rejected] == ["1"]


async def test_twilio_status_callback_is_signed_like_twilio(
    fake_twilio: FakeTwilio,
) -> None:
    client = fake_twilio.client()
    sent = await asyncio.to_thread(
        client.messages.create,
        to=CALLER,
        from_=HOTLINE,
        body="Hi",
        status_callback="https://hotline.example.org/twilio/sms/status",
    )

    url, params = fake_twilio.status_callback(sent.sid, "delivered")
    signature = fake_twilio.signature(url, params)

    assert url == "https://hotline.example.org/twilio/sms/status"
    assert params["MessageSid"] == sent.sid
    assert params["MessageStatus"] == "delivered"
    assert RequestValidator(fake_twilio.auth_token).validate(url, params, signature)
    assert fake_twilio.message(sent.sid).status == "delivered"


@pytest.mark.parametrize(
    ("body", "encoding", "segments"),
    [
        ("a" * 160, "GSM-7", 1),
        ("a" * 161, "GSM-7", 2),
        ("a" * 306, "GSM-7", 2),
        ("a" * 307, "GSM-7", 3),
        ("€" * 80, "GSM-7", 1),  # extension characters take two septets
        ("€" * 81, "GSM-7", 2),  # 162 septets: 76 pairs fill 152 of 153, then 5
        ("Ahoj, děkujeme", "UCS-2", 1),
        ("ж" * 70, "UCS-2", 1),
        ("ж" * 71, "UCS-2", 2),
        ("ж" * 134, "UCS-2", 2),
        ("ж" * 135, "UCS-2", 3),
        ("😀" * 35, "UCS-2", 1),  # surrogate pairs: two UTF-16 units each
        ("😀" * 36, "UCS-2", 2),
    ],
)
def test_sms_segments(body: str, encoding: str, segments: int) -> None:
    assert sms_encoding(body) == encoding
    assert sms_segments(body) == segments
