"""The tables. The call log holds pseudonyms, never a number, name or Telegram id."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    false,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from hotline.storage.types import UTCDateTime, sealed

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
    simulated: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())

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
    reply_to: Mapped[str] = mapped_column(Text, info=sealed())  # chat id or phone number
    text: Mapped[str] = mapped_column(Text, info=sealed())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class StaffMember(Base):
    """A person who takes escalations; phone and Telegram id are encrypted. `telegram_ref` is
    a keyed pseudonym of the Telegram user id: it finds the staff member an update comes
    from without decrypting every row."""

    __tablename__ = "staff"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    name: Mapped[str] = mapped_column(String(120))
    role: Mapped[str] = mapped_column(String(16))
    languages: Mapped[list[str]] = mapped_column(JSON)
    phone: Mapped[str | None] = mapped_column(Text, info=sealed())  # E.164 number
    telegram: Mapped[str | None] = mapped_column(Text, info=sealed())  # Telegram user id
    telegram_ref: Mapped[str | None] = mapped_column(String(64), unique=True)
    position: Mapped[int] = mapped_column(Integer)  # the order of preference among equals
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class RosterSchedule(Base):
    """The roster's shifts and holidays (one row); the staff are the `staff` table."""

    __tablename__ = "roster_schedule"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    timezone: Mapped[str] = mapped_column(String(64))
    weekly: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    once: Mapped[list[dict[str, Any]]] = mapped_column(JSON)
    holidays: Mapped[list[str]] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class Escalation(Base):
    """One attempt to reach a person, next to its call or chat in the log: anonymous.

    kind: call (a live call rung through), callback (a voicemail or callback request left
    for staff), chat (a chat case). `staff_id` is who took it; `answered_at - started_at`
    is the time to answer.
    """

    __tablename__ = "escalations"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    log_id: Mapped[str] = mapped_column(ForeignKey("call_log.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(16))
    channel: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(8))
    reason: Mapped[str] = mapped_column(String(32))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    staff_id: Mapped[str | None] = mapped_column(String(32))
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    stage: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str | None] = mapped_column(String(24))
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    assigned_to: Mapped[str | None] = mapped_column(String(32))  # a program task's specialist

    __table_args__ = (
        Index("ix_escalations_log_id", "log_id"),
        Index("ix_escalations_started_at", "started_at"),
    )


class EscalationTimer(Base):
    """A durable timer of an escalation not yet taken: at `due_at`, run `stage`.

    A tick claims due rows (FOR UPDATE SKIP LOCKED on PostgreSQL) and marks them fired in
    the same transaction, so a timer fires once whatever crashes or restarts.
    """

    __tablename__ = "escalation_timers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    escalation_id: Mapped[str] = mapped_column(ForeignKey("escalations.id", ondelete="CASCADE"))
    stage: Mapped[int] = mapped_column(Integer)
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    fired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_escalation_timers_due_at", "fired_at", "due_at"),)


class EscalationEventRow(Base):
    """Someone rung or alerted about an escalation, or a callback rung: its timeline."""

    __tablename__ = "escalation_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    escalation_id: Mapped[str] = mapped_column(ForeignKey("escalations.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    kind: Mapped[str] = mapped_column(String(16))
    staff_id: Mapped[str | None] = mapped_column(String(32))  # None: a staff group
    channel: Mapped[str | None] = mapped_column(String(16))
    seconds: Mapped[int | None] = mapped_column(Integer)

    __table_args__ = (Index("ix_escalation_events_escalation_id", "escalation_id", "at"),)


class CallbackTask(Base):
    """A voicemail or callback request: the caller's number kept encrypted while it is open."""

    __tablename__ = "callback_tasks"

    escalation_id: Mapped[str] = mapped_column(
        ForeignKey("escalations.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(16))  # voicemail | callback
    contact: Mapped[str | None] = mapped_column(Text, info=sealed())  # NULL once closed
    recording_url: Mapped[str | None] = mapped_column(Text, info=sealed())  # NULL once closed
    duration_s: Mapped[int | None] = mapped_column(Integer)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_callback_tasks_expires_at", "closed_at", "expires_at"),)


class ChatCase(Base):
    """A chat handed to a person: who owns it, and the user's address, encrypted."""

    __tablename__ = "chat_cases"

    escalation_id: Mapped[str] = mapped_column(
        ForeignKey("escalations.id", ondelete="CASCADE"), primary_key=True
    )
    session_key: Mapped[str] = mapped_column(String(96))
    address: Mapped[str | None] = mapped_column(Text, info=sealed())  # chat id or number
    pending: Mapped[list[str]] = mapped_column(JSON, info=sealed("list"))  # before it was taken
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_chat_cases_session_key", "session_key", "closed_at"),)


class StaffNotice(Base):
    """A message sent to staff about an escalation: a reply to it goes to that escalation,
    and its buttons are taken away once someone has taken it."""

    __tablename__ = "staff_notices"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    escalation_id: Mapped[str] = mapped_column(ForeignKey("escalations.id", ondelete="CASCADE"))
    chat: Mapped[str] = mapped_column(Text, info=sealed())  # a chat id
    chat_ref: Mapped[str] = mapped_column(String(64))  # keyed pseudonym of the chat id
    message_id: Mapped[int] = mapped_column(Integer)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime())

    __table_args__ = (
        Index("ix_staff_notices_chat", "chat_ref", "message_id"),
        Index("ix_staff_notices_escalation_id", "escalation_id"),
    )


class _Reachable:
    """The columns of a person the program writes to: a participant or a family contact.

    Phone and Telegram chat id are encrypted; `*_ref` are keyed pseudonyms of them, to find
    whom a message comes from. `consent_*`: when, by whom, for which channels.
    """

    channel: Mapped[str] = mapped_column(String(16))
    language: Mapped[str] = mapped_column(String(8))
    phone: Mapped[str | None] = mapped_column(Text, info=sealed())  # E.164 number
    phone_ref: Mapped[str | None] = mapped_column(String(64))
    telegram: Mapped[str | None] = mapped_column(Text, info=sealed())  # chat id, once linked
    telegram_ref: Mapped[str | None] = mapped_column(String(64))
    telegram_linked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    consent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    consent_by: Mapped[str] = mapped_column(String(32))
    consent_channels: Mapped[list[str]] = mapped_column(JSON)


class ParticipantRow(_Reachable, Base):
    """An enrolled participant, known to staff by a pseudonymous case code."""

    __tablename__ = "participants"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    case_code: Mapped[str] = mapped_column(String(32), unique=True)
    program: Mapped[str] = mapped_column(String(64))
    release_date: Mapped[date] = mapped_column(Date)
    timezone: Mapped[str] = mapped_column(String(64))
    specialist: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # ended or withdrawn

    __table_args__ = (
        Index("ix_participants_phone_ref", "phone_ref"),
        Index("ix_participants_telegram_ref", "telegram_ref"),
        Index("ix_participants_specialist", "specialist"),
    )


class FamilyContactRow(_Reachable, Base):
    """A participant's relative who gets messages; the name is encrypted too."""

    __tablename__ = "family_contacts"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    participant_id: Mapped[str] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text, info=sealed())

    __table_args__ = (
        Index("ix_family_contacts_participant_id", "participant_id", "position"),
        Index("ix_family_contacts_phone_ref", "phone_ref"),
        Index("ix_family_contacts_telegram_ref", "telegram_ref"),
    )


