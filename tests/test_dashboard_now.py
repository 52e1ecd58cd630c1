"""Now: open work made by signed webhooks appears with its timeline; Take, Done and Call back
go through the escalation service with the desk's refusals; the views, the refreshing
fragment, CSRF and escaping. Through HTTP, on both databases."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from markupsafe import escape

from hotline.app import BOARD, ENGINE, ESCALATIONS, UNITS
from hotline.catalog import Catalog
from hotline.escalation.model import EscalationRow, Kind, Result
from tests.conftest import (
    HOTLINE_NUMBER,
    AppClient,
    FixedClock,
    make_settings,
    post_signed,
    start_app,
)
from tests.dashboard import Browser, readers_in_english
from tests.fakes import fixtures
from tests.fakes.twilio_api import FakeTwilio
from tests.staffing import NIGHT, escalations, staff_the_hotline
from tests.test_sms import sms_params
from tests.test_voice_webhooks import end_call, press, start_call

Client = Callable[..., Awaitable[AppClient]]
CATALOG = Catalog()
EVIL = "<script>alert('hi')</script> Can my son register at the job centre?"
SMS_SENDER = "+995599112233"
ACCOUNT_SID = "AC" + "c" * 32

fake_twilio = fixtures.fake_twilio


def en(message: str, **args: str | int) -> str:
    """A text in English, as the page shows it (escaped)."""
    return str(escape(CATALOG.format("en", message, args)))


async def now_app(
    aiohttp_client: Client,
    tmp_path: Path,
    database_url: str,
    clock: FixedClock,
    twilio: FakeTwilio | None = None,
    **phones: str,
) -> AppClient:
    """The app with the roster of tests.staffing (Ana and Beka specialists, Nino supervisor),
    each with PASSWORD and reading the dashboard in English; with `twilio`, staff can call
    callers back through it (and so callers are offered a callback)."""
    callbacks = (
        {
            "HOTLINE_TWILIO_ACCOUNT_SID": ACCOUNT_SID,
            "HOTLINE_TWILIO_API_URL": twilio.base_url,
            "HOTLINE_PHONE_NUMBER": HOTLINE_NUMBER,
        }
        if twilio is not None
        else {}
    )
    settings = make_settings(tmp_path, database_url, HOTLINE_LANGUAGES="en,ru", **callbacks)
    await staff_the_hotline(settings, phones=phones or None)
    client = await start_app(aiohttp_client, settings, clock)
    await readers_in_english(client, "ana", "beka", "nino")
    return client


@pytest.fixture
async def client(
    aiohttp_client: Client,
    tmp_path: Path,
    database_url: str,
    clock: FixedClock,
    fake_twilio: FakeTwilio,
) -> AppClient:
    clock.now = NIGHT  # Monday 03:00 in Tbilisi: nobody on duty until 09:00
    return await now_app(aiohttp_client, tmp_path, database_url, clock, fake_twilio)


async def signed_in(client: AppClient, staff_id: str) -> Browser:
    browser = Browser(client)
    assert await browser.sign_in(staff_id) == 303
    return browser


async def callback_request(client: AppClient) -> EscalationRow:
    """A caller at night asks to be called back, through Twilio's signed webhooks."""
    sid = "CA" + "1" * 32
    night = await press(client, sid, await start_call(client, sid, "?lang=ru"), "3")
    await press(client, sid, night, "2")
    await end_call(client, sid)
    [record] = [r for r in await escalations(client.app[ENGINE]) if r.kind == Kind.CALLBACK]
    return record


def item(body: str, escalation_id: str) -> str:
    """One item of the queue, as HTML ("" if it is not listed)."""
    found = re.search(
        rf'<li class="item[^"]*" id="work-{escalation_id}">(.*?)\n  </li>', body, re.S
    )
    return found.group(1) if found else ""


