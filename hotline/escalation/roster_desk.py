"""The roster desk: the dashboard's changes to the stored roster, one entry at a time.

A change is applied to the roster as stored now (not to a cached snapshot), checked by the
roster's own rules (roster.edits) and saved as `hotline roster import` saves a file, so a
change the file would refuse is refused here with the same problems.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Collection
from datetime import datetime
from typing import Protocol

from hotline.escalation.board import DutyBoard
from hotline.escalation.roster import LANGUAGES, Roster, RosterError
from hotline.escalation.roster.edits import Change, changed

__all__ = ["NoRoster", "RosterDesk", "RosterStore", "StaleRoster"]

SAVE_TRIES = 3  # a change re-made on a roster saved meanwhile by someone else, at most


class NoRoster(RosterError):
    """No roster was imported yet, so there is no time zone to put a shift in."""

    def __init__(self) -> None:
        super().__init__(["no roster has been imported yet; run `hotline roster import FILE`"])


class StaleRoster(Exception):
    """The stored roster is no longer the one a change was made to: someone saved meanwhile."""


class RosterStore(Protocol):
    """Where the roster is kept (storage.staff.StaffDirectory)."""

    async def roster(self) -> Roster | None:
        """The stored roster, or None before any import."""

    async def import_roster(
        self, roster: Roster, *, now: datetime, expected: Roster | None = None
    ) -> object:
        """Replace the schedule (and follow the staff) with this roster; with `expected`,
        only if the stored schedule is still that one (StaleRoster otherwise)."""


class RosterDesk:
    """Reads the roster and applies one change at a time."""

    def __init__(
        self,
        store: Callable[[], RosterStore],
        board: DutyBoard,
        clock: Callable[[], datetime],
        *,
        languages: Collection[str] = LANGUAGES,
    ) -> None:
        self._store = store
        self.board = board
        self.clock = clock
        self.languages = languages
        self._saving = asyncio.Lock()

    async def roster(self) -> Roster | None:
        """The roster as stored now."""
        return await self._store().roster()

    async def apply(self, change: Change) -> Roster:
        """Make a change; RosterError (nothing saved) naming every problem if it is refused.

        Two supervisors saving at once both keep their change: a change is made to the
        roster as read and saved only if it is still the stored one; otherwise it is made
        again to the roster as it is now (a shift the other removed is then refused)."""
        async with self._saving:  # one at a time here; the check is for other processes
            for _ in range(SAVE_TRIES):
                roster = await self.roster()
                if roster is None:
                    raise NoRoster()
                new = changed(roster, change, languages=self.languages)
                try:
                    await self._store().import_roster(new, now=self.clock(), expected=roster)
                except StaleRoster:
                    continue
                self.board.invalidate()  # this process shows it at once; others within TTL
                return new
        raise RosterError(["the roster kept changing while saving: look at it again and retry"])