class EnrolmentInvite(Base):
    """A one-time Telegram enrolment link: only the SHA-256 of its token is kept."""

    __tablename__ = "enrolment_invites"

    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    participant_id: Mapped[str] = mapped_column(ForeignKey("participants.id", ondelete="CASCADE"))
    family_id: Mapped[str | None] = mapped_column(
        ForeignKey("family_contacts.id", ondelete="CASCADE")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    spent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    __table_args__ = (Index("ix_enrolment_invites_participant_id", "participant_id"),)


LIVE_PLAN_ROW = text("status != 'cancelled'")  # one live row per (key, anchor)


class PlannedMessageRow(Base):
    """One step of a participant's campaign for one recipient: the plan is rows, not jobs.

    `key` + `anchor` is its identity (see reminders/plan.py); `ready_at` is when the
    dispatcher looks at it next (the due time, later when it waits for waking hours, the gap
    or a retry). No contact is kept here: the dispatcher reads it from the participant.
    """

    __tablename__ = "planned_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(200))
    anchor: Mapped[date] = mapped_column(Date)
    participant: Mapped[str] = mapped_column(String(32))  # the case code
    campaign: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(64))
    step: Mapped[str] = mapped_column(String(64))
    recipient_kind: Mapped[str] = mapped_column(String(16))
    recipient_ref: Mapped[str | None] = mapped_column(String(36))
    due_at: Mapped[datetime] = mapped_column(UTCDateTime())
    local_date: Mapped[date] = mapped_column(Date)
    local_time: Mapped[str] = mapped_column(String(5))  # HH:MM
    zone: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8))
    channels: Mapped[list[str]] = mapped_column(JSON)
    window: Mapped[str] = mapped_column(String(11))  # HH:MM-HH:MM
    flow: Mapped[str | None] = mapped_column(String(64))
    message: Mapped[str | None] = mapped_column(String(64))
    last: Mapped[bool] = mapped_column(Boolean)
    status: Mapped[str] = mapped_column(String(16))
    ready_at: Mapped[datetime] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer)
    channel: Mapped[str | None] = mapped_column(String(16))
    provider_id: Mapped[str | None] = mapped_column(String(64))
    reason: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sending_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    answer: Mapped[str | None] = mapped_column(String(16))  # a check-in's answer, or "silent"
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    conversation: Mapped[str | None] = mapped_column(String(100))  # the chat it opened

    __table_args__ = (
        Index(
            "uq_planned_messages_live",
            "key",
            "anchor",
            unique=True,
            sqlite_where=LIVE_PLAN_ROW,
            postgresql_where=LIVE_PLAN_ROW,
        ),
        Index("ix_planned_messages_ready", "status", "ready_at"),
        Index("ix_planned_messages_participant", "participant", "due_at"),
        Index("ix_planned_messages_recipient", "recipient_ref", "sent_at"),
        Index("ix_planned_messages_conversation", "conversation", "sent_at"),
    )


class MessageAttempt(Base):
    """One try at delivering a planned message, and what came of it (no contact, no text)."""

    __tablename__ = "message_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    planned_id: Mapped[int] = mapped_column(ForeignKey("planned_messages.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    channel: Mapped[str | None] = mapped_column(String(16))
    outcome: Mapped[str] = mapped_column(String(16))
    provider_id: Mapped[str | None] = mapped_column(String(64))
    detail: Mapped[str | None] = mapped_column(String(200))

    __table_args__ = (Index("ix_message_attempts_planned_id", "planned_id"),)


# Tables kept in modules of their own join Base.metadata here, wherever models are loaded.
from hotline.storage import case_tables, dashboard_tables, directory_tables  # noqa: E402
from hotline.storage import outbox_tables as outbox_tables  # noqa: E402
from hotline.storage import retention_tables as retention_tables  # noqa: E402

__all__ = ["Base", "case_tables", "dashboard_tables", "directory_tables", "retention_tables"]
