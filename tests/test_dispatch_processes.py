"""The dispatcher in real server processes (`hotline serve`) against the fake Twilio REST API:
killed with SIGKILL in the middle of sending and restarted, every due message reaches the
fake exactly once; three servers on one PostgreSQL database send one schedule once."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from hotline.config import Settings
from hotline.crypto import DataCipher
from hotline.escalation.roster import LANGUAGES
from hotline.participants.fields import Rules
from hotline.participants.service import ParticipantService
from hotline.reminders.loader import load_campaigns
from hotline.storage import db
from hotline.storage.participants import ContactKeys
from hotline.storage.unit_of_work import SqlUnitsOfWork
from tests.conftest import (
    AUTH_TOKEN,
    DATA_KEY,
    HOTLINE_NUMBER,
    PSEUDONYM_KEY,
    PUBLIC_URL,
    FixedClock,
    make_settings,
)
from tests.fakes.twilio_api import FakeTwilio
from tests.staffing import staff_the_hotline
from tests.test_two_servers import free_port, healthy

ACCOUNT_SID = "AC" + "f" * 32
CHECKOUT = Path(__file__).resolve().parents[1]
START_TIMEOUT_S = 60.0
DELIVERY_TIMEOUT_S = 60.0
_NUMBER = re.compile(r"\+?995 ?555")


@dataclass(frozen=True)
class Schedule:
    """Participants each with one message due a little while ago, in a zone where it is day."""

    campaigns: Path
    phones: tuple[str, ...]


def daytime_zone(now: datetime) -> tuple[str, timedelta]:
    """An Etc/GMT zone where it is about 13:00 now, and its offset."""
    offset = (13 - now.hour) % 24
    if offset > 14:
        offset -= 24
    name = "Etc/GMT" if offset == 0 else f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"
    return name, timedelta(hours=offset)


async def due_schedule(tmp_path: Path, database_url: str, count: int) -> Schedule:
    """Migrate, staff, and enrol `count` participants whose message fell due an hour ago."""
    settings = make_settings(tmp_path, database_url)
    await staff_the_hotline(settings)
    phones = tuple(f"+995555{n:06d}" for n in range(count))
    return Schedule(await enrol_due(settings, tmp_path, phones), phones)


async def enrol_due(settings: Settings, tmp_path: Path, phones: Iterable[str]) -> Path:
    """Enrol a participant per phone (case P-0000n, specialist ana) whose first message of a
    campaign of the deployment's own fell due an hour ago; that campaigns folder."""
    now = datetime.now(UTC)
    zone_name, offset = daytime_zone(now)
    local = now + offset
    folder = tmp_path / "campaigns"
    folder.mkdir()
    (folder / "now.yaml").write_text(
        "campaign: now\n"
        "description: One message, due an hour ago.\n"
        "defaults: {channels: [sms], time: '12:00'}\n"
        "steps:\n"
        f"  - {{id: hello, offset: -1 day, time: '{local - timedelta(hours=1):%H:%M}', "
        "to: participant, message: reminder-ahead-intro}\n"
        "  - {id: program-end, offset: +1 month, to: participant, "
        "message: reminder-program-end, last: true}\n",
        encoding="utf-8",
    )
    engine = db.create_engine(settings.database_url)
    keys = ContactKeys(DataCipher(DATA_KEY.encode()), PSEUDONYM_KEY.encode())
    service = ParticipantService(
        SqlUnitsOfWork(engine, keys=keys),
        Rules(LANGUAGES),
        FixedClock(now - timedelta(hours=2)),
        load_campaigns(deployment=folder),
    )
    release = (local + timedelta(days=1)).date().isoformat()
    fields = {"program": "now", "release": release, "timezone": zone_name, "language": "en"}
    try:
        await service.import_rows(
            (
                n + 2,
                {
                    **fields,
                    "case": f"P-{n:05d}",
                    "specialist": "ana",
                    "channel": "sms",
                    "phone": phone,
                    "consent": "sms",
                },
            )
            for n, phone in enumerate(phones)
        )
    finally:
        await engine.dispose()
    return folder


