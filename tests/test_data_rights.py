"""A person's rights over their data, on SQLite and PostgreSQL: the export holds every kind
of data put in, in the participant's language; erasure leaves nothing that names or reaches
them and keeps the counts; a caller known only by number is unlinked everywhere; each is
written to the audit log; and `hotline data` says what is wrong in one line."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Coroutine
from pathlib import Path
from typing import Any, TypeVar

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from hotline.catalog import Catalog
from hotline.config import Settings, load_settings
from hotline.crypto import DataCipher
from hotline.dashboard_texts import DashboardText
from hotline.rights import RightsError, RightsService, Whom
from hotline.storage import db
from hotline.storage.dashboard_tables import AuditLogEntry
from hotline.storage.models import (
    CallerLanguage,
    CallLogEntry,
    Escalation,
    OptOut,
    ParticipantRow,
)
from hotline.storage.participants import ContactKeys
from hotline.storage.unit_of_work import SqlUnitsOfWork
from hotline.web.dashboard.rights import export_html
from tests.conftest import FixedClock, make_settings
from tests.personal_data import (
    CALLER,
    CALLER_QUESTION,
    CASE,
    CASE_TEXT,
    CHAT,
    OTHER_CASE,
    OTHER_PHONE,
    PHONE,
    QUESTION_TEXT,
    RELATIVE,
    count,
    every_value,
    seed_caller,
    seed_participant,
)
from tests.test_staff_cli import Run, _runner

_T = TypeVar("_T")
CATALOG = Catalog()


class Store:
    """A migrated database with the deployment's keys, and the service on it."""

    def __init__(self, settings: Settings, engine: AsyncEngine, clock: FixedClock) -> None:
        self.engine = engine
        self.cipher = DataCipher(settings.data_key)
        self.key = settings.pseudonym_key
        self.units = SqlUnitsOfWork(engine, keys=ContactKeys(self.cipher, self.key))
        self.rights = RightsService(self.units, clock)
        self.clock = clock


@pytest.fixture
async def store(tmp_path: Path, database_url: str, clock: FixedClock) -> AsyncIterator[Store]:
    settings = make_settings(tmp_path, database_url)
    engine = db.create_engine(settings.database_url)
    await db.upgrade(engine)
    try:
        yield Store(settings, engine, clock)
    finally:
        await engine.dispose()


async def audit_lines(engine: AsyncEngine) -> list[tuple[str, str, str | None, str | None]]:
    async with engine.connect() as conn:
        rows = await conn.execute(select(AuditLogEntry.__table__).order_by("id"))
        return [(r.staff_id, r.action, r.case_code, r.reason) for r in rows]


async def test_the_export_holds_every_kind_of_data_and_reads_in_the_participants_language(
    store: Store,
) -> None:
    await seed_participant(store.units, store.engine, store.cipher, store.key, store.clock())
    made = await store.rights.export(Whom(case=CASE.lower()), "beka", "access request")
    d = made.document
    assert (d["schema"], d["kind"], d["case"], d["language"]) == (1, "participant", CASE, "ka")
    assert d["profile"]["phone"] == PHONE
    assert d["profile"]["telegram_chat"] == str(CHAT)
    assert [f["name"] for f in d["family"]] == [RELATIVE]
    [plan] = d["plan"]  # theirs only, not the other participant's
    assert (plan["step"], plan["status"], plan["answer"]) == ("checkin-1", "sent", "fine")
    assert [a["outcome"] for a in plan["attempts"]] == ["delivered"]
    assert len(d["calls"]) == 2  # their Telegram chat and their SMS; not the other's call
    kinds = {e["kind"]: e for e in d["escalations"]}
    assert [m["text"] for m in kinds["chat"]["messages"]] == [CASE_TEXT]
    assert kinds["task"]["reason"] == "asked"
    assert kinds["task"]["task"]["kind"] == "wants-to-talk"
    assert [q["text"] for q in d["questions"]] == [QUESTION_TEXT]
    assert sorted((r["what"], r["value"]) for r in d["remembered"]) == [
        ("language", "ka"),
        ("language", "ka"),
        ("region", "GE-TB"),
        ("region", "GE-TB"),
    ]
    page = export_html(made, CATALOG)
    assert '<html lang="ka">' in page
    assert CATALOG.format("ka", DashboardText.RIGHTS_EXPORT_TITLE, {}) in page
    assert CATALOG.format("ka", DashboardText.RIGHTS_SECTION_FAMILY, {}) in page
    for shown in (PHONE, RELATIVE, CASE_TEXT, QUESTION_TEXT):
        assert shown in page
    assert await audit_lines(store.engine) == [
        ("beka", "participant:export", CASE, "access request")
    ]


