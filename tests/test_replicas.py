"""Three `hotline serve` processes on one PostgreSQL database behind a round-robin splitter:
calls whose steps land on different processes, Telegram chats, SMS, escalations with their
alert timers and the reminder dispatcher, all at once; one process is killed with SIGKILL in
the middle and restarted. Every answer is valid TwiML (a request the dead process held goes
to the fallback URL, as Twilio does), every message and alert reaches the fakes once, and
every call-log row is closed with the outcome its call had."""

from __future__ import annotations

import asyncio
import os
import re
import signal
import time
from collections import Counter
from collections.abc import Coroutine
from dataclasses import dataclass, field
from itertools import zip_longest
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from hotline.channels.telegram_sends import TOOK_OVER
from hotline.storage import db
from hotline.storage.models import CallLogEntry, CallSession, Escalation
from tests.conftest import AUTH_TOKEN, call_params, make_settings, new_call_sid
from tests.fakes import FakeTelegram, TelegramUser
from tests.fakes.twilio_api import FakeTwilio
from tests.replicas import (
    TELEGRAM,
    Lost,
    Provider,
    Server,
    Splitter,
    connections,
    server_env,
    session,
    staffed_with_participants,
)
from tests.test_dispatch_processes import (
    ACCOUNT_SID,
    DELIVERY_TIMEOUT_S,
    no_contacts_in,
    per_phone,
    started,
    until,
)
from tests.twiml import Twiml

CALLS = 24  # a quarter each: two menu walks, a callback after nobody answers, a hang-up
CHATS = 8  # half ask for a specialist
TEXTS = 8  # SMS conversations
PARTICIPANTS = 36  # each with a reminder due now
SEND_S = 1.0  # a reminder send takes this long at the fake: the killed process has some going
KILL_SOON = 30  # requests through the splitter before the kill, if reminders are still going
KILL_AFTER = 60  # ... and whatever they do
AT_ONCE = 16  # conversations driven at the same time
THINK_S = 0.1  # a caller's pause between keys
FALLBACK = "/twilio/voice/fallback"
MENU, CALLBACK, HANGUP = "menu", "callback", "hangup"
KINDS = (MENU, CALLBACK, MENU, HANGUP)
# What the call log must say of each call that no fault touched ("escalated" is kept for a
# call a person took: a callback asked for after nobody answered is a completed call).
OUTCOMES = {MENU: "completed", CALLBACK: "completed", HANGUP: "abandoned"}


@dataclass
class Call:
    sid: str
    kind: str
    lost: bool = False  # a step died with the killed process: Twilio went to the fallback
    answers: int = 0

    @property
    def outcome(self) -> str:
        return "escalated" if self.lost else OUTCOMES[self.kind]  # the fallback number answered


@dataclass
class Talk:
    """A chat or SMS conversation: what was sent, and which sends died in flight."""

    updates: int = 0
    lost: int = 0
    replies: list[str] = field(default_factory=list)


@dataclass
class Kill:
    at: float = 0.0
    in_flight: int = 0
    reminders_before: int = 0
    forwarded: dict[int, int] = field(default_factory=dict)
    restarted_at: float = 0.0
    restarted_after_s: float = 0.0
    to_twilio: int = 0  # the victim's reminder sends the fake Twilio was in the middle of
    taken_over: int = 0  # Telegram messages it had stored, sent by another process


async def drive_call(provider: Provider, call: Call) -> None:
    """Walk one call's script; a step that dies sends the call to the fallback URL."""

    async def step(path: str, **extra: str) -> Twiml | None:
        await asyncio.sleep(THINK_S)
        try:
            body = await provider.twilio(path, call_params(call.sid, **extra))
        except Lost:
            call.lost = True
            return None
        call.answers += 1
        return Twiml.parse(body)

    answer = await step("/twilio/voice")
    keys = {MENU: ["1", "2", "0", "0"], HANGUP: ["1"], CALLBACK: ["3"]}[call.kind]
    for key in keys:
        if answer is None:
            break
        answer = await step(answer.action(), Digits=key)
    if call.kind == CALLBACK:
        for _ in range(4):  # each on-duty specialist's phone rings out
            if answer is None or "Dial" not in answer.verbs:
                break
            answer = await step(answer.action("Dial"), DialCallStatus="no-answer")
        if answer is not None:
            answer = await step(answer.action(), Digits="2")  # call me back
    if answer is not None and call.kind != HANGUP:
        assert answer.verbs[-1] == "Hangup", answer.body
    if call.lost:
        await fallback(provider, call)


