"""The staff's secret calendar feeds on SQLAlchemy: `uow.calendar_feeds` (accounts.calendar)."""

from __future__ import annotations

from datetime import datetime
from typing import cast

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.ext.asyncio import AsyncConnection

from hotline.storage.dashboard_tables import CalendarFeedRow

_FEEDS = cast(Table, CalendarFeedRow.__table__)


class SqlCalendarFeeds:
    """The calendar feed repository on one connection (one unit of work)."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def replace(self, staff_id: str, token_hash: str, now: datetime) -> None:
        """Give a person a new feed; their old one (if any) stops working."""
        await self.conn.execute(delete(_FEEDS).where(_FEEDS.c.staff_id == staff_id))
        await self.conn.execute(
            insert(_FEEDS).values(token_hash=token_hash, staff_id=staff_id, created_at=now)
        )

    async def revoke(self, staff_id: str) -> bool:
        """Forget a person's feed; whether they had one."""
        result = await self.conn.execute(delete(_FEEDS).where(_FEEDS.c.staff_id == staff_id))
        return bool(result.rowcount)

    async def owner(self, token_hash: str) -> str | None:
        """Whose feed a token's hash is."""
        query = select(_FEEDS.c.staff_id).where(_FEEDS.c.token_hash == token_hash)
        found = (await self.conn.execute(query)).scalar()
        return str(found) if found is not None else None

    async def created(self, staff_id: str) -> datetime | None:
        """When a person's feed was made (None: they have none)."""
        query = select(_FEEDS.c.created_at).where(_FEEDS.c.staff_id == staff_id)
        found = (await self.conn.execute(query)).scalar()
        return cast(datetime | None, found)
