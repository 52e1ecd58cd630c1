"""The statistics on both databases: traffic made through the real webhooks, escalations
through the repositories the services use, read back as figures, tables, charts and CSV."""

from __future__ import annotations

import csv
import io
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from aiohttp import web

from hotline.app import ENGINE
from hotline.catalog import Catalog
from hotline.escalation.model import Kind, Result
from hotline.escalation.roster_file import load_roster
from hotline.stats.period import Period
from hotline.stats.service import report
from hotline.stats.tables import Table, csv_text, tables
from hotline.stats.web import chart_response, csv_response, period_from_query
from hotline.storage import db
from hotline.storage.unit_of_work import SqlUnitsOfWork
from tests.conftest import AppClient, FixedClock, make_settings, new_call_sid, post_signed
from tests.staffing import ROSTER
from tests.test_sms import sms_params
from tests.test_voice_webhooks import end_call, press, start_call

CATALOG = Catalog()
TBILISI = ZoneInfo("Asia/Tbilisi")
MONDAY_11 = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)  # 11:00 in Tbilisi, staff on duty
TUESDAY_2230 = datetime(2026, 11, 24, 18, 30, tzinfo=UTC)  # 22:30, nobody on duty
PERIOD = Period(date(2026, 11, 23), date(2026, 11, 26), TBILISI)  # Monday to Wednesday


def rows_of(found: Table) -> dict[str, list[str]]:
    """A table as a reader sees it: each row's name and its figures' texts."""
    return {row[0].text: [cell.text for cell in row[1:]] for row in found.rows}


def by_name(found: list[Table], name: str) -> Table:
    return next(t for t in found if t.name == name)


async def make_traffic(client: AppClient, clock: FixedClock) -> None:
    """Six calls and three SMS chats on Monday at 11:00, two short calls on Tuesday night."""
    clock.now = MONDAY_11
    for _ in range(6):
        sid = new_call_sid()
        await press(client, sid, await start_call(client, sid), "1")  # about the program
        await end_call(client, sid, duration="30")
    for i in range(3):
        status, body = await post_signed(
            client, "/twilio/sms", sms_params("Hi", sender=f"+99555512340{i}")
        )
        assert status == 200, body
    clock.now = TUESDAY_2230
    for _ in range(2):
        sid = new_call_sid()
        await start_call(client, sid)
        await end_call(client, sid, duration="5")


async def test_calls_and_chats_are_counted_per_day_hour_language_channel_and_path(
    voice_client: AppClient, clock: FixedClock
) -> None:
    await make_traffic(voice_client, clock)
    units = SqlUnitsOfWork(voice_client.app[ENGINE])

    figures = await report(units, PERIOD, load_roster(ROSTER))
    found = tables(figures, CATALOG, "en")

    assert figures.per_day == (
        (date(2026, 11, 23), 6, 3),
        (date(2026, 11, 24), 2, 0),
        (date(2026, 11, 25), 0, 0),
    )
    assert rows_of(by_name(found, "per-day")) == {
        "Nov 23, 2026": ["6", "<5"],
        "Nov 24, 2026": ["<5", "0"],
        "Nov 25, 2026": ["0", "0"],
    }
    # Per hour of the week, in Tbilisi's time: Monday 11:00 and Tuesday 22:00.
    hours = rows_of(by_name(found, "per-hour"))
    assert hours["Monday"][11] == "9"
    assert hours["Tuesday"][22] == "<5"
    assert sum(sum(row) for row in figures.per_hour) == 11
    assert rows_of(by_name(found, "channels")) == {
        "Phone": ["8"],
        "SMS": ["<5"],
        "Telegram": ["0"],
    }
    assert rows_of(by_name(found, "languages")) == {"English": ["8", "<5"]}
    paths = by_name(found, "paths")
    [(top, top_count), (_, second_count)] = figures.paths
    assert top[-1] == "about"
    assert (top_count, second_count) == (6, 2)
    assert [row[1].text for row in paths.rows] == ["6", "<5"]
    assert figures.other_paths == 0


async def test_the_chart_and_the_csv_answer_with_the_small_counts_hidden(
    voice_client: AppClient, clock: FixedClock
) -> None:
    await make_traffic(voice_client, clock)
    units = SqlUnitsOfWork(voice_client.app[ENGINE])
    roster = load_roster(ROSTER)

    svg = await chart_response(units, CATALOG, "en", PERIOD, roster, "channels")
    assert svg.content_type == "image/svg+xml"
    assert svg.text is not None
    texts = re.findall(r"<text[^>]*>([^<]*)</text>", svg.text)
    assert "&lt;5" in texts  # the three SMS
    assert "8" in texts
    assert "3" not in texts

    answer = await csv_response(units, CATALOG, "ru", PERIOD, roster, "per-day")
    assert answer.content_type == "text/csv"
    assert "attachment" in answer.headers["Content-Disposition"]
    assert isinstance(answer.body, bytes)
    rows = list(csv.reader(io.StringIO(answer.body.decode("utf-8-sig"))))
    assert rows == [
        ["День", "Звонки", "Чаты"],
        ["2026-11-23", "6", "<5"],
        ["2026-11-24", "<5", "0"],
        ["2026-11-25", "0", "0"],
    ]

    with pytest.raises(web.HTTPNotFound):
        await chart_response(units, CATALOG, "en", PERIOD, roster, "nothing")


