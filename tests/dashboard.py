"""Helpers of the dashboard tests: an app with staff and passwords, a browser's session."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher

from hotline.app import STAFF
from hotline.escalation.roster import Role, Staff
from hotline.web.dashboard import DASHBOARD
from tests.conftest import AppClient, FixedClock, make_settings, start_app

PASSWORD = "correct horse battery"
# Real Argon2 with small parameters: the default's 64 MiB a hash would make each test slow.
QUICK_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)
PEOPLE = (
    Staff("ana", "Ana Kovač", Role.SPECIALIST, ("hr", "en")),
    Staff("beka", "Beka Beridze", Role.SUPERVISOR, ("ka", "ru")),
    Staff("nino", "Nino Admin", Role.ADMIN, ("en", "ka")),
)
_CSRF = re.compile(r'name="csrf" value="([^"]+)"')


async def dashboard_app(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    tmp_path: Path,
    database_url: str,
    clock: FixedClock,
    people: tuple[Staff, ...] = PEOPLE,
    **env: str,
) -> AppClient:
    """The whole app on a real database, with staff who each have PASSWORD."""
    settings = make_settings(tmp_path, database_url, **env)
    client = await start_app(aiohttp_client, settings, clock)
    client.app[DASHBOARD].accounts.hasher = QUICK_HASHER
    for person in people:
        await client.app[STAFF].add(person, phone=None, telegram_id=None, now=clock())
        await client.app[DASHBOARD].accounts.set_password(person.id, PASSWORD)
    return client


async def readers_in_english(client: AppClient, *staff_ids: str) -> None:
    """Staff of the roster who sign in with PASSWORD and read the dashboard in English."""
    accounts = client.app[DASHBOARD].accounts
    accounts.hasher = QUICK_HASHER
    for staff_id in staff_ids:
        await accounts.set_password(staff_id, PASSWORD)
        await accounts.set_language(staff_id, "en")


@dataclass
class Browser:
    """One browser: its session cookie (sent by hand: the cookie is Secure, the test is not)."""

    client: AppClient
    session: str | None = None
    headers: dict[str, str] | None = None

    def _headers(self, extra: dict[str, str] | None = None) -> dict[str, str]:
        headers = dict(self.headers or {})
        if self.session:
            headers["Cookie"] = f"hotline_staff={self.session}"
        headers.update(extra or {})
        return headers

    async def get(self, path: str, **extra: str) -> tuple[int, str, Any]:
        resp = await self.client.get(path, headers=self._headers(extra), allow_redirects=False)
        return resp.status, await resp.text(), resp

    async def post(self, path: str, data: dict[str, str], **extra: str) -> tuple[int, str, Any]:
        resp = await self.client.post(
            path, data=data, headers=self._headers(extra), allow_redirects=False
        )
        return resp.status, await resp.text(), resp

    async def sign_in(self, name: str, password: str = PASSWORD, **extra: str) -> int:
        status, _, resp = await self.post(
            "/staff/sign-in", {"name": name, "password": password}, **extra
        )
        if status == 303 and "hotline_staff" in resp.cookies:
            self.session = resp.cookies["hotline_staff"].value
        return int(status)

    async def csrf(self, path: str = "/staff/now") -> str:
        status, body, _ = await self.get(path)
        assert status == 200, body
        found = _CSRF.search(body)
        assert found, body
        return found.group(1)
