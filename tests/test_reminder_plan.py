"""A participant's plan from a campaign, and re-planning when the release date, the campaign
or the person's zone changes: only unsent future rows change; what was sent stays sent."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from hotline.reminders.campaign import Campaign, Channel, RecipientKind
from hotline.reminders.loader import SHIPPED_DIR, load_campaign
from hotline.reminders.plan import (
    HANDLED,
    PlannedMessage,
    PlannedRow,
    PlanSubject,
    Recipient,
    Replan,
    RowStatus,
    plan,
    replan,
)

GEORGIA = load_campaign(SHIPPED_DIR / "georgia-two-year.yaml")
RELEASE = date(2027, 3, 31)


def subject(
    release: date = RELEASE, zone: str = "Asia/Tbilisi", specialist: str | None = "s-7"
) -> PlanSubject:
    return PlanSubject(
        participant="p-1",
        release=release,
        zone=zone,
        language="ka",
        recipients=(
            Recipient(RecipientKind.PARTICIPANT, "p-1", zone, "ka", (Channel.SMS, Channel.VOICE)),
            Recipient(RecipientKind.FAMILY, "f-1", "Europe/Prague", "ru", (Channel.TELEGRAM,)),
        ),
        specialist=specialist,
    )


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


@dataclass
class Store:
    """The stored plan as the dispatcher's storage will keep it, reduced to a list."""

    rows: list[PlannedRow] = field(default_factory=list)
    ids: itertools.count[int] = field(default_factory=itertools.count)

    def apply(self, change: Replan) -> None:
        gone = {row.id for row in change.cancel}
        assert all(row.status is RowStatus.PLANNED for row in change.cancel)
        self.rows = [
            replace(row, status=RowStatus.CANCELLED) if row.id in gone else row for row in self.rows
        ]
        self.rows += [PlannedRow(next(self.ids), RowStatus.PLANNED, m) for m in change.insert]
        self.rows += [PlannedRow(next(self.ids), RowStatus.SKIPPED, m) for m, _ in change.skip]
        live = [(r.message.key, r.message.anchor) for r in self.rows if r.status != "cancelled"]
        assert len(live) == len(set(live)), "one live row per step, recipient and release date"

    def dispatch(self, until: datetime) -> None:
        """Everything due by `until` is sent."""
        self.rows = [
            replace(row, status=RowStatus.SENT)
            if row.status is RowStatus.PLANNED and row.message.due_at <= until
            else row
            for row in self.rows
        ]

    def live(self, now: datetime) -> list[PlannedMessage]:
        return sorted(
            (
                r.message
                for r in self.rows
                if r.status is RowStatus.PLANNED and r.message.due_at > now
            ),
            key=lambda m: (m.due_at, m.key),
        )

    def sent(self) -> list[PlannedRow]:
        return [r for r in self.rows if r.status in HANDLED]


def edited(tmp_path: Path, *changes: tuple[str, str]) -> Campaign:
    text = (SHIPPED_DIR / "georgia-two-year.yaml").read_text(encoding="utf-8")
    for old, new in changes:
        assert old in text, old
        text = text.replace(old, new)
    path = tmp_path / "georgia-two-year.yaml"
    path.write_text(text, encoding="utf-8")
    return load_campaign(path)


def by_step(messages: list[PlannedMessage], kind: RecipientKind) -> dict[str, PlannedMessage]:
    return {m.step: m for m in messages if m.recipient_kind is kind}


def test_the_plan_has_every_step_for_every_recipient_in_their_own_time() -> None:
    planned = plan(subject(), GEORGIA)
    mine = by_step(planned, RecipientKind.PARTICIPANT)
    family = by_step(planned, RecipientKind.FAMILY)
    task = by_step(planned, RecipientKind.SPECIALIST_TASK)

    assert set(task) == {"plan-meeting"}
    assert set(family) == {"family-3-months", "family-2-months", "family-1-month"}
    assert list(mine) == [
        "ahead-3-months", "ahead-2-months", "ahead-1-month",
        "day-1", "day-3", "day-7", "day-14",
        *(f"month-{n}" for n in (1, 2, 3, 4, 5, 6, 9, 12, 15, 18, 21)),
        "program-end",
    ]  # fmt: skip
    assert planned == sorted(planned, key=lambda m: (m.due_at, m.key))

    # One month before 31 March is 28 February; 11:00 in Tbilisi is 07:00 UTC.
    assert mine["ahead-1-month"].local_date == date(2027, 2, 28)
    assert mine["ahead-1-month"].due_at == utc(2027, 2, 28, 7)
    assert mine["day-1"].local_date == date(2027, 4, 1)
    assert mine["month-1"].local_date == date(2027, 4, 30)
    assert mine["program-end"].local_date == date(2029, 3, 31)
    # The family contact lives in Prague: 11:00 there, in winter (+01) and in summer (+02).
    assert family["family-3-months"].due_at == utc(2026, 12, 31, 10)
    assert family["family-1-month"].due_at == utc(2027, 2, 28, 10)
    assert (family["family-1-month"].zone, family["family-1-month"].language) == (
        "Europe/Prague",
        "ru",
    )
    # The specialist's task at 09:30 in the participant's zone, to the desk.
    assert task["plan-meeting"].due_at == utc(2026, 12, 31, 5, 30)
    assert (task["plan-meeting"].recipient_ref, task["plan-meeting"].channels) == ("s-7", ())
    # Only the last step ends the program; every message carries the campaign's version.
    assert [m.step for m in planned if m.last] == ["program-end"]
    assert {m.version for m in planned} == {GEORGIA.version}
    assert len({m.key for m in planned}) == len(planned)