async def fallback(provider: Provider, call: Call) -> None:
    """Twilio's fallback URL, on a live process: the fallback number is rung and answers."""
    params = call_params(call.sid, ErrorCode="11200", ErrorUrl="https://hotline.example.org")
    answer = Twiml.parse(await retried(provider, FALLBACK, params))
    call.answers += 1
    assert "Dial" in answer.verbs, answer.body
    path = answer.action("Dial")
    done = await retried(provider, path, call_params(call.sid, DialCallStatus="completed"))
    call.answers += 1
    assert Twiml.parse(done).verbs[-1] == "Hangup"


async def retried(provider: Provider, path: str, params: dict[str, str]) -> str:
    for _ in range(3):
        try:
            return await provider.twilio(path, params)
        except Lost:
            await asyncio.sleep(0.2)
    raise AssertionError(f"{path} found no live process")


async def drive_chat(provider: Provider, telegram: FakeTelegram, n: int, talk: Talk) -> None:
    """/start, then a specialist (even n) or "before release" and goodbye (odd n)."""
    user = TelegramUser(id=850_000_000 + n, first_name=f"P{n}", language_code="en")
    steps = [telegram.updates.command(user, "start")]
    texts = ["6"] if n % 2 == 0 else ["1", "0"]
    for text in texts:
        steps.append(telegram.updates.message(user, text))
    for update in steps:
        await asyncio.sleep(THINK_S)
        talk.updates += 1
        for _ in range(50):  # Telegram sends an update again until it gets a 200
            try:
                await provider.telegram(update)
                break
            except Lost:  # the killed process had it: its step may or may not be stored
                talk.lost += 1
                await asyncio.sleep(0.2)
        else:
            raise AssertionError("no live process took a Telegram update")


async def drive_sms(provider: Provider, n: int, talk: Talk) -> None:
    """Hello (the menu), 1 (before release), 0 (goodbye)."""
    number = f"+447700900{n:03d}"
    for i, body in enumerate(("Hello", "1", "0")):
        await asyncio.sleep(THINK_S)
        params = {
            "MessageSid": f"SM{n:016x}{i:016x}",
            "AccountSid": ACCOUNT_SID,
            "From": number,
            "To": "+995322000000",
            "Body": body,
            "NumMedia": "0",
        }
        talk.updates += 1
        try:
            answer = await provider.twilio("/twilio/sms", params)
        except Lost:
            talk.lost += 1
            answer = await retried(provider, "/twilio/sms", params)
        talk.replies += [m.text or "" for m in Twiml.parse(answer).root.iter("Message")]


async def kill_and_restart(victim: Server, splitter: Splitter, twilio: FakeTwilio) -> Kill:
    """SIGKILL the victim in the middle of the drive (while reminders are still being sent,
    if they are), then start it again on its port."""

    assert victim.process is not None
    pid = victim.process.pid

    def sending() -> int:
        """Reminder sends of the victim's that the fake Twilio is in the middle of."""
        return len(connections(pid, twilio.port) & twilio.waiting_ports)

    def now() -> bool:
        forwarded = sum(splitter.forwarded.values())
        return forwarded >= KILL_AFTER or (forwarded >= KILL_SOON and sending() > 0)

    await until(now, 120, "no traffic")
    kill = Kill(
        time.monotonic(), splitter.open[victim.port], len(twilio.messages), dict(splitter.forwarded)
    )
    kill.to_twilio = sending()
    os.kill(pid, signal.SIGKILL)
    await asyncio.to_thread(victim.process.wait, 30)
    down = time.monotonic()
    await asyncio.sleep(1.0)
    kill.restarted_at = time.monotonic()
    victim.start()
    assert victim.process is not None
    await started(victim.port, victim.process, victim.log)
    kill.restarted_after_s = time.monotonic() - down
    return kill


