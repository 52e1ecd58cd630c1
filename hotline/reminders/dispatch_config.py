"""How the dispatcher works (`DispatchConfig`) and what one of its ticks did (`Tally`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta

from hotline.reminders.delivery import DEFAULT_RULES, DeliveryRules

__all__ = ["DEFAULT_CONFIG", "DispatchConfig", "Tally"]


@dataclass(frozen=True)
class DispatchConfig:
    """How the dispatcher works; the delivery rules' own defaults are in `delivery.py`."""

    rules: DeliveryRules = DEFAULT_RULES
    batch: int = 200  # rows claimed a transaction
    batches: int = 50  # at most this many a tick; the rest wait for the next one
    live_within: timedelta = timedelta(minutes=15)  # a conversation this recent is live
    live_wait: timedelta = timedelta(minutes=10)  # then look again this much later
    max_attempts: int = 5  # provider errors on one row before it fails
    backoff: timedelta = timedelta(minutes=1)  # doubled on each retry
    stuck_after: timedelta = timedelta(minutes=10)  # `sending` this long: see the docstring
    concurrency: int = 32  # sends in flight at once, in one batch
    in_flight: int = 3  # batches claimed, sent or settled at once
    answer_within: timedelta = timedelta(days=3)  # a check-in unanswered this long is silent
    silences: int = 2  # silent check-ins in a row that make a task for the specialist


@dataclass
class Tally:
    """What one tick did."""

    sent: int = 0
    waited: int = 0
    skipped: int = 0
    retried: int = 0
    failed: int = 0
    reconciled: int = 0
    tasks: int = 0
    outcomes: list[tuple[int, str]] = field(default_factory=list)  # (row id, outcome)


DEFAULT_CONFIG = DispatchConfig()
