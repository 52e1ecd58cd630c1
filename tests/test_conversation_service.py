"""The conversation service and the call escalation through their public functions, on both
databases, with no HTTP in between: what a channel calls, and what it gets back."""

from __future__ import annotations

from pathlib import Path

import pytest

from hotline.bootstrap import build
from hotline.conversations.voice import SessionMissing
from hotline.conversations.voice_effects import CallDetails
from hotline.escalation.model import Kind, Result
from hotline.flows.events import DigitsReceived, EscalationEnded
from tests.conftest import CALLER, HOTLINE_NUMBER, FixedClock, make_settings, new_call_sid
from tests.staffing import DAY, NIGHT, PHONES, escalations, staff_the_hotline
from tests.twiml import Twiml

DETAILS = CallDetails(caller_number=CALLER, hotline_number=HOTLINE_NUMBER)


async def test_a_voice_step_rings_staff_on_duty_and_a_retry_gets_the_same_answer(
    database_url: str, tmp_path: Path
) -> None:
    settings = make_settings(tmp_path, database_url)
    await staff_the_hotline(settings)
    clock = FixedClock(DAY)
    hotline = build(settings, clock=clock)
    async with hotline.running():
        service = hotline.voice.conversations
        sid = new_call_sid()
        menu = Twiml.parse(await service.start(sid, CALLER, None))
        assert menu.said("To talk to a specialist, press 3.")

        answer = await service.step(sid, 1, DigitsReceived("3"), DETAILS)
        ringing = Twiml.parse(answer)
        dial = ringing.root.find("Dial")
        assert dial is not None
        assert dial.get("callerId") == HOTLINE_NUMBER  # staff see the hotline, not the caller
        assert "".join(dial.itertext()).strip() == PHONES["ana"]  # speaks English, on duty
        # Twilio retries the same request: the saved answer, and the flow moved once.
        assert await service.step(sid, 1, DigitsReceived("3"), DETAILS) == answer

        [record] = await escalations(hotline.database.engine)
        assert (record.kind, record.reason, record.attempts) == (Kind.CALL, "caller-request", 1)
        assert record.ended_at is None  # ringing

        # Twilio reports the round ended without anyone pressing 1: the next round rings.
        again = Twiml.parse(
            await service.step(sid, 2, EscalationEnded(answered=False), DETAILS, (record.id, 0))
        )
        assert again.said("Please stay on the line. We are trying another specialist.")
        next_round = again.root.find("Dial")
        assert next_round is not None
        # Those who speak English first: the supervisor Nino before Beka (no English).
        assert "".join(next_round.itertext()).strip() == PHONES["nino"]

        assert await service.finish(sid, 95)
        [record] = await escalations(hotline.database.engine)
        assert record.outcome == Result.ABANDONED  # they hung up while we were ringing


async def test_at_night_nobody_is_rung_and_the_record_says_after_hours(
    database_url: str, tmp_path: Path
) -> None:
    settings = make_settings(tmp_path, database_url)
    await staff_the_hotline(settings)
    hotline = build(settings, clock=FixedClock(NIGHT))
    async with hotline.running():
        service = hotline.voice.conversations
        sid = new_call_sid()
        await service.start(sid, CALLER, None)
        night = Twiml.parse(await service.step(sid, 1, DigitsReceived("3"), DETAILS))
        assert night.root.find("Dial") is None
        assert night.said("Nobody from our team is on duty right now.")
        [record] = await escalations(hotline.database.engine)
        assert (record.outcome, record.attempts) == (Result.AFTER_HOURS, 0)


async def test_a_step_for_a_call_never_started_is_refused(
    database_url: str, tmp_path: Path
) -> None:
    settings = make_settings(tmp_path, database_url)
    await staff_the_hotline(settings)  # migrated, as `hotline db upgrade` does
    hotline = build(settings, clock=FixedClock(DAY))
    async with hotline.running():
        service = hotline.voice.conversations
        with pytest.raises(SessionMissing):  # the channel answers with the fallback TwiML
            await service.step(new_call_sid(), 1, DigitsReceived("1"), DETAILS)
