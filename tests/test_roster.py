"""The duty roster: shifts, midnight, holidays, daylight saving, candidates, checks, YAML."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hotline.errors import ConfigError, HotlineError
from hotline.escalation.roster import (
    HORIZON,
    LANGUAGES,
    Candidate,
    Duty,
    OneOffShift,
    Role,
    Roster,
    RosterError,
    Staff,
    Tier,
    Weekday,
    WeeklyShift,
    candidates,
    languages_covered,
    next_change,
    occurrences,
    on_duty,
    validate_roster,
)
from hotline.escalation.roster_file import dump_roster, load_roster

MON, TUE, WED, THU, FRI, SAT, SUN = Weekday
WEEKDAYS = frozenset({MON, TUE, WED, THU, FRI})

NINO = Staff("nino", "Nino", Role.SPECIALIST, ("ka", "ru"))
GIORGI = Staff("giorgi", "Giorgi", Role.SPECIALIST, ("ka",))
LEVAN = Staff("levan", "Levan", Role.SUPERVISOR, ("ka", "en"))


def utc(text: str) -> datetime:
    """An aware UTC instant from 'YYYY-MM-DDTHH:MM[:SS]'."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def wall(text: str) -> datetime:
    """A naive wall-clock date-time, as one-off shifts hold them."""
    return datetime.fromisoformat(text)


def hm(text: str) -> time:
    """A wall-clock time from 'HH:MM'."""
    return time.fromisoformat(text)


def ids(roster: Roster, now: datetime) -> list[str]:
    """The ids of the people on duty at `now`."""
    return [duty.staff.id for duty in on_duty(roster, now)]


def weekly(staff: str, days: frozenset[Weekday], start: str, end: str) -> WeeklyShift:
    """A weekly shift from 'HH:MM' strings."""
    return WeeklyShift(staff, days, hm(start), hm(end))


def tbilisi(
    *shifts: WeeklyShift, once: tuple[OneOffShift, ...] = (), holidays: tuple[date, ...] = ()
) -> Roster:
    """A roster in Asia/Tbilisi (UTC+4 all year) with Nino, Giorgi and Levan."""
    return Roster("Asia/Tbilisi", (NINO, GIORGI, LEVAN), shifts, once, frozenset(holidays))


def zagreb(*shifts: WeeklyShift) -> Roster:
    """A roster in Europe/Zagreb (CET/CEST) with Nino, Giorgi and Levan."""
    return Roster("Europe/Zagreb", (NINO, GIORGI, LEVAN), shifts)


# Weekly shifts and midnight -------------------------------------------------------------------


def test_a_weekday_shift_is_on_from_its_start_until_just_before_its_end() -> None:
    roster = tbilisi(weekly("nino", WEEKDAYS, "09:00", "17:00"))
    # Monday 2026-11-23 in Tbilisi (UTC+4): 09:00 local is 05:00 UTC.
    assert ids(roster, utc("2026-11-23T04:59:59")) == []
    assert ids(roster, utc("2026-11-23T05:00")) == ["nino"]
    assert on_duty(roster, utc("2026-11-23T12:59")) == (Duty(NINO, utc("2026-11-23T13:00")),)
    assert ids(roster, utc("2026-11-23T13:00")) == []
    # Saturday is not a weekday of the shift.
    assert ids(roster, utc("2026-11-28T08:00")) == []


def test_now_may_be_in_any_zone_but_must_be_aware() -> None:
    roster = tbilisi(weekly("nino", WEEKDAYS, "09:00", "17:00"))
    in_tbilisi = datetime.fromisoformat("2026-11-23T09:00+04:00")
    assert ids(roster, in_tbilisi) == ["nino"]
    with pytest.raises(ValueError, match="aware"):
        on_duty(roster, wall("2026-11-23T09:00"))


def test_a_night_shift_runs_past_midnight_and_belongs_to_the_day_it_starts() -> None:
    roster = tbilisi(weekly("giorgi", frozenset({SAT}), "22:00", "06:00"))
    # Saturday 2026-11-21 22:00 to Sunday 06:00, local (18:00 to 02:00 UTC).
    assert ids(roster, utc("2026-11-21T17:59")) == []
    assert ids(roster, utc("2026-11-21T19:30")) == ["giorgi"]  # before midnight
    assert on_duty(roster, utc("2026-11-21T23:30")) == (  # after midnight, Sunday 03:30
        Duty(GIORGI, utc("2026-11-22T02:00")),
    )
    assert ids(roster, utc("2026-11-22T02:00")) == []
    # Saturday 03:00 local is the tail of Friday's night, and Friday has no shift.
    assert ids(roster, utc("2026-11-20T23:00")) == []


