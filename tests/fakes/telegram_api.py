"""A fake Telegram Bot API on 127.0.0.1 that the real python-telegram-bot talks HTTP to.

Point PTB at it with `fake.application_builder()` (or by hand:
`Application.builder().token(fake.token).base_url(fake.base_url)
.base_file_url(fake.base_file_url).updater(None)`); PTB appends the token and `/method`.
Every call is recorded as a `TelegramCall`; tests read `fake.sent`, `fake.messages_to(chat)`,
or `await fake.wait_for(...)` instead of sleeping.
"""

from __future__ import annotations

import itertools
import json
import math
import re
import time
import zlib
from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal, Self

from aiohttp import web
from telegram import Bot
from telegram.ext import Application, ContextTypes, ExtBot, JobQueue
from yarl import URL

from tests.fakes._common import LoopbackServer, Signal, wait_until
from tests.fakes.telegram_updates import JsonDict, TelegramUser, UpdateFactory

if TYPE_CHECKING:
    from telegram.ext._applicationbuilder import InitApplicationBuilder

__all__ = [
    "DEFAULT_TOKEN",
    "FakeTelegram",
    "PtbApplication",
    "TelegramCall",
    "TelegramFault",
    "TelegramLimits",
]

# Well-formed (digits, colon, 35 characters), so a different well-formed token gets a 401.
DEFAULT_TOKEN = "7000000001:AAFakeTokenForTestsOnly0123456789ab"
_TOKEN_FORMAT = re.compile(r"^\d+:[A-Za-z0-9_-]{35}$")
_SECRET_TOKEN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")
_COMMAND_NAME = re.compile(r"^[a-z0-9_]{1,32}$")
_INTEGER = re.compile(r"^-?\d+$")

Among = Literal["sent", "rejected", "failed", "all"]

# What `fake.application_builder().build()` gives: PTB's default Application type.
PtbApplication = Application[
    ExtBot[None],
    ContextTypes.DEFAULT_TYPE,
    dict[Any, Any],
    dict[Any, Any],
    dict[Any, Any],
    JobQueue[ContextTypes.DEFAULT_TYPE],
]

# Form fields that carry JSON (PTB JSON-encodes every non-string value of a form).
_JSON_FIELDS = frozenset(
    {
        "reply_markup",
        "entities",
        "caption_entities",
        "commands",
        "scope",
        "allowed_updates",
        "link_preview_options",
        "reply_parameters",
        "media",
        "results",
    }
)
_INT_FIELDS = frozenset(
    {
        "message_id",
        "message_thread_id",
        "reply_to_message_id",
        "cache_time",
        "max_connections",
        "offset",
        "limit",
        "timeout",
        "user_id",
    }
)
_BOOL_FIELDS = frozenset(
    {
        "show_alert",
        "drop_pending_updates",
        "disable_notification",
        "protect_content",
        "disable_web_page_preview",
        "allow_sending_without_reply",
        "allow_paid_broadcast",
    }
)
_CHAT_ACTIONS = frozenset(
    {
        "typing",
        "upload_photo",
        "record_video",
        "upload_video",
        "record_voice",
        "upload_voice",
        "upload_document",
        "choose_sticker",
        "find_location",
        "record_video_note",
        "upload_video_note",
    }
)
_PARSE_MODES = frozenset({"html", "markdown", "markdownv2"})
_BUTTON_KINDS = (
    "url",
    "callback_data",
    "web_app",
    "login_url",
    "switch_inline_query",
    "switch_inline_query_current_chat",
    "switch_inline_query_chosen_chat",
    "copy_text",
    "callback_game",
    "pay",
)
_WEBHOOK_PORTS = frozenset({80, 88, 443, 8443})
_NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup "
    "are exactly the same as a current content and reply markup of the message"
)
_STALE_QUERY = "Bad Request: query is too old and response timeout expired or query ID is invalid"
_BLOCKED = "Forbidden: bot was blocked by the user"
_DEFAULT_DESCRIPTIONS = {
    400: "Bad Request: injected failure",
    403: _BLOCKED,
    404: "Not Found",
    409: "Conflict: terminated by other getUpdates request",
    500: "Internal Server Error",
    502: "Bad Gateway",
}


