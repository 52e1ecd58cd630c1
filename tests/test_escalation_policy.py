"""The escalation policy and the duty board: ring order, alert times and recipients, caching."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, time, timedelta

import pytest

from hotline.escalation.board import DutyBoard, DutySnapshot
from hotline.escalation.policy import (
    MAX_AT_ONCE,
    Audience,
    EscalationPolicy,
    Ring,
    RingMode,
    alert_recipients,
    alert_schedule,
    ring_plan,
)
from hotline.escalation.roster import Role, Roster, Staff, Tier, Weekday, WeeklyShift, candidates

WEEKDAYS = frozenset({Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI})
EVERY_DAY = frozenset(Weekday)

# Tbilisi (UTC+4, no daylight saving). In roster order: Levan the supervisor, three
# specialists, all on duty weekdays 09:00-18:00; Tamar, a supervisor off duty on weekdays;
# Irakli, an admin never on duty.
LEVAN = Staff("levan", "Levan", Role.SUPERVISOR, ("ka", "en"))
ANA = Staff("ana", "Ana", Role.SPECIALIST, ("ka", "ru"))
DATO = Staff("dato", "Dato", Role.SPECIALIST, ("en",))
BEKA = Staff("beka", "Beka", Role.SPECIALIST, ("ka",))
TAMAR = Staff("tamar", "Tamar", Role.SUPERVISOR, ("ru",))
IRAKLI = Staff("irakli", "Irakli", Role.ADMIN, ("ka",))
TEAM = (LEVAN, ANA, DATO, BEKA, TAMAR, IRAKLI)
EVERYONE = frozenset(p.id for p in TEAM)

# Monday 23 November 2026, 11:00 in Tbilisi.
MONDAY_11 = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)


def utc(text: str) -> datetime:
    """An aware UTC instant from 'YYYY-MM-DDTHH:MM'."""
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def shift(staff_id: str, days: frozenset[Weekday], start: str, end: str) -> WeeklyShift:
    """A weekly shift from 'HH:MM' strings."""
    return WeeklyShift(staff_id, days, time.fromisoformat(start), time.fromisoformat(end))


def team(holidays: tuple[date, ...] = ()) -> Roster:
    """The Tbilisi team; Tamar works weekends only."""
    return Roster(
        "Asia/Tbilisi",
        TEAM,
        (
            *(shift(p.id, WEEKDAYS, "09:00", "18:00") for p in (LEVAN, ANA, DATO, BEKA)),
            shift("tamar", frozenset({Weekday.SAT, Weekday.SUN}), "09:00", "18:00"),
        ),
        holidays=frozenset(holidays),
    )


def plan(
    language: str = "ka",
    *,
    reachable: frozenset[str] = EVERYONE,
    first: str | None = None,
    roster: Roster | None = None,
    now: datetime = MONDAY_11,
    **policy: object,
) -> list[tuple[tuple[str, ...], Tier]]:
    """The ring plan for a call on Monday 11:00, as (ids, tier) per round."""
    settings = EscalationPolicy(**policy)  # type: ignore[arg-type]
    ranked = candidates(roster or team(), now, language)
    steps = ring_plan(ranked, reachable, settings, first=first)
    assert all(step.timeout_s == settings.ring_timeout_s for step in steps)
    return [(step.staff_ids, step.tier) for step in steps]


T1, T2, T3 = Tier.ON_DUTY_SPEAKS, Tier.ON_DUTY, Tier.SUPERVISOR_OFF_DUTY
SIMULTANEOUS = RingMode.SIMULTANEOUS


# ring_plan, sequential ------------------------------------------------------------------------


def test_sequential_rings_speakers_specialists_first_then_others_one_per_round() -> None:
    assert plan("ka") == [(("ana",), T1), (("beka",), T1), (("levan",), T1), (("dato",), T2)]
    assert plan("en") == [(("dato",), T1), (("levan",), T1), (("ana",), T2), (("beka",), T2)]


def test_a_round_lasts_the_policys_ring_timeout() -> None:
    ranked = candidates(team(), MONDAY_11, "ru")
    steps = ring_plan(ranked, EVERYONE, EscalationPolicy(ring_timeout_s=35))
    assert steps[0] == Ring(("ana",), T1, 35)
    assert len(steps) == 4


def test_sequential_skips_people_without_a_phone() -> None:
    reachable = EVERYONE - {"ana", "levan"}
    assert plan("ka", reachable=reachable) == [(("beka",), T1), (("dato",), T2)]
    assert plan("ka", reachable=frozenset()) == []


def test_off_duty_supervisors_are_rung_last_and_only_when_enabled() -> None:
    on_duty = [(("ana",), T1), (("beka",), T1), (("levan",), T1), (("dato",), T2)]
    assert plan("ka", ring_off_duty_supervisors=True) == [*on_duty, (("tamar",), T3)]
    # The off-duty admin is never rung; an off-duty supervisor without a phone neither.
    assert plan("ka", ring_off_duty_supervisors=True, reachable=EVERYONE - {"tamar"}) == on_duty
    # At night nobody is on duty: the supervisors off duty, or nobody at all.
    night = utc("2026-11-23T20:00")  # Tuesday 00:00 in Tbilisi
    assert plan("ka", now=night) == []
    assert plan("ru", now=night, ring_off_duty_supervisors=True) == [
        (("tamar",), T3),
        (("levan",), T3),
    ]


def test_the_returning_participants_specialist_goes_first_and_is_not_rung_twice() -> None:
    assert plan("ka", first="dato") == [
        (("dato",), T2),
        (("ana",), T1),
        (("beka",), T1),
        (("levan",), T1),
    ]
    assert plan("ka", first="beka") == [
        (("beka",), T1),
        (("ana",), T1),
        (("levan",), T1),
        (("dato",), T2),
    ]


def test_first_is_ignored_when_off_duty_or_without_a_phone() -> None:
    usual = [(("ana",), T1), (("beka",), T1), (("levan",), T1), (("dato",), T2)]
    assert plan("ka", first="irakli") == usual  # off duty (an admin)
    assert plan("ka", first="nobody") == usual
    # An off-duty supervisor named first keeps their place at the end.
    assert plan("ka", first="tamar", ring_off_duty_supervisors=True) == [*usual, (("tamar",), T3)]
    assert plan("ka", first="tamar") == usual
    # On duty but no phone: not rung at all.
    assert plan("ka", first="beka", reachable=EVERYONE - {"beka"}) == [
        (("ana",), T1),
        (("levan",), T1),
        (("dato",), T2),
    ]


# ring_plan, simultaneous ----------------------------------------------------------------------


def test_simultaneous_rings_speakers_then_everyone_on_duty_then_supervisors() -> None:
    assert plan("ka", ring_mode=SIMULTANEOUS) == [
        (("ana", "beka", "levan"), T1),
        (("ana", "beka", "levan", "dato"), T2),
    ]
    assert plan("ka", ring_mode=SIMULTANEOUS, ring_off_duty_supervisors=True) == [
        (("ana", "beka", "levan"), T1),
        (("ana", "beka", "levan", "dato"), T2),
        (("tamar",), T3),
    ]


def test_simultaneous_skips_everyone_on_duty_when_it_is_the_speakers_again() -> None:
    without_dato = EVERYONE - {"dato"}
    assert plan("ka", ring_mode=SIMULTANEOUS, reachable=without_dato) == [
        (("ana", "beka", "levan"), T1),
    ]
    assert plan(
        "ka", ring_mode=SIMULTANEOUS, reachable=without_dato, ring_off_duty_supervisors=True
    ) == [(("ana", "beka", "levan"), T1), (("tamar",), T3)]
    # Nobody on duty speaks Croatian: everyone on duty is the first round.
    assert plan("hr", ring_mode=SIMULTANEOUS) == [(("ana", "dato", "beka", "levan"), T2)]


def test_simultaneous_with_a_first_person_rings_them_alone_first() -> None:
    assert plan("ka", ring_mode=SIMULTANEOUS, first="dato") == [
        (("dato",), T2),
        (("ana", "beka", "levan"), T1),
    ]
    assert plan("ka", ring_mode=SIMULTANEOUS, first="beka") == [
        (("beka",), T1),
        (("ana", "levan"), T1),
        (("ana", "levan", "dato"), T2),
    ]


def big_team() -> Roster:
    """Twelve Georgian speakers and one English speaker on duty, with one supervisor off."""
    speakers = tuple(Staff(f"s{i:02}", f"S{i}", Role.SPECIALIST, ("ka",)) for i in range(1, 13))
    other = Staff("other", "Other", Role.SPECIALIST, ("en",))
    boss = Staff("boss", "Boss", Role.SUPERVISOR, ("ka",))
    return Roster(
        "Asia/Tbilisi",
        (*speakers, other, boss),
        tuple(shift(p.id, EVERY_DAY, "00:00", "00:00") for p in (*speakers, other)),
    )


def test_simultaneous_rounds_hold_at_most_ten_numbers_and_miss_nobody() -> None:
    roster = big_team()
    everyone = frozenset(p.id for p in roster.staff)
    first_ten = tuple(f"s{i:02}" for i in range(1, 11))
    rounds = plan("ka", roster=roster, reachable=everyone, ring_mode=SIMULTANEOUS)
    assert all(len(ids) <= MAX_AT_ONCE for ids, _ in rounds)
    assert rounds == [
        (first_ten, T1),
        (("s11", "s12"), T1),
        (("s11", "s12", "other"), T2),
    ]
    # Twelve speakers and nobody else: the two rounds of speakers, nothing repeated.
    only_speakers = everyone - {"other"}
    assert plan("ka", roster=roster, reachable=only_speakers, ring_mode=SIMULTANEOUS) == [
        (first_ten, T1),
        (("s11", "s12"), T1),
    ]
    # Eleven Georgian speakers could not answer in English: everyone on duty, ten at a time.
    assert plan("en", roster=roster, reachable=everyone, ring_mode=SIMULTANEOUS) == [
        (("other",), T1),
        (("other", *first_ten[:9]), T2),
        (("s10", "s11", "s12"), T2),
    ]


# alert_schedule -------------------------------------------------------------------------------


def schedule(roster: Roster | None, started: datetime, **policy: object) -> list[datetime]:
    """The due times of stages 0, 1, 2."""
    stages = alert_schedule(roster, EscalationPolicy(**policy), started)  # type: ignore[arg-type]
    assert [index for index, _ in stages] == [0, 1, 2]
    return [due for _, due in stages]


def test_during_a_shift_the_stages_are_now_renotify_and_supervisor() -> None:
    assert schedule(team(), MONDAY_11) == [
        utc("2026-11-23T07:00"),
        utc("2026-11-23T07:05"),
        utc("2026-11-23T07:15"),
    ]
    assert schedule(
        team(),
        MONDAY_11,
        renotify_after=timedelta(minutes=10),
        supervisor_after=timedelta(minutes=45),
    ) == [utc("2026-11-23T07:00"), utc("2026-11-23T07:10"), utc("2026-11-23T07:45")]
    # Without a roster nothing is delayed.
    assert schedule(None, MONDAY_11) == [
        utc("2026-11-23T07:00"),
        utc("2026-11-23T07:05"),
        utc("2026-11-23T07:15"),
    ]


def test_work_left_at_three_in_the_night_is_alerted_when_the_shift_starts() -> None:
    tuesday_3am = utc("2026-11-23T23:00")  # Tuesday 03:00 in Tbilisi
    assert schedule(team(), tuesday_3am) == [
        utc("2026-11-24T05:00"),  # Tuesday 09:00
        utc("2026-11-24T05:05"),
        utc("2026-11-24T05:15"),
    ]


def test_a_reminder_falling_after_the_shift_waits_for_the_next_one() -> None:
    monday_1758 = utc("2026-11-23T13:58")  # two minutes before everyone leaves
    assert schedule(team(), monday_1758) == [
        utc("2026-11-23T13:58"),
        utc("2026-11-24T05:00"),  # Tuesday 09:00, not 18:03
        utc("2026-11-24T05:10"),  # and the supervisors ten minutes after that
    ]


def test_a_holiday_pushes_the_first_alert_to_the_next_working_day() -> None:
    roster = team(holidays=(date(2026, 11, 30),))  # Monday
    friday_evening = utc("2026-11-27T16:00")  # Friday 20:00 in Tbilisi
    # Saturday and Sunday Tamar (a supervisor) is on duty: she is alerted then.
    assert schedule(roster, friday_evening)[0] == utc("2026-11-28T05:00")
    # Sunday evening: Monday is a holiday, so Tuesday 09:00.
    sunday_evening = utc("2026-11-29T16:00")
    assert schedule(roster, sunday_evening) == [
        utc("2026-12-01T05:00"),
        utc("2026-12-01T05:05"),
        utc("2026-12-01T05:15"),
    ]
    # Without the holiday, Monday 09:00.
    assert schedule(team(), sunday_evening)[0] == utc("2026-11-30T05:00")


def zagreb_days() -> Roster:
    """Europe/Zagreb (CET/CEST): Marko every day 08:00-16:00."""
    marko = Staff("marko", "Marko", Role.SPECIALIST, ("hr",))
    return Roster("Europe/Zagreb", (marko,), (shift("marko", EVERY_DAY, "08:00", "16:00"),))


def test_the_morning_shift_starts_at_8_local_in_real_time_across_daylight_saving() -> None:
    roster = zagreb_days()
    # Saturday 28 March 2026, 03:00 CET: the shift starts at 08:00 CET.
    assert schedule(roster, utc("2026-03-28T02:00")) == [
        utc("2026-03-28T07:00"),
        utc("2026-03-28T07:05"),
        utc("2026-03-28T07:15"),
    ]
    # Sunday 29 March, 03:00 CEST (the clocks jumped from 02:00): 08:00 CEST, five hours on.
    assert schedule(roster, utc("2026-03-29T01:00")) == [
        utc("2026-03-29T06:00"),
        utc("2026-03-29T06:05"),
        utc("2026-03-29T06:15"),
    ]
    # Saturday 24 October, 03:00 CEST: 08:00 CEST.
    assert schedule(roster, utc("2026-10-24T01:00"))[0] == utc("2026-10-24T06:00")
    # Sunday 25 October, 03:00 CET (the clocks went back from 03:00 CEST): 08:00 CET.
    assert schedule(roster, utc("2026-10-25T02:00")) == [
        utc("2026-10-25T07:00"),
        utc("2026-10-25T07:05"),
        utc("2026-10-25T07:15"),
    ]


def test_stages_keep_their_real_distance_when_the_clocks_change_between_them() -> None:
    marko = Staff("marko", "Marko", Role.SPECIALIST, ("hr",))
    nights = Roster("Europe/Zagreb", (marko,), (shift("marko", EVERY_DAY, "22:00", "06:00"),))
    # 01:58 CET on 29 March; five minutes later the wall clock says 03:03 CEST.
    assert schedule(nights, utc("2026-03-29T00:58")) == [
        utc("2026-03-29T00:58"),
        utc("2026-03-29T01:03"),
        utc("2026-03-29T01:13"),
    ]
    # 02:58 CEST on 25 October; five minutes later the wall clock says 02:03 CET.
    assert schedule(nights, utc("2026-10-25T00:58")) == [
        utc("2026-10-25T00:58"),
        utc("2026-10-25T01:03"),
        utc("2026-10-25T01:13"),
    ]


# alert_recipients -----------------------------------------------------------------------------


def recipients(
    audience: Audience,
    language: str = "ka",
    *,
    roster: Roster | None = None,
    now: datetime = MONDAY_11,
    reachable: frozenset[str] = EVERYONE,
) -> tuple[str, ...]:
    """Whom an alert stage goes to, for the Tbilisi team unless told."""
    return alert_recipients(roster or team(), now, language, audience, reachable)


def test_on_duty_alerts_go_to_the_speakers_of_the_language_in_roster_order() -> None:
    assert recipients(Audience.ON_DUTY, "ka") == ("levan", "ana", "beka")
    assert recipients(Audience.ON_DUTY, "ru") == ("ana",)  # Tamar speaks it, but is off duty
    assert recipients(Audience.ON_DUTY, "en") == ("levan", "dato")


def test_on_duty_alerts_go_to_everyone_on_duty_when_nobody_speaks_the_language() -> None:
    assert recipients(Audience.ON_DUTY, "hr") == ("levan", "ana", "dato", "beka")
    # Ana has no Telegram: the only Russian speaker on duty cannot be told.
    assert recipients(Audience.ON_DUTY, "ru", reachable=EVERYONE - {"ana"}) == (
        "levan",
        "dato",
        "beka",
    )


def test_on_duty_alerts_never_go_to_people_without_telegram_or_off_duty() -> None:
    assert recipients(Audience.ON_DUTY, "ka", reachable=EVERYONE - {"levan", "beka"}) == ("ana",)
    assert recipients(Audience.ON_DUTY, "ka", reachable=frozenset()) == ()
    night = utc("2026-11-23T20:00")  # Tuesday 00:00 in Tbilisi
    assert recipients(Audience.ON_DUTY, "ka", now=night) == ()
    assert alert_recipients(None, MONDAY_11, "ka", Audience.ON_DUTY, EVERYONE) == ()


def test_supervisor_alerts_go_to_every_supervisor_on_duty_or_not() -> None:
    assert recipients(Audience.SUPERVISORS, "ka") == ("levan", "tamar")
    night = utc("2026-11-23T20:00")
    assert recipients(Audience.SUPERVISORS, "hr", now=night) == ("levan", "tamar")
    assert recipients(Audience.SUPERVISORS, reachable=EVERYONE - {"tamar"}) == ("levan",)
    assert alert_recipients(None, MONDAY_11, "ka", Audience.SUPERVISORS, EVERYONE) == ()


def test_supervisor_alerts_go_to_admins_only_when_there_is_no_supervisor() -> None:
    no_supervisors = Roster(
        "Asia/Tbilisi",
        (ANA, IRAKLI, BEKA, Staff("eka", "Eka", Role.ADMIN, ("ru",))),
        (shift("ana", WEEKDAYS, "09:00", "18:00"),),
    )
    with_eka = EVERYONE | {"eka"}
    assert recipients(Audience.SUPERVISORS, roster=no_supervisors, reachable=with_eka) == (
        "irakli",
        "eka",
    )
    assert recipients(Audience.SUPERVISORS, roster=no_supervisors) == ("irakli",)  # Eka: none
    # Supervisors who cannot be reached on Telegram leave the stage to the admins.
    assert recipients(Audience.SUPERVISORS, reachable=EVERYONE - {"levan", "tamar"}) == ("irakli",)
    nobody = Roster("Asia/Tbilisi", (ANA, BEKA), (shift("ana", WEEKDAYS, "09:00", "18:00"),))
    assert recipients(Audience.SUPERVISORS, roster=nobody) == ()


# DutyBoard ------------------------------------------------------------------------------------


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = MONDAY_11

    def __call__(self) -> datetime:
        return self.now


class Loader:
    """Hands out numbered snapshots, or fails when told to; counts its calls."""

    def __init__(self) -> None:
        self.calls = 0
        self.fail = False

    async def __call__(self) -> DutySnapshot:
        self.calls += 1
        await asyncio.sleep(0)  # a real load awaits the database
        if self.fail:
            raise ConnectionError("database unavailable")
        return DutySnapshot(None, phones={"ana": f"+99555500000{self.calls}"})


def board(ttl: timedelta = timedelta(seconds=30)) -> tuple[DutyBoard, Loader, Clock]:
    """A board on a hand-moved clock and a counting loader."""
    loader, clock = Loader(), Clock()
    return DutyBoard(loader, clock, ttl), loader, clock


def phone(snapshot: DutySnapshot) -> str:
    """Which load a snapshot came from, by Ana's number."""
    return snapshot.phones["ana"]


