"""Calendar maths of campaigns: months as people count them, local times in the recipient's
zone, and the days the clocks change in Zagreb and Prague (Tbilisi keeps +04 all year)."""

from __future__ import annotations

import calendar
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hotline.reminders.offsets import (
    Offset,
    OffsetError,
    add_months,
    local_instant,
    parse_offset,
    parse_time,
    zone,
)

TBILISI, ZAGREB, PRAGUE = (
    ZoneInfo("Asia/Tbilisi"),
    ZoneInfo("Europe/Zagreb"),
    ZoneInfo("Europe/Prague"),
)
dates = st.dates(min_value=date(2000, 1, 1), max_value=date(2060, 12, 31))


@pytest.mark.parametrize(
    ("release", "offset", "expected"),
    [
        (date(2027, 3, 31), "-1 month", date(2027, 2, 28)),
        (date(2028, 3, 31), "-1 month", date(2028, 2, 29)),  # a leap year
        (date(2027, 1, 31), "+1 month", date(2027, 2, 28)),
        (date(2028, 1, 31), "+1 month", date(2028, 2, 29)),
        (date(2028, 2, 29), "+12 months", date(2029, 2, 28)),
        (date(2028, 2, 29), "+1 year", date(2029, 2, 28)),
        (date(2028, 2, 29), "+48 months", date(2032, 2, 29)),
        (date(2027, 5, 31), "-3 months", date(2027, 2, 28)),
        (date(2027, 8, 31), "+1 month", date(2027, 9, 30)),
        (date(2027, 1, 15), "-3 months", date(2026, 10, 15)),  # across a year
        (date(2027, 12, 31), "+2 months", date(2028, 2, 29)),
        (date(2027, 3, 1), "+1 day", date(2027, 3, 2)),
        (date(2027, 2, 28), "+1 day", date(2027, 3, 1)),
        (date(2028, 2, 28), "+1 day", date(2028, 2, 29)),
        (date(2027, 3, 1), "-1 day", date(2027, 2, 28)),
        (date(2027, 3, 1), "+2 weeks", date(2027, 3, 15)),
        (date(2027, 1, 31), "+1 month 2 days", date(2027, 3, 2)),  # months first, then days
        (date(2027, 3, 31), "-1 month 1 day", date(2027, 2, 27)),
        (date(2027, 3, 1), "0 days", date(2027, 3, 1)),
    ],
)
def test_offsets_count_calendar_months_then_days(
    release: date, offset: str, expected: date
) -> None:
    assert parse_offset(offset).apply(release) == expected


@given(dates, st.integers(min_value=-120, max_value=120))
def test_adding_months_lands_in_the_right_month_clamped_to_its_end(day: date, months: int) -> None:
    moved = add_months(day, months)
    assert (moved.year * 12 + moved.month) - (day.year * 12 + day.month) == months
    assert moved.day == min(day.day, calendar.monthrange(moved.year, moved.month)[1])


@given(dates, st.integers(min_value=-120, max_value=120))
def test_a_day_that_every_month_has_goes_and_comes_back(day: date, months: int) -> None:
    day = day.replace(day=min(day.day, 28))
    assert add_months(add_months(day, months), -months) == day


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("-3 months", Offset(-3, 0)),
        ("+1 day", Offset(0, 1)),
        ("+2 weeks", Offset(0, 14)),
        ("+1 year 6 months", Offset(18, 0)),
        ("- 2 Weeks 3 days", Offset(0, -17)),
        ("0 days", Offset(0, 0)),
    ],
)
def test_offsets_are_read_as_written(text: str, expected: Offset) -> None:
    assert parse_offset(text) == expected


@pytest.mark.parametrize(
    ("text", "complaint"),
    [
        ("3 months", "say + (after the release) or - (before it)"),
        ("-3 moons", "is not an offset"),
        ("", "is not an offset"),
        ("+1.5 months", "is not an offset"),
        ("+11 years", "more than 10 years"),
    ],
)
def test_a_bad_offset_says_how_to_write_one(text: str, complaint: str) -> None:
    with pytest.raises(OffsetError) as error:
        parse_offset(text)
    assert complaint in str(error.value)