async def test_erasure_leaves_nothing_that_names_or_reaches_the_participant_and_keeps_counts(
    store: Store,
) -> None:
    seeded = await seed_participant(
        store.units, store.engine, store.cipher, store.key, store.clock()
    )
    calls, escalations = (
        await count(store.engine, CallLogEntry),
        await count(store.engine, Escalation),
    )
    done = await store.rights.erase(Whom(case=CASE), "beka", "the participant asked")
    assert done.counts["participant"] == 1
    assert done.counts["calls"] == 2
    held = await every_value(store.engine, store.cipher)
    for table, values in held.items():
        text = "\n".join(values)
        for secret in (*seeded.secrets, *seeded.pseudonyms):
            if table == "audit_log" and secret == CASE:
                continue  # the erasure's own record names the case code (a pseudonym)
            assert secret not in text, (table, secret)
    assert await count(store.engine, CallLogEntry) == calls  # counts stay, anonymous
    assert await count(store.engine, Escalation) == escalations
    assert OTHER_CASE in "\n".join(held["participants"])  # the other participant stays
    assert OTHER_PHONE in "\n".join(held["participants"])
    assert await audit_lines(store.engine) == [
        ("beka", "participant:erase", CASE, "the participant asked")
    ]
    with pytest.raises(RightsError, match=f"no participant has case code {CASE}"):
        await store.rights.export(Whom(case=CASE), "beka", "again")


async def test_a_caller_known_only_by_number_is_unlinked_everywhere_and_the_opt_out_kept(
    store: Store,
) -> None:
    name = await seed_caller(store.engine, store.cipher, store.key, store.clock())
    made = await store.rights.export(Whom(phone="+385 91 123 4567"), "nino", "access request")
    assert made.document["kind"] == "caller"
    assert made.document["case"] is None
    assert len(made.document["calls"]) == 2
    assert [q["text"] for q in made.document["questions"]] == [CALLER_QUESTION]
    assert made.subject.language == "hr"  # the language the caller last chose
    calls = await count(store.engine, CallLogEntry)
    await store.rights.erase(Whom(phone=CALLER), "nino", "the caller asked by phone")
    held = await every_value(store.engine, store.cipher)
    for table, values in held.items():
        text = "\n".join(values)
        assert CALLER not in text, table
        assert CALLER_QUESTION not in text, table
        if table != "opt_outs":
            assert name not in text, table
    assert await count(store.engine, CallLogEntry) == calls
    assert await count(store.engine, CallerLanguage) == 0
    assert await count(store.engine, OptOut) == 1  # their wish to get nothing stays
    assert (await audit_lines(store.engine))[-1] == (
        "nino",
        "caller:erase",
        None,
        "the caller asked by phone",
    )


async def test_a_number_of_a_participant_is_not_erased_as_a_caller(store: Store) -> None:
    await seed_participant(store.units, store.engine, store.cipher, store.key, store.clock())
    with pytest.raises(RightsError, match=f"belongs to participant {CASE}"):
        await store.rights.erase(Whom(phone=PHONE), "beka", "asked")
    assert await count(store.engine, ParticipantRow) == 2
    assert [a for _, a, _, _ in await audit_lines(store.engine)] == []  # nothing done


async def test_no_reason_no_export(store: Store) -> None:
    await seed_participant(store.units, store.engine, store.cipher, store.key, store.clock())
    with pytest.raises(RightsError, match="a reason is required"):
        await store.rights.export(Whom(case=CASE), "beka", "   ")
    assert await audit_lines(store.engine) == []


