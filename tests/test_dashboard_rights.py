"""A participant's data on the dashboard, on SQLite and PostgreSQL: a supervisor exports it
(a page in the participant's language, or JSON) and erases it, each with a reason in the
audit log and the case code typed again to erase; a specialist sees neither and gets 403."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from markupsafe import escape
from sqlalchemy import select

from hotline.app import ENGINE
from hotline.dashboard_texts import DashboardText
from hotline.storage.dashboard_tables import AuditLogEntry
from hotline.web.dashboard import DASHBOARD
from hotline.web.dashboard.people import PEOPLE
from tests.conftest import AppClient, FixedClock
from tests.dashboard import Browser, dashboard_app

Client = Callable[..., Awaitable[AppClient]]
CASE = "TB-2027-014"
PHONE = "+995555123456"
NINO = {
    "case": CASE, "program": "georgia-two-year", "release": "2027-02-10",
    "timezone": "Asia/Tbilisi", "language": "ka", "specialist": "ana", "channel": "sms",
    "phone": PHONE, "consent": "sms", "family1_name": "Tamar Beridze",
    "family1_channel": "sms", "family1_phone": "+995555765432", "family1_consent": "sms",
}  # fmt: skip
PERSON = f"/staff/participants/{CASE}"


@pytest.fixture
async def client(
    aiohttp_client: Client, tmp_path: Path, database_url: str, clock: FixedClock
) -> AppClient:
    app = await dashboard_app(aiohttp_client, tmp_path, database_url, clock)
    await app.app[PEOPLE].participants.add(NINO)
    return app


async def signed_in(client: AppClient, name: str) -> Browser:
    browser = Browser(client)
    assert await browser.sign_in(name) == 303
    return browser


def say(client: AppClient, language: str, text: DashboardText, **args: str) -> str:
    return str(escape(client.app[DASHBOARD].catalog.format(language, text, args)))


async def audit(client: AppClient) -> list[tuple[str, str, str | None, str | None]]:
    async with client.app[ENGINE].connect() as conn:
        rows = await conn.execute(select(AuditLogEntry.__table__).order_by("id"))
        return [(r.staff_id, r.action, r.case_code, r.reason) for r in rows]


async def test_a_supervisor_exports_the_data_with_a_reason_as_a_page_or_json(
    client: AppClient,
) -> None:
    beka = await signed_in(client, "beka")  # a supervisor who reads Georgian
    status, body, _ = await beka.get(PERSON)
    assert status == 200
    assert f'href="{PERSON}/data"' in body
    assert say(client, "ka", DashboardText.DASH_RIGHTS_ERASE) in body
    csrf = await beka.csrf(PERSON + "/data")
    status, body, resp = await beka.post(
        PERSON + "/export", {"csrf": csrf, "reason": "access request", "format": "json"}
    )
    assert status == 200, body
    assert resp.headers["Content-Disposition"] == f'attachment; filename="{CASE}-data.json"'
    exported = json.loads(body)
    assert exported["profile"]["phone"] == PHONE
    assert [f["name"] for f in exported["family"]] == ["Tamar Beridze"]
    status, body, resp = await beka.post(
        PERSON + "/export", {"csrf": csrf, "reason": "access request", "format": "html"}
    )
    assert status == 200
    assert '<html lang="ka">' in body
    assert say(client, "ka", DashboardText.RIGHTS_EXPORT_TITLE) in body
    assert await audit(client) == [
        ("beka", "participant:export", CASE, "access request"),
        ("beka", "participant:export", CASE, "access request"),
    ]


async def test_without_a_reason_or_the_case_code_typed_again_nothing_happens(
    client: AppClient,
) -> None:
    nino = await signed_in(client, "nino")  # an admin who reads English
    csrf = await nino.csrf(PERSON + "/data")
    status, body, _ = await nino.post(PERSON + "/export", {"csrf": csrf, "reason": "  "})
    assert status == 400
    assert say(client, "en", DashboardText.DASH_RIGHTS_REASON_MISSING) in body
    status, body, _ = await nino.post(
        PERSON + "/erase", {"csrf": csrf, "reason": "asked", "confirm": "TB-2027-015"}
    )
    assert status == 400
    assert say(client, "en", DashboardText.DASH_RIGHTS_ERASE_MISMATCH) in body
    status, body, _ = await nino.post(PERSON + "/erase", {"csrf": csrf, "confirm": CASE})
    assert status == 400
    assert say(client, "en", DashboardText.DASH_RIGHTS_REASON_MISSING) in body
    status, _, _ = await nino.post(
        "/staff/participants/TB-0000-404/erase", {"csrf": csrf, "reason": "x", "confirm": "x"}
    )
    assert status == 404
    assert await audit(client) == []
    assert (await nino.get(PERSON))[0] == 200  # still there


async def test_a_supervisor_erases_everything_once_the_case_code_is_typed_again(
    client: AppClient,
) -> None:
    nino = await signed_in(client, "nino")
    csrf = await nino.csrf(PERSON + "/data")
    status, body, _ = await nino.post(
        PERSON + "/erase",
        {"csrf": csrf, "reason": "the participant asked", "confirm": CASE.lower()},
    )
    assert status == 200, body
    assert say(client, "en", DashboardText.DASH_RIGHTS_ERASED, case=CASE) in body
    assert (await nino.get(PERSON))[0] == 404
    assert await audit(client) == [("nino", "participant:erase", CASE, "the participant asked")]
    status, body, _ = await nino.get("/staff/audit")
    assert say(client, "en", DashboardText.DASH_AUDIT_ERASE) in body


async def test_a_specialist_sees_neither_and_is_refused_both(client: AppClient) -> None:
    ana = await signed_in(client, "ana")  # the participant's own specialist
    status, body, _ = await ana.get(PERSON)
    assert status == 200
    assert f"{PERSON}/data" not in body
    assert (await ana.get(PERSON + "/data"))[0] == 403
    csrf = await ana.csrf()
    status, body, _ = await ana.post(
        PERSON + "/export", {"csrf": csrf, "reason": "curious", "format": "json"}
    )
    assert status == 403
    assert PHONE not in body
    status, _, _ = await ana.post(
        PERSON + "/erase", {"csrf": csrf, "reason": "oops", "confirm": CASE}
    )
    assert status == 403
    assert (await ana.get(PERSON))[0] == 200
    assert await audit(client) == []
