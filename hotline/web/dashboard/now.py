"""Now: the live queue of open work (with each item's timeline), Take / Done / Call back
through the escalation service, who is on duty and the languages not covered; the queue as a
fragment the page's own script fetches every few seconds. A chat case or question the reader
holds shows its conversation and a reply box (`replies`)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

from aiohttp import web
from babel.dates import format_timedelta

from hotline.accounts import may
from hotline.channels.voicemail_audio import Recordings, RecordingUnavailable
from hotline.dashboard_texts import DashboardText
from hotline.escalation.case_chat import MAX_REPLY_CHARS, CaseChat, Said
from hotline.escalation.model import Kind
from hotline.escalation.queue import OpenWork, View, can_call_back, visible, waiting
from hotline.escalation.reach import Assignment, StaffNote
from hotline.escalation.roster import Role, Staff, languages_covered, on_duty
from hotline.escalation.service import EscalationService
from hotline.escalation.timeline import Entry
from hotline.messages import MessageId
from hotline.web.dashboard.layout import DASHBOARD, Texts, render, session_of, texts
from hotline.web.dashboard.pages import NOW_PATH
from hotline.web.dashboard.sessions import forbidden, page

__all__ = ["CASE_CHAT", "QUEUE_PATH", "install", "me_of", "now_context", "routes"]

QUEUE_PATH = NOW_PATH + "/queue"
ESCALATIONS = web.AppKey("now_escalations", EscalationService)
OFFERED = web.AppKey("now_offered_languages", tuple[str, ...])  # what callers may speak
CASE_CHAT = web.AppKey("now_case_chat", CaseChat)
RECORDINGS = web.AppKey("now_recordings", Recordings)  # absent without a Twilio account
_ID_MAX = 36  # an escalation id is a UUID
VOICEMAIL = "voicemail"  # the kind of a task that holds a recording
_SUCCESS = {MessageId.STAFF_CALLBACK_RINGING, MessageId.STAFF_CASE_CLOSED}


def install(
    app: web.Application,
    service: EscalationService,
    chat: CaseChat,
    offered: tuple[str, ...],
    recordings: Recordings | None = None,
) -> None:
    """Give the Now page the escalation service it is one more client of, the conversations
    of the cases its readers hold, the languages the hotline offers callers (a language
    nobody on duty speaks is one of these), and voicemails' recordings at Twilio."""
    app[ESCALATIONS] = service
    app[CASE_CHAT] = chat
    app[OFFERED] = offered
    if recordings is not None:
        app[RECORDINGS] = recordings


def routes() -> list[web.AbstractRouteDef]:
    """The routes of Now."""
    return [
        web.get(NOW_PATH, now),
        web.get(QUEUE_PATH, queue),
        web.post(NOW_PATH + "/{id}/{verb:take|done|call-back}", act),
        web.get(NOW_PATH + "/{id}/recording", recording),
    ]


@dataclass(frozen=True)
class Item:
    """An item of the queue as the page shows it, worded in the reader's language."""

    work: OpenWork
    description: str
    age: str
    holder: str
    story: tuple[tuple[datetime, str, str], ...]  # (when, the time as read, what happened)
    can_take: bool
    can_finish: bool
    can_call_back: bool
    conversation: tuple[Said, ...] | None = None  # a chat case or question of the reader's
    can_reply: bool = False  # and a reply can reach its person
    can_listen: bool = False  # a voicemail the reader holds, its recording at Twilio

    @property
    def id(self) -> str:
        """The escalation's id."""
        return self.work.record.id


@page(Role.SPECIALIST)
async def now(request: web.Request) -> web.StreamResponse:
    """GET /staff/now: the queue, who is on duty now and until when, languages not covered."""
    return await render(request, "now.html", await now_context(request))


@page(Role.SPECIALIST)
async def queue(request: web.Request) -> web.StreamResponse:
    """GET /staff/now/queue: the queue alone, for the page to refresh itself."""
    return await render(request, "now_queue.html", await now_context(request))


@page(Role.SPECIALIST)
async def act(request: web.Request) -> web.StreamResponse:
    """POST /staff/now/{id}/take|done|call-back: the same rules and refusals as the desk."""
    me = me_of(request)
    service = request.app[ESCALATIONS]
    escalation_id = request.match_info["id"][:_ID_MAX]
    record = await service.get(escalation_id)
    if record is not None and not _may_see(record.kind, record.assigned_to, record.staff_id, me):
        return await forbidden(request, DashboardText.DASH_FORBIDDEN)
    if record is not None and record.kind == Kind.CALL:  # taken by answering the phone
        raise web.HTTPBadRequest(text="A live call is taken by answering it.")
    verb = request.match_info["verb"]
    notes: list[StaffNote] = []
    assignment: Assignment | None = None
    refused = False
    if verb == "take":
        taken = await service.take(escalation_id, me)
        if isinstance(taken, StaffNote):
            notes, refused = [taken], True
        else:
            assignment = taken
            notes = [StaffNote.of(DashboardText.DASH_NOW_TAKEN)]
            if taken is not None:
                await request.app[CASE_CHAT].taken(taken)
    elif verb == "done" and record is not None and record.kind == Kind.CHAT:
        closed = await service.close(me, escalation_id)
        if closed is not None:
            notes, refused = [closed], closed.message not in _SUCCESS
    elif verb == "done":
        refusal = await service.done(escalation_id, me)
        notes = [refusal or StaffNote.of(DashboardText.DASH_NOW_DONE)]
        refused = refusal is not None
    else:
        rang = await service.call_back(escalation_id, me)
        notes, refused = [rang], rang.message not in _SUCCESS
    context = await now_context(request)
    t: Texts = context["_"]
    context["notes"] = [t.catalog.format(t.language, n.message, dict(n.args)) for n in notes]
    context["refused"] = refused
    context["assignment"] = assignment
    return await render(request, "now.html", context, status=409 if refused else 200)


