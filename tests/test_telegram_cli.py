"""`hotline telegram set-webhook` as an operator runs it, against the fake Bot API."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from tests.conftest import AUTH_TOKEN, DATA_KEY, PSEUDONYM_KEY
from tests.fakes import fixtures
from tests.fakes.telegram_api import DEFAULT_TOKEN, FakeTelegram

fake_telegram = fixtures.fake_telegram
SECRET = "webhook-secret_0123456789"


async def run_hotline(*args: str, cwd: Path, **env: str) -> tuple[int, str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("HOTLINE_")}
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "hotline",
        *args,
        cwd=cwd,
        env={**clean, **env},
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await asyncio.wait_for(process.communicate(), timeout=60)
    return process.returncode or 0, out.decode(), err.decode()


async def test_set_webhook_registers_url_secret_and_update_types(
    fake_telegram: FakeTelegram, tmp_path: Path
) -> None:
    code, out, err = await run_hotline(
        "telegram",
        "set-webhook",
        cwd=tmp_path,
        HOTLINE_PUBLIC_URL="https://hotline.example.org",
        HOTLINE_TWILIO_AUTH_TOKEN=AUTH_TOKEN,
        HOTLINE_PSEUDONYM_KEY=PSEUDONYM_KEY,
        HOTLINE_DATA_KEY=DATA_KEY,
        HOTLINE_TELEGRAM_TOKEN=DEFAULT_TOKEN,
        HOTLINE_TELEGRAM_WEBHOOK_SECRET=SECRET,
        HOTLINE_TELEGRAM_API_URL=fake_telegram.base_url.removesuffix("/bot"),
    )
    assert code == 0, err
    assert "https://hotline.example.org/telegram registered" in out
    assert fake_telegram.webhook["url"] == "https://hotline.example.org/telegram"
    assert fake_telegram.webhook["secret_token"] == SECRET
    assert sorted(fake_telegram.webhook["allowed_updates"]) == ["callback_query", "message"]
    assert DEFAULT_TOKEN not in out + err  # the token is a secret too


async def test_set_webhook_without_a_token_names_it(tmp_path: Path) -> None:
    code, _, err = await run_hotline("telegram", "set-webhook", cwd=tmp_path)
    assert code == 2
    assert "HOTLINE_TELEGRAM_TOKEN is missing" in err
