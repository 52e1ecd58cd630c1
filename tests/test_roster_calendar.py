"""The pure parts of the roster page and the feed: gaps per hour, edits by the roster's own
rules, iCalendar folding and escaping, and the access log's hiding of secret links."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, time

import pytest

from hotline.escalation.roster import OneOffShift, Role, Roster, RosterError, Staff, WeeklyShift
from hotline.escalation.roster.edits import Change, changed
from hotline.escalation.roster.ical import calendar_feed, escape_text, fold
from hotline.escalation.roster.week import week_of
from hotline.http_log import HideSecretPaths

ANA = Staff("ana", "Ana", Role.SPECIALIST, ("hr",))
MARKO = Staff("marko", "Marko", Role.SUPERVISOR, ("hr", "sl"))
DAY = WeeklyShift("ana", frozenset(range(7)), time(8), time(20))  # type: ignore[arg-type]
NIGHT = WeeklyShift("marko", frozenset({6}), time(22), time(6))  # type: ignore[arg-type]
ROSTER = Roster("Europe/Zagreb", (ANA, MARKO), weekly=(DAY, NIGHT))


def test_the_hours_show_each_language_nobody_on_duty_speaks() -> None:
    week = week_of(ROSTER, date(2026, 10, 21), ("hr", "sl"))  # a Wednesday: its Monday's week
    assert week.days[0] == date(2026, 10, 19)
    monday = [row[0] for row in week.hours]
    assert monday[3].gaps == ()  # 03:00: Marko's night from Sunday
    assert monday[20].gaps == ("hr", "sl")  # 20:00: nobody
    assert monday[9].gaps == ("sl",)  # Ana speaks only hr
    sunday = [row[6] for row in week.hours]
    assert sunday[23].gaps == ()  # Marko's night
    assert sunday[2].exists  # 25 October: 02:00 happens twice, it is not skipped
    ana = dict((p.id, days) for p, days in week.people)["ana"]
    assert [(s.start, s.end) for s in ana[0]] == [(time(8), time(20))]
    marko = dict((p.id, days) for p, days in week.people)["marko"]
    assert marko[6][0].until == date(2026, 10, 26)


def test_an_edit_keeps_the_roster_s_rules() -> None:
    wall = (datetime(2026, 12, 31, 20), datetime(2027, 1, 1, 8))  # noqa: DTZ001
    one = OneOffShift("marko", *wall)
    assert changed(ROSTER, Change(new=one)).once == (one,)
    with pytest.raises(RosterError) as refused:
        changed(ROSTER, Change(new=DAY))
    assert refused.value.problems == ("the new shift: the same shift is already in the roster",)
    with pytest.raises(RosterError) as refused:
        changed(ROSTER, Change(new=OneOffShift("nobody", one.start, one.end)))
    assert "unknown staff id 'nobody'" in refused.value.problems[0]
    with pytest.raises(RosterError):
        changed(ROSTER, Change(old=date(2026, 12, 25)))  # not a holiday
    later = changed(
        ROSTER, Change(old=NIGHT, new=WeeklyShift("marko", NIGHT.days, time(21), time(5)))
    )
    assert later.weekly[-1].start == time(21)


def test_long_lines_fold_between_characters_and_text_is_escaped() -> None:
    line = "SUMMARY:" + "დ" * 40  # three octets a letter
    folded = fold(line).encode()
    parts = folded.split(b"\r\n ")
    assert all(len(part) <= 75 for part in parts)
    assert b"".join(parts).decode() == line
    assert escape_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_a_feed_without_a_roster_is_an_empty_calendar() -> None:
    now = datetime(2026, 1, 1, tzinfo=UTC)
    text = calendar_feed(None, "ana", now, now, now=now, summary="x", name="y", domain="z")
    assert "BEGIN:VEVENT" not in text
    assert text.endswith("END:VCALENDAR\r\n")


def test_the_access_log_hides_the_secret_of_a_feed_link() -> None:
    record = logging.LogRecord(
        "aiohttp.access",
        logging.INFO,
        "",
        0,
        '127.0.0.1 "GET /staff/calendar/AbCdEfGhIjKlMnOpQrStUv_-12345.ics HTTP/1.1" 200',
        (),
        None,
    )
    assert HideSecretPaths().filter(record)
    assert record.msg == '127.0.0.1 "GET /staff/calendar/….ics HTTP/1.1" 200'
