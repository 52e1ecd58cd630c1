"""The statistics' pure parts: the "<5" rule through tables, charts and CSV alike, the
percentiles, duty hours from the roster, the period's time zone, and charts that load
nothing from anywhere."""

from __future__ import annotations

import csv
import io
import re
import xml.etree.ElementTree as ET
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from hotline.catalog import Catalog
from hotline.directory.ports import AskCount
from hotline.escalation.model import Kind
from hotline.escalation.roster_file import load_roster
from hotline.stats.figures import Counts, build, percentile
from hotline.stats.period import MAX_DAYS, Period, PeriodError, Shift
from hotline.stats.ports import (
    DayCount,
    DelayCount,
    HourCount,
    KindCount,
    LanguageCount,
    MessageCount,
    PathCount,
    StartCount,
    StatusCount,
)
from hotline.stats.small_counts import count, hidden, seconds, share
from hotline.stats.svg import chart
from hotline.stats.tables import TABLES, csv_text, tables
from tests.staffing import DAY, NIGHT, ROSTER

CATALOG = Catalog()
TBILISI = ZoneInfo("Asia/Tbilisi")
PERIOD = Period(date(2026, 11, 22), date(2026, 11, 25), TBILISI)
SVG = "{http://www.w3.org/2000/svg}"


def three_of_everything() -> Counts:
    """Counts in which every figure is 3: every cell of every table falls under the rule."""
    return Counts(
        by_day=[DayCount(date(2026, 11, 23), "voice", 3), DayCount(date(2026, 11, 23), "sms", 3)],
        by_hour=[HourCount(0, 11, "voice", 3)],
        by_language=[LanguageCount("ka", "voice", 3), LanguageCount("ka", "telegram", 3)],
        paths=[PathCount(("language", "main-menu", "about"), 3)],
        kinds=[KindCount(Kind.CALL, 3, 3)],
        answer_delays=[DelayCount(Kind.CALL, 33, 3)],
        starts=[StartCount(Kind.CALL, DAY, 3)],
        callbacks=[StatusCount("done", 3)],
        callback_delays=[DelayCount(Kind.CALLBACK, 3333, 3)],
        messages=[
            MessageCount("delivered", True, "fine", 1),  # three sent in all
            MessageCount("sent", True, None, 1),
            MessageCount("sent", False, None, 1),
        ],
        participants=[StatusCount("in-program", 3)],
        asks=[
            (AskCount(date(2026, 11, 23), "voice", "ka", "GE-TB", "housing", "list"), 3),
            (AskCount(date(2026, 11, 23), "telegram", "ka", None, None, "nearest"), 3),
        ],
    )


def test_the_rule_hides_one_to_four_and_keeps_zero() -> None:
    assert [hidden(n) for n in range(7)] == [False, True, True, True, True, False, False]
    assert [count(n, "en").text for n in (0, 1, 4, 5, 1234)] == ["0", "<5", "<5", "5", "1,234"]
    assert count(12345, "cs").text == "12\xa0345"  # Babel, in the reader's locale
    assert share(3, 4, "en").text == "<5"  # a share of fewer than 5 is not shown
    assert share(3, 10, "en").text == "<5"  # 30% of 10 would give the 3 away
    assert share(7, 10, "en").text == "<5"  # and so would 70%: 3 did not
    assert share(5, 10, "en").text == "50%"
    assert share(0, 0, "en").text == "–"
    assert seconds(40, 4, "en").text == "–"
    assert seconds(40, 5, "en").text == "40 sec"


@pytest.mark.parametrize("name", list(TABLES))
def test_a_count_of_three_is_never_shown_in_a_table_a_chart_or_a_csv(name: str) -> None:
    report = build(three_of_everything(), PERIOD, load_roster(ROSTER))
    [found] = [t for t in tables(report, CATALOG, "en") if t.name == name]

    figures = [cell for row in found.rows for cell in row[1:]]
    assert figures, name
    assert {cell.text for cell in figures} <= {"<5", "0", "–"}, name
    assert "<5" in {cell.text for cell in figures}

    svg = chart(found)
    shown = [t for t in re.findall(r">([^<>]*)</(?:text|title)>", svg)]
    assert "&lt;5" in " ".join(shown)
    assert not [t for t in shown if re.search(r"(?<![\w-])3(?![\w:])", t)], shown

    rows = list(csv.reader(io.StringIO(csv_text(found))))
    assert rows[0] == [cell.text for cell in found.header]
    cells = [cell for row in rows[1:] for cell in row[1:]]
    assert "<5" in cells
    assert "3" not in cells


