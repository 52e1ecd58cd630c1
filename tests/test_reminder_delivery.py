"""The dispatcher's rules, pure: waking hours in the recipient's zone, the gap between two
messages to one person, and catch-up after downtime."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hotline.reminders.delivery import (
    DEFAULT_RULES,
    SkipReason,
    Verdict,
    Window,
    catch_up,
    deliver_at,
    gap_ok,
    parse_window,
)
from hotline.reminders.offsets import OffsetError

TBILISI, PRAGUE = ZoneInfo("Asia/Tbilisi"), ZoneInfo("Europe/Prague")


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def test_the_defaults_are_waking_hours_nine_to_eight_a_four_hour_gap_and_two_days() -> None:
    assert str(DEFAULT_RULES.window) == "09:00-20:00"
    assert DEFAULT_RULES.gap == timedelta(hours=4)
    assert DEFAULT_RULES.catch_up == timedelta(hours=48)


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        (utc(2027, 6, 1, 6), utc(2027, 6, 1, 6)),  # 10:00 in Tbilisi: now
        (utc(2027, 6, 1, 5), utc(2027, 6, 1, 5)),  # 09:00 sharp: inside
        (utc(2027, 6, 1, 3), utc(2027, 6, 1, 5)),  # 07:00: waits for 09:00
        (utc(2027, 6, 1, 15, 59), utc(2027, 6, 1, 15, 59)),  # 19:59: still inside
        (utc(2027, 6, 1, 16), utc(2027, 6, 2, 5)),  # 20:00: the next morning
        (utc(2027, 6, 1, 22), utc(2027, 6, 2, 5)),  # 02:00 next day: that morning
    ],
)
def test_a_message_is_delivered_only_in_waking_hours(due: datetime, expected: datetime) -> None:
    assert deliver_at(due, TBILISI) == expected


def test_waking_hours_are_the_recipients_own_across_a_clock_change() -> None:
    # 23:00 in Prague on Saturday 27 March 2027 (winter) waits for 09:00 on Sunday (summer).
    assert deliver_at(utc(2027, 3, 27, 22), PRAGUE) == utc(2027, 3, 28, 7)
    # The same instant is 02:00 on Sunday in Tbilisi: it waits for 09:00 there.
    assert deliver_at(utc(2027, 3, 27, 22), TBILISI) == utc(2027, 3, 28, 5)


def test_a_step_sets_its_own_waking_hours() -> None:
    evening = parse_window("17:00-21:30")
    assert deliver_at(utc(2027, 6, 1, 17), TBILISI, evening) == utc(2027, 6, 1, 17)  # 21:00
    assert deliver_at(utc(2027, 6, 1, 6), TBILISI, evening) == utc(2027, 6, 1, 13)  # 10:00


@given(
    st.datetimes(
        min_value=datetime(2020, 1, 1),  # noqa: DTZ001 - hypothesis wants naive bounds
        max_value=datetime(2040, 1, 1),  # noqa: DTZ001
        timezones=st.just(UTC),
    ),
    st.sampled_from([TBILISI, PRAGUE, ZoneInfo("Europe/Zagreb")]),
)
def test_delivery_is_never_early_never_outside_waking_hours_and_within_a_day(
    due: datetime, tz: ZoneInfo
) -> None:
    at = deliver_at(due, tz)
    assert due <= at <= due + timedelta(hours=25)
    assert DEFAULT_RULES.window.holds(at.astimezone(tz).time())


def test_a_window_is_read_and_checked() -> None:
    assert parse_window("08:30-19:00") == Window(time(8, 30), time(19, 0))
    with pytest.raises(OffsetError, match="end before they start"):
        parse_window("20:00-09:00")
    with pytest.raises(OffsetError, match="HH:MM-HH:MM"):
        parse_window("all day")


def test_two_messages_to_one_person_keep_the_gap() -> None:
    sent = utc(2027, 6, 1, 6)
    assert gap_ok(None, sent)
    assert not gap_ok(sent, sent + timedelta(hours=3, minutes=59))
    assert gap_ok(sent, sent + timedelta(hours=4))
    assert gap_ok(sent, sent + timedelta(hours=2), gap=timedelta(hours=1))


def test_a_missed_message_is_caught_up_within_two_days_and_skipped_after() -> None:
    due = utc(2027, 6, 1, 6)
    assert catch_up(due, due - timedelta(seconds=1)).verdict is Verdict.WAIT
    on_time = catch_up(due, due)
    assert (on_time.verdict, on_time.late_by, on_time.reason) == (Verdict.SEND, timedelta(0), None)
    late = catch_up(due, due + timedelta(hours=47))
    assert (late.verdict, late.late_by) == (Verdict.SEND, timedelta(hours=47))
    assert catch_up(due, due + timedelta(hours=48)).verdict is Verdict.SEND
    skipped = catch_up(due, due + timedelta(hours=48, seconds=1))
    assert (skipped.verdict, skipped.reason) == (Verdict.SKIP, SkipReason.TOO_LATE)
    assert str(skipped.reason) == "past due beyond the catch-up window"
    assert (
        catch_up(due, due + timedelta(hours=3), window=timedelta(hours=2)).verdict is Verdict.SKIP
    )
