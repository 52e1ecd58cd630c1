"""Real `hotline serve` processes for the replica and backup tests: staff on duty around the
clock, participants with a message due now, each server's environment, a round-robin
splitter in front of them, and Twilio's and Telegram's side of the webhooks."""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import os
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp

from hotline.channels.telegram import SECRET_HEADER
from tests.conftest import (
    HOTLINE_NUMBER,
    PUBLIC_URL,
    make_settings,
    settings_env,
    sign,
)
from tests.fakes.telegram_updates import JsonDict
from tests.staffing import staff_the_hotline
from tests.test_dispatch_processes import ACCOUNT_SID, CHECKOUT, enrol_due
from tests.test_two_servers import free_port

SECRET = "replica-webhook-secret_0123456789"
# Two English-speaking specialists on duty every hour of every day: the test runs whenever.
ROSTER = """\
timezone: UTC
staff:
  - id: ana
    name: Ana Lomidze
    role: specialist
    languages: [en]
  - id: beka
    name: Beka Kapanadze
    role: specialist
    languages: [en]
weekly:
  - staff: ana
    days: [mon, tue, wed, thu, fri, sat, sun]
    from: "00:00"
    to: "00:00"
  - staff: beka
    days: [mon, tue, wed, thu, fri, sat, sun]
    from: "00:00"
    to: "00:00"
holidays: []
"""
PHONES = {"ana": "+995555000001", "beka": "+995555000002"}
TELEGRAM = {"ana": 7001, "beka": 7002}
FALLBACK_NUMBER = "+995322999999"
HTTP_TIMEOUT = aiohttp.ClientTimeout(total=30)
TAP_BYTES = 8192  # of each request, for the test to tell which process had it


async def staffed_with_participants(
    tmp_path: Path, database_url: str, phones: Iterable[str]
) -> Path:
    """Migrate, staff around the clock, and enrol a participant per phone (case P-0000n)
    whose first message fell due an hour ago; the campaigns folder."""
    settings = make_settings(tmp_path, database_url)
    await staff_the_hotline(settings, ROSTER, PHONES, TELEGRAM)
    return await enrol_due(settings, tmp_path, phones)


def server_env(
    tmp_path: Path,
    database_url: str,
    *,
    twilio_url: str,
    telegram_port: int,
    campaigns: Path,
    data_dir: Path,
) -> dict[str, str]:
    """One server's environment: production mode, every channel on, the fakes behind them."""
    return {
        **settings_env(tmp_path, database_url),
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "PYTHONPATH": str(CHECKOUT),  # this checkout's code, whatever the venv installed
        "PTB_TIMEDELTA": "1",
        "HOTLINE_DATA_DIR": str(data_dir),
        "HOTLINE_TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "HOTLINE_TWILIO_API_URL": twilio_url,
        "HOTLINE_PHONE_NUMBER": HOTLINE_NUMBER,
        "HOTLINE_FALLBACK_NUMBER": FALLBACK_NUMBER,
        "HOTLINE_TELEGRAM_TOKEN": "7000000001:AAFakeTokenForTestsOnly0123456789ab",
        "HOTLINE_TELEGRAM_WEBHOOK_SECRET": SECRET,
        "HOTLINE_TELEGRAM_API_URL": f"http://127.0.0.1:{telegram_port}",
        "HOTLINE_CAMPAIGNS_DIR": str(campaigns),
        "HOTLINE_REMINDERS_TICK_S": "1",
        "HOTLINE_REMINDERS_STUCK_S": "2",
        "HOTLINE_LOG_LEVEL": "INFO",
    }


@dataclass
class Server:
    """A `hotline serve` process, its port and its log; restartable on the same port."""

    env: dict[str, str]
    log: Path
    cwd: Path
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        with self.log.open("ab") as handle:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "hotline", "serve"],
                cwd=self.cwd,
                env={**self.env, "HOTLINE_PORT": str(self.port)},
                stdout=subprocess.DEVNULL,
                stderr=handle,
            )

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


