"""Staff can hear a voicemail: whoever takes it on Telegram gets the recording, fetched from
Twilio with the account's credentials; with HOTLINE_DELETE_RECORDINGS=yes it is deleted at
Twilio once it has reached them, and by the daily purge once its days are past if nobody took
it. The real PTB client and aiohttp against the fakes, on both databases.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

from hotline.accounts.ports import AuditFilter
from hotline.app import ENGINE, HOTLINE
from hotline.bootstrap.retention import run_purge
from hotline.escalation.model import Kind
from hotline.web.dashboard import DASHBOARD
from tests.conftest import CALLER, AppClient, FixedClock, call_params, new_call_sid, post_signed
from tests.dashboard import Browser, readers_in_english
from tests.fakes import FakeTelegram, TelegramCall, fixtures
from tests.fakes.twilio_api import FakeTwilio
from tests.staffing import DAY, NIGHT, TELEGRAM, escalations
from tests.test_escalation_desk import STAFF, WAIT_S, Desk, desk_app, to_staff, twilio_for_app
from tests.test_voice_webhooks import end_call, press, start_call

fake_telegram = fixtures.fake_telegram
twilio_for_app = twilio_for_app  # the fixture, under its own name here

MP3 = b"ID3\x03\x00" + bytes(range(256)) * 40  # what Twilio would give as the message
SECONDS = 31


async def night_voicemail(desk: Desk, recording_url: str) -> None:
    """A caller at 03:00 asks for a specialist, nobody is on duty, and they leave a message."""
    sid = new_call_sid()
    night = await press(desk.client, sid, await start_call(desk.client, sid, "?lang=ru"), "3")
    prompt = await press(desk.client, sid, night, "1")
    recording = call_params(sid, RecordingUrl=recording_url, RecordingDuration=str(SECONDS))
    status, _ = await post_signed(desk.client, prompt.action("Record"), recording)
    assert status == 200
    await end_call(desk.client, sid)


async def ana_takes_it(desk: Desk, clock: FixedClock, *, no_number: bool = False) -> int:
    """The shift begins, Ana is alerted and presses Take; the index of her calls before."""
    clock.now = DAY.replace(hour=5)  # 09:00 in Tbilisi
    assert await desk.tick() == 1
    [alert] = await desk.wait_to("ana", 1, after=0)
    told = "staff-voicemail-no-number" if no_number else "staff-voicemail"
    assert alert.text == to_staff("ana", told, code="ru", seconds=SECONDS)
    before = len(desk.fake.calls)
    await desk.send(desk.fake.press(alert, to_staff("ana", "staff-take"), user=STAFF["ana"]))
    await desk.settle()
    return before


async def audio_to(desk: Desk, staff_id: str, after: int) -> TelegramCall:
    return await desk.fake.wait_for(
        method="sendAudio", chat_id=TELEGRAM[staff_id], after=after, timeout=WAIT_S
    )


async def test_whoever_takes_a_voicemail_gets_its_recording_and_it_stays_at_twilio(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> None:
    clock = FixedClock(NIGHT)
    desk = await desk_app(
        aiohttp_client, database_url, tmp_path, clock, fake_telegram, twilio_for_app
    )
    url = twilio_for_app.add_recording(MP3)
    await night_voicemail(desk, url)
    before = await ana_takes_it(desk, clock)
    audio = await audio_to(desk, "ana", before)
    message = audio.result
    assert message["audio"]["file_size"] == len(MP3)  # the very recording, whole
    assert message["audio"]["mime_type"] == "audio/mpeg"
    # Its caption says what it is, in Ana's language; never who called.
    assert message["caption"] == to_staff("ana", "staff-voicemail", code="ru", seconds=SECONDS)
    # It comes after the task's own message (with Call back and Done), not before.
    yours = [c for c in desk.to("ana") if c.seq < audio.seq]
    assert to_staff("ana", "staff-taken-by-you") in (yours[-1].text or "")
    # Beka, who did not take it, gets no recording.
    assert not [c for c in desk.fake.calls_of("sendAudio") if c.chat_id == TELEGRAM["beka"]]
    # Fetched with the account's credentials; kept at Twilio (the deployment did not ask).
    [fetched] = [r for r in twilio_for_app.requests if r.resource == "Recordings"]
    assert (fetched.http_method, fetched.status) == ("GET", 200)
    assert twilio_for_app.recordings
    assert CALLER not in repr(desk.fake.calls)


async def test_with_delete_recordings_the_recording_is_deleted_once_staff_have_it(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> None:
    clock = FixedClock(NIGHT)
    desk = await desk_app(
        aiohttp_client,
        database_url,
        tmp_path,
        clock,
        fake_telegram,
        twilio_for_app,
        HOTLINE_DELETE_RECORDINGS="yes",
    )
    url = twilio_for_app.add_recording(MP3)
    await night_voicemail(desk, url)
    before = await ana_takes_it(desk, clock)
    await audio_to(desk, "ana", before)
    await desk.settle()
    methods = [
        (r.http_method, r.status) for r in twilio_for_app.requests if r.resource == "Recordings"
    ]
    assert methods == [("GET", 200), ("DELETE", 204)]
    assert twilio_for_app.recordings == {}


async def test_a_recording_twilio_no_longer_has_is_said_to_whoever_took_it(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> None:
    clock = FixedClock(NIGHT)
    desk = await desk_app(
        aiohttp_client, database_url, tmp_path, clock, fake_telegram, twilio_for_app
    )
    url = twilio_for_app.add_recording(MP3)
    twilio_for_app.recordings.clear()  # deleted in the console meanwhile
    await night_voicemail(desk, url)
    before = await ana_takes_it(desk, clock)
    said = await desk.fake.wait_for(
        lambda c: c.text == to_staff("ana", "staff-voicemail-unavailable"),
        chat_id=TELEGRAM["ana"],
        after=before,
        timeout=WAIT_S,
    )
    assert said.ok
    assert not desk.fake.calls_of("sendAudio")


async def test_a_link_that_is_not_the_accounts_own_recording_is_never_fetched(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> None:
    """The account's credentials go only to its own recordings on the configured API."""
    clock = FixedClock(NIGHT)
    desk = await desk_app(
        aiohttp_client, database_url, tmp_path, clock, fake_telegram, twilio_for_app
    )
    elsewhere = (
        f"{twilio_for_app.base_url}/2010-04-01/Accounts/AC{'0' * 32}/Recordings/RE{'1' * 32}"
    )
    await night_voicemail(desk, elsewhere)
    before = await ana_takes_it(desk, clock)
    await desk.fake.wait_for(
        lambda c: c.text == to_staff("ana", "staff-voicemail-unavailable"),
        chat_id=TELEGRAM["ana"],
        after=before,
        timeout=WAIT_S,
    )
    assert not [r for r in twilio_for_app.requests if r.resource == "Recordings"]


