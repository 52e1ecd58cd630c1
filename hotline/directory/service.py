"""The directory's service: what channels, the CLI and the read API ask of the directory.

Channels call `regions`, `categories`, `find` and `nearest`; the CLI `import_file`, `export`
and `load_sample_if_empty`; the read API `page` and `service`. Each opens its own unit of work.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Protocol

from hotline.directory import files
from hotline.directory.entries import TreeIndex, entry, kilometres
from hotline.directory.hsds import nest
from hotline.directory.model import Category, Entry, Row, Tables
from hotline.directory.ports import AskCount, DirectoryAsks, DirectoryRepository, Filters, Stored
from hotline.directory.regions import Regions
from hotline.directory.simple import read_rows

log = logging.getLogger(__name__)
SAMPLE_DIR = Path(__file__).parent / "sample"


class HasDirectory(Protocol):
    """A unit of work with the directory's repositories."""

    @property
    def directory(self) -> DirectoryRepository: ...

    @property
    def asks(self) -> DirectoryAsks: ...


Units = Callable[[], AbstractAsyncContextManager[HasDirectory]]


@dataclass(frozen=True)
class RegionChoice:
    """A region as a menu lists it."""

    code: str
    name: str


@dataclass(frozen=True)
class Found:
    """One page of entries, and how many there are in all."""

    total: int
    entries: list[Entry]


