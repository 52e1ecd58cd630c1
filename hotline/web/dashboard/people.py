"""The participants pages: the caseload (search, filters, pages), enrolment, a participant's
timeline, the release date, withdrawal, and their contact details behind a "show" that is
written to the audit log. A specialist sees only their own participants."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from aiohttp import web
from babel.dates import format_date

from hotline.accounts import may
from hotline.accounts.service import ActiveSession
from hotline.bootstrap import Hotline
from hotline.catalog import shipped_languages
from hotline.dashboard_texts import DashboardText
from hotline.escalation.roster import Role
from hotline.participants.caseload import CaseloadFilter, select
from hotline.participants.caseload_service import CaseloadService
from hotline.participants.fields import Rules
from hotline.participants.model import CASE_RE, Participant, ParticipantError, valid_zone
from hotline.participants.service import ParticipantService
from hotline.reminders.step_words import StepWords, step_words
from hotline.web.dashboard.layout import DASHBOARD, PREFIX, Texts, render, session_of, texts
from hotline.web.dashboard.people_forms import (
    ANSWERS,
    CHANNELS,
    FAMILY_SLOTS,
    OUTCOMES,
    STATUSES,
    enrol_fields,
    filter_of,
    page_of,
)
from hotline.web.dashboard.sessions import forbidden, page

__all__ = ["PEOPLE", "PEOPLE_PATH", "People", "install", "routes"]

PEOPLE_PATH = PREFIX + "/participants"
NEW_PATH = PEOPLE_PATH + "/new"
MAX_REASON = 200  # the audit log's reason column


@dataclass(frozen=True)
class People:
    """The services the participants pages call."""

    participants: ParticipantService
    caseload: CaseloadService
    steps: dict[tuple[str, str], StepWords]  # each campaign step in words, by (campaign, id)


PEOPLE = web.AppKey("people", People)


def install(app: web.Application, hotline: Hotline) -> None:
    """The participants service with the deployment's rules, as `hotline participants`."""
    settings = hotline.settings
    campaigns = hotline.core.campaigns
    rules = Rules(
        languages=shipped_languages(),
        default_region=settings.default_region,
        programs=campaigns.keys(),
    )
    units = hotline.database.units
    app[PEOPLE] = People(
        ParticipantService(units, rules, hotline.clock, campaigns),
        CaseloadService(units, hotline.core.cipher),
        step_words(campaigns),
    )


def routes() -> list[web.AbstractRouteDef]:
    """The participants pages' routes."""
    case = PEOPLE_PATH + "/{case}"
    return [
        web.get(PEOPLE_PATH, caseload),
        web.get(NEW_PATH, enrol_form),
        web.post(NEW_PATH, enrol),
        web.get(case, participant),
        web.post(case + "/release", set_release),
        web.get(case + "/withdraw", withdraw_form),
        web.post(case + "/withdraw", withdraw),
        web.post(case + "/contacts", show_contacts),
    ]


def _me(request: web.Request) -> ActiveSession:
    session = session_of(request)
    if session is None:  # the guard lets nobody through without one
        raise web.HTTPSeeOther(PREFIX + "/")
    return session


def _own_only(session: ActiveSession) -> str | None:
    """A specialist's own id: they see their own participants only."""
    return None if may(session.staff.role, Role.SUPERVISOR) else session.staff.id


@page(Role.SPECIALIST)
async def caseload(request: web.Request) -> web.StreamResponse:
    """GET /staff/participants: search, filters, one page of the caseload."""
    own = _own_only(_me(request))
    wanted = filter_of(request.query, own)
    rows = await request.app[PEOPLE].caseload.rows(own)
    found = select(rows, wanted, page_of(request.query))
    board = await request.app[DASHBOARD].board.current()
    names = {person.id: person.name for person in (board.roster.staff if board.roster else ())}
    specialists = sorted({row.participant.specialist for row in rows})
    return await render(
        request,
        "people.html",
        {**await _words(request), "found": found, "wanted": wanted, "specialists": specialists,
         "own": own, "query": _query(wanted), "names": names},
    )  # fmt: skip


def _query(wanted: CaseloadFilter) -> str:
    """The filters as a query string (for the page links), escaped by the template."""
    pairs = {
        "q": wanted.query,
        "status": wanted.status.value if wanted.status else "",
        "specialist": wanted.specialist or "",
        "from": wanted.next_from.isoformat() if wanted.next_from else "",
        "until": wanted.next_until.isoformat() if wanted.next_until else "",
        "quiet": "1" if wanted.no_answer else "",
    }
    return urlencode({k: v for k, v in pairs.items() if v})


async def _words(request: web.Request) -> dict[str, Any]:
    """The words of the program's codes, and `day`: a date in the reader's language."""
    language = (await texts(request)).language

    def day(moment: date | None) -> str:
        return "" if moment is None else str(format_date(moment, "medium", locale=language))

    return {
        "statuses": STATUSES,
        "channels": CHANNELS,
        "answers": ANSWERS,
        "outcomes": OUTCOMES,
        "day": day,
    }


async def _enrol_page(
    request: web.Request, given: dict[str, str], problems: dict[str, str], status: int = 200
) -> web.Response:
    people = request.app[PEOPLE]
    rules = people.participants.rules
    context = {
        **await _words(request),
        "given": given,
        "problems": problems,
        "programs": sorted(rules.programs or ()),
        "locales": list(rules.languages),
        "family_slots": range(1, FAMILY_SLOTS + 1),
        "own": _own_only(_me(request)),
    }
    return await render(request, "person_enrol.html", context, status=status)