@page(Role.SPECIALIST)
async def recording(request: web.Request) -> web.StreamResponse:
    """GET /staff/now/{id}/recording: a voicemail's recording, fetched from Twilio for the
    one who holds the task (and written in the audit log); 404 for anyone else."""
    me = me_of(request)
    recordings = request.app.get(RECORDINGS)
    record = await request.app[ESCALATIONS].get(request.match_info["id"][:_ID_MAX])
    if recordings is None or record is None or record.staff_id != me.id:
        raise web.HTTPNotFound(text="No recording of yours here.")
    sid = await recordings.of(record.id)
    if sid is None:
        raise web.HTTPNotFound(text="No recording of yours here.")
    t = await texts(request)
    try:
        audio = await recordings.fetch(sid)
    except RecordingUnavailable:
        raise web.HTTPNotFound(text=t(MessageId.STAFF_VOICEMAIL_UNAVAILABLE)) from None
    await request.app[DASHBOARD].accounts.audit(me.id, "voicemail:listen")
    return web.Response(
        body=audio, content_type="audio/mpeg", headers={"Cache-Control": "no-store"}
    )


def me_of(request: web.Request) -> Staff:
    """The signed-in person (the guard has loaded their session)."""
    session = session_of(request)
    if session is None:
        raise web.HTTPForbidden()
    return session.staff


def _may_see(kind: Kind, assigned_to: str | None, holder: str | None, me: Staff) -> bool:
    """A program or check-in task is for its specialist (and supervisors); the rest for all."""
    return kind != Kind.TASK or may(me.role, Role.SUPERVISOR) or me.id in (assigned_to, holder)


async def now_context(request: web.Request) -> dict[str, Any]:
    """What the page and its fragment show, for the signed-in reader."""
    dashboard = request.app[DASHBOARD]
    me = me_of(request)
    try:
        view = View(request.query.get("view", View.ALL))
    except ValueError:
        view = View.ALL
    snapshot = await dashboard.board.current()
    moment = dashboard.accounts.clock()
    roster = snapshot.roster
    names = {p.id: p.name for p in (roster.staff if roster else ())}
    everything = await request.app[ESCALATIONS].open_work()
    all_tasks = may(me.role, Role.SUPERVISOR)
    t = await texts(request)
    items = [
        _item(work, t, me, names, moment, RECORDINGS in request.app)
        for work in visible(everything, me.id, all_tasks=all_tasks, view=view)
    ]
    chat = request.app[CASE_CHAT]
    for index, found in enumerate(items):
        said = await chat.conversation(found.work.record, me)  # the holder's alone
        if said is not None:
            reaches = chat.reaches(found.work.record)
            items[index] = replace(found, conversation=tuple(said), can_reply=reaches)
    covered = languages_covered(roster, moment) if roster is not None else frozenset()
    return {
        "_": t,
        "roster": roster,
        "duties": on_duty(roster, moment) if roster is not None else (),
        "uncovered": [code for code in request.app[OFFERED] if code not in covered],
        "items": items,
        "waiting": waiting(visible(everything, me.id, all_tasks=all_tasks)),
        "view": view.value,
        "views": [v.value for v in View],
        "queue_path": QUEUE_PATH,
        "now_path": NOW_PATH,
        "notes": [],
        "refused": False,
        "assignment": None,
        "drafts": {},
        "reply_max": MAX_REPLY_CHARS,
    }


def _item(
    work: OpenWork,
    t: Texts,
    me: Staff,
    names: dict[str, str],
    now: datetime,
    listening: bool,
) -> Item:
    record = work.record
    if record.staff_id == me.id:
        holder = t(DashboardText.DASH_NOW_YOURS)
    elif record.staff_id is not None:
        holder = t(
            DashboardText.DASH_NOW_TAKEN_BY, name=names.get(record.staff_id, record.staff_id)
        )
    elif record.assigned_to is not None:
        name = names.get(record.assigned_to, record.assigned_to)
        holder = t(DashboardText.DASH_NOW_FOR, name=name)
    else:
        holder = t(DashboardText.DASH_NOW_NOBODY_YET)
    if record.kind == Kind.CALL:
        description = t(DashboardText.DASH_NOW_LIVE_CALL, code=record.language)
    else:
        description = t(work.description.message, **dict(work.description.args))
    ago = min(record.started_at - now, -timedelta(seconds=1))  # never "in 0 seconds"
    age = format_timedelta(ago, add_direction=True, locale=t.language, threshold=1)
    mine = record.staff_id == me.id
    return Item(
        work=work,
        description=description,
        age=str(age),
        holder=holder,
        story=tuple((e.at, t.clock(e.at), _entry(t, e, now)) for e in work.timeline),
        can_take=record.staff_id is None and record.kind != Kind.CALL,
        can_finish=mine and record.kind != Kind.CALL,
        can_call_back=mine and can_call_back(record.kind, work.description),
        can_listen=mine and listening and work.task == VOICEMAIL,
    )


def _entry(t: Texts, entry: Entry, now: datetime) -> str:
    """A timeline line in the reader's words; a time in their locale and the roster's zone."""
    args: dict[str, str | int] = {}
    for name, value in entry.args.items():
        if isinstance(value, datetime):
            same_day = value.astimezone(t.zone).date() == now.astimezone(t.zone).date()
            args[name] = t.clock(value) if same_day else t.when(value)
        else:
            args[name] = value
    return t(entry.message, **args)