async def test_a_callback_request_appears_with_its_timeline_and_the_count_in_the_title(
    client: AppClient,
) -> None:
    record = await callback_request(client)
    ana = await signed_in(client, "ana")
    status, body, _ = await ana.get("/staff/now")
    assert status == 200
    assert "<title>(1) Now · Hotline staff</title>" in body
    shown = item(body, record.id)
    assert en("staff-callback", code="ru") in shown
    assert "Callback request" in shown
    assert "Phone" in shown
    assert "Русский" in shown
    assert "Nobody yet" in shown
    assert '<details id="story-' in shown  # the timeline, collapsed
    assert en("timeline-opened", kind="callback", channel="voice") in shown
    # This server has no Telegram desk: no alert will go out, and the timeline says so.
    assert en("timeline-no-alerts") in shown
    assert "+995555123456" not in body  # the caller's number is never shown


async def test_take_makes_it_yours_another_sees_who_has_it_and_done_closes_it(
    client: AppClient, clock: FixedClock
) -> None:
    record = await callback_request(client)
    ana = await signed_in(client, "ana")
    beka = await signed_in(client, "beka")
    clock.advance(minutes=3)
    status, body, _ = await ana.post(f"/staff/now/{record.id}/take", {"csrf": await ana.csrf()})
    assert status == 200
    assert en("dash-now-taken") in body
    assert en("staff-taken-by-you") in body
    mine = item(body, record.id)
    assert '<dd class="holder">You</dd>' in mine
    assert f"/staff/now/{record.id}/call-back" in mine
    assert en("timeline-taken", staff="Ana Lomidze", seconds=180, minutes=3) in mine

    _, body, _ = await beka.get("/staff/now")
    theirs = item(body, record.id)
    assert "Taken by Ana Lomidze" in theirs
    assert "/take" not in theirs
    assert "<title>Now · Hotline staff</title>" in body  # nothing is waiting any more
    status, body, _ = await beka.post(f"/staff/now/{record.id}/take", {"csrf": await beka.csrf()})
    assert status == 409
    assert en("staff-already-taken", name="Ana Lomidze") in body
    status, body, _ = await beka.post(f"/staff/now/{record.id}/done", {"csrf": await beka.csrf()})
    assert status == 409  # Done is for whoever holds it
    assert en("staff-task-closed") in body

    _, body, _ = await ana.get("/staff/now?view=mine")
    assert item(body, record.id)
    _, body, _ = await ana.get("/staff/now?view=unassigned")
    assert not item(body, record.id)

    status, body, _ = await ana.post(f"/staff/now/{record.id}/done", {"csrf": await ana.csrf()})
    assert status == 200
    assert en("dash-now-done") in body
    assert not item(body, record.id)
    assert en("dash-now-empty") in body
    [closed] = [r for r in await escalations(client.app[ENGINE]) if r.id == record.id]
    assert (closed.staff_id, closed.outcome) == ("ana", Result.DONE)
    status, body, _ = await ana.post(f"/staff/now/{record.id}/done", {"csrf": await ana.csrf()})
    assert status == 409
    assert en("staff-task-closed") in body


async def test_call_back_without_a_phone_says_so(
    aiohttp_client: Client,
    tmp_path: Path,
    database_url: str,
    clock: FixedClock,
    fake_twilio: FakeTwilio,
) -> None:
    clock.now = NIGHT
    client = await now_app(
        aiohttp_client, tmp_path, database_url, clock, fake_twilio, beka="+995555000002"
    )
    record = await callback_request(client)
    ana = await signed_in(client, "ana")  # Ana has no phone on the hotline
    await ana.post(f"/staff/now/{record.id}/take", {"csrf": await ana.csrf()})
    status, body, _ = await ana.post(
        f"/staff/now/{record.id}/call-back", {"csrf": await ana.csrf()}
    )
    assert status == 409
    assert en("staff-no-phone") in body


