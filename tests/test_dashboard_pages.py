"""The dashboard's pages and invitations: headers, escaping, languages, the accounts page."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from argon2 import PasswordHasher
from sqlalchemy import select

from hotline.app import ENGINE, STAFF
from hotline.escalation.roster import Role, Staff
from hotline.storage.dashboard_tables import AuditLogEntry, StaffCredential
from hotline.web.dashboard import DASHBOARD
from hotline.web.dashboard.layout import SECURITY_HEADERS
from tests.conftest import PUBLIC_URL, AppClient, FixedClock
from tests.dashboard import PASSWORD, QUICK_HASHER, Browser, dashboard_app

Client = Callable[..., Awaitable[AppClient]]
NEW_PASSWORD = "a new pass phrase"


@pytest.fixture
async def client(
    aiohttp_client: Client, tmp_path: Path, database_url: str, clock: FixedClock
) -> AppClient:
    return await dashboard_app(aiohttp_client, tmp_path, database_url, clock)


async def invite_link(client: AppClient, admin: Browser, staff_id: str) -> str:
    status, body, _ = await admin.post(
        f"/staff/accounts/{staff_id}/invite", {"csrf": await admin.csrf()}
    )
    assert status == 200, body
    found = re.search(re.escape(PUBLIC_URL) + r"(/staff/invite/[A-Za-z0-9_-]+)", body)
    assert found, body
    return found.group(1)


async def test_every_staff_page_has_the_security_headers(client: AppClient) -> None:
    browser = Browser(client)
    await browser.sign_in("nino")
    for path in ("/staff/now", "/staff/accounts", "/staff/sign-in", "/staff/nothing-here"):
        _, _, resp = await browser.get(path)
        for name, value in SECURITY_HEADERS.items():
            assert resp.headers[name] == value, (path, name)
        assert resp.headers["Cache-Control"] == "no-store", path
    status, css, resp = await browser.get("/staff/static/dashboard.css")
    assert status == 200
    assert ":focus-visible" in css
    assert resp.headers["X-Content-Type-Options"] == "nosniff"


async def test_pages_carry_no_inline_script_or_style(client: AppClient) -> None:
    browser = Browser(client)
    await browser.sign_in("nino")
    for path in ("/staff/now", "/staff/accounts"):
        _, body, _ = await browser.get(path)
        # Scripts only from our own files (Now's now.js), never inline.
        assert re.findall(r"<script[^>]*>", body) in (
            [],
            ['<script src="/staff/static/now.js" defer>'],
        )
        assert "style=" not in body
        assert "<style" not in body
        assert 'href="#content"' in body  # the skip link


async def test_a_name_with_markup_is_shown_as_text(client: AppClient, clock: FixedClock) -> None:
    evil = Staff("eve", "<script>alert(1)</script>", Role.ADMIN, ("en",))
    await client.app[STAFF].add(evil, phone=None, telegram_id=None, now=clock())
    await client.app[DASHBOARD].accounts.set_password("eve", PASSWORD)
    browser = Browser(client)
    await browser.sign_in("eve")
    for path in ("/staff/now", "/staff/accounts"):
        _, body, _ = await browser.get(path)
        assert "<script>alert(1)</script>" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


async def test_home_goes_to_now_which_shows_who_is_on_duty(client: AppClient) -> None:
    browser = Browser(client)
    await browser.sign_in("nino")
    status, _, resp = await browser.get("/staff/")
    assert status == 303
    assert resp.headers["Location"] == "/staff/now"
    _, body, _ = await browser.get("/staff/now")
    assert "<h1>Now</h1>" in body
    assert "No roster has been imported yet." in body


async def test_the_language_follows_the_browser_then_the_persons_choice(
    client: AppClient,
) -> None:
    guest = Browser(client, headers={"Accept-Language": "de;q=1, cs;q=0.8, en;q=0.5"})
    _, body, _ = await guest.get("/staff/sign-in")
    assert '<html lang="cs">' in body
    assert "Přihlášení" in body

    admin = Browser(client)
    await admin.sign_in("nino")
    _, body, _ = await admin.get("/staff/now")
    assert '<html lang="en">' in body  # his first language
    status, _, _ = await admin.post(
        "/staff/language", {"csrf": await admin.csrf(), "language": "sl", "next": "/staff/now"}
    )
    assert status == 303
    _, body, _ = await admin.get("/staff/now")
    assert '<html lang="sl">' in body
    assert "Zdaj" in body


async def test_an_invitation_works_once(client: AppClient) -> None:
    admin = Browser(client)
    await admin.sign_in("nino")
    link = await invite_link(client, admin, "ana")

    newcomer = Browser(client)
    status, body, _ = await newcomer.get(link)
    assert status == 200
    assert "Ana Kovač" in body
    status, body, _ = await newcomer.post(link, {"password": "short", "again": "short"})
    assert status == 400
    status, body, _ = await newcomer.post(
        link, {"password": NEW_PASSWORD, "again": NEW_PASSWORD + "!"}
    )
    assert status == 400
    status, _, resp = await newcomer.post(link, {"password": NEW_PASSWORD, "again": NEW_PASSWORD})
    assert status == 303
    assert resp.headers["Location"] == "/staff/sign-in"
    assert await newcomer.sign_in("ana", NEW_PASSWORD) == 303
    assert await Browser(client).sign_in("ana", PASSWORD) == 401  # the old one is gone

    status, _, _ = await Browser(client).get(link)
    assert status == 410
    again = await Browser(client).post(link, {"password": "hijacked!!!", "again": "hijacked!!!"})
    assert again[0] == 410
    async with client.app[ENGINE].connect() as conn:
        audit = (await conn.execute(select(AuditLogEntry.action))).scalars().all()
    assert audit == ["invite:ana"]


async def test_an_invitation_expires_after_24_hours(client: AppClient, clock: FixedClock) -> None:
    admin = Browser(client)
    await admin.sign_in("nino")
    link = await invite_link(client, admin, "beka")
    clock.advance(hours=23, minutes=59)
    assert (await Browser(client).get(link))[0] == 200
    clock.advance(minutes=1)
    status, body, _ = await Browser(client).get(link)
    assert status == 410
    assert "This link no longer works" in body


async def test_the_accounts_page_shows_passwords_and_last_sign_ins(
    client: AppClient, clock: FixedClock
) -> None:
    newcomer = Staff("zura", "Zura Newcomer", Role.SPECIALIST, ("en",))
    await client.app[STAFF].add(newcomer, phone=None, telegram_id=None, now=clock())
    admin = Browser(client)
    await admin.sign_in("nino")
    _, body, _ = await admin.get("/staff/accounts")
    rows = {row.split("</th>")[0]: row for row in body.split('<th scope="row">')[1:]}
    zura = next(row for name, row in rows.items() if "Zura" in name)
    nino = next(row for name, row in rows.items() if "Nino" in name)
    assert "not set" in zura
    assert "never" in zura
    assert "Nov 22, 2026" in nino  # signed in just now, in English by Babel


async def test_a_password_hashed_with_old_parameters_is_rehashed_at_sign_in(
    client: AppClient,
) -> None:
    client.app[DASHBOARD].accounts.hasher = PasswordHasher(
        time_cost=2, memory_cost=2048, parallelism=1
    )
    assert await Browser(client).sign_in("ana") == 303
    async with client.app[ENGINE].connect() as conn:
        stored = (
            await conn.execute(
                select(StaffCredential.password_hash).where(StaffCredential.staff_id == "ana")
            )
        ).scalar_one()
    assert stored is not None
    assert "m=2048,t=2" in stored
    assert QUICK_HASHER.verify(stored, PASSWORD)
