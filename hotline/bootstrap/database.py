"""The database of a deployment: its engine and units of work on it, opened and closed once."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncEngine

from hotline.config import Settings
from hotline.crypto import DataCipher
from hotline.escalation.board import DutySnapshot
from hotline.storage import db
from hotline.storage.db_errors import reaching
from hotline.storage.participants import ContactKeys
from hotline.storage.staff import StaffDirectory
from hotline.storage.unit_of_work import SqlUnitsOfWork


@dataclass(frozen=True)
class _Open:
    engine: AsyncEngine
    staff: StaffDirectory


class Database:
    """The engine and the units of work on it; what is built before it opens uses them later.

    The engine belongs to the event loop it first connects on, so it is created when the
    app (or a command) starts, not when the pieces that use it are built.
    """

    def __init__(self, settings: Settings, cipher: DataCipher) -> None:
        self.settings = settings
        self.cipher = cipher
        self._open: _Open | None = None
        # Units of work on the engine once it is open: built now, used while it runs.
        self.units = SqlUnitsOfWork(
            lambda: self.engine, keys=ContactKeys(cipher, settings.pseudonym_key)
        )

    @asynccontextmanager
    async def opened(self) -> AsyncIterator[Database]:
        """Open the engine (migrating an embedded SQLite, checking PostgreSQL), then close it."""
        settings = self.settings
        with reaching(settings.database_url):
            engine = db.create_engine(settings.database_url)
        try:
            with reaching(settings.database_url):
                if settings.is_sqlite:
                    await db.upgrade(engine)  # the embedded default migrates itself
                else:
                    await db.check_schema(engine)
            self._open = _Open(
                engine=engine,
                staff=StaffDirectory(
                    engine,
                    self.cipher,
                    settings.pseudonym_key,
                    default_region=settings.default_region,
                ),
            )
            yield self
        finally:
            self._open = None
            await engine.dispose()

    async def upgrade(self) -> None:
        """Migrate the schema to this version (`hotline db upgrade`), on an engine of its own."""
        url = self.settings.database_url
        with reaching(url):
            engine = db.create_engine(url)
        try:
            with reaching(url):
                await db.upgrade(engine)
        finally:
            await engine.dispose()

    @property
    def engine(self) -> AsyncEngine:
        """The engine, while open."""
        return self._current().engine

    def staff(self) -> StaffDirectory:
        """The staff and the roster."""
        return self._current().staff

    async def duty_snapshot(self) -> DutySnapshot:
        """The roster and every staff member's contacts, decrypted, as one snapshot."""
        directory = self.staff()
        async with db.outages_as_unavailable():
            contacts = await directory.list()
            roster = await directory.roster()
        return DutySnapshot(
            roster=roster,
            phones={c.staff.id: c.phone for c in contacts if c.phone},
            telegram={c.staff.id: c.telegram_id for c in contacts if c.telegram_id is not None},
        )

    def _current(self) -> _Open:
        if self._open is None:
            raise RuntimeError("the database is not open: use it inside Database.opened()")
        return self._open
