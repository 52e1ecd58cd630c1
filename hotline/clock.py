"""The one place that reads the wall clock; everything else is handed the time."""

from datetime import UTC, datetime


def utc_now() -> datetime:
    """The current time, aware, in UTC."""
    return datetime.now(UTC)
