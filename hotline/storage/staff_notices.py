"""Staff notices on one unit of work's connection: which staff message is about which
escalation (its chat encrypted, found by a keyed pseudonym)."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Table, and_, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from hotline.escalation.model import Notice
from hotline.storage.escalation_records import ESCALATIONS
from hotline.storage.models import StaffNotice

_NOTICES = cast(Table, StaffNotice.__table__)


class SqlNotices:
    """The NoticeRepository of a unit of work."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def add(
        self, escalation_id: str, *, chat: str, chat_ref: str, message_id: int, now: datetime
    ) -> None:
        """Remember a message sent to staff about an escalation."""
        await self.conn.execute(
            insert(_NOTICES).values(
                escalation_id=escalation_id,
                chat=chat,
                chat_ref=chat_ref,
                message_id=message_id,
                sent_at=now,
            )
        )

    async def of_escalation(self, escalation_id: str) -> list[Notice]:
        """Every staff message about an escalation."""
        rows = (
            await self.conn.execute(
                select(_NOTICES.c.escalation_id, _NOTICES.c.chat, _NOTICES.c.message_id)
                .where(_NOTICES.c.escalation_id == escalation_id)
                .order_by(_NOTICES.c.id)
            )
        ).all()
        return [Notice(row.escalation_id, row.chat, row.message_id) for row in rows]

    async def escalation_of(self, chat_ref: str, message_id: int) -> str | None:
        """Which escalation a staff message (replied to) is about."""
        return (
            await self.conn.execute(
                select(_NOTICES.c.escalation_id)
                .where(and_(_NOTICES.c.chat_ref == chat_ref, _NOTICES.c.message_id == message_id))
                .limit(1)
            )
        ).scalar_one_or_none()

    async def forget(self, before: datetime) -> int:
        """Drop notices of escalations that ended before `before`."""
        ended = select(ESCALATIONS.c.id).where(ESCALATIONS.c.ended_at < before)
        result = await self.conn.execute(
            delete(_NOTICES).where(_NOTICES.c.escalation_id.in_(ended))
        )
        return int(result.rowcount or 0)
