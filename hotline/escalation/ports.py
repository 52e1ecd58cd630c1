"""The repositories the services use, as Protocols, and the unit of work.

There is one way to join a transaction: `async with units() as uow:` opens a unit of work,
and every repository it gives (`uow.sessions`, `uow.escalations`, `uow.tasks`, `uow.cases`,
`uow.notices`, `uow.chats`, `uow.participants`, `uow.plan`, `uow.answers`,
`uow.directory`, `uow.accounts`) runs in that one
transaction, committed when the block ends and rolled back if it raises. Code that needs no
shared transaction opens a unit of its own. On SQLite a process has one connection, which an
open unit holds: never open a unit inside another.

The records the repositories exchange are the escalation model's (`escalation.model`) and,
for sessions and the call log, the ones below. `storage/` implements all of it.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Protocol

from hotline.accounts.ports import AccountRepository, CalendarFeedRepository
from hotline.conversations.sends import SendRepository
from hotline.directory.ports import DirectoryAsks, DirectoryRepository
from hotline.errors import StorageError
from hotline.escalation.model import (
    CaseLine,
    CaseRow,
    DueTimer,
    EscalationRow,
    Kind,
    Result,
)
from hotline.escalation.record_ports import EventRepository, NoticeRepository, TaskRepository
from hotline.participants.ports import ParticipantRepository
from hotline.reminders.ports import AnswerRepository, PlanRepository
from hotline.retention.ports import RetentionRepository
from hotline.stats.ports import StatsRepository

DUE_BATCH = 50  # timers claimed per tick; the rest wait for the next tick

# -- sessions and the call log --------------------------------------------------------------


class SessionTaken(StorageError):
    """Another request began a session under this key first (its transaction rolls back)."""


@dataclass(frozen=True)
class StoredSession:
    """A session as stored: its state, the step counter and the answer to the last step."""

    key: str
    log_id: str
    seq: int
    state: dict[str, Any]
    last_response: str
    ended: bool


@dataclass(frozen=True)
class NewSession:
    """What is known when a call or chat begins."""

    key: str
    channel: str
    flow: str
    caller: str | None
    started_at: datetime
    language: str
    state: dict[str, Any]
    response: str
    simulated: bool = False  # placed by a simulator: reports leave it out unless asked


@dataclass(frozen=True)
class LogSummary:
    """The parts of the call log that follow from a session's state."""

    outcome: str
    path: list[str]
    language: str


@dataclass(frozen=True)
class NewVoicemail:
    """A voicemail to file with the step that received it."""

    language: str
    duration_s: int
    recording_url: str


class SessionRepository(Protocol):
    """Live sessions keyed by the channel's id, and their rows of the anonymous call log."""

    async def load(self, key: str) -> StoredSession | None:
        """The stored session, or None."""

    async def create(self, new: NewSession) -> StoredSession:
        """Insert a new session and its call log row (SessionTaken if the key is taken)."""

    async def advance(
        self,
        session: StoredSession,
        state: dict[str, Any],
        response: str,
        now: datetime,
        *,
        voicemail: NewVoicemail | None = None,
        summary: LogSummary | None = None,
    ) -> bool:
        """Save the next step if nobody else saved it first (False when someone did)."""

    async def add_voicemail(self, log_id: str, voicemail: NewVoicemail, now: datetime) -> None:
        """File a voicemail under a call's log row."""

    async def voicemail_filed(self, recording_url: str) -> bool:
        """Whether a voicemail with this recording is filed already."""

    async def correct(self, session: StoredSession, summary: LogSummary) -> None:
        """Rewrite what the call log row says of how the session went (not when it ended)."""

    async def recall_language(self, caller: str) -> str | None:
        """The language this pseudonym last chose, if any."""

    async def remember_language(self, session: StoredSession, language: str, now: datetime) -> None:
        """Keep the language the caller chose, under the pseudonym of the session's caller."""

    async def drop_ended(self, key: str) -> None:
        """Delete a session that has ended, so its key can start a new one."""

    async def finish(
        self,
        session: StoredSession,
        summary: LogSummary,
        ended_at: datetime,
        duration_s: int | None,
    ) -> None:
        """Close the call log row; the session row stays a while for late events."""

    async def stale(self, now: datetime, idle: timedelta, limit: int = 500) -> list[StoredSession]:
        """Sessions that never ended and have been idle longer than `idle`."""

    async def purge_ended(self, now: datetime, grace: timedelta) -> int:
        """Delete sessions that ended more than `grace` ago; the call log keeps the summary."""

    async def forget_languages(self, before: datetime) -> int:
        """Drop remembered languages not used since `before`."""


