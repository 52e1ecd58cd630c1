"""Check-in answers on the plan's rows, on one unit of work's connection."""

from __future__ import annotations

import builtins
from collections.abc import Collection
from datetime import datetime
from typing import cast

from sqlalchemy import Table, and_, or_, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from hotline.reminders.campaign import RecipientKind
from hotline.reminders.plan import RowStatus
from hotline.reminders.ports import SILENT, StoredMessage
from hotline.storage.models import PlannedMessageRow
from hotline.storage.planned import stored_message

__all__ = ["SqlAnswers"]


_PLAN = cast(Table, PlannedMessageRow.__table__)
_CHUNK = 500  # case codes a statement
_OUT = (RowStatus.SENT, RowStatus.DELIVERED)
# A check-in call that rang and was not answered (nobody, busy, a machine) is the person's
# silence too; a message that never reached them is not.
_UNANSWERED_CALL = and_(_PLAN.c.status == RowStatus.FAILED, _PLAN.c.channel == "voice")


class SqlAnswers:
    """The AnswerRepository of a unit of work."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def record(self, row_id: int, answer: str, now: datetime) -> StoredMessage | None:
        """Keep the answer to a check-in; the row, or None when there is none."""
        await self.conn.execute(
            update(_PLAN)
            .where(_PLAN.c.id == row_id, _PLAN.c.flow.is_not(None))
            .values(answer=answer, answered_at=now)
        )
        row = (await self.conn.execute(select(_PLAN).where(_PLAN.c.id == row_id))).first()
        return None if row is None or row.flow is None else stored_message(row)

    async def opened(self, row_id: int, conversation: str) -> None:
        """The check-in of a row opened this chat conversation."""
        await self.conn.execute(
            update(_PLAN).where(_PLAN.c.id == row_id).values(conversation=conversation)
        )

    async def pending(self, conversation: str, since: datetime) -> StoredMessage | None:
        """The latest check-in of the conversation since `since` still without an answer."""
        row = (
            await self.conn.execute(
                select(_PLAN)
                .where(
                    _PLAN.c.conversation == conversation,
                    _PLAN.c.sent_at >= since,
                    _PLAN.c.status.in_(_OUT),
                    or_(_PLAN.c.answer.is_(None), _PLAN.c.answer == SILENT),
                )
                .order_by(_PLAN.c.sent_at.desc())
                .limit(1)
            )
        ).first()
        return None if row is None else stored_message(row)

    async def overdue(self, before: datetime, limit: int) -> builtins.list[StoredMessage]:
        """Check-ins out before `before` with no answer, locked (others skip them)."""
        result = await self.conn.execute(
            select(_PLAN)
            .where(
                _PLAN.c.flow.is_not(None),
                or_(_PLAN.c.status.in_(_OUT), _UNANSWERED_CALL),
                _PLAN.c.answer.is_(None),
                _PLAN.c.sent_at < before,
            )
            .order_by(_PLAN.c.sent_at)
            .limit(limit)
            .with_for_update(skip_locked=True)
        )
        return [stored_message(row) for row in result]

    async def mark_silent(self, row_ids: Collection[int]) -> None:
        """These check-ins went unanswered (unless an answer came meanwhile)."""
        if row_ids:
            await self.conn.execute(
                update(_PLAN)
                .where(_PLAN.c.id.in_(list(row_ids)), _PLAN.c.answer.is_(None))
                .values(answer=SILENT)
            )

    async def latest(self, recipient_ref: str, limit: int) -> builtins.list[str | None]:
        """The answers to a recipient's last check-ins that went out, newest first."""
        result = await self.conn.execute(
            select(_PLAN.c.answer)
            .where(
                _PLAN.c.recipient_ref == recipient_ref,
                _PLAN.c.flow.is_not(None),
                or_(_PLAN.c.status.in_(_OUT), _PLAN.c.answer.is_not(None)),
            )
            .order_by(_PLAN.c.sent_at.desc(), _PLAN.c.id.desc())
            .limit(limit)
        )
        return [row.answer for row in result]

    async def recent(
        self, participants: Collection[str], limit: int
    ) -> dict[str, builtins.list[str | None]]:
        """The answers to each participant's own last `limit` check-ins that went out,
        newest first (as `latest`, for a caseload at once)."""
        found: dict[str, builtins.list[str | None]] = {}
        wanted = sorted(set(participants))
        for start in range(0, len(wanted), _CHUNK):
            result = await self.conn.execute(
                select(_PLAN.c.participant, _PLAN.c.answer)
                .where(
                    _PLAN.c.participant.in_(wanted[start : start + _CHUNK]),
                    _PLAN.c.recipient_kind == RecipientKind.PARTICIPANT.value,
                    _PLAN.c.flow.is_not(None),
                    or_(_PLAN.c.status.in_(_OUT), _PLAN.c.answer.is_not(None)),
                )
                .order_by(_PLAN.c.participant, _PLAN.c.sent_at.desc(), _PLAN.c.id.desc())
            )
            for row in result:
                answers = found.setdefault(row.participant, [])
                if len(answers) < limit:
                    answers.append(row.answer)
        return found

    async def of_participant(self, participant: str) -> dict[int, tuple[str, datetime | None]]:
        """The answers kept for a participant's check-ins (and their family's), by row id."""
        result = await self.conn.execute(
            select(_PLAN.c.id, _PLAN.c.answer, _PLAN.c.answered_at).where(
                _PLAN.c.participant == participant, _PLAN.c.answer.is_not(None)
            )
        )
        return {int(row.id): (str(row.answer), row.answered_at) for row in result}
