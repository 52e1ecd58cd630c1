"""A voicemail left while the database is down reaches staff once it is back, and the call
log stays true: what the voice fallback hears waits in the local spool, encrypted.

The database fails for real: PostgreSQL behind a TCP proxy that drops every connection
(tests/test_faults.py), SQLite locked by another connection holding a write transaction.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.engine import make_url

from hotline.app import ENGINE, VOICE_SPOOL
from hotline.conversations.voice_spool import CallEvent
from hotline.crypto import DataCipher
from hotline.privacy import pseudonym
from hotline.storage import db
from hotline.storage.models import (
    CallbackTask,
    CallLogEntry,
    Escalation,
    EscalationTimer,
    Voicemail,
)
from hotline.storage.spool import Spool
from tests.conftest import (
    CALLER,
    DATA_KEY,
    PRODUCTION_DEADLINE,
    PSEUDONYM_KEY,
    AppClient,
    FixedClock,
    call_params,
    make_settings,
    new_call_sid,
    post_signed,
    start_app,
)
from tests.fakes import FakeTelegram, fixtures
from tests.fakes.twilio_api import FakeTwilio
from tests.staffing import DAY
from tests.test_escalation_desk import desk_app, to_staff, twilio_for_app
from tests.test_faults import TcpProxy
from tests.test_voice_webhooks import press, start_call
from tests.twiml import Twiml

fake_telegram = fixtures.fake_telegram
__all__ = ["fake_telegram", "twilio_for_app"]  # fixtures this module uses

FALLBACK_NUMBER = "+995322111222"
RECORDING_SID = "RE" + "7" * 32
RECORDING_URL = "https://api.twilio.com/2010-04-01/Accounts/AC0/Recordings/" + RECORDING_SID


class Outage:
    """The database the app uses, and a way to make it fail for real and come back."""

    url: str

    def down(self) -> None:
        raise NotImplementedError

    def up(self) -> None:
        raise NotImplementedError

    async def close(self) -> None:
        """Undo whatever the outage holds."""


class PostgresGone(Outage):
    """PostgreSQL behind a proxy that closes every connection while it is down."""

    def __init__(self, database_url: str) -> None:
        self.target = make_url(database_url)
        self.proxy = TcpProxy(self.target.host or "127.0.0.1", self.target.port or 5432)

    async def start(self) -> None:
        port = await self.proxy.start()
        self.url = self.target.set(host="127.0.0.1", port=port).render_as_string(
            hide_password=False
        )

    def down(self) -> None:
        self.proxy.drop_all()

    def up(self) -> None:
        self.proxy.resume()

    async def close(self) -> None:
        await self.proxy.stop()


class SqliteLocked(Outage):
    """SQLite held by another connection's write transaction: every write waits, then fails."""

    def __init__(self, database_url: str) -> None:
        self.url = database_url
        self.path = str(make_url(database_url).database)
        self.holder: sqlite3.Connection | None = None

    def down(self) -> None:
        self.holder = sqlite3.connect(self.path, isolation_level=None)
        self.holder.execute("BEGIN EXCLUSIVE")

    def up(self) -> None:
        if self.holder is not None:
            self.holder.execute("ROLLBACK")
            self.holder.close()
            self.holder = None

    async def close(self) -> None:
        self.up()


@pytest.fixture
async def outage(database_url: str) -> AsyncIterator[Outage]:
    if database_url.startswith("sqlite"):
        fault: Outage = SqliteLocked(database_url)
    else:
        fault = PostgresGone(database_url)
        await fault.start()
    yield fault
    await fault.close()


def spool_file(tmp_path: Path) -> Path:
    return tmp_path / "data" / "spool" / "voice.spool"


async def post(client: AppClient, path: str, params: dict[str, str]) -> Twiml:
    status, body = await post_signed(client, path, params)
    assert status == 200, body
    return Twiml.parse(body)


async def hang_up(client: AppClient, sid: str, duration: int) -> None:
    """Twilio's status callback at the end of a call: answered 2xx, whatever is down."""
    status, body = await post_signed(
        client,
        "/twilio/voice/status",
        call_params(sid, CallStatus="completed", CallDuration=str(duration)),
    )
    assert status == 200, body


