"""Benchmark of `hotline participants import`: how long a whole caseload takes to enrol.

What it measures
    A CSV of --participants rows (every participant with two family contacts, one by SMS,
    one by Telegram) is imported by the real command, `hotline participants import`, in a
    process of its own, as an operator runs it: every row checked (phone numbers parsed,
    time zones looked up), every contact and name encrypted, everything written in one
    transaction. Printed per database: the wall time of the command, participants/s and
    contacts encrypted/s; then the time of `hotline participants list --json` over them all.

How to run
    .venv/bin/python bench/participants.py                       # 20,000 participants
    .venv/bin/python bench/participants.py --participants 100000 --only postgres

PostgreSQL is reached at HOTLINE_BENCH_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/test, loopback only); a fresh database is created
there and dropped afterwards. Each command has a time limit.
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test"
LOOPBACK_NAMES = {"127.0.0.1", "localhost", "::1"}
COMMAND_TIMEOUT_S = 900
ZONES = ("Asia/Tbilisi", "Europe/Zagreb", "Europe/Prague", "Europe/Ljubljana")
LANGUAGES = ("ka", "hr", "cs", "sl", "ru", "en")


def write_caseload(path: Path, count: int) -> None:
    """`count` participants, each with two family contacts."""
    header = [
        "case", "program", "release", "timezone", "language", "specialist", "channel", "phone",
        "consent", "family1_name", "family1_channel", "family1_phone", "family1_consent",
        "family2_name", "family2_channel", "family2_consent",
    ]  # fmt: skip
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for n in range(count):
            month, day = 1 + n % 12, 1 + n % 28
            writer.writerow([
                f"BN-{n:06}", "georgia-two-years", f"2027-{month:02}-{day:02}", ZONES[n % 4],
                LANGUAGES[n % 6], "ana", "sms", f"+99555{n:07}", "sms telegram",
                f"Relative {n}", "sms", f"+99557{n:07}", "sms",
                f"Other {n}", "telegram", "telegram",
            ])  # fmt: skip


def hotline(env: dict[str, str], *args: str) -> tuple[float, str]:
    """Run `hotline ARGS`; its wall time in seconds and its output (stops on failure)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "hotline", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT_S,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise RuntimeError(f"hotline {' '.join(args)} failed:\n{done.stderr[-2000:]}")
    return elapsed, done.stdout


@contextmanager
def postgres_database() -> Iterator[str]:
    """A fresh database on the loopback PostgreSQL, dropped on the way out."""
    import asyncpg

    admin_url = os.environ.get("HOTLINE_BENCH_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    if urlsplit(admin_url).hostname not in LOOPBACK_NAMES:
        raise SystemExit("HOTLINE_BENCH_POSTGRES_URL must point at loopback")
    name = f"hotline_bench_{secrets.token_hex(6)}"

    async def admin(sql: str) -> None:
        conn = await asyncpg.connect(admin_url, timeout=5)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    asyncio.run(admin(f'CREATE DATABASE "{name}"'))
    try:
        yield urlsplit(admin_url)._replace(path=f"/{name}").geturl()
    finally:
        asyncio.run(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


def run(target: str, database_url: str, caseload: Path, workdir: Path, count: int) -> None:
    """Import the caseload into one database and list it; print the figures."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("HOTLINE_")},
        "HOTLINE_DATA_DIR": str(workdir / f"data-{target}"),
        "HOTLINE_DATABASE_URL": database_url,
    }
    hotline(env, "db", "upgrade")
    hotline(env, "staff", "add", "ana", "--name", "Ana", "--role", "specialist",
            "--languages", "ka,ru")  # fmt: skip
    seconds, out = hotline(env, "participants", "import", str(caseload))
    contacts = count * 4  # a phone and a relative's phone, two names, per participant
    print(f"{target:>8}: import {count:,} participants in {seconds:.1f} s: "
          f"{count / seconds:,.0f} participants/s, {contacts / seconds:,.0f} contacts "
          f"encrypted/s ({out.strip().split(': ', 1)[1]})")  # fmt: skip
    seconds, out = hotline(env, "participants", "list", "--json")
    listed = len(json.loads(out))
    print(f"{target:>8}: list --json of {listed:,} participants in {seconds:.1f} s")


def main() -> None:
    """Import --participants rows into SQLite and PostgreSQL; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=20_000)
    parser.add_argument("--only", choices=("sqlite", "postgres"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        caseload = workdir / "caseload.csv"
        write_caseload(caseload, args.participants)
        size = caseload.stat().st_size / 1e6
        print(
            f"caseload: {args.participants:,} participants, 2 family contacts each, {size:.1f} MB"
        )
        if args.only in (None, "sqlite"):
            url = f"sqlite:///{workdir / 'bench.sqlite3'}"
            run("sqlite", url, caseload, workdir, args.participants)
        if args.only in (None, "postgres"):
            with postgres_database() as url:
                run("postgres", url, caseload, workdir, args.participants)


if __name__ == "__main__":
    main()
