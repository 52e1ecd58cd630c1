"""The participants pages on SQLite and PostgreSQL: who sees whom, search and filters,
enrolment, the release date, withdrawal, contact details behind "show" with an audit line,
the timeline's answers and tasks, escaping, and no contact in any log."""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from pathlib import Path

import pytest
from markupsafe import escape
from sqlalchemy import select

from hotline.app import ENGINE, HOTLINE, UNITS
from hotline.dashboard_texts import DashboardText
from hotline.escalation.roster import Role, Staff
from hotline.messages import MessageId
from hotline.participants.caseload import CaseloadFilter, CaseloadRow, no_answer
from hotline.participants.caseload import select as select_page
from hotline.participants.model import Channel, Consent, Participant
from hotline.storage.dashboard_tables import AuditLogEntry
from hotline.web.dashboard import DASHBOARD
from hotline.web.dashboard.people import PEOPLE
from tests.conftest import AppClient, FixedClock
from tests.dashboard import PEOPLE as STAFF_PEOPLE
from tests.dashboard import Browser, dashboard_app

Client = Callable[..., Awaitable[AppClient]]
DATO = Staff("dato", "Dato Specialist", Role.SPECIALIST, ("ka",))
PHONE = "+995555123456"
NINO = {
    "case": "TB-2027-014",
    "program": "georgia-two-year",
    "release": "2027-02-10",
    "timezone": "Asia/Tbilisi",
    "language": "ka",
    "specialist": "ana",
    "channel": "sms",
    "phone": "+995 555 12 34 56",
    "consent": "sms,telegram",
    "family1_name": "<b>Tamar</b> Beridze",
    "family1_channel": "sms",
    "family1_phone": "+995 555 76 54 32",
    "family1_consent": "sms",
}
GIO = {**NINO, "case": "TB-2027-020", "specialist": "dato", "phone": "+995 555 11 22 33"}
for key in [k for k in GIO if k.startswith("family")]:
    del GIO[key]


@pytest.fixture
async def client(
    aiohttp_client: Client, tmp_path: Path, database_url: str, clock: FixedClock
) -> AppClient:
    app = await dashboard_app(
        aiohttp_client, tmp_path, database_url, clock, people=(*STAFF_PEOPLE, DATO)
    )
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


def cases(body: str) -> list[str]:
    return re.findall(r'href="/staff/participants/([A-Z0-9-]+)"', body)


async def audit_lines(client: AppClient) -> list[tuple[str, str, str | None, str | None]]:
    async with client.app[ENGINE].connect() as conn:
        rows = await conn.execute(
            select(
                AuditLogEntry.staff_id,
                AuditLogEntry.action,
                AuditLogEntry.case_code,
                AuditLogEntry.reason,
            ).where(AuditLogEntry.action.like("participant:%"))
        )
        return [tuple(row) for row in rows]  # type: ignore[misc]


async def test_a_specialist_sees_only_their_own_participants(client: AppClient) -> None:
    ana = await signed_in(client, "ana")
    status, body, _ = await ana.get("/staff/participants")
    assert status == 200
    assert cases(body) == ["TB-2027-014"]
    status, body, _ = await ana.get("/staff/participants?specialist=dato")
    assert cases(body) == ["TB-2027-014"]  # the filter cannot widen a specialist's view
    assert (await ana.get("/staff/participants/TB-2027-014"))[0] == 200
    status, body, _ = await ana.get("/staff/participants/TB-2027-020")
    assert status == 403
    assert say(client, "hr", DashboardText.DASH_PEOPLE_NOT_YOURS) in body  # Ana reads Croatian
    csrf = await ana.csrf("/staff/participants")
    for action, data in (
        ("contacts", {"reason": "curious"}),
        ("release", {"release": "2027-03-01"}),
        ("withdraw", {}),
    ):
        status, _, _ = await ana.post(
            f"/staff/participants/TB-2027-020/{action}", {"csrf": csrf, **data}
        )
        assert status == 403, action
    assert (
        await client.app[PEOPLE].participants.get("TB-2027-020")
    ).status.value == "before-release"
    assert await audit_lines(client) == []


