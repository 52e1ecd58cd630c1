"""Benchmark of `hotline keys rotate-data`: how long re-encrypting a deployment's data takes.

What it measures
    --rows case messages and --rows questions (two encrypted values each: reply address and
    text) are written with an old data key; then the real command, `hotline keys rotate-data`,
    runs in a process of its own with the new key primary and the old one in
    HOTLINE_DATA_KEYS_OLD, in batches of --batch-size, each batch its own transaction, and
    ends with its survey of every value. Printed per database: the command's wall time, rows/s
    and values re-encrypted/s; then `hotline keys check` over the result (decrypts only).

How to run
    .venv/bin/python bench/keys.py                          # 20,000 rows a table, both DBs
    .venv/bin/python bench/keys.py --rows 100000 --only postgres

PostgreSQL is reached at HOTLINE_BENCH_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/test, loopback only), as in bench/participants.py.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from cryptography.fernet import Fernet
from participants import hotline, postgres_database

from hotline.crypto import DataCipher
from hotline.storage import db
from hotline.storage.case_tables import CaseMessage
from hotline.storage.models import CallLogEntry, Escalation, Question

WHEN = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


async def fill(url: str, key: str, rows: int) -> None:
    """One call and its escalation, `rows` case messages and `rows` questions under `key`."""
    cipher = DataCipher(key)
    engine = db.create_engine(url)
    try:
        await db.upgrade(engine)
        async with engine.begin() as conn:
            await conn.execute(
                CallLogEntry.__table__.insert(),
                {"id": "log", "channel": "sms", "flow": "main", "started_at": WHEN,
                 "language": "ka", "path": []},
            )  # fmt: skip
            await conn.execute(
                Escalation.__table__.insert(),
                {"id": "esc", "log_id": "log", "kind": "chat", "channel": "sms",
                 "language": "ka", "reason": "asked", "started_at": WHEN},
            )  # fmt: skip
            for start in range(0, rows, 5000):
                chunk = range(start, min(rows, start + 5000))
                text = "Сын выходит 12 марта. Может ли он сразу встать на учёт?"
                await conn.execute(
                    CaseMessage.__table__.insert(),
                    [{"escalation_id": "esc", "text": cipher.encrypt(text), "written_at": WHEN}
                     for _ in chunk],
                )  # fmt: skip
                await conn.execute(
                    Question.__table__.insert(),
                    [{"id": f"q{i}", "log_id": "log", "channel": "sms", "language": "ru",
                      "reply_to": cipher.encrypt("+995555123456"), "text": cipher.encrypt(text),
                      "created_at": WHEN} for i in chunk],
                )  # fmt: skip
    finally:
        await engine.dispose()


def run(target: str, url: str, workdir: Path, rows: int, batch: int) -> None:
    """Fill one database, rotate it, check it; print the figures."""
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("HOTLINE_")},
        "HOTLINE_MODE": "local",
        "HOTLINE_DATA_DIR": str(workdir / f"data-{target}"),
        "HOTLINE_DATABASE_URL": url,
        "HOTLINE_DATA_KEY": new,
        "HOTLINE_DATA_KEYS_OLD": old,
    }
    async_url = url.replace("sqlite://", "sqlite+aiosqlite://").replace(
        "postgresql://", "postgresql+asyncpg://"
    )
    asyncio.run(fill(async_url, old, rows))
    seconds, _ = hotline(env, "keys", "rotate-data", "--batch-size", str(batch))
    values = rows * 3
    print(
        f"{target}: rotate-data over {2 * rows} rows ({values} values) in {seconds:.1f} s: "
        f"{2 * rows / seconds:,.0f} rows/s, {values / seconds:,.0f} values/s "
        f"(batches of {batch}, with its closing survey)"
    )
    seconds, _ = hotline(env, "keys", "check", "--primary-only")
    print(f"{target}: keys check over {values} values in {seconds:.1f} s")


def main() -> None:
    """Both databases (or --only one)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--only", choices=("sqlite", "postgres"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        if args.only in (None, "sqlite"):
            url = f"sqlite:///{workdir / 'bench.sqlite3'}"
            run("sqlite", url, workdir, args.rows, args.batch_size)
        if args.only in (None, "postgres"):
            with postgres_database() as url:
                run("postgres", url, workdir, args.rows, args.batch_size)


if __name__ == "__main__":
    main()