@pytest.mark.parametrize("language", CATALOG.languages)
def test_every_chart_is_a_plain_svg_that_loads_nothing(language: str) -> None:
    report = build(three_of_everything(), PERIOD, load_roster(ROSTER))
    for found in tables(report, CATALOG, language):
        svg = chart(found)
        root = ET.fromstring(svg)  # noqa: S314  (our own output)
        assert root.tag == f"{SVG}svg"
        tags = {element.tag.removeprefix(SVG) for element in root.iter()}
        assert tags <= {"svg", "title", "desc", "rect", "text", "line"}, tags
        assert not any(
            "href" in name or name.startswith("on")
            for element in root.iter()
            for name in element.attrib
        )
        # The only address is the SVG namespace's name, which nothing fetches.
        assert re.findall(r"https?://[^\s\"'<>]+", svg) == ["http://www.w3.org/2000/svg"]
        for banned in ("<script", "<style", "url(", "@import", "@font-face", "<foreignObject"):
            assert banned not in svg
        assert found.title in svg
        assert not found.title.startswith("stats-")  # a text of the locale, not an id


def test_percentiles_are_by_nearest_rank() -> None:
    waits = [(s, 1) for s in range(10, 101, 10)]
    assert percentile(waits, 0.5) == 50
    assert percentile(waits, 0.9) == 90
    assert percentile([(7, 3), (100, 1)], 0.5) == 7
    assert percentile([], 0.5) is None


def test_after_hours_follows_the_rosters_shifts_and_holidays() -> None:
    roster = load_roster(ROSTER)  # weekdays 09:00-21:00 in Tbilisi; 25 December a holiday
    christmas_noon = datetime(2026, 12, 25, 8, 0, tzinfo=UTC)
    nine = datetime(2026, 11, 23, 5, 0, tzinfo=UTC)  # Monday 09:00: the shift starts
    counts = Counts(
        kinds=[KindCount(Kind.CALL, 10, 0)],
        starts=[
            StartCount(Kind.CALL, DAY, 4),  # Monday 11:00
            StartCount(Kind.CALL, NIGHT, 3),  # Monday 03:00
            StartCount(Kind.CALL, nine, 1),
            StartCount(Kind.CALL, nine - timedelta(minutes=1), 1),  # 08:59
            StartCount(Kind.CALL, christmas_noon, 1),
        ],
    )
    period = Period(date(2026, 11, 1), date(2027, 1, 1), TBILISI)
    [call] = [f for f in build(counts, period, roster).escalations if f.kind == Kind.CALL]
    assert call.after_hours == 5  # the night, 08:59 and Christmas
    [unstaffed] = [f for f in build(counts, period, None).escalations if f.kind == Kind.CALL]
    assert unstaffed.after_hours == 10  # with no roster nobody was ever on duty


def test_a_period_follows_daylight_saving_and_is_bounded() -> None:
    prague = ZoneInfo("Europe/Prague")
    window = Period(date(2026, 3, 28), date(2026, 3, 30), prague).window()
    assert window.start == datetime(2026, 3, 27, 23, 0, tzinfo=UTC)
    assert window.end == datetime(2026, 3, 29, 22, 0, tzinfo=UTC)
    assert window.shifts == (
        Shift(datetime(2026, 3, 29, 1, 0, tzinfo=UTC), 60),
        Shift(None, 120),
    )
    with pytest.raises(PeriodError):
        Period(date(2026, 1, 1), date(2026, 1, 1), prague)
    with pytest.raises(PeriodError):
        Period(date(2020, 1, 1), date(2020, 1, 1) + timedelta(days=MAX_DAYS + 1), prague)


def test_the_per_day_table_has_every_day_and_dates_in_the_readers_locale() -> None:
    counts = Counts(by_day=[DayCount(date(2026, 11, 23), "voice", 12)])
    [per_day] = [
        t for t in tables(build(counts, PERIOD, None), CATALOG, "ru") if t.name == "per-day"
    ]
    assert [row[0].text for row in per_day.rows] == [
        "22 нояб. 2026\u202fг.",
        "23 нояб. 2026\u202fг.",
        "24 нояб. 2026\u202fг.",
    ]
    assert [row[1].text for row in per_day.rows] == ["0", "12", "0"]
    assert per_day.title == "Звонки и чаты по дням"