class Splitter:
    """A round-robin TCP splitter on 127.0.0.1: each new connection goes to the next backend
    that accepts one, so while a process is down its turn passes to the others."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self._turn = itertools.count()
        self._server: asyncio.Server | None = None
        self.forwarded: dict[int, int] = dict.fromkeys(ports, 0)
        self.open: dict[int, int] = dict.fromkeys(ports, 0)
        self.taps: list[tuple[int, bytearray]] = []  # each connection's backend, first bytes
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> int:
        self._server = await asyncio.start_server(self._connection, "127.0.0.1", 0)
        return int(self._server.sockets[0].getsockname()[1])

    async def close(self) -> None:
        if self._server is not None:
            self._server.close()
        for task in list(self._tasks):
            task.cancel()
        await asyncio.gather(*self._tasks, return_exceptions=True)

    async def _connection(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        for _ in range(len(self.ports)):
            port = self.ports[next(self._turn) % len(self.ports)]
            try:
                up_reader, up_writer = await asyncio.open_connection("127.0.0.1", port)
            except OSError:
                continue  # a dead backend: the next one's turn
            break
        else:
            writer.close()
            return
        self.forwarded[port] += 1
        tap = bytearray()
        self.taps.append((port, tap))
        self.open[port] += 1
        try:
            await asyncio.gather(_pipe(reader, up_writer, tap), _pipe(up_reader, writer))
        finally:
            self.open[port] -= 1
            for w in (writer, up_writer):
                with contextlib.suppress(OSError):
                    w.close()

    def backend_of(self, fragment: bytes) -> int | None:
        """The backend of the last connection whose request held `fragment`."""
        found = [port for port, tap in self.taps if fragment in tap]
        return found[-1] if found else None


async def _pipe(
    reader: asyncio.StreamReader, writer: asyncio.StreamWriter, tap: bytearray | None = None
) -> None:
    try:
        while chunk := await reader.read(65536):
            if tap is not None and len(tap) < TAP_BYTES:
                tap += chunk[: TAP_BYTES - len(tap)]
            writer.write(chunk)
            await writer.drain()
    except OSError:
        pass
    finally:
        with contextlib.suppress(OSError):
            writer.close()


class Lost(Exception):
    """The connection broke before an answer came: the process that had it died."""


class Provider:
    """Twilio's and Telegram's side of the webhooks, through the splitter: a new connection
    for each request (so each may land on another process), signed like Twilio's."""

    def __init__(self, session: aiohttp.ClientSession, origin: str) -> None:
        self.session = session
        self.origin = origin

    async def twilio(self, path_qs: str, params: dict[str, str]) -> str:
        """POST a signed form; the TwiML answer (a 200), or Lost."""
        headers = {"X-Twilio-Signature": sign(PUBLIC_URL + path_qs, params)}
        try:
            async with self.session.post(
                self.origin + path_qs, data=params, headers=headers
            ) as resp:
                body = await resp.text()
        except (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError) as exc:
            raise Lost(path_qs) from exc
        assert resp.status == 200, (path_qs, resp.status, body)
        return body

    async def telegram(self, update: JsonDict) -> None:
        """POST an update with the webhook secret; Lost if no answer came."""
        headers = {SECRET_HEADER: SECRET, "Content-Type": "application/json"}
        try:
            async with self.session.post(
                self.origin + "/telegram", data=json.dumps(update), headers=headers
            ) as resp:
                body = await resp.text()
        except (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError) as exc:
            raise Lost("/telegram") from exc
        assert (resp.status, body) == (200, "ok")


def session() -> aiohttp.ClientSession:
    """A client that opens a new connection for every request."""
    return aiohttp.ClientSession(
        connector=aiohttp.TCPConnector(force_close=True, limit=40), timeout=HTTP_TIMEOUT
    )


def connections(pid: int, port: int) -> set[int]:
    """The local ports of process `pid`'s TCP connections to 127.0.0.1:`port` (/proc)."""
    fds = Path(f"/proc/{pid}/fd")
    inodes: set[str] = set()
    with contextlib.suppress(OSError):
        for fd in fds.iterdir():
            with contextlib.suppress(OSError):
                target = os.readlink(fd)
                if target.startswith("socket:["):
                    inodes.add(target[8:-1])
    local: set[int] = set()
    with contextlib.suppress(OSError):
        for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
            fields = line.split()
            remote_port = int(fields[2].split(":")[1], 16)
            if fields[3] == "01" and remote_port == port and fields[9] in inodes:
                local.add(int(fields[1].split(":")[1], 16))
    return local
