"""Escalation records, their durable timers, callback tasks, chat cases and staff notices.

Contact data (a caller's number, a chat's address, texts) arrives here encrypted already;
this module never sees it in clear. Taking an escalation is a conditional UPDATE, so of two
staff pressing Take at once exactly one wins, in any number of processes.
"""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, and_, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from hotline.storage.models import (
    CallbackTask,
    CallLogEntry,
    ChatCase,
    Escalation,
    EscalationTimer,
    Question,
    StaffNotice,
)

_ESC = cast(Table, Escalation.__table__)
_TIMERS = cast(Table, EscalationTimer.__table__)
_TASKS = cast(Table, CallbackTask.__table__)
_CASES = cast(Table, ChatCase.__table__)
_NOTICES = cast(Table, StaffNotice.__table__)
_LOG = cast(Table, CallLogEntry.__table__)
_QUESTIONS = cast(Table, Question.__table__)

DUE_BATCH = 50  # timers claimed per tick; the rest wait for the next tick


class Kind:
    """What was escalated."""

    CALL = "call"  # a live call rung through to staff
    CALLBACK = "callback"  # a voicemail or callback request, for staff to call back
    CHAT = "chat"  # a chat case: a person asked for a specialist to join the chat
    QUESTION = "question"  # a question left in a chat, answered in the chat by a specialist


class Result:
    """How an escalation ended, as the record keeps it."""

    ANSWERED = "answered"  # a person took it (and, for a call, was put through)
    UNANSWERED = "unanswered"  # everyone was tried, nobody took it
    AFTER_HOURS = "after-hours"  # nobody was on duty
    ABANDONED = "abandoned"  # the caller hung up while we were ringing
    DONE = "done"  # a callback task or chat case dealt with and closed
    EXPIRED = "expired"  # a task or question nobody closed within the keeping time


@dataclass(frozen=True)
class EscalationRow:
    """An escalation as stored."""

    id: str
    log_id: str
    kind: str
    channel: str
    language: str
    reason: str
    started_at: datetime
    answered_at: datetime | None
    staff_id: str | None
    attempts: int
    stage: int
    outcome: str | None
    ended_at: datetime | None

    @property
    def open(self) -> bool:
        """Not taken and not ended."""
        return self.staff_id is None and self.ended_at is None


@dataclass(frozen=True)
class DueTimer:
    """A timer claimed by this tick: run `stage` of the escalation."""

    escalation: EscalationRow
    stage: int
    due_at: datetime


@dataclass(frozen=True)
class TaskRow:
    """A callback task; `contact` and `recording_url` are encrypted, None once closed."""

    escalation_id: str
    kind: str
    contact: str | None
    recording_url: str | None
    duration_s: int | None
    expires_at: datetime
    closed_at: datetime | None


@dataclass(frozen=True)
class CaseRow:
    """A chat case; `address` and `pending` texts are encrypted."""

    escalation_id: str
    session_key: str
    address: str | None
    pending: tuple[str, ...]
    closed_at: datetime | None


@dataclass(frozen=True)
class Notice:
    """A staff message about an escalation: its encrypted chat and message id."""

    escalation_id: str
    chat: str
    message_id: int


