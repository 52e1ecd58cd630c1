"""When nobody is on duty in the days ahead: the roster's gaps, from its changes (pure)."""

from __future__ import annotations

from datetime import datetime, timedelta

from hotline.escalation.roster import Roster, next_change, on_duty_ids

# A week of shifts has a few dozen changes; this bounds the walk on any roster.
_MAX_CHANGES = 10_000


def gaps(roster: Roster, start: datetime, span: timedelta) -> list[tuple[datetime, datetime]]:
    """The stretches of [start, start + span) when nobody is on duty, in order (aware)."""
    end = start + span
    found: list[tuple[datetime, datetime]] = []
    at = start
    for _ in range(_MAX_CHANGES):
        if at >= end:
            break
        change = next_change(roster, at)
        until = end if change is None else min(change, end)
        if not on_duty_ids(roster, at):
            found.append((at, until))
        at = until
    return found


def uncovered(roster: Roster, start: datetime, span: timedelta) -> timedelta:
    """How long, in all, nobody is on duty in [start, start + span)."""
    return sum((b - a for a, b in gaps(roster, start, span)), timedelta())
