"""Benchmark of the campaign maths: how fast participants' plans are made and re-planned.

What it measures
    `plan()` for --participants participants of the georgia-two-year campaign, each with
    --family family contacts in other zones (26 messages a participant with two family
    contacts), then `replan()` of each plan against its stored rows after the release date
    moved by a week, the plan's past already sent. Printed: planned messages/s,
    participants/s and re-planned participants/s, in CPU time of one process (the figures
    hold on a busy machine), pure Python.
    The issue's import of 100,000 participants (about 2 million rows with family contacts)
    must finish in 60 s: the plan's share of that is printed as a projection.

How to run
    .venv/bin/python bench/plan.py                      # 5,000 participants
    .venv/bin/python bench/plan.py --participants 100000 --family 2

Every loop is bounded by the participant count.
"""

from __future__ import annotations

import argparse
import time
from datetime import UTC, date, datetime, timedelta

from hotline.reminders.campaign import Channel, RecipientKind
from hotline.reminders.loader import load_campaigns
from hotline.reminders.plan import (
    PlannedRow,
    PlanSubject,
    Recipient,
    RowStatus,
    plan,
    replan,
)

ZONES = ("Asia/Tbilisi", "Europe/Zagreb", "Europe/Prague")


def subject(n: int, family: int, shift: int = 0) -> PlanSubject:
    zone = ZONES[n % len(ZONES)]
    channels = (Channel.TELEGRAM, Channel.SMS, Channel.VOICE)
    return PlanSubject(
        participant=f"p-{n}",
        release=date(2027, 1, 1) + timedelta(days=n % 365 + shift),
        zone=zone,
        language="ka",
        recipients=(
            Recipient(RecipientKind.PARTICIPANT, f"p-{n}", zone, "ka", channels),
            *(
                Recipient(RecipientKind.FAMILY, f"f-{n}-{k}", ZONES[(n + k) % 3], "ru", channels)
                for k in range(family)
            ),
        ),
        specialist=f"s-{n % 40}",
    )


def main() -> None:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=5_000)
    parser.add_argument("--family", type=int, default=2)
    args = parser.parse_args()
    campaign = load_campaigns()["georgia-two-year"]
    now = datetime(2027, 7, 1, tzinfo=UTC)
    planning = replanning = 0.0
    messages = changed = 0
    # One participant at a time, as an import in batches would: nothing piles up in memory.
    for n in range(args.participants):
        started = time.process_time()
        planned = plan(subject(n, args.family), campaign)
        planning += time.process_time() - started
        messages += len(planned)
        rows = [
            PlannedRow(i, RowStatus.SENT if m.due_at <= now else RowStatus.PLANNED, m)
            for i, m in enumerate(planned)
        ]
        started = time.process_time()
        change = replan(rows, plan(subject(n, args.family, shift=7), campaign), now)
        replanning += time.process_time() - started
        changed += len(change.cancel) + len(change.insert)

    rate = args.participants / planning
    print(f"participants: {args.participants:,}, family contacts each: {args.family}")
    print(f"planned messages: {messages:,} ({messages / args.participants:.1f} a participant)")
    print(f"plan: {messages / planning:,.0f} messages/s, {rate:,.0f} participants/s (CPU time)")
    print(
        f"replan (release moved a week: plan + compare): "
        f"{args.participants / replanning:,.0f} participants/s, {changed:,} rows changed"
    )
    projected = 100_000 * planning / args.participants
    print(f"projected CPU time to plan 100,000 participants: {projected:.1f} s")


if __name__ == "__main__":
    main()
