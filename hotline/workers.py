"""How many worker processes `hotline serve` runs (`--workers N`, HOTLINE_WORKERS).

Each worker is a whole server on the one port, on the one database: any worker can take any
step of any call, since a conversation's state is in the database, not in a process.

The default is one worker on SQLite (it takes one writer at a time), in local mode and with
`--telegram-polling` (only one process may poll the Bot API); otherwise the number of cores
this process may use. Several workers on SQLite are refused: they would queue on its one
write lock and time out, where one worker does the same work.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

from hotline.errors import ConfigError

__all__ = ["BACKLOG", "cores", "parse_workers", "workers_to_run"]

_CPU_MAX = Path("/sys/fs/cgroup/cpu.max")  # cgroup v2: "<quota> <period>", or "max <period>"

# Connections the kernel holds for the server before it accepts them (gunicorn's default;
# the kernel caps it at net.core.somaxconn). At aiohttp's 128 a burst of calls overflowed
# it, and each connection refused was tried again by its client a second later.
BACKLOG = 2048


def parse_workers(raw: str | None, source: str) -> int | None:
    """A count of workers as given (`--workers` or HOTLINE_WORKERS), or None when not given."""
    if raw is None:
        return None
    text = raw.strip()
    if not text.isdigit() or int(text) < 1:
        raise ConfigError(
            f"{_said(source, raw)}: give a whole number of worker processes, 1 or more "
            "(leave it out for the default: the number of cores on PostgreSQL, 1 on SQLite)"
        )
    return int(text)


def workers_to_run(
    wanted: int | None, *, sqlite: bool, local: bool, polling: bool, source: str
) -> int:
    """The number of workers to start; ConfigError for a count this deployment cannot run."""
    if wanted is None:
        return 1 if sqlite or local or polling else cores()
    if wanted > 1 and sqlite:
        raise ConfigError(
            f"{_said(source, wanted)}: SQLite takes one writer at a time, so it runs one worker; "
            "drop the setting, or move to PostgreSQL (HOTLINE_DATABASE_URL) for several"
        )
    if wanted > 1 and polling:
        raise ConfigError(
            f"--telegram-polling runs in one process only: drop {source} (or give 1), or "
            "use the webhook (HOTLINE_TELEGRAM_WEBHOOK_SECRET) with several workers"
        )
    return wanted


def _said(source: str, value: object) -> str:
    """How the operator wrote it: `--workers 2`, or `HOTLINE_WORKERS=2`."""
    return f"{source}={value}" if source.startswith("HOTLINE_") else f"{source} {value}"


def cores(cpu_max: Path = _CPU_MAX) -> int:
    """The cores this process may use: its CPU affinity, within its cgroup's CPU quota (a
    container limited to 2 CPUs on a 64-core host gets 2)."""
    count = len(os.sched_getaffinity(0))
    try:
        quota, period = cpu_max.read_text().split()[:2]
    except (OSError, ValueError):
        return max(count, 1)
    if quota.isdigit() and period.isdigit() and int(period) > 0:
        count = min(count, math.ceil(int(quota) / int(period)))
    return max(count, 1)
