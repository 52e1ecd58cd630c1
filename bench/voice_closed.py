"""The closed loop of bench/voice.py: each caller sends their next request when the last is
answered (after --think-ms, if set), so the server's speed sets the pace."""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable

import aiohttp
from twilio.request_validator import RequestValidator
from voice_calls import (
    BARE_PATH,
    REQUEST_TIMEOUT_S,
    Result,
    Run,
    What,
    call_params,
    next_url,
    play_call,
    post,
    result_of,
)


async def request(run: Run, url: str, form: dict[str, str], what: What = "key") -> str | None:
    """`post`, then the caller's pause before their next request, if the run has one."""
    body = await post(run, url, form, what)
    if run.think_s > 0:
        await asyncio.sleep(run.think_s * random.uniform(0.5, 1.5))
    return body


async def play_hotline(run: Run) -> None:
    """One call through the menus, each request sent when the last was answered."""
    await play_call(run, lambda url, form, what: request(run, url, form, what))


async def play_bare(run: Run) -> None:
    """The same kind of signed form against the stateless bare handler."""
    body = await request(run, f"{run.base_url}{BARE_PATH}", call_params())
    if body is not None:
        next_url(run, body)


async def worker(run: Run, play: Callable[[Run], Awaitable[None]]) -> None:
    """Play one thing after another until the time or the request budget is spent."""
    while run.more():
        await play(run)


async def measure(
    target: str,
    base_url: str,
    token: str,
    *,
    concurrency: int,
    workers: int,
    seconds: float,
    warmup: float,
    max_requests: int,
    think_s: float = 0.0,
) -> Result:
    """Run `concurrency` workers for warm-up + `seconds`; statistics cover the last `seconds`."""
    play = play_bare if target == "bare" else play_hotline
    connector = aiohttp.TCPConnector(limit=concurrency)
    timeout = aiohttp.ClientTimeout(total=REQUEST_TIMEOUT_S)
    async with aiohttp.ClientSession(connector=connector, timeout=timeout) as http:
        now = time.perf_counter()
        run = Run(
            http=http,
            base_url=base_url,
            validator=RequestValidator(token),
            measure_from=now + warmup,
            stop_at=now + warmup + seconds,
            max_requests=max_requests,
            think_s=think_s,
        )
        await asyncio.gather(*(worker(run, play) for _ in range(concurrency)))
    window = min(seconds, max(time.perf_counter() - run.measure_from, 1e-9))
    return result_of(run, target, "closed", concurrency, workers, window)
