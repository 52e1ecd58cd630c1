"""`hotline call` as a new user runs it: a whole call from greeting to goodbye."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import CALLER


def hotline(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HOTLINE_")}
    return subprocess.run(
        [sys.executable, "-m", "hotline", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env={**clean, **env},
        timeout=120,
        check=False,
    )


def test_a_whole_call_walks_greeting_menu_information_goodbye(tmp_path: Path) -> None:
    result = hotline("call", "--from", CALLER, "--press", "1,1,2,0,0", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    order = [
        "free 24-hour hotline",
        "call 112",
        "For English, press 1.",
        "Pro češtinu stiskněte",  # every shipped locale with a voice is offered by default
        "caller presses 1",
        "To talk to a specialist, press 3.",
        "caller presses 1",
        "For help with work, training and school, press 2.",
        "caller presses 2",
        "We help you look for work",
        "caller presses 0",
        "caller presses 0",
        "Take care. Goodbye.",
        "call ended: hung up by the hotline",
    ]
    at = 0
    for text in order:  # each in turn, after the one before
        found = out.find(text, at)
        assert found >= 0, f"{text!r} not heard after position {at}:\n{out}"
        at = found + len(text)
    # Local mode made its database and keys in ./data, and the number went nowhere.
    database = tmp_path / "data" / "hotline.sqlite3"
    assert database.is_file()
    stored = b"".join(p.read_bytes() for p in (tmp_path / "data").glob("hotline.sqlite3*"))
    assert CALLER.encode() not in stored
    assert CALLER.lstrip("+").encode() not in stored
    assert CALLER not in result.stderr


def test_a_caller_who_hangs_up_is_shown_as_such(tmp_path: Path) -> None:
    result = hotline("call", "--press", "1,1", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "call ended: hung up by the caller" in result.stdout


def test_a_call_in_russian_skips_the_language_menu(tmp_path: Path) -> None:
    result = hotline("call", "--lang", "ru", "--press", "0", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Здравствуйте" in result.stdout
    assert "For English" not in result.stdout
    assert "Чтобы поговорить со специалистом, нажмите 3." in result.stdout


def test_call_against_a_running_server_signs_like_twilio(tmp_path: Path) -> None:
    import socket
    import time

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith("HOTLINE_")}
    server = subprocess.Popen(
        [sys.executable, "-m", "hotline", "serve", "--port", str(port)],
        cwd=tmp_path,
        env={**env, "HOTLINE_PUBLIC_URL": f"http://127.0.0.1:{port}", "HOTLINE_MODE": "local"},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}"
        for _ in range(100):
            probe = hotline("call", "--url", url, "--press", "1,0", cwd=tmp_path)
            if probe.returncode == 0:
                break
            time.sleep(0.1)
        assert probe.returncode == 0, probe.stderr
        assert "Take care. Goodbye." in probe.stdout
    finally:
        server.terminate()
        log = server.communicate(timeout=30)[0]
    assert "local mode" in log
    assert CALLER not in log
