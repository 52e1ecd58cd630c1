"""`hotline telegram set-webhook`: register the bot's webhook with Telegram."""

from __future__ import annotations

import argparse
import asyncio

from hotline.cli.common import SubParsers
from hotline.config import load_settings
from hotline.config_secrets import telegram_secret_missing
from hotline.errors import ConfigError


def add_parser(sub: SubParsers) -> None:
    """The command's arguments."""
    telegram = sub.add_parser("telegram", help="the Telegram bot").add_subparsers(
        required=True, metavar="ACTION"
    )
    telegram.add_parser(
        "set-webhook",
        help="register HOTLINE_PUBLIC_URL/telegram with the secret and the update types",
    ).set_defaults(func=set_webhook)


def set_webhook(args: argparse.Namespace) -> int:
    """Tell Telegram where to send updates, with the secret and the update types."""
    del args
    from hotline.channels.telegram import ALLOWED_UPDATES, WEBHOOK_PATH, build_application

    settings = load_settings()
    if not settings.telegram_token:
        raise ConfigError("HOTLINE_TELEGRAM_TOKEN is missing: set it to the token from @BotFather")
    if not settings.telegram_webhook_secret:
        raise telegram_secret_missing()
    if not settings.public_url.startswith("https://"):
        raise ConfigError("HOTLINE_PUBLIC_URL: Telegram sends webhooks to https:// addresses only")

    async def run() -> bool:
        application = build_application(settings.telegram_token or "", settings.telegram_api_url)
        async with application:
            return bool(
                await application.bot.set_webhook(
                    url=f"{settings.public_url}{WEBHOOK_PATH}",
                    secret_token=settings.telegram_webhook_secret,
                    allowed_updates=list(ALLOWED_UPDATES),
                )
            )

    ok = asyncio.run(run())
    outcome = "registered" if ok else "refused by Telegram"
    print(f"hotline telegram set-webhook: {settings.public_url}{WEBHOOK_PATH} {outcome}")
    return 0 if ok else 1
