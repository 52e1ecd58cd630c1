"""Signing in and out, and the invitation page where a new person sets a password."""

from __future__ import annotations

import math

from aiohttp import web

from hotline.accounts import MIN_PASSWORD, AccountError
from hotline.accounts.service import Locked, SignedIn
from hotline.dashboard_texts import DashboardText
from hotline.escalation.roster import Role
from hotline.web.dashboard.layout import DASHBOARD, PREFIX, render, texts
from hotline.web.dashboard.sessions import (
    SIGN_IN_PATH,
    clear_cookie,
    client_address,
    current,
    page,
    safe_next,
    set_cookie,
)

INVITE_PATH = PREFIX + "/invite/{token}"
_MAX_FIELD = 200  # a name or a password longer than this is not one


async def sign_in_form(request: web.Request) -> web.StreamResponse:
    """GET /staff/sign-in: the form (or straight on, when already signed in)."""
    target = safe_next(request.query.get("next"))
    if await current(request) is not None:
        raise web.HTTPSeeOther(target)
    signed_out = "signed-out" in request.query
    return await render(request, "sign_in.html", {"next": target, "signed_out": signed_out})


async def sign_in(request: web.Request) -> web.StreamResponse:
    """POST /staff/sign-in: a new session (a new id: no fixation), or why not."""
    form = await request.post()
    name, password = str(form.get("name", ""))[:_MAX_FIELD], str(form.get("password", ""))
    target = safe_next(str(form.get("next", "")))
    context = {"next": target, "signed_out": False, "name": name}
    if len(password) > _MAX_FIELD or not name.strip() or not password:
        return await render(
            request,
            "sign_in.html",
            {**context, "error": DashboardText.DASH_SIGN_IN_FAILED},
            status=401,
        )
    accounts = request.app[DASHBOARD].accounts
    result = await accounts.sign_in(
        name,
        password,
        address=client_address(request),
        user_agent=request.headers.get("User-Agent"),
    )
    if isinstance(result, SignedIn):
        moved = web.HTTPSeeOther(target)
        set_cookie(request, moved, result.session_id)
        raise moved
    if isinstance(result, Locked):
        t = await texts(request)
        until = t.clock(accounts.clock() + result.retry_after)
        response = await render(
            request,
            "sign_in.html",
            {**context, "error": DashboardText.DASH_SIGN_IN_LOCKED, "until": until},
            status=429,
        )
        response.headers["Retry-After"] = str(math.ceil(result.retry_after.total_seconds()))
        return response
    return await render(
        request, "sign_in.html", {**context, "error": DashboardText.DASH_SIGN_IN_FAILED}, status=401
    )


@page(Role.SPECIALIST)
async def sign_out(request: web.Request) -> web.StreamResponse:
    """POST /staff/sign-out: end this session."""
    session = await current(request)
    if session is not None:
        await request.app[DASHBOARD].accounts.sign_out(session)
    response = web.HTTPSeeOther(SIGN_IN_PATH + "?signed-out")
    clear_cookie(request, response)
    raise response


@page(Role.SPECIALIST)
async def sign_out_everywhere(request: web.Request) -> web.StreamResponse:
    """POST /staff/sign-out-everywhere: end every session of this person, this one too."""
    session = await current(request)
    if session is not None:
        await request.app[DASHBOARD].accounts.sign_out_everywhere(session.staff.id)
    response = web.HTTPSeeOther(SIGN_IN_PATH + "?signed-out")
    clear_cookie(request, response)
    raise response


async def invite_form(request: web.Request) -> web.StreamResponse:
    """GET /staff/invite/{token}: the form to set a password, if the link still works."""
    staff = await request.app[DASHBOARD].accounts.invited(request.match_info["token"][:100])
    if staff is None:
        return await render(request, "invite.html", {"invalid": True}, status=410)
    return await render(request, "invite.html", {"invalid": False, "person": staff})


async def accept_invite(request: web.Request) -> web.StreamResponse:
    """POST /staff/invite/{token}: set the password (the link is used up), then sign in."""
    accounts = request.app[DASHBOARD].accounts
    token = request.match_info["token"][:100]
    staff = await accounts.invited(token)
    if staff is None:
        return await render(request, "invite.html", {"invalid": True}, status=410)
    form = await request.post()
    password, again = str(form.get("password", "")), str(form.get("again", ""))
    error = None
    if len(password) < MIN_PASSWORD or len(password) > _MAX_FIELD:
        error = DashboardText.DASH_PASSWORD_SHORT
    elif password != again:
        error = DashboardText.DASH_PASSWORD_DIFFER
    else:
        try:
            if await accounts.accept_invite(token, password) is None:
                return await render(request, "invite.html", {"invalid": True}, status=410)
        except AccountError:
            error = DashboardText.DASH_PASSWORD_SHORT
    if error is not None:
        context = {"invalid": False, "person": staff, "error": error}
        return await render(request, "invite.html", context, status=400)
    raise web.HTTPSeeOther(SIGN_IN_PATH)
