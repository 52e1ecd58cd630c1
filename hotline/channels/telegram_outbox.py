"""Outbound Telegram messages: in order per chat, within Telegram's limits, none lost to a 429.

Telegram allows about one message a second to a chat and about thirty a second in all. The
overall limit is PTB's AIORateLimiter (set on the bot); the per-chat pacing is here, since
PTB does not do it. A 429 carries `retry_after`: the message waits that long and is sent
again, so it is neither lost nor sent twice. Each chat has its own queue and worker, which
ends when the queue is empty, so an idle chat costs nothing. A message keeps the request id
of the update (or job) that queued it: a worker's lines about it carry that id.
"""

from __future__ import annotations

import asyncio
import logging
import time
import warnings
from collections import deque
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter

from hotline.observe import metrics
from hotline.request_ids import current, follow

log = logging.getLogger(__name__)

Send = Callable[[], Awaitable[Any]]
PER_CHAT_INTERVAL_S = 1.0
MAX_ATTEMPTS = 8  # network failures; a 429 is waited out and does not count
BACKOFF_S = 0.5
MAX_RETRY_AFTER_S = 300.0
PRUNE_ABOVE = 10_000  # chats remembered for pacing before the expired ones are forgotten


class TelegramOutbox:
    """Queues sends per chat and paces them."""

    def __init__(
        self,
        *,
        per_chat_interval_s: float = PER_CHAT_INTERVAL_S,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.interval = per_chat_interval_s
        self.monotonic = monotonic
        self._queues: dict[int, deque[tuple[Send, str | None]]] = {}  # with request ids
        self._workers: dict[int, asyncio.Task[None]] = {}
        self._next_at: dict[int, float] = {}
        self.sent = 0
        self.retried_after_429 = 0
        self.dropped = 0
        self._waiting: dict[int, asyncio.Future[Any]] = {}  # sends whose outcome is awaited

    def enqueue(self, chat_id: int, send: Send) -> None:
        """Send after everything queued for this chat before it."""
        if len(self._next_at) > PRUNE_ABOVE:
            now = self.monotonic()
            self._next_at = {c: t for c, t in self._next_at.items() if t > now}
        self._queues.setdefault(chat_id, deque()).append((send, current()))
        if chat_id not in self._workers:
            self._workers[chat_id] = asyncio.create_task(self._work(chat_id))

    async def deliver(self, chat_id: int, send: Send) -> Any:
        """Send in turn like `enqueue`, and wait for the outcome: Telegram's answer, or the
        error that made the outbox give the message up (a retried 429 is not one)."""
        done: asyncio.Future[Any] = asyncio.get_running_loop().create_future()

        async def send_and_tell() -> Any:
            try:
                result = await send()
            except (RetryAfter, NetworkError):
                raise  # the outbox tries again, or gives up and tells through `_give_up`
            except Exception as exc:
                if not done.done():
                    done.set_exception(exc)
                raise
            if not done.done():
                done.set_result(result)
            return result

        self._waiting[id(send_and_tell)] = done
        try:
            self.enqueue(chat_id, send_and_tell)
            return await done
        finally:
            self._waiting.pop(id(send_and_tell), None)

    @property
    def pending(self) -> int:
        """Messages not yet sent."""
        return sum(len(q) for q in self._queues.values())

    async def drain(self, timeout_s: float) -> bool:
        """Wait until every queued message is sent (True) or the time is up (False)."""
        try:
            async with asyncio.timeout(timeout_s):
                while self._workers:
                    await asyncio.gather(*list(self._workers.values()), return_exceptions=True)
        except TimeoutError:
            return False
        return True

    async def close(self) -> None:
        """Stop the workers (at shutdown, after drain)."""
        for task in self._workers.values():
            task.cancel()
        await asyncio.gather(*self._workers.values(), return_exceptions=True)
        self._workers.clear()
        for waiting in self._waiting.values():
            if not waiting.done():
                waiting.set_exception(RuntimeError("the Telegram outbox closed before sending"))

    def _give_up(self, send: Send, exc: BaseException) -> None:
        waiting = self._waiting.get(id(send))
        if waiting is not None and not waiting.done():
            waiting.set_exception(exc)

    async def _work(self, chat_id: int) -> None:
        queue = self._queues[chat_id]
        try:
            failures = 0
            while queue:
                wait = self._next_at.get(chat_id, 0.0) - self.monotonic()
                if wait > 0:
                    await asyncio.sleep(wait)
                send, request_id = queue[0]
                follow(request_id)
                try:
                    await send()
                except RetryAfter as exc:
                    self.retried_after_429 += 1
                    metrics.provider_error("telegram", 429)
                    await asyncio.sleep(min(_seconds(exc), MAX_RETRY_AFTER_S))
                    continue
                except (Forbidden, BadRequest) as exc:
                    # The person blocked the bot, or the message can never be sent: drop it.
                    self.dropped += 1
                    metrics.provider_error("telegram", 403 if isinstance(exc, Forbidden) else 400)
                    log.warning("telegram message dropped: %s", type(exc).__name__)
                except NetworkError as exc:
                    failures += 1
                    metrics.provider_error("telegram", "network")
                    if failures < MAX_ATTEMPTS:
                        await asyncio.sleep(BACKOFF_S * 2**failures)
                        continue
                    self.dropped += 1
                    self._give_up(send, exc)
                    log.error("telegram message dropped after %d attempts: %s", failures, exc)
                except Exception:
                    # Anything else (a revoked token, a migrated group, a warning made an error):
                    # drop this one message and go on; a dead worker would strand the queue.
                    self.dropped += 1
                    metrics.provider_error("telegram", "error")
                    log.exception("telegram message dropped after an unexpected error")
                else:
                    self.sent += 1
                queue.popleft()
                failures = 0
                self._next_at[chat_id] = self.monotonic() + self.interval
        finally:
            self._workers.pop(chat_id, None)
            if not queue:
                self._queues.pop(chat_id, None)


def _seconds(exc: RetryAfter) -> float:
    with warnings.catch_warnings():  # PTB warns on reading it as a number until PTB_TIMEDELTA
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, timedelta) else float(value)
