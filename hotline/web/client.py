"""Who is asking an HTTP request: the one rule for the dashboard's sign-in lockout and for
who may read /metrics and /readyz."""

from __future__ import annotations

from aiohttp import web

__all__ = ["client_address"]


def client_address(request: web.Request, *, forwarded_for: bool) -> str | None:
    """The address our own proxy saw (the last X-Forwarded-For entry, with
    HOTLINE_FORWARDED_FOR), else the peer's."""
    if forwarded_for:
        last = request.headers.get("X-Forwarded-For", "").split(",")[-1].strip()
        if last:
            return last[:64]
    return request.remote
