"""The durable Telegram outbox: a reply outlives the process that wrote it, is sent once, in
its chat's order, and a lease a live process holds is never taken from it.

Two apps share one database and one fake Bot API, as two replicas do. A process "dies" the
way a SIGKILL leaves it: its in-memory outbox stops without sending and its loop stops
without giving its leases up. The clock is the tests' own: a lease runs out when a test
moves the clock past it, never by waiting. Every wait is bounded; both databases.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, select

from hotline.app import ENGINE, TELEGRAM_CHANNEL
from hotline.channels.telegram import TelegramChannel
from hotline.channels.telegram_sends import LEASE_S, Outgoing
from hotline.config import Settings
from hotline.crypto import DataCipher
from hotline.storage.models import Base
from tests.conftest import AppClient, FixedClock, make_settings, start_app
from tests.fakes import FakeTelegram, TelegramLimits, TelegramUser, fixtures
from tests.test_telegram import CHAT_INTERVAL_S, SECRET, WAIT_S

fake_telegram = fixtures.fake_telegram

HOLD_S = 3600.0  # a chat's next message waits this long in memory: a process about to send
TICK_S = 0.05  # the outbox loop's round, shortened (leases go by the tests' clock)
Start = Callable[[], Awaitable[AppClient]]


@pytest.fixture
def settings(
    database_url: str, tmp_path: Path, fake_telegram: FakeTelegram, monkeypatch: pytest.MonkeyPatch
) -> Settings:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    return make_settings(
        tmp_path,
        database_url,
        HOTLINE_TELEGRAM_TOKEN=fake_telegram.token,
        HOTLINE_TELEGRAM_WEBHOOK_SECRET=SECRET,
        HOTLINE_TELEGRAM_API_URL=f"http://127.0.0.1:{fake_telegram.port}",
    )


@pytest.fixture
def start(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    settings: Settings,
    clock: FixedClock,
    fake_telegram: FakeTelegram,
) -> Start:
    """Start one more app (a replica) on the shared database."""
    fake_telegram.limits = TelegramLimits(per_chat_period=CHAT_INTERVAL_S)

    async def one() -> AppClient:
        client = await start_app(aiohttp_client, settings, clock)
        channel(client).outbox.interval = CHAT_INTERVAL_S
        channel(client).sends.tick_s = TICK_S
        return client

    return one


def channel(client: AppClient) -> TelegramChannel:
    found: TelegramChannel = client.app[TELEGRAM_CHANNEL]
    return found


async def kill(client: AppClient) -> None:
    """What SIGKILL leaves: nothing more sent, no lease given up."""
    await channel(client).outbox.close()
    await channel(client).sends.stop(release=False)


async def post(client: AppClient, update: dict[str, Any]) -> None:
    headers = {"X-Telegram-Bot-Api-Secret-Token": SECRET}
    resp = await client.post("/telegram", json=update, headers=headers)
    assert (resp.status, await resp.text()) == (200, "ok")


async def rows(client: AppClient) -> list[dict[str, Any]]:
    table = Base.metadata.tables["telegram_outbox"]
    assert isinstance(table, Table)
    async with client.app[ENGINE].connect() as conn:
        return [dict(r._mapping) for r in await conn.execute(select(table).order_by(table.c.id))]


async def left(client: AppClient, count: int) -> None:
    """Until `count` rows are left: a message's row goes just after Telegram took it."""
    async with asyncio.timeout(WAIT_S):
        while len(await rows(client)) != count:  # noqa: ASYNC110 - rows in a database
            await asyncio.sleep(0.02)


async def ticked(client: AppClient, times: int = 2) -> None:
    """Until the app's outbox loop went round `times` more times (bounded)."""
    sends = channel(client).sends
    goal = sends.ticks + times
    async with asyncio.timeout(WAIT_S):
        while sends.ticks < goal:  # noqa: ASYNC110 - a counter of our own code, polled
            await asyncio.sleep(0.02)


async def holding(client: AppClient, fake: FakeTelegram, chat: int, words: list[str]) -> None:
    """The app sends the first of `words` to a chat and holds the rest in memory."""
    channel(client).outbox.interval = HOLD_S
    await channel(client).sends.put(chat, [Outgoing(w) for w in words])
    await fake.wait_for_messages(chat, 1, timeout=WAIT_S)
    await left(client, len(words) - 1)


