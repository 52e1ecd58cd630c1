"""GET /staff/audit (supervisors and admins): the audit log, newest first, filtered by staff
member, case code and dates, 50 lines a page (keyset: "older" continues after the last line
shown); and GET /staff/audit/entries.csv: the filtered lines as a CSV (at most 10,000).

Times are shown in the reader's language and the roster's zone; each action in words
(`audit_words`). Reading the log is not itself written to the log.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from aiohttp import web
from multidict import MultiMapping

from hotline.accounts.ports import AuditFilter, AuditLine
from hotline.dashboard_texts import DashboardText
from hotline.escalation.roster import Role
from hotline.web.dashboard.audit_words import words_of
from hotline.web.dashboard.layout import DASHBOARD, PREFIX, Texts, render, texts
from hotline.web.dashboard.sessions import page

__all__ = ["AUDIT_PATH", "CSV_PATH", "PAGE_SIZE", "routes"]

AUDIT_PATH = PREFIX + "/audit"
CSV_PATH = AUDIT_PATH + "/entries.csv"
PAGE_SIZE = 50  # lines a page
CSV_MAX = 10_000  # lines a CSV
_MAX_FIELD = 32  # the widest of the log's staff id and case code columns
_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # a spreadsheet would run a cell starting so


def routes() -> list[web.AbstractRouteDef]:
    """The page and its CSV."""
    return [web.get(AUDIT_PATH, audit_log), web.get(CSV_PATH, audit_csv)]


@dataclass(frozen=True)
class Asked:
    """The filters of the query string, as typed (anything unreadable is no filter)."""

    staff: str = ""
    case: str = ""
    first: date | None = None
    last: date | None = None
    before: int | None = None

    def filter(self, zone: ZoneInfo, *, paged: bool = True) -> AuditFilter:
        """The repository's filter: local dates in `zone` as instants, `last` included."""
        return AuditFilter(
            staff_id=self.staff or None,
            case_code=self.case or None,
            since=_midnight(self.first, zone) if self.first else None,
            until=_midnight(self.last + timedelta(days=1), zone) if self.last else None,
            before=self.before if paged else None,
        )

    def query(self, **more: str | int) -> str:
        """The filters (and `more`) as a query string, for links."""
        pairs = {
            "staff": self.staff,
            "case": self.case,
            "from": self.first.isoformat() if self.first else "",
            "to": self.last.isoformat() if self.last else "",
            **{key: str(value) for key, value in more.items()},
        }
        return urlencode({key: value for key, value in pairs.items() if value})


def asked_of(query: MultiMapping[str]) -> Asked:
    """The filters of a request's query string."""
    before = _text(query, "before")
    return Asked(
        staff=_text(query, "staff"),
        case=_text(query, "case").upper(),
        first=_day(_text(query, "from")),
        last=_day(_text(query, "to")),
        before=int(before) if before.isdigit() and len(before) < 16 else None,
    )


def _text(query: MultiMapping[str], name: str) -> str:
    return query.get(name, "").strip()[:_MAX_FIELD]


def _day(raw: str) -> date | None:
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def _midnight(day: date, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time(0), tzinfo=zone)


@dataclass(frozen=True)
class Row:
    """A line of the log as the page shows it."""

    id: int
    at: datetime
    when: str
    staff_id: str
    who: str
    what: str
    code: str | None  # the action itself, for an action the page has no words for
    action: str
    case: str | None
    reason: str | None


def rows_of(lines: Sequence[AuditLine], names: dict[str, str], t: Texts) -> list[Row]:
    """Lines in the reader's words: names for ids, actions in words, times in the zone."""
    rows = []
    for line in lines:
        entry = line.entry
        words = words_of(entry.action, names)
        what = t(words[0], **words[1]) if words else t(DashboardText.DASH_AUDIT_OTHER)
        rows.append(
            Row(
                id=line.id,
                at=entry.at,
                when=t.when(entry.at),
                staff_id=entry.staff_id,
                who=names.get(entry.staff_id, entry.staff_id),
                what=what,
                code=None if words else entry.action,
                action=entry.action,
                case=entry.case_code,
                reason=entry.reason,
            )
        )
    return rows


async def _names(request: web.Request) -> dict[str, str]:
    """Everyone on the staff list by id (someone who left shows as their id)."""
    return {staff.id: staff.name for staff, _ in await request.app[DASHBOARD].accounts.accounts()}


@page(Role.SUPERVISOR)
async def audit_log(request: web.Request) -> web.StreamResponse:
    """GET /staff/audit?staff=&case=&from=&to=&before=: one page of the log, newest first."""
    t = await texts(request)
    asked = asked_of(request.query)
    accounts = request.app[DASHBOARD].accounts
    lines = await accounts.audit_lines(asked.filter(t.zone), PAGE_SIZE + 1)
    names = await _names(request)
    rows = rows_of(lines[:PAGE_SIZE], names, t)
    older = asked.query(before=rows[-1].id) if len(lines) > PAGE_SIZE else None
    context = {
        "asked": asked,
        "rows": rows,
        "people": sorted(names.items(), key=lambda item: item[1]),
        "older": older,
        "newest": asked.query() if asked.before is not None else None,
        "csv": asked.query(),
        "audit_path": AUDIT_PATH,
        "csv_path": CSV_PATH,
    }
    return await render(request, "audit.html", context)


@page(Role.SUPERVISOR)
async def audit_csv(request: web.Request) -> web.StreamResponse:
    """GET /staff/audit/entries.csv?staff=&case=&from=&to=: the filtered lines (all pages,
    at most CSV_MAX), UTF-8 with a byte-order mark, in the reader's words."""
    t = await texts(request)
    asked = asked_of(request.query)
    accounts = request.app[DASHBOARD].accounts
    lines = await accounts.audit_lines(asked.filter(t.zone, paged=False), CSV_MAX)
    rows = rows_of(lines, await _names(request), t)
    out = io.StringIO()
    writer = csv.writer(out)
    header = (
        DashboardText.DASH_AUDIT_WHEN,
        DashboardText.DASH_AUDIT_STAFF,
        DashboardText.DASH_AUDIT_WHO,
        DashboardText.DASH_AUDIT_WHAT,
        DashboardText.DASH_AUDIT_CODE,
        DashboardText.DASH_AUDIT_PARTICIPANT,
        DashboardText.DASH_AUDIT_REASON,
    )
    writer.writerow([t(message) for message in header])
    for row in rows:
        cells = (row.at.astimezone(t.zone).isoformat(timespec="seconds"), row.staff_id, row.who,
                 row.what, row.action, row.case or "", row.reason or "")  # fmt: skip
        writer.writerow([_inert(cell) for cell in cells])
    return web.Response(
        body=("\ufeff" + out.getvalue()).encode("utf-8"),
        content_type="text/csv",
        charset="utf-8",
        headers={"Content-Disposition": 'attachment; filename="hotline-audit-log.csv"'},
    )


def _inert(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs as a formula."""
    return "'" + cell if cell.startswith(_FORMULA) else cell
