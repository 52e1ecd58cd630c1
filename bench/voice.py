"""Benchmark of the voice webhooks: signed simulated calls against servers on loopback.

What it measures
    Simulated calls, each a chain of signed Twilio webhooks (the incoming call, seven key
    presses through the menus: about, counselling, back, about, families, back, end; then the
    status callback), against `hotline serve` running as a subprocess on 127.0.0.1, on SQLite
    and on PostgreSQL, with 1 and 2 worker processes (--workers). Next to them, in the same run,
    the ceiling: a bare aiohttp app answering every POST with one constant <Gather> (as many
    processes on one port as the row's workers), the limit of an aiohttp server and this load
    client on this machine. Each load runs against a server of its own, started for it on a
    new data folder and database: an overload's spool, replayed after it, weighs on no other.

    Closed loop (--mode closed, --concurrency 50,200): each caller sends their next request as
    soon as the last is answered (after a mean pause if --think-ms is given), so latency =
    concurrency / throughput and 200 callers are 200 requests in flight at every moment.
    Latency runs from when a request went out.

    Open loop (--mode open, --rate 200, --think-ms 1000): calls arrive at --rate a second for
    --warmup + --seconds (evenly, or --poisson), whatever the server does; each key is due
    --think-ms after the answer to the prompt before it, the status callback right after the
    goodbye (and, as Twilio does, after a fallback too). Latency runs from when a request was
    due, not from when the client sent it, so a server's queue cannot hide behind a slowed client
    (no coordinated omission). After the last arrival the calls in progress get a bounded time to
    end (the rest are cancelled and counted unfinished); then the server's call log is read.
    --find-knee also steps the rate up (25, 50, ... 1600 calls/s) until p99 crosses 100 ms,
    then runs at twice that rate.

What it prints
    First the issue's table: a row per load and worker count, a column per target: req/s
    (requests answered a second, every request counts), p50/p99 latency, the ratio of req/s to
    the ceiling's under the same load and workers, fallbacks (answers with the product's
    "technical problem" fallback TwiML) and failed status callbacks (not answered 200, or not
    answered at all); in the open loop, answers later than 1 s after they were due. Then the
    details, one line per target, load and worker count: also non-200 answers, transport
    errors, other errors (TwiML not what the call expects); the call log (open loop): how many of
    the calls that began in the run are closed as "completed" against the calls that heard their
    goodbye with no fallback, closed with another outcome, still open, or missing ("true" when
    every call has a closed row and every goodbye is "completed"); the server's RSS (its worker
    processes' included) before the run and at the peak of calls in progress, and what 1,000
    calls in progress add to it. Last, issue 18's aims where the run measured their loads.

    The client and the servers share the machine's CPUs, so absolute numbers depend on it (and
    on what else runs there); the ratio to the ceiling is the number to compare.

How to run
    make bench                    # .venv/bin/python bench/voice.py: both loops, 1 and 2 workers
    .venv/bin/python bench/voice.py --mode open --rate 200 --think-ms 1000 --only bare,postgres
    .venv/bin/python bench/voice.py --mode closed --concurrency 50 --workers 1 --seconds 8
    .venv/bin/python bench/voice.py --mode open --find-knee --only bare,postgres

--workers N is passed to `hotline serve` (1 too: on PostgreSQL its default is a worker per
core); a server that refuses it (SQLite above 1) is skipped with one line. PostgreSQL is
reached at HOTLINE_BENCH_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/test); the
benchmark creates a fresh database there for each load and worker count, migrates it with
`hotline db upgrade`, and drops it at the end. If PostgreSQL does not answer, that target is
skipped with a line saying why. Everything runs on loopback, and every loop is bounded by a
request count and a time limit.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import platform
import signal
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import aiohttp
from voice_calls import KNEE_STEP, OVERLOAD, Result
from voice_closed import measure
from voice_open import REQUESTS_PER_CALL, OpenLoad, measure_open
from voice_report import aims, details, overload_verdict, summary
from voice_targets import Server, Skip, log_size, log_summary, serve_bare, target_server

TARGETS = ("bare", "sqlite", "postgres")
MODES = ("closed", "open", "both")
OPEN_THINK_MS = 1000.0
KNEE_MS = 100.0  # the p99 that --find-knee looks for
KNEE_RATES = (25, 50, 100, 200, 400, 800, 1600)  # calls/s tried in turn, lowest first


# -- running and reporting ------------------------------------------------------------------------


@dataclass(frozen=True)
class Options:
    """What to run, from the command line."""

    targets: tuple[str, ...]
    modes: tuple[str, ...]
    concurrency: tuple[int, ...]
    workers: tuple[int, ...]
    seconds: float
    warmup: float
    max_requests: int
    think_s: float  # the closed loop's mean pause between a caller's requests
    open_load: OpenLoad
    find_knee: bool


async def bench_target(target: str, workers: int, options: Options) -> list[Result]:
    """Every load, each against a server of its own (a new data folder and database): what
    one load leaves behind (an overload's spool being replayed, a full pool) would weigh on
    the next. An empty list when the target was skipped."""
    loads: list[Callable[[Server], Awaitable[list[Result]]]] = []
    if "closed" in options.modes:
        for concurrency in options.concurrency:
            loads.append(
                lambda server, c=concurrency: one(closed(target, workers, c, server, options))
            )
    if "open" in options.modes:
        loads.append(lambda server: one(opened(target, workers, options.open_load, server)))
    if options.find_knee and target != "bare":
        loads.append(lambda server: knee(target, workers, server, options.open_load))
    results: list[Result] = []
    try:
        for load in loads:
            with tempfile.TemporaryDirectory(prefix=f"hotline-bench-{target}-") as tmp:
                async with target_server(target, Path(tmp), workers) as server:
                    results.extend(await load(server))
    except Skip as exc:
        print(f"{target}, {workers} worker(s): skipped: {exc}", flush=True)
    return results


async def one(result: Awaitable[Result]) -> list[Result]:
    """A load's single row, as a list."""
    return [await result]


async def closed(
    target: str, workers: int, concurrency: int, server: Server, options: Options
) -> Result:
    """One closed-loop row, its errors reported with what the server logged meanwhile."""
    print(
        f"  {target}, {workers} worker(s): closed loop, {concurrency} concurrent "
        f"({options.warmup:g}s warm-up + {options.seconds:g}s) ...",
        flush=True,
    )
    offset = log_size(server.log_path)
    result = await measure(
        target,
        server.base_url,
        server.token,
        concurrency=concurrency,
        workers=workers,
        seconds=options.seconds,
        warmup=options.warmup,
        max_requests=options.max_requests,
        think_s=options.think_s,
    )
    if result.error_count:
        report_errors(result, log_summary(server.log_path, offset))
    return result


async def opened(target: str, workers: int, load: OpenLoad, server: Server) -> Result:
    """One open-loop row, its errors reported with what the server logged meanwhile."""
    print(
        f"  {target}, {workers} worker(s): open loop, {load.rate:g} calls/s for "
        f"{load.warmup:g}s warm-up + {load.seconds:g}s, {load.think_s * 1000:g} ms think ...",
        flush=True,
    )
    offset = log_size(server.log_path)
    result = await measure_open(target, server, load, workers)
    if result.error_count:
        report_errors(result, log_summary(server.log_path, offset))
    return result


async def knee(target: str, workers: int, server: Server, load: OpenLoad) -> list[Result]:
    """Open loops at KNEE_RATES until p99 crosses KNEE_MS, then one at twice that rate."""
    tried: list[Result] = []
    for rate in KNEE_RATES:
        step = await opened(target, workers, replace(load, rate=rate), server)
        tried.append(replace(step, note=KNEE_STEP))
        if tried[-1].p99_ms > KNEE_MS:
            print(f"  {target}, {workers} worker(s): p99 crosses {KNEE_MS:g} ms at {rate} calls/s")
            overload = await opened(target, workers, replace(load, rate=2 * rate), server)
            return [*tried, replace(overload, note=OVERLOAD)]
    print(f"  {target}, {workers} worker(s): p99 stayed under {KNEE_MS:g} ms up to {rate} calls/s")
    return tried


def report_errors(result: Result, server_log: Sequence[str]) -> None:
    """Errors of a scenario, with what the server logged meanwhile."""
    kinds = ", ".join(f"{kind} x{count}" for kind, count in result.errors.most_common())
    print(
        f"!! {result.target}, {result.workers} worker(s), {result.mode} loop at {result.load}: "
        f"{result.error_count} errors ({kinds})"
    )
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


def cancel_on_signals() -> None:
    """SIGINT or SIGTERM cancels the run, so servers are stopped and the database dropped."""
    task = asyncio.current_task()
    if task is None:
        return
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, task.cancel)


