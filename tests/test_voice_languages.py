"""Choosing the language on the phone: during the greeting, remembered for the next call."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from hotline.app import ENGINE
from hotline.storage.models import CallerLanguage
from tests.conftest import (
    CALLER,
    AppClient,
    FixedClock,
    call_params,
    make_settings,
    new_call_sid,
    post_signed,
    start_app,
)
from tests.test_voice_webhooks import end_call, press, start_call
from tests.twiml import Twiml


@pytest.fixture
async def client(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    database_url: str,
    tmp_path: Path,
    clock: FixedClock,
) -> AppClient:
    """A Georgian-style deployment, spoken here by voices: Russian first, then English."""
    settings = make_settings(tmp_path, database_url, HOTLINE_LANGUAGES="ru,en,cs")
    return await start_app(aiohttp_client, settings, clock)


async def remembered(client: AppClient) -> list[tuple[str, str]]:
    async with client.app[ENGINE].connect() as conn:
        rows = await conn.execute(select(CallerLanguage.caller, CallerLanguage.language))
        return [(row.caller, row.language) for row in rows]


async def test_a_key_pressed_during_the_greeting_chooses_at_once(client: AppClient) -> None:
    first = await start_call(client, new_call_sid())
    assert first.verbs == ["Gather", "Redirect"]  # the greeting is inside the listening window
    assert first.spoken[0].startswith("Здравствуйте")
    assert "112" in first.spoken[1]
    assert first.spoken[2:] == [
        "Для русского языка нажмите 1.",
        "For English, press 2.",
        "Pro češtinu stiskněte 3.",
    ]


async def test_a_returning_caller_starts_in_their_language(client: AppClient) -> None:
    sid = new_call_sid()
    menu = await press(client, sid, await start_call(client, sid), "2")
    assert menu.said("To talk to a specialist, press 3.")
    await end_call(client, sid)
    [(pseudonym, language)] = await remembered(client)
    assert language == "en"
    assert CALLER.lstrip("+") not in pseudonym

    again = await start_call(client, new_call_sid())
    assert again.spoken[0].startswith("Hello.")  # greeted in English, no language menu
    assert not again.said("Для русского языка")
    assert again.said("For another language, press 9.")

    other = new_call_sid()
    status, body = await post_signed(
        client, "/twilio/voice", call_params(other, From="+995555999888")
    )
    assert status == 200
    assert Twiml.parse(body).said("Для русского языка нажмите 1.")  # a new caller is asked


async def test_nine_changes_the_language_and_it_is_remembered(client: AppClient) -> None:
    sid = new_call_sid()
    english = await press(client, sid, await start_call(client, sid), "2")
    languages = await press(client, sid, english, "9")
    assert languages.spoken == [  # no second greeting: just the choice
        "Для русского языка нажмите 1.",
        "For English, press 2.",
        "Pro češtinu stiskněte 3.",
    ]
    czech = await press(client, sid, languages, "3")
    assert czech.said("Chcete-li mluvit s poradcem, stiskněte 3.")
    assert [lang for _, lang in await remembered(client)] == ["cs"]


async def test_a_withheld_number_is_not_remembered(client: AppClient) -> None:
    sid = new_call_sid()
    params = call_params(sid, From="anonymous")
    status, body = await post_signed(client, "/twilio/voice", params)
    assert status == 200
    first = Twiml.parse(body)
    status, _ = await post_signed(client, first.action(), {**params, "Digits": "2"})
    assert status == 200
    assert await remembered(client) == []
