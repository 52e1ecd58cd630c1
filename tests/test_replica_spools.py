"""Two replicas, each with its own voice spool: a call whose step failed went to the fallback
on one process, the fallback number's answer came to the other. Whichever replays its spool
last, the call log says the call reached a person, and that the fallback answered it."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from hotline.app import ENGINE, VOICE_SPOOL
from hotline.storage.models import CallLogEntry, CallSession
from tests.conftest import (
    AppClient,
    FixedClock,
    call_params,
    make_settings,
    new_call_sid,
    post_signed,
    start_app,
)
from tests.staffing import DAY
from tests.test_voice_webhooks import end_call, press, start_call
from tests.twiml import Twiml

FALLBACK_NUMBER = "+995322111222"
WRITE_TIMEOUT_S = 10.0


async def replica(aiohttp_client: Any, database_url: str, folder: Path) -> AppClient:
    """An app on the shared database with a data folder (and so a spool) of its own."""
    settings = make_settings(folder, database_url, HOTLINE_FALLBACK_NUMBER=FALLBACK_NUMBER)
    return await start_app(aiohttp_client, settings, FixedClock(DAY))


async def spooled(folder: Path, records: int) -> None:
    """Until the replica's spool holds `records` lines (the fallback writes in the background)."""
    spool = folder / "data" / "spool" / "voice.spool"
    deadline = time.monotonic() + WRITE_TIMEOUT_S
    while not spool.exists() or spool.read_bytes().count(b"\n") < records:
        assert time.monotonic() < deadline, "the fallback's event was not spooled"
        await asyncio.sleep(0.05)


@pytest.mark.parametrize("first", ["dial's replica", "fallback's replica"])
async def test_a_call_whose_fallback_events_sit_in_two_spools_keeps_its_outcome(
    aiohttp_client: Any, database_url: str, tmp_path: Path, first: str
) -> None:
    one = await replica(aiohttp_client, database_url, tmp_path / "one")
    two = await replica(aiohttp_client, database_url, tmp_path / "two")
    sid = new_call_sid()
    await press(one, sid, await start_call(one, sid), "1")
    # The next step found no process in time: Twilio fetched the fallback URL from one...
    params = call_params(sid, ErrorCode="11200")
    status, body = await post_signed(one, "/twilio/voice/fallback", params)
    assert status == 200
    dial = Twiml.parse(body)
    await spooled(tmp_path / "one", 1)
    # ... and the fallback number's answer reached the other.
    answered = call_params(sid, DialCallStatus="completed")
    status, _ = await post_signed(two, dial.action("Dial"), answered)
    assert status == 200
    await spooled(tmp_path / "two", 1)
    await end_call(one, sid)

    order = [two, one] if first == "dial's replica" else [one, two]
    for app in order:
        counts = await app.app[VOICE_SPOOL].replay()
        assert (counts.closed, counts.waiting) == (1, 0), counts
    async with one.app[ENGINE].connect() as conn:
        row = (
            await conn.execute(
                select(CallLogEntry.outcome, CallLogEntry.path, CallLogEntry.ended_at)
                .join(CallSession, CallSession.log_id == CallLogEntry.id)
                .where(CallSession.key == sid)
            )
        ).one()
    assert row.outcome == "escalated"  # the fallback number took the call
    assert row.path[-1] == "fallback"
    assert row.ended_at is not None