def serve(
    tmp_path: Path, database_url: str, twilio: FakeTwilio, schedule: Schedule, name: str
) -> tuple[subprocess.Popen[bytes], int, Path]:
    """`hotline serve` in a process of its own; its port and log."""
    port = free_port()
    log = tmp_path / f"{name}.log"
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "PYTHONPATH": str(CHECKOUT),  # this checkout's code, whatever the venv installed
        "HOTLINE_MODE": "production",
        "HOTLINE_PORT": str(port),
        "HOTLINE_PUBLIC_URL": PUBLIC_URL,
        "HOTLINE_TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "HOTLINE_PSEUDONYM_KEY": PSEUDONYM_KEY,
        "HOTLINE_DATA_KEY": DATA_KEY,
        "HOTLINE_DATA_DIR": str(tmp_path / "data"),
        "HOTLINE_DATABASE_URL": database_url,
        "HOTLINE_LANGUAGES": "en",
        "HOTLINE_TWILIO_ACCOUNT_SID": ACCOUNT_SID,
        "HOTLINE_TWILIO_API_URL": twilio.base_url,
        "HOTLINE_PHONE_NUMBER": HOTLINE_NUMBER,
        "HOTLINE_CAMPAIGNS_DIR": str(schedule.campaigns),
        "HOTLINE_REMINDERS_TICK_S": "1",
        "HOTLINE_REMINDERS_STUCK_S": "2",
        "HOTLINE_LOG_LEVEL": "INFO",
    }
    with log.open("ab") as handle:
        process = subprocess.Popen(
            [sys.executable, "-m", "hotline", "serve"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=handle,
        )
    return process, port, log


async def until(condition: object, timeout: float, what: str) -> None:  # noqa: ASYNC109
    deadline = time.monotonic() + timeout
    while not condition():  # type: ignore[operator]
        assert time.monotonic() < deadline, what
        await asyncio.sleep(0.1)


async def started(port: int, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while not await asyncio.to_thread(healthy, port):
        assert process.poll() is None, read(log)
        assert time.monotonic() < deadline, read(log)
        await asyncio.sleep(0.2)


def read(log: Path) -> str:
    return log.read_text()


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        process.wait(timeout=30)


def per_phone(twilio: FakeTwilio) -> Counter[str]:
    return Counter(m.to for m in twilio.messages)


def no_contacts_in(logs: list[Path]) -> None:
    for log in logs:
        text = log.read_text()
        assert "Traceback" not in text, text
        assert not _NUMBER.search(text), text


async def test_a_server_killed_mid_send_and_restarted_sends_each_message_once(
    tmp_path: Path,
) -> None:
    database_url = f"sqlite:///{tmp_path / 'hotline.sqlite3'}"
    schedule = await due_schedule(tmp_path, database_url, 40)
    async with FakeTwilio(ACCOUNT_SID, AUTH_TOKEN) as twilio:
        twilio.latency_s = 0.2  # slow enough to be killed in the middle
        first, port, first_log = serve(tmp_path, database_url, twilio, schedule, "first")
        try:
            await started(port, first, first_log)
            await until(lambda: len(twilio.messages) >= 5, DELIVERY_TIMEOUT_S, "nothing sent")
            os.kill(first.pid, signal.SIGKILL)
            first.wait(timeout=30)
        finally:
            stop(first)
        assert len(twilio.messages) < len(schedule.phones)  # killed in the middle indeed
        twilio.latency_s = 0.0
        second, port, second_log = serve(tmp_path, database_url, twilio, schedule, "second")
        try:
            await started(port, second, second_log)
            await until(
                lambda: set(per_phone(twilio)) == set(schedule.phones),
                DELIVERY_TIMEOUT_S,
                "not every message was sent after the restart",
            )
            await asyncio.sleep(4)  # a few more ticks, past the time a send may take
        finally:
            stop(second)
    assert per_phone(twilio) == Counter(schedule.phones)
    no_contacts_in([second_log])


async def test_three_servers_on_one_postgresql_send_each_message_once(
    tmp_path: Path, postgres_url: str
) -> None:
    schedule = await due_schedule(tmp_path, postgres_url, 60)
    async with FakeTwilio(ACCOUNT_SID, AUTH_TOKEN) as twilio:
        twilio.latency_s = 0.05
        servers = [serve(tmp_path, postgres_url, twilio, schedule, f"s{i}") for i in range(3)]
        try:
            for process, port, log in servers:
                await started(port, process, log)
            await until(
                lambda: set(per_phone(twilio)) == set(schedule.phones),
                DELIVERY_TIMEOUT_S,
                "not every message was sent",
            )
            await asyncio.sleep(4)
        finally:
            for process, _, _ in servers:
                stop(process)
    assert per_phone(twilio) == Counter(schedule.phones)
    no_contacts_in([log for _, _, log in servers])
