"""A participant's plan from a campaign, and re-planning when the release date, the campaign
or the person's zone changes: only unsent future rows change; what was sent stays sent."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

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
    # Enrolled after the three-month step: the plan starts now, the past is not planned.
    assert all(m.due_at > now for m in store.live(now))
    assert "ahead-3-months" not in {m.step for m in store.live(now)}
    assert replan(store.rows, plan(subject(), GEORGIA), now) == Replan((), ())


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
        assert store.sent() == sent
        taken = {(r.message.key, r.message.anchor) for r in sent}
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