# The command ---------------------------------------------------------------------------------


@pytest.fixture
def hotline(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    database_url: str,
) -> Run:
    run = _runner(tmp_path, monkeypatch, capsys, database_url=database_url)
    assert run("db", "upgrade")[0] == 0
    return run


def _on_database(work: Callable[[AsyncEngine, DataCipher, bytes], Coroutine[Any, Any, _T]]) -> _T:
    settings = load_settings()

    async def run() -> _T:
        engine = db.create_engine(settings.database_url)
        try:
            return await work(engine, DataCipher(settings.data_key), settings.pseudonym_key)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def _seed(engine: AsyncEngine, cipher: DataCipher, key: bytes) -> Coroutine[Any, Any, Any]:
    units = SqlUnitsOfWork(engine, keys=ContactKeys(cipher, key))
    return seed_participant(units, engine, cipher, key, FixedClock()())


def test_export_writes_json_and_a_page_and_erase_says_what_went(
    hotline: Run, tmp_path: Path
) -> None:
    _on_database(_seed)
    code, out, err = hotline("data", "export", CASE, "--reason", "access request")
    assert code == 0, err
    assert json.loads(out)["profile"]["phone"] == PHONE
    out_dir = tmp_path / "export"
    code, out, err = hotline(
        "data", "export", CASE, "--reason", "access request", "--out", str(out_dir)
    )
    assert code == 0, err
    assert "TB-2027-014-data.html" in out
    assert PHONE not in out
    page = (out_dir / f"{CASE}-data.html").read_text(encoding="utf-8")
    assert '<html lang="ka">' in page
    assert RELATIVE in page
    assert json.loads((out_dir / f"{CASE}-data.json").read_text())["schema"] == 1
    code, out, err = hotline("data", "erase", CASE, "--reason", "asked", "--by", "beka")
    assert code == 0, err
    assert out.startswith(f"hotline data erase: erased {CASE}: ")
    assert "1 participant" in out
    lines = _on_database(lambda engine, *_: audit_lines(engine))
    assert [(who.startswith("cli:"), action) for who, action, _, _ in lines] == [
        (True, "participant:export"),
        (True, "participant:export"),
        (False, "participant:erase"),
    ]


def test_erasing_a_number_nothing_is_held_about_says_so_and_is_audited(hotline: Run) -> None:
    code, out, err = hotline("data", "erase", "--phone", "+995555000111", "--reason", "asked")
    assert code == 0, err
    assert out.strip() == (
        "hotline data erase: nothing was held about the caller; the request is in the audit log"
    )
    assert "555000111" not in out + err
    lines = _on_database(lambda engine, *_: audit_lines(engine))
    assert [action for _, action, _, _ in lines] == ["caller:erase"]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("export", "TB-0000-404", "--reason", "x"), "no participant has case code TB-0000-404"),
        (("erase", "--phone", "not a number", "--reason", "x"), "--phone: not a phone number"),
        (("erase", CASE, "--phone", PHONE, "--reason", "x"), "give a CASE or --phone NUMBER"),
        (("export", CASE, "--reason", " "), "a reason is required"),
        (("erase", CASE), "a reason is required (it goes to the audit log): --reason TEXT"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(hotline: Run, args: tuple[str, ...], said: str) -> None:
    code, out, err = hotline("data", *args)
    assert code == 2
    assert out == ""
    assert said in err
    assert PHONE not in err


def test_audit_rows_are_only_ever_added() -> None:
    """No code updates or deletes the audit log (retention may delete old lines: its own
    module, hotline/cli/data_purge.py or a retention module, is the one exception)."""
    root = Path(__file__).parent.parent / "hotline"
    for path in root.rglob("*.py"):
        if "purge" in path.name or "retention" in path.name or "migrations" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for verb in (
            "update(_AUDIT",
            "delete(_AUDIT",
            "update(AuditLogEntry",
            "delete(AuditLogEntry",
        ):
            assert verb not in text, (path, verb)
