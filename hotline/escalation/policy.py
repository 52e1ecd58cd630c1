"""The escalation policy: whom to ring for a call, in which steps, and whom to alert when.

Pure: the roster's candidates and the clock come in, plans go out.

A live call is rung in steps (`ring_plan`). Each step rings one person (sequential) or
several at once (simultaneous, at most Twilio's 10), for `ring_timeout_s`; a step nobody
accepts leads to the next one, and after the last the caller is offered a voicemail or a
callback. The order follows the roster's tiers: on duty and speaking the caller's language,
then everyone on duty, then (if the deployment says so) supervisors off duty.

Work that waits for a person (a callback task, a chat case) is alerted in stages
(`alert_stages`): on-duty staff at once, again after `renotify_after`, supervisors after
`supervisor_after`; it stops the moment someone takes it. A stage due while nobody is on duty
waits for the next person to come on (`stage_due`), so nobody is woken for a voicemail left
at 3 a.m. unless it stayed untaken while someone was on duty.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import IntEnum, StrEnum

from hotline.escalation.roster import Candidate, Role, Roster, Tier, next_change, on_duty

__all__ = [
    "MAX_AT_ONCE",
    "AlertStage",
    "Audience",
    "EscalationPolicy",
    "Ring",
    "RingMode",
    "alert_recipients",
    "alert_schedule",
    "alert_stages",
    "ring_plan",
    "stage_due",
]

MAX_AT_ONCE = 10  # Twilio rings at most ten <Number>s in one <Dial>


class RingMode(StrEnum):
    """How the people of one tier are rung."""

    SEQUENTIAL = "sequential"  # one after another, in the roster's order
    SIMULTANEOUS = "simultaneous"  # all at once; the first to press 1 takes the call


@dataclass(frozen=True)
class EscalationPolicy:
    """A deployment's escalation settings (HOTLINE_ESCALATION_* variables)."""

    ring_mode: RingMode = RingMode.SEQUENTIAL
    ring_timeout_s: int = 20
    ring_off_duty_supervisors: bool = False
    renotify_after: timedelta = timedelta(minutes=5)
    supervisor_after: timedelta = timedelta(minutes=15)
    callback_keep: timedelta = timedelta(days=7)


@dataclass(frozen=True)
class Ring:
    """One step of ringing: these people at once, for `timeout_s` seconds."""

    staff_ids: tuple[str, ...]
    tier: Tier
    timeout_s: int


def ring_plan(
    candidates: Sequence[Candidate],
    reachable: Collection[str],
    policy: EscalationPolicy,
    *,
    first: str | None = None,
) -> tuple[Ring, ...]:
    """The steps in which to ring people with a phone (`reachable`) for one call.

    `first` is a person to try before anyone else (a returning participant's own
    specialist) when they are on duty and reachable; they are not rung twice.
    """
    callable_ = [
        c
        for c in candidates
        if c.staff.id in reachable
        and (c.tier != Tier.SUPERVISOR_OFF_DUTY or policy.ring_off_duty_supervisors)
    ]
    steps: list[Ring] = []
    seen: set[str] = set()
    head = next(
        (c for c in callable_ if c.staff.id == first and c.tier != Tier.SUPERVISOR_OFF_DUTY),
        None,
    )
    if head is not None:
        steps.append(Ring((head.staff.id,), head.tier, policy.ring_timeout_s))
        seen.add(head.staff.id)
    rest = [c for c in callable_ if c.staff.id not in seen]
    if policy.ring_mode == RingMode.SEQUENTIAL:
        steps.extend(Ring((c.staff.id,), c.tier, policy.ring_timeout_s) for c in rest)
        return tuple(steps)
    # Simultaneous: those who speak the language, then everyone on duty, then supervisors.
    # A group larger than Twilio's limit is rung in rounds of MAX_AT_ONCE, so nobody beyond
    # the tenth is left out; a round that repeats one already rung is skipped.
    speakers = [c.staff.id for c in rest if c.tier == Tier.ON_DUTY_SPEAKS]
    on = [c.staff.id for c in rest if c.tier in (Tier.ON_DUTY_SPEAKS, Tier.ON_DUTY)]
    off = [c.staff.id for c in rest if c.tier == Tier.SUPERVISOR_OFF_DUTY]
    rung: list[frozenset[str]] = [frozenset(step.staff_ids) for step in steps]
    for ids, tier in (
        (speakers, Tier.ON_DUTY_SPEAKS),
        (on, Tier.ON_DUTY),
        (off, Tier.SUPERVISOR_OFF_DUTY),
    ):
        for i in range(0, len(ids), MAX_AT_ONCE):
            group = tuple(ids[i : i + MAX_AT_ONCE])
            if frozenset(group) not in rung:
                steps.append(Ring(group, tier, policy.ring_timeout_s))
                rung.append(frozenset(group))
    return tuple(steps)


