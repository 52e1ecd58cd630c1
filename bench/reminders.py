"""Benchmark of reminders at scale: a caseload imported and planned, one busy morning sent.

What it measures (PostgreSQL; SQLite with --sqlite)
    1. `hotline serve` is started on a fresh database, its SMS going to a fake Twilio REST
       API in this process (no rate limit, no latency); its resident memory is read.
    2. A CSV of --participants participants (two family contacts each, by SMS), released
       100 days from now, is imported by `hotline participants import`, which plans every
       message of georgia-two-year in the same transaction: printed are the import's wall
       time, the rows planned and planned rows/s, the importing process's peak RSS and
       its CPU time (the wall time on a busy machine is mostly waiting for a core).
    3. The time of the dispatcher's claim query (200 due rows, FOR UPDATE SKIP LOCKED, in a
       transaction rolled back) with every row in the table: median of 20.
    4. One busy morning: the first step ("3 months before": participant and family) of a
       --morning share of the participants is made due a minute ago; the running server's
       dispatcher sends them, and the messages/s are timed at the fake, first to last,
       with the server's CPU time a message over that time.
    5. The server's RSS before the import, after it, and its peak after the morning: flat
       in the number of participants, since the plan is rows, not memory.
    Every participant lives in one Etc/GMT zone where it is day now, so waking hours hold.

How to run
    .venv/bin/python bench/reminders.py                        # 100,000 participants
    .venv/bin/python bench/reminders.py --participants 10000 --morning 0.2
    .venv/bin/python bench/reminders.py --participants 2000 --morning 1 --latency 0.2
    .venv/bin/python bench/reminders.py --participants 20000 --morning 0.5 --sqlite

Figures (the test machine: 2 cores shared with PostgreSQL, the fake, and other sessions'
test runs, load average 5-7; wall times are what a core left over gives, CPU times hold)
    PostgreSQL, 100,000 participants: 2.6 million rows planned in 209 s (12,400 rows/s),
    the importing process 72 s of CPU, peak RSS 789 MB (it holds the caseload); the claim
    query 4.3 ms at 2.6 million rows, 30 ms with 30,000 due; the morning's 30,000 SMS at
    205 messages/s, 0.95 ms of server CPU a message; server RSS 133 MB before the import,
    134 MB after it, 152 MB after the morning.
    PostgreSQL, 20,000 participants (0.5 of them due), before -> after the changes of
    the perf branch, one after the other on the same machine: import 126 s -> 26 s
    (25.4 s -> 11.0 s of CPU), the morning 94 -> 498 messages/s (3.80 -> 0.75 ms of
    server CPU a message).
    SQLite, 20,000 participants: import 89 s (36 s of CPU: SQLite writes in the process,
    by multi-row INSERTs), the morning 257 messages/s (1.28 ms of server CPU a message,
    the database's work included); claim query 1.2 ms at 520,000 rows.
    --participants 2000 --morning 1 --latency 0.2 (Twilio taking 200 ms to answer each):
    113 -> 354 messages/s (3 batches of 32 sends in flight: 96 requests wait at once).
    With main's check-in conversations merged (opened as each row is claimed), 4,000
    participants, all 12,000 due at once, a quieter moment: 717 messages/s, 0.89 ms of
    server CPU a message, each message once at the fake.
    Unloaded, the CPU times say: import about 55-70 s for 100,000 participants, the
    morning about 1,000 messages/s, of which the twilio SDK (request, form, JSON into a
    MessageInstance) is half the server's CPU.

PostgreSQL is reached at HOTLINE_BENCH_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/test, loopback only); a fresh database is created
there and dropped afterwards. Every wait has a time limit.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import os
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.participants import postgres_database
from tests.fakes.twilio_api import FakeTwilio

ACCOUNT_SID = "AC" + "f" * 32
AUTH_TOKEN = "bench-auth-token-0123456789abcdef"
DATA_KEY = "YmVuY2gtZGF0YS1rZXktMDEyMzQ1Njc4OWFiY2RlZjA="
START_TIMEOUT_S = 120
COMMAND_TIMEOUT_S = 1800
MORNING_TIMEOUT_S = 900
CHECKOUT = Path(__file__).resolve().parents[1]


def daytime_zone(now: datetime) -> str:
    """An Etc/GMT zone where it is about 13:00 now."""
    offset = (13 - now.hour) % 24
    if offset > 14:
        offset -= 24
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"


def write_caseload(path: Path, count: int, zone: str, release: str) -> None:
    header = [
        "case", "program", "release", "timezone", "language", "specialist", "channel", "phone",
        "consent", "family1_name", "family1_channel", "family1_phone", "family1_consent",
        "family2_name", "family2_channel", "family2_phone", "family2_consent",
    ]  # fmt: skip
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for n in range(count):
            writer.writerow([
                f"BN-{n:06}", "georgia-two-year", release, zone, "en", "ana", "sms",
                f"+99555{n:07}", "sms", f"Relative {n}", "sms", f"+99557{n:07}", "sms",
                f"Other {n}", "sms", f"+99559{n:07}", "sms",
            ])  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_mb(pid: int) -> tuple[float, float]:
    """(VmRSS, VmHWM) of a process in MB."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines()
    )
    return tuple(int(fields[k].split()[0]) / 1024 for k in ("VmRSS", "VmHWM"))  # type: ignore[return-value]