async def test_supervisors_see_everyone_and_strangers_are_sent_to_sign_in(
    client: AppClient,
) -> None:
    beka = await signed_in(client, "beka")
    _, body, _ = await beka.get("/staff/participants")
    assert cases(body) == ["TB-2027-014", "TB-2027-020"]
    _, body, _ = await beka.get("/staff/participants?specialist=dato")
    assert cases(body) == ["TB-2027-020"]
    assert (await beka.get("/staff/participants/TB-2027-020"))[0] == 200
    assert (await beka.get("/staff/participants/NO-SUCH-CASE"))[0] == 404
    assert (await beka.get("/staff/participants/%3Cscript%3E"))[0] == 404
    status, _, resp = await Browser(client).get("/staff/participants/TB-2027-014")
    assert status == 303
    assert resp.headers["Location"].startswith("/staff/sign-in")
    status, _, _ = await beka.post("/staff/participants/TB-2027-014/withdraw", {})
    assert status == 403  # no CSRF token
    status, _, _ = await beka.post(
        "/staff/participants/TB-2027-014/withdraw", {"csrf": "another-session's"}
    )
    assert status == 403


async def test_search_and_filters(client: AppClient) -> None:
    beka = await signed_in(client, "beka")
    _, body, _ = await beka.get("/staff/participants?q=020")
    assert cases(body) == ["TB-2027-020"]
    _, body, _ = await beka.get("/staff/participants?q=tb-2027")
    assert cases(body) == ["TB-2027-014", "TB-2027-020"]
    _, body, _ = await beka.get("/staff/participants?status=withdrawn")
    assert cases(body) == []
    _, body, _ = await beka.get("/staff/participants?status=before-release&from=2030-01-01")
    assert cases(body) == []  # nobody's next contact is that late
    _, body, _ = await beka.get("/staff/participants?from=2026-11-01&until=2027-12-31")
    assert cases(body) == ["TB-2027-014", "TB-2027-020"]
    _, body, _ = await beka.get("/staff/participants?quiet=1")
    assert cases(body) == []
    await answer_first_checkin(client, "TB-2027-020", silent=True)
    _, body, _ = await beka.get("/staff/participants?quiet=1")
    assert cases(body) == ["TB-2027-020"]
    _, body, _ = await beka.get("/staff/participants?status=nonsense&from=never&page=x")
    assert cases(body) == ["TB-2027-014", "TB-2027-020"]  # unreadable filters are no filters


async def answer_first_checkin(client: AppClient, case: str, *, silent: bool) -> int:
    """The first check-in of a participant goes out, and is answered or judged silent."""
    async with client.app[UNITS]() as uow:
        rows = [r for r, _ in await uow.plan.history(case) if r.message.flow]
        row = rows[0]
        now = client.app[HOTLINE].clock()
        await uow.plan.sending(row.id, "sms", now)
        await uow.plan.sent(row.id, "SM1", now)
        if silent:
            await uow.answers.mark_silent([row.id])
        else:
            await uow.answers.record(row.id, "talk", now)
    return row.id


def test_pages_and_quiet_participants_in_pure_logic() -> None:
    consent = Consent(datetime(2026, 1, 1).astimezone(), "ana", frozenset({Channel.SMS}))
    rows = [
        CaseloadRow(
            Participant(
                f"C-{n:03}", "p", date(2027, 1, 1), "UTC", "en", "ana", Channel.SMS, consent
            ),
            None,
            (),
        )
        for n in range(30)
    ]
    first = select_page(rows, CaseloadFilter(), 1, size=25)
    assert (first.number, first.pages, first.total, len(first.rows)) == (1, 2, 30, 25)
    last = select_page(rows, CaseloadFilter(), 9, size=25)
    assert (last.number, next(r.participant.case for r in last.rows)) == (2, "C-025")
    assert no_answer(("silent",))
    assert no_answer((None, "silent", "silent"))
    assert not no_answer(("fine", "silent"))
    assert not no_answer(())
    assert not no_answer((None,))


