"""Deployments of one channel ask only for that channel's secrets: a Telegram-only hotline
needs no Twilio token (and then refuses every Twilio webhook, whatever it is signed with),
`serve --telegram-polling` needs no webhook secret, and a webhook without its secret is one
line naming it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from aiohttp import web
from aiohttp.test_utils import TestClient
from cryptography.fernet import Fernet
from twilio.request_validator import RequestValidator

from hotline.app import create_app
from hotline.config import load_settings
from tests.conftest import PSEUDONYM_KEY, call_params, new_call_sid
from tests.test_call_cli import hotline
from tests.test_operator_errors import one_line

TOKEN = "123456:" + "A" * 35
DATA_KEY = Fernet.generate_key().decode()


def telegram_only(tmp_path: Path, **more: str) -> dict[str, str]:
    return {
        "HOTLINE_PUBLIC_URL": "https://hotline.example.org",
        "HOTLINE_PSEUDONYM_KEY": PSEUDONYM_KEY,
        "HOTLINE_DATA_KEY": DATA_KEY,
        "HOTLINE_TELEGRAM_TOKEN": TOKEN,
        "HOTLINE_DATA_DIR": str(tmp_path / "data"),
        "HOTLINE_DATABASE_URL": f"sqlite:///{tmp_path / 'hotline.sqlite3'}",
        **more,
    }


def test_a_webhook_without_its_secret_is_one_line_naming_it_and_polling(tmp_path: Path) -> None:
    env = telegram_only(tmp_path)
    for args in (("serve",), ("telegram", "set-webhook")):
        result = hotline(*args, cwd=tmp_path, **env)
        assert result.returncode == 2
        line = one_line(result)
        assert line.startswith("hotline: configuration: HOTLINE_TELEGRAM_WEBHOOK_SECRET is missing")
        assert line.endswith("(or run `hotline serve --telegram-polling`, which needs none)")


async def test_a_telegram_only_hotline_refuses_every_twilio_webhook(
    tmp_path: Path, aiohttp_client: Callable[[web.Application], Awaitable[TestClient]]
) -> None:
    env = telegram_only(tmp_path, HOTLINE_TELEGRAM_WEBHOOK_SECRET="s3cret-for-the-webhook")
    settings = load_settings(env, env_file=None)
    assert hotline("db", "upgrade", cwd=tmp_path, **env).returncode == 0
    client = await aiohttp_client(create_app(settings))
    params = call_params(new_call_sid())
    url = "https://hotline.example.org/twilio/voice"
    # Signed with the empty token a deployment without one might be thought to check with.
    signature = RequestValidator("").compute_signature(url, params)
    answer = await client.post(
        "/twilio/voice", data=params, headers={"X-Twilio-Signature": signature}
    )
    assert answer.status == 403
    assert "no Twilio webhooks" in await answer.text()
