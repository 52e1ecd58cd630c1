"""An escalation's timeline, as the staff dashboard will show it: who was rung and alerted,
who took it, and why nobody was reached yet, read back through the escalation service and
worded in each reader's language."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from hotline.app import ENGINE, ESCALATIONS
from hotline.catalog import Catalog
from hotline.dashboard_texts import DashboardText
from hotline.escalation.model import EscalationRow, Kind, Result
from hotline.escalation.timeline import Entry, EscalationEvent, EventKind, timeline
from hotline.messages import MessageId
from tests.fakes import FakeTelegram, TelegramUser, fixtures
from tests.fakes.twilio_api import FakeTwilio
from tests.staffing import TELEGRAM, escalations
from tests.test_checkin_answers import CHECKINS, PERSON, sms
from tests.test_dispatcher import World, twilio, world
from tests.test_telegram import Bot

fake_telegram = fixtures.fake_telegram
__all__ = ["fake_telegram", "twilio"]  # fixtures

CATALOG = Catalog()
T0 = datetime(2026, 11, 22, 23, 0, tzinfo=UTC)  # a Sunday night: 03:00 in Tbilisi
NAMES = {"ana": "Ana Lomidze", "beka": "Beka Kapanadze"}


def row(**changes: Any) -> EscalationRow:
    values: dict[str, Any] = {
        "id": "e1", "log_id": "l1", "kind": Kind.CALL, "channel": "voice", "language": "ka",
        "reason": "caller-request", "started_at": T0, "answered_at": None, "staff_id": None,
        "attempts": 0, "stage": 0, "outcome": None, "ended_at": None,
    }  # fmt: skip
    values.update(changes)
    return EscalationRow(**values)


def words(entries: list[Entry], language: str = "en") -> list[str]:
    """The entries as a reader sees them (a time as HH:MM UTC, as a page would format it)."""
    out = []
    for entry in entries:
        args = {k: (f"{v:%H:%M}" if isinstance(v, datetime) else v) for k, v in entry.args.items()}
        out.append(CATALOG.format(language, entry.message, args))
    return out


def test_nobody_on_duty_says_until_when() -> None:
    morning = T0 + timedelta(hours=6)
    entries = timeline(row(), [], morning, T0 + timedelta(minutes=3), NAMES)
    assert [e.message for e in entries] == [
        DashboardText.TIMELINE_OPENED,
        DashboardText.TIMELINE_NOBODY_ON_DUTY,
    ]
    assert words(entries)[-1] == "Nobody on duty until 05:00: they will be alerted then."


def test_rung_alerted_taken_and_ended_in_time_order() -> None:
    events = [
        EscalationEvent(T0 + timedelta(seconds=40), EventKind.ALERTED, "beka", "telegram"),
        EscalationEvent(T0 + timedelta(seconds=1), EventKind.RANG, "ana", "voice", 20),
        EscalationEvent(T0 + timedelta(seconds=1), EventKind.RANG, "beka", "voice", 20),
    ]
    taken = row(
        staff_id="beka",
        answered_at=T0 + timedelta(minutes=2, seconds=5),
        ended_at=T0 + timedelta(minutes=9),
        outcome=Result.ANSWERED,
    )
    said = words(timeline(taken, events, None, T0 + timedelta(hours=1), NAMES))
    assert said == [
        "A caller asked for a specialist.",
        "Rang Ana Lomidze (up to 20 s).",
        "Rang Beka Kapanadze (up to 20 s).",
        "Alerted Beka Kapanadze on Telegram.",
        "Taken by Beka Kapanadze after 2 min.",
        "Answered.",
    ]


def test_a_callback_request_after_an_unanswered_call_says_who_was_rung() -> None:
    rang = [
        EscalationEvent(T0 + timedelta(seconds=s), EventKind.RANG, who, seconds=20)
        for s, who in ((5, "ana"), (25, "beka"))
    ]
    call = row(outcome=Result.UNANSWERED, ended_at=T0 + timedelta(seconds=45))
    callback = row(id="e2", kind=Kind.CALLBACK, started_at=T0 + timedelta(seconds=50))
    later = T0 + timedelta(minutes=1)
    entries = timeline(callback, [], later, later, NAMES, [(call, rang)])  # alerted at once
    assert words(entries) == [
        "A caller asked for a specialist.",
        "Rang Ana Lomidze (up to 20 s).",
        "Rang Beka Kapanadze (up to 20 s).",
        "Nobody answered.",
        "A caller left a message or asked to be called back.",
        "Nobody has taken it yet; the next alert goes out at 23:01.",
    ]


def test_a_server_that_cannot_alert_anyone_says_so_rather_than_a_time_long_gone() -> None:
    later = T0 + timedelta(minutes=30)
    entries = timeline(row(), [], T0, later, NAMES, alerting=False)
    assert words(entries)[-1] == (
        "No alerts go out from this server (it has no Telegram staff desk): "
        "it waits here for whoever looks."
    )


@pytest.mark.parametrize("language", ["ka", "ru", "hr", "cs", "sl", "en"])
def test_every_line_reads_in_every_language(language: str) -> None:
    events = [EscalationEvent(T0, kind, "ana", "telegram", 20) for kind in EventKind]
    events.append(EscalationEvent(T0, EventKind.ALERTED, None, "telegram"))
    for case in (row(), row(staff_id="ana", answered_at=T0, ended_at=T0, outcome=Result.DONE)):
        for said in words(timeline(case, events, T0, T0, NAMES), language):
            assert said
            assert "{" not in said
            assert "timeline-" not in said


@pytest.fixture
async def w(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio: FakeTwilio,
) -> World:
    return await world(aiohttp_client, database_url, tmp_path, fake_telegram, twilio, CHECKINS)


async def test_the_timeline_of_a_check_in_that_asked_for_help(w: World) -> None:
    await w.service.add(PERSON)
    await w.tick(hours=28, minutes=1)  # Monday 11:01 in Tbilisi: the check-in goes out
    await sms(w, "3")  # "I need help now"
    [case] = [r for r in await escalations(w.client.app[ENGINE]) if r.kind == Kind.CHAT]
    service = w.client.app[ESCALATIONS]
    waiting = await service.timeline(case.id)
    assert waiting is not None
    assert [e.message for e in waiting] == [
        DashboardText.TIMELINE_OPENED,
        DashboardText.TIMELINE_NEXT_ALERT,  # due now: the tick has not run yet
    ]
    await service.tick()
    bot = Bot(w.client, w.telegram, w.hotline.settings)
    await bot.settle()
    alerted = await service.timeline(case.id)
    assert alerted is not None
    assert words(alerted)[1] == "Alerted Ana Lomidze on Telegram."
    [alert] = [m for m in w.telegram.messages_to(TELEGRAM["ana"]) if "SMS" in (m.text or "")]
    ana = TelegramUser(id=TELEGRAM["ana"], first_name="Ana", language_code="ru")
    await bot.send(w.telegram.press(alert, CATALOG.format("ru", "staff-take"), user=ana))
    await bot.settle()
    taken = await service.timeline(case.id)
    assert taken is not None
    assert taken[-1].message is DashboardText.TIMELINE_TAKEN
    assert words(taken, "ru")[-1].startswith("Принято: Ana Lomidze")
    assert await service.timeline("no-such-escalation") is None


@pytest.mark.parametrize("language", ["en", "ka", "ru", "hr", "cs", "sl"])
def test_a_plan_step_reads_with_its_number_in_every_language(language: str) -> None:
    when = [m for m in MessageId if m.name.startswith("DASH_STEP_") and "KIND" not in m.name]
    for message in when:
        for n in (1, 2, 3, 5, 11, 21, 24):
            said = CATALOG.format(language, message, {"months": n, "days": n})
            assert "{" not in said, (message, n, said)
            assert said.strip(), (message, n)
            if message is not DashboardText.DASH_STEP_RELEASE_DAY:
                assert str(n) in said, (message, n, said)
