"""The roster model: staff, roles, weekly and one-off shifts, holidays; built only valid.

Also the one rule turning a wall-clock time of the roster's zone into an instant (see the
package's docstring for the rules of time).
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import IntEnum, StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hotline.errors import ConfigError

__all__ = [
    "LANGUAGES",
    "OneOffShift",
    "Role",
    "Roster",
    "RosterError",
    "Staff",
    "Weekday",
    "WeeklyShift",
    "find_problems",
    "validate_roster",
    "wall_instant",
]

# The program's languages; a deployment may pass its own set (Settings.languages).
LANGUAGES: tuple[str, ...] = ("ka", "ru", "hr", "cs", "sl", "en")
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")
_T = TypeVar("_T")


class RosterError(ConfigError):
    """A roster is malformed; each line of the message names the entry and the fix."""

    def __init__(self, problems: Sequence[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = tuple(problems)


class Role(StrEnum):
    """What a person does on the hotline; supervisors are also the back-up of last resort."""

    SPECIALIST = "specialist"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Weekday(IntEnum):
    """A day of the week, numbered as date.weekday() numbers them."""

    MON = 0
    TUE = 1
    WED = 2
    THU = 3
    FRI = 4
    SAT = 5
    SUN = 6


@dataclass(frozen=True)
class Staff:
    """A person who can take escalated calls; no contact data here."""

    id: str
    name: str
    role: Role
    languages: tuple[str, ...]

    def speaks(self, language: str) -> bool:
        """Whether this person speaks the language."""
        return language in self.languages


@dataclass(frozen=True)
class WeeklyShift:
    """A shift on the given weekdays from `start` to `end` wall-clock time (naive times)."""

    staff_id: str
    days: frozenset[Weekday]
    start: time
    end: time


@dataclass(frozen=True)
class OneOffShift:
    """One shift between two wall-clock date-times (naive, in the roster's zone)."""

    staff_id: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Roster:
    """Staff and their shifts in one time zone; built only valid (raises RosterError)."""

    timezone: str
    staff: tuple[Staff, ...]
    weekly: tuple[WeeklyShift, ...] = ()
    once: tuple[OneOffShift, ...] = ()
    holidays: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        problems = find_problems(
            self.timezone,
            _labelled("staff", self.staff),
            _labelled("weekly", self.weekly),
            _labelled("once", self.once),
            self.holidays,
        )
        if problems:
            raise RosterError(problems)

    @property
    def zone(self) -> ZoneInfo:
        """The roster's time zone (zoneinfo caches it)."""
        return ZoneInfo(self.timezone)


# Validation ---------------------------------------------------------------------------------


def find_problems(
    timezone: str,
    staff: Sequence[tuple[str, Staff]],
    weekly: Sequence[tuple[str, WeeklyShift]],
    once: Sequence[tuple[str, OneOffShift]],
    holidays: Collection[date],
    *,
    languages: Collection[str] | None = None,
    known_ids: Collection[str] = (),
) -> list[str]:
    """Every problem of a roster's parts, each naming its entry by the label given with it.

    `languages`, when given, is the set staff languages must come from; `known_ids` are ids
    of staff entries too broken to pass in, so their shifts are not reported as unknown.
    """
    problems: list[str] = []
    zone = _zone(timezone)
    if zone is None:
        problems.append(
            f"timezone: {timezone!r} is not an IANA time zone; write one like "
            "Europe/Zagreb or Asia/Tbilisi"
        )

    first_label: dict[str, str] = {}
    for label, person in staff:
        problems.extend(_staff_problems(label, person, languages))
        if person.id in first_label:
            problems.append(
                f"{label}: id {person.id!r} is already used by {first_label[person.id]}; "
                "give each person their own id"
            )
        else:
            first_label[person.id] = label
    ids = set(first_label) | set(known_ids)

    for label, shift in weekly:
        where = f"{label} (staff {shift.staff_id!r})"
        if shift.staff_id not in ids:
            problems.append(_unknown_staff(where, shift.staff_id))
        if not shift.days:
            problems.append(f"{where}: lists no days; give some of mon, tue, ..., sun")
        # Typed as Weekday, but a roster built in code may hold any int: check what is there.
        days: Sequence[object] = sorted(shift.days, key=str)
        for day in days:
            if isinstance(day, bool) or not isinstance(day, int) or day not in range(7):
                problems.append(
                    f"{where}: {day!r} is not a weekday; use mon, tue, wed, thu, fri, sat, sun"
                )
        times: tuple[tuple[str, object], ...] = (("from", shift.start), ("to", shift.end))
        for key, value in times:
            if not _is_wall_time(value, time):
                problems.append(f"{where}: '{key}' {value!r} must be a time HH:MM, no seconds")

    for label, one in once:
        where = f"{label} (staff {one.staff_id!r})"
        if one.staff_id not in ids:
            problems.append(_unknown_staff(where, one.staff_id))
        good = True
        moments: tuple[tuple[str, object], ...] = (("from", one.start), ("to", one.end))
        for key, value in moments:
            if not _is_wall_time(value, datetime):
                good = False
                problems.append(
                    f"{where}: '{key}' {value!r} must be a wall-clock date-time "
                    "YYYY-MM-DDTHH:MM in the roster's zone, no seconds and no offset"
                )
        if good:
            start, end = one.start, one.end
            if zone is not None:
                # Compared in real time: a shift wholly inside a DST gap has no length.
                start, end = wall_instant(one.start, zone), wall_instant(one.end, zone)
            if end <= start:
                problems.append(
                    f"{where}: 'to' {_minutes(one.end)} is not after 'from' "
                    f"{_minutes(one.start)}; a one-off shift ends after it starts"
                )

    dates: list[object] = list(holidays)
    for holiday in dates:
        # A datetime is a date too, but would never equal the day it falls on.
        if isinstance(holiday, datetime) or not isinstance(holiday, date):
            problems.append(f"holidays: {holiday!r} is not a date; write YYYY-MM-DD")
    return problems


def validate_roster(roster: Roster, *, languages: Collection[str] = LANGUAGES) -> None:
    """Check a built roster against the deployment's languages; raise RosterError if off."""
    problems = find_problems(
        roster.timezone,
        _labelled("staff", roster.staff),
        _labelled("weekly", roster.weekly),
        _labelled("once", roster.once),
        roster.holidays,
        languages=languages,
    )
    if problems:
        raise RosterError(problems)


def _staff_problems(label: str, person: Staff, languages: Collection[str] | None) -> list[str]:
    problems: list[str] = []
    if not isinstance(person.id, str) or not _ID_RE.match(person.id):
        problems.append(
            f"{label}: id {person.id!r} is not a short slug; use lower-case letters, digits, "
            "'-' and '_', at most 32"
        )
    where = f"{label} ({person.id!r})"
    if not isinstance(person.name, str) or not person.name.strip():
        problems.append(f"{where}: name is empty; give the name the dashboard shows")
    elif not person.name.isprintable():
        problems.append(f"{where}: name {person.name!r} has control characters")
    if person.role not in tuple(Role):
        problems.append(
            f"{where}: role {person.role!r} is not one of " + ", ".join(r.value for r in Role)
        )
    if not person.languages:
        problems.append(f"{where}: lists no languages; list those spoken, like [ka, ru]")
    seen: set[str] = set()
    for language in person.languages:
        if not isinstance(language, str) or not _LANGUAGE_RE.match(language):
            problems.append(f"{where}: {language!r} is not a language code like ka or en")
        elif languages is not None and language not in languages:
            problems.append(
                f"{where}: language {language!r} is not one of the hotline's languages "
                f"({', '.join(languages)})"
            )
        elif language in seen:
            problems.append(f"{where}: language {language!r} is listed twice")
        seen.add(language)
    return problems


def _unknown_staff(where: str, staff_id: str) -> str:
    return f"{where}: unknown staff id {staff_id!r}; add them under staff or correct the id"


def _labelled(section: str, items: Sequence[_T]) -> list[tuple[str, _T]]:
    return [(f"{section}[{i}]", item) for i, item in enumerate(items)]


def _zone(name: str) -> ZoneInfo | None:
    if not isinstance(name, str) or not name:
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        # ValueError: a path-like key ("../x"); OSError: a directory such as "Europe/".
        return None


def _is_wall_time(value: object, kind: type[time] | type[datetime]) -> bool:
    """A naive time or date-time on a whole minute (what the file format can write)."""
    if not isinstance(value, kind):
        return False
    return value.tzinfo is None and value.second == 0 and value.microsecond == 0


def _minutes(value: datetime) -> str:
    return value.isoformat(timespec="minutes")


# Time ---------------------------------------------------------------------------------------


def wall_instant(local: datetime, zone: ZoneInfo) -> datetime:
    """The UTC instant of a wall-clock time: a skipped one is the end of the gap, a repeated
    one its first occurrence."""
    first = local.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if first.astimezone(zone).replace(tzinfo=None) == local:
        return first  # exists; with fold=0 a repeated time is its first occurrence
    # Inside a gap fold=0 reads the time with the offset before the jump and fold=1 with the
    # offset after, which brackets the jump; zoneinfo does not expose transitions, so the
    # instant the new offset begins is found by halving (an hour's gap: 12 steps).
    after = first.astimezone(zone).utcoffset()
    low = local.replace(tzinfo=zone, fold=1).astimezone(UTC)
    high = first
    second = timedelta(seconds=1)
    while high - low > second:
        middle = low + ((high - low) // second // 2) * second
        if middle.astimezone(zone).utcoffset() == after:
            high = middle
        else:
            low = middle
    return high
