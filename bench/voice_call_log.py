"""What the server's call log says of the calls of a run, read from its database afterwards."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime

SQLITE_PREFIX = "sqlite:///"
# The status callback may be folded into the call log in the background (under overload, or
# for a call only the fallback answered: by the spool's replay, every 15 s): wait this long at
# the most for rows still open or missing, polling.
SETTLE_S = 45.0
POLL_S = 0.5
COMPLETED = "completed"
_QUERY = (
    "SELECT outcome, ended_at IS NOT NULL, count(*) FROM call_log "
    "WHERE started_at >= {since} GROUP BY 1, 2"
)


@dataclass(frozen=True)
class LogCounts:
    """The call log's rows of calls that began during a run, by how they stand."""

    rows: int
    completed: int  # closed, outcome "completed": what the bench's script implies
    other: Counter[str]  # closed with another outcome, by outcome
    still_open: int  # no ended_at: no status callback was folded in

    def describe(self, expected_completed: int, calls: int) -> str:
        """`rows/calls, completed/expected` and what is wrong, in a few words."""
        words = [f"{self.completed}/{expected_completed} completed"]
        if self.other:
            words.append(", ".join(f"{n} {outcome}" for outcome, n in self.other.most_common()))
        if self.still_open:
            words.append(f"{self.still_open} open")
        if calls > self.rows:
            words.append(f"{calls - self.rows} missing")
        return "; ".join(words)


def _counts(rows: list[tuple[str | None, bool, int]]) -> LogCounts:
    completed, still_open, other, total = 0, 0, Counter[str](), 0
    for outcome, ended, n in rows:
        total += n
        if not ended:
            still_open += n
        elif outcome == COMPLETED:
            completed += n
        else:
            other[outcome or "none"] += n
    return LogCounts(rows=total, completed=completed, other=other, still_open=still_open)


def _sqlite_rows(path: str, since: datetime) -> list[tuple[str | None, bool, int]]:
    # The engine keeps naive UTC there, as "YYYY-MM-DD HH:MM:SS.ffffff": text compares.
    stamp = since.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as db:
        found = db.execute(_QUERY.format(since="?"), (stamp,)).fetchall()
    return [(outcome, bool(ended), int(n)) for outcome, ended, n in found]


async def _postgres_rows(url: str, since: datetime) -> list[tuple[str | None, bool, int]]:
    import asyncpg

    conn = await asyncpg.connect(url, timeout=5)
    try:
        found = await conn.fetch(_QUERY.format(since="$1"), since)
    finally:
        await conn.close()
    return [(row[0], bool(row[1]), int(row[2])) for row in found]


async def read_counts(database_url: str, since: datetime, calls: int) -> LogCounts:
    """The rows of calls begun at `since` or later, once there is one for each of the run's
    `calls` and none is open, or SETTLE_S is up."""
    deadline = time.monotonic() + SETTLE_S
    while True:
        if database_url.startswith(SQLITE_PREFIX):
            path = database_url.removeprefix(SQLITE_PREFIX)
            rows = await asyncio.to_thread(_sqlite_rows, path, since)
        else:
            rows = await _postgres_rows(database_url, since)
        counts = _counts(rows)
        settled = counts.still_open == 0 and counts.rows >= calls
        if settled or time.monotonic() >= deadline:
            return counts
        await asyncio.sleep(POLL_S)
