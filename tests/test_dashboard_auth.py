"""The dashboard's sign-in, sessions, roles and CSRF, through HTTP, on both databases."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from hotline.app import ENGINE, tidy
from hotline.storage.dashboard_tables import SignInFailure, WebSessionRow
from tests.conftest import AppClient, FixedClock
from tests.dashboard import PASSWORD, Browser, dashboard_app

Client = Callable[..., Awaitable[AppClient]]


@pytest.fixture
async def client(
    aiohttp_client: Client, tmp_path: Path, database_url: str, clock: FixedClock
) -> AppClient:
    return await dashboard_app(aiohttp_client, tmp_path, database_url, clock)


async def test_no_session_is_sent_to_sign_in_and_back(client: AppClient) -> None:
    browser = Browser(client)
    status, _, resp = await browser.get("/staff/accounts")
    assert status == 303
    assert resp.headers["Location"] == "/staff/sign-in?next=/staff/accounts"

    status, body, _ = await browser.get("/staff/sign-in?next=/staff/accounts")
    assert status == 200
    assert '<label for="name">Staff ID</label>' in body
    assert 'value="/staff/accounts"' in body

    status, _, resp = await browser.post(
        "/staff/sign-in", {"name": "nino", "password": PASSWORD, "next": "/staff/accounts"}
    )
    assert status == 303
    assert resp.headers["Location"] == "/staff/accounts"


async def test_signing_in_makes_a_new_session_id_each_time(client: AppClient) -> None:
    browser = Browser(client, session="planted-by-an-attacker")
    assert await browser.sign_in("ana") == 303
    first = browser.session
    assert first
    assert first != "planted-by-an-attacker"
    status, body, _ = await browser.get("/staff/now")
    assert status == 200
    assert "Prijavljeni ste kao Ana Kovač" in body  # her first language

    assert await browser.sign_in("ana") == 303
    assert browser.session != first
    async with client.app[ENGINE].connect() as conn:
        stored = (await conn.execute(select(WebSessionRow.id_hash))).scalars().all()
    assert first not in stored
    assert browser.session not in stored


async def test_the_cookie_is_httponly_lax_and_secure_behind_https(client: AppClient) -> None:
    resp = await client.post(
        "/staff/sign-in", data={"name": "ana", "password": PASSWORD}, allow_redirects=False
    )
    cookie = resp.headers["Set-Cookie"]
    assert cookie.startswith("hotline_staff=")
    for flag in ("HttpOnly", "Secure", "SameSite=Lax", "Path=/staff/"):
        assert flag in cookie


async def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(
    client: AppClient,
) -> None:
    browser = Browser(client)
    wrong = await browser.post("/staff/sign-in", {"name": "ana", "password": "not it at all"})
    unknown = await browser.post("/staff/sign-in", {"name": "zoe", "password": "not it at all"})
    assert wrong[0] == unknown[0] == 401
    assert "The staff ID or the password is wrong." in wrong[1]
    assert wrong[1].replace("ana", "zoe") == unknown[1]
    assert browser.session is None


async def test_five_failures_lock_an_account_with_growing_waits(
    client: AppClient, clock: FixedClock
) -> None:
    ana = Browser(client, headers={"X-Forwarded-For": "203.0.113.1"})
    for _ in range(5):
        assert await ana.sign_in("ana", "wrong password") == 401
    status, body, resp = await ana.post("/staff/sign-in", {"name": "ana", "password": PASSWORD})
    assert status == 429
    assert resp.headers["Retry-After"] == "30"
    assert "Too many failed attempts. Try again after" in body

    clock.advance(seconds=31)  # the lock is over: one more failure locks twice as long
    assert await ana.sign_in("ana", "wrong again!") == 401
    status, _, resp = await ana.post("/staff/sign-in", {"name": "ana", "password": PASSWORD})
    assert status == 429
    assert resp.headers["Retry-After"] == "60"

    clock.advance(seconds=61)
    assert await ana.sign_in("ana") == 303


async def test_the_account_lock_holds_from_any_address_and_spares_others(
    aiohttp_client: Client, tmp_path: Path, database_url: str, clock: FixedClock
) -> None:
    client = await dashboard_app(
        aiohttp_client, tmp_path, database_url, clock, HOTLINE_FORWARDED_FOR="yes"
    )
    for n in range(5):  # from five addresses: no address reaches five failures
        guesser = Browser(client, headers={"X-Forwarded-For": f"198.51.100.{n}"})
        assert await guesser.sign_in("ana", "wrong password") == 401
    elsewhere = Browser(client, headers={"X-Forwarded-For": "192.0.2.7"})
    assert await elsewhere.sign_in("ana") == 429
    assert await elsewhere.sign_in("beka") == 303


async def test_five_failures_from_one_address_lock_that_address_only(
    aiohttp_client: Client, tmp_path: Path, database_url: str, clock: FixedClock
) -> None:
    client = await dashboard_app(
        aiohttp_client, tmp_path, database_url, clock, HOTLINE_FORWARDED_FOR="yes"
    )
    sprayer = Browser(client, headers={"X-Forwarded-For": "10.0.0.1, 198.51.100.9"})
    for name in ("a1", "a2", "a3", "a4", "a5"):
        assert await sprayer.sign_in(name, "wrong password") == 401
    assert await sprayer.sign_in("beka") == 429  # a right password, from that address
    assert await Browser(client, headers={"X-Forwarded-For": "192.0.2.7"}).sign_in("beka") == 303
    async with client.app[ENGINE].connect() as conn:
        refs = (await conn.execute(select(SignInFailure.address_ref))).scalars().all()
    assert refs
    assert all("198.51" not in ref for ref in refs)


async def test_each_role_sees_only_its_pages(client: AppClient) -> None:
    specialist = Browser(client)
    await specialist.sign_in("ana")
    status, body, _ = await specialist.get("/staff/accounts")
    assert status == 403
    assert "Vaša uloga ne daje pristup ovoj stranici." in body  # Ana reads Croatian
    _, now, _ = await specialist.get("/staff/now")
    assert "/staff/accounts" not in now  # not in the nav either

    admin = Browser(client)
    await admin.sign_in("nino")
    status, body, _ = await admin.get("/staff/accounts")
    assert status == 200
    assert "Beka Beridze" in body


async def test_a_post_without_or_with_another_sessions_token_is_refused(
    client: AppClient,
) -> None:
    admin, other = Browser(client), Browser(client)
    await admin.sign_in("nino")
    await other.sign_in("beka")
    theirs = await other.csrf()

    for data in ({}, {"csrf": theirs}, {"csrf": ""}):
        status, body, _ = await admin.post("/staff/accounts/ana/sign-out", data)
        assert status == 403, data
        assert "This form has expired" in body  # Nino reads English, his first language
    status, _, _ = await admin.post("/staff/accounts/ana/sign-out", {"csrf": await admin.csrf()})
    assert status == 200
    header = {"X-CSRF-Token": await admin.csrf()}
    status, _, _ = await admin.post("/staff/accounts/ana/sign-out", {}, **header)
    assert status == 200


async def test_signing_out_everywhere_ends_the_other_sessions(client: AppClient) -> None:
    phone, laptop, colleague = Browser(client), Browser(client), Browser(client)
    for browser, name in ((phone, "ana"), (laptop, "ana"), (colleague, "beka")):
        assert await browser.sign_in(name) == 303

    status, _, resp = await laptop.post("/staff/sign-out-everywhere", {"csrf": await laptop.csrf()})
    assert status == 303
    assert resp.headers["Location"] == "/staff/sign-in?signed-out"

    assert (await phone.get("/staff/now"))[0] == 303
    assert (await laptop.get("/staff/now"))[0] == 303
    assert (await colleague.get("/staff/now"))[0] == 200


async def test_signing_out_ends_only_this_session(client: AppClient) -> None:
    phone, laptop = Browser(client), Browser(client)
    await phone.sign_in("ana")
    await laptop.sign_in("ana")
    assert (await phone.post("/staff/sign-out", {"csrf": await phone.csrf()}))[0] == 303
    assert (await phone.get("/staff/now"))[0] == 303
    assert (await laptop.get("/staff/now"))[0] == 200


async def test_a_session_ends_after_twelve_idle_hours(client: AppClient, clock: FixedClock) -> None:
    browser = Browser(client)
    await browser.sign_in("ana")
    clock.advance(hours=11)
    assert (await browser.get("/staff/now"))[0] == 200
    clock.advance(hours=11)  # 11 h since it was last used
    assert (await browser.get("/staff/now"))[0] == 200
    await Browser(client).sign_in("beka")
    clock.advance(hours=12)
    await tidy(client.app, clock())  # housekeeping forgets both ended sessions
    async with client.app[ENGINE].connect() as conn:
        assert (await conn.execute(select(WebSessionRow.id_hash))).all() == []
    assert (await browser.get("/staff/now"))[0] == 303
