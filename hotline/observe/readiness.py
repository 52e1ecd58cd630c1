"""Readiness: the database takes a write, its schema is at this version's head, and the data
folder takes a file; each check within its own deadline, all three at once."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncEngine

from hotline.observe.folder import data_folder_problem
from hotline.storage.db import MIGRATIONS_DIR

CHECK_TIMEOUT_S = 1.0
CHECKS = ("database", "migrations", "data_folder")
# A write that changes nothing, on the one-row table every schema has, rolled back: it fails
# on a read-only database (PostgreSQL's default_transaction_read_only, a hot standby, a
# read-only SQLite file) as a caller's first write would.
_WRITE_PROBE = text("UPDATE alembic_version SET version_num = version_num")
_READ_ONLY = ("read-only", "readonly", "read only")


@dataclass(frozen=True)
class Readiness:
    """Each check's problem in words (None: it passed)."""

    problems: dict[str, str | None]

    @property
    def ready(self) -> bool:
        """True when every check passed."""
        return all(p is None for p in self.problems.values())

    def as_json(self) -> dict[str, object]:
        """The answer of /readyz: which check failed, and why, naming no secret."""
        return {
            "status": "ready" if self.ready else "unready",
            "checks": {name: problem or "ok" for name, problem in self.problems.items()},
        }


class ReadinessProbe:
    """The three checks on a running server's engine and data folder."""

    def __init__(self, engine: Callable[[], AsyncEngine], data_dir: Path) -> None:
        self._engine = engine
        self.data_dir = data_dir

    @cached_property
    def head(self) -> str | None:
        """This version's newest migration (read once: the files do not change)."""
        config = Config()
        config.set_main_option("script_location", str(MIGRATIONS_DIR))
        return ScriptDirectory.from_config(config).get_current_head()

    async def check(self) -> Readiness:
        """Run the three checks at once, each within CHECK_TIMEOUT_S."""
        found = await asyncio.gather(
            _bounded(self._database(), "does not answer"),
            _bounded(self._migrations(), "does not answer"),
            _bounded(asyncio.to_thread(data_folder_problem, self.data_dir), "does not answer"),
        )
        return Readiness(dict(zip(CHECKS, found, strict=True)))

    async def _database(self) -> str | None:
        try:
            async with self._engine().connect() as conn:
                transaction = await conn.begin()
                try:
                    await conn.execute(_WRITE_PROBE)
                finally:
                    await transaction.rollback()
        except DBAPIError as exc:
            said = str(exc.orig or exc).lower()
            if any(word in said for word in _READ_ONLY):
                return "refuses writes (the database is read-only)"
            return f"does not answer ({type(exc.orig or exc).__name__})"
        except (SQLAlchemyError, OSError) as exc:
            return f"does not answer ({type(exc).__name__})"
        return None

    async def _migrations(self) -> str | None:
        head = self.head
        try:
            async with self._engine().connect() as conn:
                current = await conn.run_sync(
                    lambda sync: MigrationContext.configure(sync).get_current_revision()
                )
        except (SQLAlchemyError, OSError) as exc:
            return f"cannot be read ({type(exc).__name__})"
        if current != head:
            return f"the schema is at {current or 'none'}, this version needs {head}"
        return None


async def _bounded(work: Awaitable[str | None], late: str) -> str | None:
    """A check's problem, or `late` with the deadline when it takes longer."""
    try:
        async with asyncio.timeout(CHECK_TIMEOUT_S):
            return await work
    except TimeoutError:
        return f"{late} within {CHECK_TIMEOUT_S:.0f} s"
