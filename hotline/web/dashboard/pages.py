"""The home (a redirect to Now, see `now`) and the language picker."""

from __future__ import annotations

from aiohttp import web

from hotline.escalation.roster import Role
from hotline.web.dashboard.layout import DASHBOARD, LANGUAGE_COOKIE, PREFIX
from hotline.web.dashboard.sessions import current, page, safe_next

NOW_PATH = PREFIX + "/now"


@page(Role.SPECIALIST)
async def home(request: web.Request) -> web.StreamResponse:
    """GET /staff/: to Now."""
    raise web.HTTPSeeOther(NOW_PATH)


@page(Role.SPECIALIST)
async def choose_language(request: web.Request) -> web.StreamResponse:
    """POST /staff/language: read the dashboard in another language from now on."""
    dashboard = request.app[DASHBOARD]
    form = await request.post()
    language = str(form.get("language", ""))
    back = safe_next(str(form.get("next", "")))
    session = await current(request)
    if language in dashboard.languages and session is not None:
        await dashboard.accounts.set_language(session.staff.id, language)
    raise web.HTTPSeeOther(back)


async def choose_language_signed_out(request: web.Request) -> web.StreamResponse:
    """GET /staff/sign-in/language?lang=..: the sign-in page in another language (a cookie)."""
    language = request.query.get("lang", "")
    response = web.HTTPSeeOther(safe_next(request.query.get("next")))
    if language in request.app[DASHBOARD].languages:
        response.set_cookie(
            LANGUAGE_COOKIE, language, path=PREFIX + "/", httponly=True, samesite="Lax"
        )
    raise response
