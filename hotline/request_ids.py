"""Request ids: one id follows a call, an update or a job through every log line it causes.

The id lives in a ContextVar. A middleware gives each HTTP request a random one (or a safe
`X-Request-Id` it came with); a channel then names what the request belongs to, once it has
checked it: every webhook of one Twilio call gets the same `call-<8 hex>`, an SMS
`sms-<8 hex>`, a Telegram update `tg-<8 hex>`. The hex is a digest of Twilio's sid or
Telegram's update id, so an id joins the lines of one call and says nothing of who called.
Tasks started meanwhile inherit the id (asyncio copies the context); the Telegram outbox,
whose workers outlive an update, keeps each message's id with it; a scheduled job's run is
`job-<name>-<n>`. `RequestIdFilter` puts the id on each log record as `record.request_id`.
"""

from __future__ import annotations

import hashlib
import itertools
import logging
import re
import secrets
from collections.abc import Awaitable, Callable, Mapping
from contextvars import ContextVar

from aiohttp import web

__all__ = [
    "HEADER",
    "RequestIdFilter",
    "current",
    "follow",
    "for_job",
    "for_twilio",
    "for_update",
    "incoming",
    "new_id",
    "request_ids",
]

HEADER = "X-Request-Id"
_ID: ContextVar[str | None] = ContextVar("hotline_request_id", default=None)
# What an id from outside may look like: short, and nothing a log reader could trip on.
_SAFE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{7,63}")
_DIGITS = re.compile(r"\d{7,}")  # a caller's number sent as an id would be logged with every line
_DIGEST_HEX = 8


def current() -> str | None:
    """The id of the work in hand, if any."""
    return _ID.get()


def follow(request_id: str | None) -> None:
    """From here on (in this task and the tasks it starts), log lines carry `request_id`."""
    _ID.set(request_id)


def new_id() -> str:
    """A random id, for a request nothing else names."""
    return "req-" + secrets.token_hex(6)


def incoming(header: str | None) -> str | None:
    """An `X-Request-Id` from a proxy, if it is safe to log (else None): 8-64 letters,
    digits, `.`, `_`, `-`, and no run of 7 digits (it could be a number)."""
    if header is None or not _SAFE.fullmatch(header) or _DIGITS.search(header):
        return None
    return header


def _digest(kind: str, value: str) -> str:
    digest = hashlib.sha256(f"{kind}:{value}".encode()).hexdigest()[:_DIGEST_HEX]
    return f"{kind}-{digest}"


def for_twilio(params: Mapping[str, str]) -> str | None:
    """A Twilio webhook's id: its call's (the parent call's, on a leg a `<Dial>` rang), or
    its message's; None when the form names neither."""
    call = params.get("ParentCallSid") or params.get("CallSid")
    if call:
        return _digest("call", call)
    message = params.get("MessageSid") or params.get("SmsSid")
    return _digest("sms", message) if message else None


def for_update(update_id: int) -> str:
    """A Telegram update's id."""
    return _digest("tg", str(update_id))


def for_job(name: str, run: Callable[[], Awaitable[None]]) -> Callable[[], Awaitable[None]]:
    """`run`, each call of it under an id of its own: `job-<name>-<n>`."""
    runs = itertools.count(1)

    async def job() -> None:
        follow(f"job-{name}-{next(runs)}")
        await run()

    return job


@web.middleware
async def request_ids(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Give the request an id before anything logs, and answer it in `X-Request-Id`.

    aiohttp handles each request in a task of its own, and writes the access log line from
    that task: the id is not reset here, so that line carries it too.
    """
    follow(incoming(request.headers.get(HEADER)) or new_id())
    try:
        response = await handler(request)
    except web.HTTPException as exc:
        exc.headers[HEADER] = current() or ""
        raise
    if not response.prepared:
        response.headers[HEADER] = current() or ""
    return response


class RequestIdFilter(logging.Filter):
    """Sets `record.request_id` to the id of the work that logs it ("" outside any)."""

    def filter(self, record: logging.LogRecord) -> bool:
        """Tag the record; let every record through."""
        record.request_id = current() or ""
        return True
