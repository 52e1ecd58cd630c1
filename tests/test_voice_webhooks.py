"""The voice webhooks as Twilio calls them: signed requests, TwiML answers, the call log."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from hotline.app import ENGINE
from hotline.errors import ConfigError
from hotline.storage.models import CallLogEntry, CallSession, Voicemail
from tests.conftest import (
    AUTH_TOKEN,
    CALLER,
    PUBLIC_URL,
    AppClient,
    call_params,
    make_settings,
    new_call_sid,
    post_signed,
    sign,
)
from tests.twiml import Twiml


async def call_log(client: AppClient) -> list[CallLogEntry]:
    async with client.app[ENGINE].connect() as conn:
        return list((await conn.execute(select(CallLogEntry))).all())  # type: ignore[arg-type]


async def count(client: AppClient, model: Any) -> int:
    async with client.app[ENGINE].connect() as conn:
        return int((await conn.execute(select(func.count()).select_from(model))).scalar_one())


async def start_call(client: AppClient, call_sid: str, query: str = "") -> Twiml:
    status, body = await post_signed(client, f"/twilio/voice{query}", call_params(call_sid))
    assert status == 200, body
    return Twiml.parse(body)


async def press(client: AppClient, call_sid: str, answer: Twiml, digits: str) -> Twiml:
    status, body = await post_signed(client, answer.action(), call_params(call_sid, Digits=digits))
    assert status == 200, body
    return Twiml.parse(body)


async def end_call(client: AppClient, call_sid: str, duration: str = "42") -> None:
    params = call_params(call_sid, CallStatus="completed", CallDuration=duration)
    status, _ = await post_signed(client, "/twilio/voice/status", params)
    assert status == 200


async def test_a_call_is_greeted_with_the_emergency_note_then_the_menu(
    voice_client: AppClient,
) -> None:
    answer = await start_call(voice_client, new_call_sid())
    assert "24-hour hotline" in answer.spoken[0]
    assert "112" in answer.spoken[1]
    assert answer.verbs == ["Say", "Say", "Gather", "Redirect"]
    assert answer.said("To talk to a specialist, press 3.")
    gather = answer.root.find("Gather")
    assert gather is not None
    assert gather.get("numDigits") == "1"


@pytest.mark.parametrize(
    "forgery",
    ["missing", "wrong token", "another host", "plain http", "tampered form", "another path"],
)
async def test_a_forged_webhook_gets_403_and_stores_nothing(
    voice_client: AppClient, forgery: str
) -> None:
    params = call_params(new_call_sid())
    url = PUBLIC_URL + "/twilio/voice"
    headers = {
        "missing": {},
        "wrong token": {"X-Twilio-Signature": sign(url, params, token="not-" + AUTH_TOKEN)},
        "another host": {"X-Twilio-Signature": sign("https://evil.example/twilio/voice", params)},
        "plain http": {"X-Twilio-Signature": sign(url.replace("https:", "http:"), params)},
        "tampered form": {"X-Twilio-Signature": sign(url, {**params, "From": "+15550000000"})},
        "another path": {"X-Twilio-Signature": sign(PUBLIC_URL + "/twilio/voice/status", params)},
    }[forgery]
    resp = await voice_client.post("/twilio/voice", data=params, headers=headers)
    assert resp.status == 403
    assert await count(voice_client, CallLogEntry) == 0
    assert await count(voice_client, CallSession) == 0


async def test_the_host_header_is_not_trusted_for_the_signature(voice_client: AppClient) -> None:
    params = call_params(new_call_sid())
    # Signed for the URL the Host header claims: refused, the public URL is what counts.
    forged = sign("http://attacker.example/twilio/voice", params)
    resp = await voice_client.post(
        "/twilio/voice",
        data=params,
        headers={"X-Twilio-Signature": forged, "Host": "attacker.example"},
    )
    assert resp.status == 403
    # A genuine request still passes whatever Host the proxy forwards.
    genuine = sign(PUBLIC_URL + "/twilio/voice", params)
    resp = await voice_client.post(
        "/twilio/voice",
        data=params,
        headers={"X-Twilio-Signature": genuine, "Host": "10.0.0.5:8080"},
    )
    assert resp.status == 200


@pytest.mark.parametrize(
    ("path", "extra", "error"),
    [
        ("/twilio/voice", {"CallSid": "not-a-sid"}, "CallSid"),
        ("/twilio/voice/step?seq=x&lang=en", {}, "seq"),
        ("/twilio/voice/step?seq=1&lang=en", {"Digits": "1; DROP"}, "Digits"),
        ("/twilio/voice/step?seq=1&lang=en&event=bogus", {}, "event"),
    ],
)
async def test_malformed_input_gets_400_naming_the_field(
    voice_client: AppClient, path: str, extra: dict[str, str], error: str
) -> None:
    status, body = await post_signed(voice_client, path, call_params(new_call_sid(), **extra))
    assert status == 400
    assert error in body


async def test_a_retried_step_does_not_move_the_flow_twice(voice_client: AppClient) -> None:
    sid = new_call_sid()
    menu = await start_call(voice_client, sid)
    about = await press(voice_client, sid, menu, "1")
    again = await press(voice_client, sid, menu, "1")  # Twilio retries the same request
    assert again.root.find("Gather") is not None
    assert again.spoken == about.spoken
    assert again.action() == about.action()
    counselling = await press(voice_client, sid, about, "1")
    assert counselling.said("Together you plan your life after release.")
    await end_call(voice_client, sid)
    [row] = await call_log(voice_client)
    assert row.path.count("about") == 1
    assert row.path[-2:] == ["about-counselling", "about-more"]


async def test_a_retried_incoming_call_is_one_call(voice_client: AppClient) -> None:
    sid = new_call_sid()
    first = await start_call(voice_client, sid)
    second = await start_call(voice_client, sid)
    assert first.spoken == second.spoken
    assert await count(voice_client, CallLogEntry) == 1


async def test_a_finished_call_is_logged_with_a_pseudonym_and_its_path(
    voice_client: AppClient,
) -> None:
    sid = new_call_sid()
    menu = await start_call(voice_client, sid)
    about = await press(voice_client, sid, menu, "1")
    family = await press(voice_client, sid, about, "5")
    assert family.said("Families can get support too")
    back = await press(voice_client, sid, family, "0")
    bye = await press(voice_client, sid, back, "0")
    assert bye.verbs[-1] == "Hangup"
    assert bye.said("Goodbye")
    await end_call(voice_client, sid, duration="75")
    [row] = await call_log(voice_client)
    assert row.channel == "voice"
    assert row.outcome == "completed"
    assert row.duration_s == 75
    assert row.language == "en"
    assert row.path == [
        "language", "main-menu", "about", "about-family", "about-more",
        "main-menu", "goodbye",
    ]  # fmt: skip
    assert row.caller is not None
    assert len(row.caller) == 32
    assert CALLER.lstrip("+") not in row.caller


async def test_the_same_caller_gets_the_same_pseudonym(voice_client: AppClient) -> None:
    for _ in range(2):
        sid = new_call_sid()
        await start_call(voice_client, sid)
        await end_call(voice_client, sid)
    first, second = await call_log(voice_client)
    assert first.caller == second.caller
    assert first.outcome == second.outcome == "abandoned"


async def test_wrong_keys_and_silence_repeat_then_lead_to_a_person(
    voice_client: AppClient,
) -> None:
    sid = new_call_sid()
    answer = await start_call(voice_client, sid)
    answer = await press(voice_client, sid, answer, "7")
    assert answer.spoken[0] == "Sorry, that key is not one of the choices."
    answer = await press(voice_client, sid, answer, "*")
    assert answer.said("To talk to a specialist, press 3.")
    assert not answer.said("Sorry")
    for _ in range(2):  # silence: Twilio follows the <Redirect> after the <Gather>
        params = call_params(sid)
        status, body = await post_signed(voice_client, answer.redirect(), params)
        assert status == 200
        answer = Twiml.parse(body)
        assert answer.spoken[0] == "Sorry, we did not hear a choice."
    # The fourth miss: no more repeats, a person. Nobody is on duty in this deployment (no
    # roster), so the caller hears the emergency number and may leave a message rather than
    # be cut off. Nobody could call them back (no Twilio REST API here): it is not offered.
    answer = await press(voice_client, sid, answer, "8")
    assert not answer.said("connecting you with a specialist")
    assert answer.said("Nobody from our team is on duty right now")
    assert answer.said("112")
    assert answer.said("To leave a message, press 1.")
    assert not answer.said("called back")
    assert answer.verbs[-2:] == ["Gather", "Redirect"]


async def test_a_voicemail_is_filed_and_logged(voice_client: AppClient) -> None:
    sid = new_call_sid()
    menu = await start_call(voice_client, sid)
    prompt = await press(voice_client, sid, menu, "4")
    assert prompt.said("leave your message after the tone")
    recording = call_params(
        sid, RecordingUrl="https://api.twilio.com/x/Recordings/RE1", RecordingDuration="31"
    )
    status, body = await post_signed(voice_client, prompt.action("Record"), recording)
    assert status == 200
    thanks = Twiml.parse(body)
    assert thanks.said("We have your message")
    assert thanks.verbs[-1] == "Hangup"
    await end_call(voice_client, sid)
    [row] = await call_log(voice_client)
    assert row.outcome == "voicemail"
    assert await count(voice_client, Voicemail) == 1


async def test_silence_at_the_beep_returns_to_the_menu(voice_client: AppClient) -> None:
    sid = new_call_sid()
    prompt = await press(voice_client, sid, await start_call(voice_client, sid), "4")
    status, body = await post_signed(voice_client, prompt.redirect(), call_params(sid))
    assert status == 200
    answer = Twiml.parse(body)
    assert answer.spoken[0] == "We did not hear a message."
    assert answer.said("To leave a message, press 4.")


def test_the_old_single_specialist_number_is_refused_naming_the_roster(tmp_path: Path) -> None:
    # The duty roster replaced it (tests/test_escalation_voice.py); a deployment that still
    # sets it learns what to do instead, rather than silently ringing nobody.
    with pytest.raises(
        ConfigError, match="HOTLINE_SPECIALIST_NUMBER is replaced by the duty roster"
    ):
        make_settings(tmp_path, HOTLINE_SPECIALIST_NUMBER="+995599000777")


async def test_a_hang_up_in_the_middle_is_logged_as_abandoned(voice_client: AppClient) -> None:
    sid = new_call_sid()
    await press(voice_client, sid, await start_call(voice_client, sid), "1")
    await end_call(voice_client, sid, duration="20")
    [row] = await call_log(voice_client)
    assert row.outcome == "abandoned"
    assert row.path[-1] == "about"


async def test_healthz_and_readyz_answer(voice_client: AppClient) -> None:
    resp = await voice_client.get("/healthz")
    assert (resp.status, await resp.json()) == (200, {"status": "alive"})
    ready = await voice_client.get("/readyz")
    assert (ready.status, (await ready.json())["status"]) == (200, "ready")