async def rows(client: AppClient, model: Any) -> list[Any]:
    async with client.app[ENGINE].connect() as conn:
        return list((await conn.execute(select(model))).all())


async def replay(client: AppClient) -> Any:
    """What the scheduler runs every 15 seconds."""
    return await client.app[VOICE_SPOOL].replay()


def our_tracebacks(caplog: pytest.LogCaptureFixture, since: int) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records[since:]
        if r.name.startswith("hotline") and (r.exc_info or r.levelno >= logging.ERROR)
    ]


async def test_a_voicemail_left_during_an_outage_reaches_staff_when_the_database_is_back(
    aiohttp_client: Any,
    outage: Outage,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
    caplog: pytest.LogCaptureFixture,
) -> None:
    clock = FixedClock(DAY)  # 11:00 in Tbilisi: Ana and Beka are on duty
    desk = await desk_app(
        aiohttp_client,
        outage.url,
        tmp_path,
        clock,
        fake_telegram,
        twilio_for_app,
        **PRODUCTION_DEADLINE,
    )
    client = desk.client
    sid = new_call_sid()
    menu = await press(client, sid, await start_call(client, sid), "1")
    assert menu.said("To talk to a specialist, press 3.")

    outage.down()
    clock.advance(seconds=20)
    fallback = await press(client, sid, menu, "3")
    assert fallback.said("we have a technical problem"), fallback.spoken
    assert fallback.verbs == ["Say", "Record", "Say", "Hangup"]
    clock.advance(seconds=30)
    recording = call_params(
        sid, RecordingSid=RECORDING_SID, RecordingUrl=RECORDING_URL, RecordingDuration="14"
    )
    goodbye = await post(client, fallback.action("Record"), recording)
    assert goodbye.said("Thank you. Goodbye.")
    clock.advance(seconds=5)
    since = len(caplog.records)
    await hang_up(client, sid, duration=95)
    assert our_tracebacks(caplog, since) == []

    # Kept on local disk, readable by nobody without the data key.
    spool = spool_file(tmp_path)
    kept = spool.read_bytes()
    assert kept.count(b"\n") >= 2  # the voicemail and the status callback, at least
    assert spool.stat().st_mode & 0o777 == 0o600
    for secret in (CALLER, CALLER[1:], sid, RECORDING_SID, RECORDING_URL, "twilio.com"):
        assert secret.encode() not in kept, secret

    outage.up()
    clock.advance(minutes=10)
    counts = await replay(client)
    assert (counts.voicemails, counts.closed, counts.added, counts.waiting) == (1, 1, 0, 0)
    assert spool.read_bytes() == b""

    [voicemail] = await rows(client, Voicemail)
    assert (voicemail.duration_s, voicemail.recording_url, voicemail.language) == (
        14,
        RECORDING_URL,
        "en",
    )
    [task] = await rows(client, CallbackTask)
    assert task.kind == "voicemail"
    assert DataCipher(DATA_KEY.encode()).decrypt(task.contact) == CALLER
    assert await rows(client, EscalationTimer)  # the staff alerts are scheduled
    [entry] = await rows(client, CallLogEntry)
    assert entry.ended_at is not None
    assert (entry.duration_s, entry.outcome) == (95, "voicemail")
    assert entry.path[-1] == "fallback"
    assert entry.caller == pseudonym(CALLER, PSEUDONYM_KEY.encode())
    stored = await desk.everything_stored()
    assert CALLER not in stored
    assert CALLER[1:] not in stored

    # The desk alerts the English speakers on duty, as for any voicemail.
    assert await desk.tick() == 1
    [alert] = await desk.wait_to("ana", 1, after=0)
    assert alert.text == to_staff("ana", "staff-voicemail", code="en", seconds=14)
    assert CALLER not in repr(desk.fake.calls)

    # A crash after filing but before the spool was emptied: the same records again.
    spool.write_bytes(kept)
    again = await replay(client)
    assert (again.voicemails, again.closed, again.added) == (0, 1, 0)
    assert len(await rows(client, Voicemail)) == 1
    assert len(await rows(client, CallbackTask)) == 1
    assert len(await rows(client, Escalation)) == 1
    [entry] = await rows(client, CallLogEntry)
    assert (entry.duration_s, entry.outcome) == (95, "voicemail")
    assert [p for p in entry.path if p == "fallback"] == ["fallback"]
    assert await desk.tick() == 0  # nobody is alerted twice
    assert spool.read_bytes() == b""


