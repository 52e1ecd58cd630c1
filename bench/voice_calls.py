"""The closed-loop load client of bench/voice.py: a signed call's script and its TwiML checks."""

from __future__ import annotations

import asyncio
import html
import math
import random
import re
import secrets
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field

import aiohttp
from twilio.request_validator import RequestValidator

SIGNATURE_HEADER = "X-Twilio-Signature"
# The key path of one call, from the main menu: about, counselling, back to the main menu,
# about, families, back to the main menu, end the call.
KEYS = ("1", "1", "0", "1", "5", "0", "0")
FALLBACK_TEXT = "technical problem"
BARE_PATH = "/x"
BARE_TWIML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Response><Gather action="/x" numDigits="1"><Say>Hi</Say></Gather></Response>'
)
_GATHER_ACTION = re.compile(r'<Gather\b[^>]*?\saction="([^"]*)"')
REQUEST_TIMEOUT_S = 10.0
EXAMPLES_PER_KIND = 2


@dataclass
class Run:
    """One scenario: where to post, until when, and what was seen."""

    http: aiohttp.ClientSession
    base_url: str
    validator: RequestValidator
    measure_from: float
    stop_at: float
    max_requests: int
    think_s: float = 0.0
    sent: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)

    def more(self) -> bool:
        """True while there is time and request budget left."""
        return self.sent < self.max_requests and time.perf_counter() < self.stop_at

    def fail(self, kind: str, detail: str) -> None:
        """Count an error; keep the first few of each kind for the report."""
        self.errors[kind] += 1
        kept = self.examples.setdefault(kind, [])
        if len(kept) < EXAMPLES_PER_KIND:
            kept.append(" ".join(detail.split())[:300])


@dataclass(frozen=True)
class Result:
    """The numbers of one (target, concurrency) row."""

    target: str
    concurrency: int
    requests: int
    steps_per_s: float
    p50_ms: float
    p99_ms: float
    errors: Counter[str]
    examples: dict[str, list[str]]

    @property
    def error_count(self) -> int:
        """All errors, of every kind."""
        return sum(self.errors.values())


def call_params() -> dict[str, str]:
    """The form Twilio posts with every webhook of one new inbound call."""
    return {
        "CallSid": "CA" + secrets.token_hex(16),
        "AccountSid": "AC" + secrets.token_hex(16),
        "From": f"+9955550{secrets.randbelow(100_000):05d}",
        "To": "+10000000000",
        "CallStatus": "in-progress",
        "Direction": "inbound",
        "ApiVersion": "2010-04-01",
    }


def gather_action(twiml: str) -> str | None:
    """The URL the TwiML's <Gather> posts the keys to, unescaped."""
    match = _GATHER_ACTION.search(twiml)
    return html.unescape(match.group(1)) if match else None


async def post(run: Run, url: str, form: dict[str, str]) -> str | None:
    """POST a signed form; the body of a good answer, or None (the error is counted)."""
    run.sent += 1
    headers = {SIGNATURE_HEADER: run.validator.compute_signature(url, form)}
    started = time.perf_counter()
    try:
        async with run.http.post(url, data=form, headers=headers) as resp:
            body = await resp.text()
            status = resp.status
    except (aiohttp.ClientError, TimeoutError) as exc:
        run.fail("transport", f"{url}: {exc!r}")
        return None
    ended = time.perf_counter()
    if run.measure_from <= ended <= run.stop_at:
        run.latencies_ms.append((ended - started) * 1000)
    if status != 200:
        run.fail(f"HTTP {status}", f"{url}: {body.strip()}")
        return None
    if "<Response" not in body:
        run.fail("not TwiML", f"{url}: {body}")
        return None
    if FALLBACK_TEXT in body:
        run.fail("fallback TwiML", url)
        return None
    return body


def next_url(run: Run, twiml: str) -> str | None:
    """The Gather action of an answer, which must stay on the server under test."""
    action = gather_action(twiml)
    if action is None:
        run.fail("no Gather", twiml)
        return None
    if action.startswith("/"):
        action = run.base_url + action
    if not action.startswith(run.base_url + "/"):
        run.fail("Gather action off the target", action)
        return None
    return action


async def request(run: Run, url: str, form: dict[str, str]) -> str | None:
    """`post`, then the caller's pause before their next request, if the run has one."""
    body = await post(run, url, form)
    if run.think_s > 0:
        await asyncio.sleep(run.think_s * random.uniform(0.5, 1.5))
    return body


async def play_call(run: Run) -> None:
    """One call through the menus to its goodbye, then the status callback."""
    params = call_params()
    body = await request(run, f"{run.base_url}/twilio/voice", params)
    for digits in KEYS:
        if body is None:
            return
        url = next_url(run, body)
        if url is None or not run.more():
            return
        body = await request(run, url, {**params, "Digits": digits})
    if body is None:
        return
    if "<Hangup" not in body:
        run.fail("no Hangup after the last key", body)
        return
    if run.more():
        status = {**params, "CallStatus": "completed", "CallDuration": "30"}
        await request(run, f"{run.base_url}/twilio/voice/status", status)


async def play_bare(run: Run) -> None:
    """The same kind of signed form against the stateless bare handler."""
    body = await request(run, f"{run.base_url}{BARE_PATH}", call_params())
    if body is not None:
        next_url(run, body)


async def worker(run: Run, play: Callable[[Run], Awaitable[None]]) -> None:
    """Play one thing after another until the time or the request budget is spent."""
    while run.more():
        await play(run)


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """The nearest-rank percentile (q in 0..1) of already sorted values; NaN when empty."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), math.ceil(q * len(sorted_values))))
    return sorted_values[rank - 1]


async def measure(
    target: str,
    base_url: str,
    token: str,
    *,
    concurrency: int,
    seconds: float,
    warmup: float,
    max_requests: int,
    think_s: float = 0.0,
) -> Result:
    """Run `concurrency` workers for warm-up + `seconds`; statistics cover the last `seconds`."""
    play = play_bare if target == "bare" else play_call
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
    latencies = sorted(run.latencies_ms)
    return Result(
        target=target,
        concurrency=concurrency,
        requests=len(latencies),
        steps_per_s=len(latencies) / window,
        p50_ms=percentile(latencies, 0.50),
        p99_ms=percentile(latencies, 0.99),
        errors=run.errors,
        examples=run.examples,
    )
