"""The services directory pages on SQLite and PostgreSQL: specialists browse, search and read
the sample (names in their language), supervisors add, edit and mark services checked (through
the directory's own checks, written to the audit log), "not checked for 6 months", escaping."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from datetime import date
from pathlib import Path

import pytest
from markupsafe import escape

from hotline.app import HOTLINE
from hotline.dashboard_texts import DashboardText
from hotline.directory.views import months_before
from hotline.messages import Registered
from hotline.web.dashboard import DASHBOARD
from tests.conftest import AppClient, FixedClock
from tests.dashboard import Browser, dashboard_app, readers_in_english

Client = Callable[..., Awaitable[AppClient]]
NIGHT_SHELTER_EN = "Example: night shelter"
NIGHT_SHELTER_HR = "Primjer: prenoćište"
NEW = {
    "organization": "Open Door",
    "service": "Job club <b>Tbilisi</b>",
    "description": "Weekly help with CVs and interviews.",
    "categories": "employment",
    "status": "active",
    "region": "GE-TB",
    "phone": "+995 32 200 00 00",
    "place": "Open Door office",
    "address": "Rustaveli Ave 1",
    "city": "Tbilisi",
    "hours": "Mo-Fr 09:00-17:00",
    "service_ka": "სამუშაო კლუბი",
}


@pytest.fixture
async def client(
    aiohttp_client: Client, tmp_path: Path, database_url: str, clock: FixedClock
) -> AppClient:
    return await dashboard_app(aiohttp_client, tmp_path, database_url, clock)


async def signed_in(client: AppClient, name: str) -> Browser:
    browser = Browser(client)
    assert await browser.sign_in(name) == 303
    return browser


def say(client: AppClient, language: str, message: Registered, **args: str | int) -> str:
    """A text as a reader of `language` sees it on the page (escaped as Jinja2 does)."""
    return str(escape(client.app[DASHBOARD].catalog.format(language, message, args)))


def listed(body: str) -> list[str]:
    """The names of the list's rows, as shown."""
    return re.findall(r'<a href="/staff/services/[0-9a-f-]{36}">([^<]*)</a>', body)


def link_of(body: str, name: str) -> str:
    found = re.search(r'<a href="(/staff/services/[0-9a-f-]{36})">' + re.escape(name), body)
    assert found, body
    return found.group(1)


async def post_form(browser: Browser, path: str, fields: dict[str, str]) -> tuple[int, str]:
    """The add or edit form sent as a browser sends it (categories as checkboxes)."""
    csrf = await browser.csrf("/staff/services")
    data = [("csrf", csrf)] + [
        ("categories", c) if name == "categories" else (name, value)
        for name, value in fields.items()
        for c in (value.split() if name == "categories" else [value])
    ]
    resp = await browser.client.post(
        path, data=data, headers=browser._headers(), allow_redirects=False
    )
    return resp.status, (resp.headers.get("Location") or await resp.text())


async def test_a_specialist_browses_searches_and_reads_but_cannot_edit(client: AppClient) -> None:
    ana = await signed_in(client, "ana")  # reads Croatian
    status, body, _ = await ana.get("/staff/services")
    assert status == 200
    assert say(client, "hr", DashboardText.DASH_NAV_SERVICES) in body
    assert NIGHT_SHELTER_HR in listed(body)
    assert say(client, "hr", DashboardText.DASH_SERVICES_FOUND, count=8) in body
    assert 'href="/staff/services/new"' not in body
    _, body, _ = await ana.get("/staff/services?q=prenoćište")
    assert listed(body) == [NIGHT_SHELTER_HR]
    _, body, _ = await ana.get("/staff/services?category=housing")
    assert listed(body) == [NIGHT_SHELTER_HR]
    assert say(client, "hr", DashboardText.DASH_SERVICES_CAT_HOUSING) in body
    _, body, _ = await ana.get("/staff/services?region=GE-TB&category=debt")
    assert len(listed(body)) == 1
    path = link_of((await ana.get("/staff/services?category=housing"))[1], NIGHT_SHELTER_HR)
    status, body, _ = await ana.get(path)
    assert status == 200
    assert NIGHT_SHELTER_EN in body
    assert "მაგალითი: ღამის თავშესაფარი" in body
    assert "Example Street 2, 0100 Tbilisi" in body
    assert "+995 000 000 000" in body
    assert "Asia/Tbilisi" in body  # the week's hours, in the place's zone
    assert "19:00–08:00" in body  # FixedClock: a Sunday; the shelter opens every evening
    assert say(client, "hr", DashboardText.DASH_SERVICES_STATUS_ACTIVE) in body
    assert f'href="{path}/edit"' not in body
    assert "/checked" not in body
    csrf = await ana.csrf("/staff/services")
    assert (await ana.get(path + "/edit"))[0] == 403
    assert (await ana.get("/staff/services/new"))[0] == 403
    for target, data in (
        (path + "/edit", {**NEW, "csrf": csrf}),
        (path + "/checked", {"csrf": csrf}),
        ("/staff/services/new", {**NEW, "csrf": csrf}),
    ):
        assert (await ana.post(target, data))[0] == 403, target
    assert (await ana.get("/staff/services/not-a-uuid"))[0] == 404
    nobody = "/staff/services/00000000-0000-0000-0000-000000000000"
    assert (await ana.get(nobody))[0] == 404


