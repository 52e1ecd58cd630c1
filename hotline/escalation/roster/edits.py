"""Changes to a roster one entry at a time (the dashboard's forms).

Each change builds the whole new roster and checks it with the roster's own rules (those of
`hotline roster import`), so a change is refused with the same RosterError a file would get;
the entry being added is named "the new shift" or "the new holiday" in the problems.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from hotline.escalation.roster.model import (
    LANGUAGES,
    OneOffShift,
    Roster,
    RosterError,
    WeeklyShift,
    find_problems,
)

__all__ = ["NEW_HOLIDAY", "NEW_SHIFT", "Change", "changed"]

NEW_SHIFT = "the new shift"
NEW_HOLIDAY = "the new holiday"
_T = TypeVar("_T")


@dataclass(frozen=True)
class Change:
    """One change: add an entry, remove one, or replace `old` by `new` (both given)."""

    old: WeeklyShift | OneOffShift | date | None = None
    new: WeeklyShift | OneOffShift | date | None = None


def changed(roster: Roster, change: Change, *, languages: Collection[str] = LANGUAGES) -> Roster:
    """The roster after a change; RosterError naming every problem if it may not be made."""
    weekly, once, holidays = list(roster.weekly), list(roster.once), set(roster.holidays)
    problems: list[str] = []
    if change.old is not None:
        if isinstance(change.old, WeeklyShift):
            problems += _take(weekly, change.old, "shift")
        elif isinstance(change.old, OneOffShift):
            problems += _take(once, change.old, "shift")
        elif change.old in holidays:
            holidays.discard(change.old)
        else:
            problems.append(f"{change.old.isoformat()} is no longer a holiday")
    new = change.new
    if isinstance(new, WeeklyShift):
        problems += _duplicate(weekly, new)
    elif isinstance(new, OneOffShift):
        problems += _duplicate(once, new)
    elif new is not None and new in holidays:
        problems.append(f"{NEW_HOLIDAY}: {new.isoformat()} is already a holiday")
    if problems:
        raise RosterError(problems)
    weekly_labelled = _labelled("weekly", weekly)
    once_labelled = _labelled("once", once)
    if isinstance(new, WeeklyShift):
        weekly_labelled.append((NEW_SHIFT, new))
        weekly.append(new)
    elif isinstance(new, OneOffShift):
        once_labelled.append((NEW_SHIFT, new))
        once.append(new)
    elif new is not None:
        holidays.add(new)
    found = find_problems(
        roster.timezone,
        _labelled("staff", list(roster.staff)),
        weekly_labelled,
        once_labelled,
        holidays,
        languages=languages,
    )
    if found:
        raise RosterError(found)
    return Roster(
        timezone=roster.timezone,
        staff=roster.staff,
        weekly=tuple(weekly),
        once=tuple(once),
        holidays=frozenset(holidays),
    )


def _take(items: list[_T], item: _T, what: str) -> list[str]:
    if item in items:
        items.remove(item)
        return []
    return [f"that {what} is no longer in the roster (changed meanwhile); reload the page"]


def _duplicate(items: Sequence[_T], item: _T) -> list[str]:
    if item in items:
        return [f"{NEW_SHIFT}: the same shift is already in the roster"]
    return []


def _labelled(section: str, items: Sequence[_T]) -> list[tuple[str, _T]]:
    return [(f"{section}[{i}]", item) for i, item in enumerate(items)]
