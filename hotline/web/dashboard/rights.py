"""A participant's data on the dashboard, for supervisors: an export (a readable page in the
participant's language, or JSON) and erasure, each with a reason the audit log keeps; the
erasure asks for the case code typed again. Also the export page itself (`export_html`),
which `hotline data export` writes too."""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from zoneinfo import ZoneInfo

import jinja2
from aiohttp import web

from hotline.bootstrap import Hotline
from hotline.catalog import Catalog
from hotline.escalation.roster import Role
from hotline.messages import Registered
from hotline.participants.model import CASE_RE, ParticipantError, valid_zone
from hotline.rights import Export, RightsError, RightsService, Whom
from hotline.rights.model import plain, reason_of
from hotline.web.dashboard.layout import (
    DASHBOARD,
    PREFIX,
    TEMPLATE_TEXTS,
    WEB_DIR,
    Texts,
    render,
    session_of,
)
from hotline.web.dashboard.people import PEOPLE
from hotline.web.dashboard.people_forms import ANSWERS, CHANNELS, OUTCOMES, STATUSES
from hotline.web.dashboard.sessions import page

__all__ = ["RIGHTS", "export_html", "export_json", "install", "routes"]

RIGHTS = web.AppKey("rights", RightsService)
_CASE_PATH = PREFIX + "/participants/{case}"


def install(app: web.Application, hotline: Hotline) -> None:
    """The rights service on the deployment's database."""
    settings = hotline.settings
    app[RIGHTS] = RightsService(
        hotline.database.units, hotline.clock, default_region=settings.default_region
    )


def routes() -> list[web.AbstractRouteDef]:
    """The export and erasure routes of a participant."""
    return [
        web.get(_CASE_PATH + "/data", data_page),
        web.post(_CASE_PATH + "/export", export),
        web.post(_CASE_PATH + "/erase", erase),
    ]


@cache
def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(WEB_DIR / "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
    )


def export_html(made: Export, catalog: Catalog) -> str:
    """The export as a printable page in the person's language, times in their zone."""
    subject = made.subject
    language = subject.language if subject.language in catalog.languages else "en"
    zone = subject.timezone if valid_zone(subject.timezone) else "UTC"
    t = Texts(catalog, language, ZoneInfo(zone))

    def word(words: Mapping[str, Registered], code: str | None) -> str:
        """A code (a status, a channel, an answer) in words where the dashboard has them."""
        found = words.get(code or "")
        return code or "" if found is None else t(found)

    template = _templates().get_template("rights_export.html")
    return template.render(
        _=t, M=TEMPLATE_TEXTS, d=made.document, lang=language, zone=zone, word=word,
        statuses=STATUSES, channels=CHANNELS, answers=ANSWERS, outcomes=OUTCOMES,
    )  # fmt: skip


def export_json(made: Export) -> str:
    """The export as JSON (UTF-8 text, times in ISO 8601 UTC)."""
    return json.dumps(plain(made.document), ensure_ascii=False, indent=2) + "\n"


async def _known(request: web.Request) -> str:
    """The case code of the path, of an enrolled participant (else 404)."""
    case = request.match_info["case"].strip().upper()
    if not CASE_RE.match(case):
        raise web.HTTPNotFound()
    try:
        await request.app[PEOPLE].participants.get(case)
    except ParticipantError:
        raise web.HTTPNotFound() from None
    return case


def _by(request: web.Request) -> str:
    session = session_of(request)
    if session is None:  # the guard lets nobody through without one
        raise web.HTTPSeeOther(PREFIX + "/")
    return session.staff.id


async def _page(
    request: web.Request, case: str, status: int = 200, **context: object
) -> web.Response:
    return await render(request, "person_data.html", {"case": case, **context}, status=status)


@page(Role.SUPERVISOR)
async def data_page(request: web.Request) -> web.StreamResponse:
    """GET /staff/participants/{case}/data: export or erase, each with a reason."""
    return await _page(request, await _known(request))


@page(Role.SUPERVISOR)
async def export(request: web.Request) -> web.StreamResponse:
    """POST /staff/participants/{case}/export: the download (`format` html or json), with
    the reason in the audit log; the page again with 400 without a reason."""
    case = await _known(request)
    form = await request.post()
    kind = form.get("format", "html")
    if kind not in ("html", "json"):
        raise web.HTTPBadRequest(text="format: html or json")
    try:
        reason = reason_of(str(form.get("reason", "")))
    except RightsError:
        return await _page(request, case, 400, export_reason_missing=True)
    try:
        made = await request.app[RIGHTS].export(Whom(case=case), _by(request), reason)
    except RightsError:  # erased meanwhile
        raise web.HTTPNotFound() from None
    if kind == "json":
        body, content_type = export_json(made), "application/json"
    else:
        body, content_type = export_html(made, request.app[DASHBOARD].catalog), "text/html"
    response = web.Response(text=body, content_type=content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{case}-data.{kind}"'
    return response


@page(Role.SUPERVISOR)
async def erase(request: web.Request) -> web.StreamResponse:
    """POST /staff/participants/{case}/erase: erase everything, once the case code is typed
    again and a reason given (the page again with 400 otherwise)."""
    case = await _known(request)
    form = await request.post()
    typed = str(form.get("confirm", "")).strip().upper()
    try:
        reason = reason_of(str(form.get("reason", "")))
    except RightsError:
        return await _page(request, case, 400, erase_reason_missing=True)
    if typed != case:
        return await _page(request, case, 400, mismatch=True)
    try:
        await request.app[RIGHTS].erase(Whom(case=case), _by(request), reason)
    except RightsError:  # erased meanwhile
        raise web.HTTPNotFound() from None
    return await _page(request, case, erased=True)
