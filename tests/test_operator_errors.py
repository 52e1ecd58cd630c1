"""What an operator meets on the command line, each failure one line that says what to do:
the version, the simulator's bad input and dead or mismatched servers, a port in use, a flow
folder that is not there, and help written for operators."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from tests.test_call_cli import hotline


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    """The error a command printed: exactly one line, no traceback."""
    assert "Traceback" not in result.stderr, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[int, subprocess.Popen[str]]]:
    """`hotline serve --port P` of a new user's folder, until it answers (bounded)."""
    port = free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HOTLINE_")}
    process = subprocess.Popen(
        [sys.executable, "-m", "hotline", "serve", "--port", str(port)],
        cwd=tmp_path,
        env=clean,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        for _ in range(600):
            if process.poll() is not None:
                pytest.fail(
                    f"the server stopped: {process.stdout.read() if process.stdout else ''}"
                )
            with socket.socket() as probe:
                if probe.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.1)
        else:
            pytest.fail("the server did not listen within 60 s")
        yield port, process
    finally:
        process.terminate()
        process.wait(timeout=30)
        if process.stdout is not None:
            process.stdout.close()


def test_version(tmp_path: Path) -> None:
    result = hotline("--version", cwd=tmp_path)
    assert result.returncode == 0
    assert result.stdout.startswith("hotline ")


def test_a_call_to_a_dead_address_says_to_start_the_server(tmp_path: Path) -> None:
    port = free_port()  # nothing listens there
    result = hotline("call", "--url", f"http://127.0.0.1:{port}", "--press", "1", cwd=tmp_path)
    assert result.returncode == 2
    line = one_line(result)
    assert f"nothing answers at http://127.0.0.1:{port}" in line
    assert "make run" in line


def test_a_server_on_another_port_is_called_there_and_bad_entries_are_one_line(
    tmp_path: Path, server: tuple[int, subprocess.Popen[str]]
) -> None:
    port, _ = server
    url = f"http://127.0.0.1:{port}"
    # --port moved the local public URL too: the call's signatures match.
    walked = hotline("call", "--url", url, "--lang", "en", "--press", "0", cwd=tmp_path)
    assert walked.returncode == 0, walked.stderr
    assert "call ended: hung up by the hotline" in walked.stdout

    for entry in ("x", "none"):
        refused = hotline("call", "--url", url, "--lang", "en", "--press", entry, cwd=tmp_path)
        assert refused.returncode == 2
        assert f"the server refused the entry {entry!r}" in one_line(refused)

    elsewhere = tmp_path / "elsewhere"  # another folder: other local keys, other signatures
    elsewhere.mkdir()
    forged = hotline("call", "--url", url, "--press", "1", cwd=elsewhere)
    assert forged.returncode == 2
    line = one_line(forged)
    assert "refused the call's signature (403)" in line
    assert "HOTLINE_TWILIO_AUTH_TOKEN" in line


def test_a_port_in_use_is_one_line_naming_the_way_out(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = hotline("serve", "--port", str(port), cwd=tmp_path)
    assert result.returncode == 2
    line = one_line(result)
    assert f"port {port} on 127.0.0.1 is in use" in line
    assert "--port" in line


def test_flows_check_of_a_missing_folder_says_so(tmp_path: Path) -> None:
    result = hotline("flows", "check", "--flows", str(tmp_path / "nowhere"), cwd=tmp_path)
    assert result.returncode == 2
    assert one_line(result).endswith(f"--flows {tmp_path / 'nowhere'}: no such folder")


def test_roster_import_help_is_written_for_operators(tmp_path: Path) -> None:
    result = hotline("roster", "import", "--help", cwd=tmp_path)
    assert result.returncode == 0
    assert "timezone: Europe/Zagreb" in result.stdout
    assert "dump_roster" not in result.stdout
    assert "load_roster" not in result.stdout
    assert "hotline.escalation" not in result.stdout


def database_failure(tmp_path: Path, url: str, command: str = "upgrade") -> str:
    """What `hotline db upgrade` (or `serve`) says of a database it cannot use."""
    args = ("db", "upgrade") if command == "upgrade" else ("serve", "--port", str(free_port()))
    result = hotline(*args, cwd=tmp_path, HOTLINE_DATABASE_URL=url)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr, result.stderr
    [line] = [x for x in result.stderr.splitlines() if x.startswith("hotline: ")]
    return line


@pytest.mark.parametrize("command", ["upgrade", "serve"])
def test_a_postgresql_that_cannot_be_used_is_one_line_with_the_fix(
    tmp_path: Path, postgres_url: str, command: str
) -> None:
    url = make_url(postgres_url)
    no_role = url.set(username="hotline_nobody").render_as_string(hide_password=False)
    line = database_failure(tmp_path, no_role, command)
    assert 'has no role "hotline_nobody"' in line
    fix = f"createuser hotline_nobody; sudo -u postgres createdb -O hotline_nobody {url.database}"
    assert fix in line
    no_db = url.set(database="hotline_no_such_db").render_as_string(hide_password=False)
    assert 'has no database "hotline_no_such_db": create it with: sudo -u postgres createdb' in (
        database_failure(tmp_path, no_db, command)
    )
    dead = url.set(port=free_port()).render_as_string(hide_password=False)
    assert "nothing answers at" in database_failure(tmp_path, dead, command)
    unknown = url.set(host="no-such-host.invalid").render_as_string(hide_password=False)
    assert "is unknown: fix the host in HOTLINE_DATABASE_URL" in database_failure(
        tmp_path, unknown, command
    )
    behind = database_failure(tmp_path, postgres_url, "serve")  # a new, empty database
    assert "run `hotline db upgrade`" in behind


def test_a_data_folder_that_cannot_hold_the_keys_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = hotline("serve", cwd=tmp_path, HOTLINE_DATA_DIR=str(blocker / "data"))
    assert result.returncode == 2
    line = one_line(result)
    assert f"HOTLINE_DATA_DIR {blocker / 'data'}: cannot keep the local keys there" in line
    assert "writable" in line
