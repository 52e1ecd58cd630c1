"""Benchmark of the voice webhooks: signed simulated calls against a running server on loopback.

What it measures
    Many concurrent simulated calls, each a chain of signed Twilio webhooks (incoming call,
    seven key presses through the menus, the status callback), against `hotline serve` running
    as a subprocess on 127.0.0.1, once on SQLite and once on PostgreSQL. Next to them, in the same
    run, a bare aiohttp handler returning constant TwiML: the ceiling of an aiohttp server and
    this load client on this machine. For each target and concurrency it prints steps/s (every
    request counts: incoming calls, steps and status callbacks), p50/p99 latency of a request
    (POST until the body is read), the throughput as a ratio of the bare handler's at the same
    concurrency, and errors (non-200 answers, TwiML that is not what the call expects, the
    fallback "technical problem" TwiML, transport failures).

    Each caller presses the next key as soon as the answer arrives (unless --think-ms sets a
    pause): a closed loop, so on average latency = concurrency / throughput, and 200 concurrent
    calls are 200 requests in flight at every moment, a far heavier load than 200 real calls.

    The aim: p99 under 50 ms at 200 concurrent calls on PostgreSQL, at 30% or more of the bare
    handler's throughput. The client and the servers share the machine's CPUs, so absolute numbers
    depend on it; the ratio is the number to compare between machines.

How to run
    make bench                    # .venv/bin/python bench/voice.py
    .venv/bin/python bench/voice.py --seconds 8 --concurrency 50,200 --only bare,postgres

PostgreSQL is reached at HOTLINE_BENCH_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/test); the benchmark creates a fresh database there,
migrates it with `hotline db upgrade`, and drops it at the end. If PostgreSQL does not answer,
that target is skipped with a line saying why. Everything runs on loopback, and every loop is
bounded by a request count and a time limit.
"""

from __future__ import annotations

import argparse
import asyncio
import html
import math
import os
import platform
import random
import re
import secrets
import signal
import socket
import sys
import tempfile
import time
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
from twilio.request_validator import RequestValidator

from hotline.crypto import new_key

TARGETS = ("bare", "sqlite", "postgres")
DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test"
LOOPBACK = "127.0.0.1"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
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
STARTUP_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0
REQUEST_TIMEOUT_S = 10.0
PG_CONNECT_TIMEOUT_S = 3.0
LOG_TAIL_LINES = 40
THIS_FILE = Path(__file__).resolve()
EXAMPLES_PER_KIND = 2
LOG_GROUPS = 8
_LOG_STAMP = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ ")


# -- the load client ------------------------------------------------------------------------------


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


# -- servers under test ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Server:
    """A server subprocess listening on loopback, and where its output goes."""

    base_url: str
    token: str
    log_path: Path


def free_port() -> int:
    """A free TCP port on loopback (free when asked; the server binds it right after)."""
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        port: int = sock.getsockname()[1]
        return port


def log_tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    """The last lines a server wrote, for the report."""
    try:
        text = path.read_text(errors="replace")
    except OSError as exc:
        return f"(no server log: {exc})"
    return "\n".join(text.splitlines()[-lines:]) or "(the server wrote nothing)"


def log_size(path: Path) -> int:
    """How much a server has written so far: where a scenario's part of its log begins."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def log_summary(path: Path, offset: int) -> list[str]:
    """What a server logged since `offset`: each distinct record with its count, busiest
    first, then the last traceback in full."""
    try:
        with path.open("rb") as handle:
            handle.seek(offset)
            lines = handle.read().decode(errors="replace").splitlines()
    except OSError as exc:
        return [f"(no server log: {exc})"]
    records: Counter[str] = Counter()
    traceback: list[str] = []
    in_traceback = False
    for line in lines:
        if _LOG_STAMP.match(line):
            records[_LOG_STAMP.sub("", line)] += 1
            in_traceback = False
        elif line.startswith("Traceback"):
            traceback, in_traceback = [line], True
        elif in_traceback:
            traceback.append(line)
        else:
            records[line] += 1
    if not records and not traceback:
        return ["(the server logged nothing)"]
    summary = [f"{count:>6} x {text}" for text, count in records.most_common(LOG_GROUPS)]
    if len(records) > LOG_GROUPS:
        summary.append(f"       ... and {len(records) - LOG_GROUPS} other distinct lines")
    if traceback:
        summary.append("last traceback:")
        summary.extend(traceback[-LOG_TAIL_LINES:])
    return summary


def hotline_env(port: int, token: str, data_dir: Path, database_url: str) -> dict[str, str]:
    """The environment of a production-mode hotline on loopback; no inherited HOTLINE_*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOTLINE_")}
    env.update(
        HOTLINE_MODE="production",
        HOTLINE_PUBLIC_URL=f"http://{LOOPBACK}:{port}",
        HOTLINE_TWILIO_AUTH_TOKEN=token,
        HOTLINE_PSEUDONYM_KEY=secrets.token_urlsafe(32),
        HOTLINE_DATA_KEY=new_key().decode(),
        HOTLINE_LANGUAGES="en",
        HOTLINE_LOG_LEVEL="WARNING",
        HOTLINE_DATA_DIR=str(data_dir),
        HOTLINE_DATABASE_URL=database_url,
    )
    return env


