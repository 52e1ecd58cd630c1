"""Malformed HTTP is the client's fault: one warning line for it, never a traceback."""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterator

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError

# aiohttp's default, but for "%s, %b bytes": "200 1183" reads to the logs' last line of
# defence (privacy.redact_numbers) as a phone number, and the status was lost to "[number]".
ACCESS_LOG_FORMAT = '%a %t "%r" %s, %b bytes "%{Referer}i" "%{User-Agent}i"'
SERVER_LOGGER = "aiohttp.server"
ACCESS_LOGGER = "aiohttp.access"
# Paths whose last part is a secret: a calendar feed's token, an invitation's token.
_SECRET_PATH = re.compile(r"(/staff/(?:calendar|invite)/)[A-Za-z0-9_-]{16,}")


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


class HideSecretPaths(logging.Filter):
    """Blanks the secret in an access-log line of a calendar feed or an invitation link: the
    URL is the key, and a log is read by more people than the key's owner."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the line (aiohttp formats it before logging); let every record through."""
        if isinstance(record.msg, str) and "/staff/" in record.msg:
            record.msg = _SECRET_PATH.sub(r"\1…", record.msg)
        return True


async def quiet_malformed_http(app: web.Application) -> AsyncIterator[None]:
    """While the app runs, aiohttp's server logger says malformed requests in one line, and
    its access log leaves out the secrets of secret links."""
    server_log = logging.getLogger(SERVER_LOGGER)
    access_log = logging.getLogger(ACCESS_LOGGER)
    quiet, hide = QuietMalformedHttp(), HideSecretPaths()
    server_log.addFilter(quiet)
    access_log.addFilter(hide)
    yield
    server_log.removeFilter(quiet)
    access_log.removeFilter(hide)