def test_a_sunday_night_shift_wraps_into_monday() -> None:
    roster = tbilisi(weekly("giorgi", frozenset({SUN}), "22:00", "06:00"))
    assert ids(roster, utc("2026-11-22T18:00")) == ["giorgi"]  # Sunday 22:00
    assert ids(roster, utc("2026-11-22T21:00")) == ["giorgi"]  # Monday 01:00
    assert ids(roster, utc("2026-11-23T02:00")) == []  # Monday 06:00
    assert ids(roster, utc("2026-11-23T19:00")) == []  # Monday 23:00: Monday has no shift
    [shift] = occurrences(roster, utc("2026-11-22T00:00"), utc("2026-11-24T00:00"))
    assert (shift.start, shift.end) == (utc("2026-11-22T18:00"), utc("2026-11-23T02:00"))


def test_a_shift_from_a_time_to_the_same_time_is_a_full_day() -> None:
    roster = tbilisi(weekly("nino", frozenset({MON}), "00:00", "00:00"))
    [shift] = occurrences(roster, utc("2026-11-23T00:00"), utc("2026-11-24T00:00"))
    assert (shift.start, shift.end) == (utc("2026-11-22T20:00"), utc("2026-11-23T20:00"))


def test_tbilisi_has_no_daylight_saving_so_nights_are_eight_hours_all_year() -> None:
    roster = tbilisi(weekly("giorgi", frozenset({SAT}), "22:00", "06:00"))
    for saturday in ("2026-03-28", "2026-10-24"):
        [night] = occurrences(
            roster, utc(f"{saturday}T12:00"), utc(f"{saturday}T12:00") + timedelta(days=1)
        )
        assert night.start == utc(f"{saturday}T18:00")
        assert night.end - night.start == timedelta(hours=8)


# Holidays -------------------------------------------------------------------------------------


def test_a_holiday_cancels_weekly_shifts_but_not_one_off_shifts() -> None:
    monday = date(2026, 11, 23)
    roster = tbilisi(
        weekly("nino", WEEKDAYS, "09:00", "17:00"),
        once=(OneOffShift("levan", wall("2026-11-23T10:00"), wall("2026-11-23T14:00")),),
        holidays=(monday,),
    )
    assert ids(roster, utc("2026-11-23T05:30")) == []  # Monday 09:30: Nino's day is off
    assert ids(roster, utc("2026-11-23T07:00")) == ["levan"]  # Monday 11:00
    assert ids(roster, utc("2026-11-24T05:30")) == ["nino"]  # Tuesday as usual


def test_a_holiday_cancels_the_night_starting_on_it_not_the_one_ending_on_it() -> None:
    roster = tbilisi(
        weekly("giorgi", frozenset({SUN, MON}), "22:00", "06:00"),
        holidays=(date(2026, 11, 23),),  # Monday
    )
    assert ids(roster, utc("2026-11-22T21:00")) == ["giorgi"]  # Monday 01:00: Sunday's night
    assert ids(roster, utc("2026-11-23T19:00")) == []  # Monday 23:00: cancelled
    assert ids(roster, utc("2026-11-23T21:00")) == []  # Tuesday 01:00: still cancelled


# Daylight saving in Europe/Zagreb ------------------------------------------------------------


def test_the_night_of_spring_forward_lasts_seven_real_hours() -> None:
    roster = zagreb(weekly("giorgi", frozenset({SAT}), "22:00", "06:00"))
    # Sunday 2026-03-29 02:00 CET becomes 03:00 CEST.
    [night] = occurrences(roster, utc("2026-03-28T12:00"), utc("2026-03-29T12:00"))
    assert night.start == utc("2026-03-28T21:00")  # 22:00 CET
    assert night.end == utc("2026-03-29T04:00")  # 06:00 CEST
    assert night.end - night.start == timedelta(hours=7)
    assert on_duty(roster, utc("2026-03-29T01:30")) == (Duty(GIORGI, utc("2026-03-29T04:00")),)