async def test_the_dashboard_plays_the_voicemail_to_whoever_holds_it(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> None:
    """On Now, the one who took a voicemail hears it (fetched from Twilio, written in the
    audit log); anyone else gets neither the player nor the recording."""
    clock = FixedClock(NIGHT)
    desk = await desk_app(
        aiohttp_client, database_url, tmp_path, clock, fake_telegram, twilio_for_app
    )
    await night_voicemail(desk, twilio_for_app.add_recording(MP3))
    await ana_takes_it(desk, clock)
    await readers_in_english(desk.client, "ana", "beka")
    [record] = [r for r in await escalations(desk.client.app[ENGINE]) if r.kind == Kind.CALLBACK]
    path = f"/staff/now/{record.id}/recording"
    ana, beka = Browser(desk.client), Browser(desk.client)
    assert await ana.sign_in("ana") == 303
    assert await beka.sign_in("beka") == 303

    _, page, _ = await ana.get("/staff/now")
    assert f'<audio controls preload="none" src="{path}"' in page
    assert "The caller&#39;s message" in page or "The caller's message" in page
    heard = await desk.client.get(path, headers=ana._headers())
    assert heard.status == 200
    assert heard.content_type == "audio/mpeg"
    assert heard.headers["Cache-Control"] == "no-store"
    assert await heard.read() == MP3
    lines = await desk.client.app[DASHBOARD].accounts.audit_lines(AuditFilter("ana"), 10)
    assert "voicemail:listen" in [line.entry.action for line in lines]

    _, page, _ = await beka.get("/staff/now")
    assert path not in page
    refused = await desk.client.get(path, headers=beka._headers())
    assert refused.status == 404
    assert MP3 not in await refused.read()


async def test_without_callbacks_no_number_is_kept_and_no_call_back_is_offered(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> None:
    """The hotline cannot place calls (no number of its own): the voicemail's task keeps no
    caller number, and whoever takes it gets Done alone, never a Call back that cannot ring;
    the recording still reaches them."""
    clock = FixedClock(NIGHT)
    desk = await desk_app(
        aiohttp_client,
        database_url,
        tmp_path,
        clock,
        fake_telegram,
        twilio_for_app,
        HOTLINE_PHONE_NUMBER="",
    )
    await night_voicemail(desk, twilio_for_app.add_recording(MP3))
    records = await escalations(desk.client.app[ENGINE])
    [record] = [r for r in records if r.kind == Kind.CALLBACK]
    async with desk.client.app[HOTLINE].database.units() as uow:
        task = await uow.tasks.get(record.id)
    assert task is not None
    assert task.contact is None  # nobody could call it: not kept
    assert task.recording_url is not None
    before = await ana_takes_it(desk, clock, no_number=True)
    yours = await desk.fake.wait_for(
        lambda c: to_staff("ana", "staff-taken-by-you") in (c.text or ""),
        chat_id=TELEGRAM["ana"],
        after=before,
        timeout=WAIT_S,
    )
    assert yours.button_texts == [to_staff("ana", "staff-done")]
    await audio_to(desk, "ana", before)


async def test_a_voicemail_nobody_took_is_deleted_at_twilio_by_the_purge_after_its_days(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> None:
    clock = FixedClock(NIGHT)
    desk = await desk_app(
        aiohttp_client,
        database_url,
        tmp_path,
        clock,
        fake_telegram,
        twilio_for_app,
        HOTLINE_DELETE_RECORDINGS="yes",
    )
    url = twilio_for_app.add_recording(MP3)
    await night_voicemail(desk, url)
    hotline = desk.client.app[HOTLINE]
    week = run_purge(hotline.core, hotline.database, NIGHT + timedelta(days=6))
    assert (await week).recordings_deleted == 0  # still within its 7 days
    assert len(twilio_for_app.recordings) == 1
    counts = await run_purge(hotline.core, hotline.database, NIGHT + timedelta(days=8))
    assert (counts.voicemails, counts.callback_tasks, counts.recordings_deleted) == (1, 1, 1)
    deletes = [r.status for r in twilio_for_app.requests if r.http_method == "DELETE"]
    assert deletes == [204]
    assert twilio_for_app.recordings == {}
