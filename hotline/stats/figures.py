"""The statistics' figures from the stored counts: pure, no I/O and no clock.

`build(counts, period, roster)` folds the counts the database grouped (`ports`) into the
figures a page shows: traffic per day, per hour of the week, by language and channel; the top
paths through the voice menu; escalations with the share answered, the time to answer and
the share that began when nobody was on duty (by the roster's shifts: the roster as it is
now, so an edited roster changes past figures); callbacks and voicemails; callers and repeat
callers (by pseudonym); how calls and chats ended; reminders and check-in answers;
participants by status. Whether a figure may be shown is decided later (`small_counts`).

Percentiles are by nearest rank: the median of 10 delays is the 5th smallest, the 90th
percentile the 9th; never a value nobody waited.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from hotline.conversations.checkin import CheckinAnswer
from hotline.directory.ports import AskCount
from hotline.escalation.model import Kind, Result
from hotline.escalation.roster import Roster, occurrences
from hotline.participants.model import Status
from hotline.reminders.plan import RowStatus
from hotline.reminders.ports import SILENT
from hotline.stats.asks import ServiceAsks, service_asks
from hotline.stats.period import Period
from hotline.stats.ports import (
    CALL_CHANNELS,
    CHAT_CHANNELS,
    CallerCount,
    DayCount,
    DelayCount,
    HourCount,
    KindCount,
    LanguageCount,
    MessageCount,
    OutcomeCount,
    PathCount,
    StartCount,
    StatusCount,
    TaskCount,
)

__all__ = [
    "ALL",
    "CHECKIN_ANSWERS",
    "ESCALATION_KINDS",
    "WAITING",
    "Callbacks",
    "Callers",
    "Counts",
    "Delays",
    "EscalationFigures",
    "Messages",
    "Report",
    "build",
    "percentile",
]

ALL = "all"  # the row of every kind together
WAITING = "waiting"  # a check-in sent whose answer has not come (nor its time run out)
ESCALATION_KINDS = (Kind.CALL, Kind.CALLBACK, Kind.CHAT, Kind.QUESTION)
CHECKIN_ANSWERS = (*(a.value for a in CheckinAnswer), SILENT, WAITING)
CHANNELS = (*CALL_CHANNELS, *CHAT_CHANNELS)


@dataclass(frozen=True)
class Counts:
    """Everything the database counted for one period (see `ports.StatsRepository`)."""

    by_day: Sequence[DayCount] = ()
    by_hour: Sequence[HourCount] = ()
    by_language: Sequence[LanguageCount] = ()
    paths: Sequence[PathCount] = ()
    kinds: Sequence[KindCount] = ()
    answer_delays: Sequence[DelayCount] = ()
    starts: Sequence[StartCount] = ()
    callbacks: Sequence[StatusCount] = ()
    callback_delays: Sequence[DelayCount] = ()
    messages: Sequence[MessageCount] = ()
    participants: Sequence[StatusCount] = ()
    asks: Sequence[tuple[AskCount, int]] = ()  # of the services directory
    region_names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)
    callers: Sequence[CallerCount] = ()
    outcomes: Sequence[OutcomeCount] = ()
    callback_kinds: Sequence[TaskCount] = ()


@dataclass(frozen=True)
class Delays:
    """How long people waited: how many waited, the median and the 90th percentile (s)."""

    count: int
    median: int | None
    p90: int | None


@dataclass(frozen=True)
class EscalationFigures:
    """Escalations of one kind (or ALL): begun, taken by a person, begun off duty."""

    kind: str
    total: int
    answered: int
    after_hours: int
    delays: Delays


@dataclass(frozen=True)
class Callbacks:
    """Callback tasks asked for in the period and how they ended."""

    requested: int
    done: int
    expired: int
    open: int
    delays: Delays
    voicemails: int = 0  # of those requested, messages left
    call_me: int = 0  # and requests to be called back


@dataclass(frozen=True)
class Callers:
    """People who called or wrote in the period, by pseudonym (a withheld number is none):
    how many, and how many of them more than once."""

    people: int = 0
    repeat: int = 0


@dataclass(frozen=True)
class Messages:
    """Reminders and check-ins sent in the period: delivered, answered."""

    sent: int
    delivered: int
    answered: int


@dataclass(frozen=True)
class Report:
    """The figures of one period."""

    period: Period
    per_day: tuple[tuple[date, int, int], ...]  # day, calls, chats
    per_hour: tuple[tuple[int, ...], ...]  # 7 weekdays (Monday first) x 24 hours
    by_language: tuple[tuple[str, int, int], ...]  # language, calls, chats
    by_channel: tuple[tuple[str, int], ...]
    paths: tuple[tuple[tuple[str, ...], int], ...]
    other_paths: int  # calls on every other path
    escalations: tuple[EscalationFigures, ...]
    callbacks: Callbacks
    messages: Messages
    checkins: tuple[tuple[str, int], ...]
    participants: tuple[tuple[str, int], ...] = field(default=())
    services: ServiceAsks = field(default_factory=ServiceAsks)  # the directory's asks
    per_hour_of_day: tuple[tuple[int, int, int], ...] = ()  # hour, calls, chats
    callers: Callers = field(default_factory=Callers)
    outcomes: tuple[tuple[str | None, int, int], ...] = ()  # outcome (None: open), calls, chats


def percentile(histogram: Iterable[tuple[int, int]], q: float) -> int | None:
    """The nearest-rank percentile `q` (0-1] of (value, how many) pairs; None if empty."""
    pairs = sorted((value, n) for value, n in histogram if n > 0)
    total = sum(n for _, n in pairs)
    if total == 0:
        return None
    rank = max(1, math.ceil(q * total))
    seen = 0
    for value, n in pairs:
        seen += n
        if seen >= rank:
            return value
    return pairs[-1][0]


def _delays(histogram: Iterable[tuple[int, int]]) -> Delays:
    pairs = list(histogram)
    return Delays(
        count=sum(n for _, n in pairs),
        median=percentile(pairs, 0.5),
        p90=percentile(pairs, 0.9),
    )


def build(counts: Counts, period: Period, roster: Roster | None) -> Report:
    """The figures of a period from its counts; `roster` tells who was on duty when."""
    return Report(
        period=period,
        per_day=_per_day(counts.by_day, period),
        per_hour=_per_hour(counts.by_hour),
        by_language=_by_language(counts.by_language),
        by_channel=_by_channel(counts.by_language),
        paths=tuple((p.path, p.count) for p in counts.paths),
        other_paths=_voice_total(counts.by_language) - sum(p.count for p in counts.paths),
        escalations=_escalations(counts, period, roster),
        callbacks=_callbacks(counts.callbacks, counts.callback_delays, counts.callback_kinds),
        messages=_messages(counts.messages),
        checkins=_checkins(counts.messages),
        participants=_participants(counts.participants),
        services=service_asks(counts.asks, counts.region_names),
        per_hour_of_day=_per_hour_of_day(counts.by_hour),
        callers=Callers(
            people=sum(c.people for c in counts.callers),
            repeat=sum(c.people for c in counts.callers if c.calls > 1),
        ),
        outcomes=_outcomes(counts.outcomes),
    )


def _is_call(channel: str) -> bool:
    return channel in CALL_CHANNELS


def _per_day(rows: Iterable[DayCount], period: Period) -> tuple[tuple[date, int, int], ...]:
    calls: Counter[date] = Counter()
    chats: Counter[date] = Counter()
    for row in rows:
        (calls if _is_call(row.channel) else chats)[row.day] += row.count
    return tuple((day, calls[day], chats[day]) for day in period.days)


def _per_hour(rows: Iterable[HourCount]) -> tuple[tuple[int, ...], ...]:
    grid = [[0] * 24 for _ in range(7)]
    for row in rows:
        if 0 <= row.weekday < 7 and 0 <= row.hour < 24:
            grid[row.weekday][row.hour] += row.count
    return tuple(tuple(hours) for hours in grid)


def _per_hour_of_day(rows: Iterable[HourCount]) -> tuple[tuple[int, int, int], ...]:
    calls: Counter[int] = Counter()
    chats: Counter[int] = Counter()
    for row in rows:
        (calls if _is_call(row.channel) else chats)[row.hour] += row.count
    return tuple((hour, calls[hour], chats[hour]) for hour in range(24))


def _outcomes(rows: Iterable[OutcomeCount]) -> tuple[tuple[str | None, int, int], ...]:
    """Calls and chats per outcome, the most frequent first (ties by name, open last)."""
    calls: Counter[str | None] = Counter()
    chats: Counter[str | None] = Counter()
    for row in rows:
        (calls if _is_call(row.channel) else chats)[row.outcome] += row.count
    found = set(calls) | set(chats)
    order = sorted(found, key=lambda o: (-calls[o] - chats[o], o is None, o or ""))
    return tuple((outcome, calls[outcome], chats[outcome]) for outcome in order)


def _by_language(rows: Iterable[LanguageCount]) -> tuple[tuple[str, int, int], ...]:
    calls: Counter[str] = Counter()
    chats: Counter[str] = Counter()
    for row in rows:
        (calls if _is_call(row.channel) else chats)[row.language] += row.count
    languages = sorted(set(calls) | set(chats), key=lambda lang: (-calls[lang] - chats[lang], lang))
    return tuple((lang, calls[lang], chats[lang]) for lang in languages)


def _by_channel(rows: Iterable[LanguageCount]) -> tuple[tuple[str, int], ...]:
    found: Counter[str] = Counter()
    for row in rows:
        found[row.channel] += row.count
    return tuple((channel, found[channel]) for channel in CHANNELS)


def _voice_total(rows: Iterable[LanguageCount]) -> int:
    return sum(row.count for row in rows if _is_call(row.channel))


def _escalations(
    counts: Counts, period: Period, roster: Roster | None
) -> tuple[EscalationFigures, ...]:
    kinds = {row.kind: row for row in counts.kinds}
    off_duty = _after_hours(counts.starts, period, roster)
    figures = []
    for kind in ESCALATION_KINDS:
        row = kinds.get(kind)
        delays = [(d.seconds, d.count) for d in counts.answer_delays if d.kind == kind]
        figures.append(
            EscalationFigures(
                kind=kind,
                total=row.total if row else 0,
                answered=row.answered if row else 0,
                after_hours=off_duty[kind],
                delays=_delays(delays),
            )
        )
    every = [(d.seconds, d.count) for d in counts.answer_delays if d.kind in ESCALATION_KINDS]
    figures.append(
        EscalationFigures(
            kind=ALL,
            total=sum(f.total for f in figures),
            answered=sum(f.answered for f in figures),
            after_hours=sum(f.after_hours for f in figures),
            delays=_delays(every),
        )
    )
    return tuple(figures)


def _after_hours(
    starts: Iterable[StartCount], period: Period, roster: Roster | None
) -> Counter[str]:
    """Escalations per kind that began when nobody was on duty. Shifts begin and end on
    whole minutes, so the minute an escalation began in tells it exactly."""
    found: Counter[str] = Counter()
    starts = list(starts)
    if not starts:
        return found
    spans: list[tuple[datetime, datetime]] = []
    if roster is not None:
        window = period.window()
        for shift in occurrences(roster, window.start - timedelta(days=1), window.end):
            if spans and shift.start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(spans[-1][1], shift.end))
            else:
                spans.append((shift.start, shift.end))
    beginnings = [start for start, _ in spans]
    for row in starts:
        i = bisect_right(beginnings, row.minute) - 1
        if i < 0 or row.minute >= spans[i][1]:
            found[row.kind] += row.count
    return found


def _callbacks(
    outcomes: Iterable[StatusCount], delays: Iterable[DelayCount], kinds: Iterable[TaskCount]
) -> Callbacks:
    by: Counter[str | None] = Counter()
    for row in outcomes:
        by[row.status] += row.count
    of_kind: Counter[str] = Counter()
    for task in kinds:
        of_kind[task.kind] += task.count
    return Callbacks(
        requested=sum(by.values()),
        done=by[Result.DONE],
        expired=by[Result.EXPIRED],
        open=by[None],
        delays=_delays((d.seconds, d.count) for d in delays),
        voicemails=of_kind["voicemail"],
        call_me=of_kind["callback"],
    )


def _answered(answer: str | None) -> bool:
    return answer is not None and answer != SILENT


def _messages(rows: Iterable[MessageCount]) -> Messages:
    out = (RowStatus.SENT, RowStatus.DELIVERED)
    rows = [row for row in rows if row.status in out]
    return Messages(
        sent=sum(row.count for row in rows),
        delivered=sum(row.count for row in rows if row.status == RowStatus.DELIVERED),
        answered=sum(row.count for row in rows if _answered(row.answer)),
    )


def _checkins(rows: Iterable[MessageCount]) -> tuple[tuple[str, int], ...]:
    found: Counter[str] = Counter()
    for row in rows:
        if row.checkin:
            found[row.answer or WAITING] += row.count
    return tuple((answer, found[answer]) for answer in CHECKIN_ANSWERS)


def _participants(rows: Iterable[StatusCount]) -> tuple[tuple[str, int], ...]:
    found: Counter[str | None] = Counter()
    for row in rows:
        found[row.status] += row.count
    return tuple((status.value, found[status]) for status in Status)
