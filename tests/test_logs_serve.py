"""`hotline serve` with HOTLINE_LOG_FORMAT=json: stderr is JSON lines, start to stop."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import hotline
from hotline.request_ids import HEADER
from tests.test_two_servers import START_TIMEOUT_S, free_port, healthy

SOURCE = Path(hotline.__file__).resolve().parents[1]  # the tree under test, not an install


def test_serve_writes_one_json_object_a_line_to_stderr(tmp_path: Path) -> None:
    port = free_port()
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "PYTHONPATH": str(SOURCE),
        "HOTLINE_LOG_FORMAT": "json",
        "HOTLINE_PORT": str(port),
        "HOTLINE_LANGUAGES": "en",
    }
    log = tmp_path / "serve.log"
    with log.open("wb") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-m", "hotline", "serve"],
            cwd=tmp_path,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
        )
        try:
            deadline = time.monotonic() + START_TIMEOUT_S
            while not healthy(port) and time.monotonic() < deadline:
                assert server.poll() is None, log.read_text()
                time.sleep(0.2)
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/livez", headers={HEADER: "probe-0123abcd"}
            )
            with urllib.request.urlopen(request, timeout=5) as answer:  # noqa: S310 - loopback
                assert answer.headers[HEADER] == "probe-0123abcd"
            request = urllib.request.Request(
                f"http://127.0.0.1:{port}/metrics", headers={HEADER: "scrape-0123abcd"}
            )
            with urllib.request.urlopen(request, timeout=5) as answer:  # noqa: S310 - loopback
                size = len(answer.read())
        finally:
            server.terminate()
            server.wait(timeout=30)
    lines = [json.loads(line) for line in log.read_text().splitlines()]
    assert all(isinstance(line, dict) for line in lines)
    started = [line for line in lines if line["message"].startswith("hotline on http://")]
    assert [(line["level"], line["logger"], line["request_id"]) for line in started] == [
        ("INFO", "hotline", "")
    ]
    [probe] = [line for line in lines if line["request_id"] == "probe-0123abcd"]
    assert probe["logger"] == "aiohttp.access"
    assert '"GET /livez HTTP/1.1" 200, ' in probe["message"]
    [scrape] = [
        line
        for line in lines
        if line["request_id"] == "scrape-0123abcd" and line["logger"] == "aiohttp.access"
    ]
    assert 1000 <= size <= 99_999  # "200 NNNN" would read as a phone number
    said = re.search(r'"GET /metrics HTTP/1.1" 200, (\d+) bytes', scrape["message"])
    assert said is not None, scrape["message"]  # the status, not "[number]"
    assert int(said[1]) > size  # aiohttp counts the headers too
