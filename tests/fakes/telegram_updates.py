"""Builders of incoming Telegram updates (JSON-ready dicts) shaped as the Bot API sends them."""

from __future__ import annotations

import itertools
import re
import time
import zlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

__all__ = [
    "JsonDict",
    "TelegramUser",
    "UpdateFactory",
    "bot_command_entities",
    "utf16_len",
]

JsonDict = dict[str, Any]

# Telegram marks every "/command" or "/command@botname" that starts a word.
_COMMAND = re.compile(r"(?<!\S)/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?(?![A-Za-z0-9_@])")


def utf16_len(text: str) -> int:
    """Length in UTF-16 code units, the unit of Telegram's entity offsets and lengths."""
    return len(text.encode("utf-16-le")) // 2


def bot_command_entities(text: str) -> list[JsonDict]:
    """The `bot_command` entities Telegram attaches to a text, offsets in UTF-16 units."""
    return [
        {
            "type": "bot_command",
            "offset": utf16_len(text[: match.start()]),
            "length": utf16_len(match.group()),
        }
        for match in _COMMAND.finditer(text)
    ]


@dataclass(frozen=True)
class TelegramUser:
    """A person writing to the bot; in a private chat the chat id is the user id."""

    id: int
    first_name: str = "Test"
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = "en"

    def to_dict(self) -> JsonDict:
        """The Bot API `User` object."""
        data: JsonDict = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name is not None:
            data["last_name"] = self.last_name
        if self.username is not None:
            data["username"] = self.username
        if self.language_code is not None:
            data["language_code"] = self.language_code
        return data

    def private_chat(self) -> JsonDict:
        """The Bot API `Chat` object of this user's private chat with the bot."""
        chat: JsonDict = {"id": self.id, "type": "private", "first_name": self.first_name}
        if self.last_name is not None:
            chat["last_name"] = self.last_name
        if self.username is not None:
            chat["username"] = self.username
        return chat


def _as_user(user: TelegramUser | int) -> TelegramUser:
    return user if isinstance(user, TelegramUser) else TelegramUser(id=user)


class UpdateFactory:
    """Makes updates with increasing `update_id`s and per-chat increasing `message_id`s.

    Standalone it keeps its own counters; `FakeTelegram.updates` shares the fake's, so a user's
    message and the bot's replies number one sequence per chat, as in Telegram.
    """

    def __init__(
        self,
        *,
        first_update_id: int = 700_000_001,
        clock: Callable[[], float] = time.time,
        next_message_id: Callable[[int | str], int] | None = None,
        on_user_message: Callable[[JsonDict], None] | None = None,
    ) -> None:
        self._update_ids = itertools.count(first_update_id)
        self._query_ids = itertools.count(1)
        self._clock = clock
        self._own_message_ids: dict[int | str, itertools.count[int]] = {}
        self._next_message_id = next_message_id or self._own_next_message_id
        self._on_user_message = on_user_message

    def _own_next_message_id(self, chat_id: int | str) -> int:
        counter = self._own_message_ids.setdefault(chat_id, itertools.count(1))
        return next(counter)

    def next_update_id(self) -> int:
        """Take the next update id."""
        return next(self._update_ids)

    def message(
        self,
        user: TelegramUser | int,
        text: str,
        *,
        chat: Mapping[str, Any] | None = None,
        date: int | None = None,
        update_id: int | None = None,
    ) -> JsonDict:
        """An update with a text message from `user` (in their private chat unless `chat`).

        Bot commands anywhere in the text get `bot_command` entities, as Telegram adds them.
        """
        sender = _as_user(user)
        chat_obj = dict(chat) if chat is not None else sender.private_chat()
        message: JsonDict = {
            "message_id": self._next_message_id(chat_obj["id"]),
            "from": sender.to_dict(),
            "chat": chat_obj,
            "date": int(self._clock()) if date is None else date,
            "text": text,
        }
        entities = bot_command_entities(text)
        if entities:
            message["entities"] = entities
        if self._on_user_message is not None:
            self._on_user_message(message)
        return {
            "update_id": self.next_update_id() if update_id is None else update_id,
            "message": message,
        }

    def location(self, user: TelegramUser | int, latitude: object, longitude: object) -> JsonDict:
        """An update with a location shared from `user`'s private chat (the attachment menu's
        Location, or a keyboard's location button)."""
        update = self.message(user, "")
        del update["message"]["text"]
        update["message"]["location"] = {"latitude": latitude, "longitude": longitude}
        return update

    def command(
        self, user: TelegramUser | int, command: str, args: str = "", **kwargs: Any
    ) -> JsonDict:
        """An update with `/command args` (`command` with or without its slash)."""
        text = "/" + command.removeprefix("/")
        if args:
            text += " " + args
        return self.message(user, text, **kwargs)

    def callback_query(
        self,
        user: TelegramUser | int,
        message: Mapping[str, Any],
        data: str,
        *,
        query_id: str | None = None,
        update_id: int | None = None,
    ) -> JsonDict:
        """An update with a press on an inline button of `message` (a message the bot sent)."""
        sender = _as_user(user)
        chat_id = message["chat"]["id"]
        return {
            "update_id": self.next_update_id() if update_id is None else update_id,
            "callback_query": {
                "id": query_id or f"{abs(sender.id) % 10**9:09d}{next(self._query_ids):010d}",
                "from": sender.to_dict(),
                "message": dict(message),
                # Telegram's opaque id of the chat the message is in; stable per chat.
                "chat_instance": str(
                    zlib.crc32(f"chat_instance:{chat_id}".encode()) * 4_294_967_311
                ),
                "data": data,
            },
        }