async def test_three_replicas_one_killed_and_restarted_lose_nothing_and_send_nothing_twice(
    tmp_path: Path, postgres_url: str
) -> None:
    began = time.monotonic()
    phones = [f"+995555800{n:03d}" for n in range(PARTICIPANTS)]
    campaigns = await staffed_with_participants(tmp_path, postgres_url, phones)
    async with (
        FakeTwilio(ACCOUNT_SID, AUTH_TOKEN) as twilio,
        FakeTelegram() as telegram,
        session() as http,
    ):
        twilio.latency_s = SEND_S
        servers = [
            Server(
                server_env(
                    tmp_path,
                    postgres_url,
                    twilio_url=twilio.base_url,
                    telegram_port=telegram.port,
                    campaigns=campaigns,
                    data_dir=tmp_path / f"data-{i}",  # each replica its own disk and spool
                ),
                tmp_path / f"s{i}.log",
                tmp_path,
            )
            for i in range(3)
        ]
        splitter = Splitter([s.port for s in servers])
        provider = Provider(http, f"http://127.0.0.1:{await splitter.start()}")
        try:
            for server in servers:
                server.start()
            for server in servers:
                assert server.process is not None
                await started(server.port, server.process, server.log)
            calls = [Call(new_call_sid(), KINDS[i % len(KINDS)]) for i in range(CALLS)]
            chats = [Talk() for _ in range(CHATS)]
            texts = [Talk() for _ in range(TEXTS)]
            gate = asyncio.Semaphore(AT_ONCE)

            async def bounded(work: Coroutine[Any, Any, None]) -> None:
                async with gate:
                    await work

            # Calls, chats and texts interleaved: all three kinds are under way at the kill.
            voice = [drive_call(provider, c) for c in calls]
            written = [drive_chat(provider, telegram, n, t) for n, t in enumerate(chats)]
            written += [drive_sms(provider, n, t) for n, t in enumerate(texts)]
            conversations = [
                w
                for group in zip_longest(voice[::2], voice[1::2], written)
                for w in group
                if w is not None
            ]
            assert len(conversations) == CALLS + CHATS + TEXTS
            killing = asyncio.create_task(kill_and_restart(servers[1], splitter, twilio))
            await asyncio.wait_for(
                asyncio.gather(*(bounded(w) for w in conversations)), timeout=180
            )
            kill = await asyncio.wait_for(killing, timeout=120)
            for call in calls:  # each call ends; Twilio says so to the status callback
                done = call_params(call.sid, CallStatus="completed", CallDuration="30")
                await retried(provider, "/twilio/voice/status", done)

            await until(
                lambda: set(per_phone(twilio)) == set(phones),
                DELIVERY_TIMEOUT_S,
                "not every reminder was sent",
            )
            engine = db.create_engine(make_settings(tmp_path, postgres_url).database_url)
            try:
                waiting = await work_alerted(engine)
                expected = len(waiting) * len(TELEGRAM)
                why = "not every escalation was alerted to both specialists"
                await until(lambda: alerted(telegram) >= expected, DELIVERY_TIMEOUT_S, why)
                # The killed process's replies are sent by another once their lease ran out.
                why = "not every Telegram update was answered"
                await until(lambda: answered(telegram, chats), DELIVERY_TIMEOUT_S, why)
                await asyncio.sleep(3)  # a few more ticks: nothing may come twice
                rows = await closed_rows(engine, calls, tmp_path)
            finally:
                await engine.dispose()
        finally:
            await splitter.close()
            for server in servers:
                server.stop()

    # Every call: valid TwiML at each step, its row closed with the outcome it had.
    assert all(c.answers >= 2 for c in calls)
    assert rows == {c.sid: c.outcome for c in calls}
    # Messages: each reminder once; each chat reply exactly once, even to an update the
    # killed process answered (its reply was stored with the step) or had in flight (sent
    # again, as Telegram does); an SMS in flight at the kill may be lost, never sent twice.
    assert per_phone(twilio) == Counter(phones)
    for n, talk in enumerate(chats):
        sent = telegram.texts_to(850_000_000 + n)
        assert len(sent) == len(set(sent)) == talk.updates, (talk, kill, sent)
    for talk in texts:
        assert len(talk.replies) == len(set(talk.replies)), talk
        assert talk.updates - talk.lost <= len(talk.replies) <= talk.updates, talk
    # Alerts: each escalation to each specialist once.
    taken = Counter(alerts(telegram))
    assert set(taken.values()) == {1}, taken
    assert set(taken) == {(chat, f"esc:take:{e}") for chat in TELEGRAM.values() for e in waiting}
    no_contacts_in([s.log for s in servers])
    kill.taken_over = taken_over([s.log for s in servers])
    report(calls, chats, texts, waiting, splitter, kill, phones, time.monotonic() - began)


def answered(telegram: FakeTelegram, chats: list[Talk]) -> bool:
    """Every chat has had as many replies as it sent updates (one each)."""
    return all(len(telegram.texts_to(850_000_000 + n)) >= t.updates for n, t in enumerate(chats))


