"""Opening hours: HSDS weekly schedules read in the IANA zone of their place, across DST."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hotline.directory.model import Json, Opening

DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def zone_of(name: str | None, default: str) -> ZoneInfo:
    """The IANA zone named, or the default when it is missing or unknown."""
    for candidate in (name, default):
        if candidate:
            try:
                return ZoneInfo(candidate)
            except (ZoneInfoNotFoundError, ValueError):
                continue
    return ZoneInfo("UTC")


def parse_time(value: str) -> time | None:
    """`HH:MM` or `HH:MM:SS` (HSDS's opens_at/closes_at); `24:00` is the end of the day."""
    text = value.strip()
    if text.startswith("24:00"):
        return time.max
    try:
        return time.fromisoformat(text)
    except ValueError:
        return None


def weekdays(byday: str) -> set[int]:
    """The weekdays (Monday 0) of an RFC 5545 BYDAY list such as `MO,TU,WE`."""
    return {DAYS.index(day[-2:]) for day in byday.upper().split(",") if day[-2:] in DAYS}


def openings(schedules: Iterable[Mapping[str, Json]], day: date, zone: ZoneInfo) -> list[Opening]:
    """When a place is open on `day`, a local date in `zone`, as aware instants.

    A schedule is a weekly rule: `freq` WEEKLY, `byday`, `opens_at`, `closes_at`, within
    `valid_from`..`valid_to`. Wall-clock times are made aware in the place's own zone, so a
    09:00 opening is 09:00 there on either side of a daylight-saving change; a closing at or
    before the opening is on the next morning (a night shift).
    """
    found = []
    for schedule in schedules:
        if str(schedule.get("freq") or "WEEKLY").upper() != "WEEKLY":
            continue
        if not _valid(schedule, day):
            continue
        byday = schedule.get("byday")
        if isinstance(byday, str) and byday and day.weekday() not in weekdays(byday):
            continue
        opens = parse_time(str(schedule.get("opens_at") or ""))
        closes = parse_time(str(schedule.get("closes_at") or ""))
        if opens is None or closes is None:
            continue
        start = datetime.combine(day, opens, tzinfo=zone)
        if closes == time.max:
            end = datetime.combine(day + timedelta(days=1), time(0), tzinfo=zone)
        else:
            end_day = day if closes > opens else day + timedelta(days=1)
            end = datetime.combine(end_day, closes, tzinfo=zone)
        found.append(Opening(start, end))
    return sorted(found, key=lambda opening: opening.opens)


def _valid(schedule: Mapping[str, Json], day: date) -> bool:
    for key, after in (("valid_from", True), ("valid_to", False)):
        value = schedule.get(key)
        if isinstance(value, str) and value:
            try:
                bound = date.fromisoformat(value[:10])
            except ValueError:
                continue
            if (bound > day) if after else (bound < day):
                return False
    return True


def open_at(openings_: Iterable[Opening], instant: datetime) -> bool:
    """Whether any opening holds the instant (compared as instants, not wall-clock times)."""
    utc = instant.astimezone(UTC)  # aware datetimes of one zone would compare as wall clocks
    return any(o.opens.astimezone(UTC) <= utc < o.closes.astimezone(UTC) for o in openings_)
