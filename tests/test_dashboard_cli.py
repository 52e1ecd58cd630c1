"""`hotline staff set-password | invite | sign-out` as an operator runs them, on both databases."""

from __future__ import annotations

import asyncio
import hashlib
import io
import sys
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from hotline.storage import db
from hotline.storage.dashboard_tables import InviteToken, StaffCredential
from tests.conftest import PUBLIC_URL, make_settings
from tests.test_staff_cli import Run, _runner

PASSWORD = "a long pass phrase"


@pytest.fixture
def hotline(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    database_url: str,
) -> Run:
    run = _runner(tmp_path, monkeypatch, capsys, database_url)
    assert run("db", "upgrade")[0] == 0
    code, _, err = run(
        "staff", "add", "ana", "--name", "Ana", "--role", "admin", "--languages", "hr"
    )
    assert code == 0, err
    return run


def typed(monkeypatch: pytest.MonkeyPatch, *lines: str) -> None:
    """What the operator types at the prompts."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(line + "\n" for line in lines)))


def stored(database_url: str, column: object) -> list[object]:
    url = make_settings(Path("."), database_url).database_url  # as the server reads it

    async def read() -> list[object]:
        engine = db.create_engine(url)
        try:
            async with engine.connect() as conn:
                return list((await conn.execute(select(column))).scalars())  # type: ignore[call-overload]
        finally:
            await engine.dispose()

    return asyncio.run(read())


def test_set_password_asks_twice_and_stores_only_an_argon2_hash(
    hotline: Run, monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    typed(monkeypatch, PASSWORD, PASSWORD)
    code, out, err = hotline("staff", "set-password", "ana")
    assert code == 0, err
    assert "ana (Ana) can sign in" in out
    assert PASSWORD not in out + err
    hashes = stored(database_url, StaffCredential.password_hash)
    assert len(hashes) == 1
    assert str(hashes[0]).startswith("$argon2id$")
    assert PasswordHasher().verify(str(hashes[0]), PASSWORD)


@pytest.mark.parametrize(
    ("first", "second", "why"),
    [
        ("too short", "too short", "at least 10 characters"),
        (PASSWORD, PASSWORD + "x", "the two passwords differ"),
    ],
)
def test_set_password_refuses_a_short_or_mistyped_password(
    hotline: Run,
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
    first: str,
    second: str,
    why: str,
) -> None:
    typed(monkeypatch, first, second)
    code, _, err = hotline("staff", "set-password", "ana")
    assert code == 2
    assert why in err
    assert stored(database_url, StaffCredential.password_hash) == []


def test_set_password_of_nobody_says_so(hotline: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    typed(monkeypatch, PASSWORD, PASSWORD)
    code, _, err = hotline("staff", "set-password", "zoe")
    assert code == 2
    assert "no staff member with id 'zoe'" in err


def test_invite_prints_a_link_whose_token_is_stored_only_hashed(
    hotline: Run, database_url: str
) -> None:
    code, out, err = hotline("staff", "invite", "ana")
    assert code == 0, err
    link = out.strip().splitlines()[-1]
    assert link.startswith(PUBLIC_URL + "/staff/invite/")
    token = link.rsplit("/", 1)[1]
    hashes = stored(database_url, InviteToken.token_hash)
    assert hashes == [hashlib.sha256(token.encode()).hexdigest()]