async def test_enrolling_with_a_bad_field_says_which_and_why(client: AppClient) -> None:
    beka = await signed_in(client, "beka")
    csrf = await beka.csrf("/staff/participants/new")
    form = {
        "csrf": csrf, "case": "TB-2027-030", "program": "georgia-two-year",
        "release": "2027-05-01", "timezone": "Asia/Tbilisi", "language": "ka",
        "specialist": "dato", "channel": "sms", "phone": "12", "consent": "sms",
    }  # fmt: skip
    status, body, _ = await beka.post("/staff/participants/new", form)
    assert status == 400
    assert 'id="phone-problem"' in body
    assert "not a phone number in international form" in body
    assert 'value="TB-2027-030"' in body  # what was typed stays
    status, _, resp = await beka.post("/staff/participants/new", {**form, "phone": PHONE})
    assert status == 303
    assert resp.headers["Location"] == "/staff/participants/TB-2027-030"
    status, body, _ = await beka.get("/staff/participants/TB-2027-030")
    assert status == 200
    assert "TB-2027-030" in body
    assert ("beka", "participant:enrol", "TB-2027-030", None) in await audit_lines(client)
    # A specialist enrols into their own caseload, whatever the form says.
    ana = await signed_in(client, "ana")
    form = {**form, "csrf": await ana.csrf("/staff/participants/new"), "case": "TB-2027-031"}
    status, _, _ = await ana.post("/staff/participants/new", {**form, "phone": PHONE})
    assert status == 303
    assert (await client.app[PEOPLE].participants.get("TB-2027-031")).specialist == "ana"


def due_times(body: str) -> set[str]:
    return set(re.findall(r'<td><time datetime="([^"]+)"', body))


async def test_a_new_release_date_re_plans_and_the_timeline_shows_it(client: AppClient) -> None:
    ana = await signed_in(client, "ana")
    _, before, _ = await ana.get("/staff/participants/TB-2027-014")
    assert "row-planned" in before
    csrf = await ana.csrf("/staff/participants/TB-2027-014")
    status, body, _ = await ana.post(
        "/staff/participants/TB-2027-014/release", {"csrf": csrf, "release": "2027-04-10"}
    )
    assert status == 200
    assert (await client.app[PEOPLE].participants.get("TB-2027-014")).release == date(2027, 4, 10)
    _, after, _ = await ana.get("/staff/participants/TB-2027-014")
    assert due_times(after) - due_times(before)  # new dates, counted from the new release
    assert "row-cancelled" in after  # the old ones, cancelled, stay in the story
    status, body, _ = await ana.post(
        "/staff/participants/TB-2027-014/release", {"csrf": csrf, "release": "10.4.2027"}
    )
    assert status == 400
    assert "is not a date" in body
    assert ("ana", "participant:release", "TB-2027-014", None) in await audit_lines(client)


async def test_withdrawing_asks_first_then_stops_every_message(client: AppClient) -> None:
    ana = await signed_in(client, "ana")
    status, body, _ = await ana.get("/staff/participants/TB-2027-014/withdraw")
    assert status == 200
    assert 'action="/staff/participants/TB-2027-014/withdraw"' in body
    assert (await client.app[PEOPLE].participants.get("TB-2027-014")).status.value != "withdrawn"
    csrf = await ana.csrf("/staff/participants/TB-2027-014")
    status, body, _ = await ana.post("/staff/participants/TB-2027-014/withdraw", {"csrf": csrf})
    assert status == 200
    assert say(client, "hr", DashboardText.DASH_PEOPLE_STATUS_WITHDRAWN) in body
    assert "row-cancelled" in body
    still = re.findall(r'class="row-planned">\s*<td><time datetime="([^"]+)"', body)
    now = client.app[HOTLINE].clock()
    assert all(datetime.fromisoformat(due) <= now for due in still)  # the dispatcher skips those
    assert (await client.app[PEOPLE].participants.get("TB-2027-014")).status.value == "withdrawn"
    _, body, _ = await ana.get("/staff/participants?status=withdrawn")
    assert cases(body) == ["TB-2027-014"]


