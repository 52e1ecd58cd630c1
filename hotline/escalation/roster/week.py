"""A week of the roster as a calendar: each person's shifts per day, and per hour of each day
the languages nobody on duty speaks (the gaps). Pure: the week and the languages are given."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from hotline.escalation.roster.duty import Occurrence, occurrences
from hotline.escalation.roster.model import Roster, Staff, wall_instant

__all__ = ["HourCell", "Slot", "Week", "monday_of", "week_of"]


@dataclass(frozen=True)
class Slot:
    """A shift on a day, in the roster's wall-clock time; `until` is set when it ends on
    another day than it starts."""

    start: time
    end: time
    until: date | None
    once: bool


@dataclass(frozen=True)
class HourCell:
    """An hour of a day: False `exists` for the hour the clocks skip; `gaps` are the
    languages nobody on duty speaks at some moment of the hour."""

    exists: bool
    gaps: tuple[str, ...]


@dataclass(frozen=True)
class Week:
    """Monday to Sunday: the days, which are holidays, each person's slots per day, and the
    gaps per hour (24 rows of 7 cells)."""

    days: tuple[date, ...]
    holidays: frozenset[date]
    people: tuple[tuple[Staff, tuple[tuple[Slot, ...], ...]], ...]
    hours: tuple[tuple[HourCell, ...], ...]


def monday_of(day: date) -> date:
    """The Monday of a day's week."""
    return day - timedelta(days=day.weekday())


def week_of(roster: Roster, monday: date, languages: Sequence[str]) -> Week:
    """The week starting on `monday` (any day is moved back to its Monday)."""
    monday = monday_of(monday)
    zone = roster.zone
    days = tuple(monday + timedelta(days=i) for i in range(7))
    low = wall_instant(datetime.combine(monday, time()), zone)
    high = wall_instant(datetime.combine(monday + timedelta(days=7), time()), zone)
    found = occurrences(roster, low, high)
    once = {
        (one.staff_id, wall_instant(one.start, zone), wall_instant(one.end, zone))
        for one in roster.once
    }
    people = []
    for person in roster.staff:
        per_day: list[list[Slot]] = [[] for _ in days]
        for o in found:
            if o.staff_id != person.id or o.start < low:
                continue  # one that started the week before is shown in that week
            start, end = o.start.astimezone(zone), o.end.astimezone(zone)
            index = (start.date() - monday).days
            until = end.date() if end.date() != start.date() else None
            is_once = (o.staff_id, o.start, o.end) in once
            per_day[index].append(Slot(start.time(), end.time(), until, is_once))
        people.append((person, tuple(tuple(slots) for slots in per_day)))
    speakers = {lang: {p.id for p in roster.staff if p.speaks(lang)} for lang in languages}
    hours = tuple(
        tuple(_hour(found, day, hour, roster, speakers) for day in days) for hour in range(24)
    )
    return Week(days, frozenset(d for d in days if d in roster.holidays), tuple(people), hours)


def _hour(
    found: Sequence[Occurrence],
    day: date,
    hour: int,
    roster: Roster,
    speakers: dict[str, set[str]],
) -> HourCell:
    zone = roster.zone
    start = wall_instant(datetime.combine(day, time(hour)), zone)
    end_wall = datetime.combine(day, time(hour)) + timedelta(hours=1)
    end = wall_instant(end_wall, zone)
    if end <= start:
        return HourCell(False, ())
    gaps = tuple(
        lang
        for lang, ids in speakers.items()
        if not _covered([o for o in found if o.staff_id in ids], start, end)
    )
    return HourCell(True, gaps)


def _covered(spans: Sequence[Occurrence], start: datetime, end: datetime) -> bool:
    """Whether the spans together hold every instant of [start, end)."""
    reached = start
    for o in sorted(spans, key=lambda o: o.start):
        if o.end <= reached:
            continue
        if o.start > reached:
            return False
        reached = o.end
        if reached >= end:
            return True
    return reached >= end
