"""A person's calendar feed: "My calendar" (make, renew or stop a secret link) and the feed
itself, /staff/calendar/<token>.ics, which needs no session (the token is the key)."""

from __future__ import annotations

from datetime import timedelta
from urllib.parse import urlsplit

from aiohttp import web

from hotline.dashboard_texts import DashboardText
from hotline.escalation.roster import Role, Staff
from hotline.escalation.roster.ical import calendar_feed
from hotline.web.dashboard.layout import DASHBOARD, PREFIX, render, session_of
from hotline.web.dashboard.roster import ROSTER_DESK
from hotline.web.dashboard.sessions import page

__all__ = ["CALENDAR_PATH", "FEED_WEEKS", "routes"]

CALENDAR_PATH = PREFIX + "/calendar"
FEED_WEEKS = 8


def routes() -> list[web.AbstractRouteDef]:
    """The calendar page's and the feed's routes."""
    return [
        web.get(CALENDAR_PATH, my_calendar),
        web.post(CALENDAR_PATH + "/new", new_feed),
        web.post(CALENDAR_PATH + "/revoke", revoke_feed),
        web.get(CALENDAR_PATH + "/{token:[A-Za-z0-9_-]{16,100}}.ics", feed),
    ]


def _me(request: web.Request) -> Staff:
    session = session_of(request)
    if session is None:  # the guard lets no request without one in
        raise web.HTTPForbidden()
    return session.staff


async def _page(request: web.Request, **context: object) -> web.Response:
    since = await request.app[ROSTER_DESK].feeds.created(_me(request).id)
    return await render(request, "calendar.html", {"since": since, **context})


@page(Role.SPECIALIST)
async def my_calendar(request: web.Request) -> web.StreamResponse:
    """GET /staff/calendar: whether I have a feed, and the buttons to make or stop one."""
    return await _page(request)


@page(Role.SPECIALIST)
async def new_feed(request: web.Request) -> web.StreamResponse:
    """POST /staff/calendar/new: a new secret link, shown once; the old one stops working."""
    me = _me(request)
    token = await request.app[ROSTER_DESK].feeds.create(me.id)
    await request.app[DASHBOARD].accounts.audit(me.id, "calendar:new")
    public_url = request.app[DASHBOARD].public_url.rstrip("/")
    return await _page(request, link=f"{public_url}{CALENDAR_PATH}/{token}.ics")


@page(Role.SPECIALIST)
async def revoke_feed(request: web.Request) -> web.StreamResponse:
    """POST /staff/calendar/revoke: the link stops working."""
    me = _me(request)
    await request.app[ROSTER_DESK].feeds.revoke(me.id)
    await request.app[DASHBOARD].accounts.audit(me.id, "calendar:revoke")
    return await _page(request, revoked=True)


async def feed(request: web.Request) -> web.StreamResponse:
    """GET /staff/calendar/<token>.ics: the person's shifts of the next weeks (404: unknown or
    revoked token); not cached (the layout's headers say no-store)."""
    state = request.app[ROSTER_DESK]
    dashboard = request.app[DASHBOARD]
    found = await state.feeds.owner(request.match_info["token"])
    if found is None:
        raise web.HTTPNotFound()
    staff, chosen = found
    language = next(
        (code for code in (chosen, *staff.languages) if code in dashboard.languages), "en"
    )
    now = dashboard.accounts.clock()
    text = calendar_feed(
        await state.desk.roster(),
        staff.id,
        now,
        now + timedelta(weeks=FEED_WEEKS),
        now=now,
        summary=dashboard.catalog.format(language, DashboardText.DASH_CALENDAR_EVENT, {}),
        name=dashboard.catalog.format(
            language, DashboardText.DASH_CALENDAR_NAME, {"name": staff.name}
        ),
        domain=urlsplit(dashboard.public_url).hostname or "hotline",
    )
    return web.Response(
        body=text.encode(),
        content_type="text/calendar",
        charset="utf-8",
        headers={"Content-Disposition": 'inline; filename="shifts.ics"'},
    )
