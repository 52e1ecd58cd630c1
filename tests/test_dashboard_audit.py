"""The audit log page on SQLite and PostgreSQL: who viewed a participant's contact details
and why, in words; the filters; pages of 50 that end; the CSV; escaping; and who may read it."""

from __future__ import annotations

import csv
import html
import io
import re
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from markupsafe import escape

from hotline.dashboard_texts import DashboardText
from hotline.messages import MessageId
from hotline.web.dashboard import DASHBOARD
from hotline.web.dashboard.people import PEOPLE
from tests.conftest import AppClient, FixedClock
from tests.dashboard import Browser, dashboard_app

Client = Callable[..., Awaitable[AppClient]]
NINO = {
    "case": "TB-2027-014",
    "program": "georgia-two-year",
    "release": "2027-02-10",
    "timezone": "Asia/Tbilisi",
    "language": "ka",
    "specialist": "ana",
    "channel": "sms",
    "phone": "+995 555 12 34 56",
    "consent": "sms",
}
GIO = {**NINO, "case": "TB-2027-020", "phone": "+995 555 11 22 33"}


@pytest.fixture
async def client(
    aiohttp_client: Client, tmp_path: Path, database_url: str, clock: FixedClock
) -> AppClient:
    app = await dashboard_app(aiohttp_client, tmp_path, database_url, clock)
    await app.app[PEOPLE].participants.add(NINO)
    await app.app[PEOPLE].participants.add(GIO)
    return app


async def signed_in(client: AppClient, name: str) -> Browser:
    browser = Browser(client)
    assert await browser.sign_in(name) == 303
    return browser


def say(client: AppClient, language: str, message: MessageId, **args: str | int) -> str:
    """A text as a reader of `language` sees it on the page (escaped as Jinja2 does)."""
    return str(escape(client.app[DASHBOARD].catalog.format(language, message, args)))


def rows(body: str) -> list[list[str]]:
    """The log's table as a reader sees it: each line's cells, as text."""
    found = re.search(r'<table class="audit">.*?<tbody>(.*?)</tbody>', body, re.S)
    if found is None:
        return []
    lines = re.findall(r"<tr>(.*?)</tr>", found.group(1), re.S)
    return [
        [html.unescape(re.sub(r"<[^>]+>", "", cell)).strip() for cell in re.findall(
            r"<td[^>]*>(.*?)</td>", line, re.S)]
        for line in lines
    ]  # fmt: skip


async def log(client: AppClient, staff: str, action: str, case: str | None, why: str) -> None:
    await client.app[DASHBOARD].accounts.audit(staff, action, case, reason=why)


async def test_a_supervisor_sees_who_viewed_contact_details_and_why(
    client: AppClient, clock: FixedClock
) -> None:
    ana = await signed_in(client, "ana")
    csrf = await ana.csrf("/staff/participants")
    clock.advance(hours=2)
    status, _, _ = await ana.post(
        "/staff/participants/TB-2027-014/contacts",
        {"csrf": csrf, "reason": "calling <b>about</b> the meeting"},
    )
    assert status == 200

    admin = await signed_in(client, "nino")  # reads English
    status, body, resp = await admin.get("/staff/audit")

    assert status == 200
    assert resp.headers["Cache-Control"] == "no-store"
    assert 'href="/staff/audit" aria-current="page"' in body
    when = "Nov 22, 2026, 5:00\u202fAM"  # the clock's time, to the minute, in UTC (no roster)
    assert rows(body) == [
        [when, "Ana Kovač", "Viewed the contact details", "TB-2027-014",
         "calling <b>about</b> the meeting"],
    ]  # fmt: skip
    assert "calling &lt;b&gt;about&lt;/b&gt; the meeting" in body  # escaped, not markup
    assert "<b>about</b>" not in body
    assert 'href="/staff/participants/TB-2027-014"' in body
    assert "participant:contacts" not in body  # words, not the code
    assert "+995" not in body  # the log says who looked, never what they saw

    supervisor = await signed_in(client, "beka")  # reads Georgian
    _, body, _ = await supervisor.get("/staff/audit")
    assert say(client, "ka", DashboardText.DASH_AUDIT_CONTACTS) in body
    assert say(client, "ka", DashboardText.DASH_AUDIT_TITLE) in body
    _, again, _ = await supervisor.get("/staff/audit")
    assert len(rows(again)) == 1  # reading the log is not itself logged


async def test_each_action_is_worded_and_an_unknown_one_shows_its_code(
    client: AppClient,
) -> None:
    for action in ("roster:add-weekly", "roster:remove-holiday", "invite:ana", "calendar:revoke",
                   "participant:withdraw", "export:everything"):  # fmt: skip
        await log(client, "nino", action, None, "")
    admin = await signed_in(client, "nino")
    _, body, _ = await admin.get("/staff/audit")
    assert [row[2] for row in rows(body)] == [
        "Another action export:everything",
        "Withdrew the participant from the program",
        "Turned their calendar link off",
        "Made a sign-in link for Ana Kovač",
        "Removed a holiday",
        "Added a weekly shift",
    ]
    assert "<code>export:everything</code>" in body
    assert "roster:add-weekly" not in body


