"""Durable Telegram sends: every message the bot is to send is a database row until it is sent.

A chat's replies are written in the transaction of its step (`ChatConversations.handle`'s
`keep`), before the webhook answers 200; a staff alert or a relayed text in a transaction
of its own, before its caller goes on. The row is held by the process that wrote it (a
lease, renewed while it waits) and handed to the in-memory `TelegramOutbox`, which paces a
chat and waits out a 429; once Telegram accepted it, it is deleted. A process that dies
leaves its rows behind: when their lease runs out another process claims and sends them.

So a message is sent at least once; it is sent twice only if a process dies between
Telegram's answer and the delete that follows it (a few milliseconds), or stalls past the
lease while holding it. Callback-query answers are not kept: they stop a button's spinner
and expire within seconds, so a redelivered one could not be answered anyway.
"""

from __future__ import annotations

import asyncio
import json
import logging
import secrets
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from hotline.channels.telegram_outbox import MAX_ATTEMPTS, TelegramOutbox
from hotline.conversations.sends import HeldSend, NewSend
from hotline.crypto import DataCipher
from hotline.escalation.ports import UnitOfWork, UnitsOfWork
from hotline.request_ids import current, follow

log = logging.getLogger(__name__)

LEASE_S = 20.0  # a row's writer holds it this long, renewed while it waits; then anyone may
TICK_S = 1.0  # how often leases are renewed and rows left by a dead process looked for
CLAIM_LIMIT = 200
MAX_CLAIMS = 5  # processes that took a row and died before sending it: then it is dropped
TOOK_OVER = "telegram outbox: took over %d messages of a process that stopped"
Buttons = list[list[tuple[str, str]]]  # rows of (label, callback data)
Noticed = Callable[[str, int, int], Awaitable[None]]  # (escalation id, chat id, message id)


@dataclass(frozen=True)
class Outgoing:
    """What to send to a chat: a message (with buttons, as a reply to one), or the buttons
    taken off an earlier message (`unbutton`). `notice`: the escalation it is about."""

    text: str = ""
    buttons: Buttons | None = None
    reply_to: int | None = None
    unbutton: int | None = None
    notice: str | None = None

    def to_json(self) -> str:
        """The payload as stored (sealed)."""
        fields = {k: v for k, v in self.__dict__.items() if v is not None and v != ""}
        return json.dumps(fields, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, text: str) -> Outgoing:
        """The payload read back."""
        data = json.loads(text)
        buttons = data.get("buttons")
        if buttons is not None:
            data["buttons"] = [[(label, key) for label, key in row] for row in buttons]
        return cls(**data)

    def markup(self) -> InlineKeyboardMarkup | None:
        """The buttons as Telegram's inline keyboard."""
        if not self.buttons:
            return None
        return InlineKeyboardMarkup(
            [
                [InlineKeyboardButton(label, callback_data=key) for label, key in row]
                for row in self.buttons
            ]
        )


