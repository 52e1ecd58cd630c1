"""The services directory on the dashboard: the list (search, region, category, "not checked
for six months", pages), a service's page, and for supervisors adding, editing and marking a
service checked, each written to the audit log. Specialists read only."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from aiohttp import web
from babel.dates import format_date, format_time

from hotline.accounts import may
from hotline.accounts.service import ActiveSession
from hotline.bootstrap import Hotline
from hotline.directory.errors import DirectoryError
from hotline.directory.hours import zone_of
from hotline.directory.model import Category, Opening
from hotline.directory.service import DirectoryService
from hotline.directory.simple import LANGUAGES
from hotline.directory.simple_export import simple_rows
from hotline.directory.views import detail, edited_rows, listed, months_before
from hotline.escalation.roster import Role
from hotline.web.dashboard.layout import DASHBOARD, PREFIX, render, session_of, texts
from hotline.web.dashboard.services_forms import (
    CATEGORIES,
    LONG_FIELDS,
    PLACE_FIELDS,
    SERVICE_FIELDS,
    STATUSES,
    TRANSLATED_FIELDS,
    form_cells,
    wanted_of,
)
from hotline.web.dashboard.sessions import page

__all__ = ["SERVICES", "SERVICES_PATH", "Directory", "install", "routes"]

SERVICES_PATH = PREFIX + "/services"
NEW_PATH = SERVICES_PATH + "/new"
PER_PAGE = 25
MAX_REASON = 200  # the audit log's reason column


@dataclass(frozen=True)
class Directory:
    """What the directory pages call: the directory's service and the app's clock."""

    service: DirectoryService
    clock: Callable[[], datetime]

    def today(self) -> date:
        """Today in the deployment's country."""
        return self.clock().astimezone(zone_of(self.service.regions.zone, "UTC")).date()


SERVICES = web.AppKey("services", Directory)


def install(app: web.Application, hotline: Hotline) -> None:
    """The directory of the deployment (the one the channels and the HSDS API read)."""
    app[SERVICES] = Directory(hotline.core.directory, hotline.clock)


def routes() -> list[web.AbstractRouteDef]:
    """The directory pages' routes."""
    one = SERVICES_PATH + "/{id}"
    return [
        web.get(SERVICES_PATH, directory_list),
        web.get(NEW_PATH, add_form),
        web.post(NEW_PATH, add),
        web.get(one, service_page),
        web.get(one + "/edit", edit_form),
        web.post(one + "/edit", edit),
        web.post(one + "/checked", mark_checked),
    ]


def _me(request: web.Request) -> ActiveSession:
    session = session_of(request)
    if session is None:  # the guard lets nobody through without one
        raise web.HTTPSeeOther(PREFIX + "/")
    return session


async def _words(request: web.Request) -> dict[str, Any]:
    """What every directory page shows: codes in words, regions by name, dates and hours."""
    language = (await texts(request)).language
    service = request.app[SERVICES].service
    regions = {choice.code: choice.name for choice in service.region_choices(language)}

    def day(moment: date | None) -> str:
        return "" if moment is None else str(format_date(moment, "medium", locale=language))

    def weekday(moment: date) -> str:
        return str(format_date(moment, "EEEE", locale=language))

    def span(opening: Opening) -> str:
        zone = opening.opens.tzinfo
        opens = format_time(opening.opens, "short", tzinfo=zone, locale=language)
        closes = format_time(opening.closes, "short", tzinfo=zone, locale=language)
        return f"{opens}\N{EN DASH}{closes}"

    def region(code: str) -> str:
        return regions.get(code.upper(), code)

    return {
        "statuses": STATUSES,
        "categories": CATEGORIES,
        "regions": regions,
        "country": service.regions.country,
        "region_name": region,
        "day": day,
        "weekday": weekday,
        "span": span,
        "may_edit": may(_me(request).staff.role, Role.SUPERVISOR),
        "services_path": SERVICES_PATH,
    }


