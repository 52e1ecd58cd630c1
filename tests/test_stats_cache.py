"""The statistics' report cache: one computation for many concurrent asks, results kept for
their time and no longer, at most so many kept, and a failure not kept."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from hotline.stats.cache import ReportCache


class Clock:
    """Seconds that move only when the test says."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Reporter:
    """A report function that counts its calls and waits for a gate (to overlap the asks)."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        self.gate = asyncio.Event()
        self.gate.set()
        self.fail = False

    def of(self, key: str) -> Callable[[], Awaitable[str]]:
        async def compute() -> str:
            self.calls.append(key)
            await self.gate.wait()
            if self.fail:
                raise RuntimeError("the database went away")
            return f"report of {key} #{len(self.calls)}"

        return compute


@pytest.fixture
def clock() -> Clock:
    return Clock()


async def test_eleven_concurrent_asks_compute_once(clock: Clock) -> None:
    cache: ReportCache[str, str] = ReportCache(clock, ttl=60, size=16)
    reporter = Reporter()
    reporter.gate.clear()
    asks = [asyncio.create_task(cache.get("2026-11", reporter.of("2026-11"))) for _ in range(11)]
    await asyncio.sleep(0)
    reporter.gate.set()
    results = await asyncio.gather(*asks)
    assert results == ["report of 2026-11 #1"] * 11
    assert reporter.calls == ["2026-11"]
    assert (cache.asked, cache.computed) == (11, 1)


async def test_a_result_is_kept_for_its_time_and_then_computed_again(clock: Clock) -> None:
    cache: ReportCache[str, str] = ReportCache(clock, ttl=60)
    reporter = Reporter()
    assert await cache.get("a", reporter.of("a")) == "report of a #1"
    clock.now += 59.9
    assert await cache.get("a", reporter.of("a")) == "report of a #1"
    clock.now += 0.1
    assert await cache.get("a", reporter.of("a")) == "report of a #2"
    assert cache.computed == 2


async def test_other_keys_are_other_reports_and_the_least_recently_used_goes(
    clock: Clock,
) -> None:
    cache: ReportCache[str, str] = ReportCache(clock, ttl=60, size=2)
    reporter = Reporter()
    await cache.get("a", reporter.of("a"))
    await cache.get("b", reporter.of("b"))
    await cache.get("a", reporter.of("a"))  # a is used again: b is now the oldest
    await cache.get("c", reporter.of("c"))
    assert len(cache) == 2
    assert reporter.calls == ["a", "b", "c"]
    await cache.get("a", reporter.of("a"))
    assert reporter.calls == ["a", "b", "c"]  # still kept
    await cache.get("b", reporter.of("b"))
    assert reporter.calls == ["a", "b", "c", "b"]  # was dropped
    assert len(cache) == 2


async def test_a_failure_reaches_every_waiter_and_is_not_kept(clock: Clock) -> None:
    cache: ReportCache[str, str] = ReportCache(clock)
    reporter = Reporter()
    reporter.gate.clear()
    reporter.fail = True
    asks = [asyncio.create_task(cache.get("a", reporter.of("a"))) for _ in range(3)]
    await asyncio.sleep(0)
    reporter.gate.set()
    results = await asyncio.gather(*asks, return_exceptions=True)
    assert all(isinstance(result, RuntimeError) for result in results)
    assert reporter.calls == ["a"]
    reporter.fail = False
    assert await cache.get("a", reporter.of("a")) == "report of a #2"


async def test_a_waiter_that_gives_up_does_not_stop_the_others(clock: Clock) -> None:
    cache: ReportCache[str, str] = ReportCache(clock)
    reporter = Reporter()
    reporter.gate.clear()
    first = asyncio.create_task(cache.get("a", reporter.of("a")))
    second = asyncio.create_task(cache.get("a", reporter.of("a")))
    await asyncio.sleep(0)
    first.cancel()  # the browser of the first request went away
    reporter.gate.set()
    assert await second == "report of a #1"
    assert first.cancelled()
    assert cache.computed == 1
