"""The administrators' page of staff accounts: who has a password, their last sign-in; an
invitation link for a person, and signing a person out everywhere."""

from __future__ import annotations

from aiohttp import web

from hotline.accounts import AccountError
from hotline.escalation.roster import Role
from hotline.web.dashboard.layout import DASHBOARD, PREFIX, render, session_of
from hotline.web.dashboard.sessions import page

ACCOUNTS_PATH = PREFIX + "/accounts"
INVITE_LINK = PREFIX + "/invite/"


async def _page(request: web.Request, **context: object) -> web.Response:
    people = await request.app[DASHBOARD].accounts.accounts()
    return await render(request, "accounts.html", {"people": people, **context})


@page(Role.ADMIN)
async def accounts(request: web.Request) -> web.StreamResponse:
    """GET /staff/accounts: everyone on the staff list and their sign-in."""
    return await _page(request)


@page(Role.ADMIN)
async def invite(request: web.Request) -> web.StreamResponse:
    """POST /staff/accounts/{id}/invite: a one-time link, shown once, to send the person."""
    service = request.app[DASHBOARD].accounts
    admin = session_of(request)
    try:
        staff, token = await service.invite(request.match_info["id"])
    except AccountError:
        raise web.HTTPNotFound() from None
    if admin is not None:
        await service.audit(admin.staff.id, f"invite:{staff.id}")
    public_url = request.app[DASHBOARD].public_url.rstrip("/")
    return await _page(request, invited=staff, link=public_url + INVITE_LINK + token)


@page(Role.ADMIN)
async def sign_out(request: web.Request) -> web.StreamResponse:
    """POST /staff/accounts/{id}/sign-out: end every session of a person."""
    service = request.app[DASHBOARD].accounts
    admin = session_of(request)
    people = {staff.id: staff for staff, _ in await service.accounts()}
    staff = people.get(request.match_info["id"])
    if staff is None:
        raise web.HTTPNotFound()
    await service.sign_out_everywhere(staff.id)
    if admin is not None:
        await service.audit(admin.staff.id, f"sign-out:{staff.id}")
    return await _page(request, signed_out=staff)
