"""The dashboard's layout: Jinja2 templates, texts from Fluent, dates by Babel, the language a
person reads, the nav, and the security headers of every /staff/ answer."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp_jinja2
import jinja2
from aiohttp import web
from babel import Locale
from babel.dates import format_date, format_time, get_datetime_format

from hotline.accounts import MIN_PASSWORD, may
from hotline.accounts.service import AccountService, ActiveSession
from hotline.capitals import capitalized
from hotline.catalog import Catalog
from hotline.dashboard_texts import DashboardText
from hotline.escalation.board import DutyBoard
from hotline.escalation.roster import Role
from hotline.messages import MessageId, Registered

WEB_DIR = Path(__file__).parent.parent
PREFIX = "/staff"
STATIC_PATH = PREFIX + "/static"
LANGUAGE_COOKIE = "hotline_staff_lang"  # before signing in only; after, the account's choice
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'",
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}
# What templates name as `M.NAME`: both registries (a name is in one of them only).
TEMPLATE_TEXTS = SimpleNamespace(**MessageId.__members__, **DashboardText.__members__)


@dataclass(frozen=True)
class NavItem:
    """A page in the nav: its path, its label, and the least role that sees it."""

    path: str
    label: Registered
    role: Role


@dataclass
class Dashboard:
    """What every page needs; pages added later append their NavItem to `nav`."""

    accounts: AccountService
    catalog: Catalog
    board: DutyBoard
    public_url: str
    secure_cookies: bool
    forwarded_for: bool
    nav: list[NavItem]

    @property
    def languages(self) -> tuple[str, ...]:
        """The languages the dashboard can be read in."""
        return self.catalog.languages


ROLE_NAMES = {
    Role.SPECIALIST: DashboardText.DASH_ROLE_SPECIALIST,
    Role.SUPERVISOR: DashboardText.DASH_ROLE_SUPERVISOR,
    Role.ADMIN: DashboardText.DASH_ROLE_ADMIN,
}
DASHBOARD = web.AppKey("dashboard", Dashboard)
SESSION = web.RequestKey("session", ActiveSession)  # the signed-in person, once loaded


def setup(app: web.Application) -> None:
    """Templates from hotline/web/templates, escaped, failing loudly on an unknown name."""
    aiohttp_jinja2.setup(
        app,
        loader=jinja2.FileSystemLoader(WEB_DIR / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        context_processors=[],
    )
    app.on_response_prepare.append(_headers)


async def _headers(request: web.Request, response: web.StreamResponse) -> None:
    """The security headers on every /staff/ answer (errors too); no caching but of CSS."""
    if not request.path.startswith(PREFIX + "/") and request.path != PREFIX:
        return
    response.headers.update(SECURITY_HEADERS)
    if request.path.startswith(STATIC_PATH + "/"):
        response.headers["Cache-Control"] = "public, max-age=3600"
    else:
        response.headers["Cache-Control"] = "no-store"


def session_of(request: web.Request) -> ActiveSession | None:
    """The signed-in person behind a request, if any."""
    found = request.get(SESSION)
    return found if isinstance(found, ActiveSession) else None


def language_of(request: web.Request) -> str:
    """The language a person reads: their choice, their first language, their browser's."""
    dashboard = request.app[DASHBOARD]
    session = session_of(request)
    offered = dashboard.languages
    if session is not None:
        for choice in (session.language, *session.staff.languages):
            if choice in offered:
                return choice
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen in offered:
        return str(chosen)
    return best_language(request.headers.get("Accept-Language", ""), offered)


def best_language(header: str, offered: Sequence[str]) -> str:
    """The first offered language of an Accept-Language header, by weight; else English."""
    weighted: list[tuple[float, int, str]] = []
    for index, part in enumerate(header.split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        weight = 1.0
        if params.strip().startswith("q="):
            try:
                weight = float(params.strip()[2:])
            except ValueError:
                weight = 0.0
        code = tag.split("-")[0].lower()
        if code in offered and weight > 0:
            weighted.append((-weight, index, code))
    return min(weighted)[2] if weighted else "en"


class Texts:
    """A template's view of the catalogue in one language: `_(M.DASH_X, name=...)`."""

    def __init__(self, catalog: Catalog, language: str, zone: ZoneInfo) -> None:
        self.catalog = catalog
        self.language = language
        self.zone = zone

    def __call__(self, message: Registered, **args: str | int) -> str:
        return self.catalog.format(self.language, message, args)

    def when(self, moment: datetime | None) -> str:
        """A date and time in the reader's language and the roster's zone, to the minute
        (the locale's medium date and short time, joined as the locale joins them)."""
        if moment is None:
            return ""
        local = moment.astimezone(self.zone)
        day = format_date(local, "medium", locale=self.language)
        time_of_day = format_time(moment, "short", tzinfo=self.zone, locale=self.language)
        joined = str(get_datetime_format("medium", locale=self.language))
        return joined.replace("{1}", str(day)).replace("{0}", str(time_of_day))

    def clock(self, moment: datetime) -> str:
        """A time of day (today's), in the reader's language and the roster's zone."""
        return str(format_time(moment, "short", tzinfo=self.zone, locale=self.language))

    def language_name(self, code: str) -> str:
        """A language's own name for itself (ქართული, Русский, ...)."""
        name = Locale.parse(code).get_display_name(code) or code
        return capitalized(name)

    def language_names(self, codes: Sequence[str]) -> str:
        """Languages' own names, in a list."""
        return ", ".join(self.language_name(code) for code in codes)


async def texts(request: web.Request) -> Texts:
    """The texts of a request's reader, with times in the roster's zone (UTC without one)."""
    dashboard = request.app[DASHBOARD]
    snapshot = await dashboard.board.current()
    zone = snapshot.roster.zone if snapshot.roster is not None else ZoneInfo("UTC")
    return Texts(dashboard.catalog, language_of(request), zone)


async def render(
    request: web.Request,
    template: str,
    context: Mapping[str, Any] | None = None,
    *,
    status: int = 200,
) -> web.Response:
    """A page in the base layout, in the reader's language, with the nav their role sees."""
    dashboard = request.app[DASHBOARD]
    session = session_of(request)
    t = await texts(request)
    nav = [item for item in dashboard.nav if may(session.staff.role, item.role)] if session else []
    full = {
        "_": t,
        "M": TEMPLATE_TEXTS,
        "lang": t.language,
        "languages": dashboard.languages,
        "session": session,
        "me": session.staff if session else None,
        "csrf": session.csrf_token if session else "",
        "nav": nav,
        "here": request.path,
        "prefix": PREFIX,
        "roles": ROLE_NAMES,
        "min_password": MIN_PASSWORD,
        **(context or {}),
    }
    response = aiohttp_jinja2.render_template(template, request, full, status=status)
    response.headers["Content-Language"] = t.language
    return response