async def wait_healthy(proc: asyncio.subprocess.Process, base_url: str, log_path: Path) -> None:
    """Poll GET /healthz until it answers 200; fail if the process exits or time runs out."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    timeout = aiohttp.ClientTimeout(total=1.0)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        while time.monotonic() < deadline:
            if proc.returncode is not None:
                raise RuntimeError(
                    f"the server exited with {proc.returncode} at start:\n{log_tail(log_path)}"
                )
            try:
                async with http.get(f"{base_url}/healthz") as resp:
                    if resp.status == 200:
                        return
            except (aiohttp.ClientError, TimeoutError):
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError(
        f"{base_url}/healthz did not answer 200 in {STARTUP_TIMEOUT_S:.0f}s:\n{log_tail(log_path)}"
    )


async def stop(proc: asyncio.subprocess.Process) -> None:
    """Terminate a server we started; kill it if it does not go."""
    if proc.returncode is not None:
        return
    proc.terminate()
    try:
        await asyncio.wait_for(proc.wait(), timeout=STOP_TIMEOUT_S)
    except TimeoutError:
        proc.kill()
        await proc.wait()


@asynccontextmanager
async def subprocess_server(
    args: Sequence[str], env: dict[str, str], workdir: Path, port: int, token: str
) -> AsyncIterator[Server]:
    """Start a server process on `port`, wait for /healthz, and stop it on the way out."""
    log_path = workdir / f"server-{port}.log"
    base_url = f"http://{LOOPBACK}:{port}"
    with log_path.open("wb") as log:
        proc = await asyncio.create_subprocess_exec(
            *args, env=env, cwd=workdir, stdout=log, stderr=asyncio.subprocess.STDOUT
        )
    try:
        await wait_healthy(proc, base_url, log_path)
        yield Server(base_url=base_url, token=token, log_path=log_path)
    finally:
        await stop(proc)


@asynccontextmanager
async def hotline_server(workdir: Path, database_url: str) -> AsyncIterator[Server]:
    """`hotline serve` on a free loopback port with a fresh auth token."""
    port = free_port()
    token = secrets.token_hex(16)
    env = hotline_env(port, token, workdir, database_url)
    args = [sys.executable, "-m", "hotline", "serve", "--host", LOOPBACK, "--port", str(port)]
    async with subprocess_server(args, env, workdir, port, token) as server:
        yield server


@asynccontextmanager
async def bare_server(workdir: Path) -> AsyncIterator[Server]:
    """This file's own constant-TwiML aiohttp app, as a subprocess."""
    port = free_port()
    args = [sys.executable, str(THIS_FILE), "--bare-server", str(port)]
    async with subprocess_server(args, dict(os.environ), workdir, port, "bare") as server:
        yield server


def serve_bare(port: int) -> None:
    """The ceiling: an aiohttp app answering every POST with the same TwiML (a subprocess)."""
    from aiohttp import web

    async def answer(request: web.Request) -> web.Response:
        await request.read()
        return web.Response(text=BARE_TWIML, content_type="text/xml")

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_post("/{tail:.*}", answer)
    web.run_app(app, host=LOOPBACK, port=port, print=None)


# -- PostgreSQL -----------------------------------------------------------------------------------


class Skip(Exception):
    """A target that cannot run here, and why."""


