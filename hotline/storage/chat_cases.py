"""Chat cases and the questions they carry, on one unit of work's connection.

A case's address and kept texts, a question's text and the messages of a taken case arrive
encrypted already; closing a case deletes them.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import cast

from sqlalchemy import Select, Table, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import BindParameter

from hotline.escalation.model import CaseLine, CaseRow, EscalationRow, Kind, Result
from hotline.storage.case_tables import CaseMessage
from hotline.storage.escalation_records import ESCALATIONS, end_record, escalation_row
from hotline.storage.models import ChatCase, Question

_CASES = cast(Table, ChatCase.__table__)
_LINES = cast(Table, CaseMessage.__table__)
_QUESTIONS = cast(Table, Question.__table__)
_ESC = ESCALATIONS


def newest_open_case(
    session_key: str | BindParameter[str], kind: Kind | None = None
) -> Select[tuple[str]]:
    """The escalation id of a session's newest open case (of one kind, if given)."""
    query = (
        select(_CASES.c.escalation_id)
        .join(_ESC, _ESC.c.id == _CASES.c.escalation_id)
        .where(_CASES.c.session_key == session_key, _CASES.c.closed_at.is_(None))
        .order_by(_ESC.c.started_at.desc())
        .limit(1)
    )
    return query if kind is None else query.where(_ESC.c.kind == kind)


class SqlCases:
    """The CaseRepository of a unit of work."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def open(self, escalation_id: str, session_key: str, address: str) -> None:
        """A chat case for a session; `address` encrypted."""
        await self.conn.execute(
            insert(_CASES).values(
                escalation_id=escalation_id,
                session_key=session_key,
                address=address,
                pending=[],
            )
        )

    async def of_session(
        self, session_key: str, *, kind: Kind | None = None
    ) -> tuple[CaseRow, EscalationRow] | None:
        """The newest open case of a chat session (of one kind, if given), if any."""
        row = (await self.conn.execute(newest_open_case(session_key, kind))).first()
        return await self.get(row.escalation_id) if row else None

    async def get(self, escalation_id: str) -> tuple[CaseRow, EscalationRow] | None:
        """A case and its record."""
        row = (
            await self.conn.execute(
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
        return case, escalation_row(row)

    async def latest_of(self, staff_id: str) -> str | None:
        """The open case a staff member took last: where a message not replying to one goes."""
        query = (
            select(_ESC.c.id)
            .join(_CASES, _CASES.c.escalation_id == _ESC.c.id)
            .where(_ESC.c.staff_id == staff_id, _CASES.c.closed_at.is_(None))
            .order_by(_ESC.c.answered_at.desc())
            .limit(1)
        )
        return (await self.conn.execute(query)).scalar_one_or_none()

    async def keep_pending(self, escalation_id: str, text: str) -> None:
        """Keep a message (encrypted) written before anyone took the case."""
        current = (
            await self.conn.execute(
                select(_CASES.c.pending).where(_CASES.c.escalation_id == escalation_id)
            )
        ).scalar_one()
        await self.conn.execute(
            update(_CASES)
            .where(_CASES.c.escalation_id == escalation_id)
            .values(pending=[*(current or []), text])
        )

    async def take_pending(self, escalation_id: str) -> list[str]:
        """The kept messages, forgotten as they are handed over."""
        current = (
            await self.conn.execute(
                select(_CASES.c.pending).where(_CASES.c.escalation_id == escalation_id)
            )
        ).scalar_one()
        await self.conn.execute(
            update(_CASES).where(_CASES.c.escalation_id == escalation_id).values(pending=[])
        )
        return list(current or [])

    async def add_line(
        self, escalation_id: str, staff_id: str | None, text: str, now: datetime
    ) -> bool:
        """Keep a message (encrypted) of a taken case while it is open; False if it is not."""
        query = select(_CASES.c.closed_at).where(_CASES.c.escalation_id == escalation_id)
        found = (await self.conn.execute(query)).first()
        if found is None or found.closed_at is not None:
            return False
        await self.conn.execute(
            insert(_LINES).values(
                escalation_id=escalation_id, staff_id=staff_id, text=text, written_at=now
            )
        )
        return True

    async def lines(self, escalation_id: str) -> list[CaseLine]:
        """The messages kept of an open case, oldest first (texts encrypted)."""
        query = (
            select(_LINES.c.staff_id, _LINES.c.text, _LINES.c.written_at)
            .where(_LINES.c.escalation_id == escalation_id)
            .order_by(_LINES.c.id)
        )
        rows = (await self.conn.execute(query)).all()
        return [CaseLine(row.staff_id, row.text, row.written_at) for row in rows]

    async def close(self, escalation_id: str, now: datetime, outcome: Result) -> bool:
        """Close a case: its address, kept texts, messages and question are deleted, the
        record ends."""
        closed = await self.conn.execute(
            update(_CASES)
            .where(_CASES.c.escalation_id == escalation_id, _CASES.c.closed_at.is_(None))
            .values(address=None, pending=[], closed_at=now)
        )
        await self.conn.execute(delete(_QUESTIONS).where(_QUESTIONS.c.id == escalation_id))
        await self.conn.execute(delete(_LINES).where(_LINES.c.escalation_id == escalation_id))
        await end_record(self.conn, escalation_id, outcome, now)
        return bool(closed.rowcount == 1)

    # -- questions ------------------------------------------------------------------------

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
        """File a question (already encrypted) for a specialist; returns its id (the id of
        the escalation that carries it, when there is one)."""
        question_id = question_id or str(uuid.uuid4())
        await self.conn.execute(
            _QUESTIONS.insert().values(
                id=question_id,
                log_id=log_id,
                channel=channel,
                language=language,
                reply_to=reply_to,
                text=text,
                created_at=now,
            )
        )
        return question_id

    async def question(self, escalation_id: str) -> str | None:
        """The text (encrypted) of the question a case was opened for, while it is open."""
        query = select(_QUESTIONS.c.text).where(_QUESTIONS.c.id == escalation_id)
        return (await self.conn.execute(query)).scalar_one_or_none()

    async def expired_questions(self, before: datetime) -> list[str]:
        """The open question cases opened before `before` (nobody closed them in time)."""
        query = (
            select(_ESC.c.id)
            .join(_CASES, _CASES.c.escalation_id == _ESC.c.id)
            .where(
                _ESC.c.kind == Kind.QUESTION,
                _CASES.c.closed_at.is_(None),
                _ESC.c.started_at < before,
            )
        )
        return list((await self.conn.execute(query)).scalars())

    async def forget_questions(self, before: datetime) -> None:
        """Delete every question written before `before`, those kept without a case too."""
        await self.conn.execute(delete(_QUESTIONS).where(_QUESTIONS.c.created_at < before))
