"""The unit of work on SQLite and PostgreSQL: its repositories share one transaction, which
commits whole or not at all; Take has one winner; each alert timer fires once."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from hotline.escalation.model import Kind, Result
from hotline.escalation.ports import NewSession, UnitsOfWork
from hotline.storage import db
from hotline.storage.models import (
    CallbackTask,
    CallLogEntry,
    CallSession,
    ChatCase,
    Escalation,
    EscalationTimer,
    Question,
)
from hotline.storage.unit_of_work import SqlUnitsOfWork
from tests.conftest import FixedClock, make_settings


@pytest.fixture
async def engine(database_url: str, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    settings = make_settings(tmp_path, database_url)
    engine = db.create_engine(settings.database_url)
    await db.upgrade(engine)
    yield engine
    await engine.dispose()


def a_session(clock: FixedClock, key: str) -> NewSession:
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


async def a_callback(units: UnitsOfWork, clock: FixedClock, key: str, stages: int = 1) -> str:
    """A call that left a callback request: its session, record, task and alert timers."""
    async with units() as uow:
        session = await uow.sessions.create(a_session(clock, key))
        escalation_id = await uow.escalations.open(
            log_id=session.log_id,
            kind=Kind.CALLBACK,
            channel="voice",
            language="en",
            reason="callback",
            now=clock(),
        )
        await uow.tasks.add(
            escalation_id,
            kind="callback",
            contact="encrypted",
            recording_url=None,
            duration_s=None,
            expires_at=clock() + timedelta(days=7),
        )
        await uow.escalations.schedule(
            escalation_id, [(stage, clock() + timedelta(minutes=stage)) for stage in range(stages)]
        )
    return escalation_id


async def count(engine: AsyncEngine, table: type) -> int:
    async with engine.connect() as conn:
        return int((await conn.execute(select(func.count()).select_from(table))).scalar_one())


async def test_a_unit_that_raises_leaves_nothing(engine: AsyncEngine, clock: FixedClock) -> None:
    units = SqlUnitsOfWork(engine)

    async def write_then_fail() -> None:
        async with units() as uow:
            session = await uow.sessions.create(a_session(clock, "CA-lost"))
            escalation_id = await uow.escalations.open(
                log_id=session.log_id,
                kind=Kind.QUESTION,
                channel="sms",
                language="en",
                reason="question",
                now=clock(),
            )
            await uow.cases.open(escalation_id, "sms:someone", "encrypted address")
            await uow.cases.add_question(
                log_id=session.log_id,
                channel="sms",
                language="en",
                reply_to="encrypted address",
                text="encrypted text",
                now=clock(),
                question_id=escalation_id,
            )
            await uow.escalations.schedule(escalation_id, [(0, clock())])
            raise RuntimeError("the step failed after writing")

    with pytest.raises(RuntimeError):
        await write_then_fail()
    for table in (CallSession, CallLogEntry, Escalation, ChatCase, Question, EscalationTimer):
        assert await count(engine, table) == 0, table.__name__


async def test_what_one_unit_writes_is_kept_together(
    engine: AsyncEngine, clock: FixedClock
) -> None:
    units = SqlUnitsOfWork(engine)
    escalation_id = await a_callback(units, clock, "CA-kept", stages=3)
    async with units() as uow:
        record = await uow.escalations.get(escalation_id)
        task = await uow.tasks.get(escalation_id)
    assert record is not None
    assert task is not None
    assert (record.kind, record.outcome, record.open) == (Kind.CALLBACK, None, True)
    assert task.contact == "encrypted"
    assert await count(engine, EscalationTimer) == 3

    async with units() as uow:
        assert await uow.tasks.close(escalation_id, clock(), Result.DONE)
    async with units() as uow:
        record = await uow.escalations.get(escalation_id)
        task = await uow.tasks.get(escalation_id)
    assert record is not None
    assert task is not None
    assert (record.outcome, record.ended_at) == (Result.DONE, clock())
    assert (task.contact, task.closed_at) == (None, clock())  # the number is deleted
    assert await count(engine, EscalationTimer) == 0  # no alert about closed work


async def test_of_two_units_taking_at_once_exactly_one_wins(
    engine: AsyncEngine, clock: FixedClock
) -> None:
    units = SqlUnitsOfWork(engine)
    escalation_id = await a_callback(units, clock, "CA-race", stages=2)

    async def take(staff_id: str) -> str | None:
        async with units() as uow:
            return await uow.escalations.take(escalation_id, staff_id, clock())

    taken = await asyncio.gather(take("ana"), take("beka"))
    answers = dict(zip(("ana", "beka"), taken, strict=True))
    async with units() as uow:
        record = await uow.escalations.get(escalation_id)
    assert record is not None
    winner = record.staff_id
    loser = "beka" if winner == "ana" else "ana"
    assert answers == {winner: None, loser: winner}  # the other is told who has it
    assert await count(engine, EscalationTimer) == 0  # taking it stopped its alerts
    async with units() as uow:  # and the winner pressing again still holds it
        assert await uow.escalations.take(escalation_id, winner, clock()) is None


async def test_concurrent_claimers_fire_each_timer_once(
    engine: AsyncEngine, clock: FixedClock
) -> None:
    units = SqlUnitsOfWork(engine)
    ids = [await a_callback(units, clock, f"CA-{i}", stages=2) for i in range(12)]
    clock.advance(minutes=5)

    async def claimer() -> list[tuple[str, int]]:
        fired: list[tuple[str, int]] = []
        while True:
            async with units() as uow:
                due = await uow.escalations.claim_due(clock(), limit=3)
            if not due:
                return fired
            fired.extend((d.escalation.id, d.stage) for d in due)
            await asyncio.sleep(0)

    results = await asyncio.gather(*(claimer() for _ in range(4)))
    fired = [timer for result in results for timer in result]
    assert sorted(fired) == sorted((i, stage) for i in ids for stage in (0, 1))
    async with units() as uow:
        assert await uow.escalations.claim_due(clock()) == []
        stages = {i: (await uow.escalations.get(i)) for i in ids}
    assert {i: r.stage for i, r in stages.items() if r is not None} == dict.fromkeys(ids, 1)


async def test_expired_tasks_and_questions_are_closed_and_deleted(
    engine: AsyncEngine, clock: FixedClock
) -> None:
    from hotline import housekeeping

    units = SqlUnitsOfWork(engine)
    task_id = await a_callback(units, clock, "CA-old")
    async with units() as uow:
        session = await uow.sessions.create(a_session(clock, "sms:someone"))
        question_id = await uow.escalations.open(
            log_id=session.log_id,
            kind=Kind.QUESTION,
            channel="sms",
            language="en",
            reason="question",
            now=clock(),
        )
        await uow.cases.open(question_id, "sms:someone", "encrypted address")
        for filed in (question_id, None):  # one with its case, one kept without
            await uow.cases.add_question(
                log_id=session.log_id,
                channel="sms",
                language="en",
                reply_to="encrypted address",
                text="encrypted text",
                now=clock(),
                question_id=filed,
            )
    clock.advance(days=8)
    assert await housekeeping.expire_tasks(units, clock()) == 1
    assert await housekeeping.expire_questions(units, clock() - timedelta(days=7), clock()) == 1
    async with units() as uow:
        task = await uow.tasks.get(task_id)
        case = await uow.cases.get(question_id)
    assert task is not None
    assert task.contact is None
    assert case is not None
    assert (case[0].address, case[1].outcome) == (None, Result.EXPIRED)
    assert await count(engine, Question) == 0
    assert await count(engine, CallbackTask) == 1  # the task row stays, emptied


async def test_a_chat_message_reads_where_the_chat_stands_at_once(
    engine: AsyncEngine, clock: FixedClock
) -> None:
    """The session under the chat's key, the person's opt-out, the open chat case (not a
    question left for staff, not a closed case) and the language they chose last: what
    each message needs first."""
    units = SqlUnitsOfWork(engine)
    key, person = "telegram:someone", "ab" * 16
    async with units() as uow:
        nothing = await uow.chats.standing(key, person)
        session = await uow.sessions.create(
            NewSession(
                key=key,
                channel="telegram",
                flow="hotline",
                caller=person,
                started_at=clock(),
                language="ka",
                state={"step": 3},
                response="",
            )
        )
        ids = {}
        for kind in (Kind.QUESTION, Kind.CHAT):
            ids[kind] = await uow.escalations.open(
                log_id=session.log_id,
                kind=kind,
                channel="telegram",
                language="ka",
                reason=kind.value,
                now=clock(),
            )
            await uow.cases.open(ids[kind], key, "encrypted address")
    async with units() as uow:
        in_case = await uow.chats.standing(key, person)
        await uow.sessions.remember_language(session, "ru", clock())
        await uow.chats.opt_out(person, "telegram", clock())
        await uow.cases.close(ids[Kind.CHAT], clock(), Result.ANSWERED)
    async with units() as uow:
        after = await uow.chats.standing(key, person)
        someone_else = await uow.chats.standing("telegram:another", "cd" * 16)

    assert (nothing.session, nothing.opted_out, nothing.chat_case) == (None, False, None)
    assert (nothing.language, in_case.language, after.language) == (None, None, "ru")
    assert in_case.session is not None
    assert (in_case.session.seq, in_case.session.state, in_case.session.ended) == (
        1,
        {"step": 3},
        False,
    )
    assert (in_case.opted_out, in_case.chat_case) == (False, ids[Kind.CHAT])
    assert (after.opted_out, after.chat_case) == (True, None)
    assert (someone_else.session, someone_else.opted_out) == (None, False)
