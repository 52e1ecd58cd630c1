"""A caller asks for a specialist: rounds of ringing, the whisper, after hours, callbacks."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from sqlalchemy import select

from hotline.app import ENGINE
from hotline.escalation.model import Kind, Result
from hotline.storage.models import CallbackTask, EscalationTimer
from tests.conftest import (
    CALLER,
    HOTLINE_NUMBER,
    AppClient,
    FixedClock,
    call_params,
    make_settings,
    new_call_sid,
    post_signed,
    start_app,
)
from tests.fakes import fixtures
from tests.fakes.twilio_api import FakeTwilio
from tests.staffing import DAY, NIGHT, PHONES, escalations, staff_the_hotline
from tests.test_voice_webhooks import end_call, press, start_call
from tests.twiml import Twiml

CHILD_SID = "CA" + "c" * 32
fake_twilio = fixtures.fake_twilio


async def hotline(
    aiohttp_client: Any, database_url: str, tmp_path: Path, clock: FixedClock, **env: str
) -> AppClient:
    settings = make_settings(tmp_path, database_url, HOTLINE_LANGUAGES="en,ru", **env)
    await staff_the_hotline(settings)
    return await start_app(aiohttp_client, settings, clock)


def numbers(dial: Twiml) -> list[tuple[str, str]]:
    """(number rung, whisper URL) of each <Number> of the <Dial>."""
    element = dial.root.find("Dial")
    assert element is not None
    return [(n.text or "", n.get("url", "")) for n in element.findall("Number")]


async def whisper(client: AppClient, url: str, digits: str | None = None) -> Twiml:
    """What the specialist's leg gets: the offer, or the answer to their key."""
    params = call_params(CHILD_SID, To=PHONES["ana"], From=HOTLINE_NUMBER)
    if digits is not None:
        params["Digits"] = digits
    status, body = await post_signed(
        client, url.removeprefix("https://hotline.example.org"), params
    )
    assert status == 200, body
    return Twiml.parse(body)


async def dial_ended(client: AppClient, sid: str, dial: Twiml, status: str) -> Twiml:
    params = call_params(sid, DialCallStatus=status, DialCallSid=CHILD_SID)
    code, body = await post_signed(client, dial.action("Dial"), params)
    assert code == 200, body
    return Twiml.parse(body)


async def test_day_call_first_does_not_answer_second_presses_1_and_is_put_through(
    aiohttp_client: Any, database_url: str, tmp_path: Path
) -> None:
    clock = FixedClock(DAY)
    client = await hotline(aiohttp_client, database_url, tmp_path, clock)
    sid = new_call_sid()
    dial = await press(client, sid, await start_call(client, sid, "?lang=ru"), "3")
    assert dial.said("Пожалуйста, оставайтесь на линии"), dial.spoken
    element = dial.root.find("Dial")
    assert element is not None
    # Staff see the hotline's number, never the caller's; the caller hears ringing meanwhile.
    assert element.get("callerId") == HOTLINE_NUMBER
    assert element.get("answerOnBridge") == "true"
    assert CALLER not in dial.body
    # Sequential: Ana first (on duty, speaks Russian, listed first).
    [(number, url)] = numbers(dial)
    assert number == PHONES["ana"]
    offer = await whisper(client, url)
    assert offer.said("Звонок на горячую линию")
    assert offer.said("русский")
    assert offer.verbs == ["Gather", "Gather", "Hangup"]
    assert CALLER not in offer.body

    clock.advance(seconds=20)  # Ana's phone rings out
    again = await dial_ended(client, sid, dial, "no-answer")
    assert again.said("Пожалуйста, оставайтесь на линии")
    [(number, url)] = numbers(again)
    assert number == PHONES["beka"]
    clock.advance(seconds=6)
    accepted = await whisper(client, url + "&stage=key", digits="1")
    assert accepted.verbs == []  # an empty answer: Twilio puts the call through

    clock.advance(minutes=12)  # they talk; Beka hangs up
    after = await dial_ended(client, sid, again, "completed")
    assert after.verbs[-1] == "Hangup"
    await end_call(client, sid, duration="790")

    [record] = await escalations(client.app[ENGINE])
    assert (record.kind, record.staff_id, record.outcome) == (Kind.CALL, "beka", Result.ANSWERED)
    assert record.attempts == 2
    assert record.answered_at is not None
    assert (record.answered_at - record.started_at).total_seconds() == 26


async def test_a_voicemail_that_picks_up_never_takes_the_call(
    aiohttp_client: Any, database_url: str, tmp_path: Path
) -> None:
    client = await hotline(aiohttp_client, database_url, tmp_path, FixedClock(DAY))
    sid = new_call_sid()
    dial = await press(client, sid, await start_call(client, sid, "?lang=ru"), "3")
    # Ana's voicemail answers: Twilio says "completed", but nobody pressed 1.
    again = await dial_ended(client, sid, dial, "completed")
    [(number, _)] = numbers(again)
    assert number == PHONES["beka"]
    last = await dial_ended(client, sid, again, "no-answer")
    # Nino (supervisor, on duty, does not speak Russian) is the last round.
    [(number, _)] = numbers(last)
    assert number == PHONES["nino"]
    unanswered = await dial_ended(client, sid, last, "busy")
    assert unanswered.verbs[-2:] == ["Gather", "Redirect"]  # message or callback
    [record] = await escalations(client.app[ENGINE])
    assert (record.staff_id, record.outcome, record.attempts) == (None, Result.UNANSWERED, 3)


