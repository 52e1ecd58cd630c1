"""The staff dashboard's tables: sign-ins, web sessions, sign-in failures, invites, audit log.

No address, password or token is stored as it is: passwords as Argon2 hashes, session ids and
invite tokens as SHA-256 hashes, addresses and typed account names as keyed pseudonyms.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from hotline.storage.models import Base
from hotline.storage.types import UTCDateTime


class StaffCredential(Base):
    """A staff member's sign-in to the dashboard, and the language they chose there."""

    __tablename__ = "staff_credentials"

    staff_id: Mapped[str] = mapped_column(
        ForeignKey("staff.id", ondelete="CASCADE"), primary_key=True
    )
    password_hash: Mapped[str | None] = mapped_column(Text)
    changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_sign_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    language: Mapped[str | None] = mapped_column(String(8))


class WebSessionRow(Base):
    """A signed-in browser; the cookie holds the id, the table only its hash."""

    __tablename__ = "web_sessions"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    last_seen_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    user_agent: Mapped[str] = mapped_column(String(16))  # the browser family only
    address_ref: Mapped[str | None] = mapped_column(String(64))

    __table_args__ = (Index("ix_web_sessions_staff_id", "staff_id"),)


class SignInFailure(Base):
    """A failed sign-in, by keyed pseudonyms of the name typed and of the address."""

    __tablename__ = "sign_in_failures"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    account_ref: Mapped[str] = mapped_column(String(64))
    address_ref: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (
        Index("ix_sign_in_failures_account_ref", "account_ref", "at"),
        Index("ix_sign_in_failures_address_ref", "address_ref", "at"),
    )


class InviteToken(Base):
    """A one-time link to set a password; the link holds the token, the table its hash."""

    __tablename__ = "invite_tokens"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class AuditLogEntry(Base):
    """Who did what in the dashboard, when, to which participant (case code) and why."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    staff_id: Mapped[str] = mapped_column(String(32))  # kept when the person leaves
    action: Mapped[str] = mapped_column(String(40))
    case_code: Mapped[str | None] = mapped_column(String(32))
    reason: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (
        Index("ix_audit_log_at", "at"),
        Index("ix_audit_log_case_code", "case_code"),
    )


class CalendarFeedRow(Base):
    """A person's secret iCalendar feed; the URL holds the token, the table only its hash."""

    __tablename__ = "calendar_feeds"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    staff_id: Mapped[str] = mapped_column(ForeignKey("staff.id", ondelete="CASCADE"), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