async def test_calls_that_began_during_an_outage_get_a_call_log_row(
    aiohttp_client: Any, outage: Outage, tmp_path: Path, clock: FixedClock
) -> None:
    settings = make_settings(
        tmp_path, outage.url, HOTLINE_FALLBACK_NUMBER=FALLBACK_NUMBER, **PRODUCTION_DEADLINE
    )
    client = await start_app(aiohttp_client, settings, clock)
    outage.down()

    # One caller reaches the fallback number and talks for three minutes.
    talked = new_call_sid()
    connecting = await post(client, "/twilio/voice", call_params(talked))
    assert connecting.said("we have a technical problem")
    clock.advance(minutes=3)
    params = call_params(talked, DialCallStatus="completed")
    assert (await post(client, connecting.action("Dial"), params)).said("Thank you. Goodbye.")
    await hang_up(client, talked, duration=200)

    # Another finds nobody there either and hangs up at the tone.
    gave_up = new_call_sid()
    connecting = await post(client, "/twilio/voice", call_params(gave_up))
    clock.advance(seconds=30)
    params = call_params(gave_up, DialCallStatus="no-answer")
    after = await post(client, connecting.action("Dial"), params)
    assert after.said("Nobody could answer")
    await hang_up(client, gave_up, duration=40)
    ended = clock.now

    outage.up()
    counts = await replay(client)
    assert (counts.closed, counts.added, counts.waiting) == (0, 2, 0)
    entries = sorted(await rows(client, CallLogEntry), key=lambda e: e.duration_s)
    assert [(e.duration_s, e.outcome, e.path) for e in entries] == [
        (40, "abandoned", ["fallback"]),
        (200, "escalated", ["fallback"]),
    ]
    caller = pseudonym(CALLER, PSEUDONYM_KEY.encode())
    assert all(e.caller == caller for e in entries)
    assert all(e.started_at == e.ended_at - timedelta(seconds=e.duration_s) for e in entries)
    assert entries[0].ended_at == ended
    assert all(e.channel == "voice" for e in entries)

    assert (await replay(client)).added == 0
    assert len(await rows(client, CallLogEntry)) == 2


