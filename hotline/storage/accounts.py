"""Staff accounts of the dashboard on SQLAlchemy: `uow.accounts` (see accounts.ports)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, and_, delete, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from hotline.accounts.ports import (
    AuditEntry,
    AuditFilter,
    AuditLine,
    Credential,
    Invite,
    WebSession,
)
from hotline.escalation.roster import Role, Staff
from hotline.storage.dashboard_tables import (
    AuditLogEntry,
    InviteToken,
    SignInFailure,
    StaffCredential,
    WebSessionRow,
)
from hotline.storage.models import StaffMember

_STAFF = cast(Table, StaffMember.__table__)
_CREDENTIALS = cast(Table, StaffCredential.__table__)
_SESSIONS = cast(Table, WebSessionRow.__table__)
_FAILURES = cast(Table, SignInFailure.__table__)
_INVITES = cast(Table, InviteToken.__table__)
_AUDIT = cast(Table, AuditLogEntry.__table__)


class SqlAccounts:
    """The account repository on one connection (one unit of work)."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def staff(self, staff_id: str) -> Staff | None:
        """A person of the staff list."""
        query = select(_STAFF).where(_STAFF.c.id == staff_id)
        row = (await self.conn.execute(query)).one_or_none()
        return _person(row) if row is not None else None

    async def everyone(self) -> Sequence[tuple[Staff, Credential | None]]:
        """Everyone on the staff list in order of preference, with their sign-in."""
        query = (
            select(_STAFF, _CREDENTIALS)
            .outerjoin(_CREDENTIALS, _CREDENTIALS.c.staff_id == _STAFF.c.id)
            .order_by(_STAFF.c.position, _STAFF.c.id)
        )
        rows = (await self.conn.execute(query)).all()
        return [(_person(r), _credential(r) if r.staff_id is not None else None) for r in rows]

    async def credential(self, staff_id: str) -> Credential | None:
        """A person's sign-in, if they have one."""
        query = select(_CREDENTIALS).where(_CREDENTIALS.c.staff_id == staff_id)
        row = (await self.conn.execute(query)).one_or_none()
        return _credential(row) if row is not None else None

    async def set_password(self, staff_id: str, password_hash: str, now: datetime) -> None:
        """Store a new password hash."""
        await self._upsert(staff_id, password_hash=password_hash, changed_at=now)

    async def set_language(self, staff_id: str, language: str) -> None:
        """Remember the dashboard language a person chose."""
        await self._upsert(staff_id, language=language)

    async def signed_in(self, staff_id: str, now: datetime) -> None:
        """Note a successful sign-in."""
        await self._upsert(staff_id, last_sign_in_at=now)

    async def _upsert(self, staff_id: str, **values: Any) -> None:
        # Read, then write: both engines, and a person changes only their own row.
        changed = await self.conn.execute(
            update(_CREDENTIALS).where(_CREDENTIALS.c.staff_id == staff_id).values(**values)
        )
        if not changed.rowcount:
            await self.conn.execute(insert(_CREDENTIALS).values(staff_id=staff_id, **values))

    async def add_session(self, session: WebSession) -> None:
        """Store a new session."""
        await self.conn.execute(insert(_SESSIONS).values(**vars(session)))

    async def session(self, id_hash: str) -> WebSession | None:
        """A session by the hash of its id."""
        query = select(_SESSIONS).where(_SESSIONS.c.id_hash == id_hash)
        row = (await self.conn.execute(query)).one_or_none()
        return WebSession(**row._mapping) if row is not None else None

    async def touch_session(self, id_hash: str, now: datetime) -> None:
        """Note the session was used now."""
        await self.conn.execute(
            update(_SESSIONS).where(_SESSIONS.c.id_hash == id_hash).values(last_seen_at=now)
        )

    async def end_session(self, id_hash: str) -> None:
        """Forget one session."""
        await self.conn.execute(delete(_SESSIONS).where(_SESSIONS.c.id_hash == id_hash))

    async def end_sessions(self, staff_id: str | None = None) -> int:
        """Forget a person's sessions (None: everyone's); how many."""
        statement = delete(_SESSIONS)
        if staff_id is not None:
            statement = statement.where(_SESSIONS.c.staff_id == staff_id)
        return int((await self.conn.execute(statement)).rowcount or 0)

    async def end_expired_sessions(self, idle_before: datetime, now: datetime) -> int:
        """Forget sessions unused since `idle_before` or past their end; how many."""
        statement = delete(_SESSIONS).where(
            or_(_SESSIONS.c.last_seen_at <= idle_before, _SESSIONS.c.expires_at <= now)
        )
        return int((await self.conn.execute(statement)).rowcount or 0)

    async def add_failure(self, account_ref: str, address_ref: str | None, at: datetime) -> None:
        """Note a failed sign-in."""
        values = {"account_ref": account_ref, "address_ref": address_ref, "at": at}
        await self.conn.execute(insert(_FAILURES).values(**values))

    async def failures(
        self, account_ref: str, address_ref: str | None, since: datetime
    ) -> tuple[list[datetime], list[datetime]]:
        """The times of failed sign-ins since then: of the account, of the address."""
        recent = _FAILURES.c.at >= since
        query = select(_FAILURES.c.at).where(_FAILURES.c.account_ref == account_ref, recent)
        by_account = list((await self.conn.execute(query)).scalars())
        by_address: list[datetime] = []
        if address_ref is not None:
            query = select(_FAILURES.c.at).where(_FAILURES.c.address_ref == address_ref, recent)
            by_address = list((await self.conn.execute(query)).scalars())
        return by_account, by_address

    async def forget_failures(self, before: datetime) -> int:
        """Forget failures older than that (they no longer count); how many."""
        statement = delete(_FAILURES).where(_FAILURES.c.at < before)
        return int((await self.conn.execute(statement)).rowcount or 0)

    async def clear_failures(self, account_ref: str) -> None:
        """Forget the account's failures (after a successful sign-in)."""
        await self.conn.execute(delete(_FAILURES).where(_FAILURES.c.account_ref == account_ref))

    async def add_invite(self, invite: Invite) -> None:
        """Store an invite."""
        await self.conn.execute(insert(_INVITES).values(**vars(invite)))

    async def invite(self, token_hash: str) -> Invite | None:
        """An invite by the hash of its token."""
        query = select(_INVITES).where(_INVITES.c.token_hash == token_hash)
        row = (await self.conn.execute(query)).one_or_none()
        return Invite(**row._mapping) if row is not None else None

    async def use_invite(self, token_hash: str, now: datetime) -> bool:
        """Mark an unused, unexpired invite used; False if it was not (one winner)."""
        statement = (
            update(_INVITES)
            .where(
                _INVITES.c.token_hash == token_hash,
                _INVITES.c.used_at.is_(None),
                _INVITES.c.expires_at > now,
            )
            .values(used_at=now)
        )
        return bool((await self.conn.execute(statement)).rowcount)

    async def audit(self, entry: AuditEntry) -> None:
        """Write one line of the audit log."""
        await self.conn.execute(insert(_AUDIT).values(**vars(entry)))

    async def audit_log(self, limit: int) -> Sequence[AuditEntry]:
        """The latest lines of the audit log, newest first."""
        query = select(_AUDIT).order_by(_AUDIT.c.at.desc(), _AUDIT.c.id.desc()).limit(limit)
        rows = (await self.conn.execute(query)).all()
        return [AuditEntry(r.at, r.staff_id, r.action, r.case_code, r.reason) for r in rows]

    async def audit_lines(self, wanted: AuditFilter, limit: int) -> Sequence[AuditLine]:
        """At most `limit` lines of the audit log that match, newest first (by time, then
        number); the page after line `before` starts just past it in that order (keyset)."""
        c = _AUDIT.c
        query = select(_AUDIT).order_by(c.at.desc(), c.id.desc()).limit(limit)
        if wanted.staff_id is not None:
            query = query.where(c.staff_id == wanted.staff_id)
        if wanted.case_code is not None:
            query = query.where(c.case_code == wanted.case_code)
        if wanted.since is not None:
            query = query.where(c.at >= wanted.since)
        if wanted.until is not None:
            query = query.where(c.at < wanted.until)
        if wanted.before is not None:
            found = select(c.at).where(c.id == wanted.before)
            last_at = (await self.conn.execute(found)).scalar_one_or_none()
            if last_at is None:
                return []
            query = query.where(or_(c.at < last_at, and_(c.at == last_at, c.id < wanted.before)))
        rows = (await self.conn.execute(query)).all()
        return [
            AuditLine(r.id, AuditEntry(r.at, r.staff_id, r.action, r.case_code, r.reason))
            for r in rows
        ]


def _person(row: Any) -> Staff:
    return Staff(id=row.id, name=row.name, role=Role(row.role), languages=tuple(row.languages))


def _credential(row: Any) -> Credential:
    return Credential(
        staff_id=row.staff_id,
        password_hash=row.password_hash,
        changed_at=row.changed_at,
        last_sign_in_at=row.last_sign_in_at,
        language=row.language,
    )