class Audience(IntEnum):
    """Who an alert stage goes to."""

    ON_DUTY = 1
    SUPERVISORS = 2


@dataclass(frozen=True)
class AlertStage:
    """Stage `index` of alerting about waiting work: `after` its start, to `audience`."""

    index: int
    after: timedelta
    audience: Audience
    reminder: bool  # a repeat: said as "still waiting"


def alert_stages(policy: EscalationPolicy) -> tuple[AlertStage, ...]:
    """The stages of alerting, in order; the escalation stops at whichever is taken."""
    return (
        AlertStage(0, timedelta(0), Audience.ON_DUTY, reminder=False),
        AlertStage(1, policy.renotify_after, Audience.ON_DUTY, reminder=True),
        AlertStage(2, policy.supervisor_after, Audience.SUPERVISORS, reminder=True),
    )


def stage_due(roster: Roster | None, stage: AlertStage, at: datetime) -> datetime:
    """When a stage meant to run `at` runs: then, or, when it is for those on duty and
    nobody is on duty then, when the next person comes on duty."""
    if roster is None or stage.audience != Audience.ON_DUTY or on_duty(roster, at):
        return at
    return next_change(roster, at) or at


def alert_schedule(
    roster: Roster | None, policy: EscalationPolicy, started: datetime
) -> tuple[tuple[int, datetime], ...]:
    """(stage, due) for every stage of waiting work that starts at `started`.

    Each stage keeps its distance from the one before, so work left at night is alerted
    when the morning shift begins, re-alerted `renotify_after` later, and so on.
    """
    times: list[tuple[int, datetime]] = []
    previous: tuple[AlertStage, datetime] | None = None
    for stage in alert_stages(policy):
        at = (
            started + stage.after
            if previous is None
            else (previous[1] + (stage.after - previous[0].after))
        )
        due = stage_due(roster, stage, at)
        times.append((stage.index, due))
        previous = (stage, due)
    return tuple(times)


URGENT_RENOTIFY = timedelta(minutes=2)
URGENT_SUPERVISORS = timedelta(minutes=5)


def urgent_schedule(
    roster: Roster | None, policy: EscalationPolicy, started: datetime
) -> tuple[tuple[int, datetime], ...]:
    """(stage, due) for urgent work (words of crisis): those on duty at once, reminded after
    two minutes, the supervisors after five; when nobody is on duty, the supervisors at once.
    Never later than the ordinary schedule would be."""
    if roster is not None and on_duty(roster, started):
        return (
            (0, started),
            (1, started + min(URGENT_RENOTIFY, policy.renotify_after)),
            (2, started + min(URGENT_SUPERVISORS, policy.supervisor_after)),
        )
    return ((2, started),)


def alert_recipients(
    roster: Roster | None,
    now: datetime,
    language: str,
    audience: Audience,
    reachable: Collection[str],
) -> tuple[str, ...]:
    """The staff ids (with Telegram: `reachable`) an alert stage goes to, in roster order.

    On duty: those who speak the language, or everyone on duty when nobody does.
    Supervisors: every supervisor, on duty or not; admins only when there is no supervisor.
    """
    if roster is None:
        return ()
    if audience == Audience.ON_DUTY:
        duty = [d.staff for d in on_duty(roster, now) if d.staff.id in reachable]
        speakers = [p for p in duty if p.speaks(language)]
        return tuple(p.id for p in (speakers or duty))
    staff = [p for p in roster.staff if p.id in reachable]
    supervisors = [p for p in staff if p.role == Role.SUPERVISOR]
    return tuple(p.id for p in (supervisors or [p for p in staff if p.role == Role.ADMIN]))
