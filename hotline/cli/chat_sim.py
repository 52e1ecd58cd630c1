"""`hotline chat`: play a person writing to the hotline, by Telegram or by SMS, and print what
they read back.

Both go the way a real message goes. By SMS, each entry is a signed Twilio SMS webhook and
the answer is the TwiML's <Message>s, each shown with its segments and encoding, as the
phone company bills it. By Telegram, each entry is an update posted with the webhook secret
and the answer is what the bot then sends to the Bot API, which a stand-in on 127.0.0.1
takes (`BotApiStandIn`); the bot sends in the background, so after each update a /whoami
follows it into the same chat's queue, and its answer marks the end of the reply. Buttons
are numbered in the order shown; an entry that is a button's number or its text presses it.

The person is clearly not a real one: a Telegram user id above the 52 bits Telegram's ids
fit in, or a number of the range Ofcom keeps for drama (+44 7700 900xxx). Each run is a new
person unless `--from` gives the same one again.
"""

from __future__ import annotations

import itertools
import secrets
import time
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, Protocol

import aiohttp
from twilio.request_validator import RequestValidator

from hotline.call_log import SIMULATED_FIELD
from hotline.channels.sms_encoding import measure
from hotline.channels.telegram import SECRET_HEADER, WEBHOOK_PATH
from hotline.channels.twilio_signature import SIGNATURE_HEADER
from hotline.channels.twilio_sms import SMS_PATH
from hotline.cli.bot_api_standin import BOT_ID, BotApiStandIn, SentMessage
from hotline.cli.simulator import SimulationError

SYNTHETIC_TELEGRAM_ID = 9_000_000_000_000_000  # past 2**52: never a Telegram user's id
SYNTHETIC_SMS_PREFIX = "+447700900"  # Ofcom's drama range: never a subscriber's number
REPLY_TIMEOUT_S = 30.0  # a server paces a chat's messages a second apart: a long reply waits
QUIT = "/quit"
WHOAMI = "/whoami"  # answered at once, in the chat's queue: it marks a reply's end
HOTLINE_PREFIX = "  hotline: "

Output = Callable[[str], None]


class BadEntry(SimulationError):
    """An entry that cannot be sent as given (a button number not shown)."""


def new_telegram_id() -> int:
    """A user id no Telegram user has."""
    return SYNTHETIC_TELEGRAM_ID + secrets.randbelow(10**9)


def new_sms_number() -> str:
    """A phone number no subscriber has."""
    return f"{SYNTHETIC_SMS_PREFIX}{secrets.randbelow(1000):03d}"


class Entries:
    """What the person sends: a list (`--send`), or lines read until EOF or /quit."""

    def __init__(self, given: list[str] | None, read: Callable[[], str] | None = None) -> None:
        self.scripted = given is not None
        self._given: Iterator[str] | None = iter(given) if given is not None else None
        self._read = read

    def next(self) -> str | None:
        """The next entry; None when there are no more."""
        if self._given is not None:
            return next(self._given, None)
        while self._read is not None:
            try:
                line = self._read().strip()
            except (EOFError, KeyboardInterrupt):  # Ctrl-D, Ctrl-C: the person leaves
                return None
            if line == QUIT:
                return None
            if line:
                return line
        return None


class Chat(Protocol):
    """One channel's side of the conversation."""

    async def open(self, http: aiohttp.ClientSession) -> None:
        """What the person does first, before any entry."""

    async def send(self, http: aiohttp.ClientSession, entry: str, *, echo: bool) -> None:
        """Send one entry and print the answer; BadEntry when it cannot be sent."""

    def summary(self) -> str:
        """A line on what went each way."""


async def converse(chat: Chat, entries: Entries, *, echo: bool, out: Output = print) -> None:
    """The whole conversation: the opening, then each entry in turn."""
    async with aiohttp.ClientSession() as http:
        await chat.open(http)
        while (entry := entries.next()) is not None:
            try:
                await chat.send(http, entry, echo=echo)
            except BadEntry as exc:
                if entries.scripted:
                    raise
                out(f"  ({exc})")
    out(f"chat ended: {chat.summary()}")


@dataclass
class _Button:
    number: int
    label: str
    data: str
    message: SentMessage


