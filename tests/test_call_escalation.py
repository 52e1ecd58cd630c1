"""The call escalation and the chat conversation service through their public functions.

The call escalation decides from a duty snapshot (pure); the chat service runs on both
databases, built by the bootstrap, with no HTTP in between.
"""

from __future__ import annotations

from pathlib import Path

from cryptography.fernet import Fernet
from sqlalchemy import select

from hotline.bootstrap import build
from hotline.conversations.chat_types import ChatInput, Subscriber
from hotline.crypto import DataCipher
from hotline.escalation.board import DutySnapshot
from hotline.escalation.calls import CallEscalation
from hotline.escalation.model import Kind, Result
from hotline.escalation.policy import EscalationPolicy
from hotline.escalation.roster_file import load_roster
from hotline.flows.engine import Languages, Staffing
from hotline.storage.models import Question
from tests.conftest import HOTLINE_NUMBER, FixedClock, make_settings
from tests.staffing import DAY, NIGHT, PHONES, ROSTER, escalations, staff_the_hotline

ROSTER_ = load_roster(ROSTER)
ON_DUTY = DutySnapshot(roster=ROSTER_, phones=PHONES)


def call_escalation(callbacks: bool = True) -> CallEscalation:
    return CallEscalation(
        policy=EscalationPolicy(),
        cipher=DataCipher(Fernet.generate_key().decode()),
        languages=Languages(default="en", offered=("en", "ru", "ka")),
        default_region="GE",
        callbacks=callbacks,
    )


def test_staffing_tells_the_engine_who_can_be_rung() -> None:
    escalation = call_escalation()
    assert escalation.staffing(ON_DUTY, DAY) == Staffing(on_duty=True, reachable=True)
    assert escalation.staffing(ON_DUTY, NIGHT) == Staffing(on_duty=False, reachable=False)
    no_phones = DutySnapshot(roster=ROSTER_)
    assert escalation.staffing(no_phones, DAY) == Staffing(on_duty=True, reachable=False)
    assert escalation.staffing(DutySnapshot(roster=None), DAY).on_duty is False


def test_staffing_tells_the_engine_whether_anyone_can_call_back() -> None:
    """Without Twilio's REST API set up nobody can call a caller back, day or night."""
    for callbacks in (True, False):
        escalation = call_escalation(callbacks)
        for now in (DAY, NIGHT):
            assert escalation.staffing(ON_DUTY, now).callbacks is callbacks


def test_the_first_round_rings_a_speaker_of_the_callers_language_as_the_hotline() -> None:
    escalation = call_escalation()
    georgian = escalation.first_round(ON_DUTY, "ka", DAY, HOTLINE_NUMBER)
    assert georgian.dial is not None
    assert georgian.dial.numbers == (("beka", PHONES["beka"]),)  # a specialist who speaks ka
    assert georgian.dial.caller_id == HOTLINE_NUMBER
    russian = escalation.first_round(ON_DUTY, "ru", DAY, HOTLINE_NUMBER)
    assert russian.dial is not None
    assert russian.dial.numbers == (("ana", PHONES["ana"]),)  # first in the roster's order
    night = escalation.first_round(ON_DUTY, "ru", NIGHT, HOTLINE_NUMBER)
    assert (night.dial, night.outcome, night.closed) == (None, Result.AFTER_HOURS, True)


async def test_a_chat_question_through_the_service_is_filed_and_stop_is_said_once(
    database_url: str, tmp_path: Path
) -> None:
    settings = make_settings(tmp_path, database_url, HOTLINE_LANGUAGES="en,ru")
    await staff_the_hotline(settings)
    hotline = build(settings, clock=FixedClock(DAY))
    assert hotline.sms is not None
    service = hotline.sms.conversations
    who = Subscriber(pseudonym="p-0001", address="+995599000111", language_hint="en")
    async with hotline.running():
        menu = await service.handle(who, ChatInput("text", "hello"), delivery_id="SM1")
        assert menu.messages
        assert menu.messages[-1].choices  # the menu, with its choices
        asked = await service.handle(who, ChatInput("text", "7"), delivery_id="SM2")
        assert "question" in asked.messages[0].text.lower()
        thanks = await service.handle(who, ChatInput("text", "Where can he live?"), "SM3")
        assert thanks.ended
        again = await service.handle(who, ChatInput("text", "Where can he live?"), "SM3")
        assert again.duplicate  # the same delivery, handled once

        [record] = await escalations(hotline.database.engine)
        assert (record.kind, record.channel, record.language) == (Kind.QUESTION, "sms", "en")
        async with hotline.database.engine.connect() as conn:
            [question] = (await conn.execute(select(Question))).all()
        assert question.id == record.id
        assert "Where can he live?" not in repr(question)  # kept encrypted

        stopped = await service.handle(who, ChatInput("stop"), delivery_id="SM4")
        assert len(stopped.messages) == 1
        assert (await service.handle(who, ChatInput("stop"), delivery_id="SM5")).messages == ()
        [record] = await escalations(hotline.database.engine)
        assert record.outcome == Result.DONE  # /stop withdrew the question
