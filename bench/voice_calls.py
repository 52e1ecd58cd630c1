"""The load client of bench/voice.py: a signed call's script, its TwiML checks, the figures."""

from __future__ import annotations

import html
import math
import re
import secrets
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

import aiohttp
from twilio.request_validator import RequestValidator
from voice_call_log import LogCounts
from voice_memory import Memory

SIGNATURE_HEADER = "X-Twilio-Signature"
# The key path of one call, from the main menu: about, counselling, back to the main menu,
# about, families, back to the main menu, end the call.
KEYS = ("1", "1", "0", "1", "5", "0", "0")
FALLBACK_TEXT = "technical problem"
FALLBACK = "fallback TwiML"
KNEE_STEP = "knee step"  # an open-loop row of --find-knee's search: in the details only
OVERLOAD = "2x the knee"  # the note of the open-loop row at twice the rate where p99 > 100 ms
BARE_PATH = "/x"
BARE_TWIML = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Response><Gather action="/x" numDigits="1"><Say>Hi</Say></Gather></Response>'
)
_GATHER_ACTION = re.compile(r'<Gather\b[^>]*?\saction="([^"]*)"')
REQUEST_TIMEOUT_S = 10.0
LATE_S = 1.0  # Twilio waits longer, but a caller hearing nothing for a second hears a fault
EXAMPLES_PER_KIND = 2

# What a request is in a call: the incoming call, a key press, or the status callback.
What = Literal["call", "key", "status"]
# How a call sends a request: the URL, the form, what it is; the good answer's body or None.
Send = Callable[[str, dict[str, str], What], Awaitable[str | None]]


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
    measure_to: float | None = None  # answers counted until then; None: until stop_at
    bare: bool = False  # the ceiling: every request goes to its one path, no <Hangup> expected
    sent: int = 0
    latencies_ms: list[float] = field(default_factory=list)
    errors: Counter[str] = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    late: int = 0  # answers later than LATE_S after they were due
    status_failed: int = 0  # status callbacks not answered 200
    calls: int = 0  # calls started
    in_progress: int = 0
    played_to_end: int = 0  # heard their goodbye with no fallback, status callback taken

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
    """The numbers of one row: a target, a worker count and a load."""

    target: str
    mode: Literal["closed", "open"]
    load: int  # concurrent callers (closed loop) or calls arriving a second (open loop)
    workers: int
    requests: int
    steps_per_s: float
    p50_ms: float
    p99_ms: float
    errors: Counter[str]
    examples: dict[str, list[str]]
    late: int = 0
    status_failed: int = 0
    calls: int = 0
    played_to_end: int = 0
    unfinished: int = 0  # open loop: calls still running when the drain time ran out
    peak_in_progress: int = 0
    memory: Memory | None = None
    call_log: LogCounts | None = None
    note: str = ""

    @property
    def error_count(self) -> int:
        """All errors, of every kind."""
        return sum(self.errors.values())

    @property
    def fallbacks(self) -> int:
        """Answers that were the product's "technical problem" fallback."""
        return self.errors[FALLBACK]


def result_of(
    run: Run, target: str, mode: Literal["closed", "open"], load: int, workers: int, window: float
) -> Result:
    """The figures of a finished run; `window` is the measured time in seconds."""
    latencies = sorted(run.latencies_ms)
    return Result(
        target=target,
        mode=mode,
        load=load,
        workers=workers,
        requests=len(latencies),
        steps_per_s=len(latencies) / max(window, 1e-9),
        p50_ms=percentile(latencies, 0.50),
        p99_ms=percentile(latencies, 0.99),
        errors=run.errors,
        examples=run.examples,
        late=run.late,
        status_failed=run.status_failed,
        calls=run.calls,
        played_to_end=run.played_to_end,
    )


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


async def post(
    run: Run, url: str, form: dict[str, str], what: What = "key", due: float | None = None
) -> str | None:
    """POST a signed form; the body of a good answer, or None (the error is counted).

    Latency runs from `due`, when the caller sent it in the open loop (a request the client
    sent late still counts from when it was due), or else from when it went out."""
    run.sent += 1
    headers = {SIGNATURE_HEADER: run.validator.compute_signature(url, form)}
    started = time.perf_counter()
    try:
        async with run.http.post(url, data=form, headers=headers) as resp:
            body = await resp.text()
            status = resp.status
    except (aiohttp.ClientError, TimeoutError) as exc:
        run.status_failed += what == "status"
        run.fail("transport", f"{url}: {exc!r}")
        return None
    ended = time.perf_counter()
    latency_s = ended - (started if due is None else due)
    run.late += latency_s > LATE_S
    if run.measure_from <= ended <= (run.stop_at if run.measure_to is None else run.measure_to):
        run.latencies_ms.append(latency_s * 1000)
    if status != 200:
        run.status_failed += what == "status"
        run.fail(f"HTTP {status}", f"{url}: {body.strip()}")
        return None
    if "<Response" not in body:
        run.fail("not TwiML", f"{url}: {body}")
        return None
    if FALLBACK_TEXT in body:
        run.fail(FALLBACK, url)
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


async def play_call(run: Run, send: Send, *, status_always: bool = False) -> None:
    """One call through the menus to its goodbye, then the status callback: after the
    goodbye, or (`status_always`, as Twilio does) after any end, a fallback's included."""
    params = call_params()
    run.calls += 1
    run.in_progress += 1
    began = time.monotonic()
    try:
        heard_goodbye = await _through_the_menus(run, send, params)
        if (heard_goodbye or status_always) and run.more():
            # The call's true length, as Twilio gives it (the call log dates a call that only
            # the fallback answered by it).
            duration = str(int(time.monotonic() - began))
            form = {**params, "CallStatus": "completed", "CallDuration": duration}
            path = BARE_PATH if run.bare else "/twilio/voice/status"
            taken = await send(f"{run.base_url}{path}", form, "status") is not None
            run.played_to_end += heard_goodbye and taken
    finally:
        run.in_progress -= 1


async def _through_the_menus(run: Run, send: Send, params: dict[str, str]) -> bool:
    """The incoming call and every key of KEYS; True when the call heard its <Hangup>."""
    body = await send(f"{run.base_url}{BARE_PATH if run.bare else '/twilio/voice'}", params, "call")
    for digits in KEYS:
        if body is None:
            return False
        url = next_url(run, body)
        if url is None or not run.more():
            return False
        body = await send(url, {**params, "Digits": digits}, "key")
    if body is None:
        return False
    if run.bare:
        return next_url(run, body) is not None
    if "<Hangup" not in body:
        run.fail("no Hangup after the last key", body)
        return False
    return True


def percentile(sorted_values: Sequence[float], q: float) -> float:
    """The nearest-rank percentile (q in 0..1) of already sorted values; NaN when empty."""
    if not sorted_values:
        return float("nan")
    rank = max(1, min(len(sorted_values), math.ceil(q * len(sorted_values))))
    return sorted_values[rank - 1]
