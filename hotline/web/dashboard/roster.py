"""The roster page (supervisors and admins): the week as a calendar, the hours whose languages
nobody on duty speaks, and forms that add, change and remove shifts and holidays through the
roster desk (the rules of `hotline roster import`). Every change is written to the audit log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from aiohttp import web
from babel.dates import format_date, get_day_names

from hotline.accounts.calendar import CalendarFeeds
from hotline.bootstrap import Hotline
from hotline.escalation import roster_file
from hotline.escalation.roster import OneOffShift, Role, Roster, RosterError, Weekday, WeeklyShift
from hotline.escalation.roster.edits import Change
from hotline.escalation.roster.week import monday_of, week_of
from hotline.escalation.roster_desk import RosterDesk
from hotline.web.dashboard.layout import DASHBOARD, PREFIX, language_of, render, session_of
from hotline.web.dashboard.sessions import page

__all__ = ["ROSTER_DESK", "ROSTER_PATH", "RosterPage", "routes", "setup"]

ROSTER_PATH = PREFIX + "/roster"
_KINDS = ("weekly", "once", "holiday")
_DAYS = tuple(day.name.lower() for day in Weekday)
_MAX_FIELD = 120  # every field of these forms (and a key of an entry) is shorter


@dataclass(frozen=True)
class RosterPage:
    """What the roster and calendar pages need besides the dashboard's own state."""

    desk: RosterDesk
    feeds: CalendarFeeds
    languages: tuple[str, ...]  # the deployment's: a gap is one of these nobody speaks


ROSTER_DESK = web.AppKey("roster_page", RosterPage)


def setup(app: web.Application, hotline: Hotline) -> None:
    """The roster desk and the calendar feeds on the app."""
    app[ROSTER_DESK] = RosterPage(
        desk=RosterDesk(hotline.core.database.staff, hotline.board, hotline.clock),
        feeds=CalendarFeeds(hotline.core.database.units, hotline.clock),
        languages=hotline.core.chat_languages.offered,
    )


def routes() -> list[web.AbstractRouteDef]:
    """The roster page's routes."""
    return [
        web.get(ROSTER_PATH, roster_page),
        web.post(ROSTER_PATH + "/{kind}", change_roster),
    ]


# The page -----------------------------------------------------------------------------------


@page(Role.SUPERVISOR)
async def roster_page(request: web.Request) -> web.StreamResponse:
    """GET /staff/roster?week=YYYY-MM-DD: the week (this one by default) and the forms."""
    desk = request.app[ROSTER_DESK].desk
    roster = await desk.roster()
    week = _week_asked(request.query.get("week"))
    return await _render(request, roster, week, saved=request.query.get("saved") == "1")


async def _render(
    request: web.Request,
    roster: Roster | None,
    week: date | None,
    *,
    saved: bool = False,
    errors: Mapping[str, tuple[str, ...]] | None = None,
    typed: Mapping[str, Mapping[str, Any]] | None = None,
    status: int = 200,
) -> web.Response:
    state = request.app[ROSTER_DESK]
    language = language_of(request)
    context: dict[str, Any] = {
        "roster": roster,
        "saved": saved,
        "errors": errors or {},
        "typed": typed or {},
        "day_keys": _DAYS,
        "day_names": get_day_names("abbreviated", locale=language),
    }
    if roster is not None:
        now = request.app[DASHBOARD].accounts.clock()
        monday = monday_of(week or now.astimezone(roster.zone).date())
        view = week_of(roster, monday, state.languages)
        names = {person.id: person.name for person in roster.staff}
        context.update(
            week=view,
            monday=monday.isoformat(),
            previous=(monday - timedelta(days=7)).isoformat(),
            following=(monday + timedelta(days=7)).isoformat(),
            first=_day(monday, language),
            last=_day(monday + timedelta(days=6), language),
            day_label={d: _day(d, language) for d in view.days},
            names=names,
            weekly=[(_weekly_key(s), s) for s in roster.weekly],
            once=[(_once_key(s), s) for s in roster.once],
            holidays=[(d.isoformat(), _day(d, language)) for d in sorted(roster.holidays)],
        )
    return await render(request, "roster.html", context, status=status)


