"""`hotline call` as a new user runs it: from greeting to goodbye, and through to staff."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from hotline.cli import main
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


# Escalation: `hotline staff add`, `roster import`, `call`, `report escalations`, in-process --

Run = Callable[..., tuple[int, str, str]]

STAFF = [
    ("ana", "Ana Lomidze", "specialist", "ru,en", "+995555000001"),
    ("beka", "Beka Kapanadze", "specialist", "ka,ru", "+995555000002"),
    ("nino", "Nino Beridze", "supervisor", "ka,en", "+995555000003"),
]
PEOPLE = "".join(
    f"  - id: {staff_id}\n    name: {name}\n    role: {role}\n    languages: [{languages}]\n"
    for staff_id, name, role, languages, _ in STAFF
)
# 00:00 to 00:00 is a whole day: all three are on duty at any hour of any day.
ALWAYS = f"timezone: Asia/Tbilisi\nstaff:\n{PEOPLE}weekly:\n" + "".join(
    f"  - staff: {staff_id}\n    days: [mon, tue, wed, thu, fri, sat, sun]\n"
    '    from: "00:00"\n    to: "00:00"\n'
    for staff_id, *_ in STAFF
)
NEVER = f"timezone: Asia/Tbilisi\nstaff:\n{PEOPLE}weekly: []\n"


@pytest.fixture
def cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """`hotline ARGS...` in-process, in local mode, on this test's own data folder."""
    for name in [k for k in os.environ if k.startswith("HOTLINE_")]:
        monkeypatch.delenv(name)
    monkeypatch.setenv("HOTLINE_MODE", "local")
    monkeypatch.setenv("HOTLINE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("HOTLINE_LANGUAGES", "en,ru")  # both have Twilio voices: text to read
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    monkeypatch.chdir(tmp_path)  # no .env of the working copy

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        root = logging.getLogger()
        handlers, level = list(root.handlers), root.level
        try:
            code = main(list(args))
        finally:  # `hotline call` sets up logging for the terminal; pytest keeps its own
            root.handlers[:] = handlers
            root.setLevel(level)
        out, err = capsys.readouterr()
        return code, out, err

    return run


def staffed(cli: Run, tmp_path: Path, roster: str) -> None:
    """Add the three people with their phones, then import the roster."""
    for staff_id, name, role, languages, phone in STAFF:
        code, _, err = cli(
            "staff", "add", staff_id, "--name", name, "--role", role,
            "--languages", languages, "--phone", phone,
        )  # fmt: skip
        assert code == 0, err
    path = tmp_path / "roster.yaml"
    path.write_text(roster, encoding="utf-8")
    code, out, err = cli("roster", "import", str(path))
    assert code == 0, err
    assert "3 unchanged" in out


def in_order(out: str, *texts: str) -> None:
    """Each text is printed, each after the one before."""
    at = 0
    for text in texts:
        found = out.find(text, at)
        assert found >= 0, f"{text!r} not printed after position {at}:\n{out}"
        at = found + len(text)


def report(cli: Run) -> list[dict[str, str]]:
    """`hotline report escalations` as rows: column header -> cell."""
    code, out, err = cli("report", "escalations", "--include-simulated")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("escalations since "), out
    headers = re.split(r" {2,}", lines[1])
    assert headers[0] == "started (Asia/Tbilisi)"
    return [dict(zip(headers, re.split(r" {2,}", line), strict=True)) for line in lines[2:]]


def test_day_call_rings_ana_then_beka_who_takes_it_in_the_whisper(cli: Run, tmp_path: Path) -> None:
    staffed(cli, tmp_path, ALWAYS)
    code, out, err = cli("call", "--from", CALLER, "--lang", "ru", "--press", "3,none,accept,")
    assert code == 0, err
    in_order(
        out,
        "caller presses 3",
        "hotline: Пожалуйста, оставайтесь на линии. Мы соединяем вас со специалистом.",
        "(rings ••• 001)",
        "(nobody picks up)",
        "Мы пробуем связаться с другим специалистом.",
        "(rings ••• 002)",
        "(••• 002 picks up)",
        "specialist hears: Звонок на горячую линию. Язык: русский.",
        "specialist presses 1",
        "(specialist accepted: put through)",
        "До свидания.",
        "call ended: hung up by the hotline",
    )
    for number in (CALLER, *(phone for *_, phone in STAFF)):
        assert number not in out + err  # staff numbers masked, the caller's nowhere
    [row] = report(cli)
    assert (row["kind"], row["channel"], row["language"]) == ("call", "voice", "ru")
    assert (row["taken by"], row["attempts"], row["outcome"]) == ("beka", "2", "answered")
    assert row["answer s"].isdigit()
    assert row["path"].endswith("specialist>goodbye")


def test_night_call_nobody_on_duty_gets_112_and_leaves_a_message(cli: Run, tmp_path: Path) -> None:
    """Nobody could call back here (no Twilio REST API): no callback is offered, and 2,
    which would ask for one elsewhere, is not a choice."""
    staffed(cli, tmp_path, NEVER)
    code, out, err = cli(
        "call", "--from", CALLER, "--lang", "en", "--press", "3,2,1,I need to talk"
    )
    assert code == 0, err
    in_order(
        out,
        "caller presses 3",
        "Nobody from our team is on duty right now",
        "112",
        "To leave a message, press 1.",
        "caller presses 2",
        "not one of the choices",
        "caller presses 1",
        "leave your message after the tone",
        "call ended: hung up by the hotline",
    )
    assert "(rings" not in out
    assert "call you back" not in out
    rows = report(cli)
    assert [(r["kind"], r["reason"], r["outcome"]) for r in rows] == [
        ("call", "caller-request", "after-hours"),
        ("callback", "voicemail", "-"),  # open until someone takes it
    ]
    assert all(r["taken by"] == "-" for r in rows)


def test_a_voicemail_that_picks_up_is_not_a_specialist(cli: Run, tmp_path: Path) -> None:
    staffed(cli, tmp_path, ALWAYS)
    code, out, err = cli(
        "call", "--from", CALLER, "--lang", "ru", "--press", "3,voicemail,none,none,1,message"
    )
    assert code == 0, err
    in_order(
        out,
        "(rings ••• 001)",
        "(••• 001: a voicemail picks up)",
        "specialist hears: Звонок на горячую линию.",
        "specialist hears: Звонок на горячую линию.",  # the offer twice, no key
        "(rings ••• 002)",
        "(nobody picks up)",
        "(rings ••• 003)",
        "(nobody picks up)",
        "К сожалению, сейчас наши специалисты не могут ответить.",
        "caller presses 1",
        "caller leaves a message",
        "call ended: hung up by the hotline",
    )
    assert "put through" not in out.replace("not put through", "")
    rows = report(cli)
    assert [(r["kind"], r["reason"], r["outcome"]) for r in rows] == [
        ("call", "caller-request", "unanswered"),
        ("callback", "voicemail", "-"),
    ]
    assert (rows[0]["taken by"], rows[0]["attempts"]) == ("-", "3")