async def test_escalations_give_shares_and_times_to_answer_and_the_after_hours_share(
    database_url: str, tmp_path: Path
) -> None:
    engine = db.create_engine(make_settings(tmp_path, database_url).database_url)
    await db.upgrade(engine)
    units = SqlUnitsOfWork(engine)
    try:
        async with units() as uow:
            # Ten calls on Monday during duty hours, answered after 10, 20, ... 100 seconds.
            for i in range(10):
                start = MONDAY_11 + timedelta(minutes=i)
                log = await uow.escalations.log_work("voice", "hotline", "en", start)
                esc = await uow.escalations.open(
                    log_id=log, kind=Kind.CALL, channel="voice", language="en",
                    reason="asked", now=start,
                )  # fmt: skip
                await uow.escalations.take(esc, "ana", start + timedelta(seconds=10 * (i + 1)))
                await uow.escalations.end(esc, Result.ANSWERED, start + timedelta(minutes=5))
            # Five on Tuesday night, nobody on duty: nobody took them.
            for i in range(5):
                start = TUESDAY_2230 + timedelta(minutes=i)
                log = await uow.escalations.log_work("voice", "hotline", "en", start)
                await uow.escalations.open(
                    log_id=log, kind=Kind.CALL, channel="voice", language="en",
                    reason="asked", now=start, outcome=Result.AFTER_HOURS,
                )  # fmt: skip
            # Three callbacks asked for; two done after an hour, one left open.
            for i in range(3):
                start = MONDAY_11 + timedelta(hours=1, minutes=i)
                log = await uow.escalations.log_work("voice", "hotline", "en", start)
                esc = await uow.escalations.open(
                    log_id=log, kind=Kind.CALLBACK, channel="voice", language="en",
                    reason="voicemail", now=start,
                )  # fmt: skip
                await uow.tasks.add(
                    esc, kind="callback", contact=None, recording_url=None, duration_s=None,
                    expires_at=start + timedelta(days=7),
                )  # fmt: skip
                if i < 2:
                    await uow.tasks.close(esc, start + timedelta(hours=1), Result.DONE)
            # A campaign's task for a specialist hangs from a log entry that is no call.
            await uow.escalations.log_work("reminders", "checkin", "en", MONDAY_11)

        figures = await report(units, PERIOD, load_roster(ROSTER))
    finally:
        await engine.dispose()

    call = next(f for f in figures.escalations if f.kind == Kind.CALL)
    assert (call.total, call.answered, call.after_hours) == (15, 10, 5)
    assert (call.delays.count, call.delays.median, call.delays.p90) == (10, 50, 90)
    assert (figures.callbacks.requested, figures.callbacks.done, figures.callbacks.open) == (
        3,
        2,
        1,
    )
    assert figures.callbacks.delays.median == 3600
    # Each escalation's log entry is a call; the program task's entry is not traffic.
    assert figures.by_channel == (("voice", 18), ("sms", 0), ("telegram", 0))

    found = tables(figures, CATALOG, "en")
    escalations = rows_of(by_name(found, "escalations"))
    assert escalations["Call put through to a specialist"] == [
        "15",
        "67%",
        "50 sec",
        "90 sec",
        "33%",
    ]
    # Three callbacks: a count under 5, no share and no time computed from them.
    assert escalations["Voicemail or callback request"] == ["<5", "<5", "–", "–", "<5"]
    callbacks = rows_of(by_name(found, "callbacks"))
    assert callbacks["Asked for"] == ["<5"]
    assert callbacks["Time to call back, median"] == ["–"]
    assert "<5" in csv_text(by_name(found, "callbacks"))


def test_a_period_comes_from_the_query_and_bad_dates_are_a_400() -> None:
    today = date(2026, 11, 25)
    assert period_from_query({}, TBILISI, today) == Period(
        date(2026, 10, 27), date(2026, 11, 26), TBILISI
    )
    asked = period_from_query({"from": "2026-11-23", "to": "2026-11-23"}, TBILISI, today)
    assert asked.days == (date(2026, 11, 23),)
    for query in (
        {"from": "2026-11-23"},
        {"from": "yesterday", "to": "2026-11-23"},
        {"from": "2026-11-23", "to": "2026-11-01"},
        {"from": "2020-01-01", "to": "2026-01-01"},
        {"from": "2026-11-23", "to": "9999-12-31"},
    ):
        with pytest.raises(web.HTTPBadRequest):
            period_from_query(query, TBILISI, today)
