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
import os
import platform
import signal
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import aiohttp
from voice_calls import Result, measure
from voice_targets import Skip, log_size, log_summary, serve_bare, target_server

TARGETS = ("bare", "sqlite", "postgres")


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
