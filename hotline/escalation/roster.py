"""The duty roster: staff, weekly and one-off shifts, holidays; who is on duty at an instant.

Pure: no I/O and no clock of its own; the instant is passed in, aware. The roster holds no
contact data (phone numbers, chat ids live encrypted in the database), only ids, names,
roles and languages.

The rules, in one place:

- Wall-clock times are in the roster's IANA time zone; every instant given out is aware UTC.
  An instant is on a shift from its start (inclusive) to its end (exclusive).
- Midnight: a weekly shift whose end is not after its start runs into the next day
  (22:00-06:00). It belongs to the day it starts: `days: [sun]` with 22:00-06:00 is Sunday
  22:00 to Monday 06:00. An end equal to the start (00:00-00:00) is a full day.
- Holidays: on a holiday no weekly shift starts. A night shift that started the evening
  before runs in full; one that would start on the holiday is cancelled whole, its hours
  after midnight too. One-off shifts apply on holidays as on any day.
- Daylight saving: a shift lasts from its start to its end in real time, so the 22:00-06:00
  night of the spring-forward change lasts 7 hours and that of the fall-back change 9. A
  wall-clock time the clocks skip (02:30 on a spring-forward day) means the first instant
  after the gap (03:00 new time); a wall-clock time that occurs twice means its first
  occurrence (PEP 495 fold=0). Starts and ends follow the same rule, so shifts that meet on
  the wall clock still meet in real time; a shift wholly inside a gap never applies.
- Duty: a person's overlapping or back-to-back shifts are one duty; `Duty.end` is when they
  stop being on duty (None when that is beyond HORIZON).
- Escalation order: see `candidates`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import IntEnum, StrEnum
from typing import TypeVar
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hotline.errors import ConfigError

__all__ = [
    "HORIZON",
    "LANGUAGES",
    "Candidate",
    "Duty",
    "Occurrence",
    "OneOffShift",
    "Role",
    "Roster",
    "RosterError",
    "Staff",
    "Tier",
    "Weekday",
    "WeeklyShift",
    "candidates",
    "find_problems",
    "languages_covered",
    "next_change",
    "occurrences",
    "on_duty",
    "validate_roster",
]

# The program's languages; a deployment may pass its own set (Settings.languages).
LANGUAGES: tuple[str, ...] = ("ka", "ru", "hr", "cs", "sl", "en")
# How far ahead duty ends and changes are looked for; a roster is planned weeks ahead, and
# a duty set that does not change within a year is as good as never changing.
HORIZON = timedelta(days=366)
# Scanning ahead in week-long windows keeps the usual question (the next few hours) cheap.
_WINDOW = timedelta(days=7)
_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
_LANGUAGE_RE = re.compile(r"^[a-z]{2,3}$")
_TICK = timedelta(microseconds=1)
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


@dataclass(frozen=True)
class Occurrence:
    """One shift on one day in real time: aware UTC start (inclusive) and end (exclusive)."""

    staff_id: str
    start: datetime
    end: datetime


@dataclass(frozen=True)
class Duty:
    """A person on duty now and when they stop (UTC; None: not within HORIZON)."""

    staff: Staff
    end: datetime | None


class Tier(IntEnum):
    """Why a person is a candidate; lower tiers are rung first."""

    ON_DUTY_SPEAKS = 1
    ON_DUTY = 2
    SUPERVISOR_OFF_DUTY = 3


@dataclass(frozen=True)
class Candidate:
    """A person to ring for an escalated call, in order; `speaks`: the caller's language."""

    staff: Staff
    tier: Tier
    speaks: bool


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
                start, end = _instant(one.start, zone), _instant(one.end, zone)
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


def _instant(local: datetime, zone: ZoneInfo) -> datetime:
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


def _utc(now: datetime) -> datetime:
    if now.tzinfo is None or now.utcoffset() is None:
        raise ValueError(f"an aware datetime is needed, got naive {now.isoformat()}")
    return now.astimezone(UTC)


def _occurrences(
    roster: Roster, low: datetime, high: datetime, staff_id: str | None = None
) -> Iterator[Occurrence]:
    """Shift occurrences overlapping [low, high), unordered."""
    zone = roster.zone
    # A weekly shift lasts at most a day on the wall clock, so one that started the local
    # day before `low` may still be running; wall-clock order is kept in real time.
    day = low.astimezone(zone).date() - timedelta(days=1)
    last = high.astimezone(zone).date()
    weekly = [s for s in roster.weekly if staff_id is None or s.staff_id == staff_id]
    while day <= last:
        if day not in roster.holidays:
            for shift in weekly:
                if day.weekday() not in shift.days:
                    continue
                end_day = day if shift.end > shift.start else day + timedelta(days=1)
                start = _instant(datetime.combine(day, shift.start), zone)
                end = _instant(datetime.combine(end_day, shift.end), zone)
                if start < high and end > low and start < end:
                    yield Occurrence(shift.staff_id, start, end)
        day += timedelta(days=1)
    for one in roster.once:
        if staff_id is not None and one.staff_id != staff_id:
            continue
        start, end = _instant(one.start, zone), _instant(one.end, zone)
        if start < high and end > low:
            yield Occurrence(one.staff_id, start, end)


