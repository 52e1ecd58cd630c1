"""The staff directory on SQLite and PostgreSQL: people, encrypted contacts, the stored roster."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from hotline.crypto import DataCipher
from hotline.escalation.roster import Role, Roster, RosterError, Staff
from hotline.escalation.roster_file import dump_roster, load_roster
from hotline.storage import db
from hotline.storage.models import RosterSchedule, StaffMember
from hotline.storage.staff import StaffDirectory, StaffError, telegram_ref
from tests.conftest import DATA_KEY, PSEUDONYM_KEY, make_settings

NOW = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)
PHONE = "+995555123456"
TELEGRAM = 732918465

# In dump_roster's canonical form, so an import then an export gives the same text. Marko's
# 22:00-06:00 runs past midnight; 25 and 26 December are holidays; New Year's Eve is a one-off.
ROSTER_TEXT = """\
timezone: Europe/Zagreb
staff:
  - id: ana
    name: Ana Horvat
    role: specialist
    languages: [hr, en]
  - id: marko
    name: Marko Novak
    role: supervisor
    languages: [hr, sl, ru]
  - id: nino
    name: Nino Beridze
    role: specialist
    languages: [ka, ru]
weekly:
  - staff: ana
    days: [mon, tue, wed, thu, fri]
    from: "09:00"
    to: "17:00"
  - staff: marko
    days: [thu, sat, sun]
    from: "22:00"
    to: "06:00"
  - staff: nino
    days: [thu]
    from: "16:00"
    to: "23:30"
once:
  - staff: marko
    from: 2026-12-31T20:00
    to: 2027-01-01T08:00