def test_the_night_of_fall_back_lasts_nine_real_hours() -> None:
    roster = zagreb(weekly("giorgi", frozenset({SAT}), "22:00", "06:00"))
    # Sunday 2026-10-25 03:00 CEST becomes 02:00 CET.
    [night] = occurrences(roster, utc("2026-10-24T12:00"), utc("2026-10-25T12:00"))
    assert night.start == utc("2026-10-24T20:00")  # 22:00 CEST
    assert night.end == utc("2026-10-25T05:00")  # 06:00 CET
    assert night.end - night.start == timedelta(hours=9)
    # Both 02:30s of the night are inside the shift.
    assert ids(roster, utc("2026-10-25T00:30")) == ["giorgi"]
    assert ids(roster, utc("2026-10-25T01:30")) == ["giorgi"]


def test_a_skipped_start_time_starts_the_shift_when_the_clocks_jump() -> None:
    roster = zagreb(weekly("nino", frozenset({SUN}), "02:30", "06:00"))
    [shift] = occurrences(roster, utc("2026-03-29T00:00"), utc("2026-03-29T12:00"))
    assert shift.start == utc("2026-03-29T01:00")  # 03:00 CEST, the first instant after 02:00 CET
    assert shift.end - shift.start == timedelta(hours=3)


def test_shifts_meeting_at_a_skipped_time_still_meet() -> None:
    roster = zagreb(
        weekly("giorgi", frozenset({SAT}), "22:00", "02:30"),
        weekly("nino", frozenset({SUN}), "02:30", "08:00"),
    )
    assert ids(roster, utc("2026-03-29T00:59:59")) == ["giorgi"]
    assert next_change(roster, utc("2026-03-28T22:00")) == utc("2026-03-29T01:00")
    assert ids(roster, utc("2026-03-29T01:00")) == ["nino"]


def test_a_repeated_start_time_means_its_first_occurrence() -> None:
    roster = zagreb(weekly("nino", frozenset({SUN}), "02:30", "06:00"))
    [shift] = occurrences(roster, utc("2026-10-24T12:00"), utc("2026-10-25T12:00"))
    assert shift.start == utc("2026-10-25T00:30")  # 02:30 CEST, not 02:30 CET
    assert shift.end - shift.start == timedelta(hours=4, minutes=30)


def test_a_one_off_shift_across_a_change_lasts_its_real_length() -> None:
    roster = Roster(
        "Europe/Zagreb",
        (LEVAN,),
        once=(OneOffShift("levan", wall("2026-10-24T20:00"), wall("2026-10-25T08:00")),),
    )
    [shift] = occurrences(roster, utc("2026-10-24T00:00"), utc("2026-10-26T00:00"))
    assert shift.end - shift.start == timedelta(hours=13)


# Languages and candidates ---------------------------------------------------------------------


def test_languages_covered_are_those_of_the_people_on_duty() -> None:
    roster = tbilisi(
        weekly("nino", WEEKDAYS, "09:00", "17:00"),
        weekly("levan", WEEKDAYS, "13:00", "21:00"),
    )
    assert languages_covered(roster, utc("2026-11-23T06:00")) == {"ka", "ru"}
    assert languages_covered(roster, utc("2026-11-23T10:00")) == {"ka", "ru", "en"}
    assert languages_covered(roster, utc("2026-11-23T20:00")) == frozenset()


def test_candidates_speakers_first_specialists_first_then_supervisors_off_duty() -> None:
    people = (
        Staff("sup-ka", "Supervisor on duty", Role.SUPERVISOR, ("ka",)),
        Staff("adm-ka", "Admin on duty", Role.ADMIN, ("ka",)),
        Staff("spec-ru", "Specialist on duty, ru", Role.SPECIALIST, ("ru",)),
        Staff("spec-ka", "Specialist on duty, ka", Role.SPECIALIST, ("ru", "ka")),
        Staff("off-sup-ru", "Supervisor off duty, ru", Role.SUPERVISOR, ("ru",)),
        Staff("off-sup-ka", "Supervisor off duty, ka", Role.SUPERVISOR, ("ka",)),
        Staff("off-adm", "Admin off duty", Role.ADMIN, ("ka",)),
        Staff("off-spec", "Specialist off duty", Role.SPECIALIST, ("ka",)),
    )
    every_day = frozenset(Weekday)
    roster = Roster(
        "Asia/Tbilisi",
        people,
        tuple(
            weekly(p.id, every_day, "08:00", "20:00") for p in people if not p.id.startswith("off-")
        ),
    )
    ranked = candidates(roster, utc("2026-11-23T08:00"), "ka")
    assert [(c.staff.id, c.tier, c.speaks) for c in ranked] == [
        ("spec-ka", Tier.ON_DUTY_SPEAKS, True),
        ("sup-ka", Tier.ON_DUTY_SPEAKS, True),
        ("adm-ka", Tier.ON_DUTY_SPEAKS, True),
        ("spec-ru", Tier.ON_DUTY, False),
        ("off-sup-ka", Tier.SUPERVISOR_OFF_DUTY, True),
        ("off-sup-ru", Tier.SUPERVISOR_OFF_DUTY, False),
    ]
    # At night only the supervisors are left.
    assert candidates(roster, utc("2026-11-23T20:00"), "ru") == (
        Candidate(people[4], Tier.SUPERVISOR_OFF_DUTY, True),
        Candidate(people[0], Tier.SUPERVISOR_OFF_DUTY, False),
        Candidate(people[5], Tier.SUPERVISOR_OFF_DUTY, False),
    )


