"""The duty board: the roster and staff contacts as one snapshot, reloaded every half minute.

A voice step must not wait on a roster query (and on SQLite it could not open a second
connection inside its own transaction), so escalation reads a snapshot kept in memory. A
roster imported with `hotline roster import` reaches running servers within `ttl`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from hotline.errors import DatabaseUnavailable
from hotline.escalation.roster import Roster, Staff

log = logging.getLogger(__name__)

BOARD_TTL = timedelta(seconds=30)


@dataclass(frozen=True)
class DutySnapshot:
    """The roster (None: never imported) and how each person is reached (decrypted)."""

    roster: Roster | None
    phones: Mapping[str, str] = field(default_factory=dict)
    telegram: Mapping[str, int] = field(default_factory=dict)

    def staff(self, staff_id: str) -> Staff | None:
        """A person of the roster by id."""
        if self.roster is None:
            return None
        return next((p for p in self.roster.staff if p.id == staff_id), None)

    def by_telegram(self, user_id: int) -> Staff | None:
        """The person with this Telegram user id, if they are staff."""
        for staff_id, known in self.telegram.items():
            if known == user_id:
                return self.staff(staff_id)
        return None


class DutyBoard:
    """Serves the current snapshot, reloading it when older than `ttl`."""

    def __init__(
        self,
        load: Callable[[], Awaitable[DutySnapshot]],
        clock: Callable[[], datetime],
        ttl: timedelta = BOARD_TTL,
    ) -> None:
        self._load = load
        self._clock = clock
        self._ttl = ttl
        self._snapshot: DutySnapshot | None = None
        self._loaded_at: datetime | None = None
        self._lock = asyncio.Lock()

    async def current(self) -> DutySnapshot:
        """The snapshot; a failed reload keeps serving the last good one."""
        now = self._clock()
        if self._snapshot is not None and self._fresh(now):
            return self._snapshot
        async with self._lock:
            if self._snapshot is not None and self._fresh(now):
                return self._snapshot
            try:
                self._snapshot = await self._load()
                self._loaded_at = now
            except Exception as exc:
                if self._snapshot is None:
                    raise
                if isinstance(exc, DatabaseUnavailable):  # an outage: one line
                    log.warning(
                        "the duty roster could not be reloaded (%s); using the last one", exc
                    )
                else:
                    log.exception("the duty roster could not be reloaded; using the last one")
            return self._snapshot

    def invalidate(self) -> None:
        """Reload on the next read (after this process changed staff or the roster)."""
        self._loaded_at = None

    def _fresh(self, now: datetime) -> bool:
        return self._loaded_at is not None and timedelta(0) <= now - self._loaded_at < self._ttl
