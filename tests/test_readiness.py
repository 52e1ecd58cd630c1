"""/healthz says the process answers; /readyz says whether it can work: a read-only, stopped
or old database and an unwritable data folder each make it 503, naming the check, and it is
200 again once they are put right. /metrics and /readyz are for allowed addresses and the
token; /healthz is for anyone."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import asyncpg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from hotline.app import ENGINE
from hotline.config import load_settings
from hotline.errors import ConfigError, DatabaseUnavailable
from hotline.storage import db
from tests.conftest import AppClient, FixedClock, make_settings, settings_env, start_app
from tests.test_faults import TcpProxy

TOKEN = "metrics-token-0123456789abcdef"
TRIES = 10  # a pool's dead connections fail a probe each before new ones are opened


async def readiness(client: AppClient) -> tuple[int, dict[str, Any]]:
    resp = await client.get("/readyz")
    return resp.status, await resp.json()


async def until(client: AppClient, status: int) -> dict[str, Any]:
    """Ask /readyz until it answers `status` (bounded: each answer comes within its deadline)."""
    seen: list[dict[str, Any]] = []
    for _ in range(TRIES):
        got, body = await readiness(client)
        if got == status:
            return body
        seen.append(body)
        await asyncio.sleep(0.1)
    raise AssertionError(f"/readyz never answered {status}: {seen}")


async def pg_admin(url: str, *sql: str) -> None:
    """Run statements as the superuser on the server's maintenance database."""
    parsed = make_url(url)
    conn = await asyncpg.connect(
        host=parsed.host, port=parsed.port or 5432, user=parsed.username, database="postgres"
    )
    try:
        for statement in sql:
            await conn.execute(statement)
    finally:
        await conn.close()


def cut_off(name: str) -> str:
    """Close every connection to the test's database (its name is the fixture's own)."""
    return (
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "  # noqa: S608
        f"WHERE datname = '{name}' AND pid <> pg_backend_pid()"
    )


async def test_ready_and_healthy_on_both_databases(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    database_url: str,
    tmp_path: Path,
    clock: FixedClock,
) -> None:
    client = await start_app(aiohttp_client, make_settings(tmp_path, database_url), clock)
    for path in ("/healthz", "/livez"):
        resp = await client.get(path)
        assert (resp.status, await resp.json()) == (200, {"status": "alive"})
    assert await readiness(client) == (
        200,
        {"status": "ready", "checks": {"database": "ok", "migrations": "ok", "data_folder": "ok"}},
    )


async def test_a_schema_behind_this_version_is_not_ready(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    database_url: str,
    tmp_path: Path,
    clock: FixedClock,
) -> None:
    client = await start_app(aiohttp_client, make_settings(tmp_path, database_url), clock)
    engine = client.app[ENGINE]
    async with engine.begin() as conn:
        head = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar_one()
        await conn.execute(text("UPDATE alembic_version SET version_num = '0001'"))
    status, body = await readiness(client)
    assert status == 503
    assert body["checks"]["migrations"] == f"the schema is at 0001, this version needs {head}"
    assert body["checks"]["database"] == "ok"
    async with engine.begin() as conn:
        await conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})
    assert (await readiness(client))[0] == 200


async def test_a_read_only_sqlite_database_is_not_ready_until_it_takes_writes(
    aiohttp_client: Callable[..., Awaitable[AppClient]], tmp_path: Path, clock: FixedClock
) -> None:
    # The tests run as root, whom chmod does not stop: SQLite's query_only on the pool's one
    # connection fails a write with the same error as a read-only file.
    client = await start_app(aiohttp_client, make_settings(tmp_path), clock)
    engine = client.app[ENGINE]
    async with engine.connect() as conn:
        await conn.exec_driver_sql("PRAGMA query_only = ON")
    status, body = await readiness(client)
    assert status == 503
    assert body["status"] == "unready"
    assert body["checks"]["database"] == "refuses writes (the database is read-only)"
    assert (await client.get("/healthz")).status == 200
    async with engine.connect() as conn:
        await conn.exec_driver_sql("PRAGMA query_only = OFF")
    assert (await readiness(client))[0] == 200


