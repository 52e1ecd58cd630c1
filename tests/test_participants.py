"""Participants on SQLite and PostgreSQL: enrolment, changes, imports, invitations, privacy."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from hotline.crypto import DataCipher
from hotline.escalation.roster import LANGUAGES, Role, Staff
from hotline.participants import Channel, ParticipantError, Status
from hotline.participants.enrolment import invite, redeem, token_hash
from hotline.participants.fields import Rules
from hotline.participants.service import ParticipantService
from hotline.storage import db
from hotline.storage.models import Base
from hotline.storage.participants import ContactKeys
from hotline.storage.staff import StaffDirectory
from hotline.storage.unit_of_work import SqlUnitsOfWork
from tests.conftest import DATA_KEY, PSEUDONYM_KEY, FixedClock, make_settings

NOW = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)
PHONE = "+995555123456"
MOTHER_PHONE = "+995555765432"
CHAT = 700_100_200
NINO = {
    "case": "tb-2027-014",
    "program": "georgia-two-year",
    "release": "2027-02-10",
    "timezone": "Asia/Tbilisi",
    "language": "ka",
    "specialist": "ana",
    "channel": "sms",
    "phone": "+995 555 12 34 56",
    "consent": "sms,telegram",
    "family1_name": "Tamar Beridze",
    "family1_channel": "telegram",
    "family1_language": "ru",
    "family1_consent": "telegram",
    "family2_name": "Levan Beridze",
    "family2_channel": "sms",
    "family2_phone": "+995 555 76 54 32",
    "family2_consent": "sms",
}


@pytest.fixture
async def engine(database_url: str, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    settings = make_settings(tmp_path, database_url)
    engine = db.create_engine(settings.database_url)
    await db.upgrade(engine)
    staff = StaffDirectory(engine, DataCipher(DATA_KEY.encode()), PSEUDONYM_KEY.encode())
    for person in ("ana", "marko"):
        await staff.add(
            Staff(person, person.title(), Role.SPECIALIST, ("ka", "ru")),
            phone=None,
            telegram_id=None,
            now=NOW,
        )
    yield engine
    await engine.dispose()


@pytest.fixture
def units(engine: AsyncEngine) -> SqlUnitsOfWork:
    keys = ContactKeys(DataCipher(DATA_KEY.encode()), PSEUDONYM_KEY.encode())
    return SqlUnitsOfWork(engine, keys=keys)


@pytest.fixture
def service(units: SqlUnitsOfWork) -> ParticipantService:
    return ParticipantService(units, Rules(LANGUAGES), FixedClock(NOW))


async def everything_stored(engine: AsyncEngine) -> str:
    """Every value of every table, as text: what someone with a copy of the database sees."""
    async with engine.connect() as conn:
        return repr(
            [
                list(row)
                for table in Base.metadata.sorted_tables
                for row in (await conn.execute(select(table))).all()
            ]
        )


async def test_a_participant_enrolled_comes_back_as_given(service: ParticipantService) -> None:
    added = await service.add(NINO)
    nino = await service.get("TB-2027-014")
    assert nino == added
    assert nino.case == "TB-2027-014"  # case codes are upper case, whatever was typed
    assert (nino.release, nino.timezone, nino.language) == (date(2027, 2, 10), "Asia/Tbilisi", "ka")
    assert nino.status == Status.BEFORE_RELEASE  # released in February, enrolled in November
    assert nino.phone == PHONE
    assert nino.consent.at == NOW
    assert nino.consent.by == "ana"  # the specialist recorded it, unless said otherwise
    assert nino.consent.channels == {Channel.SMS, Channel.TELEGRAM}
    assert not nino.telegram_linked
    [tamar, levan] = nino.family
    assert (tamar.name, tamar.channel, tamar.language, tamar.phone) == (
        "Tamar Beridze",
        Channel.TELEGRAM,
        "ru",
        None,
    )
    assert (levan.language, levan.phone) == ("ka", MOTHER_PHONE)  # the participant's language


async def test_contacts_and_names_are_stored_only_encrypted(
    service: ParticipantService, engine: AsyncEngine, units: SqlUnitsOfWork
) -> None:
    await service.add(NINO)
    invitation = await invite(units, "TB-2027-014", now=NOW)
    async with units() as uow:
        assert await redeem(uow, invitation.token, CHAT, NOW) is not None
    stored = await everything_stored(engine)
    assert "TB-2027-014" in stored  # the row is there, read raw
    for secret in (
        PHONE, PHONE[1:], "555123456", MOTHER_PHONE, "555765432", str(CHAT),
        "Tamar", "Levan", "Beridze", invitation.token,
    ):  # fmt: skip
        assert secret not in stored, secret
    assert token_hash(invitation.token) in stored


async def test_a_participant_without_consent_for_their_channel_is_refused(
    service: ParticipantService,
) -> None:
    with pytest.raises(ParticipantError) as refused:
        await service.add({**NINO, "channel": "voice"})
    assert [(p.field, p.reason) for p in refused.value.problems] == [
        ("channel", "no consent recorded for voice; record it or choose a consented channel")
    ]
    with pytest.raises(ParticipantError, match="family2_channel: no consent recorded for sms"):
        await service.add({**NINO, "family2_consent": "voice"})
    assert await service.list() == []


async def test_every_bad_field_is_named_with_its_reason(service: ParticipantService) -> None:
    bad = {
        **NINO,
        "case": "599123456",
        "release": "10.2.2027",
        "timezone": "Tbilisi",
        "language": "de",
        "specialist": "nobody",
        "phone": "call me",
    }
    with pytest.raises(ParticipantError) as refused:
        await service.add(bad)
    fields = [p.field for p in refused.value.problems]
    assert fields == ["release", "phone"]  # what cannot be read is reported first
    with pytest.raises(ParticipantError) as refused:
        await service.add({**bad, "release": "2027-02-10", "phone": PHONE})
    assert {p.field: p.reason for p in refused.value.problems} == {
        "case": "'599123456' looks like a phone number or a personal id; "
        "a case code is a pseudonym",
        "timezone": "'Tbilisi' is not an IANA time zone, e.g. Asia/Tbilisi",
        "language": "'de' is not one of the program's languages (ka, ru, hr, cs, sl, en)",
    }
    with pytest.raises(ParticipantError, match="specialist: 'nobody' is not on the staff list"):
        await service.add({**NINO, "specialist": "nobody"})


async def test_a_case_code_is_enrolled_once(service: ParticipantService) -> None:
    await service.add(NINO)
    with pytest.raises(ParticipantError, match="TB-2027-014: case: already enrolled"):
        await service.add({**NINO, "case": "TB-2027-014"})


async def test_changes_move_only_what_is_given(service: ParticipantService) -> None:
    await service.add(NINO)
    before, moved = await service.set_release("tb-2027-014", "2027-01-20")
    assert (before, moved.release) == (date(2027, 2, 10), date(2027, 1, 20))
    changed = await service.change(
        "TB-2027-014",
        {"channel": "telegram", "timezone": "Europe/Prague", "specialist": "marko"},
        add_family=[{"name": "Eka", "channel": "sms", "phone": "+995555111222", "consent": "sms"}],
        remove_family=["levan beridze"],
    )
    assert (changed.channel, changed.timezone, changed.specialist) == (
        Channel.TELEGRAM,
        "Europe/Prague",
        "marko",
    )
    assert [f.name for f in changed.family] == ["Tamar Beridze", "Eka"]
    assert changed.family[0].id == moved.family[0].id  # a kept contact keeps its id
    assert await service.get("TB-2027-014") == changed
    withdrawn = await service.withdraw("TB-2027-014")
    assert withdrawn.status == Status.WITHDRAWN
    assert await service.list(status=Status.WITHDRAWN) == [withdrawn]
    assert await service.list(status=Status.IN_PROGRAM) == []


async def test_a_change_that_breaks_a_rule_changes_nothing(service: ParticipantService) -> None:
    added = await service.add(NINO)
    with pytest.raises(ParticipantError, match="channel: no consent recorded for voice"):
        await service.change("TB-2027-014", {"channel": "voice", "timezone": "Europe/Prague"})
    with pytest.raises(ParticipantError, match="phone: sms needs a phone number"):
        await service.change("TB-2027-014", {"phone": ""})
    with pytest.raises(ParticipantError, match="family: no family contact named 'Eka'"):
        await service.change("TB-2027-014", {}, remove_family=["Eka"])
    with pytest.raises(ParticipantError, match="no participant has this case code"):
        await service.change("XX-1", {"timezone": "Europe/Prague"})
    assert await service.get("TB-2027-014") == added


async def test_a_new_consent_is_recorded_when_and_by_whom(service: ParticipantService) -> None:
    await service.add(NINO)
    service.clock = FixedClock(NOW + timedelta(days=3))
    changed = await service.change(
        "TB-2027-014", {"consent": "sms voice", "consent_by": "marko", "channel": "voice"}
    )
    assert changed.consent.channels == {Channel.SMS, Channel.VOICE}
    assert (changed.consent.at, changed.consent.by) == (NOW + timedelta(days=3), "marko")


async def test_an_import_with_a_bad_row_imports_nothing(service: ParticipantService) -> None:
    rows = [
        (2, NINO),
        (3, {**NINO, "case": "TB-2027-015", "timezone": "Mars/Olympus"}),
        (4, {**NINO, "case": "TB-2027-016", "family1_consent": ""}),
        (5, {**NINO, "case": "tb-2027-014"}),
        (6, {**NINO, "case": "TB-2027-017", "specialist": "zoe"}),
    ]
    with pytest.raises(ParticipantError) as refused:
        await service.import_rows(rows)
    assert [(p.line, p.field, p.reason) for p in refused.value.problems] == [
        (3, "timezone", "'Mars/Olympus' is not an IANA time zone, e.g. Asia/Tbilisi"),
        (4, "family1_consent", "record consent for at least one channel (telegram, sms, voice)"),
        (4, "family1_channel", "no consent recorded for telegram; record it or choose a "
                               "consented channel"),
        (5, "case", "TB-2027-014 is on line 2 too"),
        (6, "specialist", "'zoe' is not on the staff list"),
    ]  # fmt: skip
    assert await service.list() == []


async def test_an_import_enrols_everyone_or_names_who_is_enrolled(
    service: ParticipantService,
) -> None:
    await service.add(NINO)
    rows = [(n, {**NINO, "case": f"TB-2028-{n:03}"}) for n in range(2, 40)]
    with pytest.raises(ParticipantError, match="line 40, case: already enrolled"):
        await service.import_rows([*rows, (40, NINO)])
    imported = await service.import_rows(rows)
    assert len(imported) == 38
    assert len(await service.list()) == 39
    assert len(await service.list(specialist="ana")) == 39
    assert (await service.list())[5].family[1].phone == MOTHER_PHONE


async def test_an_invitation_links_a_chat_once(
    service: ParticipantService, units: SqlUnitsOfWork
) -> None:
    await service.add(NINO)
    invitation = await invite(units, "TB-2027-014", now=NOW)
    assert len(invitation.token) == 43
    assert invitation.expires_at == NOW + timedelta(days=30)
    async with units() as uow:
        linked = await redeem(uow, invitation.token, CHAT, NOW + timedelta(days=1))
        assert linked is not None
        assert (linked.language, linked.family) == ("ka", False)
        assert await uow.participants.by_telegram(CHAT) == [("TB-2027-014", None)]
    nino = await service.get("TB-2027-014")
    assert nino.telegram_chat == CHAT
    assert nino.telegram_linked_at == NOW + timedelta(days=1)
    async with units() as uow:
        assert await redeem(uow, invitation.token, CHAT + 1, NOW + timedelta(days=1)) is None
    assert (await service.get("TB-2027-014")).telegram_chat == CHAT


async def test_an_invitation_expires_and_a_newer_one_replaces_it(
    service: ParticipantService, units: SqlUnitsOfWork
) -> None:
    await service.add(NINO)
    old = await invite(units, "TB-2027-014", family="tamar beridze", days=7, now=NOW)
    async with units() as uow:
        assert await redeem(uow, old.token, CHAT, NOW + timedelta(days=7)) is None
    newer = await invite(units, "TB-2027-014", family="Tamar Beridze", now=NOW)
    replaced = await invite(units, "TB-2027-014", family="Tamar Beridze", now=NOW)
    async with units() as uow:
        assert await redeem(uow, newer.token, CHAT, NOW) is None
        assert await redeem(uow, "not a token!", CHAT, NOW) is None
        linked = await redeem(uow, replaced.token, CHAT, NOW + timedelta(days=29))
    assert linked is not None
    assert (linked.language, linked.family) == ("ru", True)
    nino = await service.get("TB-2027-014")
    assert not nino.telegram_linked
    assert nino.family[0].telegram_chat == CHAT


async def test_only_who_consented_to_telegram_is_invited(
    service: ParticipantService, units: SqlUnitsOfWork
) -> None:
    await service.add(NINO)
    with pytest.raises(ParticipantError, match="Levan Beridze's consent does not cover telegram"):
        await invite(units, "TB-2027-014", family="Levan Beridze", now=NOW)
    with pytest.raises(ParticipantError, match="family: no family contact named 'Eka'"):
        await invite(units, "TB-2027-014", family="Eka", now=NOW)
    with pytest.raises(ParticipantError, match="days: give 1 to 365 days"):
        await invite(units, "TB-2027-014", days=0, now=NOW)
    waiting = await invite(units, "TB-2027-014", now=NOW)
    await service.withdraw("TB-2027-014")
    with pytest.raises(ParticipantError, match="status is withdrawn"):
        await invite(units, "TB-2027-014", now=NOW)
    async with units() as uow:  # a link handed out before the withdrawal links nobody
        assert await redeem(uow, waiting.token, CHAT, NOW) is None


async def test_a_person_is_found_by_phone_or_chat_without_decrypting(
    service: ParticipantService, units: SqlUnitsOfWork
) -> None:
    nino = await service.add(NINO)
    await service.add({**NINO, "case": "TB-2027-020", "phone": MOTHER_PHONE})
    async with units() as uow:
        assert await uow.participants.by_phone(PHONE) == [("TB-2027-014", None)]
        assert await uow.participants.by_phone(MOTHER_PHONE) == [
            ("TB-2027-020", None),  # a participant with the number of another's relative
            ("TB-2027-014", nino.family[1].id),
            ("TB-2027-020", (await uow.participants.get("TB-2027-020")).family[1].id),
        ]
        assert await uow.participants.by_phone("+995555000000") == []
        assert await uow.participants.by_telegram(CHAT) == []


async def test_housekeeping_forgets_expired_invitations(
    service: ParticipantService, units: SqlUnitsOfWork
) -> None:
    await service.add(NINO)
    await invite(units, "TB-2027-014", days=1, now=NOW)
    await invite(units, "TB-2027-014", family="Tamar Beridze", days=30, now=NOW)
    async with units() as uow:
        assert await uow.participants.forget_invites(NOW + timedelta(days=1)) == 0
        assert await uow.participants.forget_invites(NOW + timedelta(days=2)) == 1
        assert await uow.participants.forget_invites(NOW + timedelta(days=31)) == 1


async def test_a_specialist_who_left_does_not_stop_a_withdrawal(
    service: ParticipantService, engine: AsyncEngine
) -> None:
    await service.add({**NINO, "specialist": "marko"})
    staff = StaffDirectory(engine, DataCipher(DATA_KEY.encode()), PSEUDONYM_KEY.encode())
    await staff.remove("marko")
    assert (await service.withdraw("TB-2027-014")).status == Status.WITHDRAWN
    with pytest.raises(ParticipantError, match="specialist: 'zoe' is not on the staff list"):
        await service.change("TB-2027-014", {"specialist": "zoe"})
    assert (await service.change("TB-2027-014", {"specialist": "ana"})).specialist == "ana"


async def test_of_two_chats_opening_one_link_at_once_one_is_linked(
    service: ParticipantService, units: SqlUnitsOfWork
) -> None:
    await service.add(NINO)
    invitation = await invite(units, "TB-2027-014", now=NOW)

    async def open_link(chat: int) -> bool:
        async with units() as uow:
            return await redeem(uow, invitation.token, chat, NOW) is not None

    outcomes = await asyncio.gather(open_link(CHAT), open_link(CHAT + 1))
    assert sorted(outcomes) == [False, True]
    linked = (await service.get("TB-2027-014")).telegram_chat
    assert linked == (CHAT if outcomes[0] else CHAT + 1)
