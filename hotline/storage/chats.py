"""Chat-only rows (delivery marks, opt-outs), written in the chat step's unit of work."""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, exists, literal, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import BindParameter

from hotline.escalation.model import Kind
from hotline.escalation.ports import ChatStanding
from hotline.storage.chat_cases import newest_open_case
from hotline.storage.models import ChatUpdate, OptOut
from hotline.storage.sessions import RECALL_LANGUAGE, SESSION_COLUMNS, stored_session

_UPDATES = cast(Table, ChatUpdate.__table__)
_OPT_OUTS = cast(Table, OptOut.__table__)
_SESSIONS = SESSION_COLUMNS[0].table
_MARK: dict[str, BindParameter[Any]] = {
    "channel": bindparam("p_channel"),
    "update_id": bindparam("p_update_id"),
    "received_at": bindparam("p_now"),
}
_MARK_DELIVERY = {
    "postgresql": postgresql.insert(_UPDATES).values(_MARK).on_conflict_do_nothing(),
    "sqlite": sqlite.insert(_UPDATES).values(_MARK).on_conflict_do_nothing(),
}
# Built once: the session under the key (if any), the opt-out, the open chat case and the
# language the person chose last.
_ONE_ROW = select(literal(1).label("one")).subquery()
_STANDING = select(
    exists().where(_OPT_OUTS.c.subscriber == bindparam("p_subscriber")).label("opted_out"),
    newest_open_case(bindparam("p_key"), Kind.CHAT).scalar_subquery().label("chat_case"),
    RECALL_LANGUAGE.scalar_subquery().label("language"),  # its parameter: p_caller
    *SESSION_COLUMNS,
).select_from(_ONE_ROW.outerjoin(_SESSIONS, _SESSIONS.c.key == bindparam("p_key")))


class SqlChats:
    """The ChatRepository of a unit of work: deduplication and opt-outs."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def first_delivery(self, channel: str, update_id: str, now: datetime) -> bool:
        """Record an update as handled; False when it was handled before (a redelivery).

        Written in the step's own transaction: if the step fails, the mark rolls back too,
        and the service's redelivery is handled as the first one.
        """
        result = await self.conn.execute(
            _MARK_DELIVERY[self.conn.dialect.name],
            {"p_channel": channel, "p_update_id": update_id, "p_now": now},
        )
        return bool(result.rowcount)

    async def standing(self, key: str, subscriber: str) -> ChatStanding:
        """The session under `key`, whether `subscriber` opted out, the session's open chat
        case and the language they chose last: what each message needs first, in one round
        trip instead of up to four."""
        params = {"p_key": key, "p_subscriber": subscriber, "p_caller": subscriber}
        row = (await self.conn.execute(_STANDING, params)).one()
        return ChatStanding(
            session=stored_session(row) if row.key is not None else None,
            opted_out=bool(row.opted_out),
            chat_case=row.chat_case,
            language=row.language,
        )

    async def opted_out(self, subscriber: str) -> bool:
        """True when this pseudonym asked for no more messages."""
        query = select(exists().where(_OPT_OUTS.c.subscriber == subscriber))
        return bool((await self.conn.execute(query)).scalar())

    async def opted_out_among(self, subscribers: Collection[str]) -> set[str]:
        """Those of these pseudonyms that asked for no more messages."""
        if not subscribers:
            return set()
        query = select(_OPT_OUTS.c.subscriber).where(_OPT_OUTS.c.subscriber.in_(list(subscribers)))
        return {str(s) for s in (await self.conn.execute(query)).scalars()}

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

    async def forget_deliveries(self, before: datetime) -> int:
        """Drop delivery marks older than any redelivery (Telegram retries for about a day)."""
        result = await self.conn.execute(delete(_UPDATES).where(_UPDATES.c.received_at < before))
        return int(result.rowcount or 0)


DELIVERY_MEMORY = timedelta(days=2)
