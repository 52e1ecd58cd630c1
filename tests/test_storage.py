"""The session store on SQLite and PostgreSQL: one step wins, stale calls close, any process."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from hotline import housekeeping
from hotline.escalation.ports import LogSummary, NewSession, SessionTaken
from hotline.storage import db
from hotline.storage.models import CallLogEntry
from hotline.storage.unit_of_work import SqlUnitsOfWork
from tests.conftest import (
    FixedClock,
    call_params,
    make_settings,
    new_call_sid,
    post_signed,
    start_app,
)
from tests.twiml import Twiml


@pytest.fixture
async def engine(database_url: str, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    settings = make_settings(tmp_path, database_url)
    engine = db.create_engine(settings.database_url)
    await db.upgrade(engine)
    yield engine
    await engine.dispose()


def new_session(clock: FixedClock, key: str = "CA1") -> NewSession:
    return NewSession(
        key=key,
        channel="voice",
        flow="hotline",
        caller="ab" * 16,
        started_at=clock(),
        language="en",
        state={"step": 0},
        response="<Response/>",
    )


async def test_migrations_reach_head_and_are_checked(engine: AsyncEngine) -> None:
    await db.check_schema(engine)  # raises when the schema is behind


async def test_a_migration_is_not_bound_by_a_callers_statement_timeout(
    database_url: str, tmp_path: Path
) -> None:
    """An index over a year of call log takes longer than the 2 s a caller's statement gets."""
    settings = make_settings(tmp_path, database_url)
    hurried = db.create_engine(settings.database_url, command_timeout_s=0.000001)
    try:
        await db.upgrade(hurried)
    finally:
        await hurried.dispose()
    engine = db.create_engine(settings.database_url)
    try:
        await db.check_schema(engine)
    finally:
        await engine.dispose()


async def test_migrations_build_exactly_the_models(engine: AsyncEngine) -> None:
    """A table, column, index or key in models.py but not in a migration (or back) fails."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from hotline.storage.models import Base

    async with engine.connect() as conn:
        diff = await conn.run_sync(
            lambda sync: compare_metadata(MigrationContext.configure(sync), Base.metadata)
        )
    assert diff == []


async def test_a_key_is_begun_once(engine: AsyncEngine, clock: FixedClock) -> None:
    units = SqlUnitsOfWork(engine)
    async with units() as uow:
        await uow.sessions.create(new_session(clock))
    with pytest.raises(SessionTaken):
        async with units() as uow:
            await uow.sessions.create(new_session(clock))
    async with units() as uow:
        existing = await uow.sessions.load("CA1")
    assert existing is not None
    assert existing.seq == 1


async def test_of_five_concurrent_steps_exactly_one_is_saved(
    engine: AsyncEngine, clock: FixedClock
) -> None:
    units = SqlUnitsOfWork(engine)
    async with units() as uow:
        stored = await uow.sessions.create(new_session(clock))

    async def advance(i: int) -> bool:
        async with units() as uow:
            return await uow.sessions.advance(
                stored, {"step": i}, f"<Response>{i}</Response>", clock()
            )

    results = await asyncio.gather(*(advance(i) for i in range(5)))
    assert sorted(results) == [False, False, False, False, True]
    async with units() as uow:
        after = await uow.sessions.load("CA1")
    assert after is not None
    assert after.seq == 2
    assert after.last_response == f"<Response>{results.index(True)}</Response>"


async def test_housekeeping_closes_silent_calls_and_purges_ended_ones(
    engine: AsyncEngine, clock: FixedClock
) -> None:
    units = SqlUnitsOfWork(engine)
    state = {
        "flow_id": "hotline", "node_id": "main-menu", "language": "en",
        "language_chosen": False, "misses": 0, "path": ["greeting", "main-menu"],
        "variables": {}, "outcome": None, "finished": False,
        "started_at": clock().isoformat(),
    }  # fmt: skip
    async with units() as uow:
        await uow.sessions.create(replace(new_session(clock, "CA-lost"), state=state))
        done = await uow.sessions.create(replace(new_session(clock, "CA-done"), state=state))
    async with units() as uow:
        await uow.sessions.finish(done, LogSummary("completed", ["greeting"], "en"), clock(), 30)

    clock.advance(hours=3)
    closed, purged = await housekeeping.sweep(units, clock())
    assert (closed, purged) == (1, 1)
    async with units() as uow:
        assert await uow.sessions.load("CA-done") is None
    async with engine.connect() as conn:
        rows = {r.outcome: r for r in (await conn.execute(select(CallLogEntry))).all()}
    assert set(rows) == {"completed", "abandoned"}
    assert rows["abandoned"].path == ["greeting", "main-menu"]
    clock.advance(minutes=16)
    assert await housekeeping.sweep(units, clock()) == (0, 1)


async def test_any_server_process_can_take_the_next_step(
    aiohttp_client: Any, database_url: str, tmp_path: Path, clock: FixedClock
) -> None:
    settings = make_settings(tmp_path, database_url)
    first = await start_app(aiohttp_client, settings, clock)
    second = await start_app(aiohttp_client, settings, clock)
    sid = new_call_sid()
    status, body = await post_signed(first, "/twilio/voice", call_params(sid))
    assert status == 200
    status, body = await post_signed(
        second, Twiml.parse(body).action(), call_params(sid, Digits="1")
    )
    assert status == 200
    assert Twiml.parse(body).said("For counselling and support, press 1.")
