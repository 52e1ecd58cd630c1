"""The session cookie: set at sign-in, read on every page, cleared at sign-out; and the guard
every dashboard handler goes through (session, role, CSRF)."""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from functools import wraps
from urllib.parse import quote

from aiohttp import web

from hotline.accounts import ABSOLUTE_EXPIRY, may
from hotline.accounts.service import ActiveSession
from hotline.dashboard_texts import DashboardText
from hotline.escalation.roster import Role
from hotline.messages import Registered
from hotline.web.client import client_address as address_of
from hotline.web.dashboard.layout import DASHBOARD, PREFIX, SESSION, render, session_of

COOKIE = "hotline_staff"
SIGN_IN_PATH = PREFIX + "/sign-in"
CSRF_FIELD = "csrf"
CSRF_HEADER = "X-CSRF-Token"

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def set_cookie(request: web.Request, response: web.StreamResponse, session_id: str) -> None:
    """Give the browser its new session id (HttpOnly, SameSite=Lax, Secure behind https)."""
    response.set_cookie(
        COOKIE,
        session_id,
        path=PREFIX + "/",
        max_age=int(ABSOLUTE_EXPIRY.total_seconds()),
        httponly=True,
        samesite="Lax",
        secure=request.app[DASHBOARD].secure_cookies,
    )


def clear_cookie(request: web.Request, response: web.StreamResponse) -> None:
    """Make the browser forget its session id."""
    response.del_cookie(
        COOKIE,
        path=PREFIX + "/",
        httponly=True,
        samesite="Lax",
        secure=request.app[DASHBOARD].secure_cookies,
    )


async def current(request: web.Request) -> ActiveSession | None:
    """The live session of the request's cookie (loaded once a request)."""
    found = session_of(request)
    if found is not None:
        return found
    session_id = request.cookies.get(COOKIE)
    if not session_id or len(session_id) > 100:
        return None
    session = await request.app[DASHBOARD].accounts.session(session_id)
    if session is not None:
        request[SESSION] = session
    return session


def client_address(request: web.Request) -> str | None:
    """Who is asking: the address our own proxy saw (HOTLINE_FORWARDED_FOR), else the peer."""
    return address_of(request, forwarded_for=request.app[DASHBOARD].forwarded_for)


def safe_next(target: str | None) -> str:
    """Where to go after signing in: a dashboard path of ours, never another site."""
    if target and target.startswith(PREFIX + "/") and "//" not in target and "\\" not in target:
        return target
    return PREFIX + "/"


async def csrf_ok(request: web.Request, session: ActiveSession) -> bool:
    """Whether a state-changing request carries this session's token (form field or header)."""
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and request.content_type in (
        "application/x-www-form-urlencoded",
        "multipart/form-data",
    ):
        value = (await request.post()).get(CSRF_FIELD)
        sent = value if isinstance(value, str) else None
    return sent is not None and hmac.compare_digest(sent.encode(), session.csrf_token.encode())


def page(role: Role) -> Callable[[Handler], Handler]:
    """A handler for signed-in staff of at least `role`: no session → 303 to sign-in (with
    `next`), a lower role → 403, a POST without this session's CSRF token → 403."""

    def wrap(handler: Handler) -> Handler:
        @wraps(handler)
        async def guarded(request: web.Request) -> web.StreamResponse:
            session = await current(request)
            if session is None:
                target = request.path_qs if request.method == "GET" else PREFIX + "/"
                raise web.HTTPSeeOther(f"{SIGN_IN_PATH}?next={quote(target, safe='/')}")
            if not may(session.staff.role, role):
                return await forbidden(request, DashboardText.DASH_FORBIDDEN)
            if request.method not in ("GET", "HEAD") and not await csrf_ok(request, session):
                return await forbidden(request, DashboardText.DASH_CSRF_FAILED)
            return await handler(request)

        return guarded

    return wrap


async def forbidden(request: web.Request, why: Registered) -> web.Response:
    """The 403 page, saying why."""
    return await render(request, "forbidden.html", {"why": why}, status=403)