class DirectoryService:
    """Queries, imports and exports of the services directory."""

    def __init__(self, units: Units, regions: Regions) -> None:
        self.units = units
        self.regions = regions

    def within(self, uow: HasDirectory) -> DirectoryService:
        """This service on a unit of work already open (a step's, which SQLite's one
        connection holds), instead of a unit of its own."""

        @asynccontextmanager
        async def same() -> AsyncIterator[HasDirectory]:
            yield uow

        return DirectoryService(same, self.regions)

    async def count_ask(self, ask: AskCount) -> None:
        """Count one ask of the directory (anonymous)."""
        async with self.units() as uow:
            await uow.asks.count_ask(ask)

    async def asks(self, start: date, end: date) -> list[tuple[AskCount, int]]:
        """The anonymous counts of asks from `start` up to `end`."""
        async with self.units() as uow:
            return await uow.asks.asks(start, end)

    def region_choices(self, language: str) -> list[RegionChoice]:
        """The deployment's regions with their names in `language` (else English), menu order."""
        return [RegionChoice(r.code, r.name(language)) for r in self.regions.regions]

    async def categories(self, region: str | None = None) -> list[Category]:
        """The categories that have an active service (in the region), in the program's order."""
        present = []
        async with self.units() as uow:
            for category in Category:
                total, _ = await uow.directory.search(
                    self._filters(region=region, category=category.value), offset=0, limit=0
                )
                if total:
                    present.append(category)
        return present

    async def find(
        self,
        *,
        region: str | None,
        category: str | None,
        language: str,
        now: datetime,
        limit: int = 3,
        offset: int = 0,
        text: str | None = None,
    ) -> Found:
        """Active services of a region and category, real entries before examples, by name."""
        filters = self._filters(region=region, category=category, text=text)
        async with self.units() as uow:
            total, ids = await uow.directory.search(filters, offset=offset, limit=limit)
            tables = await uow.directory.trees(ids)
        index = TreeIndex(tables)
        services = {str(row["id"]): row for row in tables.of("services")}
        entries = [
            entry(
                index,
                services[service_id],
                language=language,
                now=now,
                default_zone=self.regions.zone,
                region=region,
            )
            for service_id in ids
            if service_id in services
        ]
        return Found(total, entries)

    async def nearest(
        self,
        latitude: float,
        longitude: float,
        *,
        language: str,
        now: datetime,
        limit: int = 3,
        category: str | None = None,
    ) -> list[Entry]:
        """Active services nearest to a point (a shared location), nearest first."""
        origin = (latitude, longitude)
        async with self.units() as uow:
            places = [
                (kilometres(origin, point), row)
                for row in await uow.directory.rows_of("locations")
                if (point := _point(row)) is not None
            ]
            places.sort(key=lambda pair: pair[0])
            links = await uow.directory.rows_of("service_at_location")
            at: dict[str, list[str]] = {}
            for link in links:
                at.setdefault(str(link.get("location_id")), []).append(str(link.get("service_id")))
            wanted: list[tuple[str, str]] = []  # (service, location), nearest first
            statuses: dict[str, str] = {}
            for _, location in places:
                services = at.get(str(location.get("id")), [])
                statuses.update(await uow.directory.statuses(services))
                for service_id in services:
                    if statuses.get(service_id) == "active" and all(
                        service_id != s for s, _ in wanted
                    ):
                        wanted.append((service_id, str(location["id"])))
                if len(wanted) >= limit * (4 if category else 1):
                    break
            tables = await uow.directory.trees([s for s, _ in wanted])
        index = TreeIndex(tables)
        services_by_id = {str(row["id"]): row for row in tables.of("services")}
        out = []
        for service_id, location_id in wanted:
            service = services_by_id.get(service_id)
            if service is None:
                continue
            found = entry(
                index,
                service,
                language=language,
                now=now,
                default_zone=self.regions.zone,
                location_id=location_id,
                origin=origin,
            )
            if category is None or category in found.categories:
                out.append(found)
        return out[:limit]

    async def page(
        self,
        *,
        page: int,
        per_page: int,
        region: str | None = None,
        category: str | None = None,
        language: str | None = None,
        text: str | None = None,
    ) -> tuple[int, list[Row]]:
        """One page of services, fully nested as HSDS has them, and how many match in all."""
        filters = self._filters(region=region, category=category, text=text, language=language)
        filters = Filters(**{**filters.__dict__, "active_only": False})
        async with self.units() as uow:
            total, ids = await uow.directory.search(
                filters, offset=(page - 1) * per_page, limit=per_page
            )
            tables = await uow.directory.trees(ids)
        nested = {str(row["id"]): row for row in nest(tables)}
        return total, [nested[i] for i in ids if i in nested]

    async def service(self, service_id: str) -> Row | None:
        """One service, fully nested, or None."""
        async with self.units() as uow:
            tables = await uow.directory.trees([service_id])
        services = nest(tables)
        return services[0] if services else None

    async def browse(
        self,
        *,
        offset: int,
        limit: int,
        region: str | None = None,
        category: str | None = None,
        text: str | None = None,
        checked_before: date | None = None,
    ) -> tuple[int, list[str], Tables]:
        """Services of every status (the staff's list), by name: how many match, the ids of
        one page and their trees; `checked_before` keeps those last checked before that day or
        never."""
        filters = Filters(
            region=region,
            country=self.regions.country,
            category=category,
            text=text,
            active_only=False,
            checked_before=checked_before,
        )
        async with self.units() as uow:
            total, ids = await uow.directory.search(filters, offset=offset, limit=limit)
            tables = await uow.directory.trees(ids) if ids else Tables()
        return total, ids, tables

    async def tree(self, service_id: str) -> Tables:
        """One service with every row it has (empty tables when there is no such service)."""
        async with self.units() as uow:
            return await uow.directory.trees([service_id])

    async def save(self, rows: list[dict[str, str]]) -> str:
        """Add or replace one service given as the simple sheet's rows (one per place), checked
        as an import checks them (DirectoryError listing the problems); its id."""
        tables = read_rows(rows, self.regions, file="form")
        async with self.units() as uow:
            await uow.directory.store(tables)
        return str(tables.of("services")[0]["id"])

    async def mark_checked(self, service_id: str, day: date, by: str) -> bool:
        """Record that a service was checked on `day` by `by`; False when there is none."""
        async with self.units() as uow:
            tables = await uow.directory.trees([service_id])
            services = [row for row in tables.of("services") if row.get("id") == service_id]
            if not services:
                return False
            services[0]["x_last_checked_on"] = day.isoformat()
            services[0]["x_last_checked_by"] = by
            await uow.directory.store(tables)
        return True

    async def count(self) -> int:
        """How many services the directory has."""
        async with self.units() as uow:
            return await uow.directory.count()

    async def store(self, tables: Tables) -> Stored:
        """Add or replace services, all in one transaction."""
        async with self.units() as uow:
            return await uow.directory.store(tables)

    async def export(self) -> Tables:
        """Every row of the directory."""
        async with self.units() as uow:
            return await uow.directory.everything()

    async def load_sample_if_empty(self) -> int:
        """Load the shipped sample of the deployment's country into an empty directory."""
        path = SAMPLE_DIR / f"{self.regions.country}.csv"
        if not path.exists():
            return 0
        async with self.units() as uow:
            await uow.directory.hold_for_loading()  # replicas starting at once load it once
            if await uow.directory.count():
                return 0
            tables = files.read(path, self.regions, files.Format.SIMPLE_CSV)
            stored = await uow.directory.store(tables)
        log.info(
            "the services directory was empty: loaded the shipped sample for %s (%d services; "
            "`hotline services import` of your own data replaces it)",
            self.regions.country,
            stored.services,
        )
        return stored.services

    def _filters(
        self,
        *,
        region: str | None = None,
        category: str | None = None,
        text: str | None = None,
        language: str | None = None,
    ) -> Filters:
        return Filters(
            region=region,
            country=self.regions.country,
            category=category,
            language=language,
            text=text,
        )


def _point(row: Row) -> tuple[float, float] | None:
    latitude, longitude = row.get("latitude"), row.get("longitude")
    if isinstance(latitude, int | float) and isinstance(longitude, int | float):
        return float(latitude), float(longitude)
    return None