def cpu_s(pid: int) -> float:
    """CPU time (user + system) a process has used, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as resp:
            return bool(resp.status == 200)
    except OSError:
        return False


def hotline(env: dict[str, str], *args: str) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "hotline", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT_S,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"hotline {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return time.perf_counter() - started


def driver_url(url: str) -> str:
    """The URL with the async driver the server uses (asyncpg, aiosqlite)."""
    for plain, driver in (
        ("postgresql://", "postgresql+asyncpg://"),
        ("sqlite:", "sqlite+aiosqlite:"),
    ):
        if url.startswith(plain):
            return driver + url[len(plain) :]
    return url


async def count_rows(url: str, status: str | None = None) -> int:
    """Rows of the plan (of one status if given)."""
    from sqlalchemy import func, select

    from hotline.storage import db
    from hotline.storage.models import PlannedMessageRow as Row

    engine = db.create_engine(driver_url(url))
    query = select(func.count()).select_from(Row)
    if status is not None:
        query = query.where(Row.status == status)
    try:
        async with engine.connect() as conn:
            return int((await conn.execute(query)).scalar_one())
    finally:
        await engine.dispose()


async def make_due(url: str, before_case: str) -> int:
    """The first step (participant and family) of the cases before `before_case` due a
    minute ago; how many rows."""
    from sqlalchemy import update

    from hotline.storage import db
    from hotline.storage.models import PlannedMessageRow as Row

    engine = db.create_engine(driver_url(url))
    minute_ago = datetime.now(UTC) - timedelta(minutes=1)
    try:
        async with engine.begin() as conn:
            result = await conn.execute(
                update(Row)
                .where(
                    Row.step.in_(("ahead-3-months", "family-3-months")),
                    Row.participant < before_case,
                )
                .values(due_at=minute_ago, ready_at=minute_ago)
            )
            return int(result.rowcount)
    finally:
        await engine.dispose()


async def claim_ms(url: str) -> float:
    """The claim query's median time in ms (the dispatcher's own, rolled back)."""
    from hotline.storage import db
    from hotline.storage.planned import SqlPlan

    engine = db.create_engine(driver_url(url))
    times = []
    try:
        for _ in range(20):
            async with engine.connect() as conn:
                transaction = await conn.begin()
                started = time.perf_counter()
                await SqlPlan(conn).claim(datetime.now(UTC), 200)
                times.append((time.perf_counter() - started) * 1000)
                await transaction.rollback()
    finally:
        await engine.dispose()
    return statistics.median(times)


async def bench(count: int, morning: float, latency: float, url: str, workdir: Path) -> None:
    now = datetime.now(UTC)
    zone = daytime_zone(now)
    release = (now + timedelta(days=100)).date().isoformat()
    caseload = workdir / "caseload.csv"
    write_caseload(caseload, count, zone, release)
    async with FakeTwilio(ACCOUNT_SID, AUTH_TOKEN) as twilio:
        twilio.latency_s = latency  # Twilio's own answer time, if wanted (default none)
        port = free_port()
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("HOTLINE_")},
            "PYTHONPATH": str(CHECKOUT),
            "HOTLINE_MODE": "production",
            "HOTLINE_PORT": str(port),
            "HOTLINE_PUBLIC_URL": "https://hotline.example.org",
            "HOTLINE_TWILIO_AUTH_TOKEN": AUTH_TOKEN,
            "HOTLINE_PSEUDONYM_KEY": "bench-pseudonym-key-0123456789abcdef-0123",
            "HOTLINE_DATA_KEY": DATA_KEY,
            "HOTLINE_DATA_DIR": str(workdir / "data"),
            "HOTLINE_DATABASE_URL": url,
            "HOTLINE_LANGUAGES": "en",
            "HOTLINE_TWILIO_ACCOUNT_SID": ACCOUNT_SID,
            "HOTLINE_TWILIO_API_URL": twilio.base_url,
            "HOTLINE_PHONE_NUMBER": "+995322000000",
            "HOTLINE_REMINDERS_TICK_S": "1",
            "HOTLINE_LOG_LEVEL": "WARNING",
        }
        await asyncio.to_thread(hotline, env, "db", "upgrade")
        await asyncio.to_thread(
            hotline, env, "staff", "add", "ana", "--name", "Ana", "--role", "specialist",
            "--languages", "en",
        )  # fmt: skip
        started = time.perf_counter()
        with (workdir / "serve.log").open("wb") as log:
            server = subprocess.Popen(
                [sys.executable, "-m", "hotline", "serve"],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=log,
            )
        try:
            while not await asyncio.to_thread(healthy, port):
                if server.poll() is not None or time.perf_counter() - started > START_TIMEOUT_S:
                    raise RuntimeError((workdir / "serve.log").read_text()[-2000:])
                await asyncio.sleep(0.2)
            await asyncio.sleep(2)  # a few idle ticks
            before = rss_mb(server.pid)
            print(f"server: RSS {before[0]:.0f} MB before the import")

            children = resource.getrusage(resource.RUSAGE_CHILDREN)
            seconds = await asyncio.to_thread(hotline, env, "participants", "import", str(caseload))
            usage = resource.getrusage(resource.RUSAGE_CHILDREN)
            peak_import = usage.ru_maxrss / 1024
            import_cpu = (usage.ru_utime + usage.ru_stime) - (children.ru_utime + children.ru_stime)
            rows = await count_rows(url)
            print(
                f"import: {count:,} participants (2 family contacts each) in {seconds:.1f} s; "
                f"{rows:,} rows planned, {rows / seconds:,.0f} planned rows/s; "
                f"importing process peak RSS {peak_import:.0f} MB, CPU {import_cpu:.1f} s"
            )
            await asyncio.sleep(3)
            after = rss_mb(server.pid)
            print(f"server: RSS {after[0]:.0f} MB after the import ({rows:,} rows in the plan)")
            print(f"claim query with {rows:,} rows: {await claim_ms(url):.1f} ms (median of 20)")

            busy = int(count * morning)
            expected = await make_due(url, f"BN-{busy:06}")
            print(f"claim query with {expected:,} rows due: {await claim_ms(url):.1f} ms")
            cpu_before = cpu_s(server.pid)
            deadline = time.perf_counter() + MORNING_TIMEOUT_S
            while len(twilio.messages) < expected:
                if time.perf_counter() > deadline:
                    raise RuntimeError(f"only {len(twilio.messages)} of {expected} sent")
                await asyncio.sleep(0.5)
            first, last = twilio.messages[0].at, twilio.messages[-1].at
            cpu = cpu_s(server.pid) - cpu_before
            rate = expected / max(last - first, 1e-6)
            peak = rss_mb(server.pid)
            print(
                f"morning: {expected:,} messages due ({busy:,} participants and their "
                f"families) sent in {last - first:.1f} s: {rate:,.0f} messages/s; the "
                f"server's CPU {cpu * 1000 / expected:.2f} ms a message"
            )
            print(
                f"server: RSS {peak[0]:.0f} MB after the morning, peak {peak[1]:.0f} MB "
                f"(before the import {before[0]:.0f} MB, peak then {before[1]:.0f} MB)"
            )
            await asyncio.sleep(3)  # the last batch's outcomes are written
            sent = await count_rows(url, "sent")
            print(f"check: {sent:,} rows sent, {len(twilio.messages):,} messages at the fake")
        finally:
            server.terminate()
            server.wait(timeout=60)


def main() -> None:
    """Run the benchmark on a fresh PostgreSQL database."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--morning", type=float, default=0.1, help="share due this morning")
    parser.add_argument(
        "--latency", type=float, default=0.0, help="seconds the fake Twilio takes to answer"
    )
    parser.add_argument("--sqlite", action="store_true", help="SQLite instead of PostgreSQL")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.sqlite:
            url = f"sqlite:///{Path(folder) / 'bench.sqlite3'}"
            asyncio.run(bench(args.participants, args.morning, args.latency, url, Path(folder)))
            return
        with postgres_database() as url:
            asyncio.run(bench(args.participants, args.morning, args.latency, url, Path(folder)))


if __name__ == "__main__":
    main()
