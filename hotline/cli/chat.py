"""`hotline chat`: simulate a chat, by Telegram or by SMS, and print what the person reads."""

from __future__ import annotations

import argparse
import asyncio
import re
import secrets
import socket
import sys
from dataclasses import dataclass, replace
from urllib.parse import urlsplit

from aiohttp import web

from hotline.cli.bot_api_standin import BOT_ID, BotApiStandIn
from hotline.cli.chat_sim import (
    Chat,
    Entries,
    SmsChat,
    TelegramChat,
    converse,
    new_sms_number,
    new_telegram_id,
)
from hotline.cli.common import SubParsers, setup_logging
from hotline.cli.simulator import SimulationError
from hotline.config import Settings, load_settings
from hotline.privacy import normalise_number

STANDIN_TOKEN = f"{BOT_ID}:hotline-chat-stand-in-token"  # the stand-in takes any token
DESCRIPTION = (
    "Simulate a chat as Telegram or Twilio delivers it: Telegram updates with the webhook "
    "secret, the bot's messages taken by a stand-in for the Bot API on 127.0.0.1 (buttons "
    "numbered); or, with --sms, signed SMS webhooks answered in TwiML (each message's "
    "segments and encoding shown). A Telegram chat opens with /start. Without --send, lines "
    "are read from the terminal until EOF or /quit."
)
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def add_parser(sub: SubParsers) -> None:
    """The command's arguments."""
    summary = "simulate a chat (Telegram or SMS) and print what the person reads"
    chat = sub.add_parser("chat", help=summary, description=DESCRIPTION)
    chat.add_argument("--sms", action="store_true", help="text the hotline's number instead")
    chat.add_argument(
        "--send",
        help=(
            "entries to send in turn, e.g. 1,2,/help: where buttons are shown, a number or "
            "a button's text presses it; anything else is written as a message"
        ),
    )
    chat.add_argument(
        "--language", help="Telegram: the app's language; the chat starts in it if offered"
    )
    chat.add_argument(
        "--from",
        dest="sender",
        help=(
            "who writes: a phone number with --sms, else a Telegram user id "
            "(default: a new synthetic one each run)"
        ),
    )
    chat.add_argument("--url", help="a running server's address (default: run one in-process)")
    chat.add_argument(
        "--public-url", help="with --url --sms: the public URL the server is set up with"
    )
    chat.set_defaults(func=chat_command)


def chat_command(args: argparse.Namespace) -> int:
    """Hold the chat with a running server, or one started in-process for it."""
    settings = load_settings()
    given = _entries(args.send)
    if args.language is not None and (args.sms or not _LANGUAGE.match(args.language)):
        raise SimulationError(
            "--language is for Telegram: an SMS chat starts in the deployment's language, "
            "and there texting a language's code (RU) brings the language menu"
            if args.sms
            else f"--language {args.language!r}: give a language code such as ru"
        )
    person = _Person(
        sms=args.sms,
        sender=_number(args.sender) if args.sms else _telegram_id(args.sender),
        language=args.language,
        public_url=args.public_url,
    )
    typed = given is None and sys.stdin.isatty()
    entries = Entries(given, read=lambda: input("  you: " if typed else ""))
    if args.url:
        asyncio.run(_against(args.url, settings, person, entries, echo=not typed))
        return 0
    setup_logging(replace(settings, log_level="WARNING"))
    asyncio.run(_in_process(settings, person, entries, echo=not typed))
    return 0


@dataclass(frozen=True)
class _Person:
    """Who writes, and how: checked before any server is asked."""

    sms: bool
    sender: str  # a phone number by SMS, a Telegram user id's digits else
    language: str | None
    public_url: str | None

    def sms_chat(self, url: str, auth_token: str) -> SmsChat:
        return SmsChat(url, auth_token, number=self.sender, public_url=self.public_url)

    def telegram_chat(self, url: str, secret: str, standin: BotApiStandIn) -> TelegramChat:
        user_id = int(self.sender)
        return TelegramChat(url, secret, standin, user_id=user_id, language=self.language)


def _entries(send: str | None) -> list[str] | None:
    if send is None:
        return None
    entries = [entry.strip() for entry in send.split(",")]
    for number, entry in enumerate(entries, 1):
        if not entry:
            raise SimulationError(
                f"--send: entry {number} is empty; give entries between commas, e.g. 1,2,/help"
            )
    return entries


async def _against(
    url: str, settings: Settings, person: _Person, entries: Entries, *, echo: bool
) -> None:
    """A running server: SMS signed with its auth token; Telegram with its webhook secret,
    the stand-in listening where the server's bot sends (HOTLINE_TELEGRAM_API_URL)."""
    if person.sms:
        await converse(person.sms_chat(url, settings.twilio_auth_token), entries, echo=echo)
        return
    api = settings.telegram_api_url
    secret = settings.telegram_webhook_secret
    parts = urlsplit(api or "")
    if secret is None or api is None or parts.scheme != "http" or parts.hostname not in _LOOPBACK:
        raise SimulationError(
            "--url for Telegram needs the server's settings: HOTLINE_TELEGRAM_WEBHOOK_SECRET, "
            "and HOTLINE_TELEGRAM_API_URL=http://127.0.0.1:PORT (the server started with it "
            "too), where this command takes what the bot sends in Telegram's place"
        )
    standin = BotApiStandIn()
    try:
        await standin.start(parts.hostname or "127.0.0.1", parts.port or 80)
    except OSError as exc:
        raise SimulationError(
            f"cannot take the bot's messages at {api} ({exc.strerror}): is another "
            "`hotline chat` running there?"
        ) from None
    try:
        await converse(person.telegram_chat(url, secret, standin), entries, echo=echo)
    finally:
        await standin.close()


async def _in_process(settings: Settings, person: _Person, entries: Entries, *, echo: bool) -> None:
    """The app built on the configured database, its bot sending to a stand-in."""
    from hotline.app import TELEGRAM_CHANNEL, create_app

    standin = BotApiStandIn()
    secret = secrets.token_urlsafe(24)
    if not person.sms:
        settings = replace(
            settings,
            telegram_token=STANDIN_TOKEN,
            telegram_webhook_secret=secret,
            telegram_api_url=await standin.start(),
        )
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        base = f"http://127.0.0.1:{sock.getsockname()[1]}"
        app = create_app(replace(settings, public_url=base))
        runner = web.AppRunner(app, access_log=None)
        try:
            await runner.setup()
            chat: Chat
            if person.sms:
                chat = person.sms_chat(base, settings.twilio_auth_token)
            else:
                # Telegram allows a message a second to a chat; the stand-in has no limit.
                app[TELEGRAM_CHANNEL].outbox.interval = 0.0
                chat = person.telegram_chat(base, secret, standin)
            await web.SockSite(runner, sock).start()
            await converse(chat, entries, echo=echo)
        finally:
            await runner.cleanup()
            await standin.close()


def _telegram_id(sender: str | None) -> str:
    if sender is None:
        return str(new_telegram_id())
    if not (sender.isascii() and sender.isdigit() and 0 < int(sender) < 2**63):
        raise SimulationError(f"--from {sender!r}: a Telegram user id is a positive number")
    return sender


def _number(sender: str | None) -> str:
    if sender is None:
        return new_sms_number()
    number = normalise_number(sender)
    if number is None:
        raise SimulationError("--from: give the phone number in full, e.g. +447700900123")
    return number