async def test_a_torn_last_record_is_skipped_and_the_rest_replayed(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    clock: FixedClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    client = await start_app(aiohttp_client, make_settings(tmp_path, database_url), clock)
    spool = spool_file(tmp_path)
    urls = []
    for n in range(3):
        sid = new_call_sid()
        await start_call(client, sid)
        # As after a bug in the flow: the fallback recorded a message, the call then ended.
        url = f"{RECORDING_URL}{n}"
        urls.append(url)
        params = call_params(sid, RecordingSid=RECORDING_SID, RecordingUrl=url)
        await post(
            client,
            "/twilio/voice/fallback?stage=recording&lang=en",
            {**params, "RecordingDuration": "9"},
        )
        await hang_up(client, sid, duration=30)
        if n == 0:
            # A crash in the middle of writing a record: the next append starts afresh.
            with spool.open("ab") as file:
                file.write(spool.read_bytes()[:50])
    with spool.open("ab") as file:  # and once more at the very end
        file.write(b"gAAAAABn-half-a-record")

    with caplog.at_level(logging.WARNING):
        counts = await replay(client)
    assert "torn" in caplog.text
    assert (counts.voicemails, counts.closed, counts.added) == (3, 3, 0)
    assert sorted(v.recording_url for v in await rows(client, Voicemail)) == urls
    assert [e.outcome for e in await rows(client, CallLogEntry)] == ["voicemail"] * 3
    assert spool.read_bytes() == b""


async def test_an_unwritable_spool_names_the_recording_and_the_fix(
    aiohttp_client: Any, tmp_path: Path, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    client = await start_app(aiohttp_client, make_settings(tmp_path), clock)
    (tmp_path / "data" / "spool").write_text("not a folder")  # as bad as a read-only disk
    params = call_params(new_call_sid(), RecordingSid=RECORDING_SID, RecordingUrl=RECORDING_URL)
    goodbye = await post(
        client,
        "/twilio/voice/fallback?stage=recording&lang=en",
        {**params, "RecordingDuration": "14"},
    )
    assert goodbye.said("Thank you. Goodbye.")  # the caller hears nothing of it
    [line] = [r for r in caplog.records if r.levelno == logging.ERROR]
    message = line.getMessage()
    assert RECORDING_SID in message
    assert "fetch it from Twilio" in message
    assert "writable" in message
    assert CALLER not in message


async def test_the_app_replays_the_spool_when_it_starts(
    aiohttp_client: Any, database_url: str, tmp_path: Path, clock: FixedClock
) -> None:
    # What a process that died during an outage left behind: a call only the fallback took.
    settings = make_settings(tmp_path, database_url)
    sid = new_call_sid()
    Spool(spool_file(tmp_path), DataCipher(settings.data_key)).append(
        CallEvent("status", sid, CALLER, clock.now, duration_s=61).to_json()
    )
    client = await start_app(aiohttp_client, settings, clock)  # no request needed
    for _ in range(100):
        if await rows(client, CallLogEntry):
            break
        await asyncio.sleep(0.05)
    [entry] = await rows(client, CallLogEntry)
    assert (entry.duration_s, entry.outcome, entry.path) == (61, "abandoned", ["fallback"])
    assert spool_file(tmp_path).read_bytes() == b""


async def test_a_server_replays_its_own_databases_records_only(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    clock: FixedClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Two servers on different databases sharing a data folder: each files only what its
    own fallback kept (and records of a version that did not stamp them, as it did then);
    the other's stay in the spool for it, said once."""
    settings = make_settings(tmp_path, database_url)
    other = db.identity(f"sqlite:///{tmp_path / 'elsewhere' / 'other.sqlite3'}")
    assert other != db.identity(settings.database_url)
    mine, unstamped, theirs = new_call_sid(), new_call_sid(), new_call_sid()
    spool = Spool(spool_file(tmp_path), DataCipher(settings.data_key))
    for sid, stamp in (
        (mine, db.identity(settings.database_url)),
        (unstamped, None),
        (theirs, other),
    ):
        record = CallEvent("status", sid, CALLER, clock.now, duration_s=61).to_json()
        spool.append(record if stamp is None else {**record, "db": stamp})
    caplog.set_level(logging.WARNING, logger="hotline")
    client = await start_app(aiohttp_client, settings, clock)
    for _ in range(100):
        if len(await rows(client, CallLogEntry)) == 2:
            break
        await asyncio.sleep(0.05)
    await replay(client)  # a second run: said once
    assert len(await rows(client, CallLogEntry)) == 2
    [kept] = spool.read().entries
    assert (kept.record["call"], kept.record["db"]) == (theirs, other)
    told = [r.getMessage() for r in caplog.records if "another database" in r.getMessage()]
    assert told == [
        "spool replay: 1 records were kept by a server on another database, left for it to "
        "replay; give each server a data folder of its own (HOTLINE_DATA_DIR)"
    ]


async def test_a_replay_that_cannot_read_the_spool_says_so_once_without_counts(
    aiohttp_client: Any, tmp_path: Path, clock: FixedClock, caplog: pytest.LogCaptureFixture
) -> None:
    """Nothing was read: no "0 records waiting" to mislead whoever reads the log."""
    client = await start_app(aiohttp_client, make_settings(tmp_path), clock)
    spool = client.app[VOICE_SPOOL]
    (tmp_path / "data" / "spool").write_text("not a folder")
    caplog.set_level(logging.WARNING, logger="hotline")
    await spool.replay_logged()
    await spool.replay_logged()  # the next run says nothing more
    [line] = [r.getMessage() for r in caplog.records if "spool replay" in r.getMessage()]
    assert line.startswith("spool replay: the records could not be filed (")
    assert "waiting" not in line
