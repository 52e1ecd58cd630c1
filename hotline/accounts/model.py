"""The rules of staff accounts, pure: who may see what, how long a session lives, and how
long repeated failures lock an account or an address out."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from hotline.errors import HotlineError
from hotline.escalation.roster import Role

MIN_PASSWORD = 10  # characters; a pass phrase is better
IDLE_EXPIRY = timedelta(hours=12)  # a shift with the dashboard open in a tab
ABSOLUTE_EXPIRY = timedelta(hours=24)  # then sign in again, even if active all along
TOUCH_EVERY = timedelta(minutes=1)  # last-seen is written at most this often
INVITE_VALID = timedelta(hours=24)
FREE_FAILURES = 5  # failed sign-ins (per account, per address) before a lock
FIRST_LOCK = timedelta(seconds=30)  # then doubled with every further failure
LONGEST_LOCK = timedelta(hours=1)
FAILURE_WINDOW = timedelta(hours=24)  # older failures are forgotten

_RANK = {Role.SPECIALIST: 0, Role.SUPERVISOR: 1, Role.ADMIN: 2}


class AccountError(HotlineError):
    """A change to an account was refused; the message says why, for the person doing it."""


def may(role: Role, needed: Role) -> bool:
    """Whether a person of `role` may see what needs `needed` (specialist < supervisor < admin)."""
    return _RANK[Role(role)] >= _RANK[needed]


def retry_after(failures: Sequence[datetime], now: datetime) -> timedelta | None:
    """How long the next sign-in must wait after these failures (None: it may go ahead).

    The first FREE_FAILURES cost nothing; from then on each failure locks for FIRST_LOCK,
    doubled with every further one up to LONGEST_LOCK, counted from the latest failure.
    """
    recent = sorted(at for at in failures if now - at < FAILURE_WINDOW)
    if len(recent) < FREE_FAILURES:
        return None
    doublings = min(len(recent) - FREE_FAILURES, 16)
    lock = min(FIRST_LOCK * (2**doublings), LONGEST_LOCK)
    wait = recent[-1] + lock - now
    return wait if wait > timedelta(0) else None


def session_expired(
    created_at: datetime, last_seen_at: datetime, expires_at: datetime, now: datetime
) -> bool:
    """Whether a session has ended: idle too long, or past its absolute end."""
    return now >= expires_at or now - last_seen_at >= IDLE_EXPIRY or now < created_at


_FAMILIES = (  # the order matters: Edge's and Chrome's agents also say "Safari"
    ("Edg/", "Edge"),
    ("OPR/", "Opera"),
    ("Firefox/", "Firefox"),
    ("Chrome/", "Chrome"),
    ("Chromium/", "Chrome"),
    ("Safari/", "Safari"),
)


def user_agent_family(user_agent: str | None) -> str:
    """The browser family of a User-Agent header, all a session keeps of it."""
    for marker, family in _FAMILIES:
        if user_agent and marker in user_agent:
            return family
    return "other"