async def test_a_reply_written_before_the_200_is_sent_once_by_another_process(
    start: Start, fake_telegram: FakeTelegram, clock: FixedClock, settings: Settings
) -> None:
    first = await start()
    channel(first).outbox.interval = HOLD_S  # the chat's second message waits in memory
    user = TelegramUser(id=820_000_001, first_name="Nino", language_code="en")
    await post(first, fake_telegram.updates.command(user, "start"))
    await fake_telegram.wait_for_messages(user.id, 1, timeout=WAIT_S)
    await left(first, 0)
    await post(first, fake_telegram.updates.message(user, "1"))  # 200: its reply is stored
    [row] = await rows(first)
    cipher = DataCipher(settings.data_key)
    assert str(user.id) not in row["chat"]
    assert cipher.decrypt(row["chat"]) == str(user.id)
    reply = Outgoing.from_json(cipher.decrypt(row["payload"])).text
    assert reply
    assert reply not in row["payload"]  # sealed, like the chat id
    await kill(first)

    second = await start()
    await ticked(second)
    assert len(fake_telegram.messages_to(user.id)) == 1  # the dead process's lease holds
    clock.advance(seconds=LEASE_S + 1)
    [sent] = await fake_telegram.wait_for_messages(user.id, 1, after=1, timeout=WAIT_S)
    assert sent.text == reply
    assert await channel(second).outbox.drain(timeout_s=WAIT_S)
    await ticked(second)
    assert fake_telegram.texts_to(user.id)[1:] == [reply]  # once
    assert await rows(second) == []  # deleted once sent: it held the text
    assert channel(second).sends.taken_over == 1


async def test_a_chats_messages_keep_their_order_when_another_process_takes_them_over(
    start: Start, fake_telegram: FakeTelegram, clock: FixedClock
) -> None:
    first = await start()
    chat = 820_000_002
    words = [f"message {n}" for n in range(5)]
    await holding(first, fake_telegram, chat, words)
    await kill(first)

    second = await start()
    fake_telegram.fail_next("sendMessage", status=429, retry_after=0, chat_id=chat)
    clock.advance(seconds=LEASE_S + 1)
    await fake_telegram.wait_for_messages(chat, len(words) - 1, after=1, timeout=WAIT_S)
    assert await channel(second).outbox.drain(timeout_s=WAIT_S)
    assert fake_telegram.texts_to(chat) == words  # in order, none twice, the 429 waited out
    assert await rows(second) == []


async def test_a_lease_held_by_a_live_process_is_renewed_and_never_taken(
    start: Start, fake_telegram: FakeTelegram, clock: FixedClock
) -> None:
    first, second = await start(), await start()
    chat = 820_000_003
    await holding(first, fake_telegram, chat, ["now", "later"])
    for _ in range(3):  # 3 times 3/4 of a lease: far past the first lease, never past a renewal
        clock.advance(seconds=LEASE_S * 0.75)
        await ticked(first)  # renewed
        await ticked(second)
        assert fake_telegram.texts_to(chat) == ["now"]
        [row] = await rows(second)
        assert row["claimed_by"] == channel(first).sends.holder
    assert channel(second).sends.taken_over == 0
    await kill(first)
    clock.advance(seconds=LEASE_S + 1)
    await fake_telegram.wait_for_messages(chat, 1, after=1, timeout=WAIT_S)
    assert await channel(second).outbox.drain(timeout_s=WAIT_S)
    assert fake_telegram.texts_to(chat) == ["now", "later"]


async def test_a_process_that_stops_gives_its_rows_to_another_at_once(
    start: Start, fake_telegram: FakeTelegram
) -> None:
    first, second = await start(), await start()
    chat = 820_000_004
    await holding(first, fake_telegram, chat, ["now", "later"])
    await channel(first).outbox.close()  # a shutdown whose drain ran out of time
    await channel(first).sends.stop()  # leases given up: no waiting for them to run out
    await fake_telegram.wait_for_messages(chat, 1, after=1, timeout=WAIT_S)
    assert await channel(second).outbox.drain(timeout_s=WAIT_S)
    assert fake_telegram.texts_to(chat) == ["now", "later"]