def test_offsets_print_as_a_campaign_writes_them() -> None:
    assert [str(parse_offset(t)) for t in ("-3 months", "+1 day", "+1 year 2 weeks", "0 days")] == [
        "-3 months",
        "+1 day",
        "+12 months 14 days",
        "0 days",
    ]


def test_times_and_zones_are_checked() -> None:
    assert parse_time("09:30") == time(9, 30)
    for bad in ("9:30", "24:00", "10:60", "noon"):
        with pytest.raises(OffsetError, match="HH:MM"):
            parse_time(bad)
    with pytest.raises(OffsetError, match="not an IANA time zone"):
        zone("Europe/Atlantis")


@given(dates)
def test_tbilisi_is_four_hours_ahead_every_day(day: date) -> None:
    if day.year < 2006:  # Georgia last changed its clocks in 2005
        return
    at = local_instant(day, time(10, 0), TBILISI)
    assert at == datetime.combine(day, time(6, 0), tzinfo=UTC)


@pytest.mark.parametrize("tz", [ZAGREB, PRAGUE], ids=["Zagreb", "Prague"])
def test_a_local_time_keeps_its_wall_clock_across_the_change(tz: ZoneInfo) -> None:
    # Winter (CET, +01) and summer (CEST, +02) around the changes of 2027 (28 March, 31 October).
    assert local_instant(date(2027, 3, 27), time(10, 0), tz) == datetime(2027, 3, 27, 9, tzinfo=UTC)
    assert local_instant(date(2027, 3, 28), time(10, 0), tz) == datetime(2027, 3, 28, 8, tzinfo=UTC)
    assert local_instant(date(2027, 10, 30), time(10, 0), tz) == datetime(
        2027, 10, 30, 8, tzinfo=UTC
    )
    assert local_instant(date(2027, 10, 31), time(10, 0), tz) == datetime(
        2027, 10, 31, 9, tzinfo=UTC
    )


@pytest.mark.parametrize("tz", [ZAGREB, PRAGUE], ids=["Zagreb", "Prague"])
def test_a_time_the_clock_skips_moves_forward(tz: ZoneInfo) -> None:
    """On 28 March 2027 the clock goes from 02:00 to 03:00: 02:30 does not exist."""
    at = local_instant(date(2027, 3, 28), time(2, 30), tz)
    assert at == datetime(2027, 3, 28, 1, 30, tzinfo=UTC)
    assert (at.astimezone(tz).date(), at.astimezone(tz).time()) == (date(2027, 3, 28), time(3, 30))


@pytest.mark.parametrize("tz", [ZAGREB, PRAGUE], ids=["Zagreb", "Prague"])
def test_a_time_the_clock_passes_twice_is_its_first_occurrence(tz: ZoneInfo) -> None:
    """On 31 October 2027 the clock goes back from 03:00 to 02:00: 02:30 comes twice."""
    at = local_instant(date(2027, 10, 31), time(2, 30), tz)
    assert at == datetime(2027, 10, 31, 0, 30, tzinfo=UTC)  # still summer time, +02
    assert at.astimezone(tz).utcoffset() == timedelta(hours=2)


@given(
    dates,
    st.times().map(lambda t: t.replace(second=0, microsecond=0)),
    st.sampled_from([TBILISI, ZAGREB, PRAGUE]),
)
def test_a_local_time_comes_back_as_written_unless_the_clock_skips_it(
    day: date, at: time, tz: ZoneInfo
) -> None:
    instant = local_instant(day, at, tz)
    assert instant.tzinfo is UTC
    back = instant.astimezone(tz)
    if (back.date(), back.time()) != (day, at):  # only inside a skipped hour, moved forward
        skipped = datetime.combine(day, at, tzinfo=tz)
        assert back.replace(tzinfo=None) - skipped.replace(tzinfo=None) == timedelta(hours=1)