def test_the_plan_keeps_to_the_channels_a_person_has() -> None:
    planned = plan(subject(), GEORGIA)
    # The participant never opened the bot: SMS, then a call. The family contact has only
    # Telegram, which the step lists first.
    assert by_step(planned, RecipientKind.PARTICIPANT)["day-1"].channels == (
        Channel.SMS,
        Channel.VOICE,
    )
    assert by_step(planned, RecipientKind.FAMILY)["family-1-month"].channels == (Channel.TELEGRAM,)


def test_a_task_with_nobody_assigned_goes_to_whoever_is_on_duty() -> None:
    task = by_step(plan(subject(specialist=None), GEORGIA), RecipientKind.SPECIALIST_TASK)
    assert task["plan-meeting"].recipient_ref is None
    assert task["plan-meeting"].key == "p-1/georgia-two-year/plan-meeting/specialist-task/-"


def test_planning_again_with_nothing_changed_changes_nothing() -> None:
    now = utc(2027, 1, 15)
    store = Store()
    store.apply(replan([], plan(subject(), GEORGIA), now))
    # Enrolled after the three-month step: it comes now, the rest at their own time.
    assert all(m.due_at > now for m in store.live(now))
    assert "ahead-3-months" not in {m.step for m in store.live(now)}
    assert replan(store.rows, plan(subject(), GEORGIA), now) == Replan((), ())
    later = now + timedelta(days=3)
    assert replan(store.rows, plan(subject(), GEORGIA), later) == Replan((), ())


def enrolled(days_before_release: int, campaign: Campaign = GEORGIA) -> tuple[Replan, datetime]:
    """A participant enrolled this many days before release (negative: after), at 12:00 UTC."""
    now = datetime.combine(RELEASE - timedelta(days=days_before_release), time(12), UTC)
    return replan([], plan(subject(), campaign), now), now


def steps_of(messages: Sequence[PlannedMessage], now: datetime) -> dict[str, set[str]]:
    """Each message as `step/whom`, sorted into those due now and those due later."""
    out: dict[str, set[str]] = {"now": set(), "later": set()}
    for m in messages:
        out["now" if m.due_at == now else "later"].add(f"{m.step}/{m.recipient_kind}")
    return out


def with_a_second_task(tmp_path: Path) -> Campaign:
    return edited(
        tmp_path,
        (
            "  - id: ahead-2-months\n",
            "  - {id: call-family, offset: -2 months, to: specialist-task, "
            "message: task-plan-meeting}\n  - id: ahead-2-months\n",
        ),
    )


def test_enrolled_80_days_before_release_the_3_month_step_comes_now() -> None:
    change, now = enrolled(80)
    placed = steps_of(change.insert, now)
    assert placed["now"] == {
        "ahead-3-months/participant",
        "family-3-months/family",
        "plan-meeting/specialist-task",
    }
    # The two-month step is not missed: it comes at its own date, as planned.
    assert "ahead-2-months/participant" in placed["later"]
    assert change.skip == ()


def test_enrolled_40_days_before_release_the_latest_information_and_every_task_come_now(
    tmp_path: Path,
) -> None:
    change, now = enrolled(40, with_a_second_task(tmp_path))
    assert steps_of(change.insert, now)["now"] == {
        "ahead-2-months/participant",
        "family-2-months/family",
        "plan-meeting/specialist-task",
        "call-family/specialist-task",
    }
    assert {(m.step, str(reason)) for m, reason in change.skip} == {
        ("ahead-3-months", "enrolled after this step's date"),
        ("family-3-months", "enrolled after this step's date"),
    }
    # What comes now is timed now, in each recipient's own day and zone.
    family = next(m for m in change.insert if m.step == "family-2-months")
    assert (family.local_date, family.local_time, family.zone) == (
        date(2027, 2, 19),
        time(13, 0),
        "Europe/Prague",
    )
    assert steps_of(change.insert, now)["later"] >= {
        "ahead-1-month/participant",
        "day-1/participant",
    }