async def test_a_read_only_postgresql_database_is_not_ready_until_it_takes_writes(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    postgres_url: str,
    tmp_path: Path,
    clock: FixedClock,
) -> None:
    client = await start_app(aiohttp_client, make_settings(tmp_path, postgres_url), clock)
    name = make_url(postgres_url).database
    assert (await readiness(client))[0] == 200
    await pg_admin(
        postgres_url,
        f'ALTER DATABASE "{name}" SET default_transaction_read_only = on',
        cut_off(str(name)),
    )
    body = await until(client, 503)
    for _ in range(TRIES):  # the pool's dropped connections first, then read-only ones
        if body["checks"]["database"] == "refuses writes (the database is read-only)":
            break
        body = await until(client, 503)
    assert body["checks"]["database"] == "refuses writes (the database is read-only)"
    await pg_admin(
        postgres_url,
        f'ALTER DATABASE "{name}" RESET default_transaction_read_only',
        cut_off(str(name)),
    )
    body = await until(client, 200)
    assert body["status"] == "ready"


async def test_a_stopped_postgresql_is_not_ready_and_ready_again_once_back(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    postgres_url: str,
    tmp_path: Path,
    clock: FixedClock,
) -> None:
    url = make_url(postgres_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    port = await proxy.start()
    proxied = url.set(host="127.0.0.1", port=port).render_as_string(hide_password=False)
    client = await start_app(aiohttp_client, make_settings(tmp_path, proxied), clock)
    try:
        assert (await readiness(client))[0] == 200
        proxy.drop_all()  # every connection cut, new ones refused: as a stopped server
        loop = asyncio.get_running_loop()
        started = loop.time()
        status, body = await readiness(client)
        assert loop.time() - started < 3
        assert status == 503
        assert body["checks"]["database"].startswith("does not answer")
        assert body["checks"]["data_folder"] == "ok"
        live = await client.get("/healthz")
        assert (live.status, await live.json()) == (200, {"status": "alive"})
        proxy.resume()
        assert (await until(client, 200))["status"] == "ready"
    finally:
        await proxy.stop()


async def test_an_unwritable_data_folder_is_not_ready(
    aiohttp_client: Callable[..., Awaitable[AppClient]], tmp_path: Path, clock: FixedClock
) -> None:
    settings = make_settings(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite3'}")
    client = await start_app(aiohttp_client, settings, clock)
    moved = tmp_path / "moved"
    settings.data_dir.mkdir(exist_ok=True)
    settings.data_dir.rename(moved)
    settings.data_dir.write_text("a file where the folder was\n")  # root ignores modes
    try:
        status, body = await readiness(client)
        assert status == 503
        assert body["checks"]["data_folder"].startswith("cannot write there (")
        assert body["checks"]["database"] == "ok"
    finally:
        settings.data_dir.unlink()
        moved.rename(settings.data_dir)
    assert (await readiness(client))[0] == 200


# -- who may ask -----------------------------------------------------------------------------


async def test_metrics_and_readiness_ask_for_the_token_when_one_is_set(
    aiohttp_client: Callable[..., Awaitable[AppClient]], tmp_path: Path, clock: FixedClock
) -> None:
    settings = make_settings(tmp_path, HOTLINE_METRICS_TOKEN=TOKEN)
    client = await start_app(aiohttp_client, settings, clock)
    for path in ("/metrics", "/readyz"):
        for headers in ({}, {"Authorization": "Bearer wrong-token-0123456789"}):
            resp = await client.get(path, headers=headers)
            assert resp.status == 403
            assert await resp.text() == (
                "forbidden: a bearer token (HOTLINE_METRICS_TOKEN) is required\n"
            )
        resp = await client.get(path, headers={"Authorization": f"Bearer {TOKEN}"})
        assert resp.status == 200
    assert (await client.get("/healthz")).status == 200  # liveness asks nobody


async def test_metrics_are_refused_to_addresses_outside_the_allowed_ranges(
    aiohttp_client: Callable[..., Awaitable[AppClient]], tmp_path: Path, clock: FixedClock
) -> None:
    settings = make_settings(tmp_path, HOTLINE_METRICS_ALLOW="10.0.0.0/8")
    client = await start_app(aiohttp_client, settings, clock)
    for path in ("/metrics", "/readyz"):
        resp = await client.get(path)  # from 127.0.0.1
        assert resp.status == 403
        assert "not in HOTLINE_METRICS_ALLOW" in await resp.text()


async def test_behind_our_proxy_the_internet_is_refused_and_the_cluster_let_in(
    aiohttp_client: Callable[..., Awaitable[AppClient]], tmp_path: Path, clock: FixedClock
) -> None:
    settings = make_settings(tmp_path, HOTLINE_FORWARDED_FOR="yes")
    client = await start_app(aiohttp_client, settings, clock)
    outside = {"X-Forwarded-For": "198.51.100.7, 203.0.113.9"}
    assert (await client.get("/metrics", headers=outside)).status == 403
    inside = {"X-Forwarded-For": "203.0.113.9, 10.1.2.3"}
    assert (await client.get("/metrics", headers=inside)).status == 200
    assert (await client.get("/metrics")).status == 200  # Prometheus beside it, no proxy


@pytest.mark.parametrize(
    ("env", "said"),
    [
        (
            {"HOTLINE_METRICS_ALLOW": "10.0.0.0/8,intranet"},
            "HOTLINE_METRICS_ALLOW: 'intranet' is not an address range; list ranges like "
            "127.0.0.1/32,10.0.0.0/8, or say any (then set HOTLINE_METRICS_TOKEN)",
        ),
        (
            {"HOTLINE_METRICS_TOKEN": "short"},
            "HOTLINE_METRICS_TOKEN: use 16-256 characters of A-Z a-z 0-9 . _ ~ + / = -, e.g. "
            "`python3 -c 'import secrets; print(secrets.token_urlsafe(32))'`",
        ),
    ],
)
def test_a_bad_restriction_stops_start_up_in_one_line(
    tmp_path: Path, env: dict[str, str], said: str
) -> None:
    with pytest.raises(ConfigError) as caught:
        load_settings(settings_env(tmp_path, **env), env_file=None)
    assert str(caught.value) == said


def test_any_address_may_be_allowed_with_a_token(tmp_path: Path) -> None:
    env = settings_env(tmp_path, HOTLINE_METRICS_ALLOW="any", HOTLINE_METRICS_TOKEN=TOKEN)
    observe = load_settings(env, env_file=None).observe
    assert [str(n) for n in observe.allow] == ["0.0.0.0/0", "::/0"]


ONE_LINE_OUTAGE = r"^the database does not answer \(\w+\)$"


async def test_a_postgresql_closed_to_connections_is_an_outage_said_in_one_line(
    postgres_url: str, tmp_path: Path
) -> None:
    """As during maintenance (ALLOW_CONNECTIONS false, connections cut): the pooled
    connection is gone and a new one refused, each an outage in one line that names no
    statement (a voice step then keeps what it must in the spool), never a bug's traceback."""
    name = make_url(postgres_url).database or ""
    engine = db.create_engine(make_settings(tmp_path, postgres_url).database_url)
    try:
        await db.upgrade(engine)
        async with engine.connect() as conn:
            await conn.execute(text("SELECT 1"))  # a connection in the pool
        await pg_admin(postgres_url, f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS false')
        await pg_admin(postgres_url, cut_off(name))
        for _ in ("the pooled connection, cut", "a new one, refused"):
            with pytest.raises(DatabaseUnavailable, match=ONE_LINE_OUTAGE):
                async with db.outages_as_unavailable(), engine.connect() as conn:
                    await conn.execute(text("SELECT 1"))
    finally:
        await pg_admin(postgres_url, f'ALTER DATABASE "{name}" ALLOW_CONNECTIONS true')
        await engine.dispose()