# Hand-over and next change -------------------------------------------------------------------


def test_next_change_says_until_when_nobody_is_on_duty() -> None:
    roster = tbilisi(weekly("nino", WEEKDAYS, "08:00", "17:00"))
    friday_evening = utc("2026-11-27T15:00")
    assert on_duty(roster, friday_evening) == ()
    assert next_change(roster, friday_evening) == utc("2026-11-30T04:00")  # Monday 08:00
    assert next_change(roster, utc("2026-11-30T04:00")) == utc("2026-11-30T13:00")


def test_back_to_back_shifts_of_one_person_are_one_duty() -> None:
    roster = tbilisi(
        weekly("nino", WEEKDAYS, "09:00", "17:00"),
        weekly("giorgi", WEEKDAYS, "13:00", "15:00"),
        once=(OneOffShift("nino", wall("2026-11-23T17:00"), wall("2026-11-23T20:00")),),
    )
    monday_morning = utc("2026-11-23T06:00")
    assert on_duty(roster, monday_morning) == (Duty(NINO, utc("2026-11-23T16:00")),)
    # Giorgi joins at 13:00 and leaves at 15:00; Nino's 17:00 is no change, her 20:00 is.
    assert next_change(roster, monday_morning) == utc("2026-11-23T09:00")
    assert next_change(roster, utc("2026-11-23T09:00")) == utc("2026-11-23T11:00")
    assert next_change(roster, utc("2026-11-23T11:00")) == utc("2026-11-23T16:00")


def test_round_the_clock_duty_has_no_end_and_no_change() -> None:
    roster = tbilisi(weekly("nino", frozenset(Weekday), "00:00", "00:00"))
    now = utc("2026-11-23T06:00")
    assert on_duty(roster, now) == (Duty(NINO, None),)
    assert next_change(roster, now) is None
    # A holiday half a year away is within HORIZON.
    later = date(2027, 5, 1)
    assert later - now.date() < HORIZON
    with_holiday = tbilisi(weekly("nino", frozenset(Weekday), "00:00", "00:00"), holidays=(later,))
    assert next_change(with_holiday, now) == utc("2027-04-30T20:00")
    assert on_duty(with_holiday, now) == (Duty(NINO, utc("2027-04-30T20:00")),)


# Validation -----------------------------------------------------------------------------------


def test_roster_errors_are_config_errors() -> None:
    assert issubclass(RosterError, ConfigError)
    assert issubclass(RosterError, HotlineError)


def test_a_roster_built_in_code_is_checked_too() -> None:
    with pytest.raises(RosterError) as caught:
        Roster(
            "Europe/Zagreb",
            (NINO, NINO),
            (WeeklyShift("ana", frozenset({7}), hm("09:00"), hm("17:00")),),  # type: ignore[arg-type]
            (OneOffShift("nino", wall("2026-12-31T20:00"), wall("2026-12-31T08:00")),),
        )
    assert caught.value.problems == (
        "staff[1]: id 'nino' is already used by staff[0]; give each person their own id",
        "weekly[0] (staff 'ana'): unknown staff id 'ana'; add them under staff or correct the id",
        "weekly[0] (staff 'ana'): 7 is not a weekday; use mon, tue, wed, thu, fri, sat, sun",
        "once[0] (staff 'nino'): 'to' 2026-12-31T08:00 is not after 'from' 2026-12-31T20:00; "
        "a one-off shift ends after it starts",
    )