def _day(day: date, language: str) -> str:
    return str(format_date(day, "EEE d MMM", locale=language))


def _week_asked(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        raise web.HTTPBadRequest(text="week must be a date YYYY-MM-DD") from None


# Changes ------------------------------------------------------------------------------------


@page(Role.SUPERVISOR)
async def change_roster(request: web.Request) -> web.StreamResponse:
    """POST /staff/roster/{weekly|once|holiday}: add (no `old`), change (`old` and the new
    fields) or remove (`old` and action=remove) one entry."""
    kind = request.match_info["kind"]
    if kind not in _KINDS:
        raise web.HTTPNotFound()
    form = await request.post()
    fields = {key: str(value)[:_MAX_FIELD] for key, value in form.items() if isinstance(value, str)}
    days = [str(v)[:_MAX_FIELD] for v in form.getall("days", []) if isinstance(v, str)][:7]
    old_key = fields.get("old", "")
    remove = fields.get("action") == "remove"
    form_id = old_key or f"add-{kind}"
    week = _week_asked(fields.get("week"))
    desk = request.app[ROSTER_DESK].desk
    try:
        old = _entry(kind, _key_fields(kind, old_key)) if old_key else None
        new = None if remove else _entry(kind, {**fields, "days": days})
        if old is None and new is None:
            raise web.HTTPBadRequest(text="nothing to remove")
        await desk.apply(Change(old=old, new=new))
    except RosterError as exc:
        typed = {form_id: {**fields, "days": days}}
        roster = await desk.roster()
        errors = {form_id: exc.problems}
        return await _render(request, roster, week, errors=errors, typed=typed, status=400)
    session = session_of(request)
    if session is not None:
        action = "remove" if new is None else ("add" if old is None else "change")
        await request.app[DASHBOARD].accounts.audit(session.staff.id, f"roster:{action}-{kind}")
    target = f"{ROSTER_PATH}?saved=1" + (f"&week={week.isoformat()}" if week else "")
    raise web.HTTPSeeOther(target)


def _entry(kind: str, fields: Mapping[str, Any]) -> WeeklyShift | OneOffShift | date:
    """A form's fields through the roster file's own reading of an entry."""
    if kind == "holiday":
        return roster_file.holiday_entry(str(fields.get("day", "")), "the new holiday")
    where = "the new shift"
    entry: dict[str, Any] = {
        "staff": str(fields.get("staff", "")),
        "from": str(fields.get("from", "")),
        "to": str(fields.get("to", "")),
    }
    if kind == "weekly":
        entry["days"] = [str(d) for d in fields.get("days", [])]
        return roster_file.weekly_entry(entry, where)
    return roster_file.once_entry(entry, where)


# An entry's key in a form: its fields in the file's text forms, joined by '|'.


def _weekly_key(shift: WeeklyShift) -> str:
    days = ",".join(Weekday(d).name.lower() for d in sorted(shift.days))
    return f"{shift.staff_id}|{days}|{shift.start:%H:%M}|{shift.end:%H:%M}"


def _once_key(one: OneOffShift) -> str:
    return f"{one.staff_id}|{_minutes(one.start)}|{_minutes(one.end)}"


def _minutes(moment: datetime) -> str:
    return moment.isoformat(timespec="minutes")


def _key_fields(kind: str, key: str) -> dict[str, Any]:
    parts = key.split("|")
    if kind == "holiday":
        return {"day": key}
    if kind == "weekly" and len(parts) == 4:
        return {"staff": parts[0], "days": parts[1].split(","), "from": parts[2], "to": parts[3]}
    if kind == "once" and len(parts) == 3:
        return {"staff": parts[0], "from": parts[1], "to": parts[2]}
    raise web.HTTPBadRequest(text="malformed entry key")
