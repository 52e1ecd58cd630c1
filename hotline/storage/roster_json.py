"""The roster's schedule as the database keeps it: weekly and one-off shifts as JSON, the
holidays as ISO dates (storage.staff reads and writes these columns)."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from hotline.escalation.roster import OneOffShift, Roster, Weekday, WeeklyShift

__all__ = ["once_from_json", "schedule_columns", "stored_schedule", "weekly_from_json"]

_MINUTES = "%H:%M"


def schedule_columns(roster: Roster) -> dict[str, Any]:
    """A roster's schedule as its stored columns hold it."""
    return {
        "timezone": roster.timezone,
        "weekly": [_weekly_to_json(shift) for shift in roster.weekly],
        "once": [_once_to_json(one) for one in roster.once],
        "holidays": [day.isoformat() for day in sorted(roster.holidays)],
    }


def stored_schedule(row: Any) -> dict[str, Any]:
    """A stored schedule row's columns, to compare with `schedule_columns`."""
    return {key: getattr(row, key) for key in ("timezone", "weekly", "once", "holidays")}


def _weekly_to_json(shift: WeeklyShift) -> dict[str, Any]:
    return {
        "staff": shift.staff_id,
        "days": [Weekday(day).name.lower() for day in sorted(shift.days)],
        "from": shift.start.strftime(_MINUTES),
        "to": shift.end.strftime(_MINUTES),
    }


def weekly_from_json(item: dict[str, Any]) -> WeeklyShift:
    return WeeklyShift(
        staff_id=item["staff"],
        days=frozenset(Weekday[day.upper()] for day in item["days"]),
        start=time.fromisoformat(item["from"]),
        end=time.fromisoformat(item["to"]),
    )


def _once_to_json(one: OneOffShift) -> dict[str, Any]:
    return {
        "staff": one.staff_id,
        "from": one.start.isoformat(timespec="minutes"),
        "to": one.end.isoformat(timespec="minutes"),
    }


def once_from_json(item: dict[str, Any]) -> OneOffShift:
    return OneOffShift(
        staff_id=item["staff"],
        start=datetime.fromisoformat(item["from"]),
        end=datetime.fromisoformat(item["to"]),
    )
