"""The tables. The call log holds no phone number, name or Telegram id: only pseudonyms."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, MetaData, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from hotline.storage.types import UTCDateTime

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    """Declarative base with stable constraint names for migrations."""

    metadata = MetaData(naming_convention=NAMING)


class CallLogEntry(Base):
    """One anonymous row per call or chat: how it went, never who it was."""

    __tablename__ = "call_log"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    channel: Mapped[str] = mapped_column(String(16))
    flow: Mapped[str] = mapped_column(String(64))
    caller: Mapped[str | None] = mapped_column(String(64))  # keyed pseudonym, or NULL if withheld
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    duration_s: Mapped[int | None] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(8))
    path: Mapped[list[str]] = mapped_column(JSON)
    outcome: Mapped[str | None] = mapped_column(String(16))

    __table_args__ = (
        Index("ix_call_log_started_at", "started_at"),
        Index("ix_call_log_caller", "caller"),
    )


class CallSession(Base):
    """A live session's state, keyed by the channel's id (a CallSid), kept only while it runs."""

    __tablename__ = "call_sessions"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    log_id: Mapped[str] = mapped_column(ForeignKey("call_log.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    state: Mapped[dict[str, Any]] = mapped_column(JSON)
    last_response: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_call_sessions_updated_at", "updated_at"),)


class Voicemail(Base):
    """A recorded message waiting for a specialist; the recording itself stays at Twilio."""

    __tablename__ = "voicemails"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    log_id: Mapped[str] = mapped_column(ForeignKey("call_log.id", ondelete="CASCADE"))
    language: Mapped[str] = mapped_column(String(8))
    duration_s: Mapped[int] = mapped_column(Integer)
    recording_url: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class CallerLanguage(Base):
    """The language a caller last chose, by pseudonym: the next call starts in it."""

    __tablename__ = "caller_languages"

    caller: Mapped[str] = mapped_column(String(64), primary_key=True)
    language: Mapped[str] = mapped_column(String(8))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_caller_languages_updated_at", "updated_at"),)


class ChatUpdate(Base):
    """An inbound chat update already handled: Telegram and Twilio may deliver one twice."""

    __tablename__ = "chat_updates"

    channel: Mapped[str] = mapped_column(String(16), primary_key=True)
    update_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_chat_updates_received_at", "received_at"),)


class OptOut(Base):
    """Someone who sent /stop or STOP: no message of ours goes to them until they start again."""

    __tablename__ = "opt_outs"

    subscriber: Mapped[str] = mapped_column(String(64), primary_key=True)  # a pseudonym
    channel: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Question(Base):
    """A question left in a chat for a specialist; text and reply address are encrypted."""

    __tablename__ = "questions"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    log_id: Mapped[str] = mapped_column(ForeignKey("call_log.id", ondelete="CASCADE"))
    channel: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(8))
    reply_to: Mapped[str] = mapped_column(Text)  # encrypted chat id or phone number
    text: Mapped[str] = mapped_column(Text)  # encrypted
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
