"""An overloaded worker turns new calls to the fallback at once, lets the calls already in
the menu go on, and never refuses a status callback: every call still ends up in the call
log with its true outcome.

Overload is made for real, not by setting a counter: with HOTLINE_VOICE_IN_FLIGHT=2, two
callers' next steps are held in flight by another connection that holds their sessions'
rows locked (PostgreSQL waits on the lock), so the worker has two requests in flight while
further calls arrive.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select, text
from sqlalchemy.ext.asyncio import AsyncConnection

from hotline.app import ENGINE, VOICE_SPOOL
from hotline.channels.voice_admission import Admission
from hotline.storage.models import CallLogEntry, CallSession
from tests.conftest import AppClient, FixedClock, make_settings, new_call_sid, start_app
from tests.test_metrics import samples, value
from tests.test_voice_webhooks import end_call, press, start_call

FALLBACK_NUMBER = "+995322111222"


@pytest.fixture
async def overload_client(
    aiohttp_client: Any, postgres_url: str, tmp_path: Path, clock: FixedClock
) -> AppClient:
    """A worker that takes two voice requests at once (one for a new call), whose steps
    have time to wait (10 s), with a fallback number."""
    settings = make_settings(
        tmp_path,
        postgres_url,
        HOTLINE_VOICE_IN_FLIGHT="2",
        HOTLINE_STEP_DEADLINE_MS="10000",
        HOTLINE_FALLBACK_NUMBER=FALLBACK_NUMBER,
    )
    return await start_app(aiohttp_client, settings, clock)


async def _waiting_on_locks(conn: AsyncConnection) -> int:
    found = await conn.execute(text("SELECT count(*) FROM pg_locks WHERE NOT granted"))
    return int(found.scalar_one())


async def _until_waiting(client: AppClient, count: int) -> None:
    """Until `count` statements wait on a lock (at most 20 s)."""
    async with client.app[ENGINE].connect() as conn:
        for _ in range(800):
            if await _waiting_on_locks(conn) >= count:
                return
            await asyncio.sleep(0.025)
    raise AssertionError(f"{count} steps never waited on the locked sessions")


async def test_an_overloaded_worker_turns_new_calls_away_and_keeps_the_call_log_true(
    overload_client: AppClient, caplog: pytest.LogCaptureFixture
) -> None:
    client = overload_client
    held_a, held_b, ended, turned = (new_call_sid() for _ in range(4))
    menus = {sid: await start_call(client, sid) for sid in (held_a, held_b, ended)}
    assert all(m.said("To talk to a specialist, press 3.") for m in menus.values())

    caplog.set_level(logging.WARNING)
    blocker = await client.app[ENGINE].connect()
    locking = await blocker.begin()
    query = select(CallSession.key).where(CallSession.key.in_((held_a, held_b)))
    assert len((await blocker.execute(query.with_for_update())).all()) == 2
    steps = [asyncio.create_task(press(client, sid, menus[sid], "1")) for sid in (held_a, held_b)]
    await _until_waiting(client, 2)

    # Two requests in flight: a new call hears the fallback at once, not the menu.
    answer = await start_call(client, turned)
    assert answer.said("we have a technical problem"), answer.spoken
    assert answer.verbs == ["Say", "Dial"]
    # A call that ends meanwhile: its status callback is taken (kept in the spool).
    await end_call(client, ended, duration="42")
    await end_call(client, turned, duration="7")
    assert sum("overloaded" in r.getMessage() for r in caplog.records) == 1

    await locking.commit()  # the locks go: the held steps go on, in the menu
    await blocker.close()
    about = await asyncio.gather(*steps)
    assert all(not a.said("we have a technical problem") for a in about)
    assert all(a.verbs[-2:] == ["Gather", "Redirect"] for a in about)

    counts = await client.app[VOICE_SPOOL].replay()
    assert (counts.closed, counts.added, counts.waiting) == (1, 1, 0)
    async with client.app[ENGINE].connect() as conn:
        rows = {r.id: r for r in (await conn.execute(select(CallLogEntry))).all()}
        keys = dict((await conn.execute(select(CallSession.key, CallSession.log_id))).all())
    by_call = {sid: rows[keys[sid]] for sid in (ended, turned)}
    assert (by_call[ended].duration_s, by_call[ended].ended_at is not None) == (42, True)
    assert by_call[ended].path[-1] != "fallback"
    assert (by_call[turned].duration_s, by_call[turned].path) == (7, ["fallback"])
    assert sum(r.ended_at is None for r in rows.values()) == 2  # the two still in the menu

    found = samples(await (await client.get("/metrics")).text())
    assert value(found, "hotline_voice_fallbacks_total", cause="overload") == 1


async def test_one_stall_turns_nobody_away_a_loop_late_tick_after_tick_does() -> None:
    """The event loop's lateness: new calls are turned away once it is late by an eighth of
    the deadline twice in a row; steps of calls in progress only past a quarter."""
    admission = Admission(deadline_s=0.8, max_in_flight=64)

    def stall(seconds: float) -> None:
        time.sleep(seconds)

    async with admission.watching():
        await asyncio.sleep(0.12)  # ticks on time
        stall(0.5)  # one stall: the tick under way is late, the one before was not
        assert admission.admits("new")
        await asyncio.sleep(0.001)  # the late tick fires (and is counted)
        stall(0.2)  # late again, by 0.15 s at least
        assert not admission.admits("new")
        assert admission.admits("step")  # under a quarter of the deadline
        await asyncio.sleep(0.001)
        stall(0.35)
        await asyncio.sleep(0.001)
        stall(0.35)  # twice past a quarter of it
        assert not admission.admits("step")
        await asyncio.sleep(0.2)  # the load is gone: on time again
        assert admission.admits("new")


def test_requests_in_flight_turn_new_calls_away_at_half_the_bound_and_steps_at_the_bound() -> None:
    admission = Admission(deadline_s=0.8, max_in_flight=4)
    with admission.taken(), admission.taken():
        assert (admission.admits("new"), admission.admits("step")) == (False, True)
        with admission.taken(), admission.taken():
            assert (admission.admits("new"), admission.admits("step")) == (False, False)
            assert admission.overloaded()
    assert (admission.admits("new"), admission.in_flight) == (True, 0)


def test_requests_at_work_too_long_turn_new_calls_away_then_steps_one_alone_does_not() -> None:
    """What requests wait for (the database's connections, the CPU): how long they have been
    at work, read at the fourth oldest. A request held up alone (a lock, a slow connection)
    is not overload: callers in the menu go on."""
    now = [100.0]
    admission = Admission(deadline_s=0.8, max_in_flight=256, clock=lambda: now[0])
    with contextlib.ExitStack() as held:
        for _ in range(3):
            held.enter_context(admission.taken())
        now[0] += 0.7  # three held up for most of the deadline
        assert (admission.admits("new"), admission.admits("step")) == (True, True)
        held.enter_context(admission.taken())  # a fourth
        now[0] += 0.3
        with admission.taken():
            assert (admission.admits("new"), admission.admits("step")) == (True, True)
        now[0] += 0.15  # the fourth oldest at work over half of the deadline
        assert (admission.admits("new"), admission.admits("step")) == (False, True)
        now[0] += 0.2  # over three quarters of it
        assert (admission.admits("new"), admission.admits("step")) == (False, False)
    assert admission.admits("new")  # answered: nothing waits


def test_an_overload_is_said_in_a_line_at_its_start_every_10_s_and_at_its_end(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Never a line per request; and the last counts of an overload are said once it is
    over, not left unsaid until the next one."""
    now = [100.0]
    admission = Admission(deadline_s=0.8, max_in_flight=4, clock=lambda: now[0])
    told = admission.turned_away
    caplog.set_level(logging.WARNING, logger="hotline.channels.voice_admission")
    for _ in range(3):
        told.note("new", admission)  # the first is said at once, the next two wait
        now[0] += 1
    told.note("step", admission)
    now[0] += 8  # 11 s after the first line, nothing turned away for 8 s
    told.say_the_rest()
    now[0] += 1
    told.say_the_rest()  # said already
    told.note("new", admission)  # a new overload: a line at once
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 3
    assert lines[0].endswith("1 new calls and 0 steps answered by the fallback")
    assert lines[1] == (
        "no longer overloaded: 2 new calls and 1 steps answered by the fallback in the last "
        "11 s of it"
    )
    assert lines[2].endswith("1 new calls and 0 steps answered by the fallback")
