"""A `pg_dump` taken while calls run, restored into a new database, serves again: a server
started on it with the same keys shows the participant's plan as it was and hands the
question left in a chat, decrypted, to the specialist who takes it."""

from __future__ import annotations

import asyncio
import secrets
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from hotline.catalog import Catalog
from tests.conftest import AUTH_TOKEN, _admin, call_params, new_call_sid
from tests.fakes import FakeTelegram, TelegramUser
from tests.fakes.twilio_api import FakeTwilio
from tests.replicas import (
    TELEGRAM,
    Provider,
    Server,
    server_env,
    session,
    staffed_with_participants,
)
from tests.test_call_cli import hotline
from tests.test_dispatch_processes import ACCOUNT_SID, DELIVERY_TIMEOUT_S, started, until
from tests.twiml import Twiml

pytestmark = pytest.mark.skipif(
    shutil.which("pg_dump") is None or shutil.which("pg_restore") is None,
    reason="needs PostgreSQL's client tools (apt-get install postgresql-client)",
)

QUESTION = "My son is released on 12 March. Can he register at the job centre the same day?"
MOTHER = TelegramUser(id=840_000_001, first_name="Tamara", language_code="en")
ANA = TelegramUser(id=TELEGRAM["ana"], first_name="Ana", language_code="en")
CASE = "P-00000"
CATALOG = Catalog()


async def a_call(provider: Provider) -> None:
    """Greeting, "about us", "work", back, goodbye, the status callback."""
    sid = new_call_sid()
    answer = Twiml.parse(await provider.twilio("/twilio/voice", call_params(sid)))
    for key in ("1", "2", "0", "0"):
        body = await provider.twilio(answer.action(), call_params(sid, Digits=key))
        answer = Twiml.parse(body)
    assert answer.verbs[-1] == "Hangup", answer.body
    done = call_params(sid, CallStatus="completed", CallDuration="40")
    await provider.twilio("/twilio/voice/status", done)


async def calls_until(provider: Provider, stop: asyncio.Event) -> int:
    """Calls one after another until `stop` (at most 200); how many."""
    count = 0
    while not stop.is_set() and count < 200:
        await a_call(provider)
        count += 1
    return count


def cli(env: dict[str, str], cwd: Path, *args: str) -> str:
    done = hotline(*args, cwd=cwd, **env)
    assert done.returncode == 0, done.stderr
    return done.stdout


async def test_a_dump_taken_during_calls_restores_the_plan_and_the_encrypted_question(
    tmp_path: Path, postgres_url: str
) -> None:
    campaigns = await staffed_with_participants(tmp_path, postgres_url, ["+995555700001"])
    async with (
        FakeTwilio(ACCOUNT_SID, AUTH_TOKEN) as twilio,
        FakeTelegram() as telegram,
        session() as http,
    ):

        def env_on(url: str, data: str) -> dict[str, str]:
            return server_env(
                tmp_path,
                url,
                twilio_url=twilio.base_url,
                telegram_port=telegram.port,
                campaigns=campaigns,
                data_dir=tmp_path / data,
            )

        env = env_on(postgres_url, "data")
        first = Server(env, tmp_path / "first.log", tmp_path)
        first.start()
        try:
            assert first.process is not None
            await started(first.port, first.process, first.log)
            provider = Provider(http, f"http://127.0.0.1:{first.port}")
            for update in (
                telegram.updates.command(MOTHER, "start"),
                telegram.updates.message(MOTHER, "7"),
                telegram.updates.message(MOTHER, QUESTION),
            ):
                await provider.telegram(update)
            await telegram.wait_for_messages(MOTHER.id, 3, timeout=DELIVERY_TIMEOUT_S)
            [alert] = await telegram.wait_for_messages(ANA.id, 1, timeout=DELIVERY_TIMEOUT_S)
            await until(lambda: twilio.messages, DELIVERY_TIMEOUT_S, "the reminder was not sent")
            plan = cli(env, tmp_path, "reminders", "upcoming", "--case", CASE)
            history = cli(env, tmp_path, "reminders", "history", CASE)
            shown = cli(env, tmp_path, "participants", "show", CASE)
            assert "program-end" in plan, plan
            assert "hello" in history, history

            stop = asyncio.Event()
            calling = asyncio.create_task(calls_until(provider, stop))
            await asyncio.sleep(0.5)  # the dump starts with calls under way
            dump = tmp_path / "hotline.dump"
            dumped = await asyncio.to_thread(
                subprocess.run,
                ["pg_dump", "-Fc", "--no-owner", "-f", str(dump), postgres_url],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            stop.set()
            made = await asyncio.wait_for(calling, timeout=60)
            assert dumped.returncode == 0, dumped.stderr
        finally:
            first.stop()
        assert made >= 1

        name = f"hotline_restored_{secrets.token_hex(6)}"
        await _admin(f'CREATE DATABASE "{name}"')
        restored_url = make_url(postgres_url).set(database=name).render_as_string(False)
        try:
            restored = await asyncio.to_thread(
                subprocess.run,
                ["pg_restore", "--no-owner", "-d", restored_url, str(dump)],
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            assert restored.returncode == 0, restored.stderr
            again_env = env_on(restored_url, "data-restored")  # nothing local carried over
            assert cli(again_env, tmp_path, "reminders", "upcoming", "--case", CASE) == plan
            assert cli(again_env, tmp_path, "reminders", "history", CASE) == history
            assert cli(again_env, tmp_path, "participants", "show", CASE) == shown
            second = Server(again_env, tmp_path / "second.log", tmp_path)
            second.start()
            try:
                assert second.process is not None
                await started(second.port, second.process, second.log)
                provider = Provider(http, f"http://127.0.0.1:{second.port}")
                before = len(telegram.messages_to(ANA.id))
                take = CATALOG.format("en", "staff-take", {})
                await provider.telegram(telegram.press(alert, take, user=ANA))

                def told() -> list[str]:
                    return telegram.texts_to(ANA.id)[before:]

                # "Taken by Ana", then the question itself, decrypted with the same key.
                await until(
                    lambda: any(QUESTION in text for text in told()),
                    DELIVERY_TIMEOUT_S,
                    "no question",
                )
                await a_call(provider)  # and it answers calls
            finally:
                second.stop()
        finally:
            await _admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    for log in (first.log, second.log):
        assert "Traceback" not in log.read_text(), log.read_text()