class TelegramChat:
    """A private chat with the bot, its answers read from the Bot API stand-in."""

    def __init__(
        self,
        base_url: str,
        secret: str,
        standin: BotApiStandIn,
        *,
        user_id: int,
        language: str | None,
        out: Output = print,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.secret = secret
        self.standin = standin
        self.out = out
        self.user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": "Simulated"}
        if language is not None:
            self.user["language_code"] = language
        self.chat_id = user_id  # a private chat's id is its person's
        self.chat = {"id": user_id, "type": "private", "first_name": "Simulated"}
        # Update ids past Telegram's own: a redelivery mark never meets a real update's.
        self._update_ids = itertools.count(SYNTHETIC_TELEGRAM_ID + secrets.randbelow(10**12))
        self._message_ids = itertools.count(1)
        self._buttons: list[_Button] = []  # the last answer's, numbered from 1
        self._seen = len(standin.sent)  # what the bot sent before is not this chat's
        self.sent = 0
        self.received = 0

    async def open(self, http: aiohttp.ClientSession) -> None:
        """A new chat with a bot starts with its START button: /start."""
        await self.send(http, "/start", echo=True)

    async def send(self, http: aiohttp.ClientSession, entry: str, *, echo: bool) -> None:
        """A button pressed (its number or text), else the entry written as a message."""
        button = self._button(entry)
        if button is not None:
            self.out(f"  you press [{button.number}] {button.label}")
            update = self._pressed(button)
        else:
            if echo:
                self.out(f"  you: {entry}")
            update = self._written(entry)
        self.sent += 1
        answer = await self._exchange(http, update, entry)
        self._buttons = []
        for message in answer:
            self._show(message)
        if not answer:
            self.out("  (no answer)")

    def summary(self) -> str:
        """Messages each way."""
        return f"{self.sent} sent, {self.received} received"

    def _button(self, entry: str) -> _Button | None:
        if not self._buttons:
            return None
        if entry.isascii() and entry.isdigit():
            number = int(entry)
            if not 1 <= number <= len(self._buttons):
                raise BadEntry(
                    f"there is no button {entry}: the buttons shown are 1 to {len(self._buttons)}"
                )
            return self._buttons[number - 1]
        wanted = entry.casefold()
        return next((b for b in self._buttons if b.label.casefold() == wanted), None)

    async def _exchange(
        self, http: aiohttp.ClientSession, update: dict[str, Any], entry: str
    ) -> list[SentMessage]:
        """Post the update, then /whoami behind it; what the bot sent to the chat since the
        last answer (a message of its own accord too), up to the answer to /whoami, itself
        shown only when that is what the person wrote."""
        after = self._seen
        await self._post(http, update, entry)
        asked = entry.split("@")[0].strip().lower() == WHOAMI
        if not asked:
            await self._post(http, self._written(WHOAMI), WHOAMI)
        marker = str(self.chat_id)  # /whoami answers with the person's id
        try:
            end = await self.standin.wait_for(self.chat_id, after, marker, REPLY_TIMEOUT_S)
        except TimeoutError:
            raise SimulationError(
                f"the bot sent nothing back within {REPLY_TIMEOUT_S:g} s: the server must send "
                f"to this stand-in, HOTLINE_TELEGRAM_API_URL={self.standin.address}"
            ) from None
        self._seen = end + 1
        sent = self.standin.sent[after : end + 1 if asked else end]
        return [m for m in sent if m.chat_id == self.chat_id]

    def _show(self, message: SentMessage) -> None:
        self.received += 1
        lines = message.text.splitlines() or [""]
        for label, data in message.buttons:
            number = len(self._buttons) + 1
            self._buttons.append(_Button(number, label, data, message))
            lines.append(f"[{number}] {label}")
        _print_lines(self.out, lines)

    def _written(self, text: str) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "from": self.user,
            "chat": self.chat,
            "date": int(time.time()),
            "text": text,
        }
        if text.startswith("/"):
            command = text.split(maxsplit=1)[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return {"update_id": next(self._update_ids), "message": message}

    def _pressed(self, button: _Button) -> dict[str, Any]:
        shown = {
            "message_id": button.message.message_id,
            "from": {"id": BOT_ID, "is_bot": True, "first_name": "Hotline"},
            "chat": self.chat,
            "date": int(time.time()),
            "text": button.message.text,
        }
        query = {
            "id": str(secrets.randbits(63)),
            "from": self.user,
            "chat_instance": str(self.chat_id),
            "message": shown,
            "data": button.data,
        }
        return {"update_id": next(self._update_ids), "callback_query": query}

    async def _post(self, http: aiohttp.ClientSession, update: dict[str, Any], entry: str) -> None:
        headers = {SECRET_HEADER: self.secret}
        status, body = await _deliver(
            http, self.base_url, f"{self.base_url}{WEBHOOK_PATH}", json=update, headers=headers
        )
        if status == 403:
            raise SimulationError(
                f"{self.base_url} refused the webhook secret (403): give "
                "HOTLINE_TELEGRAM_WEBHOOK_SECRET the server's value"
            )
        if status == 404:
            raise SimulationError(
                f"{self.base_url} has no Telegram bot (404 on {WEBHOOK_PATH}): start it with "
                "HOTLINE_TELEGRAM_TOKEN and HOTLINE_TELEGRAM_WEBHOOK_SECRET"
            )
        _refused(status, body, entry)


class SmsChat:
    """Text messages to the hotline's number, answered in the webhook's TwiML."""

    def __init__(
        self,
        base_url: str,
        auth_token: str,
        *,
        number: str,
        public_url: str | None = None,
        hotline_number: str = "+10000000000",
        out: Output = print,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.public_url = (public_url or base_url).rstrip("/")
        self.validator = RequestValidator(auth_token)
        self.number = number
        self.hotline_number = hotline_number
        self.account = "AC" + secrets.token_hex(16)
        self.out = out
        self.sent = 0
        self.received = 0
        self.segments = 0

    async def open(self, http: aiohttp.ClientSession) -> None:
        """By SMS the person writes first."""

    async def send(self, http: aiohttp.ClientSession, entry: str, *, echo: bool) -> None:
        """One SMS; each <Message> of the answer with its segments and encoding."""
        if echo:
            self.out(f"  you: {entry}")
        sid = "SM" + secrets.token_hex(16)
        form = {
            "MessageSid": sid,
            "SmsSid": sid,
            "AccountSid": self.account,
            "From": self.number,
            "To": self.hotline_number,
            "Body": entry,
            "NumMedia": "0",
            "NumSegments": str(measure(entry).segments),
            "SmsStatus": "received",
            SIMULATED_FIELD: "yes",  # signed with the rest: reports leave the chat out
            "ApiVersion": "2010-04-01",
        }
        url = f"{self.public_url}{SMS_PATH}"
        headers = {SIGNATURE_HEADER: self.validator.compute_signature(url, form)}
        target = self.base_url + SMS_PATH
        status, body = await _deliver(http, self.base_url, target, data=form, headers=headers)
        if status == 403:
            raise SimulationError(
                f"{self.base_url} refused the SMS's signature (403): give --public-url the "
                "public URL the server was started with, and the same HOTLINE_TWILIO_AUTH_TOKEN"
            )
        _refused(status, body, entry)
        self.sent += 1
        root = ET.fromstring(body)  # noqa: S314 - our own server's TwiML
        for message in root.iter("Message"):
            text = (message.text or "").strip()
            size = measure(text)
            self.received += 1
            self.segments += size.segments
            plural = "" if size.segments == 1 else "s"
            billed = f"[{size.segments} segment{plural}, {size.encoding}]"
            _print_lines(self.out, [*text.splitlines(), billed])
        if len(root) == 0:
            self.out("  (no answer)")

    def summary(self) -> str:
        """Messages each way, and the segments billed for the answers."""
        return f"{self.sent} sent, {self.received} received ({self.segments} segments)"


def _print_lines(out: Output, lines: list[str]) -> None:
    """A message, its first line after `hotline:` and the rest beneath it."""
    for line, prefix in zip(
        lines,
        itertools.chain([HOTLINE_PREFIX], itertools.repeat(" " * len(HOTLINE_PREFIX))),
        strict=False,
    ):
        out((prefix + line).rstrip())


async def _deliver(
    http: aiohttp.ClientSession, base_url: str, url: str, **request: Any
) -> tuple[int, str]:
    """POST to the server: its status and body; one line when nothing answers."""
    try:
        async with http.post(url, **request) as resp:
            return resp.status, await resp.text()
    except aiohttp.ClientConnectionError:
        raise SimulationError(
            f"nothing answers at {base_url}: start the server (make run) or give "
            "--url the address it listens on"
        ) from None


def _refused(status: int, body: str, entry: str) -> None:
    """One line when the server did not take the entry."""
    if status != 200:
        raise SimulationError(
            f"the server refused the entry {entry!r} ({status}: {body.strip()[:200]})"
        )