def test_a_one_off_shift_inside_a_daylight_saving_gap_is_rejected() -> None:
    with pytest.raises(RosterError, match=r"once\[0\] \(staff 'nino'\): 'to' 2026-03-29T02:50"):
        Roster(
            "Europe/Zagreb",
            (NINO,),
            once=(OneOffShift("nino", wall("2026-03-29T02:10"), wall("2026-03-29T02:50")),),
        )


def test_validate_roster_checks_the_deployments_languages() -> None:
    roster = Roster("Europe/Prague", (Staff("jana", "Jana", Role.SPECIALIST, ("cs", "de")),))
    with pytest.raises(RosterError) as caught:
        validate_roster(roster)
    assert str(caught.value) == (
        "staff[0] ('jana'): language 'de' is not one of the hotline's languages "
        "(ka, ru, hr, cs, sl, en)"
    )
    validate_roster(roster, languages=("cs", "de"))


ROSTER_YAML = """\
timezone: Asia/Tbilisi
staff:
  - id: nino
    name: Nino
    role: specialist
    languages: [ka, ru]
  - id: giorgi
    name: "Giorgi"
    role: specialist
    languages: [ka]
  - id: levan
    name: Levan
    role: supervisor
    languages: [ka, en]
weekly:
  - staff: nino
    days: [mon, tue, wed, thu, fri]
    from: "09:00"
    to: "17:00"
  - staff: giorgi
    days: [sat, sun]
    from: 22:00
    to: "06:00"   # across midnight
once:
  - staff: levan
    from: 2026-12-31T20:00
    to: 2027-01-01T08:00
holidays: [2026-01-01, 2026-01-07]
"""


def load_errors(text: str, **kwargs: object) -> list[str]:
    """The problems load_roster reports for a file, one per line."""
    with pytest.raises(RosterError) as caught:
        load_roster(text, **kwargs)  # type: ignore[arg-type]
    return list(caught.value.problems)


def with_lines(text: str, old: str, new: str) -> str:
    """The example file with one piece replaced (which must be there)."""
    assert old in text
    return text.replace(old, new, 1)


def test_load_reads_the_example() -> None:
    roster = load_roster(ROSTER_YAML)
    assert roster == Roster(
        "Asia/Tbilisi",
        (NINO, GIORGI, LEVAN),
        (
            weekly("nino", WEEKDAYS, "09:00", "17:00"),
            weekly("giorgi", frozenset({SAT, SUN}), "22:00", "06:00"),
        ),
        (OneOffShift("levan", wall("2026-12-31T20:00"), wall("2027-01-01T08:00")),),
        frozenset({date(2026, 1, 1), date(2026, 1, 7)}),
    )


def test_load_names_an_unknown_staff_id() -> None:
    text = with_lines(ROSTER_YAML, "  - staff: levan", "  - staff: lewan")
    assert load_errors(text, source="tbilisi.yaml") == [
        "tbilisi.yaml: once[0] at line 25 (staff 'lewan'): unknown staff id 'lewan'; "
        "add them under staff or correct the id"
    ]


def test_load_names_a_one_off_that_ends_before_it_starts() -> None:
    text = with_lines(ROSTER_YAML, "to: 2027-01-01T08:00", "to: 2026-12-31T08:00")
    assert load_errors(text) == [
        "roster: once[0] at line 25 (staff 'levan'): 'to' 2026-12-31T08:00 is not after "
        "'from' 2026-12-31T20:00; a one-off shift ends after it starts"
    ]


def test_load_names_a_bad_weekday() -> None:
    text = with_lines(ROSTER_YAML, "[sat, sun]", "[sat, sunday]")
    assert load_errors(text) == [
        "roster: weekly[1] at line 20 (staff 'giorgi'): 'sunday' is not a weekday; "
        "use mon, tue, wed, thu, fri, sat, sun"
    ]


def test_load_names_a_bad_time_zone() -> None:
    text = with_lines(ROSTER_YAML, "Asia/Tbilisi", "Asia/Tiflis-Old")
    assert load_errors(text) == [
        "roster: timezone: 'Asia/Tiflis-Old' is not an IANA time zone; "
        "write one like Europe/Zagreb or Asia/Tbilisi"
    ]