@page(Role.SPECIALIST)
async def directory_list(request: web.Request) -> web.StreamResponse:
    """GET /staff/services: search, region, category, not checked for six months, pages."""
    directory = request.app[SERVICES]
    words = await _words(request)
    wanted = wanted_of(request.query, {*words["regions"], words["country"]})
    cutoff = months_before(directory.today())
    stale, _, _ = await directory.service.browse(offset=0, limit=0, checked_before=cutoff)
    total, ids, tables = await directory.service.browse(
        offset=(wanted.page - 1) * PER_PAGE,
        limit=PER_PAGE,
        region=wanted.region or None,
        category=wanted.category or None,
        text=wanted.text or None,
        checked_before=cutoff if wanted.stale else None,
    )
    language = (await texts(request)).language
    pages = max(1, -(-total // PER_PAGE))
    context = {
        **words,
        **{"rows": listed(tables, ids, language), "total": total, "wanted": wanted},
        **{"stale_count": stale, "pages": pages, "query": wanted.query()},
        "all_categories": list(Category),
    }
    return await render(request, "services.html", context)


async def _found(request: web.Request) -> tuple[str, list[dict[str, str]]]:
    """The service of the path and its sheet rows; 404 for a malformed or unknown id."""
    raw = request.match_info["id"]
    try:
        service_id = str(uuid.UUID(raw))
    except ValueError:
        raise web.HTTPNotFound() from None
    tables = await request.app[SERVICES].service.tree(service_id)
    if not any(row.get("id") == service_id for row in tables.of("services")):
        raise web.HTTPNotFound()
    return service_id, simple_rows(tables)


async def _service_page(
    request: web.Request, service_id: str, **context: object
) -> web.StreamResponse:
    directory = request.app[SERVICES]
    tables = await directory.service.tree(service_id)
    language = (await texts(request)).language
    shown = detail(tables, service_id, language, directory.clock(), directory.service.regions.zone)
    accounts = await request.app[DASHBOARD].accounts.accounts()
    names = {staff.id: staff.name for staff, _ in accounts}  # who checked it, by id
    full = {**await _words(request), "s": shown, "names": names, **context}
    return await render(request, "service.html", full)


@page(Role.SPECIALIST)
async def service_page(request: web.Request) -> web.StreamResponse:
    """GET /staff/services/{id}: everything about one service."""
    service_id, _ = await _found(request)
    return await _service_page(request, service_id)


async def _form(
    request: web.Request,
    given: dict[str, str],
    problems: dict[str, str],
    *,
    service_id: str | None,
    others: bool = False,
    status: int = 200,
) -> web.Response:
    context = {
        "others": others,
        **await _words(request),
        **{"given": given, "problems": problems, "service_id": service_id},
        **{"service_fields": SERVICE_FIELDS, "place_fields": PLACE_FIELDS},
        **{"translated_fields": TRANSLATED_FIELDS, "long_fields": LONG_FIELDS},
        **{"locales": LANGUAGES, "all_categories": list(Category)},
    }
    return await render(request, "service_form.html", context, status=status)


async def _save(
    request: web.Request, rows: list[dict[str, str]], given: dict[str, str], action: str
) -> web.StreamResponse:
    """Store the rows, or the form again with each field's problem and nothing changed."""
    old_id = rows[0].get("service_id") or None
    try:
        service_id = await request.app[SERVICES].service.save(rows)
    except DirectoryError as exc:
        problems: dict[str, str] = {}
        for problem in exc.problems:
            problems.setdefault(problem.field, problem.reason)
        others = len(rows) > 1
        return await _form(request, given, problems, service_id=old_id, others=others, status=400)
    name = given.get("service", "")[:MAX_REASON]
    await request.app[DASHBOARD].accounts.audit(_me(request).staff.id, action, None, reason=name)
    raise web.HTTPSeeOther(f"{SERVICES_PATH}/{service_id}")


@page(Role.SUPERVISOR)
async def add_form(request: web.Request) -> web.StreamResponse:
    """GET /staff/services/new: an empty form."""
    given = {"status": "active", "country": request.app[SERVICES].service.regions.country}
    return await _form(request, given, {}, service_id=None)


@page(Role.SUPERVISOR)
async def add(request: web.Request) -> web.StreamResponse:
    """POST /staff/services/new: add a service, checked as an import checks it."""
    given = form_cells(await request.post())
    return await _save(request, edited_rows([], given), given, "service:add")


@page(Role.SUPERVISOR)
async def edit_form(request: web.Request) -> web.StreamResponse:
    """GET /staff/services/{id}/edit: the form, filled with the service (its first place)."""
    service_id, rows = await _found(request)
    return await _form(request, rows[0], {}, service_id=service_id, others=len(rows) > 1)


@page(Role.SUPERVISOR)
async def edit(request: web.Request) -> web.StreamResponse:
    """POST /staff/services/{id}/edit: change a service; its other places are kept."""
    _, rows = await _found(request)
    given = form_cells(await request.post())
    return await _save(request, edited_rows(rows, given), given, "service:edit")


@page(Role.SUPERVISOR)
async def mark_checked(request: web.Request) -> web.StreamResponse:
    """POST /staff/services/{id}/checked: checked today, by the signed-in person."""
    service_id, rows = await _found(request)
    directory = request.app[SERVICES]
    me = _me(request).staff.id
    today = directory.today()
    await directory.service.mark_checked(service_id, today, me)
    name = rows[0].get("service", "")[:MAX_REASON]
    await request.app[DASHBOARD].accounts.audit(me, "service:checked", None, reason=name)
    return await _service_page(request, service_id, checked=today)
