"""Two years of the Georgian program driven by the test clock, on SQLite and PostgreSQL: a
participant enrolled 80 days before release, and her mother, through every step of the
shipped campaign to its last message, answering some check-ins by SMS and not others."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from hotline.app import ENGINE, UNITS
from hotline.escalation.model import Kind
from hotline.participants.model import Status
from hotline.reminders.plan import RowStatus
from tests.fakes import FakeTelegram, fixtures
from tests.fakes.twilio_api import FakeTwilio
from tests.staffing import escalations
from tests.test_checkin_answers import answers, sms
from tests.test_dispatcher import MOTHER_PHONE, NINO, PHONE, World, text, twilio, world

fake_telegram = fixtures.fake_telegram
__all__ = ["fake_telegram", "twilio"]  # fixtures

CASE = "TB-2027-014"
# Enrolled on 22 November 2026, released on 10 February 2027: 80 days.
PERSON = {**NINO, "release": "2027-02-10"}
# What she answers, by step: the rest she leaves unanswered.
ANSWERS = {"day-1": "1", "day-14": "2"}
MAX_STEPS = 400  # ticks; the plan has about 40 rows


@pytest.fixture
async def w(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio: FakeTwilio,
) -> World:
    return await world(aiohttp_client, database_url, tmp_path, fake_telegram, twilio)


async def next_due(w: World) -> Any:
    """When the next planned row of the case is ready, or None."""
    rows = [r for r, _ in await w.history(CASE) if r.status is RowStatus.PLANNED]
    return min((r.ready_at for r in rows), default=None)


async def test_two_years_run_their_course_and_the_program_ends_itself(w: World) -> None:
    await w.service.add(PERSON)
    answered: set[str] = set()
    for _ in range(MAX_STEPS):
        due = await next_due(w)
        if due is None:
            break
        w.clock.now = max(w.clock(), due) + timedelta(minutes=1)
        await w.tick()
        for row, _ in await w.history(CASE):
            step = row.message.step
            if step in ANSWERS and step not in answered and row.status is RowStatus.SENT:
                answered.add(step)
                await sms(w, ANSWERS[step])
    else:
        pytest.fail("the plan did not run out")
    # Three days after the last check-in, its silence is judged too.
    w.clock.advance(days=4)
    await w.tick()

    history = await w.history(CASE)
    assert not [r for r, _ in history if r.status is RowStatus.PLANNED]
    outcome = Counter(
        (r.message.recipient_kind.value, r.status.value)
        for r, _ in history
        if r.status is not RowStatus.CANCELLED
    )
    # Enrolled 80 days ahead: the 3-month steps were already past; everything since went.
    sent_to_her = outcome[("participant", "sent")]
    assert sent_to_her == len(w.twilio.messages_to(PHONE))  # (answers are replied to in TwiML)
    assert outcome[("family", "sent")] == len(w.twilio.messages_to(MOTHER_PHONE))
    assert w.twilio.messages_to(PHONE)[-1].body == text("en", "reminder-program-end")
    # Her answers were kept; the silences around them were judged.
    kept = {r.message.step: r for r, _ in history if r.message.flow}
    assert len(kept) == 4 + 6 + 5  # days 1, 3, 7 and 14; months 1 to 6; quarters 9 to 21
    assert {s: r.status for s, r in kept.items()} == dict.fromkeys(kept, RowStatus.SENT)
    said = await answers(w)
    assert said == {step: {"day-1": "fine", "day-14": "talk"}.get(step, "silent") for step in kept}
    async with w.client.app[UNITS]() as uow:
        nino = await uow.participants.get(CASE)
    assert nino is not None
    assert nino.status is Status.ENDED
    tasks = Counter(
        r.reason for r in await escalations(w.client.app[ENGINE]) if r.kind == Kind.TASK
    )
    # "Talk" on day 14; two silences in a row (days 3 and 7), then again (months 1 and 2).
    # And the pre-release meeting, missed at enrolment, came to her specialist at once.
    assert tasks == {"plan-meeting": 1, "wants-to-talk": 1, "no-answers": 2}