def test_load_names_a_language_outside_the_configured_set() -> None:
    assert load_errors(ROSTER_YAML, languages=("ka", "ru")) == [
        "roster: staff[2] at line 11 ('levan'): language 'en' is not one of the hotline's "
        "languages (ka, ru)"
    ]
    text = with_lines(ROSTER_YAML, "[ka, en]", "[ka, EN]")
    assert load_errors(text) == [
        "roster: staff[2] at line 11 ('levan'): 'EN' is not a language code like ka or en"
    ]


def test_load_names_a_duplicate_staff_id() -> None:
    text = with_lines(ROSTER_YAML, "  - id: giorgi", "  - id: nino")
    assert load_errors(text) == [
        "roster: staff[1] at line 7: id 'nino' is already used by staff[0] at line 3; "
        "give each person their own id",
        # Giorgi's shift now names nobody.
        "roster: weekly[1] at line 20 (staff 'giorgi'): unknown staff id 'giorgi'; "
        "add them under staff or correct the id",
    ]


def test_load_reports_every_problem_at_once() -> None:
    text = """\
timezone: Europe/Ljubljana
staff:
  - {id: maja, name: Maja, role: boss, languages: [sl, de], phone: "+386"}
weekly:
  - {staff: maja, days: [mon, mon], from: "24:00", to: "9"}
once:
  - {staff: maja, from: 2026-01-01 10:00:00+01:00, to: 2026-01-01T12:00}
holidays: [2026-13-01]
colour: blue
"""
    assert load_errors(text) == [
        "roster: line 9: unknown key 'colour'; the keys are timezone, staff, weekly, once, "
        "holidays",
        "roster: staff[0] at line 3: unknown key 'phone'; an entry has id, name, role, "
        "languages (contact data is kept in the database)",
        "roster: staff[0] at line 3: role 'boss' is not one of specialist, supervisor, admin",
        "roster: weekly[0] at line 5 (staff 'maja'): day 'mon' is listed twice",
        "roster: weekly[0] at line 5 (staff 'maja'): 'from' '24:00' is not a time HH:MM "
        "from 00:00 to 23:59; for midnight write 00:00",
        "roster: weekly[0] at line 5 (staff 'maja'): 'to' '9' is not a time HH:MM from "
        "00:00 to 23:59",
        "roster: once[0] at line 7 (staff 'maja'): 'from' '2026-01-01 10:00:00+01:00' is "
        "not a date-time YYYY-MM-DDTHH:MM (wall-clock time in the roster's zone, no "
        "seconds, no offset)",
        "roster: holidays: '2026-13-01' is not a date YYYY-MM-DD",
        "roster: staff[0] at line 3 ('maja'): language 'de' is not one of the hotline's "
        "languages (ka, ru, hr, cs, sl, en)",
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "roster: the file is empty; it needs timezone and staff"),
        ("- a\n- b\n", "roster: line 1: a roster is a mapping of timezone, staff, ..."),
        ("timezone: UTC\n", "roster: staff: missing; list the people who take calls"),
        ("timezone: [UTC]\nstaff: []\n", "roster: timezone: must be one name, like Europe/Zagreb"),
        ("timezone: UTC\ntimezone: UTC\nstaff: []\n", "roster: line 2: 'timezone' appears twice"),
        ("timezone: UTC\nstaff: [{id: a, id: b}]\n", "line 2: key 'id' appears twice"),
        ("timezone: UTC\nstaff: x\n", "roster: staff: must be a list of entries, each starting"),
        ("timezone: 'UTC\n", "roster: not valid YAML"),
    ],
)
def test_load_names_structural_problems(text: str, problem: str) -> None:
    assert load_errors(text)[0].startswith(problem)


def test_quoting_is_optional_and_yaml_1_1_surprises_do_not_apply() -> None:
    text = """\
timezone: Europe/Zagreb
staff:
  - {id: no, name: yes, role: specialist, languages: [hr]}
weekly:
  - {staff: no, days: [mon], from: 17:00, to: 09:00}
"""
    roster = load_roster(text)
    assert roster.staff[0].id == "no"
    assert roster.staff[0].name == "yes"
    assert roster.weekly[0].start == hm("17:00")
    assert load_roster(dump_roster(roster)) == roster


# The YAML round trip --------------------------------------------------------------------------


