"""The staff web dashboard under /staff/: one module a page, a shared layout (`layout.render`),
and the guard every page goes through (`sessions.page(role)`).

A new page is a module with its handlers decorated `@page(Role.X)`, its routes added in
`routes()` below, a `NavItem` in `NAV` if it belongs in the menu, and a template extending
`base.html`; its texts are `dash-*` messages (hotline/dashboard_texts.py, every locale's
dashboard.ftl).
"""

from __future__ import annotations

from aiohttp import web

from hotline.accounts.service import AccountService
from hotline.bootstrap import Hotline
from hotline.dashboard_texts import DashboardText
from hotline.escalation.roster import Role
from hotline.web.dashboard import (
    accounts,
    audit,
    auth,
    calendar,
    now,
    pages,
    people,
    replies,
    rights,
    roster,
    services,
    statistics,
)
from hotline.web.dashboard.layout import (
    DASHBOARD,
    PREFIX,
    STATIC_PATH,
    WEB_DIR,
    Dashboard,
    NavItem,
    render,
    setup,
)
from hotline.web.dashboard.sessions import SIGN_IN_PATH, page

__all__ = ["DASHBOARD", "NAV", "Dashboard", "NavItem", "page", "register", "render", "routes"]

NAV = (
    NavItem(pages.NOW_PATH, DashboardText.DASH_NAV_NOW, Role.SPECIALIST),
    NavItem(people.PEOPLE_PATH, DashboardText.DASH_NAV_PEOPLE, Role.SPECIALIST),
    NavItem(services.SERVICES_PATH, DashboardText.DASH_NAV_SERVICES, Role.SPECIALIST),
    NavItem(roster.ROSTER_PATH, DashboardText.DASH_NAV_ROSTER, Role.SUPERVISOR),
    NavItem(calendar.CALENDAR_PATH, DashboardText.DASH_NAV_CALENDAR, Role.SPECIALIST),
    NavItem(statistics.STATISTICS_PATH, DashboardText.DASH_NAV_STATISTICS, Role.SUPERVISOR),
    NavItem(audit.AUDIT_PATH, DashboardText.DASH_NAV_AUDIT, Role.SUPERVISOR),
    NavItem(accounts.ACCOUNTS_PATH, DashboardText.DASH_NAV_ACCOUNTS, Role.ADMIN),
)


def routes() -> list[web.AbstractRouteDef]:
    """Every route of the dashboard."""
    return [
        web.get(PREFIX, pages.home),
        web.get(PREFIX + "/", pages.home),
        *now.routes(),
        *replies.routes(),
        web.post(PREFIX + "/language", pages.choose_language),
        web.get(SIGN_IN_PATH, auth.sign_in_form),
        web.post(SIGN_IN_PATH, auth.sign_in),
        web.get(SIGN_IN_PATH + "/language", pages.choose_language_signed_out),
        web.post(PREFIX + "/sign-out", auth.sign_out),
        web.post(PREFIX + "/sign-out-everywhere", auth.sign_out_everywhere),
        web.get(auth.INVITE_PATH, auth.invite_form),
        web.post(auth.INVITE_PATH, auth.accept_invite),
        web.get(accounts.ACCOUNTS_PATH, accounts.accounts),
        web.post(accounts.ACCOUNTS_PATH + "/{id}/invite", accounts.invite),
        web.post(accounts.ACCOUNTS_PATH + "/{id}/sign-out", accounts.sign_out),
        *statistics.routes(),
        *roster.routes(),
        *calendar.routes(),
        *people.routes(),
        *rights.routes(),
        *services.routes(),
        *audit.routes(),
        web.static(STATIC_PATH, WEB_DIR / "static"),
    ]


def register(app: web.Application, hotline: Hotline) -> None:
    """Add the dashboard to the app: its state, templates, headers and routes."""
    settings = hotline.settings
    app[DASHBOARD] = Dashboard(
        accounts=AccountService(hotline.database.units, settings.pseudonym_key, hotline.clock),
        catalog=hotline.core.catalog,
        board=hotline.board,
        public_url=settings.public_url,
        secure_cookies=settings.public_url.startswith("https://"),
        forwarded_for=settings.forwarded_for,
        nav=list(NAV),
    )
    people.install(app, hotline)
    rights.install(app, hotline)
    services.install(app, hotline)
    setup(app)
    offered = hotline.core.chat_languages.offered
    now.install(app, hotline.escalations, hotline.case_chat, offered, hotline.recordings)
    statistics.setup(app, hotline)
    roster.setup(app, hotline)
    app.router.add_routes(routes())
