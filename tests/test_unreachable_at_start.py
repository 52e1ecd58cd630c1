"""Telegram or Twilio unreachable when the server starts: one line each that says what is
affected and what to check, no traceback, and the hotline starts anyway (a phone line must
answer whatever else is down). With `--debug` the traceback is there for a developer."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from hotline.channels.twilio_rest import TwilioRest
from tests.fakes.twilio_api import FakeTwilio
from tests.test_operator_errors import free_port

TOKEN = "123456:ABCdefGhIJKlmNoPQRsTUVwxyZ12345678"
TELEGRAM_LINE = "telegram: the Bot API cannot be reached (NetworkError: "
TWILIO_LINE = "twilio: Twilio cannot be reached ("


def serve(tmp_path: Path, *flags: str) -> str:
    """Start `hotline serve` with Telegram and Twilio at addresses where nothing listens,
    wait (bounded) until both have been tried and /healthz answers, stop it; its output."""
    port, dead = free_port(), free_port()
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HOTLINE_")}
    env = {
        **clean,
        "HOTLINE_MODE": "local",
        "HOTLINE_TELEGRAM_TOKEN": TOKEN,
        "HOTLINE_TELEGRAM_WEBHOOK_SECRET": "abcdefabcdef1234",
        "HOTLINE_TELEGRAM_API_URL": f"http://127.0.0.1:{dead}",
        "HOTLINE_TWILIO_ACCOUNT_SID": "AC" + "a" * 32,
        "HOTLINE_PHONE_NUMBER": "+995322000000",
        "HOTLINE_TWILIO_API_URL": f"http://127.0.0.1:{dead}",
        "HOTLINE_LANGUAGES": "en",
    }
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "hotline", *flags, "serve", "--port", str(port)],
            cwd=tmp_path,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            text=True,
        )
        try:
            healthy = False
            for _ in range(600):  # 60 s at most
                if process.poll() is not None:
                    pytest.fail(f"the server stopped:\n{log.read_text()}")
                text = log.read_text()
                if not healthy:
                    healthy = _answers(f"http://127.0.0.1:{port}/healthz")
                if healthy and TELEGRAM_LINE in text and TWILIO_LINE in text:
                    break
                time.sleep(0.1)
            else:
                pytest.fail(f"no health or no line within 60 s:\n{log.read_text()}")
        finally:
            process.terminate()
            process.wait(timeout=30)
    return log.read_text()


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 - loopback
            return bool(answer.status == 200)
    except OSError:
        return False


def test_telegram_and_twilio_unreachable_at_start_are_one_line_each(tmp_path: Path) -> None:
    out = serve(tmp_path)
    [telegram] = [line for line in out.splitlines() if TELEGRAM_LINE in line]
    assert telegram.endswith(
        "chats will be answered once it can; check this server's outbound network"
    )
    [twilio] = [line for line in out.splitlines() if TWILIO_LINE in line]
    assert twilio.endswith(
        "callbacks, SMS and check-in calls wait until it can; check this server's outbound network"
    )
    assert "Traceback" not in out
    assert TOKEN not in out  # the bot's token is in every Bot API URL: never logged


def test_with_debug_the_traceback_is_shown(tmp_path: Path) -> None:
    out = serve(tmp_path, "--debug")
    assert "Traceback (most recent call last)" in out
    assert TOKEN not in out


async def test_a_refused_twilio_account_is_one_line_naming_the_settings() -> None:
    """Credentials Twilio refuses are named at start, before any caller needs a callback."""
    async with FakeTwilio() as fake:
        answering = TwilioRest(fake.account_sid, fake.auth_token, "+995322000000", fake.base_url)
        wrong = TwilioRest(fake.account_sid, "not-the-token", "+995322000000", fake.base_url)
        try:
            assert await answering.account_problem() is None
            assert await wrong.account_problem() == (
                "Twilio refused the account's credentials (401): check "
                "HOTLINE_TWILIO_ACCOUNT_SID and HOTLINE_TWILIO_AUTH_TOKEN (Twilio console, "
                "Account > API keys & tokens)"
            )
        finally:
            await answering.close()
            await wrong.close()
