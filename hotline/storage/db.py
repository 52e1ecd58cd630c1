"""The database engine for either backend, and schema migrations with Alembic."""

from __future__ import annotations

import asyncio
import fcntl
import hashlib
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import event
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import DBAPIError, InterfaceError, OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from hotline.errors import DatabaseUnavailable, StorageError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def create_engine(url: str, *, pool_size: int = 20, command_timeout_s: float = 2) -> AsyncEngine:
    """An async engine tuned for short webhook transactions on SQLite or PostgreSQL.

    `command_timeout_s` bounds one statement on PostgreSQL: 2 s for a caller who waits; the
    statistics of a year over a million calls take longer (see bench/stats.py), so they run
    on an engine of their own with a longer bound.

    SQLite gets one connection: it allows one writer at a time anyway, and a queue in our
    process is cheaper and fairer than connections that retry a busy database file. That
    queue waits up to 30 s: on a loaded machine a burst of short transactions can queue for
    seconds, and a caller's step has its own, shorter deadline (`HOTLINE_STEP_DEADLINE_MS`).

    PostgreSQL gets up to `pool_size` connections a process, opened as needed and kept: no
    overflow beyond it, whose connections are closed as they come back and opened again at
    the next burst (a connection costs PostgreSQL a process; under a steady load of 50 calls
    that churn was a fifth of a worker's throughput). No unit of work opens another inside
    it (SQLite's single connection holds the code to that), so a full pool only queues.
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        database = parsed.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(
            url, pool_size=1, max_overflow=0, pool_timeout=30, connect_args={"timeout": 5}
        )
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(
        url,
        pool_size=pool_size,
        max_overflow=0,
        pool_timeout=2,
        pool_recycle=1800,
        # asyncpg: give up on a statement quickly, a caller is waiting; a new connection
        # gets 5 s, as a loaded machine's loopback can take seconds (the caller's step has
        # its own deadline either way).
        connect_args={"timeout": 5, "command_timeout": command_timeout_s},
    )


def identity(url: str) -> str:
    """A short tag of the database at `url`: its kind, place and name (not who connects, nor
    the password). The voice spool stamps its records with it, so that a server replays only
    its own database's records from a data folder another server shares."""
    parsed = make_url(url)
    kind = parsed.get_backend_name()
    if kind == "sqlite":
        name = parsed.database or ":memory:"
        place = name if name == ":memory:" else str(Path(name).resolve())
    else:
        place = f"{(parsed.host or 'localhost').lower()}:{parsed.port or 5432}/{parsed.database}"
    return hashlib.sha256(f"{kind}|{place}".encode()).hexdigest()[:12]


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def _alembic_config(connection: Connection) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


async def upgrade(engine: AsyncEngine) -> None:
    """Bring the schema to the newest revision.

    Two servers started at once on a new SQLite file would both create the tables (SQLite's
    DDL here is not transactional): the second waits on a lock file beside the database, then
    finds the schema at head and has nothing to do.

    On PostgreSQL the migration runs on a connection of its own with no statement bound: the
    engine's 2 s is for a caller who waits, and an index built over a year of call log (or a
    loaded machine's fsync) takes longer.
    """
    database = engine.url.database
    lock = (
        await asyncio.to_thread(_lock, Path(database + ".migrating"))
        if engine.dialect.name == "sqlite" and database and database != ":memory:"
        else None
    )
    migrator = (
        engine
        if engine.dialect.name == "sqlite"
        else create_async_engine(engine.url, poolclass=NullPool, connect_args={"timeout": 5})
    )
    try:
        async with migrator.begin() as conn:
            await conn.run_sync(lambda sync: command.upgrade(_alembic_config(sync), "head"))
    finally:
        if migrator is not engine:
            await migrator.dispose()
        if lock is not None:
            os.close(lock)  # closing releases the lock


def _lock(path: Path) -> int:
    """An open file holding an exclusive flock on `path`, waiting for it if need be."""
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    fcntl.flock(fd, fcntl.LOCK_EX)
    return fd


async def check_schema(engine: AsyncEngine) -> None:
    """Refuse to run on a schema that is not at the newest revision."""
    async with engine.connect() as conn:
        current = await conn.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )
        head = await conn.run_sync(
            lambda sync: ScriptDirectory.from_config(_alembic_config(sync)).get_current_head()
        )
    if current != head:
        raise StorageError(
            f"the database schema is at revision {current or 'none'}, this version needs "
            f"{head}: run `hotline db upgrade`"
        )


@asynccontextmanager
async def outages_as_unavailable() -> AsyncIterator[None]:
    """Turn the driver's ways of saying "no database" (refused, reset, dropped, locked, no
    connection free in the pool) into DatabaseUnavailable, so callers can say an outage
    in one line; any other error, a bug, goes on as it is."""
    try:
        yield
    except (OSError, OperationalError, InterfaceError, PoolTimeout) as exc:
        raise DatabaseUnavailable(_unavailable(exc)) from exc
    except DBAPIError as exc:
        if not (exc.connection_invalidated or exc.statement is None or _outage_code(exc)):
            raise
        raise DatabaseUnavailable(_unavailable(exc)) from exc


# PostgreSQL's codes for a server that cannot serve now: a connection failure (class 08), a
# shutdown or restart (57P01-57P03), too many connections (53300). A connection refused
# while the database is closed to connections (55000, ALLOW_CONNECTIONS false) comes with no
# statement: any error opening a connection is an outage.
_OUTAGE_CODES = frozenset({"57P01", "57P02", "57P03", "53300"})


def _outage_code(exc: DBAPIError) -> bool:
    code = getattr(exc.orig, "sqlstate", None) or ""
    return code.startswith("08") or code in _OUTAGE_CODES


def _unavailable(exc: Exception) -> str:
    """One line for an outage: what the driver said, never a statement or its values."""
    cause = getattr(exc, "orig", None) or exc
    cause = cause.__cause__ or cause  # the driver's own error under SQLAlchemy's adapter's
    return f"the database does not answer ({cause.__class__.__name__})"
