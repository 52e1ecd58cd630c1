"""Shared fixtures: settings on a temporary data folder, both databases, signed Twilio requests."""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import Awaitable, Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from aiohttp import web_app
from aiohttp.test_utils import TestClient
from sqlalchemy.engine import make_url
from twilio.request_validator import RequestValidator

from hotline.config import Settings, load_settings

PUBLIC_URL = "https://hotline.example.org"
AUTH_TOKEN = "test-auth-token-0123456789abcdef"
PSEUDONYM_KEY = "test-pseudonym-key-0123456789abcdef-0123"
DATA_KEY = "bGVzdC1kYXRhLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE="  # a Fernet key: 32 bytes, base64
CALLER = "+995555123456"
HOTLINE_NUMBER = "+995322000000"
PRODUCTION_DEADLINE = {"HOTLINE_STEP_DEADLINE_MS": "800"}  # the default a deployment runs
POSTGRES_URL = os.environ.get(
    "HOTLINE_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test"
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-goldens", action="store_true", help="rewrite tests/golden/ from the engine"
    )


class FixedClock:
    """A clock the test moves by hand."""

    def __init__(self, start: datetime | None = None) -> None:
        self.now = start or datetime(2026, 11, 22, 3, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture(autouse=True)
def forget_the_apps() -> Iterator[None]:
    """aiohttp keeps each app's middleware chain in a cache of 1,024 entries keyed by the app
    (one app a process, in production). The suite builds an app a test: the cache kept a
    thousand of them alive, and the heap's full collections grew to seconds (long enough for
    a voice step to miss its deadline in a test)."""
    yield
    web_app._cached_build_middleware.cache_clear()


def make_settings(tmp_path: Path, database_url: str | None = None, **env: str) -> Settings:
    """Production-mode settings on a temporary data folder."""
    return load_settings(settings_env(tmp_path, database_url, **env), env_file=None)


def settings_env(tmp_path: Path, database_url: str | None = None, **env: str) -> dict[str, str]:
    """Those settings as environment variables (for a `hotline` command in a subprocess too)."""
    base = {
        "HOTLINE_MODE": "production",
        "HOTLINE_PUBLIC_URL": PUBLIC_URL,
        "HOTLINE_TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "HOTLINE_PSEUDONYM_KEY": PSEUDONYM_KEY,
        "HOTLINE_DATA_KEY": DATA_KEY,
        "HOTLINE_DATA_DIR": str(tmp_path / "data"),
        "HOTLINE_LANGUAGES": "en",
        # Tests share two cores with PostgreSQL and each other: a step that misses the 0.8 s
        # production deadline on a scheduling hiccup would fail a test about something else.
        # The tests of the deadline itself set it back (PRODUCTION_DEADLINE).
        "HOTLINE_STEP_DEADLINE_MS": "4000",
    }
    if database_url:
        base["HOTLINE_DATABASE_URL"] = database_url
    base.update(env)
    return base


async def _postgres_reachable() -> str | None:
    """None when PostgreSQL answers, else why not."""
    url = make_url(POSTGRES_URL)
    try:
        conn = await asyncio.wait_for(
            asyncpg.connect(
                host=url.host, port=url.port or 5432, user=url.username, database=url.database
            ),
            timeout=3,
        )
    except (OSError, TimeoutError, asyncpg.PostgresError) as exc:
        return f"PostgreSQL at {url.host}:{url.port} did not answer ({exc.__class__.__name__})"
    await conn.close()
    return None


async def _admin(sql: str) -> None:
    url = make_url(POSTGRES_URL)
    conn = await asyncpg.connect(
        host=url.host, port=url.port or 5432, user=url.username, database=url.database
    )
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database of its own for one test, dropped afterwards.

    Sync on purpose: it runs before the test's event loop, so it can be chosen by
    parametrisation (getfixturevalue) and still create the database.
    """
    reason = asyncio.run(_postgres_reachable())
    if reason:
        pytest.skip(f"{reason}; set HOTLINE_TEST_POSTGRES_URL to run the PostgreSQL tests")
    name = f"hotline_test_{secrets.token_hex(6)}"
    asyncio.run(_admin(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES_URL).set(database=name).render_as_string(hide_password=False)
    finally:
        asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(params=["sqlite", "postgres"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Each storage test runs on SQLite and on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'hotline.sqlite3'}"
    return str(request.getfixturevalue("postgres_url"))


def sign(url: str, params: dict[str, str], token: str = AUTH_TOKEN) -> str:
    """X-Twilio-Signature exactly as Twilio computes it."""
    return str(RequestValidator(token).compute_signature(url, params))


def call_params(call_sid: str, **extra: str) -> dict[str, str]:
    """The form Twilio posts for a call (plus any step fields)."""
    return {
        "CallSid": call_sid,
        "AccountSid": "AC" + "0" * 32,
        "From": CALLER,
        "To": HOTLINE_NUMBER,
        "CallStatus": "in-progress",
        "Direction": "inbound",
        "ApiVersion": "2010-04-01",
        **extra,
    }


def new_call_sid() -> str:
    return "CA" + secrets.token_hex(16)


async def post_signed(
    client: TestClient[Any, Any],
    path_qs: str,
    params: dict[str, str],
    *,
    signed_url: str | None = None,
    token: str = AUTH_TOKEN,
) -> tuple[int, str]:
    """Post a form to the app as Twilio would reach it through the public URL."""
    signature = sign(signed_url or PUBLIC_URL + path_qs, params, token)
    resp = await client.post(path_qs, data=params, headers={"X-Twilio-Signature": signature})
    return resp.status, await resp.text()


AppClient = TestClient[Any, Any]


@pytest.fixture
async def voice_client(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    database_url: str,
    tmp_path: Path,
    clock: FixedClock,
) -> AppClient:
    """The whole app on a real database (both engines), reached as through a TLS proxy."""
    return await start_app(aiohttp_client, make_settings(tmp_path, database_url), clock)


async def start_app(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    settings: Settings,
    clock: FixedClock,
    **kwargs: Any,
) -> AppClient:
    """Migrate the database (PostgreSQL is not migrated at start) and serve the app."""
    from hotline.app import create_app
    from hotline.storage import db

    engine = db.create_engine(settings.database_url)
    await db.upgrade(engine)
    await engine.dispose()
    return await aiohttp_client(create_app(settings, clock=clock, **kwargs))