async def run_all(options: Options) -> int:
    """Every selected target and worker count in turn; the exit status is 1 when any
    request failed (a fallback included) or a target did not come up."""
    cancel_on_signals()
    started = time.monotonic()
    print(machine_info())
    think = f"{options.think_s * 1000:g} ms mean pause" if options.think_s else "no pause"
    load = options.open_load
    if "closed" in options.modes:
        print(
            f"closed loop: {options.warmup:g}s warm-up (not counted) + {options.seconds:g}s "
            f"measured, at most {options.max_requests} requests; {think} between a caller's "
            "requests"
        )
    if "open" in options.modes:
        print(
            f"open loop: {load.rate:g} calls/s arriving ({'Poisson' if load.poisson else 'evenly'}"
            f") for {load.warmup:g}s (not counted) + {load.seconds:g}s, {load.think_s * 1000:g} "
            "ms from a prompt to the next key; latency from when a request was due"
        )
    sys.stdout.flush()
    results: list[Result] = []
    failed: list[str] = []
    for target in options.targets:
        for workers in options.workers:
            try:
                results.extend(await bench_target(target, workers, options))
            except RuntimeError as exc:  # the server or its database did not come up
                print(f"!! {target}, {workers} worker(s): FAILED: {exc}", flush=True)
                failed.append(f"{target} ({workers})")
    print()
    if not results:
        print("(nothing was measured)")
    else:
        print(summary(results, load.think_s * 1000))
        print()
        print(details(results))
    print()
    for verdict in aims(results, options.think_s * 1000, load.think_s * 1000):
        print(verdict)
    for r in results:
        if r.note == OVERLOAD:
            print(overload_verdict(r))
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


