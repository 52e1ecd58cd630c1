"""Benchmark of the dashboard's statistics: how long a page's figures take on PostgreSQL.

What it measures
    A fresh PostgreSQL database gets --rows call-log entries spread over a year (calls and
    chats in six languages, each call with a path through the menu), one escalation for
    every 20 entries (a third of them callbacks with their tasks). Then
    `hotline.stats.service.report` (every query of the page, in one unit of work, and the
    pure figures) runs for the last 30 days, the last 90 days and the whole year, each
    --repeat times; printed: the best and the median wall time. Then a year's page as a
    browser asks for it: the page, then its 10 chart images, without the report cache (each
    answer computes the report: the dashboard before the cache), one at a time and at once
    (then the statistics' small pool gives up on some), and with the cache, at once.

How to run
    .venv/bin/python bench/stats.py                  # 1,000,000 call-log rows
    .venv/bin/python bench/stats.py --rows 200000

PostgreSQL is reached at HOTLINE_BENCH_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/test); a database of its own is created there and
dropped afterwards. Rows are loaded with COPY.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import asyncpg
from sqlalchemy.engine import make_url

from hotline.catalog import Catalog
from hotline.errors import DatabaseUnavailable
from hotline.escalation.ports import UnitsOfWork
from hotline.escalation.roster import Roster
from hotline.escalation.roster_file import load_roster
from hotline.stats.period import Period
from hotline.stats.service import Reports, report
from hotline.stats.tables import TABLES, tables
from hotline.stats.web import chart_response
from hotline.storage import db
from hotline.storage.unit_of_work import SqlUnitsOfWork

PG_URL = os.environ.get("HOTLINE_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")
ZONE = ZoneInfo("Europe/Prague")  # with daylight saving: two offsets in a year
END = datetime(2027, 1, 1, tzinfo=UTC)
LANGUAGES = ("ka", "ru", "hr", "cs", "sl", "en")
PATHS = [
    ["language", "main-menu", *tail]
    for tail in (
        [],
        ["about"],
        ["about", "about-work"],
        ["about", "about-family", "about-more"],
        ["services"],
        ["specialist"],
        ["message"],
        ["about", "about-counselling", "about-more", "main-menu", "goodbye"],
        *([["services", f"region-{i}"]] for i in range(12)),
    )
]
ROSTER = """\
timezone: Europe/Prague
staff:
  - {id: ana, name: Ana, role: specialist, languages: [cs, en]}
weekly:
  - {staff: ana, days: [mon, tue, wed, thu, fri], from: "08:00", to: "20:00"}
