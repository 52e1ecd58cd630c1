"""A stand-in for Telegram's Bot API on 127.0.0.1, for `hotline chat`: it takes what the bot
sends and keeps it to be shown in the terminal, so a chat can be played with no Telegram.

It answers what the hotline's bot calls (getMe at start, sendMessage, answerCallbackQuery,
editMessageReplyMarkup) the way Telegram does, enough for python-telegram-bot to read the
answers, and says yes to anything else. It checks nothing and limits nothing: the fake in
tests/fakes is the strict one, with Telegram's rules and faults, for the tests.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass
from typing import Any

from aiohttp import web

JsonDict = dict[str, Any]
BOT_ID = 7_000_000_001
BOT_USERNAME = "hotline_chat_bot"


@dataclass(frozen=True)
class SentMessage:
    """A message the bot sent to a chat: its text, and its buttons (label, callback data)."""

    chat_id: int
    message_id: int
    text: str
    buttons: tuple[tuple[str, str], ...]


class BotApiStandIn:
    """Serves the Bot API's methods under any `/.../bot<token>/<method>` path on one address."""

    def __init__(self) -> None:
        self.sent: list[SentMessage] = []
        self.address = ""  # once started
        self._changed = asyncio.Event()
        self._message_ids = itertools.count(1)
        app = web.Application()
        app.router.add_route("*", "/{path:.*}", self._handle)
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)

    async def start(self, host: str = "127.0.0.1", port: int = 0) -> str:
        """Listen on host:port (0: a port the kernel picks); return the address to give the bot
        (HOTLINE_TELEGRAM_API_URL). OSError when the port is taken."""
        await self._runner.setup()
        site = web.TCPSite(self._runner, host=host, port=port)
        await site.start()
        bound = self._runner.addresses[0][1]
        self.address = f"http://{host}:{bound}"
        return self.address

    async def close(self) -> None:
        """Stop listening."""
        await self._runner.cleanup()

    async def wait_for(self, chat_id: int, after: int, marker: str, timeout_s: float) -> int:
        """Wait until a message to `chat_id` holding `marker` comes, past index `after` of
        `sent`; its index. TimeoutError when none comes within `timeout_s`."""
        async with asyncio.timeout(timeout_s):
            while True:
                for index in range(after, len(self.sent)):
                    message = self.sent[index]
                    if message.chat_id == chat_id and marker in message.text:
                        return index
                self._changed.clear()
                await self._changed.wait()

    async def _handle(self, request: web.Request) -> web.Response:
        method = request.path.rstrip("/").rsplit("/", 1)[-1].lower()
        params = await _params(request)
        result: Any = True
        if method == "getme":
            result = _bot_user()
        elif method == "sendmessage":
            result = self._send_message(params)
        return web.json_response({"ok": True, "result": result})

    def _send_message(self, params: JsonDict) -> JsonDict:
        chat_id = _integer(params.get("chat_id"))
        text = str(params.get("text", ""))
        markup = params.get("reply_markup")
        rows = markup.get("inline_keyboard", []) if isinstance(markup, dict) else []
        buttons = tuple(
            (str(button.get("text", "")), str(button.get("callback_data", "")))
            for row in rows
            for button in row
        )
        message_id = next(self._message_ids)
        self.sent.append(SentMessage(chat_id, message_id, text, buttons))
        self._changed.set()
        message: JsonDict = {
            "message_id": message_id,
            "from": _bot_user(),
            "chat": {"id": chat_id, "type": "private"},
            "date": int(time.time()),
            "text": text,
        }
        if rows:
            message["reply_markup"] = {"inline_keyboard": rows}
        return message


async def _params(request: web.Request) -> JsonDict:
    """The call's parameters, from the query and a form or JSON body; JSON values decoded
    (python-telegram-bot posts a form whose reply_markup is JSON text)."""
    params: JsonDict = dict(request.query)
    if request.can_read_body:
        if request.content_type == "application/json":
            body = await request.json()
            params.update(body if isinstance(body, dict) else {})
        else:
            form = await request.post()
            params.update({k: v for k, v in form.items() if isinstance(v, str)})
    markup = params.get("reply_markup")
    if isinstance(markup, str):
        try:
            params["reply_markup"] = json.loads(markup)
        except ValueError:
            params["reply_markup"] = None
    return params


def _bot_user() -> JsonDict:
    return {"id": BOT_ID, "is_bot": True, "first_name": "Hotline", "username": BOT_USERNAME}


def _integer(value: object) -> int:
    """A chat id as sent (a number, or its digits); 0 for anything else (a channel's @name)."""
    try:
        return int(str(value))
    except ValueError:
        return 0
