"""The questions asked of a roster at an instant: on duty, candidates, next change.

The rules of time they follow are in the package's docstring.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import IntEnum

from hotline.escalation.roster.model import Role, Roster, Staff, wall_instant

__all__ = [
    "HORIZON",
    "Candidate",
    "Duty",
    "Occurrence",
    "Tier",
    "candidates",
    "languages_covered",
    "next_change",
    "occurrences",
    "on_duty",
]

# How far ahead duty ends and changes are looked for; a roster is planned weeks ahead, and
# a duty set that does not change within a year is as good as never changing.
HORIZON = timedelta(days=366)
# Scanning ahead in week-long windows keeps the usual question (the next few hours) cheap.
_WINDOW = timedelta(days=7)
_TICK = timedelta(microseconds=1)


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


# Time ---------------------------------------------------------------------------------------


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
                start = wall_instant(datetime.combine(day, shift.start), zone)
                end = wall_instant(datetime.combine(end_day, shift.end), zone)
                if start < high and end > low and start < end:
                    yield Occurrence(shift.staff_id, start, end)
        day += timedelta(days=1)
    for one in roster.once:
        if staff_id is not None and one.staff_id != staff_id:
            continue
        start, end = wall_instant(one.start, zone), wall_instant(one.end, zone)
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


def on_duty_ids(roster: Roster, now: datetime) -> frozenset[str]:
    """Who is on duty at `now` (aware), by id: `on_duty` without working out when each duty
    ends, cheap enough for every step of a call."""
    return _on_duty_ids(roster, _utc(now))


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
