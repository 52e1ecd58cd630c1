"""The open loop of bench/voice.py: calls arrive at a rate whatever the server does, each
caller pressing their next key a think time after the last prompt was answered.

Latency is measured from when a request was due (the call's arrival, or the last answer plus
the think time), not from when the client got round to sending it, so a slow server cannot
hide its queue by slowing the client down (no coordinated omission)."""

from __future__ import annotations

import asyncio
import random
import time
from dataclasses import dataclass, replace
from datetime import UTC, datetime

import aiohttp
from twilio.request_validator import RequestValidator
from voice_call_log import LogCounts, read_counts
from voice_calls import KEYS, REQUEST_TIMEOUT_S, Result, Run, What, play_call, post, result_of
from voice_memory import Memory, rss_bytes
from voice_targets import Server

SAMPLE_S = 0.25  # how often the calls in progress and the server's RSS are sampled
REQUESTS_PER_CALL = len(KEYS) + 2  # the incoming call, the keys, the status callback
# After the last arrival, calls in progress get this long to end (a whole call's thinking
# plus a request timeout's worth of slack); the rest are cancelled and counted unfinished.
DRAIN_SLACK_S = 2 * REQUEST_TIMEOUT_S


@dataclass(frozen=True)
class OpenLoad:
    """What arrives: `rate` calls a second for `warmup` + `seconds`, `think_s` per key."""

    rate: float
    think_s: float
    seconds: float
    warmup: float
    poisson: bool
    max_calls: int


def arrivals(load: OpenLoad, start: float, rng: random.Random) -> list[float]:
    """When each call is due: evenly spaced at `rate`, or a Poisson process of that rate."""
    window = load.warmup + load.seconds
    count = min(load.max_calls, int(load.rate * window))
    if not load.poisson:
        return [start + i / load.rate for i in range(count)]
    due, at = [], start
    for _ in range(count):
        at += rng.expovariate(load.rate)
        if at > start + window:
            break
        due.append(at)
    return due


async def sleep_until(moment: float) -> None:
    """Sleep until `moment` of time.perf_counter()."""
    delay = moment - time.perf_counter()
    if delay > 0:
        await asyncio.sleep(delay)


async def caller(run: Run, arrival: float, think_s: float, status_always: bool) -> None:
    """One call: due at `arrival`, each key due `think_s` after the prompt before it."""
    await sleep_until(arrival)
    answered = arrival

    async def send(url: str, form: dict[str, str], what: What) -> str | None:
        nonlocal answered
        if what == "call":
            due = arrival
        elif what == "key":
            due = answered + think_s
        else:  # Twilio posts the status callback when the call ends: right after the goodbye
            due = answered
        await sleep_until(due)
        body = await post(run, url, form, what, due)
        answered = time.perf_counter()
        return body

    await play_call(run, send, status_always=status_always)


class Sampler:
    """Calls in progress and the server's RSS every SAMPLE_S; keeps the busiest sample."""

    def __init__(self, run: Run, pid: int | None) -> None:
        self.run, self.pid = run, pid
        self.peak_calls, self.peak_rss = 0, 0

    async def watch(self) -> None:
        """Sample until cancelled."""
        while True:
            calls = self.run.in_progress
            if calls > self.peak_calls:
                self.peak_calls = calls
                if self.pid is not None:
                    self.peak_rss = await asyncio.to_thread(rss_bytes, self.pid)
            await asyncio.sleep(SAMPLE_S)


async def measure_open(target: str, server: Server, load: OpenLoad, workers: int) -> Result:
    """Let calls arrive at `load.rate`, wait (bounded) for those in progress, then read the
    server's RSS and call log. Latencies cover the answers of the `seconds` after the warm-up;
    late answers, fallbacks and failed status callbacks are counted over the whole run."""
    hotline = target != "bare"
    pid = server.pid if hotline else None
    idle = await asyncio.to_thread(rss_bytes, server.pid) if hotline else 0
    # The call log's rows of this run are picked by start time: the server shares our clock,
    # and every call of an earlier closed loop began before this.
    began = datetime.now(UTC)
    # No limit on connections: a client-side queue would be coordinated omission again.
    connector = aiohttp.TCPConnector(limit=0)
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        start = time.perf_counter() + 0.1
        due = arrivals(load, start, random.Random(18))
        drain_s = load.think_s * len(KEYS) + DRAIN_SLACK_S
        run = Run(
            http=http,
            base_url=server.base_url,
            validator=RequestValidator(server.token),
            measure_from=start + load.warmup,
            measure_to=start + load.warmup + load.seconds,
            stop_at=start + load.warmup + load.seconds + drain_s,
            max_requests=load.max_calls * REQUESTS_PER_CALL,
            think_s=load.think_s,
            bare=not hotline,
        )
        sampler = Sampler(run, pid)
        watching = asyncio.create_task(sampler.watch())
        calls: set[asyncio.Task[None]] = set()
        for arrival in due:  # tasks made as calls arrive, not thousands sleeping up front
            await sleep_until(arrival - 0.05)
            calls.add(asyncio.create_task(caller(run, arrival, load.think_s, hotline)))
        _, unfinished = await asyncio.wait(calls, timeout=max(run.stop_at - time.perf_counter(), 0))
        for task in unfinished:
            task.cancel()
        await asyncio.gather(*unfinished, return_exceptions=True)
        window = min(load.seconds, time.perf_counter() - run.measure_from)
        watching.cancel()
    result = result_of(run, target, "open", round(load.rate), workers, window)
    memory = Memory(idle, sampler.peak_rss, sampler.peak_calls) if hotline else None
    log: LogCounts | None = None
    if server.database_url is not None:
        log = await read_counts(server.database_url, began, result.calls)
    return replace(
        result,
        unfinished=len(unfinished),
        peak_in_progress=sampler.peak_calls,
        memory=memory,
        call_log=log,
    )
