"""Staff accounts of the web dashboard: passwords, sessions, invites, lockout; rules and service."""

from hotline.accounts.model import (
    ABSOLUTE_EXPIRY,
    FREE_FAILURES,
    IDLE_EXPIRY,
    INVITE_VALID,
    MIN_PASSWORD,
    AccountError,
    may,
    retry_after,
    user_agent_family,
)

__all__ = [
    "ABSOLUTE_EXPIRY",
    "FREE_FAILURES",
    "IDLE_EXPIRY",
    "INVITE_VALID",
    "MIN_PASSWORD",
    "AccountError",
    "may",
    "retry_after",
    "user_agent_family",
]
