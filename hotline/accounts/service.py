"""The account service: sign in and out, sessions, passwords, invites, in units of work.

The web dashboard and the CLI both go through it. Secrets leave it only once, to the person
they are for: a session id for the cookie, an invite token for the link; the database keeps
their SHA-256 hashes (and Argon2 hashes of passwords, which are slow on purpose).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import secrets
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from hotline.accounts.model import (
    ABSOLUTE_EXPIRY,
    FAILURE_WINDOW,
    INVITE_VALID,
    MIN_PASSWORD,
    TOUCH_EVERY,
    AccountError,
    retry_after,
    session_expired,
    user_agent_family,
)
from hotline.accounts.ports import (
    AuditEntry,
    AuditFilter,
    AuditLine,
    Credential,
    Invite,
    WebSession,
)
from hotline.escalation.ports import UnitsOfWork
from hotline.escalation.roster import Staff
from hotline.privacy import keyed_ref

log = logging.getLogger(__name__)

__all__ = ["AccountService", "ActiveSession", "Locked", "SignedIn"]


@dataclass(frozen=True)
class SignedIn:
    """A new session: the id goes into the cookie, never into the database."""

    session_id: str
    staff: Staff


@dataclass(frozen=True)
class Locked:
    """Too many failures: try again after this long."""

    retry_after: timedelta


@dataclass(frozen=True)
class ActiveSession:
    """The person behind a request, their form token and their chosen language."""

    id_hash: str
    staff: Staff
    csrf_token: str
    language: str | None


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


class AccountService:
    """Staff accounts; every method is one unit of work (hashing runs outside of it)."""

    def __init__(
        self,
        units: UnitsOfWork,
        key: bytes,
        clock: Callable[[], datetime],
        hasher: PasswordHasher | None = None,
    ) -> None:
        self.units = units
        self.key = key
        self.clock = clock
        self.hasher = hasher or PasswordHasher()
        self._dummy_hash: str | None = None  # verified against for unknown names

    # Sign-in ---------------------------------------------------------------------------------

    async def sign_in(
        self, name: str, password: str, *, address: str | None, user_agent: str | None
    ) -> SignedIn | Locked | None:
        """A new session, a lock, or None (wrong name or password: the same answer, the same
        work)."""
        now = self.clock()
        account_ref = keyed_ref("staff-sign-in", name.strip().casefold(), self.key)
        address_ref = keyed_ref("staff-address", address, self.key) if address else None
        async with self.units() as uow:
            by_account, by_address = await uow.accounts.failures(
                account_ref, address_ref, now - FAILURE_WINDOW
            )
            wait = max(
                (w for w in (retry_after(by_account, now), retry_after(by_address, now)) if w),
                default=None,
            )
            if wait is not None:
                return Locked(wait)
            staff = await uow.accounts.staff(name.strip())
            credential = await uow.accounts.credential(staff.id) if staff else None
        stored = credential.password_hash if credential else None
        good = await self._verify(stored, password)
        async with self.units() as uow:
            if staff is None or not good:
                await uow.accounts.add_failure(account_ref, address_ref, now)
                log.info("a dashboard sign-in failed")
                return None
            if stored is not None and self.hasher.check_needs_rehash(stored):
                rehashed = await asyncio.to_thread(self.hasher.hash, password)
                await uow.accounts.set_password(staff.id, rehashed, now)
            await uow.accounts.clear_failures(account_ref)
            await uow.accounts.signed_in(staff.id, now)
            session_id = secrets.token_urlsafe(32)
            await uow.accounts.add_session(
                WebSession(
                    id_hash=_digest(session_id),
                    staff_id=staff.id,
                    csrf_token=secrets.token_urlsafe(32),
                    created_at=now,
                    last_seen_at=now,
                    expires_at=now + ABSOLUTE_EXPIRY,
                    user_agent=user_agent_family(user_agent),
                    address_ref=address_ref,
                )
            )
        log.info("staff member %s signed in to the dashboard", staff.id)
        return SignedIn(session_id, staff)

    async def _verify(self, stored: str | None, password: str) -> bool:
        """Argon2 verification in a thread; an unknown name costs the same (a dummy hash)."""
        if stored is None:
            if self._dummy_hash is None:
                self._dummy_hash = await asyncio.to_thread(
                    self.hasher.hash, secrets.token_urlsafe(16)
                )
            stored, password = self._dummy_hash, password + "\0never"
        try:
            return await asyncio.to_thread(self.hasher.verify, stored, password)
        except (VerificationError, InvalidHashError):
            return False

    # Sessions --------------------------------------------------------------------------------

    async def session(self, session_id: str) -> ActiveSession | None:
        """The live session of a cookie, or None (unknown, idle too long, or past its end)."""
        now = self.clock()
        id_hash = _digest(session_id)
        async with self.units() as uow:
            found = await uow.accounts.session(id_hash)
            if found is None:
                return None
            if session_expired(found.created_at, found.last_seen_at, found.expires_at, now):
                await uow.accounts.end_session(id_hash)
                return None
            staff = await uow.accounts.staff(found.staff_id)
            if staff is None:
                return None
            if now - found.last_seen_at >= TOUCH_EVERY:
                await uow.accounts.touch_session(id_hash, now)
            credential = await uow.accounts.credential(staff.id)
        language = credential.language if credential else None
        return ActiveSession(id_hash, staff, found.csrf_token, language)

    async def sign_out(self, session: ActiveSession) -> None:
        """End this session."""
        async with self.units() as uow:
            await uow.accounts.end_session(session.id_hash)

    async def sign_out_everywhere(self, staff_id: str) -> int:
        """End every session of a person; how many."""
        async with self.units() as uow:
            ended = await uow.accounts.end_sessions(staff_id)
        log.info("staff member %s signed out of %d dashboard session(s)", staff_id, ended)
        return ended

    async def set_language(self, staff_id: str, language: str) -> None:
        """Remember a person's dashboard language."""
        async with self.units() as uow:
            await uow.accounts.set_language(staff_id, language)

    # Passwords and invites -------------------------------------------------------------------

    async def set_password(self, staff_id: str, password: str) -> Staff:
        """Set a person's password (AccountError: unknown person, or too short); their other
        sessions end."""
        if len(password) < MIN_PASSWORD:
            raise AccountError(f"a password has at least {MIN_PASSWORD} characters")
        hashed = await asyncio.to_thread(self.hasher.hash, password)
        async with self.units() as uow:
            staff = await uow.accounts.staff(staff_id)
            if staff is None:
                raise AccountError(f"no staff member with id {staff_id!r}")
            await uow.accounts.set_password(staff_id, hashed, self.clock())
            await uow.accounts.end_sessions(staff_id)
        log.info("staff member %s has a new dashboard password", staff_id)
        return staff

    async def invite(self, staff_id: str) -> tuple[Staff, str]:
        """A one-time token for a person to set their password, valid INVITE_VALID."""
        now = self.clock()
        token = secrets.token_urlsafe(32)
        async with self.units() as uow:
            staff = await uow.accounts.staff(staff_id)
            if staff is None:
                raise AccountError(f"no staff member with id {staff_id!r}")
            await uow.accounts.add_invite(
                Invite(_digest(token), staff_id, now, now + INVITE_VALID, None)
            )
        log.info("an invitation to the dashboard was made for staff member %s", staff_id)
        return staff, token

    async def invited(self, token: str) -> Staff | None:
        """The person an unused, unexpired invite is for."""
        async with self.units() as uow:
            invite = await uow.accounts.invite(_digest(token))
            if invite is None or invite.used_at is not None or invite.expires_at <= self.clock():
                return None
            return await uow.accounts.staff(invite.staff_id)

    async def accept_invite(self, token: str, password: str) -> Staff | None:
        """Set the password of an invite's person and use it up; None if it no longer works."""
        if len(password) < MIN_PASSWORD:
            raise AccountError(f"a password has at least {MIN_PASSWORD} characters")
        hashed = await asyncio.to_thread(self.hasher.hash, password)
        now = self.clock()
        async with self.units() as uow:
            invite = await uow.accounts.invite(_digest(token))
            if invite is None or not await uow.accounts.use_invite(invite.token_hash, now):
                return None
            staff = await uow.accounts.staff(invite.staff_id)
            if staff is None:
                return None
            await uow.accounts.set_password(staff.id, hashed, now)
            await uow.accounts.end_sessions(staff.id)
        log.info("staff member %s set a dashboard password from an invitation", staff.id)
        return staff

    # The accounts page -----------------------------------------------------------------------

    async def accounts(self) -> Sequence[tuple[Staff, Credential | None]]:
        """Everyone, with their sign-in."""
        async with self.units() as uow:
            return await uow.accounts.everyone()

    async def audit(
        self,
        staff_id: str,
        action: str,
        case_code: str | None = None,
        *,
        reason: str | None = None,
    ) -> None:
        """Write a line of the audit log (for the pages that show personal data): who,
        what, to which participant, and why (as the person gave it)."""
        async with self.units() as uow:
            entry = AuditEntry(self.clock(), staff_id, action, case_code, reason)
            await uow.accounts.audit(entry)

    async def audit_lines(self, wanted: AuditFilter, limit: int) -> Sequence[AuditLine]:
        """At most `limit` lines of the audit log that match, newest first (nothing is
        written: reading the log is not itself audited)."""
        async with self.units() as uow:
            return await uow.accounts.audit_lines(wanted, limit)