def _on_duty_ids(roster: Roster, now: datetime) -> frozenset[str]:
    return frozenset(
        o.staff_id for o in _occurrences(roster, now, now + _TICK) if o.start <= now < o.end
    )


def _duty_end(roster: Roster, staff_id: str, now: datetime) -> datetime | None:
    """When a person on duty at `now` stops, following back-to-back and overlapping shifts."""
    end = now
    while end - now < HORIZON:
        window_end = end + _WINDOW
        spans = sorted((o.start, o.end) for o in _occurrences(roster, end, window_end, staff_id))
        for start, stop in spans:
            if start > end:
                return end  # a gap: the duty ends here
            end = max(end, stop)
        if end < window_end:
            return end
    return None


# Queries ------------------------------------------------------------------------------------


def occurrences(roster: Roster, start: datetime, end: datetime) -> tuple[Occurrence, ...]:
    """Every shift occurrence overlapping [start, end), by start, then roster order of staff."""
    low, high = _utc(start), _utc(end)
    order = {person.id: i for i, person in enumerate(roster.staff)}
    found = set(_occurrences(roster, low, high))
    return tuple(sorted(found, key=lambda o: (o.start, o.end, order[o.staff_id])))


def on_duty(roster: Roster, now: datetime) -> tuple[Duty, ...]:
    """Who is on duty at `now` (aware), in roster order, each with when their duty ends."""
    now = _utc(now)
    ids = _on_duty_ids(roster, now)
    return tuple(
        Duty(person, _duty_end(roster, person.id, now))
        for person in roster.staff
        if person.id in ids
    )


def languages_covered(roster: Roster, now: datetime) -> frozenset[str]:
    """The languages someone on duty at `now` speaks."""
    ids = _on_duty_ids(roster, _utc(now))
    return frozenset(lang for p in roster.staff if p.id in ids for lang in p.languages)


_ROLE_RANK = {Role.SPECIALIST: 0, Role.SUPERVISOR: 1, Role.ADMIN: 2}


def candidates(roster: Roster, now: datetime, language: str) -> tuple[Candidate, ...]:
    """Whom to ring for a call in `language` at `now`, first to last.

    Tier 1: on duty and speaks the language. Tier 2: on duty, does not speak it (still a
    trained voice; ru and en are often shared). Within tiers 1 and 2 specialists come before
    supervisors, then admins, so a supervisor is not rung while a specialist could answer.
    Tier 3: supervisors off duty, those who speak the language first: someone answers even
    when nobody on duty does. Admins off duty are never rung. Ties keep the roster's order,
    so the file's order of staff is the order of preference.
    """
    ids = _on_duty_ids(roster, _utc(now))
    on = [p for p in roster.staff if p.id in ids]
    off = [p for p in roster.staff if p.id not in ids and p.role == Role.SUPERVISOR]
    ranked = sorted(on, key=lambda p: _ROLE_RANK[p.role])  # sorted() is stable
    return (
        *(Candidate(p, Tier.ON_DUTY_SPEAKS, True) for p in ranked if p.speaks(language)),
        *(Candidate(p, Tier.ON_DUTY, False) for p in ranked if not p.speaks(language)),
        *(
            Candidate(p, Tier.SUPERVISOR_OFF_DUTY, p.speaks(language))
            for p in sorted(off, key=lambda p: not p.speaks(language))
        ),
    )


def next_change(roster: Roster, now: datetime) -> datetime | None:
    """The first instant after `now` when the set of people on duty changes (None: not
    within HORIZON); for "nobody is on duty until 08:00" and hand-over notices."""
    now = _utc(now)
    current = _on_duty_ids(roster, now)
    low = now
    while low - now < HORIZON:
        high = low + _WINDOW
        found = list(_occurrences(roster, low, high))
        # Every occurrence holding an instant of [low, high) is in `found`, so the set at each
        # boundary there is complete; a boundary at `high` is left to the next window.
        edges = sorted({t for o in found for t in (o.start, o.end) if now < t and low <= t < high})
        for edge in edges:
            if frozenset(o.staff_id for o in found if o.start <= edge < o.end) != current:
                return edge
        low = high
    return None
