"""Malformed HTTP is the client's fault: one warning line for it, never a traceback."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

SERVER_LOGGER = "aiohttp.server"


class QuietMalformedHttp(logging.Filter):
    """Turns aiohttp's traceback for a request it could not parse into one warning line.

    aiohttp answers a request line over 8 KiB or a broken header with a 400, and logs it as
    an error with a traceback: anyone could fill the logs with them. Nothing of the request
    is logged (it may quote a number), only what was wrong with it.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite records about malformed requests; let every other record through."""
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, HttpProcessingError):
            record.levelno, record.levelname = logging.WARNING, "WARNING"
            record.msg, record.args = "malformed HTTP request refused (%s)", (type(exc).__name__,)
            record.exc_info, record.exc_text = None, None
        return True


async def quiet_malformed_http(app: web.Application) -> AsyncIterator[None]:
    """While the app runs, aiohttp's server logger says malformed requests in one line."""
    server_log = logging.getLogger(SERVER_LOGGER)
    quiet = QuietMalformedHttp()
    server_log.addFilter(quiet)
    yield
    server_log.removeFilter(quiet)
