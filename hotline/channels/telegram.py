"""Telegram through python-telegram-bot: the webhook, the flow as chat, buttons and commands.

PTB's Application (built with `updater(None)`) owns the bot: its HTTP client, `getMe` at
start and the overall rate limiter. Updates come to our own aiohttp route, are checked
against the webhook secret, parsed with `Update.de_json` and handled here; the flows, not
PTB handlers, decide what to answer, and the conversation state lives in our database.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
import re
import weakref
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from aiohttp import web
from telegram import (
    Bot,
    Chat,
    InlineKeyboardMarkup,
    Location,
    Message,
    Update,
    User,
)
from telegram.error import InvalidToken
from telegram.ext import AIORateLimiter, Application, ApplicationBuilder

from hotline.channels.staff_desk import StaffDesk, staff_of
from hotline.channels.telegram_outbox import TelegramOutbox
from hotline.channels.telegram_sends import Outgoing, TelegramSends
from hotline.conversations.chat import ChatConversations
from hotline.conversations.chat_render import ChatMessage
from hotline.conversations.chat_types import ChatInput, ChatReply, InputKind, Subscriber
from hotline.conversations.sends import HeldSend
from hotline.errors import BadRequest, Forbidden
from hotline.escalation.board import DutyBoard
from hotline.escalation.ports import UnitOfWork
from hotline.messages import MessageId
from hotline.privacy import pseudonym
from hotline.request_ids import follow, for_update

SIMULATED_USERS = 2**52  # user ids from here up are `hotline chat`'s, never Telegram's
log = logging.getLogger(__name__)

CHANNEL = "telegram"
GROUPS_TOLD = "telegram-group"  # chat_updates marks of groups told to write privately
WEBHOOK_PATH = "/telegram"
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"  # noqa: S105 - a header name
ALLOWED_UPDATES = ("message", "callback_query")
COMMANDS: dict[str, InputKind] = {
    "start": "start",
    "help": "help",
    "language": "language",
    "stop": "stop",
    "close": "close",
}
WHOAMI = "whoami"  # answers a person's (or a group's) own id: the staff set-up
MAX_BODY_BYTES = 1 << 20
_SEQ = re.compile(r"[0-9]{1,9}")  # ASCII digits only: "²".isdigit() is True, int("²") fails

PtbApplication = Application[Any, Any, Any, Any, Any, Any]


def build_application(token: str, api_url: str | None) -> PtbApplication:
    """The PTB Application: our webhook feeds it, so no Updater; 30 messages/s in all."""
    builder: ApplicationBuilder[Any, Any, Any, Any, Any, Any] = (
        Application.builder()
        .token(token)
        .updater(None)
        .rate_limiter(AIORateLimiter(max_retries=0))  # the outbox waits out a 429 itself
    )
    if api_url is not None:
        builder = builder.base_url(f"{api_url}/bot").base_file_url(f"{api_url}/file/bot")
    return builder.build()


class TelegramChannel:
    """The webhook handler and the sending side of the Telegram bot."""

    def __init__(
        self,
        *,
        application: PtbApplication,
        secret: str,
        conversations: ChatConversations,
        pseudonym_key: bytes,
        outbox: TelegramOutbox,
        sends: TelegramSends,
        board: DutyBoard | None = None,
        desk: StaffDesk | None = None,
    ) -> None:
        self.board = board
        self.desk = desk
        self.application = application
        self.secret = secret.encode()
        self.conversations = conversations
        self.pseudonym_key = pseudonym_key
        self.outbox = outbox  # callback-query answers only: they expire within seconds
        self.sends = sends  # every message: kept in the database until sent
        self._locks: weakref.WeakValueDictionary[int, asyncio.Lock] = weakref.WeakValueDictionary()

    @property
    def bot(self) -> Bot:
        """The PTB bot that sends."""
        bot: Bot = self.application.bot
        return bot

    async def webhook(self, request: web.Request) -> web.Response:
        """POST /telegram: the secret first, then the update; answered fast, sent after."""
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self.secret):
            raise Forbidden("the Telegram webhook secret is missing or wrong")
        body = await request.content.read(MAX_BODY_BYTES + 1)
        if len(body) > MAX_BODY_BYTES:
            raise BadRequest("the update is too large")
        try:
            data = json.loads(body)
        except (ValueError, RecursionError):  # not JSON, or nested deeper than Python goes
            raise BadRequest("the body is not JSON") from None
        if not isinstance(data, dict) or not _is_id(data.get("update_id")):
            raise BadRequest("update_id is missing")
        try:
            update = Update.de_json(data, self.bot)
        except Exception:  # de_json only parses (no I/O): whatever it trips on is the body's
            raise BadRequest("not a Telegram update") from None
        wrong = _wrong_field(update)
        if wrong is not None:
            raise BadRequest(f"{wrong} has the wrong type")
        await self.handle(update)
        return web.Response(text="ok")

    async def handle(self, update: Update) -> None:
        """One update: parse it into a ChatInput, move the conversation, queue the answer.

        Staff write to the same bot: their updates go to the staff desk instead. /whoami
        answers anyone with their own id (in a group: the group's), for setting up staff.
        The update's log lines (and its messages' sends) carry its id.
        """
        follow(for_update(update.update_id))
        asked = update.message
        if asked is not None and _command_of(asked.text) == WHOAMI:
            await self._whoami(asked)
            return
        if self.desk is not None and self.board is not None:
            staff = staff_of(await self.board.current(), update)
            if staff is not None:
                await self.desk.handle(update, staff)
                return
        group = _group_of(update)
        if group is not None:
            await self._in_group(update, group)
            return
        shared = update.message
        if shared is not None and shared.location is not None and shared.from_user is not None:
            await self._nearest(update, shared.chat.id, shared.from_user, shared.location)
            return
        parsed = self._parse(update)
        if parsed is None:
            return  # a photo, a sticker, an edited message: nothing the flows take
        chat_id, user_id, language_code, given = parsed
        who = self._subscriber(chat_id, user_id, language_code)
        query = update.callback_query
        pressed = query.message.message_id if query and query.message else None
        held: list[HeldSend] = []

        async def keep(uow: UnitOfWork, reply: ChatReply) -> None:
            """The replies (and the pressed buttons' removal) commit with the step."""
            unbutton = [Outgoing(unbutton=pressed)] if pressed and not reply.stale else []
            replies = [outgoing(message, reply.seq) for message in reply.messages]
            held[:] = await self.sends.keep(uow, chat_id, unbutton + replies)

        async with self._lock(chat_id):  # one chat's updates in the order they came
            reply = await self.conversations.handle(
                who, given, delivery_id=str(update.update_id), keep=keep
            )
        if query is not None and not reply.duplicate:
            # Stop the button's spinner at once, whatever the outcome. A redelivered press
            # was answered with its first delivery: a second answer is refused (400).
            self.outbox.enqueue(chat_id, lambda: query.answer())
        self.sends.dispatch(held)

    async def _in_group(self, update: Update, group: Chat) -> None:
        """A group, supergroup or channel: the flow runs in private chats only.

        Everyone in a group would read the menu and each answer. So the bot says once where
        to write, and is quiet after: no flow, no session, no call log. All it keeps is the
        mark that the group was told, a keyed pseudonym of its id among the delivery marks,
        forgotten like them after DELIVERY_MEMORY: a group is told at most every two days.
        """
        query = update.callback_query
        if query is not None:  # a button of an old message: stop its spinner, nothing else
            self.outbox.enqueue(group.id, lambda: query.answer())
            return
        if self.desk is not None and group.id == self.desk.notifier.staff_chat_id:
            return  # the staff group: its staff were heard by the desk, nobody else is
        told = pseudonym(f"{GROUPS_TOLD}:{group.id}", self.pseudonym_key) or ""
        if not await self.conversations.first_time(GROUPS_TOLD, told):
            return
        user = update.effective_user
        hint = (user.language_code or "")[:2].lower() if user is not None else ""
        languages = self.conversations.languages
        language = hint if hint in languages.offered else languages.default
        catalog = self.conversations.catalog
        username, text = self._username(), None
        if username:
            link = {"link": f"https://t.me/{username}"}
            text = catalog.format_attribute(
                language, MessageId.CHAT_PRIVATE_ONLY, "with-link", link
            )
        await self.send_text(
            str(group.id), text or catalog.format(language, MessageId.CHAT_PRIVATE_ONLY)
        )

    async def _whoami(self, message: Message) -> None:
        """The id a coordinator needs: a person's own (`hotline staff add --telegram`), or a
        group's (`HOTLINE_STAFF_CHAT_ID`). Said to them only; kept and logged nowhere."""
        user = message.from_user
        hint = (user.language_code or "")[:2].lower() if user is not None else ""
        languages = self.conversations.languages
        language = hint if hint in languages.offered else languages.default
        chat = message.chat
        if chat.type == Chat.PRIVATE and user is not None:
            text = self.conversations.catalog.format(
                language, MessageId.WHOAMI_PERSON, {"id": str(user.id)}
            )
        else:
            text = self.conversations.catalog.format(
                language, MessageId.WHOAMI_GROUP, {"id": str(chat.id)}
            )
        await self.send_text(str(chat.id), text)

    def _username(self) -> str | None:
        """The bot's username, from getMe at start; None when that has not succeeded yet."""
        try:
            return self.bot.username
        except RuntimeError:  # not initialized: Telegram was unreachable at start
            return None

    def _subscriber(self, chat_id: int, user_id: int, language_code: str | None) -> Subscriber:
        """Who wrote: their pseudonym, their chat to answer, and their app's language."""
        return Subscriber(
            pseudonym=pseudonym(f"telegram:{user_id}", self.pseudonym_key) or "",
            address=str(chat_id),
            language_hint=(language_code or "")[:2].lower() or None,
            # Telegram's ids fit in 52 bits: one past them is `hotline chat`'s stand-in.
            simulated=user_id >= SIMULATED_USERS,
        )

    async def _nearest(self, update: Update, chat_id: int, user: User, place: Location) -> None:
        """A location shared (Telegram's location button): the nearest services, as cards."""
        who = self._subscriber(chat_id, user.id, user.language_code)
        async with self._lock(chat_id):
            messages = await self.conversations.nearest(
                who, place.latitude, place.longitude, str(update.update_id)
            )
        await self.sends.put(chat_id, [outgoing(message, 0) for message in messages])

    def _parse(self, update: Update) -> tuple[int, int, str | None, ChatInput] | None:
        query = update.callback_query
        if query is not None and query.message is not None and query.data:
            seq_text, _, key = query.data.partition(":")
            if not _SEQ.fullmatch(seq_text) or len(key) != 1:
                return None
            given = ChatInput("choice", key, int(seq_text))
            return query.message.chat.id, query.from_user.id, query.from_user.language_code, given
        message = update.message
        if message is None or message.text is None or message.from_user is None:
            return None
        text = message.text.strip()
        command = _command_of(text)
        if command is not None:
            words = text[1:].split(maxsplit=1)
            kind = COMMANDS.get(command, "help")
            # A t.me/<bot>?start=<parameter> link arrives as "/start <parameter>".
            given = ChatInput(kind, words[1].strip() if kind == "start" and len(words) > 1 else "")
        else:
            given = ChatInput("text", text)
        return message.chat.id, message.from_user.id, message.from_user.language_code, given

    def _lock(self, chat_id: int) -> asyncio.Lock:
        lock = self._locks.get(chat_id)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[chat_id] = lock
        return lock

    async def send_text(self, address: str, text: str) -> None:
        """Send a message to a chat (a relayed reply, a case taken or closed)."""
        await self.sends.send_text(address, text)

    async def poll(self, stop: asyncio.Event) -> None:
        """Development without a public URL: long-poll getUpdates instead of the webhook."""
        await self.bot.delete_webhook()
        offset = 0
        while not stop.is_set():
            try:
                updates = await self.bot.get_updates(
                    offset=offset, timeout=20, allowed_updates=list(ALLOWED_UPDATES)
                )
            except Exception:
                log.exception("telegram polling failed; trying again in 5 s")
                await asyncio.sleep(5)
                continue
            for update in updates:
                offset = update.update_id + 1
                try:
                    await self.handle(update)
                except Exception:
                    log.exception("telegram update failed")
                follow(None)  # the polling's own lines are no update's


def outgoing(message: ChatMessage, seq: int) -> Outgoing:
    """A message with its choices as buttons, one a row, each naming the step `seq` it
    answers."""
    buttons = [[(label, f"{seq}:{key}")] for key, label in message.choices]
    return Outgoing(message.text, buttons or None)


def keyboard(message: ChatMessage, seq: int) -> InlineKeyboardMarkup | None:
    """A message's choices as buttons (`outgoing`), as Telegram's inline keyboard."""
    return outgoing(message, seq).markup()


def _command_of(text: str | None) -> str | None:
    """The bot command a message starts with ("/whoami@bot x" -> "whoami"), if any."""
    if not text or not text.startswith("/"):
        return None
    words = text[1:].split(maxsplit=1)
    return words[0].split("@")[0].lower() if words else ""


def _group_of(update: Update) -> Chat | None:
    """The group, supergroup or channel an update comes from; None for a private chat."""
    query = update.callback_query
    message = update.message or update.channel_post or (query.message if query else None)
    if message is None or message.chat.type == Chat.PRIVATE:
        return None
    return message.chat


def _wrong_field(update: Update) -> str | None:
    """The first field we read whose type is wrong, or None.

    PTB's de_json checks presence, not types: `"text": 5` or `"chat": {"id": "x"}` parse,
    and would fail later, inside the handling, as if the server were at fault.
    """
    user = update.effective_user
    if user is not None and not (_is_id(user.id) and _is(user.language_code, str, None)):
        return "from"
    query = update.callback_query
    presser: object = query.from_user if query is not None else None
    if query is not None and not (
        _is(query.id, str) and _is(query.data, str, None) and presser is not None
    ):
        return "callback_query"
    for message in (update.message, update.channel_post, query.message if query else None):
        if message is None:
            continue
        chat: object = message.chat
        if not _is_id(message.message_id) or chat is None or not _is_id(message.chat.id):
            return "message"
        if not _is(message.chat.type, str):
            return "chat type"
        if isinstance(message, Message):  # not an InaccessibleMessage of an old button
            if not _is(message.text, str, None):
                return "text"
            replied = message.reply_to_message
            if replied is not None and not _is_id(replied.message_id):
                return "reply_to_message"
            place = message.location
            if place is not None and not all(
                _is(value, int, float) and not isinstance(value, bool) and abs(value) <= limit
                for value, limit in ((place.latitude, 90), (place.longitude, 180))
            ):
                return "location"
    return None


def _is(value: object, *kinds: type | None) -> bool:
    return any(value is None if kind is None else isinstance(value, kind) for kind in kinds)


def _is_id(value: object) -> bool:
    """An id as Telegram gives them: an integer of 64 bits at most (and not a boolean)."""
    return isinstance(value, int) and not isinstance(value, bool) and -(2**63) <= value < 2**63


@asynccontextmanager
async def running(
    application: PtbApplication, outbox: TelegramOutbox, sends: TelegramSends
) -> AsyncIterator[None]:
    """The bot for the server's lifetime; a Telegram outage never stops the voice hotline.

    At the end the outbox has ten seconds to send what it holds; what it did not send stays
    in the database, its leases given up, for another process (or this one, restarted)."""
    try:
        await application.initialize()
    except InvalidToken:
        log.error(
            "telegram: Telegram refused the bot's token: copy HOTLINE_TELEGRAM_TOKEN again from "
            "@BotFather (/mybots > API Token); chats are off until then"
        )
    except Exception as exc:
        log.error(
            "telegram: the Bot API cannot be reached (%s: %s): chats will be answered once it "
            "can; check this server's outbound network",
            type(exc).__name__,
            exc,
        )
        log.debug("telegram: getMe failed", exc_info=True)
    sends.start()
    try:
        yield
    finally:
        await outbox.drain(timeout_s=10)
        await outbox.close()
        await sends.stop()
        try:
            await application.shutdown()
        except Exception:  # it never started: nothing to shut down
            log.debug("telegram bot shutdown skipped", exc_info=True)
