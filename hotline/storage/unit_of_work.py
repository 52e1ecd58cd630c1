"""The unit of work on SQLAlchemy: one connection, one transaction, every repository on it.

This is the one way to join a transaction (`escalation.ports.UnitOfWork`): a unit begins a
transaction on a pooled connection, hands it to each repository, commits when the block
ends and rolls back if it raises. The repositories are small objects over the connection,
so opening a unit costs what `engine.begin()` costs.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from hotline.storage.accounts import SqlAccounts
from hotline.storage.answers import SqlAnswers
from hotline.storage.calendar_feeds import SqlCalendarFeeds
from hotline.storage.callback_tasks import SqlTasks
from hotline.storage.chat_cases import SqlCases
from hotline.storage.chats import SqlChats
from hotline.storage.db import outages_as_unavailable
from hotline.storage.directory import SqlDirectory
from hotline.storage.directory_asks import SqlDirectoryAsks
from hotline.storage.escalation_events import SqlEvents
from hotline.storage.escalation_records import SqlEscalations
from hotline.storage.outbox import SqlSends
from hotline.storage.participants import ContactKeys, SqlParticipants
from hotline.storage.personal_data import SqlPersonalData
from hotline.storage.planned import SqlPlan
from hotline.storage.retention import SqlRetention
from hotline.storage.sessions import SqlSessions
from hotline.storage.staff_notices import SqlNotices
from hotline.storage.stats import SqlStats


class SqlUnitOfWork:
    """The repositories of one transaction."""

    __slots__ = (
        "accounts",
        "answers",
        "asks",
        "calendar_feeds",
        "cases",
        "chats",
        "directory",
        "escalations",
        "events",
        "notices",
        "outbox",
        "participants",
        "personal",
        "plan",
        "retention",
        "sessions",
        "stats",
        "tasks",
    )

    def __init__(self, conn: AsyncConnection, keys: ContactKeys | None = None) -> None:
        self.sessions = SqlSessions(conn)
        self.chats = SqlChats(conn)
        self.escalations = SqlEscalations(conn)
        self.tasks = SqlTasks(conn)
        self.cases = SqlCases(conn)
        self.notices = SqlNotices(conn)
        self.participants = SqlParticipants(conn, keys)
        self.personal = SqlPersonalData(conn, keys)
        self.plan = SqlPlan(conn)
        self.answers = SqlAnswers(conn)
        self.events = SqlEvents(conn)
        self.directory = SqlDirectory(conn)
        self.asks = SqlDirectoryAsks(conn)
        self.stats = SqlStats(conn)
        self.accounts = SqlAccounts(conn)
        self.calendar_feeds = SqlCalendarFeeds(conn)
        self.retention = SqlRetention(conn)
        self.outbox = SqlSends(conn)


class SqlUnitsOfWork:
    """Opens units of work on an engine; `async with units() as uow:`.

    Given the engine, or a function that returns it when a unit opens (an application
    creates its engine at startup, after the parts that use units are built), and the keys
    of participants' contacts (without them, `uow.participants` refuses to work).
    """

    def __init__(
        self,
        engine: AsyncEngine | Callable[[], AsyncEngine],
        *,
        keys: ContactKeys | None = None,
        each_statement: bool = False,
    ) -> None:
        self._engine = engine
        self._keys = keys
        self._each_statement = each_statement
        self._autocommit: tuple[AsyncEngine, AsyncEngine] | None = None

    def each_statement(self) -> SqlUnitsOfWork:
        """Units whose statements each commit on their own (no BEGIN, no COMMIT: a round trip
        each saved), for work of one statement at a time, such as a read, or a conditional
        update that is its own guard. On SQLite the same as a unit (it begins only to write)."""
        return SqlUnitsOfWork(self._engine, keys=self._keys, each_statement=True)

    @asynccontextmanager
    async def __call__(self) -> AsyncIterator[SqlUnitOfWork]:
        """A unit of work: committed when the block ends, rolled back if it raises."""
        engine = self._engine if isinstance(self._engine, AsyncEngine) else self._engine()
        if self._each_statement and engine.dialect.name != "sqlite":
            async with outages_as_unavailable(), self._autocommitting(engine).connect() as conn:
                yield SqlUnitOfWork(conn, self._keys)
            return
        async with outages_as_unavailable(), engine.begin() as conn:
            yield SqlUnitOfWork(conn, self._keys)

    def _autocommitting(self, engine: AsyncEngine) -> AsyncEngine:
        """The engine's autocommit view (sharing its pool), made once per engine."""
        if self._autocommit is None or self._autocommit[0] is not engine:
            options: dict[str, Any] = {"isolation_level": "AUTOCOMMIT"}
            self._autocommit = (engine, engine.execution_options(**options))
        return self._autocommit[1]
