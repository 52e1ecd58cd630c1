"""The pure delivery rules the dispatcher applies to a due message; every default is here.

- Waking hours: a message reaches a person only inside a window of their own local time
  (default 09:00-20:00, a campaign step may set its own); a message due outside it waits for
  the window's next start.
- A gap: never two messages to one person within `gap` (default 4 hours).
- Catch-up: a message whose time passed while the server was down is still sent if it is
  at most `catch_up` late (default 48 hours); later than that it is skipped, with the reason
  recorded. (RapidPro never fires a past-due event, rapidpro#482; we do, inside the window.)
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from hotline.reminders.offsets import OffsetError, local_instant, parse_time

__all__ = [
    "DEFAULT_RULES",
    "CatchUp",
    "DeliveryRules",
    "SkipReason",
    "Verdict",
    "Window",
    "catch_up",
    "deliver_at",
    "gap_ok",
    "parse_window",
]


@dataclass(frozen=True)
class Window:
    """Waking hours in a recipient's local time: from `start` (included) to `end` (excluded)."""

    start: time
    end: time

    def __post_init__(self) -> None:
        if not self.start < self.end:
            raise OffsetError(
                f"waking hours {self} end before they start; a window lies within one day, "
                "e.g. 09:00-20:00"
            )

    def holds(self, at: time) -> bool:
        """True when the local time `at` is inside the window."""
        return self.start <= at < self.end

    def __str__(self) -> str:
        return f"{self.start:%H:%M}-{self.end:%H:%M}"


@dataclass(frozen=True)
class DeliveryRules:
    """The dispatcher's rules, one place for their defaults."""

    window: Window = Window(time(9, 0), time(20, 0))
    gap: timedelta = timedelta(hours=4)
    catch_up: timedelta = timedelta(hours=48)


DEFAULT_RULES = DeliveryRules()


class Verdict(StrEnum):
    """What the dispatcher does with a message whose row it holds."""

    SEND = "send"
    WAIT = "wait"  # not due yet
    SKIP = "skip"


class SkipReason(StrEnum):
    """Why a message was not sent, as its record says."""

    TOO_LATE = "past due beyond the catch-up window"
    LATE_ENROLMENT = "enrolled after this step's date"
    LATE_PLAN = "planned after this step's date"  # a release date moved earlier, a relative added


@dataclass(frozen=True)
class CatchUp:
    """The verdict on a message at `now`, how late it is, and why it is skipped (if it is)."""

    verdict: Verdict
    late_by: timedelta
    reason: SkipReason | None = None


def parse_window(text: str) -> Window:
    """Waking hours written HH:MM-HH:MM, e.g. 09:00-20:00."""
    start, dash, end = text.partition("-")
    if not dash:
        raise OffsetError(f"{text!r} is not a window; write HH:MM-HH:MM, e.g. 09:00-20:00")
    return Window(parse_time(start), parse_time(end))


def deliver_at(due: datetime, tz: ZoneInfo, window: Window = DEFAULT_RULES.window) -> datetime:
    """The first instant at or after `due` inside the recipient's waking hours (UTC)."""
    local = due.astimezone(tz)
    if window.holds(local.time()):
        return due
    day = local.date() if local.time() < window.start else local.date() + timedelta(days=1)
    return local_instant(day, window.start, tz)


def gap_ok(last_sent: datetime | None, now: datetime, gap: timedelta = DEFAULT_RULES.gap) -> bool:
    """True when nothing was sent to this person within `gap` before `now`."""
    return last_sent is None or now - last_sent >= gap


def catch_up(due: datetime, now: datetime, window: timedelta = DEFAULT_RULES.catch_up) -> CatchUp:
    """Send a due message unless it is later than the catch-up `window`; wait if not due."""
    if due > now:
        return CatchUp(Verdict.WAIT, timedelta(0))
    late_by = now - due
    if late_by > window:
        return CatchUp(Verdict.SKIP, late_by, SkipReason.TOO_LATE)
    return CatchUp(Verdict.SEND, late_by)
