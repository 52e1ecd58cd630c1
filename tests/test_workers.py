"""`hotline serve --workers N`: on PostgreSQL two worker processes take the steps of one call
(each step forced onto one worker by stopping the other), a worker killed with SIGKILL is
replaced by the master and the call goes on, SIGTERM stops them all cleanly; /metrics sums
both workers and forgets a dead worker's live gauges. On SQLite more than one worker is
refused in one line, and so is a count that is not one or more."""

from __future__ import annotations

import html
import os
import re
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import AUTH_TOKEN, CALLER, PSEUDONYM_KEY, call_params, new_call_sid, sign
from tests.test_call_cli import hotline
from tests.test_dispatch_processes import CHECKOUT, DATA_KEY
from tests.test_operator_errors import free_port, one_line

TIMEOUT_S = 60.0
_GATHER_ACTION = re.compile(r'<Gather\b[^>]*?\saction="([^"]*)"')
_NUMBER = re.compile(r"\+?995 ?555")


def until(condition: Callable[[], object], what: str, timeout: float = TIMEOUT_S) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, what
        time.sleep(0.1)


def children(pid: int) -> set[int]:
    """The processes whose parent is `pid` (alive or not yet reaped)."""
    found = set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.add(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def get(port: int, path: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5) as resp:
            return resp.status, resp.read().decode()
    except OSError:
        return 0, ""


class Call:
    """One caller's call, step by step, each request on a new connection."""

    def __init__(self, port: int, public_url: str) -> None:
        self.port = port
        self.public_url = public_url
        self.params = call_params(new_call_sid())
        self.next = "/twilio/voice"

    def step(self, digits: str | None = None) -> str:
        form = dict(self.params) if digits is None else {**self.params, "Digits": digits}
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{self.next}",
            data=urllib.parse.urlencode(form).encode(),
            headers={"X-Twilio-Signature": sign(self.public_url + self.next, form)},
        )
        with urllib.request.urlopen(request, timeout=10) as resp:  # noqa: S310 - loopback
            assert resp.status == 200
            twiml = resp.read().decode()
        assert "technical problem" not in twiml, twiml
        match = _GATHER_ACTION.search(twiml)
        assert match is not None, twiml
        action = html.unescape(match.group(1))
        self.next = action.removeprefix(self.public_url)
        assert self.next.startswith("/"), action
        return twiml


@pytest.fixture
def server(tmp_path: Path, postgres_url: str) -> Iterator[tuple[subprocess.Popen[bytes], int]]:
    """`hotline serve --workers 2` on a migrated PostgreSQL database, until it answers."""
    port = free_port()
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "PYTHONPATH": str(CHECKOUT),
        "HOTLINE_MODE": "production",
        "HOTLINE_PUBLIC_URL": f"http://127.0.0.1:{port}",
        "HOTLINE_TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "HOTLINE_PSEUDONYM_KEY": PSEUDONYM_KEY,
        "HOTLINE_DATA_KEY": DATA_KEY,
        "HOTLINE_DATA_DIR": str(tmp_path / "data"),
        "HOTLINE_DATABASE_URL": postgres_url,
        "HOTLINE_LANGUAGES": "en",
        "HOTLINE_LOG_LEVEL": "INFO",
        "TMPDIR": str(tmp_path / "tmp"),  # where the server makes its metrics folder
    }
    (tmp_path / "tmp").mkdir()
    migrated = subprocess.run(
        [sys.executable, "-m", "hotline", "db", "upgrade"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert migrated.returncode == 0, migrated.stderr
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "hotline", "serve", "--workers", "2", "--port", str(port)],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=out,
        )
    try:
        until(
            lambda: process.poll() is not None or get(port, "/healthz")[0] == 200,
            f"no answer within {TIMEOUT_S} s",
        )
        assert process.poll() is None, log.read_text()
        until(lambda: len(children(process.pid)) == 2, "not two workers")
        yield process, port
    finally:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=30)