# -- chat records ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ChatStanding:
    """Where a chat stands as a message arrives: its session under the channel's key (ended
    or not), whether the person opted out, the escalation id of the session's newest open
    chat case, and the language the person chose last (on any channel)."""

    session: StoredSession | None
    opted_out: bool
    chat_case: str | None
    language: str | None


class ChatRepository(Protocol):
    """What chats keep besides sessions: delivery marks and opt-outs."""

    async def first_delivery(self, channel: str, update_id: str, now: datetime) -> bool:
        """Record an update as handled; False when it was handled before (a redelivery)."""

    async def standing(self, key: str, subscriber: str) -> ChatStanding:
        """The ChatStanding of session `key` and pseudonym `subscriber`, in one read."""

    async def opted_out(self, subscriber: str) -> bool:
        """True when this pseudonym asked for no more messages."""

    async def opted_out_among(self, subscribers: Collection[str]) -> set[str]:
        """Those of these pseudonyms that asked for no more messages."""

    async def opt_out(self, subscriber: str, channel: str, now: datetime) -> bool:
        """Stop every message to this pseudonym; False when they had opted out already."""

    async def opt_in(self, subscriber: str) -> None:
        """They came back (/start, START)."""

    async def forget_deliveries(self, before: datetime) -> int:
        """Drop delivery marks older than any redelivery."""


# -- escalations ----------------------------------------------------------------------------


class EscalationRepository(Protocol):
    """Escalation records and their durable alert timers."""

    async def open(
        self,
        *,
        log_id: str,
        kind: Kind,
        channel: str,
        language: str,
        reason: str,
        now: datetime,
        outcome: Result | None = None,
        escalation_id: str | None = None,
        attempts: int = 0,
        assigned_to: str | None = None,
    ) -> str:
        """Start a record; with `outcome` it is ended at once (after hours, say);
        `assigned_to` a program task's specialist."""

    async def log_work(self, channel: str, flow: str, language: str, now: datetime) -> str:
        """An anonymous call-log entry for work that began with no call or chat (a program
        task): the record an escalation hangs from; its id."""

    async def get(self, escalation_id: str) -> EscalationRow | None:
        """One record."""

    async def open_of(self, staff_id: str, limit: int) -> list[EscalationRow]:
        """Escalations not ended that this staff member holds, or that are assigned to them
        and not taken by anyone: the oldest first, at most `limit`."""

    async def open_work(self, limit: int) -> list[EscalationRow]:
        """Records that have not ended (taken or not): urgent first, then the oldest."""

    async def open_for_log(self, log_id: str, kind: Kind) -> EscalationRow | None:
        """The newest record of this kind for a call or chat that has not ended."""

    async def ended_before(self, log_id: str, before: datetime, limit: int) -> list[EscalationRow]:
        """Records of the same call or chat that ended by `before` (the oldest first, at
        most `limit` of the newest): what came before a callback request, say."""

    async def count_attempt(self, escalation_id: str, people: int) -> None:
        """`people` more were rung or alerted."""

    async def mark_urgent(self, escalation_id: str) -> None:
        """Words of crisis came in: the record's reason becomes CRISIS (counted as one, and
        its timers claimed before any other)."""

    async def take(self, escalation_id: str, staff_id: str, now: datetime) -> str | None:
        """Give the escalation to `staff_id` unless someone has it; its timers stop.

        Returns None when `staff_id` now holds it (or already did), else who holds it
        ("" when it ended untaken).
        """

    async def end(self, escalation_id: str, outcome: Result, now: datetime) -> bool:
        """End a record that has not ended; False when it already had."""

    async def records(self, since: datetime) -> list[tuple[EscalationRow, dict[str, Any]]]:
        """Every record started since `since`, with its call log row (anonymous)."""

    async def schedule(self, escalation_id: str, stages: list[tuple[int, datetime]]) -> None:
        """Run each (stage, due) of an escalation unless it is taken first."""

    async def claim_due(self, now: datetime, limit: int = DUE_BATCH) -> list[DueTimer]:
        """Timers due by `now`, marked fired in this unit: each fires once."""