def test_dump_writes_the_canonical_form() -> None:
    assert (
        dump_roster(load_roster(ROSTER_YAML))
        == """\
timezone: Asia/Tbilisi
staff:
  - id: nino
    name: Nino
    role: specialist
    languages: [ka, ru]
  - id: giorgi
    name: Giorgi
    role: specialist
    languages: [ka]
  - id: levan
    name: Levan
    role: supervisor
    languages: [ka, en]
weekly:
  - staff: nino
    days: [mon, tue, wed, thu, fri]
    from: "09:00"
    to: "17:00"
  - staff: giorgi
    days: [sat, sun]
    from: "22:00"
    to: "06:00"
once:
  - staff: levan
    from: 2026-12-31T20:00
    to: 2027-01-01T08:00
holidays: [2026-01-01, 2026-01-07]
"""
    )


def test_an_empty_roster_round_trips() -> None:
    roster = Roster("Europe/Ljubljana", ())
    assert dump_roster(roster) == (
        "timezone: Europe/Ljubljana\nstaff: []\nweekly: []\nonce: []\nholidays: []\n"
    )
    assert load_roster(dump_roster(roster)) == roster


def test_the_documented_example_loads_and_round_trips() -> None:
    from hotline.escalation.roster_file import ROSTER_FORMAT  # `roster import --help` shows it

    example = ROSTER_FORMAT.split("::\n\n", 1)[1].split("\n\n", 1)[0]
    text = "\n".join(line.removeprefix("    ") for line in example.splitlines())
    roster = load_roster(text)
    assert roster.timezone == "Europe/Zagreb"
    assert load_roster(dump_roster(roster)) == roster


ZONES = ("Asia/Tbilisi", "Europe/Zagreb", "Europe/Prague", "Europe/Ljubljana", "UTC")


@st.composite
def rosters(draw: st.DrawFn) -> Roster:
    """Valid rosters with awkward names, times and dates."""
    slugs = draw(
        st.lists(
            st.from_regex(r"[a-z0-9][a-z0-9_-]{0,8}", fullmatch=True),
            min_size=1,
            max_size=4,
            unique=True,
        )
    )
    names = st.text(min_size=1, max_size=12).filter(lambda s: s.strip() != "" and s.isprintable())
    languages = st.lists(st.sampled_from(LANGUAGES), min_size=1, max_size=3, unique=True)
    staff = tuple(
        Staff(slug, draw(names), draw(st.sampled_from(Role)), tuple(draw(languages)))
        for slug in slugs
    )
    minutes = st.builds(time, st.integers(0, 23), st.integers(0, 59))
    weekly_shifts = st.builds(
        WeeklyShift,
        st.sampled_from(slugs),
        st.frozensets(st.sampled_from(Weekday), min_size=1),
        minutes,
        minutes,
    )
    starts = st.datetimes(datetime(2026, 1, 1), datetime(2027, 12, 31)).map(  # noqa: DTZ001
        lambda d: d.replace(second=0, microsecond=0)
    )
    one_off = st.builds(
        lambda staff_id, start, hours: OneOffShift(staff_id, start, start + timedelta(hours=hours)),
        st.sampled_from(slugs),
        starts,
        st.integers(2, 72),  # at least two hours: never wholly inside a DST gap
    )
    return Roster(
        draw(st.sampled_from(ZONES)),
        staff,
        tuple(draw(st.lists(weekly_shifts, max_size=4))),
        tuple(draw(st.lists(one_off, max_size=3))),
        draw(st.frozensets(st.dates(date(2026, 1, 1), date(2027, 12, 31)), max_size=3)),
    )


@settings(database=None, max_examples=200, deadline=None)
@given(rosters())
def test_yaml_round_trips_exactly(roster: Roster) -> None:
    text = dump_roster(roster)
    assert load_roster(text) == roster
    assert dump_roster(load_roster(text)) == text


@settings(database=None, max_examples=100, deadline=None)
@given(rosters(), st.datetimes(datetime(2026, 1, 1), datetime(2027, 12, 1), timezones=st.just(UTC)))  # noqa: DTZ001
def test_duty_ends_and_changes_agree_with_on_duty(roster: Roster, now: datetime) -> None:
    duties = on_duty(roster, now)
    for duty in duties:
        assert duty.end is None or duty.end > now
    change = next_change(roster, now)
    current = {duty.staff.id for duty in duties}
    if change is None:
        return
    assert change > now
    assert set(ids(roster, change)) != current
    assert set(ids(roster, change - timedelta(microseconds=1))) == current
    # Each duty ends at or after the first change, and someone's ending is a change.
    for duty in duties:
        assert duty.end is None or duty.end >= change
