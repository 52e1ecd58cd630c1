"""What the commands share: logging, argument types, tables, the database of the deployment."""

from __future__ import annotations

import argparse
import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import IO, TypeAlias, TypeVar
from zoneinfo import ZoneInfo

from hotline.bootstrap import Core, Database
from hotline.config import Settings
from hotline.log_format import log_handler

log = logging.getLogger("hotline")
_T = TypeVar("_T")
SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # for mypy
TRACEBACKS = {"asked": False}  # set by `hotline --debug`


def setup_logging(settings: Settings, stream: IO[str] | None = None) -> None:
    """Log lines to stderr (text, or JSON with HOTLINE_LOG_FORMAT=json), each with its request
    id, phone numbers redacted, the chatty libraries quietened; a logged exception in one line
    unless tracebacks are asked for. (`stream` is for tests.)"""
    tracebacks = TRACEBACKS["asked"] or settings.log_level == "DEBUG"
    handler = log_handler(settings.log_format, tracebacks=tracebacks, stream=stream)
    level = "DEBUG" if TRACEBACKS["asked"] else settings.log_level
    logging.basicConfig(level=level, handlers=[handler], force=True)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    # httpx logs every Bot API URL, and a Bot API URL holds the bot's token; at DEBUG, PTB
    # logs each message's text and the person's name. Neither may reach our logs.
    # twilio's client logs every request's URL and form at INFO: the number it sends to.
    # aiosqlite logs every statement with its parameters at DEBUG (and SQLAlchemy would too):
    # a session's key, a row's contents.
    for noisy in (
        "aiosqlite",
        "sqlalchemy",
        "asyncpg",
        "httpx",
        "httpcore",
        "telegram",
        "aiolimiter",
        "twilio.http_client",
        "twilio.async_http_client",
    ):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    # PTB's rate limiter logs every 429 as an ERROR with a traceback; the outbox waits each
    # one out itself and says in one line if a message is ever dropped.
    logging.getLogger("telegram.ext.AIORateLimiter").setLevel(logging.CRITICAL)


def with_database(core: Core, work: Callable[[Database], Awaitable[_T]]) -> _T:
    """Run `work` on the configured database, opened as serve opens it, then close it."""

    async def run() -> _T:
        async with core.database.opened() as database:
            return await work(database)

    return asyncio.run(run())


def instant(text: str) -> datetime:
    """An argument: an ISO date-time, with or without an offset."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date-time; write e.g. 2026-12-24T23:00+01:00"
        ) from None


def wall(instant: datetime, zone: ZoneInfo) -> str:
    """An instant as a wall-clock time of `zone`, with its weekday."""
    return instant.astimezone(zone).strftime("%a %Y-%m-%d %H:%M %Z")


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """Lines of a plain-text table, each column as wide as its widest cell."""
    widths = [max(len(row[i]) for row in (headers, *rows)) for i in range(len(headers))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in (headers, *rows)
    ]
