"""The services directory on one unit of work's connection: HSDS rows, summaries, facets."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, cast

from sqlalchemy import Table, and_, delete, func, insert, or_, select, tuple_
from sqlalchemy.ext.asyncio import AsyncConnection

from hotline.directory.index import Summary, parent_of, summaries
from hotline.directory.model import Row, Tables
from hotline.directory.ports import Filters, Stored
from hotline.storage.directory_tables import DirectoryFacet, DirectoryRecord, DirectoryService

_RECORDS = cast(Table, DirectoryRecord.__table__)
_SERVICES = cast(Table, DirectoryService.__table__)
_FACETS = cast(Table, DirectoryFacet.__table__)
CHUNK = 500  # ids in one IN (...), rows in one INSERT
SAMPLE_LOAD_LOCK = 0x686F746C696E6501  # an advisory lock's key: loading the shipped sample


class SqlDirectory:
    """The DirectoryRepository of a unit of work."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def hold_for_loading(self) -> None:
        """Until this unit of work ends, be the only one loading: on PostgreSQL a transaction
        advisory lock, so that replicas starting at once on a new database do not each load
        the sample (the second waits, then finds it loaded). SQLite has one writer anyway."""
        if self.conn.dialect.name == "postgresql":
            await self.conn.execute(select(func.pg_advisory_xact_lock(SAMPLE_LOAD_LOCK)))

    async def count(self) -> int:
        """How many services the directory has."""
        return int(
            (await self.conn.execute(select(func.count()).select_from(_SERVICES))).scalar_one()
        )

    async def has_own(self) -> bool:
        """Whether the directory has services other than the shipped sample."""
        query = select(_SERVICES.c.id).where(_SERVICES.c.sample.is_(False)).limit(1)
        return (await self.conn.execute(query)).first() is not None

    async def store(self, tables: Tables) -> Stored:
        """Add or replace the services of `tables` (by HSDS id), with all their rows.

        A deployment's own data replaces the shipped sample: importing any service that is
        not marked as a sample drops the sample's services and rows.
        """
        found = summaries(tables)
        removed = 0
        if any(not summary.sample for summary in found):
            removed = await self._drop_sample()
        service_ids = [summary.id for summary in found]
        await self._drop_trees(service_ids)
        keys = [(table, str(row.get("id"))) for table, rows in tables.rows.items() for row in rows]
        for chunk in _chunks(keys):
            await self.conn.execute(
                delete(_RECORDS).where(tuple_(_RECORDS.c.table_name, _RECORDS.c.id).in_(chunk))
            )
        sample = bool(found) and all(summary.sample for summary in found)  # the shipped sample
        records = [
            {
                "table_name": table,
                "id": str(row.get("id")),
                "parent_id": parent_of(table, row),
                "sample": sample,
                "data": row,
            }
            for table, rows in tables.rows.items()
            for row in rows
        ]
        for chunk in _chunks(records):
            await self.conn.execute(insert(_RECORDS), chunk)
        await self._index(found)
        return Stored(services=len(found), rows=len(records), sample_removed=removed)

    async def _index(self, found: Sequence[Summary]) -> None:
        for chunk in _chunks([summary.id for summary in found]):
            await self.conn.execute(delete(_SERVICES).where(_SERVICES.c.id.in_(chunk)))
        services = [
            {
                "id": s.id,
                "name": s.name,
                "status": s.status,
                "sample": s.sample,
                "example": s.example,
                "last_checked_on": s.last_checked_on,
                "search": s.search,
            }
            for s in found
        ]
        for chunk in _chunks(services):
            await self.conn.execute(insert(_SERVICES), chunk)
        facets = [
            {"service_id": s.id, "kind": kind, "value": value}
            for s in found
            for kind, value in sorted(s.facets)
        ]
        for chunk in _chunks(facets):
            await self.conn.execute(insert(_FACETS), chunk)

    async def _drop_sample(self) -> int:
        count = int(
            (
                await self.conn.execute(
                    select(func.count()).select_from(_SERVICES).where(_SERVICES.c.sample.is_(True))
                )
            ).scalar_one()
        )
        await self.conn.execute(delete(_RECORDS).where(_RECORDS.c.sample.is_(True)))
        sample = select(_SERVICES.c.id).where(_SERVICES.c.sample.is_(True))
        await self.conn.execute(delete(_FACETS).where(_FACETS.c.service_id.in_(sample)))
        await self.conn.execute(delete(_SERVICES).where(_SERVICES.c.sample.is_(True)))
        return count

    async def _drop_trees(self, service_ids: Sequence[str]) -> None:
        """Drop the rows below these services (not organizations or locations: shared)."""
        level = list(service_ids)
        while level:
            below: list[str] = []
            for chunk in _chunks(level):
                rows = (
                    await self.conn.execute(
                        select(_RECORDS.c.table_name, _RECORDS.c.id).where(
                            _RECORDS.c.parent_id.in_(chunk)
                        )
                    )
                ).all()
                below.extend(row.id for row in rows)
                await self.conn.execute(delete(_RECORDS).where(_RECORDS.c.parent_id.in_(chunk)))
            level = below
        for chunk in _chunks(list(service_ids)):
            await self.conn.execute(delete(_FACETS).where(_FACETS.c.service_id.in_(chunk)))

    async def search(self, filters: Filters, *, offset: int, limit: int) -> tuple[int, list[str]]:
        """How many services match, and the ids of one page of them, by name."""
        query = select(_SERVICES.c.id)
        conditions: list[Any] = []
        if filters.active_only:
            conditions.append(_SERVICES.c.status == "active")
        if filters.region:
            codes = [filters.region.upper()] + ([filters.country] if filters.country else [])
            conditions.append(_SERVICES.c.id.in_(_facet("region", codes)))
        if filters.category:
            conditions.append(_SERVICES.c.id.in_(_facet("category", [filters.category])))
        if filters.language:
            conditions.append(_SERVICES.c.id.in_(_facet("language", [filters.language.lower()])))
        if filters.checked_before is not None:
            conditions.append(
                or_(
                    _SERVICES.c.last_checked_on.is_(None),
                    _SERVICES.c.last_checked_on < filters.checked_before,
                )
            )
        if filters.text:
            for word in filters.text.casefold().split():
                escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                conditions.append(_SERVICES.c.search.like(f"%{escaped}%", escape="\\"))
        where = and_(*conditions) if conditions else None
        counted = select(func.count()).select_from(_SERVICES)
        if where is not None:
            query, counted = query.where(where), counted.where(where)
        total = int((await self.conn.execute(counted)).scalar_one())
        page = query.order_by(_SERVICES.c.example, _SERVICES.c.name, _SERVICES.c.id)
        ids = (await self.conn.execute(page.offset(offset).limit(limit))).scalars().all()
        return total, list(ids)

    async def trees(self, service_ids: Sequence[str]) -> Tables:
        """These services with every row they have: places, phones, hours, organization."""
        tables = Tables()
        seen: set[tuple[str, str]] = set()
        services = await self._rows(_RECORDS.c.table_name == "services", service_ids, "id")
        self._take(services, tables, seen)
        level = list(service_ids)
        while level:
            rows = await self._rows(None, level, "parent_id")
            new = [row for row in rows if (row.table_name, row.id) not in seen]
            self._take(new, tables, seen)
            ups: dict[str, set[str]] = {"locations": set(), "organizations": set()}
            for row in new:
                for table, key in (
                    ("locations", "location_id"),
                    ("organizations", "organization_id"),
                ):
                    value = row.data.get(key)
                    if isinstance(value, str) and (table, value) not in seen:
                        ups[table].add(value)
            for table, ids in ups.items():
                if ids:
                    found = await self._rows(_RECORDS.c.table_name == table, sorted(ids), "id")
                    found = [row for row in found if (row.table_name, row.id) not in seen]
                    self._take(found, tables, seen)
                    new.extend(found)
            level = [row.id for row in new]
        organizations = {str(row.get("organization_id")) for row in tables.of("services")} - {
            str(row.get("id")) for row in tables.of("organizations")
        }
        if organizations:
            found = await self._rows(
                _RECORDS.c.table_name == "organizations", sorted(organizations), "id"
            )
            self._take(found, tables, seen)
        return tables

    async def _rows(self, where: Any, ids: Sequence[str], column: str) -> list[Any]:
        out: list[Any] = []
        for chunk in _chunks(list(ids)):
            query = select(_RECORDS.c.table_name, _RECORDS.c.id, _RECORDS.c.data).where(
                _RECORDS.c[column].in_(chunk)
            )
            if where is not None:
                query = query.where(where)
            out.extend((await self.conn.execute(query)).all())
        return out

    @staticmethod
    def _take(rows: Iterable[Any], tables: Tables, seen: set[tuple[str, str]]) -> None:
        for row in rows:
            if (row.table_name, row.id) not in seen:
                seen.add((row.table_name, row.id))
                tables.add(row.table_name, cast(Row, row.data))

    async def everything(self) -> Tables:
        """Every row of the directory, for an export."""
        tables = Tables()
        rows = await self.conn.execute(
            select(_RECORDS.c.table_name, _RECORDS.c.data).order_by(
                _RECORDS.c.table_name, _RECORDS.c.id
            )
        )
        for row in rows:
            tables.add(row.table_name, cast(Row, row.data))
        return tables

    async def rows_of(self, table: str) -> list[Row]:
        """Every row of one HSDS table (the locations, for a search by distance)."""
        query = select(_RECORDS.c.data).where(_RECORDS.c.table_name == table)
        return [cast(Row, data) for data in (await self.conn.execute(query)).scalars()]

    async def statuses(self, service_ids: Sequence[str]) -> dict[str, str]:
        """The status of each of these services."""
        out: dict[str, str] = {}
        for chunk in _chunks(list(service_ids)):
            query = select(_SERVICES.c.id, _SERVICES.c.status).where(_SERVICES.c.id.in_(chunk))
            out.update({row.id: row.status for row in await self.conn.execute(query)})
        return out


def _facet(kind: str, values: list[str]) -> Any:
    return select(_FACETS.c.service_id).where(
        and_(_FACETS.c.kind == kind, _FACETS.c.value.in_(values))
    )


def _chunks(items: list[Any]) -> Iterable[list[Any]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]