class _ApiError(Exception):
    """An answer of `{"ok": false, ...}`; raised inside method handlers."""

    def __init__(self, status: int, description: str, *, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def body(self) -> JsonDict:
        data: JsonDict = {"ok": False, "error_code": self.status, "description": self.description}
        if self.retry_after is not None:
            data["parameters"] = {"retry_after": self.retry_after}
        return data


def _bad_request(detail: str) -> _ApiError:
    return _ApiError(400, f"Bad Request: {detail}")


def _too_many(retry_after: int) -> _ApiError:
    return _ApiError(429, f"Too Many Requests: retry after {retry_after}", retry_after=retry_after)


@dataclass(frozen=True)
class TelegramLimits:
    """Flood limits the fake enforces when given; Telegram's published figures by default.

    Only calls of `methods` count. Calls answered 429 do not use up the allowance.
    """

    overall: int = 30
    overall_period: float = 1.0
    per_chat: int = 1
    per_chat_period: float = 1.0
    per_group: int = 20
    per_group_period: float = 60.0
    methods: frozenset[str] = frozenset({"sendMessage"})


class _Window:
    """At most `limit` events in any sliding `period` seconds."""

    def __init__(self, limit: int, period: float) -> None:
        self.limit = limit
        self.period = period
        self._stamps: deque[float] = deque()

    def wait(self, now: float) -> float:
        """Seconds until one more event fits; 0 when it fits now."""
        while self._stamps and self._stamps[0] <= now - self.period:
            self._stamps.popleft()
        if len(self._stamps) < self.limit:
            return 0.0
        return self._stamps[0] + self.period - now

    def add(self, now: float) -> None:
        self._stamps.append(now)


@dataclass
class TelegramFault:
    """A failure to inject: the next `times` matching calls get `status` instead of an answer."""

    method: str | None
    chat_id: int | str | None
    status: int
    description: str
    retry_after: int | None
    times: int

    def matches(self, method: str, params: Mapping[str, Any]) -> bool:
        if self.method is not None and self.method.lower() != method.lower():
            return False
        return self.chat_id is None or params.get("chat_id") == self.chat_id


@dataclass(frozen=True)
class TelegramCall:
    """One Bot API call as the fake saw and answered it."""

    seq: int
    method: str
    params: JsonDict
    status: int
    response: JsonDict
    at: float = field(repr=False)

    @property
    def ok(self) -> bool:
        """Answered with a 2xx."""
        return 200 <= self.status < 300

    @property
    def chat_id(self) -> int | str | None:
        value = self.params.get("chat_id")
        return value if isinstance(value, int | str) else None

    @property
    def text(self) -> str | None:
        value = self.params.get("text")
        return value if isinstance(value, str) else None

    @property
    def reply_markup(self) -> JsonDict | None:
        """The markup as sent, parsed from its JSON."""
        value = self.params.get("reply_markup")
        return value if isinstance(value, dict) else None

    @property
    def result(self) -> Any:
        return self.response.get("result")

    @property
    def message(self) -> JsonDict | None:
        """The Message object answered, for calls that answer one."""
        result = self.result
        return result if isinstance(result, dict) and "message_id" in result else None

    @property
    def message_id(self) -> int | None:
        """The id of the message sent, or of the message edited or deleted."""
        if self.message is not None:
            return int(self.message["message_id"])
        value = self.params.get("message_id")
        return value if isinstance(value, int) else None

    @property
    def description(self) -> str | None:
        value = self.response.get("description")
        return value if isinstance(value, str) else None

    @property
    def retry_after(self) -> int | None:
        parameters = self.response.get("parameters")
        return parameters.get("retry_after") if isinstance(parameters, dict) else None

    @property
    def inline_keyboard(self) -> list[list[JsonDict]]:
        """Rows of inline buttons sent with the call; empty when there are none."""
        markup = self.reply_markup or {}
        rows = markup.get("inline_keyboard")
        return rows if isinstance(rows, list) else []

    @property
    def button_texts(self) -> list[str]:
        return [str(button.get("text")) for row in self.inline_keyboard for button in row]

    @property
    def callback_data(self) -> list[str]:
        return [
            str(button["callback_data"])
            for row in self.inline_keyboard
            for button in row
            if "callback_data" in button
        ]

    def button(self, label: str) -> JsonDict:
        """The inline button whose text or callback_data is `label`."""
        for row in self.inline_keyboard:
            for button in row:
                if label in (button.get("text"), button.get("callback_data")):
                    return button
        raise LookupError(f"no button {label!r} in {self.button_texts}")

    def summary(self) -> str:
        """One line for failure messages."""
        parts = [f"#{self.seq} {self.method} {self.status}"]
        if self.chat_id is not None:
            parts.append(f"chat={self.chat_id}")
        if self.text is not None:
            parts.append(f"text={self.text[:60]!r}")
        if self.inline_keyboard:
            parts.append(f"buttons={self.button_texts}")
        if not self.ok:
            parts.append(f"-> {self.description!r}")
        return " ".join(parts)


def _parse_chat_id(value: Any) -> int | str:
    if isinstance(value, bool):
        raise _bad_request("chat not found")
    if isinstance(value, int):
        return value
    if isinstance(value, str):
        if _INTEGER.match(value):
            return int(value)
        if value.startswith("@") and len(value) > 1:
            return value
    raise _bad_request("chat not found")


def _coerce(name: str, value: Any) -> Any:
    """A form value as Telegram reads it: JSON fields parsed, numbers and booleans typed."""
    if not isinstance(value, str):
        return value
    if name in _JSON_FIELDS:
        try:
            return json.loads(value)
        except ValueError:
            raise _bad_request(f"can't parse {name} JSON object") from None
    if name in ("chat_id", "from_chat_id"):
        return int(value) if _INTEGER.match(value) else value
    if name in _INT_FIELDS:
        if not _INTEGER.match(value):
            raise _bad_request(f"invalid {name} specified")
        return int(value)
    if name in _BOOL_FIELDS:
        return value.strip().lower() in ("true", "1")
    return value


def _check_reply_markup(markup: Any) -> None:
    """Reject markup Telegram would reject; inline buttons need exactly one action."""
    if not isinstance(markup, dict):
        raise _bad_request("can't parse reply keyboard markup JSON object")
    if "inline_keyboard" not in markup:
        return  # reply keyboards, removal, force_reply: accepted as they are
    rows = markup["inline_keyboard"]
    if not isinstance(rows, list) or not all(isinstance(row, list) for row in rows):
        raise _bad_request('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array')
    for row in rows:
        for button in row:
            if not isinstance(button, dict) or not button.get("text"):
                raise _bad_request("can't parse inline keyboard button: Text must be non-empty")
            kinds = [kind for kind in _BUTTON_KINDS if kind in button]
            if not kinds:
                raise _bad_request(
                    "can't parse inline keyboard button: "
                    "Text buttons are unallowed in the inline keyboard"
                )
            if len(kinds) > 1:
                raise _bad_request(
                    "can't parse inline keyboard button: "
                    "InlineKeyboardButton must have exactly one optional field"
                )
            data = button.get("callback_data")
            if data is not None and not (
                isinstance(data, str) and 1 <= len(data.encode("utf-8")) <= 64
            ):
                raise _bad_request("BUTTON_DATA_INVALID")


def _inline_only(markup: Any) -> JsonDict | None:
    """What Telegram echoes in Message.reply_markup: inline keyboards only."""
    if isinstance(markup, dict) and markup.get("inline_keyboard"):
        return markup
    return None


class FakeTelegram:
    """A Telegram Bot API server for tests, on 127.0.0.1 at an ephemeral port.

    Use as `async with FakeTelegram() as fake:` inside the test's event loop.
    """

    def __init__(
        self,
        token: str = DEFAULT_TOKEN,
        *,
        bot_username: str = "hotline_test_bot",
        bot_first_name: str = "Hotline",
        limits: TelegramLimits | None = None,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.token = token
        bot_id = token.split(":", 1)[0]
        self.bot_user: JsonDict = {
            "id": int(bot_id) if bot_id.isdigit() else 7_000_000_001,
            "is_bot": True,
            "first_name": bot_first_name,
            "username": bot_username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": False,
            "can_connect_to_business": False,
            "has_main_web_app": False,
        }
        self._clock = clock
        self._monotonic = monotonic
        self.calls: list[TelegramCall] = []
        self.faults: list[TelegramFault] = []
        self.blocked: set[int | str] = set()
        self.webhook: JsonDict = {}
        self.commands: dict[tuple[str, str], list[JsonDict]] = {}
        self.chats: dict[int | str, JsonDict] = {}
        self._messages: dict[int | str, dict[int, JsonDict]] = {}
        self._message_ids: dict[int | str, itertools.count[int]] = {}
        self._answered_queries: set[str] = set()
        self._limits: TelegramLimits | None = None
        self._overall = _Window(1, 1.0)
        self._per_chat: dict[int | str, _Window] = {}
        self._per_group: dict[int | str, _Window] = {}
        self.limits = limits
        self._seq = itertools.count(1)
        self._signal = Signal()
        self._handlers: dict[str, tuple[str, Callable[[JsonDict], tuple[Any, str | None]]]] = {
            name.lower(): (name, handler)
            for name, handler in (
                ("getMe", self._get_me),
                ("logOut", self._true),
                ("close", self._true),
                ("setWebhook", self._set_webhook),
                ("deleteWebhook", self._delete_webhook),
                ("getWebhookInfo", self._get_webhook_info),
                ("sendMessage", self._send_message),
                ("sendAudio", self._send_audio),
                ("editMessageText", self._edit_message_text),
                ("editMessageReplyMarkup", self._edit_message_reply_markup),
                ("deleteMessage", self._delete_message),
                ("answerCallbackQuery", self._answer_callback_query),
                ("sendChatAction", self._send_chat_action),
                ("setMyCommands", self._set_my_commands),
                ("getMyCommands", self._get_my_commands),
                ("deleteMyCommands", self._delete_my_commands),
            )
        }
        self.updates = UpdateFactory(
            clock=clock,
            next_message_id=self._next_message_id,
            on_user_message=self._store_user_message,
        )
        app = web.Application()
        app.router.add_route("*", "/bot{token}/{method}", self._handle)
        app.router.add_route("GET", "/file/bot{token}/{path:.+}", self._file)
        self._server = LoopbackServer(app)

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Start serving on 127.0.0.1."""
        await self._server.start()

    async def close(self) -> None:
        """Stop serving."""
        await self._server.close()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def port(self) -> int:
        return self._server.port

    @property
    def base_url(self) -> str:
        """For PTB's `base_url`: PTB appends the token, then `/method`."""
        return f"{self._server.origin}/bot"

    @property
    def base_file_url(self) -> str:
        """For PTB's `base_file_url` (the fake stores no files: downloads answer 404)."""
        return f"{self._server.origin}/file/bot"

    @property
    def bot_id(self) -> int:
        return int(self.bot_user["id"])

    def application_builder(self) -> InitApplicationBuilder:
        """A PTB ApplicationBuilder aimed at this fake, without an Updater; call `.build()`."""
        return (
            Application.builder()
            .token(self.token)
            .base_url(self.base_url)
            .base_file_url(self.base_file_url)
            .updater(None)
        )

    def bot(self, token: str | None = None) -> Bot:
        """A bare PTB Bot aimed at this fake (use `async with` to initialize it)."""
        return Bot(token or self.token, base_url=self.base_url, base_file_url=self.base_file_url)

    # -- configuring failures ----------------------------------------------------------------

    @property
    def limits(self) -> TelegramLimits | None:
        """Flood limits in force; None (the default) for none. Setting resets the windows."""
        return self._limits

    @limits.setter
    def limits(self, limits: TelegramLimits | None) -> None:
        self._limits = limits
        if limits is not None:
            self._overall = _Window(limits.overall, limits.overall_period)
        self._per_chat.clear()
        self._per_group.clear()

    def fail_next(
        self,
        method: str | None = None,
        *,
        status: int = 429,
        retry_after: int | None = None,
        description: str | None = None,
        chat_id: int | str | None = None,
        times: int = 1,
    ) -> TelegramFault:
        """Answer the next `times` calls of `method` (any method if None) with an error.

        429 carries `parameters.retry_after` (1 unless given), as Telegram sends it.
        """
        if status == 429:
            retry_after = 1 if retry_after is None else retry_after
            description = description or f"Too Many Requests: retry after {retry_after}"
        fault = TelegramFault(
            method=method,
            chat_id=chat_id,
            status=status,
            description=description or _DEFAULT_DESCRIPTIONS.get(status, f"Error {status}"),
            retry_after=retry_after,
            times=times,
        )
        self.faults.append(fault)
        return fault

    def block(self, chat_id: int | str) -> None:
        """From now on, sends to `chat_id` get 403 "bot was blocked by the user"."""
        self.blocked.add(chat_id)

    # -- reading what was recorded -----------------------------------------------------------

    @property
    def sent(self) -> list[TelegramCall]:
        """Every call answered with success, in order."""
        return [call for call in self.calls if call.ok]

    @property
    def rejected(self) -> list[TelegramCall]:
        """Calls answered 429 (flood limits or injected): not delivered."""
        return [call for call in self.calls if call.status == 429]

    @property
    def failed(self) -> list[TelegramCall]:
        """Calls answered with any other error."""
        return [call for call in self.calls if not call.ok and call.status != 429]

    def calls_of(self, method: str, *, among: Among = "sent") -> list[TelegramCall]:
        """Calls of one method (case-insensitive), from `among`."""
        return [call for call in self._among(among) if call.method.lower() == method.lower()]

    def messages_to(self, chat_id: int | str) -> list[TelegramCall]:
        """Messages delivered to a chat (sendMessage answered ok), in order."""
        return [call for call in self.calls_of("sendMessage") if call.chat_id == chat_id]

    def texts_to(self, chat_id: int | str) -> list[str]:
        """The texts of `messages_to(chat_id)`."""
        return [call.text or "" for call in self.messages_to(chat_id)]

    def message(self, chat_id: int | str, message_id: int) -> JsonDict | None:
        """The current state of a message in a chat (after edits), or None once deleted."""
        return self._messages.get(chat_id, {}).get(message_id)

    def clear(self) -> None:
        """Forget recorded calls (chats, messages and webhook stay)."""
        self.calls.clear()

    async def wait_for(
        self,
        predicate: Callable[[TelegramCall], bool] | None = None,
        *,
        method: str | None = None,
        chat_id: int | str | None = None,
        among: Among = "sent",
        after: int = 0,
        timeout: float = 5.0,  # noqa: ASYNC109 - a default bound, so no test waits forever
    ) -> TelegramCall:
        """The first call in `among` past index `after` matching all filters given.

        Returns at once if one is recorded already; raises TimeoutError after `timeout`.
        """
        found = await self.wait_for_many(
            predicate, method=method, chat_id=chat_id, among=among, after=after, timeout=timeout
        )
        return found[0]

    async def wait_for_many(
        self,
        predicate: Callable[[TelegramCall], bool] | None = None,
        *,
        count: int = 1,
        method: str | None = None,
        chat_id: int | str | None = None,
        among: Among = "sent",
        after: int = 0,
        timeout: float = 5.0,  # noqa: ASYNC109 - a default bound, so no test waits forever
    ) -> list[TelegramCall]:
        """The first `count` matching calls; see `wait_for`."""

        def matches(call: TelegramCall) -> bool:
            if method is not None and call.method.lower() != method.lower():
                return False
            if chat_id is not None and call.chat_id != chat_id:
                return False
            return predicate is None or predicate(call)

        return await wait_until(
            self._signal,
            lambda: self._among(among),
            matches,
            count=count,
            after=after,
            timeout=timeout,
            describe=self._describe,
        )

    async def wait_for_messages(
        self,
        chat_id: int | str,
        count: int = 1,
        *,
        after: int = 0,
        timeout: float = 5.0,  # noqa: ASYNC109 - a default bound, so no test waits forever
    ) -> list[TelegramCall]:
        """The first `count` messages delivered to `chat_id` past the `after`-th one."""
        return await wait_until(
            self._signal,
            lambda: self.messages_to(chat_id),
            lambda _call: True,
            count=count,
            after=after,
            timeout=timeout,
            describe=self._describe,
        )

    def _among(self, among: Among) -> list[TelegramCall]:
        if among == "sent":
            return self.sent
        if among == "rejected":
            return self.rejected
        if among == "failed":
            return self.failed
        return list(self.calls)

    def _describe(self) -> str:
        if not self.calls:
            return "nothing"
        return "; ".join(call.summary() for call in self.calls[-20:])

    # -- building incoming updates -----------------------------------------------------------

    def press(
        self,
        message: TelegramCall | Mapping[str, Any],
        button: str,
        *,
        user: TelegramUser | int | None = None,
    ) -> JsonDict:
        """A callback_query update: `user` presses the button labelled (or with data) `button`.

        The message is taken as it stands now (after edits). In a private chat the user
        defaults to the chat's owner.
        """
        sent = message.message if isinstance(message, TelegramCall) else dict(message)
        if sent is None:
            raise ValueError("that call answered no message")
        chat_id = sent["chat"]["id"]
        current = self.message(chat_id, int(sent["message_id"])) or sent
        markup = current.get("reply_markup") or {}
        for row in markup.get("inline_keyboard", []):
            for candidate in row:
                if button in (candidate.get("text"), candidate.get("callback_data")):
                    if "callback_data" not in candidate:
                        raise ValueError(f"button {button!r} has no callback_data")
                    return self.updates.callback_query(
                        self._presser(current, user), current, str(candidate["callback_data"])
                    )
        labels = [b.get("text") for row in markup.get("inline_keyboard", []) for b in row]
        raise LookupError(f"no button {button!r} on message {sent['message_id']}: {labels}")

    def _presser(self, message: Mapping[str, Any], user: TelegramUser | int | None) -> TelegramUser:
        if isinstance(user, TelegramUser):
            return user
        if user is not None:
            return TelegramUser(id=user)
        chat = message["chat"]
        if chat.get("type") != "private":
            raise ValueError("say which user presses the button outside a private chat")
        return TelegramUser(
            id=int(chat["id"]),
            first_name=str(chat.get("first_name", "Test")),
            last_name=chat.get("last_name"),
            username=chat.get("username"),
        )

    def webhook_headers(self) -> dict[str, str]:
        """Headers Telegram sends with each webhook POST (the secret when one was set)."""
        headers = {"Content-Type": "application/json"}
        secret = self.webhook.get("secret_token")
        if secret:
            headers["X-Telegram-Bot-Api-Secret-Token"] = str(secret)
        return headers

    # -- the server --------------------------------------------------------------------------

    async def _file(self, request: web.Request) -> web.Response:
        return web.json_response(
            {"ok": False, "error_code": 404, "description": "Not Found"}, status=404
        )

    async def _handle(self, request: web.Request) -> web.Response:
        token = request.match_info["token"]
        name = request.match_info["method"]
        handler = self._handlers.get(name.lower())
        method = handler[0] if handler else name
        params: JsonDict = {}
        try:
            if token != self.token:
                # Telegram: 401 for a well-formed token it does not know, 404 for a malformed one.
                if _TOKEN_FORMAT.match(token):
                    raise _ApiError(401, "Unauthorized")
                raise _ApiError(404, "Not Found")
            if handler is None:
                raise _ApiError(404, "Not Found")
            params = await self._read_params(request)
            status, body = 200, self._dispatch(method, handler[1], params)
        except _ApiError as error:
            status, body = error.status, error.body()
        self._record(method, params, status, body)
        return web.json_response(body, status=status)

    async def _read_params(self, request: web.Request) -> JsonDict:
        raw: JsonDict = dict(request.query)
        if request.method == "POST" and request.can_read_body:
            if request.content_type == "application/json":
                try:
                    body = await request.json()
                except ValueError:
                    raise _bad_request("can't parse JSON object") from None
                if not isinstance(body, dict):
                    raise _bad_request("JSON object expected")
                raw.update(body)
            else:
                form = await request.post()
                for key, value in form.items():
                    if isinstance(value, web.FileField):
                        raw[key] = {
                            "file_name": value.filename,
                            "content_type": value.content_type,
                            "size": len(value.file.read()),
                        }
                    else:
                        raw[key] = value
        return {key: _coerce(key, value) for key, value in raw.items()}

    def _dispatch(
        self, method: str, handler: Callable[[JsonDict], tuple[Any, str | None]], params: JsonDict
    ) -> JsonDict:
        for fault in self.faults:
            if fault.times > 0 and fault.matches(method, params):
                fault.times -= 1
                if fault.times == 0:
                    self.faults.remove(fault)
                raise _ApiError(fault.status, fault.description, retry_after=fault.retry_after)
        result, description = handler(params)
        body: JsonDict = {"ok": True, "result": result}
        if description:
            body["description"] = description
        return body

    def _record(self, method: str, params: JsonDict, status: int, body: JsonDict) -> None:
        call = TelegramCall(
            seq=next(self._seq),
            method=method,
            params=params,
            status=status,
            response=body,
            at=self._monotonic(),
        )
        self.calls.append(call)
        self._signal.fire()

    # -- state -------------------------------------------------------------------------------

    def _next_message_id(self, chat_id: int | str) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def _store_user_message(self, message: JsonDict) -> None:
        chat = message["chat"]
        self.chats.setdefault(chat["id"], dict(chat))
        self._messages.setdefault(chat["id"], {})[message["message_id"]] = message

    def _chat(self, chat_id: int | str) -> JsonDict:
        known = self.chats.get(chat_id)
        if known is not None:
            return dict(known)
        if isinstance(chat_id, str):
            # A public channel by @username; Telegram answers with its numeric id.
            number = -1_000_000_000_000 - zlib.crc32(chat_id.encode())
            return {"id": number, "title": chat_id[1:], "username": chat_id[1:], "type": "channel"}
        if chat_id > 0:
            return {"id": chat_id, "type": "private"}
        if chat_id < -1_000_000_000_000:
            return {"id": chat_id, "title": "Test supergroup", "type": "supergroup"}
        return {"id": chat_id, "title": "Test group", "type": "group"}

    def _require_chat(self, params: JsonDict) -> int | str:
        if params.get("chat_id") in (None, ""):
            raise _bad_request("chat_id is empty")
        chat_id = _parse_chat_id(params["chat_id"])
        params["chat_id"] = chat_id
        if chat_id in self.blocked:
            raise _ApiError(403, _BLOCKED)
        return chat_id

    def _stored(self, params: JsonDict, *, action: str) -> tuple[int | str, JsonDict]:
        chat_id = self._require_chat(params)
        message_id = params.get("message_id")
        if not isinstance(message_id, int):
            raise _bad_request("message identifier is not specified")
        message = self._messages.get(chat_id, {}).get(message_id)
        if message is None:
            raise _bad_request(f"message to {action} not found")
        return chat_id, message

    def _throttle(self, method: str, chat_id: int | str) -> None:
        """Raise 429 when `method` to `chat_id` would exceed the limits; else count it."""
        limits = self._limits
        if limits is None or method not in limits.methods:
            return
        now = self._monotonic()
        windows = [
            self._overall,
            self._per_chat.setdefault(chat_id, _Window(limits.per_chat, limits.per_chat_period)),
        ]
        if isinstance(chat_id, str) or chat_id < 0:
            windows.append(
                self._per_group.setdefault(
                    chat_id, _Window(limits.per_group, limits.per_group_period)
                )
            )
        wait = max(window.wait(now) for window in windows)
        if wait > 0:
            raise _too_many(max(1, math.ceil(wait)))
        for window in windows:
            window.add(now)

    # -- methods -----------------------------------------------------------------------------

    def _true(self, params: JsonDict) -> tuple[Any, str | None]:
        return True, None

    def _get_me(self, params: JsonDict) -> tuple[Any, str | None]:
        return dict(self.bot_user), None

    def _set_webhook(self, params: JsonDict) -> tuple[Any, str | None]:
        if "url" not in params:
            raise _bad_request('parameter "url" is required')
        url = str(params["url"])
        if not url:
            return self._delete_webhook(params)
        if not url.startswith("https://"):
            raise _bad_request("bad webhook: An HTTPS URL must be provided for webhook")
        port = URL(url).port
        if port not in _WEBHOOK_PORTS:
            raise _bad_request(
                "bad webhook: Webhook can be set up only on ports 80, 88, 443 or 8443"
            )
        secret = params.get("secret_token")
        if secret is not None and not (isinstance(secret, str) and _SECRET_TOKEN.match(secret)):
            raise _bad_request("secret token contains unallowed characters")
        same = self.webhook.get("url") == url
        self.webhook = {
            key: params[key]
            for key in ("url", "secret_token", "allowed_updates", "max_connections", "ip_address")
            if key in params
        }
        return True, "Webhook is already set" if same else "Webhook was set"

    def _delete_webhook(self, params: JsonDict) -> tuple[Any, str | None]:
        had = bool(self.webhook.get("url"))
        self.webhook = {}
        return True, "Webhook was deleted" if had else "Webhook is already deleted"

    def _get_webhook_info(self, params: JsonDict) -> tuple[Any, str | None]:
        info: JsonDict = {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": 0,
        }
        if info["url"]:
            info["max_connections"] = self.webhook.get("max_connections", 40)
            info["ip_address"] = "127.0.0.1"
            if "allowed_updates" in self.webhook:
                info["allowed_updates"] = self.webhook["allowed_updates"]
        return info, None

    def _check_text(self, params: JsonDict) -> str:
        text = params.get("text")
        if not isinstance(text, str) or not text.strip():
            raise _bad_request("message text is empty")
        if len(text) > 4096:
            raise _bad_request("message is too long")
        parse_mode = params.get("parse_mode")
        if parse_mode is not None and str(parse_mode).lower() not in _PARSE_MODES:
            raise _bad_request(f"unsupported parse_mode {parse_mode!r}")
        return text

    def _send_message(self, params: JsonDict) -> tuple[Any, str | None]:
        chat_id = self._require_chat(params)
        text = self._check_text(params)
        if "reply_markup" in params:
            _check_reply_markup(params["reply_markup"])
        self._throttle("sendMessage", chat_id)
        message: JsonDict = {
            "message_id": self._next_message_id(chat_id),
            "from": dict(self.bot_user),
            "chat": self._chat(chat_id),
            "date": int(self._clock()),
            "text": text,
        }
        if isinstance(params.get("entities"), list):
            message["entities"] = params["entities"]
        markup = _inline_only(params.get("reply_markup"))
        if markup is not None:
            message["reply_markup"] = markup
        self._messages.setdefault(chat_id, {})[message["message_id"]] = message
        return dict(message), None

    def _send_audio(self, params: JsonDict) -> tuple[Any, str | None]:
        """An audio file uploaded (multipart, `attach://` as PTB sends it) or named by
        file_id/URL; the message holds its name, type and size as Telegram reports them."""
        chat_id = self._require_chat(params)
        audio = params.get("audio")
        if isinstance(audio, str) and audio.startswith("attach://"):
            audio = params.get(audio.removeprefix("attach://"))
        if not audio:
            raise _bad_request("there is no audio in the request")
        caption = params.get("caption")
        if caption is not None and len(str(caption)) > 1024:
            raise _bad_request("message caption is too long")
        self._throttle("sendAudio", chat_id)
        upload = audio if isinstance(audio, dict) else {"file_name": str(audio), "size": 0}
        message_id = self._next_message_id(chat_id)
        message: JsonDict = {
            "message_id": message_id,
            "from": dict(self.bot_user),
            "chat": self._chat(chat_id),
            "date": int(self._clock()),
            "audio": {
                "file_id": f"audio-{chat_id}-{message_id}",
                "file_unique_id": f"audio-{chat_id}-{message_id}",
                "duration": 0,
                "file_name": upload.get("file_name"),
                "mime_type": upload.get("content_type"),
                "file_size": upload.get("size", 0),
            },
        }
        if caption is not None:
            message["caption"] = str(caption)
        self._messages.setdefault(chat_id, {})[message["message_id"]] = message
        return dict(message), None

    def _editable(self, params: JsonDict) -> tuple[int | str, JsonDict]:
        chat_id, message = self._stored(params, action="edit")
        if message.get("from", {}).get("id") != self.bot_id:
            raise _bad_request("message can't be edited")
        return chat_id, message

    def _edit_message_text(self, params: JsonDict) -> tuple[Any, str | None]:
        if "inline_message_id" in params:
            self._check_text(params)
            return True, None
        chat_id, message = self._editable(params)
        text = self._check_text(params)
        if "reply_markup" in params:
            _check_reply_markup(params["reply_markup"])
        markup = _inline_only(params.get("reply_markup"))
        if message.get("text") == text and message.get("reply_markup") == markup:
            raise _bad_request(_NOT_MODIFIED.removeprefix("Bad Request: "))
        self._throttle("editMessageText", chat_id)
        return self._apply_edit(message, text=text, markup=markup), None

    def _edit_message_reply_markup(self, params: JsonDict) -> tuple[Any, str | None]:
        if "inline_message_id" in params:
            return True, None
        chat_id, message = self._editable(params)
        if "reply_markup" in params:
            _check_reply_markup(params["reply_markup"])
        markup = _inline_only(params.get("reply_markup"))
        if message.get("reply_markup") == markup:
            raise _bad_request(_NOT_MODIFIED.removeprefix("Bad Request: "))
        self._throttle("editMessageReplyMarkup", chat_id)
        return self._apply_edit(message, text=message.get("text"), markup=markup), None

    def _apply_edit(self, message: JsonDict, *, text: Any, markup: JsonDict | None) -> JsonDict:
        if text is not None:
            message["text"] = text
        if markup is None:
            message.pop("reply_markup", None)
        else:
            message["reply_markup"] = markup
        message["edit_date"] = int(self._clock())
        return dict(message)

    def _delete_message(self, params: JsonDict) -> tuple[Any, str | None]:
        chat_id, message = self._stored(params, action="delete")
        self._throttle("deleteMessage", chat_id)
        del self._messages[chat_id][int(message["message_id"])]
        return True, None

    def _answer_callback_query(self, params: JsonDict) -> tuple[Any, str | None]:
        query_id = params.get("callback_query_id")
        if not query_id:
            raise _bad_request("query_id is empty")
        if len(str(params.get("text", ""))) > 200:
            raise _bad_request("MESSAGE_TOO_LONG")
        if str(query_id) in self._answered_queries:
            raise _bad_request(_STALE_QUERY.removeprefix("Bad Request: "))
        self._answered_queries.add(str(query_id))
        return True, None

    def _send_chat_action(self, params: JsonDict) -> tuple[Any, str | None]:
        chat_id = self._require_chat(params)
        if params.get("action") not in _CHAT_ACTIONS:
            raise _bad_request("wrong parameter action in request")
        self._throttle("sendChatAction", chat_id)
        return True, None

    @staticmethod
    def _commands_key(params: JsonDict) -> tuple[str, str]:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps(scope, sort_keys=True), str(params.get("language_code") or "")

    def _set_my_commands(self, params: JsonDict) -> tuple[Any, str | None]:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise _bad_request('parameter "commands" is required')
        if len(commands) > 100:
            raise _bad_request("too many commands")
        for command in commands:
            if not isinstance(command, dict):
                raise _bad_request("can't parse BotCommand")
            if not _COMMAND_NAME.match(str(command.get("command", "")).lower()):
                raise _bad_request("BOT_COMMAND_INVALID")
            if not 1 <= len(str(command.get("description", ""))) <= 256:
                raise _bad_request("command description is empty")
        self.commands[self._commands_key(params)] = [dict(c) for c in commands]
        return True, None

    def _get_my_commands(self, params: JsonDict) -> tuple[Any, str | None]:
        return list(self.commands.get(self._commands_key(params), [])), None

    def _delete_my_commands(self, params: JsonDict) -> tuple[Any, str | None]:
        self.commands.pop(self._commands_key(params), None)
        return True, None