def test_enrolled_after_release_no_step_before_it_is_sent() -> None:
    change, now = enrolled(-10)  # ten days after release: days 1, 3 and 7 are past too
    placed = steps_of(change.insert, now)
    assert placed["now"] == set()
    assert min(change.insert, key=lambda m: m.due_at).step == "day-14"
    assert {m.step for m, _ in change.skip} == {
        "plan-meeting", "ahead-3-months", "family-3-months", "ahead-2-months",
        "family-2-months", "ahead-1-month", "family-1-month", "day-1", "day-3", "day-7",
    }  # fmt: skip


@pytest.mark.parametrize(
    ("days_before", "now_steps", "skipped"),
    [
        (100, set(), set()),
        (92, set(), set()),  # 31 December is the three-month date: ahead, nothing missed
        (80, {"ahead-3-months", "family-3-months", "plan-meeting"}, set()),
        (
            40,
            {"ahead-2-months", "family-2-months", "plan-meeting"},
            {"ahead-3-months", "family-3-months"},
        ),
        (
            20,
            {"ahead-1-month", "family-1-month", "plan-meeting"},
            {"ahead-3-months", "family-3-months", "ahead-2-months", "family-2-months"},
        ),
        (0, set(), {"plan-meeting", "ahead-3-months", "family-3-months", "ahead-2-months",
                    "family-2-months", "ahead-1-month", "family-1-month"}),
    ],
)  # fmt: skip
def test_missed_steps_by_the_day_of_enrolment(
    days_before: int, now_steps: set[str], skipped: set[str]
) -> None:
    change, now = enrolled(days_before)
    assert {m.step for m in change.insert if m.due_at == now} == now_steps
    assert {m.step for m, _ in change.skip} == skipped
    # Every step is accounted for: planned, brought forward or recorded as skipped.
    assert len(change.insert) + len(change.skip) == len(plan(subject(), GEORGIA))


def test_a_release_moved_earlier_brings_forward_the_step_it_jumped_over_never_one_sent() -> None:
    store = Store()
    store.apply(replan([], plan(subject(), GEORGIA), utc(2026, 12, 1)))
    now = utc(2027, 1, 5, 12)
    store.dispatch(now)  # the three-month steps and the task went out on 31 December
    change = replan(store.rows, plan(subject(release=date(2027, 3, 1)), GEORGIA), now)
    store.apply(change)
    # The new two-month date (1 January) has passed: that information comes now; the
    # three-month information and the task, sent already, do not come again.
    assert steps_of(change.insert, now)["now"] == {
        "ahead-2-months/participant",
        "family-2-months/family",
    }
    assert change.skip == ()
    assert replan(store.rows, plan(subject(release=date(2027, 3, 1)), GEORGIA), now) == Replan(
        (), ()
    )


def test_a_release_moved_earlier_replans_only_unsent_future_rows() -> None:
    store = Store()
    store.apply(replan([], plan(subject(), GEORGIA), utc(2026, 12, 1)))
    now = utc(2027, 2, 1, 12)
    store.dispatch(now)
    sent = store.sent()
    assert {r.message.step for r in sent} >= {"ahead-3-months", "ahead-2-months", "plan-meeting"}

    earlier = plan(subject(release=date(2027, 3, 10)), GEORGIA)
    change = replan(store.rows, earlier, now)
    store.apply(change)

    assert store.sent() == sent  # the history stays
    assert all(row.message.due_at > now for row in change.cancel)
    assert [m for m in earlier if m.due_at > now] == store.live(now)
    mine = by_step(store.live(now), RecipientKind.PARTICIPANT)
    assert mine["ahead-1-month"].local_date == date(2027, 2, 10)
    assert mine["day-1"].local_date == date(2027, 3, 11)
    # Steps whose new time has passed are not planned after the fact.
    assert "ahead-2-months" not in mine


def test_a_release_moved_later_plans_the_steps_before_it_again() -> None:
    """Release delayed by three months: the specialist must still plan the meeting, and the
    person hears from us again before the new date."""
    store = Store()
    store.apply(replan([], plan(subject(), GEORGIA), utc(2026, 12, 1)))
    now = utc(2027, 2, 1, 12)
    store.dispatch(now)
    sent = store.sent()

    later = plan(subject(release=date(2027, 6, 30)), GEORGIA)
    store.apply(replan(store.rows, later, now))

    assert store.sent() == sent
    assert store.live(now) == [m for m in later if m.due_at > now]
    again = {m.step: m.local_date for m in store.live(now)}
    assert again["plan-meeting"] == date(2027, 3, 30)
    assert again["ahead-3-months"] == date(2027, 3, 30)
    assert again["day-1"] == date(2027, 7, 1)


