"""Rotating the data key: `hotline keys rotate-data` re-encrypts every encrypted value (and the
voice spool) with the new key in batches, can stop and carry on, keeps what the hotline writes
meanwhile; `hotline keys check` names the columns that need an old key or open with none.
On SQLite and PostgreSQL, as an operator runs the commands."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet
from sqlalchemy import update

from hotline.cli import main
from hotline.crypto import DataCipher
from hotline.storage import db
from hotline.storage.models import Question
from hotline.storage.sealed_columns import (
    changes,
    read_batch,
    rotate_table,
    sealed_tables,
    survey,
    write_changes,
)
from hotline.storage.spool import Spool, voice_spool_path
from hotline.storage.staff import StaffDirectory
from hotline.storage.unit_of_work import SqlUnitsOfWork
from tests.conftest import (
    FixedClock,
    make_settings,
    new_call_sid,
    settings_env,
    start_app,
)
from tests.sealed_rows import expected, fill, secret, stored
from tests.staffing import DAY, PHONES, staff_the_hotline
from tests.test_escalation_voice import numbers
from tests.test_voice_webhooks import end_call, press, start_call

KEY_A = Fernet.generate_key().decode()
KEY_B = Fernet.generate_key().decode()
ROWS = 7  # with --batch-size 3: three batches a table
Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def hotline(
    tmp_path: Path,
    database_url: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Run:
    """`hotline ARGS...` in-process, with the keys given as `KEY=VALUE` first."""
    monkeypatch.chdir(tmp_path)  # no .env of the working copy

    def run(*args: str, **env: str) -> tuple[int, str, str]:
        for name in [k for k in os.environ if k.startswith("HOTLINE_")]:
            monkeypatch.delenv(name)
        for name, value in settings_env(tmp_path, database_url, **env).items():
            monkeypatch.setenv(name, value)
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def url(tmp_path: Path, database_url: str) -> str:
    """The database's URL with its async driver, as the hotline opens it."""
    return make_settings(tmp_path, database_url).database_url


def values(database_url: str) -> dict[tuple[str, str, str], str | None]:
    async def read() -> dict[tuple[str, str, str], str | None]:
        engine = db.create_engine(database_url)
        try:
            return await stored(engine)
        finally:
            await engine.dispose()

    return asyncio.run(read())


ROTATING = {"HOTLINE_DATA_KEY": KEY_B, "HOTLINE_DATA_KEYS_OLD": KEY_A}


def test_every_encrypted_value_is_re_encrypted_with_the_new_key_in_batches(
    hotline: Run, url: str, tmp_path: Path
) -> None:
    asyncio.run(fill(url, DataCipher(KEY_A), ROWS))
    spool = Spool(voice_spool_path(tmp_path / "data"), DataCipher(KEY_A))
    spool.append({"kind": "voicemail", "said": secret("spool", "record", 0)})
    before = values(url)
    assert len([v for v in before.values() if v]) >= 60  # every table, NULLs aside

    code, out, err = hotline("keys", "check", **ROTATING)
    assert code == 0, err  # every value decrypts with a configured key, if an old one
    assert ", 0 with HOTLINE_DATA_KEY alone" in out
    code, out, err = hotline("keys", "check", "--primary-only", **ROTATING)
    assert code == 1, err
    assert "questions.text: 7 values still need an old key" in out
    assert "chat_cases.pending: 14 values still need an old key" in out
    assert "the voice spool: 1 values still need an old key" in out

    code, out, err = hotline("keys", "rotate-data", "--batch-size", "3", **ROTATING)
    assert code == 0, err
    assert "keys rotate-data: questions: 7/7 rows, 14 values re-encrypted" in out
    assert "keys rotate-data: staff: 7/7 rows" in out
    assert "voice spool: 1 records re-encrypted" in out
    assert "remove HOTLINE_DATA_KEYS_OLD" in out
    assert "Ники" not in out + err
    assert "+9955" not in out + err

    new = DataCipher(KEY_B)  # the new key alone
    after = values(url)
    assert after.keys() == before.keys()
    for where, token in after.items():
        assert (token is None) == (before[where] is None), where
        if token is not None:
            assert new.decrypt(token) == expected(*where), where  # once, not twice
    [entry] = Spool(spool.path, new).read().entries
    assert entry.record["said"] == secret("spool", "record", 0)

    code, out, err = hotline("keys", "check", "--primary-only", HOTLINE_DATA_KEY=KEY_B)
    assert code == 0, err
    assert "decrypt with the configured keys" in out


def test_a_stopped_rotation_carries_on_where_it_stopped(hotline: Run, url: str) -> None:
    asyncio.run(fill(url, DataCipher(KEY_A), ROWS))
    before = values(url)
    code, out, err = hotline(
        "keys", "rotate-data", "--batch-size", "3", "--max-batches", "4", **ROTATING
    )
    assert code == 0, err
    assert "stopped after 4 batches as asked; run it again to carry on" in out
    new = DataCipher(KEY_B)
    halfway = values(url)
    moved = {w for w, t in halfway.items() if t and t != before[w]}
    assert moved
    assert moved != {w for w, t in before.items() if t}
    assert all(new.decrypt(halfway[w] or "") == expected(*w) for w in moved)

    code, out, err = hotline("keys", "rotate-data", "--batch-size", "3", **ROTATING)
    assert code == 0, err
    after = values(url)
    for where in moved:
        assert after[where] == halfway[where]  # not touched again
    for where, token in after.items():
        if token is not None:
            assert new.decrypt(token) == expected(*where)
    assert hotline("keys", "check", "--primary-only", HOTLINE_DATA_KEY=KEY_B)[0] == 0


