"""`hotline staff` and `hotline roster` as an operator runs them, in-process."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from hotline.cli import main
from tests.conftest import AUTH_TOKEN, DATA_KEY, PSEUDONYM_KEY, PUBLIC_URL
from tests.test_staff import PHONE, ROSTER_TEXT, TELEGRAM

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def hotline(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Run:
    """`hotline ARGS...` in a production-mode environment on a temporary data folder."""
    return _runner(tmp_path, monkeypatch, capsys)


def _runner(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    database_url: str | None = None,
) -> Run:
    for name in [k for k in os.environ if k.startswith("HOTLINE_")]:
        monkeypatch.delenv(name)
    env = {
        "HOTLINE_MODE": "production",
        "HOTLINE_PUBLIC_URL": PUBLIC_URL,
        "HOTLINE_TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "HOTLINE_PSEUDONYM_KEY": PSEUDONYM_KEY,
        "HOTLINE_DATA_KEY": DATA_KEY,
        "HOTLINE_DATA_DIR": str(tmp_path / "data"),
        "HOTLINE_LANGUAGES": "ka,ru,en,hr,sl",
    }
    if database_url is not None:
        env["HOTLINE_DATABASE_URL"] = database_url
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(tmp_path)  # no .env of the working copy

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def roster_file(tmp_path: Path) -> Path:
    path = tmp_path / "roster.yaml"
    path.write_text(ROSTER_TEXT, encoding="utf-8")
    return path


def test_an_imported_roster_exports_as_the_same_text(hotline: Run, roster_file: Path) -> None:
    code, out, err = hotline("roster", "import", str(roster_file))
    assert code == 0, err
    assert "3 added (ana, marko, nino)" in out
    assert "3 weekly shift(s), 1 one-off shift(s), 2 holiday(s), time zone Europe/Zagreb" in out
    assert "nobody in the file speaks" not in out

    code, out, err = hotline("roster", "export")
    assert code == 0, err
    assert out == ROSTER_TEXT

    exported = roster_file.parent / "exported.yaml"
    code, out, _ = hotline("roster", "export", "-o", str(exported))
    assert code == 0
    assert exported.read_text(encoding="utf-8") == ROSTER_TEXT
    code, out, _ = hotline("roster", "import", str(exported))  # and back: nothing changes
    assert code == 0
    assert "0 added, 0 updated, 3 unchanged" in out


def test_a_person_added_is_listed_with_the_phone_masked(hotline: Run, tmp_path: Path) -> None:
    code, out, err = hotline(
        "staff", "add", "zoe", "--name", "Zoe Kapanadze", "--role", "admin",
        "--languages", "ka,en", "--phone", "+995 555 12 34 56", "--telegram", str(TELEGRAM),
    )  # fmt: skip
    assert code == 0, err
    assert "added zoe (Zoe Kapanadze, admin, ka, en; phone +995 ••• ••• 456, Telegram yes)" in out
    hotline("staff", "add", "ana", "--name", "Ana Horvat", "--role", "specialist",
            "--languages", "hr,en")  # fmt: skip

    code, out, err = hotline("staff", "list")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].split() == ["id", "name", "role", "languages", "phone", "telegram"]
    assert lines[1].split() == ["zoe", "Zoe", "Kapanadze", "admin", "ka,en",
                                "+995", "•••", "•••", "456", "yes"]  # fmt: skip
    assert lines[2].split() == ["ana", "Ana", "Horvat", "specialist", "hr,en", "-", "no"]
    assert "no roster imported yet" in out

    # Nowhere in full: not on the screen, not in the database file.
    stored = b"".join(p.read_bytes() for p in (tmp_path / "data").glob("hotline.sqlite3*"))
    for secret in (PHONE, "555123456", str(TELEGRAM)):
        assert secret not in out
        assert secret.encode() not in stored


def test_the_list_says_who_is_on_duty_once_a_roster_exists(hotline: Run, tmp_path: Path) -> None:
    always = tmp_path / "always.yaml"
    always.write_text(
        ROSTER_TEXT.split("weekly:")[0]
        + "weekly:\n  - staff: nino\n    days: [mon, tue, wed, thu, fri, sat, sun]\n"
        '    from: "00:00"\n    to: "00:00"\n'
    )
    assert hotline("roster", "import", str(always))[0] == 0
    code, out, _ = hotline("staff", "list")
    assert code == 0
    rows = {line.split()[0]: line.split() for line in out.splitlines()}
    assert rows["id"][-2:] == ["on", "duty"]
    assert (rows["ana"][-1], rows["marko"][-1], rows["nino"][-1]) == ("no", "no", "yes")


def test_a_taken_id_is_refused_in_one_line_naming_it(hotline: Run) -> None:
    args = ("staff", "add", "ana", "--role", "specialist", "--languages", "hr")
    assert hotline(*args, "--name", "Ana Horvat")[0] == 0
    code, out, err = hotline(*args, "--name", "Ana Kovač")
    assert code == 2
    assert err == (
        "hotline: staff id 'ana' is already taken by Ana Horvat; "
        "choose another id, or change that person with `set`\n"
    )
    code, out, _ = hotline("staff", "list")
    assert "Kovač" not in out


def test_set_changes_a_person_and_refuses_a_bad_number(hotline: Run) -> None:
    hotline("staff", "add", "ana", "--name", "Ana", "--role", "specialist", "--languages", "hr")
    code, out, err = hotline("staff", "set", "ana", "--languages", "hr,en", "--phone", PHONE)
    assert code == 0, err
    assert "now ana (Ana, specialist, hr, en; phone +995 ••• ••• 456, Telegram no)" in out
    code, out, err = hotline("staff", "set", "ana", "--no-phone", "--telegram", "42")
    assert code == 0, err
    assert "phone -, Telegram yes" in out
    code, _, err = hotline("staff", "set", "ana", "--phone", "12")
    assert (code, err.count("\n")) == (2, 1)
    assert "ana: the phone number is not a number in international form" in err
    code, _, err = hotline("staff", "set", "ana")
    assert code == 2
    assert "nothing to change" in err
    code, _, err = hotline("staff", "set", "zoe", "--name", "Zoe")
    assert code == 2
    assert "no staff member with id 'zoe'" in err


def test_removing_a_person_removes_their_shifts(hotline: Run, roster_file: Path) -> None:
    hotline("roster", "import", str(roster_file))
    code, out, err = hotline("staff", "remove", "marko")
    assert code == 0, err
    assert "removed marko, and with them 2 shifts of the roster" in out
    _, exported, _ = hotline("roster", "export")
    assert "marko" not in exported
    assert "staff: nino" in exported


def test_roster_now_names_who_is_on_duty_and_the_languages_left_uncovered(
    hotline: Run, roster_file: Path
) -> None:
    hotline("roster", "import", str(roster_file))
    # Christmas Eve, a Thursday: Marko's night has begun, Nino's evening is not over.
    code, out, err = hotline("roster", "now", "--at", "2026-12-24T23:00+01:00")
    assert code == 0, err
    lines = [line.split() for line in out.splitlines()]
    assert out.startswith("at Thu 2026-12-24 23:00 CET (Europe/Zagreb):\n")
    assert lines[2][:5] == ["marko", "Marko", "Novak", "supervisor", "hr,sl,ru"]
    # The night runs in full into Christmas Day, a holiday: it started the evening before.
    assert " ".join(lines[2][5:]) == "until Fri 2026-12-25 06:00 CET"
    assert " ".join(lines[3][3:]) == "specialist ka,ru until Thu 2026-12-24 23:30 CET"
    assert "languages covered: hr, ka, ru, sl\n" in out
    assert "not covered: en\n" in out
    assert "next change: Thu 2026-12-24 23:30 CET (nino goes off)" in out

    # The same instant given in UTC, and as the roster's wall clock, says the same.
    assert hotline("roster", "now", "--at", "2026-12-24T22:00Z")[1] == out
    assert hotline("roster", "now", "--at", "2026-12-24T23:00")[1] == out


def test_roster_now_says_plainly_when_nobody_is_on_duty(hotline: Run, roster_file: Path) -> None:
    hotline("roster", "import", str(roster_file))
    # Christmas Day and the day after are holidays: nobody until Marko's Sunday night.
    code, out, _ = hotline("roster", "now", "--at", "2026-12-25T10:00+01:00")
    assert code == 0
    assert "  nobody is on duty\n" in out
    assert "next on duty: marko (Marko Novak) from Sun 2026-12-27 22:00 CET" in out
    assert "not covered: ka, ru, en, hr, sl" in out


def test_a_bad_roster_file_prints_every_problem_and_changes_nothing(
    hotline: Run, roster_file: Path, tmp_path: Path
) -> None:
    hotline("roster", "import", str(roster_file))
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        ROSTER_TEXT.replace("role: supervisor", "role: boss")
        .replace('to: "23:30"', 'to: "24:00"')
        .replace("staff: ana\n", "staff: anna\n")
    )
    code, out, err = hotline("roster", "import", str(bad))
    assert out == ""
    assert code == 2
    problems = err.splitlines()
    assert len(problems) == 4, err
    assert "role 'boss' is not one of specialist, supervisor, admin" in problems[0]
    assert "'to' '24:00' is not a time HH:MM" in err
    assert "unknown staff id 'anna'" in err
    assert all(line.startswith(str(bad)) for line in problems[:3])
    assert problems[3] == f"hotline roster import: 3 problems in {bad}; nothing was changed"
    assert hotline("roster", "export")[1] == ROSTER_TEXT


def test_without_a_roster_the_commands_say_how_to_import_one(hotline: Run, tmp_path: Path) -> None:
    for command in (("roster", "now"), ("roster", "export")):
        code, out, err = hotline(*command)
        assert (code, out) == (2, "")
        assert "no roster has been imported yet" in err
    code, _, err = hotline("roster", "import", str(tmp_path / "missing.yaml"))
    assert code == 2
    assert "cannot read" in err


def test_the_commands_work_on_postgresql(
    postgres_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    roster_file: Path,
) -> None:
    hotline = _runner(tmp_path, monkeypatch, capsys, database_url=postgres_url)
    code, _, err = hotline("roster", "import", str(roster_file))
    assert code == 1  # PostgreSQL is migrated on purpose, not by any command that uses it
    assert "run `hotline db upgrade`" in err
    assert hotline("db", "upgrade")[0] == 0
    assert hotline("roster", "import", str(roster_file))[0] == 0
    assert hotline("staff", "set", "ana", "--phone", PHONE)[0] == 0
    assert hotline("roster", "export")[1] == ROSTER_TEXT
    assert "+995 ••• ••• 456" in hotline("staff", "list")[1]
