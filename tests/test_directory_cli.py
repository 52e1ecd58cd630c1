"""`hotline services` as a coordinator runs it, in-process, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_staff_cli import Run, _runner

DATA = Path(__file__).parent / "directory_data"
SHEET = (
    "organization,service,description,categories,region,phone,hours,address,city\n"
    "Centar,Savjetovanje,Savjeti,legal-aid,HR-21,+385 1 000 0000,Mo-Fr 09:00-15:00,Ilica 1,Zagreb\n"
    "Centar,Grupa,Grupa podrške,support-groups,HR-17,,We 18:00-20:00,,\n"
)


@pytest.fixture
def hotline(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    database_url: str,
) -> Run:
    run = _runner(tmp_path, monkeypatch, capsys, database_url=database_url)
    monkeypatch.setenv("HOTLINE_COUNTRY", "HR")
    assert run("db", "upgrade")[0] == 0
    return run


def test_a_sheet_with_a_bad_row_imports_nothing_and_says_why(hotline: Run, tmp_path: Path) -> None:
    sheet = tmp_path / "zagreb.csv"
    sheet.write_text(SHEET + "Centar,,x,jobs,HR-17,,,,\n", encoding="utf-8")
    code, out, err = hotline("services", "import", str(sheet))
    assert code == 2
    assert f"{sheet}: nothing imported" in err
    assert "zagreb.csv, line 4, service: is required" in err
    assert "zagreb.csv, line 4, categories: 'jobs' is not one of" in err
    code, out, _ = hotline("services", "list")
    assert "Resocialization program" in out  # only the shipped sample, loaded on first use
    assert "Savjetovanje" not in out


def test_a_good_sheet_replaces_the_sample_and_lists(hotline: Run, tmp_path: Path) -> None:
    hotline("services", "list")  # the sample is there first
    sheet = tmp_path / "zagreb.csv"
    sheet.write_text(SHEET, encoding="utf-8")
    code, out, err = hotline("services", "import", str(sheet))
    assert code == 0, err
    assert "2 services imported" in out
    assert "the shipped sample (6 services) was removed" in out
    code, out, _ = hotline("services", "list", "--region", "HR-21", "--language", "hr")
    assert "Savjetovanje" in out
    assert "Grupa" not in out
    assert "(1 in all" in out


def test_exports_import_again_as_the_same_directory(hotline: Run, tmp_path: Path) -> None:
    assert hotline("services", "import", str(DATA / "hsds-service.json"))[0] == 0
    for fmt, target in (("hsds-json", "out.json"), ("hsds-csv", "package")):
        code, _, err = hotline("services", "export", "--format", fmt, "-o", str(tmp_path / target))
        assert code == 0, err
    code, out, _ = hotline("services", "export", "--format", "hsds-json")
    assert json.loads(out) == json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert hotline("services", "import", str(tmp_path / "package"))[0] == 0
    code, again, _ = hotline("services", "export", "--format", "hsds-json")
    assert json.loads(again) == json.loads(out)


def test_a_missing_file_is_one_line(hotline: Run, tmp_path: Path) -> None:
    code, _, err = hotline("services", "import", str(tmp_path / "nope.csv"))
    assert code == 2
    assert "no such file or folder" in err
    assert "Traceback" not in err
