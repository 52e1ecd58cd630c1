"""A caseload as staff look through it: each participant with their next contact and whether
they have stopped answering; search, filters and pages. Pure: rows in, a page out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from zoneinfo import ZoneInfo

from hotline.participants.model import Participant, Status, valid_zone
from hotline.reminders.ports import SILENT

__all__ = ["PAGE_SIZE", "CaseloadFilter", "CaseloadPage", "CaseloadRow", "no_answer", "select"]

PAGE_SIZE = 25
MAX_QUERY = 24  # a case code is at most 24 characters


@dataclass(frozen=True)
class CaseloadRow:
    """A participant on the list: their next planned message, their latest check-in answers
    (newest first; None: not answered yet), and whether they stopped answering."""

    participant: Participant
    next_contact: datetime | None
    answers: tuple[str | None, ...]

    @property
    def no_answer(self) -> bool:
        """No answer lately (see `no_answer`)."""
        return no_answer(self.answers)

    @property
    def next_contact_day(self) -> date | None:
        """The day of the next contact where the participant lives."""
        if self.next_contact is None:
            return None
        zone = self.participant.timezone
        return self.next_contact.astimezone(ZoneInfo(zone) if valid_zone(zone) else None).date()


def no_answer(answers: Sequence[str | None]) -> bool:
    """Whether a participant has gone quiet: their last judged check-in was silent (a
    silence before it, two in a row, is silent too; one sent since and not yet judged does
    not clear it); any answer since clears it."""
    judged = [answer for answer in answers if answer is not None]
    return bool(judged) and judged[0] == SILENT


@dataclass(frozen=True)
class CaseloadFilter:
    """What staff look for; every field optional."""

    query: str = ""  # a part of a case code
    status: Status | None = None
    specialist: str | None = None
    next_from: date | None = None  # next contact on or after this day (participant's zone)
    next_until: date | None = None  # ... and on or before this one
    no_answer: bool = False

    def admits(self, row: CaseloadRow) -> bool:
        """Whether a row passes every filter given."""
        p = row.participant
        query = self.query.strip().upper()[:MAX_QUERY]
        if query and query not in p.case:
            return False
        if self.status is not None and p.status != self.status:
            return False
        if self.specialist and p.specialist != self.specialist:
            return False
        if self.no_answer and not row.no_answer:
            return False
        if self.next_from is not None or self.next_until is not None:
            day = row.next_contact_day
            if day is None:
                return False
            if self.next_from is not None and day < self.next_from:
                return False
            if self.next_until is not None and day > self.next_until:
                return False
        return True


@dataclass(frozen=True)
class CaseloadPage:
    """One page of the rows that passed: its rows, its number (from 1), how many pages."""

    rows: tuple[CaseloadRow, ...]
    number: int
    pages: int
    total: int


def select(
    rows: Sequence[CaseloadRow], wanted: CaseloadFilter, page: int, size: int = PAGE_SIZE
) -> CaseloadPage:
    """The page `page` (clamped to those there are) of the rows that pass, in case-code order."""
    passed = sorted((row for row in rows if wanted.admits(row)), key=lambda r: r.participant.case)
    pages = max(1, -(-len(passed) // size))
    number = min(max(1, page), pages)
    start = (number - 1) * size
    return CaseloadPage(tuple(passed[start : start + size]), number, pages, len(passed))