@page(Role.SPECIALIST)
async def enrol_form(request: web.Request) -> web.StreamResponse:
    """GET /staff/participants/new: the enrolment form."""
    return await _enrol_page(request, {"specialist": _me(request).staff.id}, {})


@page(Role.SPECIALIST)
async def enrol(request: web.Request) -> web.StreamResponse:
    """POST /staff/participants/new: enrol, or the form again with each field's problem."""
    session = _me(request)
    fields = enrol_fields(await request.post())
    own = _own_only(session)
    if own is not None:
        fields["specialist"] = own  # a specialist enrols for their own caseload
    try:
        added = await request.app[PEOPLE].participants.add(fields)
    except ParticipantError as exc:
        problems = {problem.field: problem.reason for problem in exc.problems}
        return await _enrol_page(request, fields, problems, status=400)
    await request.app[DASHBOARD].accounts.audit(session.staff.id, "participant:enrol", added.case)
    raise web.HTTPSeeOther(f"{PEOPLE_PATH}/{added.case}")


async def _theirs(request: web.Request) -> Participant | web.Response:
    """The participant of the path, if the signed-in person may see them: 404 for an
    unknown or malformed case code, 403 for another specialist's participant."""
    case = request.match_info["case"].strip().upper()
    if not CASE_RE.match(case):
        raise web.HTTPNotFound()
    try:
        found = await request.app[PEOPLE].participants.get(case)
    except ParticipantError:
        raise web.HTTPNotFound() from None
    own = _own_only(_me(request))
    if own is not None and found.specialist != own:
        return await forbidden(request, DashboardText.DASH_PEOPLE_NOT_YOURS)
    return found


async def _person_page(
    request: web.Request, participant: Participant, status: int = 200, **context: object
) -> web.Response:
    timeline = await request.app[PEOPLE].caseload.timeline(participant.case)
    zone_name = participant.timezone
    t = Texts(
        request.app[DASHBOARD].catalog,
        (await texts(request)).language,
        ZoneInfo(zone_name) if valid_zone(zone_name) else ZoneInfo("UTC"),
    )
    board = await request.app[DASHBOARD].board.current()
    staff = board.roster.staff if board.roster else ()
    names = {person.id: person.name for person in staff}
    family = {relative.id: number for number, relative in enumerate(participant.family, 1)}
    words = request.app[PEOPLE].steps

    def step(campaign: str, step_id: str) -> str:
        """A step as staff read it; its id when the campaign no longer has it."""
        found = words.get((campaign, step_id))
        if found is None:
            return step_id
        kind = t(DashboardText.DASH_STEP_KIND, what=found.what)
        return f"{kind} · {t(found.when, months=found.count, days=found.count)}"

    full = {
        **await _words(request),
        **{"p": participant, "timeline": timeline, "local": t, "names": names},
        **{"family_numbers": family, "step": step, **context},
    }
    return await render(request, "person.html", full, status=status)


@page(Role.SPECIALIST)
async def participant(request: web.Request) -> web.StreamResponse:
    """GET /staff/participants/{case}: the timeline; contact details hidden."""
    found = await _theirs(request)
    if isinstance(found, web.Response):
        return found
    return await _person_page(request, found)


@page(Role.SPECIALIST)
async def set_release(request: web.Request) -> web.StreamResponse:
    """POST /staff/participants/{case}/release: move the release date; the plan follows."""
    found = await _theirs(request)
    if isinstance(found, web.Response):
        return found
    form = await request.post()
    raw = form.get("release", "")
    release = raw.strip()[:20] if isinstance(raw, str) else ""
    try:
        _, changed = await request.app[PEOPLE].participants.set_release(found.case, release)
    except ParticipantError as exc:
        problems = {problem.field: problem.reason for problem in exc.problems}
        return await _person_page(request, found, 400, problems=problems)
    await request.app[DASHBOARD].accounts.audit(
        _me(request).staff.id, "participant:release", found.case
    )
    return await _person_page(request, changed, released=changed.release)


@page(Role.SPECIALIST)
async def withdraw_form(request: web.Request) -> web.StreamResponse:
    """GET /staff/participants/{case}/withdraw: are you sure?"""
    found = await _theirs(request)
    if isinstance(found, web.Response):
        return found
    return await render(request, "person_withdraw.html", {"p": found})


@page(Role.SPECIALIST)
async def withdraw(request: web.Request) -> web.StreamResponse:
    """POST /staff/participants/{case}/withdraw: they leave the program; nothing more is sent."""
    found = await _theirs(request)
    if isinstance(found, web.Response):
        return found
    changed = await request.app[PEOPLE].participants.withdraw(found.case)
    await request.app[DASHBOARD].accounts.audit(
        _me(request).staff.id, "participant:withdraw", found.case
    )
    return await _person_page(request, changed, withdrawn=True)


@page(Role.SPECIALIST)
async def show_contacts(request: web.Request) -> web.StreamResponse:
    """POST /staff/participants/{case}/contacts: the contact details, with a reason that
    the audit log keeps (who, when, which participant, why)."""
    found = await _theirs(request)
    if isinstance(found, web.Response):
        return found
    form = await request.post()
    raw = form.get("reason", "")
    reason = " ".join(raw.split())[:MAX_REASON] if isinstance(raw, str) else ""
    if not reason:
        return await _person_page(request, found, 400, reason_missing=True)
    await request.app[DASHBOARD].accounts.audit(
        _me(request).staff.id, "participant:contacts", found.case, reason=reason
    )
    return await _person_page(request, found, contacts=True)
