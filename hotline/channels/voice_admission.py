"""Admission of voice work: under overload, answer at once with the fallback, not after a
missed deadline.

A worker that cannot answer a step in time should say so at once: a caller then hears the
fallback (a person at the fallback number, or a voicemail) within milliseconds, instead of
silence until the step's deadline passes and then the same fallback, while the waiting work
slows every other call. Three signs of overload, measured in this process:

- how long the voice requests in flight have been at work: what a request waits for the
  database's connections and for its share of the CPU (the queue is there, not in the event
  loop, whose callbacks are short). The fourth oldest is the measure: one request held up
  alone (a lock, a slow connection) is not overload, and turning every caller away for it
  sent callers in the menu to the fallback at a load the worker carried easily;
- how late the event loop runs: a timer due every 50 ms, and how much later than due it
  fired the last two times (a tick overdue counts as it goes): the time a request that has
  arrived waits before any of its work starts;
- the voice requests in flight, against a bound (HOTLINE_VOICE_IN_FLIGHT).

A new call is turned away first: once the fourth oldest has been at work half of the
step's deadline, or the loop runs later than an eighth of it (a late loop delays every
answer, the fallback's too), or the requests in flight reach half the bound. A step of a
call already in the menu only past three quarters of the deadline, a quarter of it late, or
at the bound: the calls in progress go on while new ones go to the fallback. A status
callback is never turned away: under overload it is kept in the spool and folded into the
call log by its replay (`VoiceChannel.status`).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import time
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Literal

log = logging.getLogger(__name__)

TICK_S = 0.05
SLOW_ALONE = 3  # requests that may be held up without the worker being overloaded
SAY_EVERY_S = 10.0  # while turning work away, one line this often
Work = Literal["new", "step"]


class Admission:
    """Decides whether a worker takes voice work now; counts the work in flight."""

    def __init__(
        self,
        *,
        deadline_s: float,
        max_in_flight: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.max_wait = {"new": deadline_s / 2, "step": deadline_s * 3 / 4}
        self.max_lag = {"new": deadline_s / 8, "step": deadline_s / 4}
        self.max_in_flight = {"new": max(1, max_in_flight // 2), "step": max_in_flight}
        self._started: dict[int, float] = {}  # the requests in flight, oldest first
        self._next = 0
        self.clock = clock
        self._late = (0.0, 0.0)  # how late the timer fired, the last two times
        self._due: float | None = None  # when the timer is due next (None: not watching)
        self.turned_away = TurnedAway(clock)

    def lag_s(self) -> float:
        """How late the event loop runs now: the lesser of the last two ticks' lateness, the
        one under way counting as the last while it is overdue. Two in a row: one stall (a
        collection, a slow start) turns nobody away; an overloaded loop is late every tick."""
        previous, last = self._late
        if self._due is not None and self.clock() > self._due:
            previous, last = last, self.clock() - self._due
        return min(previous, last)

    @property
    def in_flight(self) -> int:
        """The voice requests at work now."""
        return len(self._started)

    def held_up_s(self) -> float:
        """How long the fourth oldest request in flight has been at work (0 with fewer)."""
        fourth = next(itertools.islice(self._started.values(), SLOW_ALONE, None), None)
        return 0.0 if fourth is None else self.clock() - fourth

    def admits(self, work: Work) -> bool:
        """Whether to take this work now (else: the fallback, at once)."""
        return (
            self.in_flight < self.max_in_flight[work]
            and self.lag_s() < self.max_lag[work]
            and self.held_up_s() < self.max_wait[work]
        )

    def overloaded(self) -> bool:
        """Whether even a step of a call in progress would be turned away now."""
        return not self.admits("step")

    @contextlib.contextmanager
    def taken(self) -> Iterator[None]:
        """Count a request in flight while the block runs."""
        key, self._next = self._next, self._next + 1
        self._started[key] = self.clock()
        try:
            yield
        finally:
            del self._started[key]

    @contextlib.asynccontextmanager
    async def watching(self) -> AsyncIterator[None]:
        """Measure the event loop's lateness while the block runs (the server's lifetime)."""
        task = asyncio.create_task(self._watch(), name="voice admission")
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            self._due = None

    async def _watch(self) -> None:
        while True:  # until cancelled when the server stops
            self._due = self.clock() + TICK_S
            await asyncio.sleep(TICK_S)
            self._late = (self._late[1], max(0.0, self.clock() - self._due))
            self.turned_away.say_the_rest()


class TurnedAway:
    """Says that work is being turned away: one line at the first, then one every
    SAY_EVERY_S with the counts since the last (never a line per request), and the last
    counts once nothing was turned away for SAY_EVERY_S (the event loop's tick asks)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._counts: dict[Work, int] = {"new": 0, "step": 0}
        self._said_at: float | None = None

    def note(self, work: Work, admission: Admission) -> None:
        """One request answered by the fallback because of overload."""
        self._counts[work] += 1
        now = self.clock()
        if self._said_at is not None and now - self._said_at < SAY_EVERY_S:
            return
        span = "" if self._said_at is None else f" in the last {now - self._said_at:.0f} s"
        log.warning(
            "overloaded (4th oldest voice request at work %.0f ms, event loop %.0f ms late, %d in "
            "flight): %d new calls and %d steps answered by the fallback%s",
            admission.held_up_s() * 1000,
            admission.lag_s() * 1000,
            admission.in_flight,
            self._counts["new"],
            self._counts["step"],
            span,
        )
        self._counts = {"new": 0, "step": 0}
        self._said_at = now

    def say_the_rest(self) -> None:
        """When nothing was turned away for SAY_EVERY_S: the counts not said yet, in a line
        that says the overload is over (the next one begins with a line of its own)."""
        now = self.clock()
        if self._said_at is None or now - self._said_at < SAY_EVERY_S:
            return
        if any(self._counts.values()):
            log.warning(
                "no longer overloaded: %d new calls and %d steps answered by the fallback in "
                "the last %.0f s of it",
                self._counts["new"],
                self._counts["step"],
                now - self._said_at,
            )
        self._counts = {"new": 0, "step": 0}
        self._said_at = None
