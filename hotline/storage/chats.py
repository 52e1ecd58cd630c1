"""Chat-only rows, written in the same transaction as the chat's session step."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Table, delete, exists, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncEngine

from hotline.storage.models import ChatUpdate, OptOut, Question
from hotline.storage.sessions import SessionUnit

_UPDATES = cast(Table, ChatUpdate.__table__)
_OPT_OUTS = cast(Table, OptOut.__table__)
_QUESTIONS = cast(Table, Question.__table__)


class ChatRecords:
    """Deduplication, opt-outs and questions, inside one unit of work."""

    def __init__(self, unit: SessionUnit) -> None:
        self.conn = unit.conn

    async def first_delivery(self, channel: str, update_id: str, now: datetime) -> bool:
        """Record an update as handled; False when it was handled before (a redelivery).

        Written in the step's own transaction: if the step fails, the mark rolls back too,
        and the service's redelivery is handled as the first one.
        """
        dialect = postgresql if self.conn.dialect.name == "postgresql" else sqlite
        statement = (
            dialect.insert(_UPDATES)
            .values(channel=channel, update_id=update_id, received_at=now)
            .on_conflict_do_nothing()
        )
        result = await self.conn.execute(statement)
        return bool(result.rowcount)

    async def opted_out(self, subscriber: str) -> bool:
        """True when this pseudonym asked for no more messages."""
        query = select(exists().where(_OPT_OUTS.c.subscriber == subscriber))
        return bool((await self.conn.execute(query)).scalar())

    async def opt_out(self, subscriber: str, channel: str, now: datetime) -> bool:
        """Stop every message to this pseudonym; False when they had opted out already."""
        # Conflict-safe: two STOPs from one person may arrive at once, in two processes,
        # and exactly one of them is the first (the one that gets the confirmation).
        dialect = postgresql if self.conn.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(_OPT_OUTS).values(
            subscriber=subscriber, channel=channel, created_at=now
        )
        result = await self.conn.execute(
            statement.on_conflict_do_nothing(index_elements=["subscriber"])
        )
        return bool(result.rowcount)

    async def opt_in(self, subscriber: str) -> None:
        """They came back (/start, START)."""
        await self.conn.execute(delete(_OPT_OUTS).where(_OPT_OUTS.c.subscriber == subscriber))

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


async def forget_deliveries(engine: AsyncEngine, before: datetime) -> int:
    """Drop delivery marks older than any redelivery (Telegram retries for about a day)."""
    async with engine.begin() as conn:
        result = await conn.execute(delete(_UPDATES).where(_UPDATES.c.received_at < before))
    return int(result.rowcount or 0)


DELIVERY_MEMORY = timedelta(days=2)
