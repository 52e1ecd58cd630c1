"""The servers bench/voice.py measures: `hotline serve`, the bare ceiling, and PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import re
import secrets
import socket
import sys
import time
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
from voice_calls import BARE_TWIML

from hotline.crypto import new_key

DEFAULT_POSTGRES_URL = "postgresql://postgres@127.0.0.1:5432/test"
LOOPBACK = "127.0.0.1"
LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})
STARTUP_TIMEOUT_S = 30.0
STOP_TIMEOUT_S = 10.0
PG_CONNECT_TIMEOUT_S = 3.0
LOG_TAIL_LINES = 40
VOICE_SCRIPT = Path(__file__).resolve().with_name("voice.py")
LOG_GROUPS = 8
_LOG_STAMP = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d+ ")
# A request's id in a log record ("[call-31d8044d]"): left out, so like records count as one.
_REQUEST_ID = re.compile(r"\[[a-z]+-[0-9a-f]{6,}\]")


@dataclass(frozen=True)
class Server:
    """A server subprocess listening on loopback, and where its output goes."""

    base_url: str
    token: str
    log_path: Path
    pid: int  # the first process: with workers, their parent
    database_url: str | None = None


class Skip(Exception):
    """A target that cannot run here, and why."""


def free_port() -> int:
    """A free TCP port on loopback (free when asked; the server binds it right after)."""
    with socket.socket() as sock:
        sock.bind((LOOPBACK, 0))
        port: int = sock.getsockname()[1]
        return port


def log_tail(path: Path, lines: int = LOG_TAIL_LINES) -> str:
    """The last lines a server wrote, for the report."""
    try:
        text = path.read_text(errors="replace")
    except OSError as exc:
        return f"(no server log: {exc})"
    return "\n".join(text.splitlines()[-lines:]) or "(the server wrote nothing)"


def log_size(path: Path) -> int:
    """How much a server has written so far: where a scenario's part of its log begins."""
    try:
        return path.stat().st_size
    except OSError:
        return 0


def log_summary(path: Path, offset: int) -> list[str]:
    """What a server logged since `offset`: each distinct record with its count, busiest
    first, then the last traceback in full."""
    try:
        with path.open("rb") as handle:
            handle.seek(offset)
            lines = handle.read().decode(errors="replace").splitlines()
    except OSError as exc:
        return [f"(no server log: {exc})"]
    records: Counter[str] = Counter()
    traceback: list[str] = []
    in_traceback = False
    for line in lines:
        if _LOG_STAMP.match(line):
            records[_REQUEST_ID.sub("[…]", _LOG_STAMP.sub("", line))] += 1
            in_traceback = False
        elif line.startswith("Traceback"):
            traceback, in_traceback = [line], True
        elif in_traceback:
            traceback.append(line)
        else:
            records[line] += 1
    if not records and not traceback:
        return ["(the server logged nothing)"]
    summary = [f"{count:>6} x {text}" for text, count in records.most_common(LOG_GROUPS)]
    if len(records) > LOG_GROUPS:
        summary.append(f"       ... and {len(records) - LOG_GROUPS} other distinct lines")
    if traceback:
        summary.append("last traceback:")
        summary.extend(traceback[-LOG_TAIL_LINES:])
    return summary


def hotline_env(port: int, token: str, data_dir: Path, database_url: str) -> dict[str, str]:
    """The environment of a production-mode hotline on loopback; no inherited HOTLINE_*."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOTLINE_")}
    env.update(
        HOTLINE_MODE="production",
        HOTLINE_PUBLIC_URL=f"http://{LOOPBACK}:{port}",
        HOTLINE_TWILIO_AUTH_TOKEN=token,
        HOTLINE_PSEUDONYM_KEY=secrets.token_urlsafe(32),
        HOTLINE_DATA_KEY=new_key().decode(),
        HOTLINE_LANGUAGES="en",
        HOTLINE_LOG_LEVEL="WARNING",
        HOTLINE_DATA_DIR=str(data_dir),
        HOTLINE_DATABASE_URL=database_url,
    )
    return env


async def wait_healthy(proc: asyncio.subprocess.Process, base_url: str, log_path: Path) -> None:
    """Poll GET /healthz until it answers 200; fail if the process exits or time runs out."""
    deadline = time.monotonic() + STARTUP_TIMEOUT_S
    timeout = aiohttp.ClientTimeout(total=1.0)
    async with aiohttp.ClientSession(timeout=timeout) as http:
        while time.monotonic() < deadline:
            if proc.returncode is not None:
                raise RuntimeError(
                    f"the server exited with {proc.returncode} at start:\n{log_tail(log_path)}"
                )
            try:
                async with http.get(f"{base_url}/healthz") as resp:
                    if resp.status == 200:
                        return
            except (aiohttp.ClientError, TimeoutError):
                pass
            await asyncio.sleep(0.1)
    raise RuntimeError(
        f"{base_url}/healthz did not answer 200 in {STARTUP_TIMEOUT_S:.0f}s:\n{log_tail(log_path)}"
    )


async def stop(proc: asyncio.subprocess.Process) -> None:
    """Terminate a server we started; kill it if it does not go."""
    if proc.returncode is not None:
        return
    proc.terminate()
    try:
        await asyncio.wait_for(proc.wait(), timeout=STOP_TIMEOUT_S)
    except TimeoutError:
        proc.kill()
        await proc.wait()


@asynccontextmanager
async def subprocess_server(
    args: Sequence[str],
    env: dict[str, str],
    workdir: Path,
    port: int,
    token: str,
    log_name: str = "server",
) -> AsyncIterator[Server]:
    """Start a server process on `port`, wait for /healthz, and stop it on the way out."""
    log_path = workdir / f"{log_name}-{port}.log"
    base_url = f"http://{LOOPBACK}:{port}"
    with log_path.open("wb") as log:
        proc = await asyncio.create_subprocess_exec(
            *args, env=env, cwd=workdir, stdout=log, stderr=asyncio.subprocess.STDOUT
        )
    try:
        await wait_healthy(proc, base_url, log_path)
        yield Server(base_url=base_url, token=token, log_path=log_path, pid=proc.pid)
    finally:
        await stop(proc)


@asynccontextmanager
async def hotline_server(
    workdir: Path, database_url: str, workers: int = 1
) -> AsyncIterator[Server]:
    """`hotline serve --workers N` on a free loopback port with a fresh auth token (given even
    for 1: on PostgreSQL the default is a worker per core); a server that refuses it (an older
    one, or SQLite above 1) is a Skip."""
    port = free_port()
    token = secrets.token_hex(16)
    env = hotline_env(port, token, workdir, database_url)
    args = [sys.executable, "-m", "hotline", "serve", "--host", LOOPBACK, "--port", str(port)]
    args += ["--workers", str(workers)]
    async with AsyncExitStack() as stack:
        try:
            server = await stack.enter_async_context(
                subprocess_server(args, env, workdir, port, token)
            )
        except RuntimeError as exc:
            if workers == 1:
                raise
            said = log_tail(workdir / f"server-{port}.log", lines=1).strip()
            raise Skip(f"hotline serve --workers {workers} refused: {said}") from exc
        yield replace(server, database_url=database_url)


@asynccontextmanager
async def bare_server(workdir: Path, workers: int = 1) -> AsyncIterator[Server]:
    """This file's own constant-TwiML aiohttp app: `workers` subprocesses on one port."""
    port = free_port()
    args = [sys.executable, str(VOICE_SCRIPT), "--bare-server", str(port)]
    async with AsyncExitStack() as stack:
        servers = [
            await stack.enter_async_context(
                subprocess_server(args, dict(os.environ), workdir, port, "bare", f"bare{n}")
            )
            for n in range(workers)
        ]
        yield servers[0]


