"""What the account service stores, as records and a repository Protocol (`uow.accounts`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from hotline.escalation.roster import Staff


@dataclass(frozen=True)
class Credential:
    """A person's sign-in: the Argon2 hash (None: no password yet), and their choices."""

    staff_id: str
    password_hash: str | None
    changed_at: datetime | None
    last_sign_in_at: datetime | None
    language: str | None


@dataclass(frozen=True)
class WebSession:
    """A signed-in browser: found by the hash of its cookie; the CSRF token of its forms."""

    id_hash: str
    staff_id: str
    csrf_token: str
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    user_agent: str  # the browser family only
    address_ref: str | None  # a keyed pseudonym of the address, never the address


@dataclass(frozen=True)
class Invite:
    """A one-time sign-in link, found by the hash of its token."""

    token_hash: str
    staff_id: str
    created_at: datetime
    expires_at: datetime
    used_at: datetime | None


@dataclass(frozen=True)
class AuditEntry:
    """Who did what, when, to which participant (by case code) and why."""

    at: datetime
    staff_id: str
    action: str
    case_code: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class AuditLine:
    """A line of the audit log with its number (newer lines have higher numbers)."""

    id: int
    entry: AuditEntry


@dataclass(frozen=True)
class AuditFilter:
    """Which lines of the audit log to read: by whom, about which participant, in which
    span of time [since, until), and older than line `before` (the next page)."""

    staff_id: str | None = None
    case_code: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    before: int | None = None


class AccountRepository(Protocol):
    """Staff accounts, web sessions, sign-in failures, invites and the audit log."""

    async def staff(self, staff_id: str) -> Staff | None:
        """A person of the staff list."""

    async def everyone(self) -> Sequence[tuple[Staff, Credential | None]]:
        """Everyone on the staff list in order of preference, with their sign-in."""

    async def credential(self, staff_id: str) -> Credential | None:
        """A person's sign-in, if they have one."""

    async def set_password(self, staff_id: str, password_hash: str, now: datetime) -> None:
        """Store a new password hash."""

    async def set_language(self, staff_id: str, language: str) -> None:
        """Remember the dashboard language a person chose."""

    async def signed_in(self, staff_id: str, now: datetime) -> None:
        """Note a successful sign-in."""

    async def add_session(self, session: WebSession) -> None:
        """Store a new session."""

    async def session(self, id_hash: str) -> WebSession | None:
        """A session by the hash of its id."""

    async def touch_session(self, id_hash: str, now: datetime) -> None:
        """Note the session was used now."""

    async def end_session(self, id_hash: str) -> None:
        """Forget one session."""

    async def end_sessions(self, staff_id: str | None = None) -> int:
        """Forget a person's sessions (None: everyone's); how many."""

    async def end_expired_sessions(self, idle_before: datetime, now: datetime) -> int:
        """Forget sessions unused since `idle_before` or past their end; how many."""

    async def add_failure(self, account_ref: str, address_ref: str | None, at: datetime) -> None:
        """Note a failed sign-in."""

    async def failures(
        self, account_ref: str, address_ref: str | None, since: datetime
    ) -> tuple[list[datetime], list[datetime]]:
        """The times of failed sign-ins since then: of the account, of the address."""

    async def forget_failures(self, before: datetime) -> int:
        """Forget failures older than that (they no longer count); how many."""

    async def clear_failures(self, account_ref: str) -> None:
        """Forget the account's failures (after a successful sign-in)."""

    async def add_invite(self, invite: Invite) -> None:
        """Store an invite."""

    async def invite(self, token_hash: str) -> Invite | None:
        """An invite by the hash of its token."""

    async def use_invite(self, token_hash: str, now: datetime) -> bool:
        """Mark an unused, unexpired invite used; False if it was not (one winner)."""

    async def audit(self, entry: AuditEntry) -> None:
        """Write one line of the audit log."""

    async def audit_log(self, limit: int) -> Sequence[AuditEntry]:
        """The latest lines of the audit log, newest first."""

    async def audit_lines(self, wanted: AuditFilter, limit: int) -> Sequence[AuditLine]:
        """At most `limit` lines of the audit log that match, newest first."""


class CalendarFeedRepository(Protocol):
    """The feeds' tokens by hash, one per person (`uow.calendar_feeds`)."""

    async def replace(self, staff_id: str, token_hash: str, now: datetime) -> None:
        """Give a person a new feed; their old one (if any) stops working."""

    async def revoke(self, staff_id: str) -> bool:
        """Forget a person's feed; whether they had one."""

    async def owner(self, token_hash: str) -> str | None:
        """Whose feed a token's hash is."""

    async def created(self, staff_id: str) -> datetime | None:
        """When a person's feed was made (None: they have none)."""