def taken_over(logs: list[Path]) -> int:
    """Telegram messages the killed process stored and another sent (the servers' logs)."""
    found = re.compile(TOOK_OVER.replace("%d", "([0-9]+)"))
    return sum(
        int(m.group(1)) for log in logs for m in found.finditer(log.read_text(errors="replace"))
    )


def alerts(telegram: FakeTelegram) -> list[tuple[int | str | None, str]]:
    """(specialist's chat, Take button's data) of every alert sent."""
    return [
        (c.chat_id, data)
        for c in telegram.calls_of("sendMessage")
        if c.chat_id in TELEGRAM.values()
        for data in c.callback_data
        if data.startswith("esc:take:")
    ]


def alerted(telegram: FakeTelegram) -> int:
    return len(alerts(telegram))


async def work_alerted(engine: AsyncEngine) -> set[str]:
    """The escalations that wait for a person (a callback, a chat case): each is alerted."""
    async with engine.connect() as conn:
        query = select(Escalation.id).where(Escalation.kind.in_(("callback", "chat")))
        return set((await conn.execute(query)).scalars())


def spooled(tmp_path: Path) -> int:
    """Bytes the replicas' voice spools still hold (what the fallback saw, not replayed)."""
    return sum(f.stat().st_size for f in tmp_path.glob("data-*/spool/voice.spool"))


async def closed_rows(
    engine: AsyncEngine, calls: list[Call], tmp_path: Path
) -> dict[str, str | None]:
    """Each call's outcome in the call log, once every voice row is closed and what the
    fallback saw is replayed from every replica's spool (each reads its own every 15 s); a
    call only the fallback answered has a row of its own, matched to the lost calls that left
    no session."""
    lost = [c for c in calls if c.lost]

    async def read() -> tuple[dict[str, str | None], list[str | None], bool]:
        log = CallLogEntry
        async with engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(log.outcome, log.ended_at, log.path, CallSession.key)
                    .outerjoin(CallSession, CallSession.log_id == CallLogEntry.id)
                    .where(CallLogEntry.channel == "voice")
                )
            ).all()
        by_sid = {row.key: row.outcome for row in rows if row.key is not None}
        orphans = [row.outcome for row in rows if row.key is None]
        settled = all(row.ended_at is not None for row in rows) and all(
            "fallback" in row.path for row in rows if row.key is None or row.key in lost_sids
        )
        return by_sid, orphans, settled and len(rows) == len(calls) and not spooled(tmp_path)

    lost_sids = {c.sid for c in lost}
    deadline = time.monotonic() + 60
    while True:
        by_sid, orphans, settled = await read()
        if settled or time.monotonic() > deadline:
            break
        await asyncio.sleep(0.5)
    assert settled, (by_sid, orphans)
    missing = [c for c in calls if c.sid not in by_sid]
    assert all(c.lost for c in missing), missing
    assert orphans == [c.outcome for c in missing]
    return {**by_sid, **{c.sid: c.outcome for c in missing}}


def report(
    calls: list[Call],
    chats: list[Talk],
    texts: list[Talk],
    waiting: set[str],
    splitter: Splitter,
    kill: Kill,
    phones: list[str],
    seconds: float,
) -> None:
    """The figures of the run, for the record (pytest -s shows them)."""
    kinds = Counter(c.kind for c in calls)
    print(
        f"\nreplicas: {len(calls)} calls {dict(kinds)}, {sum(c.answers for c in calls)} "
        f"answers, {sum(c.lost for c in calls)} sent to the fallback; "
        f"{len(chats)} chats ({sum(t.updates for t in chats)} updates, "
        f"{sum(t.lost for t in chats)} in flight at the kill and sent again, each answered "
        f"once; {kill.taken_over} messages stored by the killed process sent by another); "
        f"{len(texts)} SMS conversations ({sum(t.updates for t in texts)} messages, "
        f"{sum(t.lost for t in texts)} in flight); {len(waiting)} escalations alerted to "
        f"{len(TELEGRAM)} specialists; {len(phones)} reminders; requests per process "
        f"{list(splitter.forwarded.values())} (at the kill {list(kill.forwarded.values())}); "
        f"killed with {kill.in_flight} webhook requests in flight and {kill.to_twilio} "
        f"reminder sends of its own open at Twilio, {kill.reminders_before} reminders sent "
        f"by then; back after {kill.restarted_after_s:.1f} s; {seconds:.1f} s in all"
    )
