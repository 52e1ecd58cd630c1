"""`hotline participants` as a specialist runs it, in-process, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import io
import json
import re
from pathlib import Path

import pytest
import segno
from sqlalchemy import select

from hotline.config import load_settings
from hotline.storage import db
from hotline.storage.models import Base
from tests.test_staff_cli import Run, _runner

PHONE = "+995555123456"
RELATIVE_PHONE = "+995555765432"
BOT = "hotline_test_bot"
LINK = re.compile(rf"^https://t\.me/{BOT}\?start=([A-Za-z0-9_-]{{43}})$", re.MULTILINE)
ADD = (
    "participants", "add", "tb-2027-014", "--program", "georgia-two-year",
    "--release", "2027-02-10", "--timezone", "Asia/Tbilisi", "--language", "ka",
    "--specialist", "ana", "--channel", "sms", "--phone", "+995 555 12 34 56",
    "--consent", "sms,telegram",
    "--family", "name=Tamar Beridze,channel=telegram,language=ru,consent=telegram",
    "--family", f"name=Levan Beridze,channel=sms,phone={RELATIVE_PHONE},consent=sms,voice",
)  # fmt: skip
HEADER = (
    "case,program,release,timezone,language,specialist,channel,phone,consent,"
    "family1_name,family1_channel,family1_phone,family1_consent\n"
)


@pytest.fixture
def hotline(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    database_url: str,
) -> Run:
    """`hotline ARGS...` on a migrated database with two staff members."""
    run = _runner(tmp_path, monkeypatch, capsys, database_url=database_url)
    monkeypatch.setenv("HOTLINE_TELEGRAM_BOT_USERNAME", "@" + BOT)
    assert run("db", "upgrade")[0] == 0
    for person in ("ana", "marko"):
        code, _, err = run("staff", "add", person, "--name", person.title(),
                           "--role", "specialist", "--languages", "ka,ru")  # fmt: skip
        assert code == 0, err
    return run


def stored_values() -> str:
    """Every value of every table, as text: what a copy of the database shows."""

    async def read() -> str:
        engine = db.create_engine(load_settings().database_url)  # as the commands open it
        try:
            async with engine.connect() as conn:
                tables = Base.metadata.sorted_tables
                return repr([list(row) for t in tables for row in await conn.execute(select(t))])
        finally:
            await engine.dispose()

    return asyncio.run(read())


def test_a_program_that_is_not_a_campaign_is_refused_naming_the_campaigns(
    hotline: Run,
) -> None:
    code, _, err = hotline(
        "participants", "add", "TB-9", "--program", "georgia-two-years",
        "--release", "2027-03-01", "--timezone", "Asia/Tbilisi", "--language", "ka",
        "--specialist", "ana", "--channel", "sms", "--phone", "+995599123456",
        "--consent", "sms",
    )  # fmt: skip
    assert code == 2
    assert "no campaign 'georgia-two-years'" in err
    assert "aftercare, family, georgia-two-year" in err
    assert "TB-9" not in hotline("participants", "list")[1]


def test_a_participant_is_added_shown_changed_and_withdrawn(
    hotline: Run, database_url: str, tmp_path: Path
) -> None:
    code, out, err = hotline(*ADD)
    assert code == 0, err
    assert out == (
        "hotline participants add: enrolled TB-2027-014 (before-release, georgia-two-year, "
        "release 2027-02-10, Asia/Tbilisi, ka, specialist ana; sms: +995 ••• ••• 456; "
        "2 family contacts)\n"
    )
    code, out, _ = hotline("participants", "show", "TB-2027-014")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "TB-2027-014"
    assert "  phone       +995 ••• ••• 456" in lines
    assert "  telegram    not linked: `hotline participants invite TB-2027-014` gives a link" \
        " to open" in lines  # fmt: skip
    assert any(line.startswith("  consent     sms, telegram; recorded ") for line in lines)
    assert lines[-2].startswith("  family      Tamar Beridze: telegram, ru, phone -,")
    assert lines[-1].startswith("  family      Levan Beridze: sms, ka, phone +995 ••• ••• 432")

    code, out, err = hotline("participants", "set-release", "TB-2027-014", "2027-01-20")
    assert code == 0, err
    assert "expected on 2027-01-20 (21 days earlier; was 2027-02-10)" in out
    code, out, err = hotline("participants", "set", "TB-2027-014", "--consent", "sms,voice",
                             "--consent-by", "marko", "--channel", "voice",
                             "--remove-family", "levan beridze")  # fmt: skip
    assert code == 0, err
    assert "voice: +995 ••• ••• 456; 1 family contact)" in out
    code, out, err = hotline("participants", "withdraw", "tb-2027-014")
    assert code == 0, err
    assert "TB-2027-014 has left the program" in out

    code, out, _ = hotline("participants", "show", "TB-2027-014", "--json")
    shown = json.loads(out)
    assert {k: shown[k] for k in ("case", "status", "release", "channel", "phone")} == {
        "case": "TB-2027-014",
        "status": "withdrawn",
        "release": "2027-01-20",
        "channel": "voice",
        "phone": "+995 ••• ••• 456",
    }
    assert shown["consent"]["by"] == "marko"
    assert shown["consent"]["channels"] == ["sms", "voice"]
    assert [f["name"] for f in shown["family"]] == ["Tamar Beridze"]
    assert shown["family"][0]["telegram_linked"] is False

    # No contact in full: not on the screen, not in any column of the database.
    stored = stored_values()
    assert "TB-2027-014" in stored
    for secret in (PHONE, PHONE[1:], "555123456", RELATIVE_PHONE, "555765432"):
        assert secret not in out
    for secret in (PHONE, PHONE[1:], "555123456", RELATIVE_PHONE, "555765432", "Tamar"):
        assert secret not in stored, secret
    if database_url.startswith("sqlite"):
        raw = b"".join(p.read_bytes() for p in tmp_path.glob("hotline.sqlite3*"))
        assert b"TB-2027-014" in raw
        for secret in (PHONE, "555123456", RELATIVE_PHONE, "Tamar", "Levan"):
            assert secret.encode() not in raw, secret


def test_refusals_name_the_field_and_change_nothing(
    hotline: Run, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = hotline(*ADD[:-4], "--channel", "voice")
    assert code == 2
    assert err == (
        "hotline: TB-2027-014: channel: no consent recorded for voice; "
        "record it or choose a consented channel\n"
    )
    with pytest.raises(SystemExit) as exited:
        hotline(*ADD, "--family", "name=X,colour=blue")
    assert exited.value.code == 2
    assert "argument --family: 'colour=blue': write name=...,channel=..." in capsys.readouterr().err
    assert hotline("participants", "list")[1].startswith("no participants")
    assert hotline(*ADD)[0] == 0
    code, _, err = hotline(*ADD)
    assert (code, err) == (
        2,
        "hotline: TB-2027-014: case: already enrolled; change it with `set`\n",
    )
    code, _, err = hotline("participants", "set", "TB-2027-014")
    assert "nothing to change" in err
    code, _, err = hotline("participants", "show", "XX-1")
    assert (code, err) == (2, "hotline: XX-1: case: no participant has this case code\n")


def test_list_masks_contacts_and_its_json_parses(hotline: Run) -> None:
    assert hotline(*ADD)[0] == 0
    code, out, err = hotline("participants", "add", "ZG-7", "--program", "aftercare",
                             "--release", "2025-06-01", "--timezone", "Europe/Zagreb",
                             "--language", "hr", "--specialist", "marko", "--channel", "telegram",
                             "--consent", "telegram")  # fmt: skip
    assert code == 0, err
    assert "in-program" in out  # released before today
    code, out, _ = hotline("participants", "list")
    assert [line.split() for line in out.splitlines()] == [
        ["case", "status", "program", "release", "language", "specialist", "channel", "contact",
         "family"],
        ["TB-2027-014", "before-release", "georgia-two-year", "2027-02-10", "ka", "ana", "sms",
         "+995", "•••", "•••", "456", "2"],
        ["ZG-7", "in-program", "aftercare", "2025-06-01", "hr", "marko", "telegram", "Telegram",
         "not", "linked", "yet", "0"],
    ]  # fmt: skip
    code, out, _ = hotline("participants", "list", "--json", "--specialist", "marko")
    assert json.loads(out) == [
        {
            "case": "ZG-7",
            "status": "in-program",
            "program": "aftercare",
            "release": "2025-06-01",
            "timezone": "Europe/Zagreb",
            "language": "hr",
            "specialist": "marko",
            "channel": "telegram",
            "phone": None,
            "telegram_linked": False,
            "family": 0,
        }
    ]
    assert json.loads(hotline("participants", "list", "--json", "--status", "ended")[1]) == []


def test_an_import_with_a_bad_row_imports_nothing(hotline: Run, tmp_path: Path) -> None:
    path = tmp_path / "caseload.csv"
    path.write_text(
        HEADER + "ZG-001,aftercare,2027-03-01,Europe/Zagreb,hr,ana,sms,+385 91 123 4567,sms,"
        "Marija,sms,+385911112222,sms\n"
        + "ZG-002,aftercare,2027-03-01,Europe/Zagreb,hr,ana,sms,,sms,,,,\n"
        + '"ZG-003",aftercare,2027-03-01,Europe/Zagreb,hr,zoe,sms,+385911234569,"sms,voice",,,,\n',
        encoding="utf-8",
    )
    code, out, err = hotline("participants", "import", str(path))
    assert code == 2
    assert out == ""
    assert err == (
        f"hotline participants import: {path}: nothing imported\n"
        "  line 3, phone: sms needs a phone number\n"
        "  line 4, specialist: 'zoe' is not on the staff list\n"
    )
    assert hotline("participants", "list", "--json")[1] == "[]\n"

    good = "ZG-001,aftercare,2027-03-01,Europe/Zagreb,hr,ana,sms,+385911234567,sms,,,,\n"
    path.write_text(HEADER + good, encoding="utf-8")
    code, out, err = hotline("participants", "import", str(path))
    assert code == 0, err
    assert "1 participant enrolled, with 0 family contacts" in out
    bad_header = tmp_path / "bad.csv"
    bad_header.write_text("case,programme\nX-1,aftercare\n", encoding="utf-8")
    code, _, err = hotline("participants", "import", str(bad_header))
    assert code == 2
    assert "line 1, programme: unknown column" in err
    assert "line 1, program: missing column" in err


def test_a_good_file_imports_everyone(hotline: Run, tmp_path: Path) -> None:
    rows = "".join(
        f"ZG-{n:03},aftercare,2027-03-01,Europe/Zagreb,hr,ana,sms,+38591123{n:04},sms,"
        f"Marija,sms,+38591111{n:04},sms\n"
        for n in range(1, 121)
    )
    path = tmp_path / "caseload.csv"
    path.write_text("\ufeff" + HEADER + rows, encoding="utf-8")  # as a spreadsheet saves it
    code, out, err = hotline("participants", "import", str(path))
    assert code == 0, err
    assert out == (
        f"hotline participants import: 120 participants enrolled, with 120 family contacts, "
        f"from {path}\n"
    )
    listed = json.loads(hotline("participants", "list", "--json")[1])
    assert [p["case"] for p in listed] == [f"ZG-{n:03}" for n in range(1, 121)]
    assert listed[0]["phone"] == "+385 ••• ••• 001"


def test_invite_prints_a_one_time_link_and_its_qr_code(hotline: Run, tmp_path: Path) -> None:
    assert hotline(*ADD)[0] == 0
    code, out, err = hotline("participants", "invite", "TB-2027-014")
    assert code == 0, err
    first, link_line, *qr = out.splitlines()
    assert first.startswith("hotline participants invite: a one-time link for TB-2027-014, valid")
    found = LINK.match(link_line)
    assert found is not None
    assert "TB-2027" not in found.group(1)  # the token says nothing of whom it links
    drawn = io.StringIO()
    segno.make(link_line, error="m").terminal(out=drawn, compact=True)
    assert "\n".join(qr) + "\n" == drawn.getvalue()  # the QR code is the link

    png = tmp_path / "invite.png"
    code, out, err = hotline("participants", "invite", "TB-2027-014", "--family",
                             "tamar beridze", "--days", "7", "--png", str(png))  # fmt: skip
    assert code == 0, err
    assert "for TB-2027-014, family contact Tamar Beridze, valid until" in out
    assert png.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert f"the QR code is in {png}" in out
    assert LINK.search(out) is not None

    code, _, err = hotline("participants", "invite", "TB-2027-014", "--family", "Levan Beridze")
    assert (code, err) == (2, "hotline: TB-2027-014: consent: Levan Beridze's consent does not "
                              "cover telegram; record it first (`set`)\n")  # fmt: skip


def test_invite_needs_the_bot_username_and_no_network(
    hotline: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert hotline(*ADD)[0] == 0
    monkeypatch.delenv("HOTLINE_TELEGRAM_BOT_USERNAME")
    code, _, err = hotline("participants", "invite", "TB-2027-014")
    assert code == 2
    assert "HOTLINE_TELEGRAM_BOT_USERNAME is missing" in err
    monkeypatch.setenv("HOTLINE_TELEGRAM_BOT_USERNAME", "not a name")
    code, _, err = hotline("participants", "invite", "TB-2027-014")
    assert code == 2
    assert "HOTLINE_TELEGRAM_BOT_USERNAME: not a bot username" in err
