"""The anonymous counts of what people asked the services directory (one upsert an ask),
and the region a caller last chose, by pseudonym."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from hotline.directory.ports import AskCount
from hotline.storage.directory_tables import CallerRegion, DirectoryAsk
from hotline.storage.models import CallLogEntry

_ASKS = cast(Table, DirectoryAsk.__table__)
_REGIONS = cast(Table, CallerRegion.__table__)
_LOG = cast(Table, CallLogEntry.__table__)
_KEY = ["day", "channel", "language", "region", "category", "kind"]


def _upsert(dialect: Any) -> Any:
    statement = dialect.insert(_ASKS).values(
        {**{name: bindparam(name) for name in _KEY}, "count": 1}
    )
    return statement.on_conflict_do_update(index_elements=_KEY, set_={"count": _ASKS.c.count + 1})


_UPSERT = {"postgresql": _upsert(postgresql), "sqlite": _upsert(sqlite)}
_CHOSEN = select(_LOG.c.caller, bindparam("p_region"), bindparam("p_now")).where(
    _LOG.c.id == bindparam("p_id"), _LOG.c.caller.is_not(None)
)


def _remember(dialect: Any) -> Any:
    statement = dialect.insert(_REGIONS).from_select(["caller", "region", "updated_at"], _CHOSEN)
    return statement.on_conflict_do_update(
        index_elements=["caller"],
        set_={"region": statement.excluded.region, "updated_at": statement.excluded.updated_at},
    )


_REMEMBER = {"postgresql": _remember(postgresql), "sqlite": _remember(sqlite)}
_RECALL = select(_REGIONS.c.region).where(_REGIONS.c.caller == bindparam("p_caller"))


class SqlDirectoryAsks:
    """Counts of the directory's asks on one unit of work's connection."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def count_ask(self, ask: AskCount) -> None:
        """One more ask of this kind (two at once both count)."""
        await self.conn.execute(
            _UPSERT[self.conn.dialect.name],
            {
                "day": ask.day,
                "channel": ask.channel,
                "language": ask.language,
                "region": ask.region or "",
                "category": ask.category or "",
                "kind": ask.kind,
            },
        )

    async def asks(self, start: date, end: date) -> list[tuple[AskCount, int]]:
        """The counts of days from `start` up to `end` (exclusive), summed over the days."""
        query = (
            select(*(_ASKS.c[name] for name in _KEY[1:]), func.sum(_ASKS.c.count))
            .where(_ASKS.c.day >= start, _ASKS.c.day < end)
            .group_by(*(_ASKS.c[name] for name in _KEY[1:]))
        )
        rows = (await self.conn.execute(query)).all()
        return [
            (
                AskCount(
                    start, r.channel, r.language, r.region or None, r.category or None, r.kind
                ),
                int(r[-1]),
            )
            for r in rows
        ]

    async def recall_region(self, caller: str) -> str | None:
        """The region this pseudonym last chose, if any."""
        return cast(str | None, (await self.conn.execute(_RECALL, {"p_caller": caller})).scalar())

    async def remember_region(self, log_id: str, region: str, now: datetime) -> None:
        """Keep the region chosen in a call or chat, under the pseudonym of its caller."""
        await self.conn.execute(
            _REMEMBER[self.conn.dialect.name], {"p_id": log_id, "p_region": region, "p_now": now}
        )