holidays: [2026-12-25, 2026-12-26]
"""

ANA = Staff("ana", "Ana Horvat", Role.SPECIALIST, ("hr", "en"))
ZOE = Staff("zoe", "Zoe Kapanadze", Role.ADMIN, ("ka", "en"))


@pytest.fixture
async def engine(database_url: str, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    settings = make_settings(tmp_path, database_url)
    engine = db.create_engine(settings.database_url)
    await db.upgrade(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
def directory(engine: AsyncEngine) -> StaffDirectory:
    return StaffDirectory(engine, DataCipher(DATA_KEY.encode()), PSEUDONYM_KEY.encode())


async def raw_rows(engine: AsyncEngine, model: Any) -> list[str]:
    """Every stored value of a table, as text: what someone with a copy of the database sees."""
    async with engine.connect() as conn:
        rows = (await conn.execute(select(model.__table__))).all()
    return [str(value) for row in rows for value in row]


async def test_a_person_added_comes_back_with_contacts_in_e164(
    directory: StaffDirectory,
) -> None:
    await directory.add(ANA, phone="+995 555 12 34 56", telegram_id=TELEGRAM, now=NOW)
    contact = await directory.get("ana")
    assert contact is not None
    assert contact.staff == ANA
    assert contact.phone == PHONE
    assert contact.telegram_id == TELEGRAM
    assert await directory.get("nobody") is None


async def test_contacts_are_stored_only_encrypted(
    directory: StaffDirectory, engine: AsyncEngine
) -> None:
    await directory.add(ANA, phone=PHONE, telegram_id=TELEGRAM, now=NOW)
    await directory.set("ana", phone="+995 555 65 43 21", now=NOW)
    values = await raw_rows(engine, StaffMember)
    assert "Ana Horvat" in values  # the row is there, read raw
    for secret in (PHONE, PHONE[1:], "555123456", "+995555654321", "555654321", str(TELEGRAM)):
        assert not any(secret in value for value in values), secret


async def test_by_telegram_finds_the_person_by_pseudonym(
    directory: StaffDirectory, engine: AsyncEngine
) -> None:
    await directory.add(ANA, phone=None, telegram_id=TELEGRAM, now=NOW)
    await directory.add(ZOE, phone=None, telegram_id=TELEGRAM + 1, now=NOW)
    found = await directory.by_telegram(TELEGRAM)
    assert found is not None
    assert found.staff.id == "ana"
    assert await directory.by_telegram(5) is None
    ref = telegram_ref(TELEGRAM, PSEUDONYM_KEY.encode())
    assert len(ref) == 32
    assert ref in await raw_rows(engine, StaffMember)


async def test_a_taken_id_is_refused_naming_it(directory: StaffDirectory) -> None:
    await directory.add(ANA, phone=None, telegram_id=None, now=NOW)
    with pytest.raises(StaffError, match=r"staff id 'ana' is already taken by Ana Horvat"):
        await directory.add(replace(ANA, name="Another Ana"), phone=None, telegram_id=None, now=NOW)
    assert [c.staff for c in await directory.list()] == [ANA]


async def test_a_telegram_id_belongs_to_one_person(directory: StaffDirectory) -> None:
    await directory.add(ANA, phone=None, telegram_id=TELEGRAM, now=NOW)
    with pytest.raises(StaffError, match=r"zoe: that Telegram id is already ana's"):
        await directory.add(ZOE, phone=None, telegram_id=TELEGRAM, now=NOW)
    await directory.add(ZOE, phone=None, telegram_id=None, now=NOW)
    with pytest.raises(StaffError, match=r"already ana's"):
        await directory.set("zoe", telegram_id=TELEGRAM, now=NOW)
    again = await directory.set("ana", telegram_id=TELEGRAM, now=NOW)  # one's own: no change
    assert again.telegram_id == TELEGRAM


@pytest.mark.parametrize(
    ("person", "phone", "message"),
    [
        (replace(ANA, id="Ana Horvat"), None, "is not a short slug"),
        (replace(ANA, role="cook"), None, "role 'cook' is not one of"),
        (replace(ANA, languages=("de",)), None, "'de' is not one of the hotline's languages"),
        (replace(ANA, languages=()), None, "lists no languages"),
        (replace(ANA, name=" "), None, "name is empty"),
        (ANA, "555 12 34 56", "ana: the phone number is not a number in international form"),
        (ANA, "not a number", "not a number in international form"),
    ],
)
async def test_an_invalid_person_is_refused_with_the_reason(
    directory: StaffDirectory, person: Staff, phone: str | None, message: str
) -> None:
    with pytest.raises(StaffError, match=message):
        await directory.add(person, phone=phone, telegram_id=None, now=NOW)
    assert await directory.list() == []


async def test_a_local_number_is_read_in_the_default_region(engine: AsyncEngine) -> None:
    cipher = DataCipher(DATA_KEY.encode())
    georgian = StaffDirectory(engine, cipher, PSEUDONYM_KEY.encode(), default_region="GE")
    await georgian.add(ANA, phone="555 12 34 56", telegram_id=None, now=NOW)
    contact = await georgian.get("ana")
    assert contact is not None
    assert contact.phone == PHONE


async def test_set_changes_only_the_fields_given(directory: StaffDirectory) -> None:
    await directory.add(ANA, phone=PHONE, telegram_id=TELEGRAM, now=NOW)
    changed = await directory.set("ana", role=Role.SUPERVISOR, languages=["hr"], now=NOW)
    assert changed.staff == Staff("ana", "Ana Horvat", Role.SUPERVISOR, ("hr",))
    assert (changed.phone, changed.telegram_id) == (PHONE, TELEGRAM)

    cleared = await directory.set("ana", clear_phone=True, clear_telegram=True, now=NOW)
    assert (cleared.phone, cleared.telegram_id) == (None, None)
    assert await directory.by_telegram(TELEGRAM) is None
    assert await directory.get("ana") == cleared


async def test_set_refuses_an_unknown_id_and_bad_values(directory: StaffDirectory) -> None:
    with pytest.raises(StaffError, match="no staff member with id 'zoe'"):
        await directory.set("zoe", name="Zoe", now=NOW)
    await directory.add(ANA, phone=PHONE, telegram_id=None, now=NOW)
    with pytest.raises(StaffError, match="listed twice"):
        await directory.set("ana", languages=["hr", "hr"], now=NOW)
    with pytest.raises(StaffError, match="not both"):
        await directory.set("ana", phone=PHONE, clear_phone=True, now=NOW)
    assert (await directory.list())[0].staff == ANA


async def test_an_imported_roster_reads_back_equal(directory: StaffDirectory) -> None:
    assert await directory.roster() is None
    roster = load_roster(ROSTER_TEXT)
    summary = await directory.import_roster(roster, now=NOW)
    assert summary.added == ("ana", "marko", "nino")
    assert (summary.weekly, summary.once, summary.holidays) == (3, 1, 2)
    stored = await directory.roster()
    assert stored == roster
    assert stored is not None
    assert dump_roster(stored) == ROSTER_TEXT


async def test_staff_without_a_schedule_is_no_roster(directory: StaffDirectory) -> None:
    await directory.add(ANA, phone=None, telegram_id=None, now=NOW)
    assert await directory.roster() is None


async def test_import_keeps_contacts_and_people_not_in_the_file(
    directory: StaffDirectory,
) -> None:
    await directory.add(ZOE, phone=None, telegram_id=TELEGRAM + 1, now=NOW)
    await directory.add(replace(ANA, name="Ana H."), phone=PHONE, telegram_id=TELEGRAM, now=NOW)
    summary = await directory.import_roster(load_roster(ROSTER_TEXT), now=NOW)
    assert (summary.added, summary.updated, summary.kept) == (("marko", "nino"), ("ana",), ("zoe",))

    # The file's order first, then those it does not list; Ana's contacts are still hers.
    contacts = await directory.list()
    assert [c.staff.id for c in contacts] == ["ana", "marko", "nino", "zoe"]
    assert contacts[0].staff == ANA
    assert (contacts[0].phone, contacts[0].telegram_id) == (PHONE, TELEGRAM)
    roster = await directory.roster()
    assert roster is not None
    assert roster.staff[-1] == ZOE

    again = await directory.import_roster(load_roster(ROSTER_TEXT), now=NOW)
    assert (again.added, again.updated) == ((), ())
    assert again.unchanged == ("ana", "marko", "nino")


async def test_a_roster_off_the_deployments_languages_changes_nothing(
    engine: AsyncEngine,
) -> None:
    georgian = StaffDirectory(
        engine, DataCipher(DATA_KEY.encode()), PSEUDONYM_KEY.encode(), languages=("ka", "ru")
    )
    with pytest.raises(RosterError, match="'hr' is not one of the hotline's languages"):
        await georgian.import_roster(load_roster(ROSTER_TEXT), now=NOW)
    assert await georgian.list() == []
    assert await raw_rows(engine, RosterSchedule) == []


async def test_removing_a_person_removes_their_shifts(directory: StaffDirectory) -> None:
    await directory.import_roster(load_roster(ROSTER_TEXT), now=NOW)
    assert await directory.remove("marko") == 2  # the weekly nights and New Year's Eve
    roster = await directory.roster()
    assert roster is not None
    assert [p.id for p in roster.staff] == ["ana", "nino"]
    assert all(s.staff_id != "marko" for s in (*roster.weekly, *roster.once))
    assert roster.holidays == load_roster(ROSTER_TEXT).holidays
    assert await directory.remove("ana") == 1
    with pytest.raises(StaffError, match="no staff member with id 'ana'"):
        await directory.remove("ana")


async def test_removing_someone_without_a_roster_removes_no_shifts(
    directory: StaffDirectory,
) -> None:
    await directory.add(ANA, phone=None, telegram_id=None, now=NOW)
    assert await directory.remove("ana") == 0
    assert await directory.list() == []


async def test_list_follows_the_order_of_preference(directory: StaffDirectory) -> None:
    await directory.add(ZOE, phone=None, telegram_id=None, now=NOW)
    await directory.add(ANA, phone=None, telegram_id=None, now=NOW)
    assert [c.staff.id for c in await directory.list()] == ["zoe", "ana"]


async def test_a_roster_with_no_shifts_round_trips(directory: StaffDirectory) -> None:
    empty = Roster("Asia/Tbilisi", (ANA,))
    await directory.import_roster(empty, now=NOW)
    assert await directory.roster() == empty


async def test_two_imports_at_once_both_succeed(directory: StaffDirectory) -> None:
    roster = load_roster(ROSTER_TEXT)
    # Two admins, or a deploy script run twice: both write the same people and schedule.
    for _ in range(10):
        await asyncio.gather(*(directory.import_roster(roster, now=NOW) for _ in range(2)))
        assert await directory.roster() == roster
