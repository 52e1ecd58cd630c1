"""No trace of the caller's number in the database or the logs; pseudonyms are keyed."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import text

from hotline.app import ENGINE
from hotline.privacy import pseudonym
from tests.conftest import CALLER, AppClient, call_params, new_call_sid, post_signed
from tests.twiml import Twiml

# The number as it might leak: E.164, without +, national part, spaced.
TRACES = [CALLER, CALLER.lstrip("+"), CALLER[4:], "555 12 34 56", "555123456"]


def sqlite_bytes(folder: Path) -> bytes:
    """The raw SQLite files (database, WAL, shared memory); empty on PostgreSQL."""
    return b"".join(p.read_bytes() for p in folder.glob("hotline.sqlite3*"))


def test_pseudonyms_are_stable_keyed_and_ignore_formatting() -> None:
    key = b"k" * 32
    assert pseudonym("+995 555 12-34-56", key) == pseudonym("+995555123456", key)
    assert pseudonym("555123456", key, default_region="GE") == pseudonym("+995555123456", key)
    assert pseudonym("+995555123456", b"x" * 32) != pseudonym("+995555123456", key)
    assert pseudonym("+995555123457", key) != pseudonym("+995555123456", key)
    assert pseudonym("anonymous", key) is None


async def test_after_a_call_no_table_and_no_log_line_holds_the_number(
    voice_client: AppClient, database_url: str, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    sid = new_call_sid()
    status, body = await post_signed(voice_client, "/twilio/voice", call_params(sid))
    assert status == 200
    menu = Twiml.parse(body)
    status, body = await post_signed(voice_client, menu.action(), call_params(sid, Digits="4"))
    prompt = Twiml.parse(body)
    recording = call_params(
        sid, RecordingUrl="https://api.twilio.com/x/Recordings/RE2", RecordingDuration="9"
    )
    await post_signed(voice_client, prompt.action("Record"), recording)
    forged = await voice_client.post("/twilio/voice", data=call_params(new_call_sid()))
    assert forged.status == 403
    status, _ = await post_signed(
        voice_client, "/twilio/voice/status", call_params(sid, CallStatus="completed")
    )
    assert status == 200

    dump = []
    async with voice_client.app[ENGINE].connect() as conn:
        for table in ("call_log", "call_sessions", "voicemails"):
            rows = (await conn.execute(text(f"SELECT * FROM {table}"))).all()  # noqa: S608
            assert rows, f"{table} is empty: the call did not run through"
            dump.extend(repr(tuple(row)) for row in rows)
    stored = "\n".join(dump)
    files = sqlite_bytes(tmp_path)
    logs = caplog.text
    assert "voice step" not in logs  # the call ran without faults
    for trace in TRACES:
        assert trace not in stored
        assert trace.encode() not in files
        assert trace not in logs