def postgres_admin_url() -> str:
    """The server to create the bench database on; loopback only."""
    url = os.environ.get("HOTLINE_BENCH_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    host = urlsplit(url).hostname
    if host not in LOOPBACK_NAMES:
        raise Skip(f"HOTLINE_BENCH_POSTGRES_URL must point at loopback, not {host!r}")
    return url


def redacted(url: str) -> str:
    """A database URL without its password, for printing."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return parts._replace(netloc=netloc).geturl()


async def run_db_upgrade(workdir: Path, database_url: str) -> None:
    """`hotline db upgrade` on the bench database (PostgreSQL is not migrated at start)."""
    env = hotline_env(free_port(), secrets.token_hex(16), workdir, database_url)
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "hotline",
        "db",
        "upgrade",
        env=env,
        cwd=workdir,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        output, _ = await asyncio.wait_for(proc.communicate(), timeout=STARTUP_TIMEOUT_S)
    except TimeoutError:
        await stop(proc)
        raise RuntimeError("hotline db upgrade did not finish in time") from None
    if proc.returncode != 0:
        raise RuntimeError(f"hotline db upgrade failed:\n{output.decode(errors='replace')}")


@asynccontextmanager
async def postgres_database(workdir: Path) -> AsyncIterator[str]:
    """A fresh, migrated database `hotline_bench_<hex>`, dropped on the way out."""
    import asyncpg

    admin_url = postgres_admin_url()
    try:
        admin = await asyncpg.connect(admin_url, timeout=PG_CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError, asyncpg.PostgresError) as exc:
        raise Skip(f"PostgreSQL at {redacted(admin_url)} does not answer: {exc!r}") from exc
    name = f"hotline_bench_{secrets.token_hex(6)}"
    try:
        try:
            await admin.execute(f'CREATE DATABASE "{name}"')
        except asyncpg.PostgresError as exc:
            raise Skip(f"cannot create a database at {redacted(admin_url)}: {exc!r}") from exc
        try:
            database_url = urlsplit(admin_url)._replace(path=f"/{name}").geturl()
            await run_db_upgrade(workdir, database_url)
            yield database_url
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


# -- running and reporting ------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    """What to run, from the command line."""

    targets: tuple[str, ...]
    concurrency: tuple[int, ...]
    seconds: float
    warmup: float
    max_requests: int
    think_s: float


@asynccontextmanager
async def target_server(target: str, workdir: Path) -> AsyncIterator[Server]:
    """The server of a target, with its database."""
    if target == "bare":
        async with bare_server(workdir) as server:
            yield server
    elif target == "sqlite":
        url = f"sqlite:///{workdir / 'bench.sqlite3'}"
        async with hotline_server(workdir, url) as server:
            yield server
    else:
        async with postgres_database(workdir) as url, hotline_server(workdir, url) as server:
            yield server


async def bench_target(target: str, options: Options) -> list[Result]:
    """Every concurrency against one server; an empty list when the target was skipped."""
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix=f"hotline-bench-{target}-") as tmp:
        try:
            async with target_server(target, Path(tmp)) as server:
                for concurrency in options.concurrency:
                    print(
                        f"  {target} at {concurrency} concurrent "
                        f"({options.warmup:g}s warm-up + {options.seconds:g}s) ...",
                        flush=True,
                    )
                    offset = log_size(server.log_path)
                    result = await measure(
                        target,
                        server.base_url,
                        server.token,
                        concurrency=concurrency,
                        seconds=options.seconds,
                        warmup=options.warmup,
                        max_requests=options.max_requests,
                        think_s=options.think_s,
                    )
                    results.append(result)
                    if result.error_count:
                        report_errors(result, log_summary(server.log_path, offset))
        except Skip as exc:
            print(f"{target}: skipped: {exc}", flush=True)
    return results


def report_errors(result: Result, server_log: Sequence[str]) -> None:
    """Errors of a scenario, with what the server logged meanwhile."""
    kinds = ", ".join(f"{kind} x{count}" for kind, count in result.errors.most_common())
    print(f"!! {result.target} at {result.concurrency}: {result.error_count} errors ({kinds})")
    for kind, examples in result.examples.items():
        for example in examples:
            print(f"   e.g. {kind}: {example}")
    print("   server log during this scenario:")
    for line in server_log:
        print(f"   | {line}")
    sys.stdout.flush()


def machine_info() -> str:
    """What the numbers were measured on."""
    return (
        f"machine: {os.cpu_count()} CPUs ({platform.machine()}), {platform.platform()}; "
        f"Python {platform.python_version()}; aiohttp {aiohttp.__version__}; "
        f"client: one asyncio process, sharing the CPUs with the server"
    )


def table(results: Sequence[Result]) -> str:
    """One row per (target, concurrency), with the ratio to the bare handler."""
    bare = {r.concurrency: r.steps_per_s for r in results if r.target == "bare"}
    lines = [
        f"{'target':<10} {'conc':>5} {'requests':>9} {'steps/s':>9} "
        f"{'p50 ms':>8} {'p99 ms':>8} {'vs bare':>8} {'errors':>7}"
    ]
    for r in results:
        ceiling = bare.get(r.concurrency)
        ratio = f"{r.steps_per_s / ceiling:.0%}" if ceiling else "-"
        lines.append(
            f"{r.target:<10} {r.concurrency:>5} {r.requests:>9} {r.steps_per_s:>9.0f} "
            f"{r.p50_ms:>8.1f} {r.p99_ms:>8.1f} {ratio:>8} {r.error_count:>7}"
        )
    return "\n".join(lines)


def aim(results: Sequence[Result]) -> str | None:
    """The spec's aim, judged on PostgreSQL at 200 concurrent calls, if that was measured."""
    bare = {r.concurrency: r.steps_per_s for r in results if r.target == "bare"}
    for r in results:
        if r.target == "postgres" and r.concurrency == 200 and 200 in bare:
            ratio = r.steps_per_s / bare[200]
            met = r.p99_ms < 50 and ratio >= 0.30 and r.error_count == 0
            return (
                f"aim (postgres, 200 concurrent: p99 < 50 ms, >= 30% of bare, no errors): "
                f"p99 {r.p99_ms:.1f} ms, {ratio:.0%} of bare, {r.error_count} errors -> "
                f"{'met' if met else 'NOT met'}"
            )
    return None


def cancel_on_signals() -> None:
    """SIGINT or SIGTERM cancels the run, so servers are stopped and the database dropped."""
    task = asyncio.current_task()
    if task is None:
        return
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, task.cancel)