def test_an_edited_campaign_replans_future_steps_only(tmp_path: Path) -> None:
    store = Store()
    store.apply(replan([], plan(subject(), GEORGIA), utc(2026, 12, 1)))
    now = utc(2027, 4, 5, 12)  # day 5 after release: days 1 and 3 are sent
    store.dispatch(now)
    sent = store.sent()
    before = {m.step: m for m in store.live(now)}

    new = edited(
        tmp_path,
        ("{id: day-3, offset: +3 days", "{id: day-3, offset: +6 days"),  # sent: not again
        ("{id: day-14, offset: +14 days", "{id: day-14, offset: +10 days"),
        ("  - {id: month-5, offset: +5 months, to: participant, flow: checkin}\n", ""),
    )
    assert new.version != GEORGIA.version
    change = replan(store.rows, plan(subject(), new), now)
    store.apply(change)

    assert store.sent() == sent
    assert {r.message.step for r in change.cancel} == {"day-14", "month-5"}
    assert [(m.step, m.local_date) for m in change.insert] == [("day-14", date(2027, 4, 10))]
    after = {m.step: m for m in store.live(now)}
    assert "day-3" not in after  # moved past 'now' after it was sent: never twice
    assert after["day-7"] == before["day-7"]  # unchanged steps keep their rows
    assert after["day-7"].version == GEORGIA.version


def test_a_person_moving_to_another_zone_gets_the_future_in_their_new_local_time() -> None:
    store = Store()
    store.apply(replan([], plan(subject(), GEORGIA), utc(2026, 12, 1)))
    now = utc(2027, 5, 15)
    store.dispatch(now)
    store.apply(replan(store.rows, plan(subject(zone="Europe/Zagreb"), GEORGIA), now))
    mine = by_step(store.live(now), RecipientKind.PARTICIPANT)
    assert mine["month-2"].due_at == utc(2027, 5, 31, 9)  # 11:00 in Zagreb, summer
    assert mine["month-9"].due_at == utc(2027, 12, 31, 10)  # 11:00 in Zagreb, winter
    assert all(r.message.zone == "Asia/Tbilisi" for r in store.sent() if r.message.step == "day-1")


def test_rows_being_sent_or_past_due_are_the_dispatchers() -> None:
    messages = plan(subject(), GEORGIA)
    day1, day3 = (next(m for m in messages if m.step == s) for s in ("day-1", "day-3"))
    now = day1.due_at + timedelta(hours=1)
    rows = [
        PlannedRow(1, RowStatus.SENDING, day1),
        PlannedRow(2, RowStatus.PLANNED, replace(day3, due_at=now - timedelta(minutes=1))),
    ]
    change = replan(rows, [day1, replace(day3, due_at=now + timedelta(days=1))], now)
    assert change == Replan((), ())


@settings(max_examples=60, deadline=None)
@given(
    moves=st.lists(
        st.tuples(
            st.integers(min_value=-120, max_value=120), st.integers(min_value=1, max_value=60)
        ),
        min_size=1,
        max_size=5,
    )
)
def test_whatever_moves_the_history_stays_and_the_future_follows_the_plan(
    moves: list[tuple[int, int]],
) -> None:
    """The release date moved again and again while time passes and messages go out."""
    store = Store()
    now = utc(2026, 10, 1)
    release = RELEASE
    store.apply(replan([], plan(subject(release), GEORGIA), now))
    for shift, days_later in moves:
        now += timedelta(days=days_later)
        store.dispatch(now)
        sent = store.sent()
        release += timedelta(days=shift)
        fresh = plan(subject(release), GEORGIA)
        store.apply(replan(store.rows, fresh, now))
        assert store.sent()[: len(sent)] == sent  # missed steps may add skipped rows after
        taken = {(r.message.key, r.message.anchor) for r in sent}
        # No step is silently dropped: each has a row, sent, planned, brought forward or
        # recorded as skipped.
        kept = {r.message.key for r in store.rows if r.status is not RowStatus.CANCELLED}
        assert {m.key for m in fresh} <= kept
        assert store.live(now) == [
            m for m in fresh if m.due_at > now and (m.key, m.anchor) not in taken
        ]
        assert replan(store.rows, fresh, now) == Replan((), ())


def test_a_plan_time_is_local_even_on_the_day_the_clock_changes(tmp_path: Path) -> None:
    campaign = edited(tmp_path, ('time: "11:00"', 'time: "10:00"'))
    zagreb = replace(subject(release=date(2027, 2, 28), zone="Europe/Zagreb"))
    mine = by_step(plan(zagreb, campaign), RecipientKind.PARTICIPANT)
    assert mine["month-1"].local_date == date(2027, 3, 28)  # the spring-forward Sunday
    assert mine["month-1"].due_at == utc(2027, 3, 28, 8)  # 10:00 CEST
    assert mine["month-1"].local_time == time(10, 0)
