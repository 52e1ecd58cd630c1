"""Two requests about one person at the same moment: both answered, nothing lost.

A redial while the first call still rings, two phones behind one number, two texts sent at
once: the server handles them concurrently (several processes on PostgreSQL), and rows keyed
by the person (the remembered language, an opt-out, a chat's session) must not collide.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from hotline.app import ENGINE
from hotline.privacy import pseudonym
from hotline.storage.models import CallerLanguage, CallLogEntry, OptOut
from tests.conftest import (
    PSEUDONYM_KEY,
    AppClient,
    FixedClock,
    call_params,
    make_settings,
    new_call_sid,
    post_signed,
    start_app,
)
from tests.test_sms import sms_params
from tests.twiml import Twiml

PAIRS = 40  # one pair in two or three collided before the fix: 40 make a miss very unlikely
# What a caller hears once a language is chosen, by the key that chose it.
MENUS = {
    "2": ("en", "To talk to a specialist, press 3."),
    "3": ("cs", "Chcete-li mluvit s poradcem, stiskněte 3."),
}


@pytest.fixture
async def client(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    database_url: str,
    tmp_path: Path,
    clock: FixedClock,
) -> AppClient:
    """Three languages on the phone, so a new caller is asked; Czech chats by SMS."""
    settings = make_settings(
        tmp_path, database_url, HOTLINE_LANGUAGES="ru,en,cs", HOTLINE_DEFAULT_REGION="CZ"
    )
    return await start_app(aiohttp_client, settings, clock)


def number(i: int) -> str:
    return f"+420601{i:06d}"


async def post(client: AppClient, path: str, params: dict[str, str]) -> Twiml:
    status, body = await post_signed(client, path, params)
    assert status == 200, body
    return Twiml.parse(body)


async def test_two_calls_from_one_new_number_choose_a_language_at_once(
    client: AppClient,
) -> None:
    chosen: dict[str, str] = {}
    for i in range(PAIRS):
        caller = number(i)
        key = "2" if i % 2 else "3"
        sids = (new_call_sid(), new_call_sid())
        greetings = await asyncio.gather(
            *(post(client, "/twilio/voice", call_params(sid, From=caller)) for sid in sids)
        )
        menus = await asyncio.gather(
            *(
                post(client, greeting.action(), call_params(sid, From=caller, Digits=key))
                for sid, greeting in zip(sids, greetings, strict=True)
            )
        )
        language, menu_line = MENUS[key]
        for menu in menus:
            assert not menu.said("technical problem"), f"pair {i}: {menu.spoken}"
            assert menu.said(menu_line), f"pair {i}: {menu.spoken}"
        chosen[str(pseudonym(caller, PSEUDONYM_KEY.encode(), "CZ"))] = language

    async with client.app[ENGINE].connect() as conn:
        rows = (await conn.execute(select(CallerLanguage.caller, CallerLanguage.language))).all()
    assert dict(rows) == chosen

    # The next call from such a number starts in the language chosen last.
    again = await post(client, "/twilio/voice", call_params(new_call_sid(), From=number(1)))
    assert again.spoken[0].startswith("Hello.")


async def test_two_stop_texts_at_once_are_confirmed_once_and_kept_once(
    client: AppClient,
) -> None:
    for i in range(PAIRS):
        params = [sms_params("STOP", sender=number(i)) for _ in range(2)]
        answers = await asyncio.gather(*(post_signed(client, "/twilio/sms", p) for p in params))
        assert [status for status, _ in answers] == [200, 200], f"pair {i}: {answers}"
        # One confirmation, whichever STOP came first; the other is silent.
        assert sum("<Message>" in body for _, body in answers) == 1, f"pair {i}: {answers}"

    async with client.app[ENGINE].connect() as conn:
        subscribers = (await conn.execute(select(OptOut.subscriber))).scalars().all()
    assert sorted(subscribers) == sorted(
        str(pseudonym(number(i), PSEUDONYM_KEY.encode(), "CZ")) for i in range(PAIRS)
    )


async def test_two_first_texts_at_once_start_one_conversation_and_lose_neither(
    client: AppClient,
) -> None:
    for i in range(PAIRS):
        params = [sms_params(text, sender=number(i)) for text in ("Dobrý den", "Ahoj")]
        answers = await asyncio.gather(*(post_signed(client, "/twilio/sms", p) for p in params))
        assert [status for status, _ in answers] == [200, 200], f"pair {i}: {answers}"
        # Each text is answered: one by the welcome, the other within that conversation.
        assert all("<Message>" in body for _, body in answers), f"pair {i}: {answers}"

    async with client.app[ENGINE].connect() as conn:
        rows = (await conn.execute(select(CallLogEntry.caller))).scalars().all()
    assert len(rows) == PAIRS  # one conversation a number, not two
    assert len(set(rows)) == PAIRS