async def test_the_filters_narrow_the_log(client: AppClient, clock: FixedClock) -> None:
    await log(client, "ana", "participant:contacts", "TB-2027-014", "first day")  # Nov 22
    clock.advance(days=1)
    await log(client, "beka", "participant:contacts", "TB-2027-020", "second day")  # Nov 23
    await log(client, "ana", "participant:release", "TB-2027-020", "second day too")
    clock.advance(days=1)
    await log(client, "nino", "invite:ana", None, "third day")  # Nov 24
    supervisor = await signed_in(client, "beka")

    def reasons(body: str) -> list[str]:
        return [row[4] for row in rows(body)]

    _, body, _ = await supervisor.get("/staff/audit?staff=ana")
    assert reasons(body) == ["second day too", "first day"]
    assert '<option value="ana" selected>Ana Kovač</option>' in body
    _, body, _ = await supervisor.get("/staff/audit?case=tb-2027-020")  # any case of letters
    assert reasons(body) == ["second day too", "second day"]
    _, body, _ = await supervisor.get("/staff/audit?from=2026-11-23&to=2026-11-23")
    assert reasons(body) == ["second day too", "second day"]
    _, body, _ = await supervisor.get("/staff/audit?from=2026-11-23")
    assert reasons(body) == ["third day", "second day too", "second day"]
    _, body, _ = await supervisor.get("/staff/audit?to=2026-11-22&staff=ana")
    assert reasons(body) == ["first day"]
    _, body, _ = await supervisor.get("/staff/audit?staff=ana&case=TB-2027-014&from=2026-11-23")
    assert reasons(body) == []
    assert say(client, "ka", DashboardText.DASH_AUDIT_EMPTY) in body
    status, body, _ = await supervisor.get("/staff/audit?from=someday&before=x&case=%3Cb%3E")
    assert status == 200  # unreadable filters are no filters; the typed text comes back escaped
    assert 'value="&lt;B&gt;"' in body


async def test_pages_of_fifty_go_back_to_the_first_line_and_end(
    client: AppClient, clock: FixedClock
) -> None:
    for number in range(120):
        if number % 3 == 0:
            clock.advance(minutes=1)  # three lines a minute: order by time, then by line
        await log(client, "ana", "participant:contacts", "TB-2027-014", f"r{number}")
    supervisor = await signed_in(client, "beka")
    seen: list[str] = []
    path: str | None = "/staff/audit?staff=ana"
    pages = 0
    while path is not None:
        status, body, _ = await supervisor.get(path)
        assert status == 200
        seen += [row[4] for row in rows(body)]
        older = re.search(r'<a rel="next" href="([^"]+)"', body)
        path = html.unescape(older.group(1)) if older else None
        if path is not None:
            assert "staff=ana" in path  # the filters go along
        pages += 1
        assert pages <= 3
    assert pages == 3
    assert seen == [f"r{number}" for number in reversed(range(120))]
    _, body, _ = await supervisor.get(
        "/staff/audit?staff=ana&before=999999999999999999999999&limit=100000"
    )
    assert len(rows(body)) == 50  # a page is never longer, whatever is asked


async def test_the_csv_holds_the_filtered_lines_in_words(client: AppClient) -> None:
    await log(client, "ana", "participant:contacts", "TB-2027-014", "=HYPERLINK(1)")
    await log(client, "beka", "participant:contacts", "TB-2027-020", "supervision")
    admin = await signed_in(client, "nino")
    _, page, _ = await admin.get("/staff/audit?staff=ana")
    link = re.search(r'<a href="(/staff/audit/entries\.csv[^"]*)" download>', page)
    assert link is not None

    status, body, resp = await admin.get(html.unescape(link.group(1)))

    assert status == 200
    assert resp.content_type == "text/csv"
    assert resp.headers["Content-Disposition"].startswith("attachment;")
    table = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert table[0][:4] == ["When", "Staff member", "Who", "What"]
    assert table[1][1:] == [
        "ana", "Ana Kovač", "Viewed the contact details", "participant:contacts",
        "TB-2027-014", "'=HYPERLINK(1)",  # a spreadsheet shows it, never runs it
    ]  # fmt: skip
    assert len(table) == 2


async def test_only_supervisors_and_admins_read_the_log(client: AppClient) -> None:
    await log(client, "beka", "participant:contacts", "TB-2027-014", "supervision")
    for path in ("/staff/audit", "/staff/audit/entries.csv"):
        status, _, resp = await Browser(client).get(path)
        assert status == 303, path
        assert resp.headers["Location"].startswith("/staff/sign-in?next=")

    ana = await signed_in(client, "ana")
    _, now, _ = await ana.get("/staff/now")
    assert 'href="/staff/audit"' not in now  # not in a specialist's menu
    for path in ("/staff/audit", "/staff/audit/entries.csv"):
        status, body, _ = await ana.get(path)
        assert status == 403, path
        assert say(client, "hr", DashboardText.DASH_FORBIDDEN) in body
        assert "supervision" not in body

    supervisor = await signed_in(client, "beka")
    _, now, _ = await supervisor.get("/staff/now")
    assert 'href="/staff/audit"' in now
