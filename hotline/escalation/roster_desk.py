"""The roster desk: the dashboard's changes to the stored roster, one entry at a time.

A change is applied to the roster as stored now (not to a cached snapshot), checked by the
roster's own rules (roster.edits) and saved as `hotline roster import` saves a file, so a
change the file would refuse is refused here with the same problems.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import datetime
from typing import Protocol

from hotline.escalation.board import DutyBoard
from hotline.escalation.roster import LANGUAGES, Roster, RosterError
from hotline.escalation.roster.edits import Change, changed

__all__ = ["NoRoster", "RosterDesk", "RosterStore"]


class NoRoster(RosterError):
    """No roster was imported yet, so there is no time zone to put a shift in."""

    def __init__(self) -> None:
        super().__init__(["no roster has been imported yet; run `hotline roster import FILE`"])


class RosterStore(Protocol):
    """Where the roster is kept (storage.staff.StaffDirectory)."""

    async def roster(self) -> Roster | None:
        """The stored roster, or None before any import."""

    async def import_roster(self, roster: Roster, *, now: datetime) -> object:
        """Replace the schedule (and follow the staff) with this roster."""


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

    async def roster(self) -> Roster | None:
        """The roster as stored now."""
        return await self._store().roster()

    async def apply(self, change: Change) -> Roster:
        """Make a change; RosterError (nothing saved) naming every problem if it is refused."""
        roster = await self.roster()
        if roster is None:
            raise NoRoster()
        new = changed(roster, change, languages=self.languages)
        await self._store().import_roster(new, now=self.clock())
        self.board.invalidate()  # this process shows the change at once; others within TTL
        return new