def serve_bare(port: int) -> None:
    """The ceiling: an aiohttp app answering every POST with the same TwiML (a subprocess)."""
    from aiohttp import web

    async def answer(request: web.Request) -> web.Response:
        await request.read()
        return web.Response(text=BARE_TWIML, content_type="text/xml")

    async def healthz(_request: web.Request) -> web.Response:
        return web.json_response({"status": "ok"})

    app = web.Application()
    app.router.add_get("/healthz", healthz)
    app.router.add_post("/{tail:.*}", answer)
    # reuse_port: with workers, several of these share the port, as `hotline serve`'s do.
    # The backlog of `hotline serve`, so both answer a burst of connections alike.
    web.run_app(app, host=LOOPBACK, port=port, print=None, reuse_port=True, backlog=2048)


# -- PostgreSQL -----------------------------------------------------------------------------------


def postgres_admin_url() -> str:
    """The server to create the bench database on; loopback only."""
    url = os.environ.get("HOTLINE_BENCH_POSTGRES_URL", DEFAULT_POSTGRES_URL)
    host = urlsplit(url).hostname
    if host not in LOOPBACK_NAMES:
        raise Skip(f"HOTLINE_BENCH_POSTGRES_URL must point at loopback, not {host!r}")
    return url


def redacted(url: str) -> str:
    """A database URL without its password, for printing."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return parts._replace(netloc=netloc).geturl()


async def run_db_upgrade(workdir: Path, database_url: str) -> None:
    """`hotline db upgrade` on the bench database (PostgreSQL is not migrated at start)."""
    env = hotline_env(free_port(), secrets.token_hex(16), workdir, database_url)
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "hotline",
        "db",
        "upgrade",
        env=env,
        cwd=workdir,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.STDOUT,
    )
    try:
        output, _ = await asyncio.wait_for(proc.communicate(), timeout=STARTUP_TIMEOUT_S)
    except TimeoutError:
        await stop(proc)
        raise RuntimeError("hotline db upgrade did not finish in time") from None
    if proc.returncode != 0:
        raise RuntimeError(f"hotline db upgrade failed:\n{output.decode(errors='replace')}")


@asynccontextmanager
async def postgres_database(workdir: Path) -> AsyncIterator[str]:
    """A fresh, migrated database `hotline_bench_<hex>`, dropped on the way out."""
    import asyncpg

    admin_url = postgres_admin_url()
    try:
        admin = await asyncpg.connect(admin_url, timeout=PG_CONNECT_TIMEOUT_S)
    except (OSError, TimeoutError, asyncpg.PostgresError) as exc:
        raise Skip(f"PostgreSQL at {redacted(admin_url)} does not answer: {exc!r}") from exc
    name = f"hotline_bench_{secrets.token_hex(6)}"
    try:
        try:
            await admin.execute(f'CREATE DATABASE "{name}"')
        except asyncpg.PostgresError as exc:
            raise Skip(f"cannot create a database at {redacted(admin_url)}: {exc!r}") from exc
        try:
            database_url = urlsplit(admin_url)._replace(path=f"/{name}").geturl()
            await run_db_upgrade(workdir, database_url)
            yield database_url
        finally:
            await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()


@asynccontextmanager
async def target_server(target: str, workdir: Path, workers: int) -> AsyncIterator[Server]:
    """The server of a target, with its database, in `workers` processes."""
    if target == "bare":
        async with bare_server(workdir, workers) as server:
            yield server
    elif target == "sqlite":
        url = f"sqlite:///{workdir / 'bench.sqlite3'}"
        async with hotline_server(workdir, url, workers) as server:
            yield server
    else:
        async with (
            postgres_database(workdir) as url,
            hotline_server(workdir, url, workers) as server,
        ):
            yield server