async def test_the_board_serves_the_cached_snapshot_within_the_ttl() -> None:
    duty, loader, clock = board()
    first = await duty.current()
    assert phone(first) == "+995555000001"
    clock.now += timedelta(seconds=29, microseconds=999_999)
    assert await duty.current() is first
    assert await duty.current() is first
    assert loader.calls == 1


async def test_the_board_reloads_after_the_ttl() -> None:
    duty, loader, clock = board()
    await duty.current()
    clock.now += timedelta(seconds=30)
    assert phone(await duty.current()) == "+995555000002"
    assert loader.calls == 2
    # The TTL counts from the reload.
    clock.now += timedelta(seconds=20)
    assert phone(await duty.current()) == "+995555000002"
    assert loader.calls == 2


async def test_invalidate_forces_a_reload() -> None:
    duty, loader, _ = board()
    await duty.current()
    duty.invalidate()
    assert phone(await duty.current()) == "+995555000002"
    assert phone(await duty.current()) == "+995555000002"
    assert loader.calls == 2


async def test_a_failed_reload_keeps_serving_the_last_good_snapshot() -> None:
    duty, loader, clock = board()
    good = await duty.current()
    loader.fail = True
    clock.now += timedelta(minutes=1)
    assert await duty.current() is good
    assert await duty.current() is good  # retried on each read while it fails
    assert loader.calls == 3
    loader.fail = False
    assert phone(await duty.current()) == "+995555000004"


async def test_a_failed_invalidated_reload_keeps_the_last_good_snapshot_too() -> None:
    duty, loader, _ = board()
    good = await duty.current()
    loader.fail = True
    duty.invalidate()
    assert await duty.current() is good
    assert loader.calls == 2


async def test_a_failed_first_load_raises_and_the_next_read_retries() -> None:
    duty, loader, _ = board()
    loader.fail = True
    with pytest.raises(ConnectionError, match="database unavailable"):
        await duty.current()
    loader.fail = False
    assert phone(await duty.current()) == "+995555000002"
    assert loader.calls == 2


async def test_a_clock_moving_backwards_reloads() -> None:
    duty, loader, clock = board()
    await duty.current()
    clock.now -= timedelta(seconds=1)
    assert phone(await duty.current()) == "+995555000002"
    assert loader.calls == 2
    # Fresh again from the new load time.
    clock.now += timedelta(seconds=10)
    assert phone(await duty.current()) == "+995555000002"
    assert loader.calls == 2


async def test_concurrent_reads_share_one_load() -> None:
    duty, loader, _ = board()
    snapshots = await asyncio.gather(*(duty.current() for _ in range(5)))
    assert loader.calls == 1
    assert all(s is snapshots[0] for s in snapshots)