async def run_all(options: Options) -> int:
    """Every selected target in turn; the exit status is 1 when any request failed."""
    cancel_on_signals()
    started = time.monotonic()
    print(machine_info())
    think = f"{options.think_s * 1000:g} ms mean pause" if options.think_s else "no pause"
    print(
        f"each scenario: {options.warmup:g}s warm-up (not counted) + {options.seconds:g}s "
        f"measured, at most {options.max_requests} requests; {think} between a caller's requests",
        flush=True,
    )
    results: list[Result] = []
    failed: list[str] = []
    for target in options.targets:
        try:
            results.extend(await bench_target(target, options))
        except RuntimeError as exc:  # the server or its database did not come up
            print(f"!! {target}: FAILED: {exc}", flush=True)
            failed.append(target)
    print()
    print(table(results) if results else "(nothing was measured)")
    verdict = aim(results)
    if verdict and options.think_s:
        print("aim: not judged with --think-ms (the pauses, not the server, set the pace)")
    elif verdict:
        print(verdict)
    errors = sum(r.error_count for r in results)
    print(
        f"total errors: {errors}; targets failed: {', '.join(failed) or 'none'}; "
        f"run time {time.monotonic() - started:.1f}s"
    )
    return 1 if errors or failed else 0


def _targets(raw: str) -> tuple[str, ...]:
    items = tuple(x.strip() for x in raw.split(",") if x.strip())
    if not items or any(x not in TARGETS for x in items):
        raise argparse.ArgumentTypeError(f"choose from {', '.join(TARGETS)}, comma-separated")
    return tuple(t for t in TARGETS if t in items)  # bare first: the others' ratio needs it


def _concurrencies(raw: str) -> tuple[int, ...]:
    items = [x.strip() for x in raw.split(",") if x.strip()]
    if not items or not all(x.isdigit() and 0 < int(x) <= 2000 for x in items):
        raise argparse.ArgumentTypeError("give numbers from 1 to 2000, comma-separated")
    return tuple(int(x) for x in items)


def _positive(raw: str) -> float:
    value = float(raw)
    if not 0 < value <= 600:
        raise argparse.ArgumentTypeError("give seconds from 0 to 600")
    return value


def _think(raw: str) -> float:
    value = float(raw)
    if not 0 <= value <= 60_000:
        raise argparse.ArgumentTypeError("give milliseconds from 0 to 60000")
    return value


def _count(raw: str) -> int:
    if not raw.isdigit() or int(raw) < 1:
        raise argparse.ArgumentTypeError("give a positive number of requests")
    return int(raw)


def parser() -> argparse.ArgumentParser:
    """The command line."""
    cli = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    cli.add_argument(
        "--seconds", type=_positive, default=8.0, help="measured seconds per scenario (8)"
    )
    cli.add_argument(
        "--warmup", type=_positive, default=1.0, help="unmeasured seconds before each (1)"
    )
    cli.add_argument(
        "--concurrency", type=_concurrencies, default=(50, 200), help="concurrent calls (50,200)"
    )
    cli.add_argument(
        "--only", type=_targets, default=TARGETS, help="targets: bare,sqlite,postgres (all)"
    )
    cli.add_argument(
        "--max-requests",
        type=_count,
        default=1_000_000,
        help="stop a scenario after this many requests, whatever the time (1000000)",
    )
    cli.add_argument(
        "--think-ms",
        type=_think,
        default=0.0,
        help="mean pause of a caller between requests, ms (0: back to back, a closed loop)",
    )
    cli.add_argument("--bare-server", type=int, metavar="PORT", help=argparse.SUPPRESS)
    return cli


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark (or, with the hidden --bare-server, be the bare ceiling server)."""
    args = parser().parse_args(argv)
    if args.bare_server is not None:
        serve_bare(args.bare_server)
        return 0
    options = Options(
        targets=args.only,
        concurrency=args.concurrency,
        seconds=args.seconds,
        warmup=args.warmup,
        max_requests=args.max_requests,
        think_s=args.think_ms / 1000,
    )
    try:
        return asyncio.run(run_all(options))
    except asyncio.CancelledError:
        print("bench: interrupted; servers stopped, bench database dropped", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