class CaseRepository(Protocol):
    """Chat cases (a live chat with a specialist, or a question left for one) and the
    questions they carry."""

    async def open(self, escalation_id: str, session_key: str, address: str) -> None:
        """A chat case for a session; `address` encrypted."""

    async def get(self, escalation_id: str) -> tuple[CaseRow, EscalationRow] | None:
        """A case and its record."""

    async def of_session(
        self, session_key: str, *, kind: Kind | None = None
    ) -> tuple[CaseRow, EscalationRow] | None:
        """The newest open case of a chat session (of one kind, if given), if any."""

    async def latest_of(self, staff_id: str) -> str | None:
        """The open case a staff member took last."""

    async def keep_pending(self, escalation_id: str, text: str) -> None:
        """Keep a message (encrypted) written before anyone took the case."""

    async def take_pending(self, escalation_id: str) -> list[str]:
        """The kept messages, forgotten as they are handed over."""

    async def add_line(
        self, escalation_id: str, staff_id: str | None, text: str, now: datetime
    ) -> bool:
        """Keep a message (encrypted) of a taken case while it is open; False if it is not."""

    async def lines(self, escalation_id: str) -> list[CaseLine]:
        """The messages kept of an open case, oldest first (texts encrypted)."""

    async def close(self, escalation_id: str, now: datetime, outcome: Result) -> bool:
        """Close a case: its address, kept texts and question are deleted, the record ends."""

    async def add_question(
        self,
        *,
        log_id: str,
        channel: str,
        language: str,
        reply_to: str,
        text: str,
        now: datetime,
        question_id: str | None = None,
    ) -> str:
        """File a question (already encrypted) for a specialist; returns its id."""

    async def question(self, escalation_id: str) -> str | None:
        """The text (encrypted) of the question a case was opened for, while it is open."""

    async def expired_questions(self, before: datetime) -> list[str]:
        """The open question cases opened before `before`."""

    async def forget_questions(self, before: datetime) -> None:
        """Delete every question written before `before` (those kept without a case too)."""


# -- the unit of work -----------------------------------------------------------------------


class UnitOfWork(Protocol):
    """One transaction, and the repositories that run in it."""

    @property
    def sessions(self) -> SessionRepository:
        """Sessions and the call log."""

    @property
    def chats(self) -> ChatRepository:
        """Chat delivery marks and opt-outs."""

    @property
    def escalations(self) -> EscalationRepository:
        """Escalation records and timers."""

    @property
    def tasks(self) -> TaskRepository:
        """Callback tasks."""

    @property
    def cases(self) -> CaseRepository:
        """Chat cases and questions."""

    @property
    def notices(self) -> NoticeRepository:
        """Staff notices."""

    @property
    def participants(self) -> ParticipantRepository:
        """Participants, their family contacts and enrolment invitations."""

    @property
    def plan(self) -> PlanRepository:
        """Planned messages and their delivery attempts."""

    @property
    def events(self) -> EventRepository:
        """Who was rung and alerted about escalations."""

    @property
    def answers(self) -> AnswerRepository:
        """Answers to check-ins."""

    @property
    def directory(self) -> DirectoryRepository:
        """The services directory."""

    @property
    def asks(self) -> DirectoryAsks:
        """Anonymous counts of the directory's asks, and callers' regions by pseudonym."""

    @property
    def stats(self) -> StatsRepository:
        """Counts for the dashboard's statistics (read only)."""

    @property
    def accounts(self) -> AccountRepository:
        """Staff accounts of the dashboard: sign-ins, sessions, invites, the audit log."""

    @property
    def calendar_feeds(self) -> CalendarFeedRepository:
        """The staff's secret calendar feeds."""

    @property
    def retention(self) -> RetentionRepository:
        """What the purge deletes, and the counts it keeps of the call log."""

    @property
    def outbox(self) -> SendRepository:
        """The Telegram messages still to be sent (`conversations.sends`)."""


UnitsOfWork = Callable[[], AbstractAsyncContextManager[UnitOfWork]]
"""Opens a unit of work: `async with units() as uow:`; committed at the end of the block."""
