"""A specialist's reply on Now to the person of the chat case or question they hold: sent
through the escalation service (`CaseChat.write`), refused with the reader's words when it
is empty, too long (400) or not theirs (409). What was written is never logged."""

from __future__ import annotations

from aiohttp import web

from hotline.dashboard_texts import DashboardText
from hotline.escalation.case_chat import MAX_REPLY_CHARS
from hotline.escalation.roster import Role
from hotline.messages import Registered
from hotline.web.dashboard.layout import Texts, render
from hotline.web.dashboard.now import CASE_CHAT, me_of, now_context
from hotline.web.dashboard.pages import NOW_PATH
from hotline.web.dashboard.sessions import page

__all__ = ["WRITE_PATH", "routes"]

WRITE_PATH = NOW_PATH + "/{id}/write"
_ID_MAX = 36  # an escalation id is a UUID


def routes() -> list[web.AbstractRouteDef]:
    """The route of the reply box."""
    return [web.post(WRITE_PATH, write)]


def problem(text: str) -> Registered | None:
    """Why a reply cannot go out as it is (None: it can)."""
    if not text:
        return DashboardText.DASH_REPLY_EMPTY
    if len(text) > MAX_REPLY_CHARS:
        return DashboardText.DASH_REPLY_TOO_LONG
    return None


@page(Role.SPECIALIST)
async def write(request: web.Request) -> web.StreamResponse:
    """POST /staff/now/{id}/write: send the reply; the page again, with what happened."""
    me = me_of(request)
    escalation_id = request.match_info["id"][:_ID_MAX]
    sent = (await request.post()).get("text")
    # A browser sends a textarea's line breaks as CRLF; the person reads them as one each.
    text = sent.replace("\r\n", "\n").strip() if isinstance(sent, str) else ""
    status, draft = 200, ""
    outcome: Registered = DashboardText.DASH_REPLY_SENT
    wrong = problem(text)
    if wrong is not None:
        status, outcome, draft = 400, wrong, text  # kept in the box, to shorten it
    else:
        refused = await request.app[CASE_CHAT].write(me, escalation_id, text)
        if refused is not None:
            status, outcome = 409, refused.message
    context = await now_context(request)
    t: Texts = context["_"]
    context["notes"] = [t(outcome, max=MAX_REPLY_CHARS)]
    context["refused"] = status != 200
    context["drafts"] = {escalation_id: draft}
    return await render(request, "now.html", context, status=status)