async def test_contacts_show_only_with_a_reason_and_each_view_is_audited(
    client: AppClient, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)  # (aiosqlite's DEBUG lines echo every SQL parameter)
    caplog.set_level(logging.DEBUG, logger="hotline")
    ana = await signed_in(client, "ana")
    _, body, _ = await ana.get("/staff/participants/TB-2027-014")
    assert PHONE not in body
    assert "Tamar" not in body
    csrf = await ana.csrf("/staff/participants/TB-2027-014")
    status, body, _ = await ana.post(
        "/staff/participants/TB-2027-014/contacts", {"csrf": csrf, "reason": "  "}
    )
    assert status == 400
    assert PHONE not in body
    assert await audit_lines(client) == []
    status, body, _ = await ana.post(
        "/staff/participants/TB-2027-014/contacts",
        {"csrf": csrf, "reason": "calling about the meeting"},
    )
    assert status == 200
    assert PHONE in body
    assert "+995555765432" in body
    assert "&lt;b&gt;Tamar&lt;/b&gt; Beridze" in body
    assert "<b>Tamar</b>" not in body
    assert say(client, "hr", DashboardText.DASH_PEOPLE_TELEGRAM_NOT_LINKED) in body
    assert await audit_lines(client) == [
        ("ana", "participant:contacts", "TB-2027-014", "calling about the meeting")
    ]
    beka = await signed_in(client, "beka")
    csrf = await beka.csrf("/staff/participants/TB-2027-014")
    status, body, _ = await beka.post(
        "/staff/participants/TB-2027-014/contacts", {"csrf": csrf, "reason": "supervision"}
    )
    assert status == 200
    assert PHONE in body
    logged = caplog.text
    for secret in (PHONE, "555 12 34 56", "Tamar", "+995555765432", "calling about"):
        assert secret not in logged


async def test_markup_in_a_search_is_shown_as_text(client: AppClient) -> None:
    beka = await signed_in(client, "beka")
    status, body, _ = await beka.get("/staff/participants?q=%3Cscript%3Ex%3C/script%3E")
    assert status == 200
    assert "<script>" not in body
    assert "&lt;script&gt;" in body


async def test_the_timeline_shows_answers_and_the_tasks_about_the_case(
    client: AppClient,
) -> None:
    await answer_first_checkin(client, "TB-2027-014", silent=False)
    hotline = client.app[HOTLINE]
    snapshot = await hotline.board.current()
    async with client.app[UNITS]() as uow:
        task_id = await hotline.escalations.open_task(
            uow, case="TB-2027-014", task="checkin-talk", specialist="ana", language="ka",
            flow="georgia-two-year", snapshot=snapshot, now=hotline.clock(),
        )  # fmt: skip
    ana = await signed_in(client, "ana")
    _, body, _ = await ana.get("/staff/participants/TB-2027-014")
    assert say(client, "hr", DashboardText.DASH_PEOPLE_ANSWER_TALK) in body
    assert "checkin-talk" in body
    assert say(client, "hr", DashboardText.DASH_PEOPLE_TASK_WAITING) in body
    staff = STAFF_PEOPLE[0]
    assert await hotline.escalations.take(task_id, staff) is not None
    assert await hotline.escalations.done(task_id, staff) is None
    _, body, _ = await ana.get("/staff/participants/TB-2027-014")
    done = (
        say(client, "hr", DashboardText.DASH_PEOPLE_TASK_DONE, time="T").removesuffix("T").strip()
    )
    assert "checkin-talk" in body
    assert done in body
    _, other, _ = await (await signed_in(client, "beka")).get("/staff/participants/TB-2027-020")
    assert "checkin-talk" not in other


async def test_the_plan_reads_in_words_not_step_ids(client: AppClient) -> None:
    ana = await signed_in(client, "ana")  # she reads Croatian
    _, body, _ = await ana.get("/staff/participants/TB-2027-014")
    steps = re.findall(r"<tr class=\"row-[a-z]+\">\s*<td>.*?</td>\s*<td>(.*?)</td>", body, re.S)
    assert sorted(steps[:3]) == [
        "Informacija · 3 mjeseca prije izlaska",  # to her
        "Informacija · 3 mjeseca prije izlaska",  # to her family
        "Zadatak za stručnjaka · 3 mjeseca prije izlaska",  # plan the meeting
    ]
    assert "Kontrolna poruka · 1 dan nakon izlaska" in steps
    assert "Kontrolna poruka · 14 dana nakon izlaska" in steps
    assert steps[-1] == "Posljednja poruka · 24 mjeseca nakon izlaska"
    assert "ahead-3-months" not in body