def _rate(raw: str) -> float:
    value = float(raw)
    if not 0 < value <= 5000:
        raise argparse.ArgumentTypeError("give calls a second from 0 to 5000")
    return value


def _workers(raw: str) -> tuple[int, ...]:
    items = [x.strip() for x in raw.split(",") if x.strip()]
    if not items or not all(x.isdigit() and 0 < int(x) <= 16 for x in items):
        raise argparse.ArgumentTypeError("give worker counts from 1 to 16, comma-separated")
    return tuple(dict.fromkeys(int(x) for x in items))


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
    cli.add_argument("--mode", choices=MODES, default="both", help="closed, open or both (both)")
    cli.add_argument(
        "--seconds",
        type=_positive,
        default=8.0,
        help="measured seconds per scenario; in the open loop, of arrivals after the warm-up (8)",
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
        default=None,
        help="open loop: from a prompt to the next key, ms (1000); closed loop, if given: the "
        "mean pause between a caller's requests (0: back to back)",
    )
    cli.add_argument(
        "--rate", type=_rate, default=200.0, help="open loop: calls arriving a second (200)"
    )
    cli.add_argument(
        "--poisson", action="store_true", help="open loop: Poisson arrivals, not evenly spaced"
    )
    cli.add_argument(
        "--workers",
        type=_workers,
        default=(1, 2),
        help="server processes, each count a row; --workers N is passed to `hotline serve` "
        "(1 too), and a server that refuses it is skipped with a line (1,2)",
    )
    cli.add_argument(
        "--find-knee",
        action="store_true",
        help=f"also step the open loop's rate up ({', '.join(map(str, KNEE_RATES))}) until p99 "
        f"crosses {KNEE_MS:g} ms, then run at twice that rate",
    )
    cli.add_argument("--bare-server", type=int, metavar="PORT", help=argparse.SUPPRESS)
    return cli


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark (or, with the hidden --bare-server, be the bare ceiling server)."""
    args = parser().parse_args(argv)
    if args.bare_server is not None:
        serve_bare(args.bare_server)
        return 0
    open_think_ms = OPEN_THINK_MS if args.think_ms is None else args.think_ms
    options = Options(
        targets=args.only,
        modes=("closed", "open") if args.mode == "both" else (args.mode,),
        concurrency=args.concurrency,
        workers=args.workers,
        seconds=args.seconds,
        warmup=args.warmup,
        max_requests=args.max_requests,
        think_s=(args.think_ms or 0.0) / 1000,
        open_load=OpenLoad(
            rate=args.rate,
            think_s=open_think_ms / 1000,
            seconds=args.seconds,
            warmup=args.warmup,
            poisson=args.poisson,
            max_calls=max(1, args.max_requests // REQUESTS_PER_CALL),
        ),
        find_knee=args.find_knee,
    )
    try:
        return asyncio.run(run_all(options))
    except asyncio.CancelledError:
        print("bench: interrupted; servers stopped, bench database dropped", file=sys.stderr)
        return 130


if __name__ == "__main__":
    raise SystemExit(main())