async def test_simultaneous_rings_all_speakers_and_the_first_to_press_1_wins(
    aiohttp_client: Any, database_url: str, tmp_path: Path
) -> None:
    client = await hotline(
        aiohttp_client, database_url, tmp_path, FixedClock(DAY), HOTLINE_RING_MODE="simultaneous"
    )
    sid = new_call_sid()
    dial = await press(client, sid, await start_call(client, sid, "?lang=ru"), "3")
    rung = dict(numbers(dial))
    assert set(rung) == {PHONES["ana"], PHONES["beka"]}  # the Russian speakers on duty
    first = await whisper(client, rung[PHONES["beka"]] + "&stage=key", digits="1")
    assert first.verbs == []
    second = await whisper(client, rung[PHONES["ana"]] + "&stage=key", digits="1")
    assert second.verbs[-1] == "Hangup"  # told a colleague has it, not put through
    [record] = await escalations(client.app[ENGINE])
    assert record.staff_id == "beka"


async def test_night_call_nobody_on_duty_emergency_number_and_a_callback(
    aiohttp_client: Any, database_url: str, tmp_path: Path, fake_twilio: FakeTwilio
) -> None:
    """Staff can call back here (Twilio's REST API is set up): the caller may ask for it."""
    clock = FixedClock(NIGHT)
    client = await hotline(
        aiohttp_client,
        database_url,
        tmp_path,
        clock,
        HOTLINE_TWILIO_ACCOUNT_SID="AC" + "a" * 32,
        HOTLINE_TWILIO_API_URL=fake_twilio.base_url,
        HOTLINE_PHONE_NUMBER=HOTLINE_NUMBER,
    )
    sid = new_call_sid()
    night = await press(client, sid, await start_call(client, sid, "?lang=en"), "3")
    assert not night.said("connecting you")
    assert night.said("Nobody from our team is on duty right now")
    assert night.said("call 112 now")
    assert "Dial" not in night.verbs
    done = await press(client, sid, night, "2")
    assert done.said("call you back on this number")
    assert done.verbs[-1] == "Hangup"
    await end_call(client, sid)

    records = await escalations(client.app[ENGINE])
    [after_hours] = [r for r in records if r.kind == Kind.CALL]
    [task] = [r for r in records if r.kind == Kind.CALLBACK]
    assert (after_hours.kind, after_hours.outcome) == (Kind.CALL, Result.AFTER_HOURS)
    assert (task.kind, task.reason, task.outcome) == (Kind.CALLBACK, "callback", None)
    async with client.app[ENGINE].connect() as conn:
        stored = (await conn.execute(select(CallbackTask))).one()
        timers = (await conn.execute(select(EscalationTimer).order_by(EscalationTimer.stage))).all()
    assert stored.contact
    assert CALLER not in stored.contact
    # Nobody is woken: the first alert waits for the morning shift (09:00 Tbilisi = 05:00 UTC),
    # the reminder 5 minutes later, the supervisor 15 minutes after the first alert.
    assert [(t.stage, t.due_at.strftime("%H:%M")) for t in timers] == [
        (0, "05:00"),
        (1, "05:05"),
        (2, "05:15"),
    ]


async def test_a_caller_who_hangs_up_while_ringing_is_recorded_as_abandoned(
    aiohttp_client: Any, database_url: str, tmp_path: Path
) -> None:
    client = await hotline(aiohttp_client, database_url, tmp_path, FixedClock(DAY))
    sid = new_call_sid()
    await press(client, sid, await start_call(client, sid, "?lang=ru"), "3")
    await end_call(client, sid, duration="15")
    [record] = await escalations(client.app[ENGINE])
    assert (record.staff_id, record.outcome) == (None, Result.ABANDONED)


async def test_a_forged_whisper_gets_403_and_takes_nothing(
    aiohttp_client: Any, database_url: str, tmp_path: Path
) -> None:
    client = await hotline(aiohttp_client, database_url, tmp_path, FixedClock(DAY))
    sid = new_call_sid()
    dial = await press(client, sid, await start_call(client, sid, "?lang=ru"), "3")
    [(_, url)] = numbers(dial)
    path = url.removeprefix("https://hotline.example.org") + "&stage=key"
    params = call_params(CHILD_SID, Digits="1")
    resp = await client.post(path, data=params, headers={"X-Twilio-Signature": "forged"})
    assert resp.status == 403
    [record] = await escalations(client.app[ENGINE])
    assert record.staff_id is None