async def test_a_form_without_the_csrf_token_is_refused(client: AppClient) -> None:
    record = await callback_request(client)
    ana = await signed_in(client, "ana")
    status, body, _ = await ana.post(f"/staff/now/{record.id}/take", {})
    assert status == 403
    assert en("dash-csrf-failed") in body
    beka = await signed_in(client, "beka")
    status, _, _ = await ana.post(f"/staff/now/{record.id}/take", {"csrf": await beka.csrf()})
    assert status == 403
    [untouched] = [r for r in await escalations(client.app[ENGINE]) if r.id == record.id]
    assert untouched.staff_id is None


async def test_the_refreshing_fragment_needs_a_session(client: AppClient) -> None:
    record = await callback_request(client)
    status, body, resp = await Browser(client).get("/staff/now/queue")
    assert status == 303
    assert resp.headers["Location"].startswith("/staff/sign-in")
    assert record.id not in body
    ana = await signed_in(client, "ana")
    status, body, resp = await ana.get("/staff/now/queue")
    assert status == 200
    assert resp.headers["Cache-Control"] == "no-store"
    assert 'data-waiting="1"' in body
    assert 'data-title="(1) Now · Hotline staff"' in body
    assert item(body, record.id)
    assert "<html" not in body  # the queue alone


async def test_a_written_question_with_markup_is_shown_as_text_to_whoever_takes_it(
    client: AppClient,
) -> None:
    async def sms(text: str) -> None:
        status, answer = await post_signed(
            client, "/twilio/sms", sms_params(text, sender=SMS_SENDER)
        )
        assert status == 200, answer

    await sms("Hello")
    await sms("7")
    await sms(EVIL)
    [question] = [r for r in await escalations(client.app[ENGINE]) if r.kind == Kind.QUESTION]
    ana = await signed_in(client, "ana")
    _, body, _ = await ana.get("/staff/now")
    assert "Written question" in item(body, question.id)
    assert "SMS" in item(body, question.id)
    assert "alert(" not in body  # the list never shows what people wrote
    status, body, _ = await ana.post(f"/staff/now/{question.id}/take", {"csrf": await ana.csrf()})
    assert status == 200
    assert "<script>alert" not in body
    assert "&lt;script&gt;alert(&#39;hi&#39;)&lt;/script&gt; Can my son" in body
    assert SMS_SENDER not in body


async def test_a_program_task_is_seen_by_its_specialist_and_supervisors_only(
    client: AppClient, clock: FixedClock
) -> None:
    service = client.app[ESCALATIONS]
    snapshot = await client.app[BOARD].current()
    async with client.app[UNITS]() as uow:
        task_id = await service.open_task(
            uow,
            case="TB-2027-014",
            task="wants-to-talk",
            specialist="beka",
            language="ru",
            flow="checkin",
            snapshot=snapshot,
            now=clock(),
        )
    record = await callback_request(client)
    ana = await signed_in(client, "ana")
    _, body, _ = await ana.get("/staff/now")
    assert item(body, record.id)
    assert not item(body, task_id)
    assert "TB-2027-014" not in body
    status, _, _ = await ana.post(f"/staff/now/{task_id}/take", {"csrf": await ana.csrf()})
    assert status == 403

    beka = await signed_in(client, "beka")
    _, body, _ = await beka.get("/staff/now?view=mine")
    mine = item(body, task_id)
    assert "Check-in task" in mine
    assert "For Beka Kapanadze, not taken yet" in mine
    assert en("staff-program-task", case="TB-2027-014", task="wants-to-talk") in mine
    assert not item(body, record.id)

    nino = await signed_in(client, "nino")
    _, body, _ = await nino.get("/staff/now")
    assert item(body, task_id)
    assert item(body, record.id)
    assert "<title>(2) Now · Hotline staff</title>" in body
    _, body, _ = await nino.get("/staff/now?view=unassigned")
    assert not item(body, task_id)
    assert item(body, record.id)
