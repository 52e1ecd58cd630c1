"""The Telegram outbox's rows on one unit of work's connection (`conversations.sends`).

A claim is one statement, an UPDATE of the rows whose lease ran out: on PostgreSQL its
subquery locks them FOR UPDATE SKIP LOCKED, so two processes claiming at once take
different rows; SQLite has one writer at a time, and the condition on the lease does it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.ext.asyncio import AsyncConnection

from hotline.conversations.sends import HeldSend, NewSend
from hotline.storage.outbox_tables import TelegramSendRow

_ROWS = cast(Table, TelegramSendRow.__table__)
_HELD = (_ROWS.c.id, _ROWS.c.chat, _ROWS.c.payload, _ROWS.c.request_id, _ROWS.c.attempts)
# Built once: a chat's every reply is written by it (building a statement per row cost more
# than its round trip).
_PUT = (
    insert(_ROWS)
    .values(
        chat=bindparam("p_chat"),
        payload=bindparam("p_payload"),
        request_id=bindparam("p_request_id"),
        created_at=bindparam("p_now"),
        claimed_by=bindparam("p_holder"),
        claimed_until=bindparam("p_until"),
        attempts=1,
    )
    .returning(*_HELD)
)


class SqlSends:
    """The SendRepository of a unit of work."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def put(
        self, sends: Sequence[NewSend], *, holder: str, until: datetime, now: datetime
    ) -> list[HeldSend]:
        """Write rows held by `holder` until `until`; returned in the order given."""
        held = []
        for send in sends:  # one at a time: the ids must follow the order given
            values = {
                "p_chat": send.chat,
                "p_payload": send.payload,
                "p_request_id": send.request_id,
                "p_now": now,
                "p_holder": holder,
                "p_until": until,
            }
            row = (await self.conn.execute(_PUT, values)).one()
            held.append(HeldSend(*row))
        return held

    async def claim(
        self, *, holder: str, until: datetime, now: datetime, limit: int
    ) -> list[HeldSend]:
        """Take rows whose lease ran out (oldest first), skipping rows another claim holds."""
        due = (
            select(_ROWS.c.id)
            .where(_ROWS.c.claimed_until < now)
            .order_by(_ROWS.c.id)
            .limit(limit)
            .with_for_update(skip_locked=True)  # PostgreSQL; SQLite renders nothing
            .scalar_subquery()
        )
        rows = await self.conn.execute(
            update(_ROWS)
            .where(_ROWS.c.id.in_(due), _ROWS.c.claimed_until < now)
            .values(claimed_by=holder, claimed_until=until, attempts=_ROWS.c.attempts + 1)
            .returning(*_HELD)
        )
        return sorted((HeldSend(*row) for row in rows.all()), key=lambda h: h.id)

    async def renew(self, holder: str, ids: Sequence[int], until: datetime) -> None:
        """Extend the lease of rows `holder` still holds."""
        if ids:
            await self.conn.execute(
                update(_ROWS)
                .where(_ROWS.c.id.in_(ids), _ROWS.c.claimed_by == holder)
                .values(claimed_until=until)
            )

    async def forget(self, ids: Sequence[int]) -> None:
        """Delete rows: sent, or given up."""
        if ids:
            await self.conn.execute(delete(_ROWS).where(_ROWS.c.id.in_(ids)))
