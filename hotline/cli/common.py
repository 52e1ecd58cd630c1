"""What the commands share: logging, argument types, tables, the database of the deployment."""

from __future__ import annotations

import argparse
import asyncio
import logging
import traceback
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any, TypeAlias, TypeVar
from zoneinfo import ZoneInfo

from hotline.bootstrap import Core, Database
from hotline.config import Settings
from hotline.privacy import RedactNumbers

log = logging.getLogger("hotline")
_T = TypeVar("_T")
SubParsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"  # for mypy


class OneLineErrors(logging.Formatter):
    """A logged exception as one line (its type and message) unless tracebacks are asked for
    (`hotline --debug`, or HOTLINE_LOG_LEVEL=DEBUG): an operator reads what failed, and a
    developer gets the whole story when they ask."""

    def __init__(self, fmt: str, *, tracebacks: bool) -> None:
        super().__init__(fmt)
        self.tracebacks = tracebacks

    def formatException(self, ei: Any) -> str:  # noqa: N802 - logging's own name
        if self.tracebacks:
            return super().formatException(ei)
        kind, value, _ = ei
        last = traceback.format_exception_only(kind, value)[-1].strip()
        return f"  ({last}; --debug or HOTLINE_LOG_LEVEL=DEBUG shows the traceback)"

    def formatStack(self, stack_info: str) -> str:  # noqa: N802 - logging's own name
        return super().formatStack(stack_info) if self.tracebacks else ""


TRACEBACKS = {"asked": False}  # set by `hotline --debug`


def setup_logging(settings: Settings) -> None:
    """Log lines to stderr, phone numbers redacted, the chatty libraries quietened; a logged
    exception in one line unless tracebacks are asked for."""
    handler = logging.StreamHandler()
    tracebacks = TRACEBACKS["asked"] or settings.log_level == "DEBUG"
    handler.setFormatter(
        OneLineErrors("%(asctime)s %(levelname)s %(name)s: %(message)s", tracebacks=tracebacks)
    )
    handler.addFilter(RedactNumbers())
    level = "DEBUG" if TRACEBACKS["asked"] else settings.log_level
    logging.basicConfig(level=level, handlers=[handler], force=True)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    # httpx logs every Bot API URL, and a Bot API URL holds the bot's token; at DEBUG, PTB
    # logs each message's text and the person's name. Neither may reach our logs.
    # twilio's client logs every request's URL and form at INFO: the number it sends to.
    for noisy in (
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