class EscalationStore:
    """The repository of everything escalation keeps."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    @asynccontextmanager
    async def _tx(self, conn: AsyncConnection | None) -> AsyncIterator[AsyncConnection]:
        """The caller's transaction (a voice step's unit), or one of our own."""
        if conn is not None:
            yield conn
            return
        async with self.engine.begin() as own:
            yield own

    # -- records --------------------------------------------------------------------------

    async def open(
        self,
        *,
        log_id: str,
        kind: str,
        channel: str,
        language: str,
        reason: str,
        now: datetime,
        outcome: str | None = None,
        escalation_id: str | None = None,
        attempts: int = 0,
        conn: AsyncConnection | None = None,
    ) -> str:
        """Start a record; with `outcome` it is ended at once (after hours, say)."""
        escalation_id = escalation_id or str(uuid.uuid4())
        async with self._tx(conn) as conn:
            await conn.execute(
                insert(_ESC).values(
                    id=escalation_id,
                    log_id=log_id,
                    kind=kind,
                    channel=channel,
                    language=language,
                    reason=reason,
                    started_at=now,
                    attempts=attempts,
                    stage=0,
                    outcome=outcome,
                    ended_at=now if outcome else None,
                )
            )
        return escalation_id

    async def get(
        self, escalation_id: str, conn: AsyncConnection | None = None
    ) -> EscalationRow | None:
        """One record."""
        async with self._tx(conn) as conn:
            row = (await conn.execute(select(_ESC).where(_ESC.c.id == escalation_id))).first()
        return _escalation(row) if row else None

    async def open_for_log(
        self, log_id: str, kind: str, conn: AsyncConnection | None = None
    ) -> EscalationRow | None:
        """The newest record of this kind for a call or chat that has not ended."""
        async with self._tx(conn) as conn:
            row = (
                await conn.execute(
                    select(_ESC)
                    .where(_ESC.c.log_id == log_id, _ESC.c.kind == kind, _ESC.c.ended_at.is_(None))
                    .order_by(_ESC.c.started_at.desc())
                    .limit(1)
                )
            ).first()
        return _escalation(row) if row else None

    async def count_attempt(
        self, escalation_id: str, people: int, conn: AsyncConnection | None = None
    ) -> None:
        """`people` more were rung or alerted."""
        async with self._tx(conn) as conn:
            await conn.execute(
                update(_ESC)
                .where(_ESC.c.id == escalation_id)
                .values(attempts=_ESC.c.attempts + people)
            )

    async def take(self, escalation_id: str, staff_id: str, now: datetime) -> str | None:
        """Give the escalation to `staff_id` unless someone has it; its timers stop.

        Returns None when `staff_id` now holds it (or already did), else who holds it
        ("" when it ended untaken).
        """
        async with self.engine.begin() as conn:
            taken = await conn.execute(
                update(_ESC)
                .where(_ESC.c.id == escalation_id, _ESC.c.staff_id.is_(None))
                .where(_ESC.c.ended_at.is_(None))
                .values(staff_id=staff_id, answered_at=now)
            )
            if taken.rowcount == 1:
                await conn.execute(delete(_TIMERS).where(_TIMERS.c.escalation_id == escalation_id))
                return None
            holder = (
                await conn.execute(select(_ESC.c.staff_id).where(_ESC.c.id == escalation_id))
            ).scalar_one_or_none()
        return None if holder == staff_id else (holder or "")

    async def end(
        self,
        escalation_id: str,
        outcome: str,
        now: datetime,
        conn: AsyncConnection | None = None,
    ) -> bool:
        """End a record that has not ended; False when it already had."""
        async with self._tx(conn) as conn:
            return await _end_record(conn, escalation_id, outcome, now)

    async def records(self, since: datetime) -> list[tuple[EscalationRow, dict[str, Any]]]:
        """Every record started since `since`, with its call log row (anonymous)."""
        async with self.engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(
                        _ESC,
                        _LOG.c.path.label("log_path"),
                        _LOG.c.outcome.label("log_outcome"),
                        _LOG.c.duration_s.label("log_duration_s"),
                    )
                    .join(_LOG, _LOG.c.id == _ESC.c.log_id)
                    .where(_ESC.c.started_at >= since)
                    .order_by(_ESC.c.started_at)
                )
            ).all()
        return [
            (
                _escalation(row),
                {
                    "path": row.log_path,
                    "outcome": row.log_outcome,
                    "duration_s": row.log_duration_s,
                },
            )
            for row in rows
        ]

    # -- durable timers -------------------------------------------------------------------

    async def schedule(
        self,
        escalation_id: str,
        stages: list[tuple[int, datetime]],
        conn: AsyncConnection | None = None,
    ) -> None:
        """Run each (stage, due) of an escalation unless it is taken first."""
        async with self._tx(conn) as conn:
            await conn.execute(
                insert(_TIMERS),
                [
                    {"escalation_id": escalation_id, "stage": stage, "due_at": due}
                    for stage, due in stages
                ],
            )

    async def claim_due(self, now: datetime, limit: int = DUE_BATCH) -> list[DueTimer]:
        """Timers due by `now`, marked fired in this same transaction: each fires once.

        On PostgreSQL concurrent ticks skip each other's rows (FOR UPDATE SKIP LOCKED);
        SQLite has one writer at a time, which gives the same guarantee.
        """
        async with self.engine.begin() as conn:
            due = (
                await conn.execute(
                    select(_TIMERS.c.id, _TIMERS.c.escalation_id, _TIMERS.c.stage, _TIMERS.c.due_at)
                    .where(_TIMERS.c.fired_at.is_(None), _TIMERS.c.due_at <= now)
                    .order_by(_TIMERS.c.due_at)
                    .limit(limit)
                    .with_for_update(skip_locked=True)
                )
            ).all()
            if not due:
                return []
            await conn.execute(
                update(_TIMERS)
                .where(_TIMERS.c.id.in_([row.id for row in due]), _TIMERS.c.fired_at.is_(None))
                .values(fired_at=now)
            )
            escalations = {
                row.id: _escalation(row)
                for row in (
                    await conn.execute(
                        select(_ESC).where(_ESC.c.id.in_({row.escalation_id for row in due}))
                    )
                ).all()
            }
            fired: list[DueTimer] = []
            for row in due:
                escalation = escalations[row.escalation_id]
                if not escalation.open:
                    continue
                await conn.execute(
                    update(_ESC)
                    .where(_ESC.c.id == row.escalation_id, _ESC.c.stage < row.stage)
                    .values(stage=row.stage)
                )
                fired.append(DueTimer(escalation, row.stage, row.due_at))
        return fired

    # -- callback tasks -------------------------------------------------------------------

    async def add_task(
        self,
        escalation_id: str,
        *,
        kind: str,
        contact: str | None,
        recording_url: str | None,
        duration_s: int | None,
        expires_at: datetime,
        conn: AsyncConnection | None = None,
    ) -> None:
        """Keep what is needed to call back, encrypted, until `expires_at` at the latest."""
        async with self._tx(conn) as conn:
            await conn.execute(
                insert(_TASKS).values(
                    escalation_id=escalation_id,
                    kind=kind,
                    contact=contact,
                    recording_url=recording_url,
                    duration_s=duration_s,
                    expires_at=expires_at,
                )
            )

    async def task(self, escalation_id: str) -> TaskRow | None:
        """One task."""
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(select(_TASKS).where(_TASKS.c.escalation_id == escalation_id))
            ).first()
        return TaskRow(**row._mapping) if row else None

    async def close_task(self, escalation_id: str, now: datetime, outcome: str) -> bool:
        """Close a task: the number and the recording link are deleted, the record ends."""
        async with self.engine.begin() as conn:
            closed = await conn.execute(
                update(_TASKS)
                .where(_TASKS.c.escalation_id == escalation_id, _TASKS.c.closed_at.is_(None))
                .values(contact=None, recording_url=None, closed_at=now)
            )
            await _end_record(conn, escalation_id, outcome, now)
        return bool(closed.rowcount == 1)

    async def expire_tasks(self, now: datetime) -> int:
        """Close every task past its keeping time; returns how many."""
        async with self.engine.connect() as conn:
            ids = (
                await conn.execute(
                    select(_TASKS.c.escalation_id).where(
                        _TASKS.c.closed_at.is_(None), _TASKS.c.expires_at <= now
                    )
                )
            ).scalars()
            expired = list(ids)
        for escalation_id in expired:
            await self.close_task(escalation_id, now, Result.EXPIRED)
        return len(expired)

    # -- chat cases -----------------------------------------------------------------------

    async def open_case(
        self,
        escalation_id: str,
        session_key: str,
        address: str,
        conn: AsyncConnection | None = None,
    ) -> None:
        """A chat case for a session; `address` encrypted."""
        async with self._tx(conn) as conn:
            await conn.execute(
                insert(_CASES).values(
                    escalation_id=escalation_id,
                    session_key=session_key,
                    address=address,
                    pending=[],
                )
            )

    async def case_of_session(
        self, session_key: str, conn: AsyncConnection | None = None, *, kind: str | None = None
    ) -> tuple[CaseRow, EscalationRow] | None:
        """The newest open case of a chat session (of one kind, if given), if any."""
        query = (
            select(_CASES.c.escalation_id)
            .join(_ESC, _ESC.c.id == _CASES.c.escalation_id)
            .where(_CASES.c.session_key == session_key, _CASES.c.closed_at.is_(None))
            .order_by(_ESC.c.started_at.desc())
            .limit(1)
        )
        if kind is not None:
            query = query.where(_ESC.c.kind == kind)
        async with self._tx(conn) as conn:
            row = (await conn.execute(query)).first()
            return await self.case(row.escalation_id, conn) if row else None

    async def case(
        self, escalation_id: str, conn: AsyncConnection | None = None
    ) -> tuple[CaseRow, EscalationRow] | None:
        """A case and its record."""
        async with self._tx(conn) as conn:
            row = (
                await conn.execute(
                    select(_CASES, _ESC)
                    .join(_ESC, _ESC.c.id == _CASES.c.escalation_id)
                    .where(_CASES.c.escalation_id == escalation_id)
                )
            ).first()
        if row is None:
            return None
        case = CaseRow(
            escalation_id=row.escalation_id,
            session_key=row.session_key,
            address=row.address,
            pending=tuple(row.pending or ()),
            closed_at=row.closed_at,
        )
        return case, _escalation(row)

    async def latest_case_of(self, staff_id: str) -> str | None:
        """The open case a staff member took last: where a message not replying to one goes."""
        async with self.engine.connect() as conn:
            return (
                await conn.execute(
                    select(_ESC.c.id)
                    .join(_CASES, _CASES.c.escalation_id == _ESC.c.id)
                    .where(_ESC.c.staff_id == staff_id, _CASES.c.closed_at.is_(None))
                    .order_by(_ESC.c.answered_at.desc())
                    .limit(1)
                )
            ).scalar_one_or_none()

    async def keep_pending(
        self, escalation_id: str, text: str, conn: AsyncConnection | None = None
    ) -> None:
        """Keep a message (encrypted) written before anyone took the case."""
        async with self._tx(conn) as conn:
            current = (
                await conn.execute(
                    select(_CASES.c.pending).where(_CASES.c.escalation_id == escalation_id)
                )
            ).scalar_one()
            await conn.execute(
                update(_CASES)
                .where(_CASES.c.escalation_id == escalation_id)
                .values(pending=[*(current or []), text])
            )

    async def take_pending(self, escalation_id: str) -> list[str]:
        """The kept messages, forgotten as they are handed over."""
        async with self.engine.begin() as conn:
            current = (
                await conn.execute(
                    select(_CASES.c.pending).where(_CASES.c.escalation_id == escalation_id)
                )
            ).scalar_one()
            await conn.execute(
                update(_CASES).where(_CASES.c.escalation_id == escalation_id).values(pending=[])
            )
        return list(current or [])

    async def close_case(
        self,
        escalation_id: str,
        now: datetime,
        outcome: str,
        conn: AsyncConnection | None = None,
    ) -> bool:
        """Close a case: its address, kept texts and question are deleted, the record ends."""
        async with self._tx(conn) as conn:
            closed = await conn.execute(
                update(_CASES)
                .where(_CASES.c.escalation_id == escalation_id, _CASES.c.closed_at.is_(None))
                .values(address=None, pending=[], closed_at=now)
            )
            await conn.execute(delete(_QUESTIONS).where(_QUESTIONS.c.id == escalation_id))
            await _end_record(conn, escalation_id, outcome, now)
        return bool(closed.rowcount == 1)

    # -- questions ------------------------------------------------------------------------

    async def question(self, escalation_id: str) -> str | None:
        """The text (encrypted) of the question a case was opened for, while it is open."""
        async with self.engine.connect() as conn:
            query = select(_QUESTIONS.c.text).where(_QUESTIONS.c.id == escalation_id)
            return (await conn.execute(query)).scalar_one_or_none()

    async def expire_questions(self, before: datetime, now: datetime) -> int:
        """Close every question case opened before `before` and delete every question
        written before it (nobody closed them within the keeping time); returns how many."""
        async with self.engine.connect() as conn:
            expired = list(
                (
                    await conn.execute(
                        select(_ESC.c.id)
                        .join(_CASES, _CASES.c.escalation_id == _ESC.c.id)
                        .where(
                            _ESC.c.kind == Kind.QUESTION,
                            _CASES.c.closed_at.is_(None),
                            _ESC.c.started_at < before,
                        )
                    )
                ).scalars()
            )
        for escalation_id in expired:
            await self.close_case(escalation_id, now, Result.EXPIRED)
        async with self.engine.begin() as conn:  # questions kept without a case
            await conn.execute(delete(_QUESTIONS).where(_QUESTIONS.c.created_at < before))
        return len(expired)

    # -- staff notices --------------------------------------------------------------------

    async def add_notice(
        self, escalation_id: str, *, chat: str, chat_ref: str, message_id: int, now: datetime
    ) -> None:
        """Remember a message sent to staff about an escalation."""
        async with self.engine.begin() as conn:
            await conn.execute(
                insert(_NOTICES).values(
                    escalation_id=escalation_id,
                    chat=chat,
                    chat_ref=chat_ref,
                    message_id=message_id,
                    sent_at=now,
                )
            )

    async def notices(self, escalation_id: str) -> list[Notice]:
        """Every staff message about an escalation."""
        async with self.engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(_NOTICES.c.escalation_id, _NOTICES.c.chat, _NOTICES.c.message_id)
                    .where(_NOTICES.c.escalation_id == escalation_id)
                    .order_by(_NOTICES.c.id)
                )
            ).all()
        return [Notice(row.escalation_id, row.chat, row.message_id) for row in rows]

    async def escalation_of_notice(self, chat_ref: str, message_id: int) -> str | None:
        """Which escalation a staff message (replied to) is about."""
        async with self.engine.connect() as conn:
            return (
                await conn.execute(
                    select(_NOTICES.c.escalation_id)
                    .where(
                        and_(_NOTICES.c.chat_ref == chat_ref, _NOTICES.c.message_id == message_id)
                    )
                    .limit(1)
                )
            ).scalar_one_or_none()

    async def forget_notices(self, before: datetime) -> int:
        """Drop notices of escalations that ended before `before`."""
        async with self.engine.begin() as conn:
            ended = select(_ESC.c.id).where(_ESC.c.ended_at < before)
            result = await conn.execute(delete(_NOTICES).where(_NOTICES.c.escalation_id.in_(ended)))
        return int(result.rowcount or 0)


async def _end_record(
    conn: AsyncConnection, escalation_id: str, outcome: str, now: datetime
) -> bool:
    """End a record that has not ended, and drop its timers; False when it had ended."""
    result = await conn.execute(
        update(_ESC)
        .where(_ESC.c.id == escalation_id, _ESC.c.ended_at.is_(None))
        .values(outcome=outcome, ended_at=now)
    )
    await conn.execute(delete(_TIMERS).where(_TIMERS.c.escalation_id == escalation_id))
    return bool(result.rowcount == 1)


def _escalation(row: Any) -> EscalationRow:
    m = row._mapping
    return EscalationRow(
        id=m["id"],
        log_id=m["log_id"],
        kind=m["kind"],
        channel=m["channel"],
        language=m["language"],
        reason=m["reason"],
        started_at=m["started_at"],
        answered_at=m["answered_at"],
        staff_id=m["staff_id"],
        attempts=m["attempts"],
        stage=m["stage"],
        outcome=m["outcome"],
        ended_at=m["ended_at"],
    )
