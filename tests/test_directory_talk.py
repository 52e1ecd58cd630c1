"""The services directory as callers and chats reach it: key 2 on the phone, the chat menu's
services, an SMS of the entries at the fake Twilio API, and the anonymous counts.

Runs the whole app on both databases with the shipped Georgian sample directory: the Crime
Prevention Center's hotline (the whole country: social benefits, family) and example entries
in Tbilisi.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from hotline.app import ENGINE, HOTLINE
from hotline.catalog import Catalog
from hotline.conversations.chat_types import ChatInput, Subscriber
from hotline.storage.directory_tables import CallerRegion, DirectoryAsk
from hotline.storage.models import Base
from tests.conftest import (
    AUTH_TOKEN,
    CALLER,
    HOTLINE_NUMBER,
    AppClient,
    FixedClock,
    make_settings,
    new_call_sid,
    start_app,
)
from tests.fakes import FakeTwilio
from tests.fakes.twilio_api import sms_segments
from tests.test_voice_webhooks import end_call, press, start_call

ACCOUNT_SID = "AC" + "d" * 32
CATALOG = Catalog()
CPC_PHONE = "2 145 145"  # the Crime Prevention Center's hotline, as the sample lists it


@pytest.fixture
async def twilio(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeTwilio]:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    async with FakeTwilio(ACCOUNT_SID, AUTH_TOKEN) as fake:
        yield fake


@pytest.fixture
async def client(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    database_url: str,
    tmp_path: Path,
    clock: FixedClock,
    twilio: FakeTwilio,
) -> AppClient:
    settings = make_settings(
        tmp_path,
        database_url,
        HOTLINE_LANGUAGES="en,ru",
        HOTLINE_TWILIO_ACCOUNT_SID=ACCOUNT_SID,
        HOTLINE_TWILIO_API_URL=twilio.base_url,
        HOTLINE_PHONE_NUMBER=HOTLINE_NUMBER,
    )
    return await start_app(aiohttp_client, settings, clock)


def option(language: str, name: str, key: int) -> str:
    return CATALOG.format(language, "services-option", {"name": name, "key": key})


def kind(language: str, category: str) -> str:
    return CATALOG.format(language, "services-category-name", {"category": category})


async def stored(client: AppClient) -> str:
    """Every value of every table, as text."""
    async with client.app[ENGINE].connect() as conn:
        return repr(
            [
                list(row)
                for table in Base.metadata.sorted_tables
                for row in (await conn.execute(select(table))).all()
            ]
        )


async def test_a_caller_hears_three_entries_and_gets_them_by_sms_in_their_language(
    client: AppClient, twilio: FakeTwilio, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    sid = new_call_sid()
    menu = await start_call(client, sid, "?lang=ru")
    regions = await press(client, sid, menu, "2")
    assert regions.said(CATALOG.format("ru", "services-region"))
    assert regions.said(option("ru", "Тбилиси", 1))
    assert regions.said(CATALOG.format("ru", "services-more-items", {"key": 9}))  # 12 regions
    kinds = await press(client, sid, regions, "1")
    assert kinds.said(option("ru", kind("ru", "social-benefits-rights"), 3))
    entries = await press(client, sid, kinds, "3")
    said = " ".join(entries.spoken)
    assert "Горячая линия" in said or "горячая линия" in said.lower()
    assert "2, 1 4 5, 1 4 5" in said  # the phone, digit group by digit group
    assert said.count("2, 1 4 5, 1 4 5") == 2  # and said twice
    assert entries.said(CATALOG.format("ru", "services-hours-always"))  # 24/7, not 0:00-0:00
    assert entries.said(CATALOG.format("ru", "services-list-menu").splitlines()[0])

    sent = await press(client, sid, entries, "1")
    assert sent.said(CATALOG.format("ru", "services-sms-sent"))
    [sms] = twilio.messages_to(CALLER)
    assert sms.from_ == HOTLINE_NUMBER
    assert CATALOG.format("ru", "services-sms") in sms.body
    assert CPC_PHONE in sms.body
    assert sms_segments(sms.body) <= 3

    again = await press(client, sid, sent, "*")  # say them again
    assert " ".join(again.spoken).count("2, 1 4 5, 1 4 5") == 2
    back = await press(client, sid, again, "0")
    goodbye = await press(client, sid, back, "0")
    assert goodbye.verbs[-1] == "Hangup"
    await end_call(client, sid)

    everything = await stored(client)
    for seen in (everything, caplog.text):
        assert CALLER not in seen
        assert CALLER[1:] not in seen
    async with client.app[ENGINE].connect() as conn:
        asks = {
            (r.channel, r.language, r.region, r.category, r.kind): r.count
            for r in (await conn.execute(select(DirectoryAsk))).all()
        }
    assert asks == {
        ("voice", "ru", "GE-TB", "social-benefits-rights", "list"): 1,
        ("voice", "ru", "GE-TB", "social-benefits-rights", "sms"): 1,
    }


async def test_a_returning_caller_goes_straight_to_their_region_and_four_changes_it(
    client: AppClient,
) -> None:
    first = new_call_sid()
    regions = await press(client, first, await start_call(client, first, "?lang=en"), "2")
    kinds = await press(client, first, regions, "4")  # Imereti
    entries = await press(client, first, kinds, "3")
    assert entries.said("Hotline of the rehabilitation")  # country-wide: heard in Imereti too
    await end_call(client, first)
    async with client.app[ENGINE].connect() as conn:
        [kept] = (await conn.execute(select(CallerRegion))).all()
    assert kept.region == "GE-IM"
    assert CALLER not in repr(tuple(kept))

    second = new_call_sid()
    kinds = await press(client, second, await start_call(client, second, "?lang=en"), "2")
    assert kinds.said("What do you need help with?")  # no region asked
    entries = await press(client, second, kinds, "1")  # work: no entry in Imereti
    assert entries.said(CATALOG.format("en", "services-none-here"))
    regions = await press(client, second, entries, "4")
    assert regions.said("Which region are you in?")
    kinds = await press(client, second, regions, "1")  # Tbilisi
    entries = await press(client, second, kinds, "1")
    assert entries.said("Example: employment and training centre")
    assert entries.said("Closed today.")  # Mo-Fr 09:00-18:00, and the test's day is a Sunday


async def test_a_withheld_number_gets_no_sms_and_is_told_so(
    client: AppClient, twilio: FakeTwilio
) -> None:
    sid = new_call_sid()
    from tests.conftest import call_params, post_signed
    from tests.twiml import Twiml

    status, body = await post_signed(
        client, "/twilio/voice?lang=en", call_params(sid, From="anonymous")
    )
    assert status == 200
    regions = await press(client, sid, Twiml.parse(body), "2")
    kinds = await press(client, sid, regions, "1")
    entries = await press(client, sid, kinds, "3")
    told = await press(client, sid, entries, "1")
    assert told.said(CATALOG.format("en", "services-sms-hidden"))
    assert twilio.messages == []


async def test_a_family_member_on_sms_finds_services_by_numbers_and_compact_cards(
    client: AppClient,
) -> None:
    sms = client.app[HOTLINE].sms
    assert sms is not None
    service = sms.conversations
    who = Subscriber(pseudonym="p-0042", address="+995599000222", language_hint="en")
    await service.handle(who, ChatInput("text", "hello"), delivery_id="SM1")
    regions = await service.handle(who, ChatInput("text", "8"), delivery_id="SM2")
    [message] = regions.messages
    assert ("1", "Tbilisi") in message.choices
    assert "1 - Tbilisi" in message.as_plain_text()
    kinds = await service.handle(who, ChatInput("text", "1"), delivery_id="SM3")
    assert ("6", "Addiction treatment and aftercare") in kinds.messages[-1].choices
    cards = await service.handle(who, ChatInput("text", "6"), delivery_id="SM4")
    text = cards.messages[-1].as_plain_text()
    assert "Example: outpatient addiction aftercare" in text
    assert "closed today" in text  # Mo-Fr 10:00-19:00, and the test's day is a Sunday
    assert "2 - More services" in text
    assert sms_segments(cards.messages[-1].text.split("\n\n")[0]) <= 3


async def test_more_past_the_last_page_says_so_and_star_and_sms_keep_the_last_page(
    client: AppClient, twilio: FakeTwilio
) -> None:
    sid = new_call_sid()
    regions = await press(client, sid, await start_call(client, sid, "?lang=en"), "2")
    kinds = await press(client, sid, regions, "1")  # Tbilisi
    entries = await press(client, sid, kinds, "3")  # social benefits: two entries, one page
    assert " ".join(entries.spoken).count("2, 1 4 5, 1 4 5") == 2
    past = await press(client, sid, entries, "2")
    assert past.said(CATALOG.format("en", "services-no-more"))
    further = await press(client, sid, past, "2")
    assert further.said(CATALOG.format("en", "services-no-more"))
    again = await press(client, sid, further, "*")
    assert " ".join(again.spoken).count("2, 1 4 5, 1 4 5") == 2  # the last page, said again
    sent = await press(client, sid, again, "1")
    assert sent.said(CATALOG.format("en", "services-sms-sent"))
    [sms] = twilio.messages_to(CALLER)
    assert CPC_PHONE in sms.body


async def test_the_lists_are_spoken_ahead_so_the_first_georgian_caller_hears_every_name(
    aiohttp_client: Callable[..., Awaitable[AppClient]], tmp_path: Path, clock: FixedClock
) -> None:
    import asyncio

    from hotline.prompts.render import voice_of

    # A step may wait 50 ms for speech: far too short to render eight names on demand.
    settings = make_settings(tmp_path, HOTLINE_LANGUAGES="ka,en", HOTLINE_STEP_DEADLINE_MS="100")
    client = await start_app(aiohttp_client, settings, clock)
    hotline = client.app[HOTLINE]
    tbilisi = CATALOG.spoken("ka", "services-option", {"key": 1, "name": "თბილისი"})
    voice = voice_of(CATALOG, "ka")
    for _ in range(600):  # the start-up render of the placeholders, then the lists (bounded)
        if hotline.spoken.lookup("ka", voice, tbilisi) is not None:
            break
        await asyncio.sleep(0.1)
    else:
        pytest.fail("the region names were not spoken ahead within 60 s")

    sid = new_call_sid()
    regions = await press(client, sid, await start_call(client, sid, "?lang=ka"), "2")
    played = regions.played
    assert not [url for url in played if "speech-unavailable" in url]
    assert len([url for url in played if "/audio/spoken/ka/" in url]) == 9  # 8 names, "9: more"
    kinds = await press(client, sid, regions, "1")
    assert not [url for url in kinds.played if "speech-unavailable" in url]