class TelegramSends:
    """Writes messages as rows, sends the rows it holds, and takes over a dead process's."""

    def __init__(
        self,
        *,
        units: UnitsOfWork,
        cipher: DataCipher,
        bot: Callable[[], Bot],
        outbox: TelegramOutbox,
        clock: Callable[[], datetime],
        lease_s: float = LEASE_S,
        tick_s: float = TICK_S,
    ) -> None:
        self.units = units
        self.cipher = cipher
        self._bot = bot
        self.outbox = outbox
        self.clock = clock
        self.lease_s = lease_s
        self.tick_s = tick_s
        self.holder = secrets.token_hex(16)  # this process, in the rows it holds
        self.on_notice: Noticed | None = None  # a staff message about an escalation: sent
        self.taken_over = 0  # rows of a dead process this one sent
        self.ticks = 0
        self._held: set[int] = set()
        self._unforgotten: set[int] = set()  # sent, but the delete failed: tried again
        self._task: asyncio.Task[None] | None = None

    async def keep(
        self, uow: UnitOfWork, chat_id: int, messages: Sequence[Outgoing]
    ) -> list[HeldSend]:
        """Write messages to a chat in a unit of work; `dispatch` them after it commits."""
        if not messages:
            return []
        now = self.clock()
        sealed = self.cipher.encrypt(str(chat_id))
        rows = [NewSend(sealed, self.cipher.encrypt(m.to_json()), current()) for m in messages]
        until = now + timedelta(seconds=self.lease_s)
        return await uow.outbox.put(rows, holder=self.holder, until=until, now=now)

    async def put(self, chat_id: int, messages: Sequence[Outgoing]) -> None:
        """Write messages to a chat in a transaction of their own, then send them."""
        async with self.units() as uow:
            held = await self.keep(uow, chat_id, messages)
        self.dispatch(held)

    def dispatch(self, held: Sequence[HeldSend]) -> None:
        """Hand rows this process holds (committed) to the outbox, in their order."""
        for row in sorted(held, key=lambda h: h.id):
            self._held.add(row.id)
            try:
                chat_id = int(self.cipher.decrypt(row.chat))
                outgoing = Outgoing.from_json(self.cipher.decrypt(row.payload))
            except Exception:  # a key no longer configured, a payload of a newer version
                log.exception("telegram outbox: a row could not be read; dropped")
                self._unforgotten.add(row.id)
                continue
            before = current()
            follow(row.request_id)  # the send's log lines carry the update's request id
            self.outbox.enqueue(chat_id, self._sender(row.id, chat_id, outgoing))
            follow(before)

    def start(self) -> None:
        """Start renewing leases and taking over rows whose holder died."""
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="telegram outbox")

    async def stop(self, *, release: bool = True) -> None:
        """Stop the loop (after the outbox drained); give up the leases of rows not sent,
        so that another process sends them at once (`release=False`: leave them to run out,
        as a killed process does)."""
        if self._task is not None:
            self._task.cancel()
            await asyncio.gather(self._task, return_exceptions=True)
            self._task = None
        if not release:
            return
        await self._tidy()
        if self._held:
            try:
                async with self.units() as uow:
                    gone = self.clock() - timedelta(seconds=self.lease_s)  # run out
                    await uow.outbox.renew(self.holder, sorted(self._held), gone)
            except Exception:
                log.warning("telegram outbox: leases not given up; they run out by themselves")

    async def send_text(self, address: str, text: str) -> None:
        """A text to a chat (address: its id): the bot's own, a relayed reply, a case taken."""
        await self.put(int(address), [Outgoing(text)])

    async def tick(self) -> None:
        """Once: forget what was sent, renew what is held, take over what a dead process
        left."""
        await self._tidy()
        now = self.clock()
        until = now + timedelta(seconds=self.lease_s)
        async with self.units() as uow:
            await uow.outbox.renew(self.holder, sorted(self._held), until)
            claimed = await uow.outbox.claim(
                holder=self.holder, until=until, now=now, limit=CLAIM_LIMIT
            )
        self.ticks += 1
        # Its own rows come back only when the clock jumped past their lease: still queued.
        claimed = [row for row in claimed if row.id not in self._held]
        spent = [row for row in claimed if row.attempts > MAX_CLAIMS]
        if spent:
            log.error(
                "telegram outbox: %d messages dropped after %d claims", len(spent), MAX_CLAIMS
            )
            self._unforgotten.update(row.id for row in spent)
            self._held.update(row.id for row in spent)
        if len(claimed) > len(spent):
            log.info(TOOK_OVER, len(claimed) - len(spent))
        self.taken_over += len(claimed) - len(spent)
        self.dispatch([row for row in claimed if row.attempts <= MAX_CLAIMS])

    async def _run(self) -> None:
        while True:
            try:
                await self.tick()
            except Exception:  # the database away for a moment: the next tick tries again
                log.warning("telegram outbox: tick failed", exc_info=True)
            await asyncio.sleep(self.tick_s)

    async def _tidy(self) -> None:
        if self._unforgotten:
            await self._forget(*sorted(self._unforgotten))

    async def _forget(self, *ids: int) -> None:
        try:
            async with self.units() as uow:
                await uow.outbox.forget(ids)
        except Exception:
            log.warning("telegram outbox: sent rows not deleted yet; held until they are")
            self._unforgotten.update(ids)
            return
        self._unforgotten.difference_update(ids)
        self._held.difference_update(ids)

    def _sender(self, row_id: int, chat_id: int, outgoing: Outgoing) -> Callable[[], Any]:
        failures = 0

        async def send() -> Any:
            nonlocal failures
            try:
                result = await self._send(chat_id, outgoing)
            except RetryAfter:
                raise  # the outbox waits and tries again
            except (Forbidden, BadRequest):
                await self._forget(row_id)  # never sendable: the outbox drops it
                raise
            except NetworkError:
                failures += 1
                if failures >= MAX_ATTEMPTS:  # the outbox gives up on it now
                    await self._forget(row_id)
                raise
            except Exception:  # the outbox drops it (a cancelled send stays held: sent again)
                await self._forget(row_id)
                raise
            await self._forget(row_id)  # first of all: the window of a second send
            if outgoing.notice is not None and self.on_notice and isinstance(result, Message):
                try:
                    await self.on_notice(outgoing.notice, chat_id, result.message_id)
                except Exception:
                    log.exception("telegram outbox: a staff notice was not remembered")
            return result

        return send

    async def _send(self, chat_id: int, outgoing: Outgoing) -> Any:
        bot = self._bot()
        if outgoing.unbutton is not None:
            return await bot.edit_message_reply_markup(
                chat_id=chat_id, message_id=outgoing.unbutton, reply_markup=None
            )
        return await bot.send_message(
            chat_id=chat_id,
            text=outgoing.text,
            reply_markup=outgoing.markup(),
            reply_to_message_id=outgoing.reply_to,
        )
