"""Two servers started at once on a new data folder (two workers, a restart overlapping the
old process): both come up on the same keys and the same schema, with no traceback."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

START_TIMEOUT_S = 60.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def healthy(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as resp:
            return bool(resp.status == 200)
    except OSError:
        return False


def test_two_servers_started_at_once_on_a_new_folder_both_serve(tmp_path: Path) -> None:
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "HOTLINE_LOG_LEVEL": "INFO"}
    ports = [free_port(), free_port()]
    logs = [tmp_path / f"server-{i}.log" for i in range(2)]
    handles = [log.open("wb") for log in logs]
    servers = [
        subprocess.Popen(
            [sys.executable, "-m", "hotline", "serve"],
            cwd=tmp_path,
            env={**env, "HOTLINE_PORT": str(port)},
            stdout=subprocess.DEVNULL,
            stderr=handle,
        )
        for port, handle in zip(ports, handles, strict=True)
    ]
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not all(healthy(p) for p in ports) and time.monotonic() < deadline:
            assert all(s.poll() is None for s in servers), [log.read_text() for log in logs]
            time.sleep(0.2)
        assert all(healthy(p) for p in ports), [log.read_text() for log in logs]
    finally:
        for server in servers:
            server.terminate()
        for server in servers:
            server.wait(timeout=30)
        for handle in handles:
            handle.close()
    for log in logs:
        assert "Traceback" not in log.read_text()
    keys = sorted((tmp_path / "data" / "keys").iterdir())
    assert [k.name for k in keys] == sorted({k.name for k in keys})  # one of each, no drafts
    assert not any(k.name.startswith(".") for k in keys)