async def test_a_supervisor_adds_edits_and_marks_checked(
    client: AppClient, clock: FixedClock
) -> None:
    await readers_in_english(client, "beka")
    beka = await signed_in(client, "beka")
    _, body, _ = await beka.get("/staff/services")
    assert 'href="/staff/services/new"' in body
    status, location = await post_form(beka, "/staff/services/new", NEW)
    assert status == 303, location
    status, body, _ = await beka.get(location)
    assert status == 200
    assert "Job club &lt;b&gt;Tbilisi&lt;/b&gt;" in body  # escaped, never markup
    assert "<b>Tbilisi</b>" not in body
    assert "სამუშაო კლუბი" in body
    assert say(client, "en", DashboardText.DASH_SERVICES_NEVER_CHECKED) in body
    _, body, _ = await beka.get("/staff/services?q=job+club")
    assert listed(body) == ["Job club &lt;b&gt;Tbilisi&lt;/b&gt;"]
    exported = await client.app[HOTLINE].core.directory.export()
    assert [row["name"] for row in exported.of("services")] == [NEW["service"]]

    # an invalid edit: every problem shown, the input kept, nothing changed
    bad = {**NEW, "service": "Job club (renamed)", "hours": "whenever", "region": "XX-YY"}
    status, body = await post_form(beka, location + "/edit", bad)
    assert status == 400
    assert say(client, "en", DashboardText.DASH_SERVICES_PROBLEMS) in body
    assert 'id="hours-problem"' in body
    assert 'id="region-problem"' in body
    assert 'value="Job club (renamed)"' in body
    assert 'value="whenever"' in body
    _, body, _ = await beka.get(location)
    assert "Job club &lt;b&gt;Tbilisi&lt;/b&gt;" in body
    assert "renamed" not in body

    # a good edit
    good = {**NEW, "service": "Job club", "status": "temporarily closed", "phone": "+995 32 211"}
    status, where = await post_form(beka, location + "/edit", good)
    assert (status, where) == (303, location)
    _, body, _ = await beka.get(location)
    assert "Job club" in body
    assert "+995 32 211" in body
    assert say(client, "en", DashboardText.DASH_SERVICES_STATUS_CLOSED) in body
    exported = await client.app[HOTLINE].core.directory.export()
    assert [row["status"] for row in exported.of("services")] == ["temporarily closed"]
    assert len(exported.of("services")) == 1  # the same service, changed in place

    # mark checked: today, by Beka; it leaves the "not checked" list
    _, body, _ = await beka.get("/staff/services?stale=1")
    assert listed(body) == ["Job club"]
    assert say(client, "en", DashboardText.DASH_SERVICES_STALE_COUNT, count=1) in body
    csrf = await beka.csrf("/staff/services")
    status, body, _ = await beka.post(location + "/checked", {"csrf": csrf})
    assert status == 200
    checked = DashboardText.DASH_SERVICES_CHECKED_BY
    assert say(client, "en", checked, date="Nov 22, 2026", name="Beka Beridze") in body
    _, body, _ = await beka.get("/staff/services?stale=1")
    assert listed(body) == []
    assert say(client, "en", DashboardText.DASH_SERVICES_STALE_COUNT, count=0) in body
    _, body, _ = await beka.get("/staff/services")
    assert "Nov 22, 2026" in body

    # six months later it is due again
    clock.advance(days=31 * 6)
    beka = await signed_in(client, "beka")  # a session lasts less than that
    _, body, _ = await beka.get("/staff/services?stale=1")
    assert listed(body) == ["Job club"]

    # the audit log, in words
    await readers_in_english(client, "nino")
    nino = await signed_in(client, "nino")
    _, body, _ = await nino.get("/staff/audit")
    for message in (
        DashboardText.DASH_AUDIT_SERVICE_ADD,
        DashboardText.DASH_AUDIT_SERVICE_EDIT,
        DashboardText.DASH_AUDIT_SERVICE_CHECKED,
    ):
        assert say(client, "en", message) in body
    assert "Job club &lt;b&gt;Tbilisi&lt;/b&gt;" in body  # which service, as the reason
    assert "service:add" not in body


async def test_the_sample_is_stale_until_checked_and_a_check_keeps_it(
    client: AppClient, clock: FixedClock
) -> None:
    await readers_in_english(client, "nino")
    nino = await signed_in(client, "nino")  # an admin may do what a supervisor does
    _, body, _ = await nino.get("/staff/services?stale=1&category=housing")
    assert listed(body) == [NIGHT_SHELTER_EN]  # never checked
    path = link_of(body, NIGHT_SHELTER_EN)
    csrf = await nino.csrf("/staff/services")
    assert (await nino.post(path + "/checked", {"csrf": csrf}))[0] == 200
    _, body, _ = await nino.get("/staff/services?stale=1")
    assert NIGHT_SHELTER_EN not in listed(body)
    assert say(client, "en", DashboardText.DASH_SERVICES_STALE_COUNT, count=7) in body
    assert await client.app[HOTLINE].core.directory.count() == 8  # the sample stays whole
    clock.advance(days=180)  # not yet six calendar months
    nino = await signed_in(client, "nino")  # a session lasts less than that
    _, body, _ = await nino.get("/staff/services?stale=1")
    assert NIGHT_SHELTER_EN not in listed(body)
    clock.advance(days=5)
    nino = await signed_in(client, "nino")
    _, body, _ = await nino.get("/staff/services?stale=1")
    assert NIGHT_SHELTER_EN in listed(body)
    assert say(client, "en", DashboardText.DASH_SERVICES_STALE_COUNT, count=8) in body


def test_six_months_are_calendar_months() -> None:
    assert months_before(date(2026, 11, 22)) == date(2026, 5, 22)
    assert months_before(date(2026, 8, 31)) == date(2026, 2, 28)
    assert months_before(date(2028, 8, 31)) == date(2028, 2, 29)
    assert months_before(date(2027, 3, 15)) == date(2026, 9, 15)