"""


async def admin(sql: str) -> None:
    url = make_url(PG_URL)
    conn = await asyncpg.connect(
        host=url.host, port=url.port or 5432, user=url.username, database=url.database
    )
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def load(url: str, rows: int) -> None:
    """The rows, with COPY (a million in well under a minute)."""
    parsed = make_url(url)
    conn = await asyncpg.connect(
        host=parsed.host, port=parsed.port or 5432, user=parsed.username, database=parsed.database
    )
    rng = random.Random(14)
    try:
        log, escalations, tasks = [], [], []
        for i in range(rows):
            started = END - timedelta(seconds=rng.randrange(365 * 86400))
            channel = rng.choices(("voice", "sms", "telegram"), (6, 2, 2))[0]
            path = rng.choice(PATHS) if channel == "voice" else ["language", "chat-menu"]
            log_id = str(uuid.uuid4())
            log.append(
                (
                    log_id,
                    channel,
                    "hotline",
                    None,
                    started,
                    started + timedelta(minutes=2),
                    120,
                    rng.choice(LANGUAGES),
                    json.dumps(path),
                    "completed",
                )
            )
            if i % 20 == 0:
                kind = "callback" if i % 60 == 0 else "call"
                answered = (
                    started + timedelta(seconds=rng.randrange(5, 300))
                    if rng.random() < 0.8
                    else None
                )
                esc_id = str(uuid.uuid4())
                escalations.append(
                    (
                        esc_id,
                        log_id,
                        kind,
                        channel,
                        "en",
                        "asked",
                        started,
                        answered,
                        "ana" if answered else None,
                        1,
                        0,
                        "done" if kind == "callback" else "answered",
                        answered,
                    )
                )
                if kind == "callback":
                    tasks.append((esc_id, "callback", started + timedelta(days=7), answered))
        await conn.copy_records_to_table(
            "call_log", records=log,
            columns=["id", "channel", "flow", "caller", "started_at", "ended_at", "duration_s",
                     "language", "path", "outcome"],
        )  # fmt: skip
        await conn.copy_records_to_table(
            "escalations", records=escalations,
            columns=["id", "log_id", "kind", "channel", "language", "reason", "started_at",
                     "answered_at", "staff_id", "attempts", "stage", "outcome", "ended_at"],
        )  # fmt: skip
        await conn.copy_records_to_table(
            "callback_tasks", records=tasks,
            columns=["escalation_id", "kind", "expires_at", "closed_at"],
        )  # fmt: skip
        await conn.execute("ANALYZE")
    finally:
        await conn.close()


async def run(rows: int, repeat: int) -> None:
    name = f"hotline_bench_stats_{secrets.token_hex(4)}"
    await admin(f'CREATE DATABASE "{name}"')
    url = make_url(PG_URL).set(drivername="postgresql+asyncpg", database=name)
    # The statistics' own engine: a year over a million rows outlasts the 2 s of a webhook's.
    engine = db.create_engine(
        url.render_as_string(hide_password=False), pool_size=2, command_timeout_s=60
    )
    try:
        await db.upgrade(engine)
        started = time.perf_counter()
        await load(url.set(drivername="postgresql").render_as_string(hide_password=False), rows)
        print(f"loaded {rows:,} call-log rows in {time.perf_counter() - started:.1f} s")
        units = SqlUnitsOfWork(engine)
        roster = load_roster(ROSTER)
        last = END.astimezone(ZONE).date()
        for days in (30, 90, 365):
            period = Period(last - timedelta(days=days), last, ZONE)
            times = []
            for _ in range(repeat):
                t0 = time.perf_counter()
                figures = await report(units, period, roster)
                times.append(time.perf_counter() - t0)
            calls = sum(c for _, c, _ in figures.per_day)
            print(
                f"{days:>3} days ({calls:,} calls): best {min(times) * 1000:.0f} ms, "
                f"median {statistics.median(times) * 1000:.0f} ms"
            )
        year = Period(last - timedelta(days=365), last, ZONE)
        for label, cached, together in (
            ("without the cache, charts one at a time", False, False),
            ("without the cache, charts at once", False, True),
            ("with the cache, charts at once", True, True),
        ):
            times, failed = [], 0
            for _ in range(repeat):
                cache = Reports(time.monotonic) if cached else None
                t0 = time.perf_counter()
                failed += await page_and_charts(units, year, roster, cache, together)
                times.append(time.perf_counter() - t0)
            computed = cache.computed if cache is not None else 1 + len(TABLES)
            print(
                f"a year's page + {len(TABLES)} charts {label}: best {min(times):.1f} s, "
                f"median {statistics.median(times):.1f} s; {computed} report computations, "
                f"{failed} of {repeat * len(TABLES)} charts failed"
            )
    finally:
        await engine.dispose()
        await admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def page_and_charts(
    units: UnitsOfWork, period: Period, roster: Roster, cache: Reports | None, together: bool
) -> int:
    """What the dashboard does for one page view: the page's tables, then every chart, at
    once (as a browser asks for the images) or one at a time; how many charts failed (the
    statistics' pool of 2 connections gives up on a wait over 2 s)."""
    catalog = Catalog()
    figures = await report(units, period, roster, cache=cache)
    tables(figures, catalog, "en")
    charts = [
        chart_response(units, catalog, "en", period, roster, name, reports=cache) for name in TABLES
    ]
    if together:
        answers = await asyncio.gather(*charts, return_exceptions=True)
    else:
        answers = []
        for one in charts:
            try:
                answers.append(await one)
            except DatabaseUnavailable as exc:
                answers.append(exc)
    return sum(isinstance(answer, DatabaseUnavailable) for answer in answers)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(run(args.rows, args.repeat))


if __name__ == "__main__":
    main()