def webhooks_counted(port: int) -> float:
    """The voice webhooks /metrics counted, summed over the routes (and the workers)."""
    status, text = get(port, "/metrics")
    assert status == 200
    counts = re.findall(
        r'^hotline_webhook_seconds_count\{channel="voice"[^}]*\} (\S+)$', text, re.M
    )
    return sum(float(c) for c in counts)


def while_stopped(others: set[int], step: Callable[[], str]) -> str:
    """Run `step` while the `others` are stopped: only the worker left can accept it."""
    for pid in others:
        os.kill(pid, signal.SIGSTOP)
    try:
        return step()
    finally:
        for pid in others:
            os.kill(pid, signal.SIGCONT)


def test_two_workers_take_the_steps_of_one_call_and_one_killed_is_replaced(
    tmp_path: Path, server: tuple[subprocess.Popen[bytes], int]
) -> None:
    process, port = server
    first, second = sorted(children(process.pid))
    call = Call(port, f"http://127.0.0.1:{port}")
    while_stopped({second}, call.step)  # the first worker answers the call
    while_stopped({first}, lambda: call.step("1"))  # the second takes its next step
    # Each worker counted its own webhook, in files of its own; /metrics sums them.
    [metrics] = (tmp_path / "tmp").glob("hotline-metrics-*")
    assert (metrics / f"histogram_{first}.db").is_file()
    assert (metrics / f"histogram_{second}.db").is_file()
    assert webhooks_counted(port) == 2

    while_stopped({second}, lambda: get(port, "/metrics")[1])  # the first's pool, a live gauge
    assert (metrics / f"gauge_livesum_{first}.db").is_file()

    os.kill(first, signal.SIGKILL)
    until(lambda: len(children(process.pid) - {first}) == 2, "the killed worker not replaced")
    assert not (metrics / f"gauge_livesum_{first}.db").exists()  # a dead worker's pool: gone
    replacement = (children(process.pid) - {first, second}).pop()
    while_stopped({second}, lambda: call.step("1"))  # the replacement takes a step
    call.step("0")
    assert webhooks_counted(port) == 4  # the dead worker's counts stay in the sum

    process.send_signal(signal.SIGTERM)
    assert process.wait(timeout=30) == 0
    until(lambda: not alive(second) and not alive(replacement), "a worker outlived the master")
    assert not metrics.exists()  # the master removed its metrics folder
    log = (tmp_path / "serve.log").read_text()
    assert "Traceback" not in log, log
    assert not _NUMBER.search(log), log
    assert CALLER not in log, log
    assert "2 workers" in log


def refusal(tmp_path: Path, *args: str, **env: str) -> str:
    result = hotline("serve", "--port", str(free_port()), *args, cwd=tmp_path, **env)
    assert result.returncode == 2, result.stderr
    return one_line(result)


def test_more_than_one_worker_on_sqlite_is_one_line(tmp_path: Path) -> None:
    line = refusal(tmp_path, "--workers", "2")
    assert line.startswith("hotline: configuration: --workers 2: SQLite takes one writer")
    assert "PostgreSQL (HOTLINE_DATABASE_URL)" in line
    line = refusal(tmp_path, HOTLINE_WORKERS="3")
    assert line.startswith("hotline: configuration: HOTLINE_WORKERS=3: SQLite takes one writer")


@pytest.mark.parametrize("count", ["0", "-1", "two"])
def test_a_count_that_is_not_one_or_more_is_one_line(tmp_path: Path, count: str) -> None:
    line = refusal(tmp_path, f"--workers={count}")
    assert line.startswith(f"hotline: configuration: --workers {count}: give a whole number")


def test_telegram_polling_in_several_workers_is_one_line(tmp_path: Path) -> None:
    elsewhere = "postgresql://nobody@127.0.0.1:1/none"  # refused before it is reached
    line = refusal(tmp_path, "--telegram-polling", "--workers", "2", HOTLINE_DATABASE_URL=elsewhere)
    assert line.startswith("hotline: configuration: --telegram-polling runs in one process")