def test_what_the_hotline_writes_during_a_batch_is_kept(url: str) -> None:
    old_and_new = DataCipher(KEY_B, [KEY_A])
    asyncio.run(fill(url, DataCipher(KEY_A), ROWS))
    [questions] = [s for s in sealed_tables() if s.name == "questions"]
    [cases] = [s for s in sealed_tables() if s.name == "chat_cases"]

    async def interleave() -> None:
        engine = db.create_engine(url)
        try:
            async with engine.connect() as conn:
                question_batch = await read_batch(conn, questions, None, 3)
                case_batch = await read_batch(conn, cases, None, 3)
            first_question, first_case = question_batch.rows[0][0], case_batch.rows[0][0]
            # Meanwhile the hotline writes: a question's text anew, a message kept in a case.
            async with engine.begin() as conn:
                await conn.execute(
                    update(Question)
                    .where(Question.id == first_question)
                    .values(text=old_and_new.encrypt("written meanwhile"))
                )
            async with SqlUnitsOfWork(engine)() as uow:
                await uow.cases.keep_pending(first_case, old_and_new.encrypt("kept meanwhile"))
            async with engine.begin() as conn:
                await write_changes(
                    conn, questions, changes(old_and_new, questions, question_batch)
                )
                await write_changes(conn, cases, changes(old_and_new, cases, case_batch))
            now = await stored(engine)
        finally:
            await engine.dispose()
        new = DataCipher(KEY_B)
        assert new.decrypt(now[("questions", "text", first_question)] or "") == "written meanwhile"
        kept = [
            old_and_new.decrypt(now[("chat_cases", "pending", f"{first_case}.{p}")] or "")
            for p in (0, 1, 2)
        ]
        assert kept[2] == "kept meanwhile"  # the case's three messages, none lost
        assert kept[:2] == [secret("chat_cases", "pending", 0, p) for p in (0, 1)]
        # The rows nobody touched were re-encrypted in the same batch.
        second = question_batch.rows[1][0]
        assert new.decrypt(now[("questions", "text", second)] or "") == expected(
            "questions", "text", second
        )

    asyncio.run(interleave())


def test_check_names_the_column_a_foreign_key_wrote_never_the_value(hotline: Run, url: str) -> None:
    asyncio.run(fill(url, DataCipher(KEY_A), ROWS))
    code, out, err = hotline("keys", "check", HOTLINE_DATA_KEY=KEY_A)
    assert code == 0, err
    total = len([token for token in values(url).values() if token])
    assert f"all {total} encrypted values decrypt with the configured keys, {total} with" in out
    stranger = DataCipher(Fernet.generate_key()).encrypt("a text nobody may print")

    async def spoil() -> None:
        engine = db.create_engine(url)
        try:
            async with engine.begin() as conn:
                await conn.execute(update(Question).values(text=stranger))
        finally:
            await engine.dispose()

    asyncio.run(spoil())
    code, out, err = hotline("keys", "check", HOTLINE_DATA_KEY=KEY_A)
    assert code == 1, err
    [line] = out.splitlines()
    assert line.startswith("keys check: questions.text: 7 values decrypt with none of the")
    assert "HOTLINE_DATA_KEYS_OLD" in line
    assert "nobody" not in out + err
    assert stranger not in out + err
    # A rotation cannot carry them over either: it says so and keeps the old key in place.
    code, out, err = hotline("keys", "rotate-data", **ROTATING)
    assert code == 1, err
    assert "questions.text: 7 values decrypt with none" in out
    assert "remove HOTLINE_DATA_KEYS_OLD" not in out


async def test_a_running_server_keeps_ringing_staff_through_a_rotation(
    aiohttp_client: Any, database_url: str, tmp_path: Path
) -> None:
    clock = FixedClock(DAY)
    languages = {"HOTLINE_LANGUAGES": "en,ru"}
    await staff_the_hotline(make_settings(tmp_path, database_url, HOTLINE_DATA_KEY=KEY_A))
    settings = make_settings(tmp_path, database_url, **languages, **ROTATING)
    client = await start_app(aiohttp_client, settings, clock)  # the new key, and the old one

    async def rung() -> str:
        clock.advance(minutes=1)  # the duty board reads the staff's numbers anew
        sid = new_call_sid()
        dial = await press(client, sid, await start_call(client, sid, "?lang=ru"), "3")
        await end_call(client, sid)
        [(number, _)] = numbers(dial)
        return number

    assert await rung() == PHONES["ana"]  # written with the old key
    engine = db.create_engine(settings.database_url)
    cipher = DataCipher(KEY_B, [KEY_A])
    staff = StaffDirectory(engine, cipher, settings.pseudonym_key)
    [table] = [s for s in sealed_tables() if s.name == "staff"]
    try:
        # Halfway: Ana's row re-encrypted, the others not yet; her number changes meanwhile.
        done = await rotate_table(
            engine, cipher, table, batch_size=1, max_batches=1, progress=lambda _: None
        )
        assert done[2] is False
        await staff.set("ana", phone="+995555000011", now=clock())
        assert await rung() == "+995555000011"
        await rotate_table(
            engine, cipher, table, batch_size=1, max_batches=None, progress=lambda _: None
        )
        await staff.set("ana", phone="+995555000012", now=clock())
        assert await rung() == "+995555000012"
        assert {c.old + c.none for c in await survey(engine, cipher) if c.table == "staff"} == {0}
    finally:
        await engine.dispose()
