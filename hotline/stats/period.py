"""The period a statistics page covers: local dates [start, end) in the roster's time zone.

Pure. A period turns into a `Window` for the storage queries: its bounds in UTC and the
zone's UTC offset over it, as spans of constant offset (a daylight-saving change splits the
period), so the database groups rows by local day and hour with plain arithmetic on both
engines, exactly as `zoneinfo` would.

A period may begin or end within a day (`Period.between`, for `hotline report calls
--since 09:00`): its days are then the local dates it touches, and its window the instants
asked for. A window also says whether calls a simulator placed count (`simulated`): the
statistics leave them out unless asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

__all__ = ["MAX_DAYS", "Period", "PeriodError", "Shift", "Window", "midnight"]

MAX_DAYS = 731  # two years and a day: the longest period a page or a CSV covers
_MINUTE = timedelta(minutes=1)
_MICROSECOND = timedelta(microseconds=1)


class PeriodError(ValueError):
    """A period that cannot be shown: its message says why, for a 400 answer."""


@dataclass(frozen=True)
class Shift:
    """The zone's offset from UTC, in minutes, for instants before `until` (None: to the end)."""

    until: datetime | None
    minutes: int


@dataclass(frozen=True)
class Window:
    """A period as the storage queries take it: UTC bounds [start, end) and the offsets."""

    start: datetime
    end: datetime
    shifts: tuple[Shift, ...]
    simulated: bool = False  # whether calls and chats a simulator placed count


@dataclass(frozen=True)
class Period:
    """Local dates [start, end) in a time zone; built only valid (raises PeriodError).

    `since` and `until`, when set (`between`), are the instants the period really begins
    and ends at, within its first and last day."""

    start: date
    end: date
    zone: ZoneInfo
    since: datetime | None = None
    until: datetime | None = None

    def __post_init__(self) -> None:
        if self.end <= self.start:
            raise PeriodError(f"the period ends ({self.end}) on or before it starts ({self.start})")
        if (self.end - self.start).days > MAX_DAYS:
            raise PeriodError(f"a period covers at most {MAX_DAYS} days")

    @classmethod
    def between(cls, since: datetime, until: datetime, zone: ZoneInfo) -> Period:
        """The period from the instant `since` up to (not including) `until`, both aware."""
        if until <= since:
            raise PeriodError(f"the period ends ({until}) on or before it starts ({since})")
        last = (until - _MICROSECOND).astimezone(zone).date()
        start = since.astimezone(zone).date()
        return cls(start, last + timedelta(days=1), zone, since, until)

    @property
    def days(self) -> tuple[date, ...]:
        """Every local date of the period, in order."""
        return tuple(self.start + timedelta(days=i) for i in range((self.end - self.start).days))

    def window(self, *, simulated: bool = False) -> Window:
        """UTC bounds and the zone's offsets over them; with `simulated`, calls a simulator
        placed count too."""
        start = (self.since or midnight(self.start, self.zone)).astimezone(UTC)
        end = (self.until or midnight(self.end, self.zone)).astimezone(UTC)
        return Window(start, end, _shifts(self.zone, start, end), simulated)


def midnight(day: date, zone: ZoneInfo) -> datetime:
    """The first instant of a local date, in UTC (midnight, or the end of a gap at midnight)."""
    local = datetime.combine(day, time(0), tzinfo=zone)
    instant = local.astimezone(UTC)
    if instant.astimezone(zone).date() != day:  # midnight skipped: the day starts later
        instant = local.replace(fold=1).astimezone(UTC)
    return instant


def _offset(zone: ZoneInfo, instant: datetime) -> int:
    delta = instant.astimezone(zone).utcoffset()  # a ZoneInfo always gives one
    return int(delta.total_seconds() // 60) if delta is not None else 0


def _shifts(zone: ZoneInfo, start: datetime, end: datetime) -> tuple[Shift, ...]:
    """The spans of constant offset over [start, end): changes found a day at a time, each
    then narrowed to the minute (zones change on whole minutes)."""
    shifts: list[Shift] = []
    current = _offset(zone, start)
    low = start
    while low < end:
        high = min(low + timedelta(days=1), end)
        if _offset(zone, high) != current:
            # Narrow to the first minute with the new offset.
            a, b = low, high
            while b - a > _MINUTE:
                middle = a + ((b - a) // _MINUTE // 2) * _MINUTE
                if _offset(zone, middle) == current:
                    a = middle
                else:
                    b = middle
            if b < end:
                shifts.append(Shift(b, current))
                current = _offset(zone, b)
            low = b
            continue
        low = high
    shifts.append(Shift(None, current))
    return tuple(shifts)
