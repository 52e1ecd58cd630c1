"""Calendar maths of a campaign: offsets from the release date, local times as UTC instants.

An offset counts calendar months first, then days (a week is seven days), as people count:
one month before 31 March is the last day of February (28 or 29), one month after 31
January is the last day of February, one month after 29 February is 29 March.

A local delivery time becomes a UTC instant in the recipient's IANA zone on that day:
- a local time the clock skips (02:30 on a spring-forward day in Zagreb or Prague) is read
  with the offset in force before the change, so it comes that much later on the new clock
  (03:30): the message moves forward, never back into the previous day;
- a local time the clock passes twice (02:30 on the autumn day) is its first occurrence.
Tbilisi has kept +04:00 all year since 2005: every day is an ordinary day there.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = [
    "Offset",
    "OffsetError",
    "add_months",
    "local_instant",
    "parse_offset",
    "parse_time",
    "zone",
]

MAX_MONTHS = 120  # ten years either side of the release: anything longer is a typo
_TERM = re.compile(r"(\d+)\s*(year|month|week|day)s?", re.IGNORECASE)
_WHOLE = re.compile(r"^\s*([+-])?\s*((?:\d+\s*(?:year|month|week|day)s?\s*)+)$", re.IGNORECASE)


class OffsetError(ValueError):
    """An offset, a time or a zone that cannot be read; the message says how to write it."""


@dataclass(frozen=True)
class Offset:
    """A signed distance in calendar months and days from the release date."""

    months: int = 0
    days: int = 0

    def __post_init__(self) -> None:
        if self.months * self.days < 0:
            raise OffsetError("an offset's months and days go the same way (both before or after)")

    @property
    def before_release(self) -> bool:
        """True for a step before the release date."""
        return self.months < 0 or self.days < 0

    def apply(self, release: date) -> date:
        """The day this offset lands on from `release`: months first, then days."""
        return _landing(release, self.months, self.days)

    def __str__(self) -> str:
        if self.months == 0 and self.days == 0:
            return "0 days"
        sign = "-" if self.before_release else "+"
        parts = []
        months, days = abs(self.months), abs(self.days)
        if months:
            parts.append(f"{months} month{'s' if months != 1 else ''}")
        if days:
            parts.append(f"{days} day{'s' if days != 1 else ''}")
        return sign + " ".join(parts)


def parse_offset(text: str) -> Offset:
    """An offset as a campaign file writes it: `-3 months`, `+1 day`, `+2 weeks`, `+1 year 6
    months`, `0 days` (the release day). Weeks count as seven days, years as twelve months."""
    match = _WHOLE.match(text)
    if match is None:
        raise OffsetError(
            f"{text!r} is not an offset; write e.g. '-3 months', '+1 day', '+2 weeks' or "
            "'+1 year 6 months' (minus: before the release date)"
        )
    sign = -1 if match.group(1) == "-" else 1
    months = days = 0
    for amount, unit in _TERM.findall(match.group(2)):
        match unit.lower():
            case "year":
                months += 12 * int(amount)
            case "month":
                months += int(amount)
            case "week":
                days += 7 * int(amount)
            case _:
                days += int(amount)
    if months > MAX_MONTHS or days > MAX_MONTHS * 31:
        raise OffsetError(f"{text!r} is more than {MAX_MONTHS // 12} years from the release date")
    if (months or days) and match.group(1) is None:
        raise OffsetError(f"{text!r}: say + (after the release) or - (before it), e.g. '+{text}'")
    return Offset(sign * months, sign * days)


@lru_cache(maxsize=1 << 16)  # an import plans many participants on few release dates
def add_months(day: date, months: int) -> date:
    """`day` moved by whole calendar months, clamped to the end of a shorter month."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


@lru_cache(maxsize=1 << 16)  # a caseload has few release dates, a campaign few offsets
def _landing(release: date, months: int, days: int) -> date:
    return add_months(release, months) + timedelta(days=days)


def zone(name: str) -> ZoneInfo:
    """An IANA time zone by name (e.g. Asia/Tbilisi), or an OffsetError saying so."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise OffsetError(
            f"{name!r} is not an IANA time zone; write e.g. Asia/Tbilisi, Europe/Zagreb, "
            "Europe/Prague"
        ) from None


@lru_cache(maxsize=1 << 16)
def local_instant(day: date, at: time, tz: ZoneInfo) -> datetime:
    """The UTC instant of the wall-clock time `at` on `day` in `tz` (see the module's rules)."""
    # fold=0 is the first of two occurrences, and for a skipped time it takes the offset in
    # force before the change, which moves the instant forward past the gap.
    if at.fold:
        at = at.replace(fold=0)
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC)


def parse_time(text: str) -> time:
    """A local time of day written HH:MM (24-hour clock)."""
    match = re.fullmatch(r"([01]\d|2[0-3]):([0-5]\d)", text.strip())
    if match is None:
        raise OffsetError(f"{text!r} is not a time of day; write HH:MM, e.g. 10:00 or 18:30")
    return time(int(match.group(1)), int(match.group(2)))
