"""Computed reports kept a short while, so a page and its charts compute a period once.

The statistics page is followed by one request per chart and per CSV, each needing the same
`Report`; computing it takes seconds on a large database. `ReportCache` serves a result
until `ttl` seconds after the ask that started its computation (short: a period that
includes today keeps changing, and so does the count of participants), at most `size` results
(least recently used dropped first), and has concurrent asks for one key wait on one
computation. The clock is handed in (seconds, monotonic in production).

Pure logic on asyncio: no I/O of its own; what to compute is the caller's function.
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Hashable
from dataclasses import dataclass
from typing import Generic, TypeVar

__all__ = ["DEFAULT_SIZE", "DEFAULT_TTL_S", "ReportCache"]

DEFAULT_TTL_S = 60.0  # how long a computed report is served again
DEFAULT_SIZE = 16  # how many reports are kept at most

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


@dataclass
class _Entry(Generic[V]):
    task: asyncio.Future[V]
    expires: float


class ReportCache(Generic[K, V]):
    """Results by key for `ttl` seconds, at most `size` of them; one computation per key at
    a time. `asked` counts the asks, `computed` the computations they started (for tests
    and the benchmark)."""

    def __init__(
        self,
        clock: Callable[[], float],
        *,
        ttl: float = DEFAULT_TTL_S,
        size: int = DEFAULT_SIZE,
    ) -> None:
        if size < 1 or ttl < 0:
            raise ValueError("a cache keeps at least one result, for no negative time")
        self._clock = clock
        self._ttl = ttl
        self._size = size
        self._entries: OrderedDict[K, _Entry[V]] = OrderedDict()
        self.asked = 0
        self.computed = 0

    def __len__(self) -> int:
        return len(self._entries)

    async def get(self, key: K, compute: Callable[[], Awaitable[V]]) -> V:
        """The result for `key`: a fresh kept one, the one being computed, or a new one.

        A failed computation is not kept: its waiters get the error, the next ask retries.
        A caller cancelled while waiting does not cancel the computation others wait on."""
        self.asked += 1
        now = self._clock()
        entry = self._entries.get(key)
        if entry is not None and (not entry.task.done() or now < entry.expires):
            self._entries.move_to_end(key)
        else:
            entry = _Entry(asyncio.ensure_future(compute()), now + self._ttl)
            self.computed += 1
            self._entries[key] = entry
            self._entries.move_to_end(key)
            entry.task.add_done_callback(lambda task: self._finished(key, task))
            while len(self._entries) > self._size:
                self._entries.popitem(last=False)  # its waiters still hold its task
        return await asyncio.shield(entry.task)

    def _finished(self, key: K, task: asyncio.Future[V]) -> None:
        if task.cancelled() or task.exception() is not None:  # retrieved: no warning later
            entry = self._entries.get(key)
            if entry is not None and entry.task is task:
                del self._entries[key]

    def clear(self) -> None:
        """Forget every kept result (computations under way finish for their waiters)."""
        self._entries.clear()
