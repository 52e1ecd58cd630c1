"""The retention periods, read from the environment, and the pure parts of the purge.

Pure: no I/O, no clock. The defaults, and why (GDPR Art. 5(1)(e): kept no longer than the
purpose needs; the program follows a participant for two years after release):

- call log 13 months (`HOTLINE_RETAIN_CALL_LOG_MONTHS`): a year of statistics plus a month,
  so a month compares with the same month a year before; older rows are folded into hourly
  counts (no pseudonym, no single call's time or length) and deleted.
- a participant 12 months after their program ended (`HOTLINE_RETAIN_PARTICIPANT_MONTHS`):
  the program's end comes after the two-year follow-up; a year more covers the yearly
  evaluation, a complaint or an access request, and a return to the program. A participant
  who withdraws consent is deleted at the next purge.
- the audit log 24 months (`HOTLINE_RETAIN_AUDIT_MONTHS`): who looked at a participant's
  data must be answerable for the whole two-year follow-up; its lines name case codes only.
- voicemails, questions and callback numbers: while their task is open, at most
  `HOTLINE_CALLBACK_KEEP_DAYS` (7), as before.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, fields
from datetime import date, datetime, timedelta

from hotline.errors import ConfigError

__all__ = [
    "CallerDay",
    "LoggedCall",
    "PurgeCounts",
    "RetentionPolicy",
    "Total",
    "fold",
    "months_before",
    "retention_policy",
]


@dataclass(frozen=True)
class RetentionPolicy:
    """How many months each kind of record is kept (see the module's text for why)."""

    call_log_months: int = 13
    participant_months: int = 12  # after the program ended
    audit_months: int = 24


_SETTINGS = (  # variable, field, lowest, highest
    ("HOTLINE_RETAIN_CALL_LOG_MONTHS", "call_log_months", 1, 120),
    ("HOTLINE_RETAIN_PARTICIPANT_MONTHS", "participant_months", 0, 120),
    ("HOTLINE_RETAIN_AUDIT_MONTHS", "audit_months", 6, 120),
)


def retention_policy(env: Mapping[str, str]) -> RetentionPolicy:
    """The periods the environment sets (ConfigError naming a bad one)."""
    values: dict[str, int] = {}
    for name, attribute, low, high in _SETTINGS:
        raw = env.get(name, "").strip()
        if not raw:
            continue
        if not raw.isdigit() or not low <= int(raw) <= high:
            raise ConfigError(f"{name} must be a whole number of months from {low} to {high}")
        values[attribute] = int(raw)
    return RetentionPolicy(**values)


def months_before(now: datetime, months: int) -> datetime:
    """The same instant `months` calendar months earlier (the day clamped to the month's
    last: 31 March less one month is 28 or 29 February)."""
    index = now.year * 12 + now.month - 1 - months
    year, month = divmod(index, 12)
    first_next = date(year + (month + 1) // 12, (month + 1) % 12 + 1, 1)
    last_day = (first_next - timedelta(days=1)).day
    return now.replace(year=year, month=month + 1, day=min(now.day, last_day))


@dataclass(frozen=True)
class LoggedCall:
    """What a purged call-log row held that the statistics count."""

    started_at: datetime
    channel: str
    language: str
    outcome: str | None
    path: tuple[str, ...]
    simulated: bool
    duration_s: int | None
    caller: str | None


@dataclass(frozen=True)
class Total:
    """Calls alike that began in one UTC hour: how many, and their seconds in all."""

    hour: datetime
    channel: str
    language: str
    outcome: str | None
    path: str  # the node ids as a JSON list, as the call log's JSON column writes it
    simulated: bool
    calls: int
    duration_s: int


@dataclass(frozen=True)
class CallerDay:
    """Of one UTC day's callers, how many made `calls` calls or chats that day."""

    day: date
    simulated: bool
    calls: int
    people: int


def fold(
    rows: Iterable[LoggedCall], traffic: tuple[str, ...]
) -> tuple[list[Total], list[CallerDay]]:
    """Call-log rows as hourly totals, and the callers (pseudonyms, of `traffic` channels)
    counted per day by how many calls each made; no pseudonym is kept."""
    calls: Counter[tuple[datetime, str, str, str | None, str, bool]] = Counter()
    seconds: Counter[tuple[datetime, str, str, str | None, str, bool]] = Counter()
    per_caller: Counter[tuple[date, bool, str]] = Counter()
    for row in rows:
        hour = row.started_at.replace(minute=0, second=0, microsecond=0)
        key = (hour, row.channel, row.language, row.outcome, _path(row.path), row.simulated)
        calls[key] += 1
        seconds[key] += row.duration_s or 0
        if row.caller is not None and row.channel in traffic:
            per_caller[(row.started_at.date(), row.simulated, row.caller)] += 1
    totals = [Total(*key, calls=n, duration_s=seconds[key]) for key, n in sorted(calls.items())]
    people = Counter((day, simulated, n) for (day, simulated, _), n in per_caller.items())
    callers = [CallerDay(*key, people=n) for key, n in sorted(people.items())]
    return totals, callers


def _path(path: Iterable[str]) -> str:
    # json.dumps with its defaults is what SQLAlchemy's JSON type writes on both engines.
    return json.dumps(list(path))


@dataclass
class PurgeCounts:
    """What one purge removed (or, in a dry run, would): counts only."""

    calls_folded: int = 0
    voicemails: int = 0
    recordings_deleted: int = 0
    callback_tasks: int = 0
    questions: int = 0
    participants: int = 0
    audit_lines: int = 0

    def summary(self) -> str:
        """One line for the audit log and the operator: each count by its name."""
        return ", ".join(
            f"{f.name.replace('_', ' ')} {getattr(self, f.name)}" for f in fields(self)
        )

    @property
    def any(self) -> bool:
        """True when anything was (or would be) removed."""
        return any(getattr(self, f.name) for f in fields(self))
