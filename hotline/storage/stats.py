"""The statistics' counts (`hotline.stats.ports.StatsRepository`) on both engines.

Every query groups in SQL and returns at most a row per group. Local days and hours come
from a UTC instant plus the zone's offset over the window (`stats.period.Window`): a CASE
picks the offset of the span an instant falls in, so SQLite (which knows no time zones)
and PostgreSQL group exactly alike. The expressions with bound values sit in a subquery and
the grouping is done outside it: PostgreSQL would not match a GROUP BY expression whose
parameters are bound apart from the SELECT's.

Calls a simulator placed (`call_log.simulated`) count only when the window says so; an
escalation counts as its call does (a NOT EXISTS on its log row, by primary key).

The call log's figures read the live rows and the hourly totals purged rows were folded
into (`retention_tables`) as one: a period's figures are the same before and after a purge
(but for its distinct and repeat callers, counted day by day once purged). Escalations go
with their purged call: their figures cover the call log's retention period only.
"""

from __future__ import annotations

import json
from collections import Counter
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, cast

from sqlalchemy import (
    Integer,
    Select,
    Table,
    Text,
    and_,
    case,
    exists,
    false,
    func,
    literal,
    not_,
    select,
    true,
    union_all,
)
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.elements import ColumnElement

from hotline.escalation.model import Kind, Result
from hotline.reminders.campaign import RecipientKind
from hotline.stats.period import Window
from hotline.stats.ports import (
    CALL_CHANNELS,
    CHAT_CHANNELS,
    TOP_PATHS,
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
from hotline.storage.models import (
    CallbackTask,
    CallLogEntry,
    Escalation,
    ParticipantRow,
    PlannedMessageRow,
)
from hotline.storage.retention_tables import CallerTotal, CallLogTotal

__all__ = ["SqlStats"]

_LOG = cast(Table, CallLogEntry.__table__)
_ESC = cast(Table, Escalation.__table__)
_TASKS = cast(Table, CallbackTask.__table__)
_PLAN = cast(Table, PlannedMessageRow.__table__)
_PEOPLE = cast(Table, ParticipantRow.__table__)
_TRAFFIC = (*CALL_CHANNELS, *CHAT_CHANNELS)
_TOTALS = cast(Table, CallLogTotal.__table__)
_CALLERS = cast(Table, CallerTotal.__table__)
_HALF_DAY = timedelta(hours=12)
_ESCALATED = (Kind.CALL, Kind.CALLBACK, Kind.CHAT, Kind.QUESTION)  # not program tasks


class SqlStats:
    """The StatsRepository of a unit of work."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn
        self.sqlite = conn.dialect.name == "sqlite"

    # -- the call log ---------------------------------------------------------------------

    def _log(self, window: Window, channels: tuple[str, ...]) -> Any:
        """Calls and chats of `channels` begun in the window, as a subquery of `at`,
        channel, language, outcome, path (JSON text) and `n`: the live rows (1 each) and the
        hourly totals purged rows were folded into (`retention_tables`), alike."""
        live = select(
            _LOG.c.started_at.label("at"),
            _LOG.c.channel,
            _LOG.c.language,
            _LOG.c.outcome,
            func.cast(_LOG.c.path, Text).label("path"),
            literal(1, Integer).label("n"),
        ).where(*_calls(window, channels))
        real = () if window.simulated else (_TOTALS.c.simulated == false(),)
        folded = select(
            _TOTALS.c.hour,
            _TOTALS.c.channel,
            _TOTALS.c.language,
            _TOTALS.c.outcome,
            _TOTALS.c.path,
            _TOTALS.c.calls,
        ).where(*_within(_TOTALS.c.hour, window), _TOTALS.c.channel.in_(channels), *real)
        return union_all(live, folded).subquery()

    def _traffic(self, window: Window) -> Any:
        """Calls and chats of the window with their local time, as a subquery."""
        log = self._log(window, _TRAFFIC)
        return select(
            self._local(log.c.at, window).label("local"), log.c.channel, log.c.n
        ).subquery()

    async def traffic_by_day(self, window: Window) -> list[DayCount]:
        """Calls and chats per local date and channel."""
        sub = self._traffic(window)
        day = func.date(sub.c.local).label("day")
        query = select(day, sub.c.channel, func.sum(sub.c.n).label("n")).group_by(
            day, sub.c.channel
        )
        return [DayCount(_date(row.day), row.channel, int(row.n)) for row in await self._all(query)]

    async def traffic_by_hour(self, window: Window) -> list[HourCount]:
        """Calls and chats per local weekday, hour and channel."""
        sub = self._traffic(window)
        parts: tuple[ColumnElement[Any], ColumnElement[Any]]
        if self.sqlite:  # %w: 0 Sunday
            parts = (func.strftime("%w", sub.c.local), func.strftime("%H", sub.c.local))
        else:  # isodow: 1 Monday .. 7 Sunday
            parts = (func.extract("isodow", sub.c.local), func.extract("hour", sub.c.local))
        weekday, hour = parts[0].label("weekday"), parts[1].label("hour")
        query = select(weekday, hour, sub.c.channel, func.sum(sub.c.n).label("n")).group_by(
            weekday, hour, sub.c.channel
        )
        return [
            HourCount(_monday_first(int(row.weekday)), int(row.hour), row.channel, int(row.n))
            for row in await self._all(query)
        ]

    async def traffic_by_language(self, window: Window) -> list[LanguageCount]:
        """Calls and chats per language and channel."""
        log = self._log(window, _TRAFFIC)
        query = select(log.c.language, log.c.channel, func.sum(log.c.n).label("n")).group_by(
            log.c.language, log.c.channel
        )
        return [LanguageCount(r.language, r.channel, int(r.n)) for r in await self._all(query)]

    async def top_paths(self, window: Window, limit: int = TOP_PATHS) -> list[PathCount]:
        """The most frequent paths of voice calls, most frequent first (ties by path)."""
        log = self._log(window, CALL_CHANNELS)
        n = func.sum(log.c.n).label("n")
        query = select(log.c.path, n).group_by(log.c.path).order_by(n.desc(), log.c.path)
        return [
            PathCount(_path(row.path), int(row.n)) for row in await self._all(query.limit(limit))
        ]

    async def callers(self, window: Window) -> list[CallerCount]:
        """Callers (pseudonyms) by how many calls and chats each made: counts of counts.
        Of purged days only each day's callers are known: a caller of two such days counts
        twice, once a day (`retention_tables.CallerTotal`)."""
        each = (
            select(func.count().label("calls"))
            .where(*_calls(window, _TRAFFIC), _LOG.c.caller.is_not(None))
            .group_by(_LOG.c.caller)
            .subquery()
        )
        live = select(each.c.calls, func.count().label("n")).group_by(each.c.calls)
        first, end = _noon_days(window)
        real = () if window.simulated else (_CALLERS.c.simulated == false(),)
        folded = (
            select(_CALLERS.c.calls, func.sum(_CALLERS.c.people).label("n"))
            .where(_CALLERS.c.day >= first, _CALLERS.c.day < end, *real)
            .group_by(_CALLERS.c.calls)
        )
        people: Counter[int] = Counter()
        for query in (live, folded):
            for row in await self._all(query):
                people[int(row.calls)] += int(row.n)
        return [CallerCount(calls, n) for calls, n in sorted(people.items())]

    async def outcomes(self, window: Window) -> list[OutcomeCount]:
        """Calls and chats per outcome (None: not ended) and channel."""
        log = self._log(window, _TRAFFIC)
        query = select(log.c.outcome, log.c.channel, func.sum(log.c.n).label("n")).group_by(
            log.c.outcome, log.c.channel
        )
        return [OutcomeCount(r.outcome, r.channel, int(r.n)) for r in await self._all(query)]

    # -- escalations ----------------------------------------------------------------------

    async def escalation_kinds(self, window: Window) -> list[KindCount]:
        """Escalations (not program tasks) that began in the window, per kind."""
        answered = func.count(_ESC.c.answered_at).label("answered")
        query = (
            select(_ESC.c.kind, func.count().label("n"), answered)
            .where(*_escalated(window))
            .group_by(_ESC.c.kind)
        )
        return [KindCount(r.kind, int(r.n), int(r.answered)) for r in await self._all(query)]

    async def answer_delays(self, window: Window) -> list[DelayCount]:
        """Seconds from start to a person taking it, per kind, of those taken."""
        sub = (
            select(
                _ESC.c.kind,
                self._seconds(_ESC.c.started_at, _ESC.c.answered_at).label("seconds"),
            )
            .where(*_escalated(window), _ESC.c.answered_at.is_not(None))
            .subquery()
        )
        query = select(sub.c.kind, sub.c.seconds, func.count().label("n")).group_by(
            sub.c.kind, sub.c.seconds
        )
        return [DelayCount(r.kind, int(r.seconds), int(r.n)) for r in await self._all(query)]

    async def escalation_starts(self, window: Window) -> list[StartCount]:
        """Escalations per kind and UTC minute they began."""
        if self.sqlite:
            minute = func.strftime("%Y-%m-%d %H:%M", _ESC.c.started_at)
        else:
            minute = func.date_trunc("minute", _ESC.c.started_at)
        sub = select(_ESC.c.kind, minute.label("minute")).where(*_escalated(window)).subquery()
        query = select(sub.c.kind, sub.c.minute, func.count().label("n")).group_by(
            sub.c.kind, sub.c.minute
        )
        return [StartCount(r.kind, _minute(r.minute), int(r.n)) for r in await self._all(query)]

    async def callback_outcomes(self, window: Window) -> list[StatusCount]:
        """Callback tasks asked for in the window, by how they ended (None: open)."""
        query = (
            select(_ESC.c.outcome, func.count().label("n"))
            .select_from(_TASKS.join(_ESC, _ESC.c.id == _TASKS.c.escalation_id))
            .where(*_asked_back(window))
            .group_by(_ESC.c.outcome)
        )
        return [StatusCount(r.outcome, int(r.n)) for r in await self._all(query)]

    async def callback_kinds(self, window: Window) -> list[TaskCount]:
        """Callback tasks asked for in the window, per kind (voicemail, callback)."""
        query = (
            select(_TASKS.c.kind, func.count().label("n"))
            .select_from(_TASKS.join(_ESC, _ESC.c.id == _TASKS.c.escalation_id))
            .where(*_asked_back(window))
            .group_by(_TASKS.c.kind)
        )
        return [TaskCount(r.kind, int(r.n)) for r in await self._all(query)]

    async def callback_delays(self, window: Window) -> list[DelayCount]:
        """Seconds from a callback's request to its task being done."""
        sub = (
            select(self._seconds(_ESC.c.started_at, _TASKS.c.closed_at).label("seconds"))
            .select_from(_TASKS.join(_ESC, _ESC.c.id == _TASKS.c.escalation_id))
            .where(
                *_asked_back(window),
                _ESC.c.outcome == Result.DONE,
                _TASKS.c.closed_at.is_not(None),
            )
            .subquery()
        )
        query = select(sub.c.seconds, func.count().label("n")).group_by(sub.c.seconds)
        return [DelayCount(Kind.CALLBACK, int(r.seconds), int(r.n)) for r in await self._all(query)]

    # -- reminders and participants --------------------------------------------------------

    async def messages(self, window: Window) -> list[MessageCount]:
        """Reminders and check-ins sent in the window (not tasks for staff), by status and
        answer."""
        checkin = _PLAN.c.flow.is_not(None).label("checkin")
        sub = (
            select(_PLAN.c.status, checkin, _PLAN.c.answer)
            .where(
                *_within(_PLAN.c.sent_at, window),
                not_(_PLAN.c.recipient_kind == RecipientKind.SPECIALIST_TASK),
            )
            .subquery()
        )
        query = select(sub.c.status, sub.c.checkin, sub.c.answer, func.count().label("n"))
        query = query.group_by(sub.c.status, sub.c.checkin, sub.c.answer)
        return [
            MessageCount(r.status, bool(r.checkin), r.answer, int(r.n))
            for r in await self._all(query)
        ]

    async def participants(self) -> list[StatusCount]:
        """Participants by status, now."""
        query = select(_PEOPLE.c.status, func.count().label("n")).group_by(_PEOPLE.c.status)
        return [StatusCount(r.status, int(r.n)) for r in await self._all(query)]

    # -- helpers --------------------------------------------------------------------------

    async def _all(self, query: Select[Any]) -> list[Any]:
        return list((await self.conn.execute(query)).all())

    def _local(self, column: ColumnElement[datetime], window: Window) -> ColumnElement[Any]:
        """The local wall-clock time of a UTC column, as a naive timestamp (PostgreSQL) or
        text (SQLite), with the offset of the span the instant falls in."""
        last = window.shifts[-1].minutes
        spans = [(s.until, s.minutes) for s in window.shifts[:-1] if s.until is not None]
        if self.sqlite:

            def modifier(minutes: int) -> str:
                return f"{minutes:+d} minutes"

            shift: ColumnElement[Any] = (
                case(*((column < until, modifier(m)) for until, m in spans), else_=modifier(last))
                if spans
                else literal(modifier(last))
            )
            return func.datetime(column, shift)
        minutes: ColumnElement[Any] = (
            case(*((column < until, m) for until, m in spans), else_=last)
            if spans
            else literal(last, Integer)
        )
        utc = func.timezone("UTC", column)
        return utc + func.make_interval(0, 0, 0, 0, 0, minutes)

    def _seconds(
        self, start: ColumnElement[datetime], end: ColumnElement[datetime]
    ) -> ColumnElement[int]:
        """Whole seconds between two UTC columns, rounded."""
        if self.sqlite:
            days = func.julianday(end) - func.julianday(start)
            return func.cast(func.round(days * 86400), Integer)
        return func.cast(func.round(func.extract("epoch", end - start)), Integer)


def _within(column: ColumnElement[datetime], window: Window) -> tuple[ColumnElement[bool], ...]:
    return (and_(column >= window.start, column < window.end),)


def _calls(window: Window, channels: tuple[str, ...]) -> tuple[ColumnElement[bool], ...]:
    """Call log rows of `channels` that began in the window (and were not simulated, unless
    the window counts those)."""
    real = () if window.simulated else (_LOG.c.simulated == false(),)
    return (*_within(_LOG.c.started_at, window), _LOG.c.channel.in_(channels), *real)


def _real(window: Window) -> tuple[ColumnElement[bool], ...]:
    """Escalations of calls no simulator placed (nothing, when the window counts those)."""
    if window.simulated:
        return ()
    simulated = exists().where(_LOG.c.id == _ESC.c.log_id, _LOG.c.simulated == true())
    return (not_(simulated),)


def _asked_back(window: Window) -> tuple[ColumnElement[bool], ...]:
    """Callback tasks (voicemails and callback requests, not program tasks) asked for in
    the window, of calls that count."""
    return (*_within(_ESC.c.started_at, window), _ESC.c.kind == Kind.CALLBACK, *_real(window))


def _escalated(window: Window) -> tuple[ColumnElement[bool], ...]:
    """Escalations (not program tasks) that began in the window, of calls that count."""
    return (*_within(_ESC.c.started_at, window), _ESC.c.kind.in_(_ESCALATED), *_real(window))


def _noon_days(window: Window) -> tuple[date, date]:
    """The UTC days [first, end) whose noon falls in the window: a purged day's callers
    count in the period that holds most of it (zones within 12 hours of UTC)."""

    def ceiling(instant: datetime) -> date:
        day = instant.date()
        return day if instant == datetime.combine(day, time(), UTC) else day + timedelta(days=1)

    return ceiling(window.start - _HALF_DAY), ceiling(window.end - _HALF_DAY)


def _monday_first(weekday: int) -> int:
    """0 Monday .. 6 Sunday, from SQLite's %w (0 Sunday) or PostgreSQL's isodow (7 Sunday)."""
    return (weekday - 1) % 7


def _date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(value)


def _minute(value: datetime | str) -> datetime:
    if isinstance(value, str):
        value = datetime.fromisoformat(value)
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def _path(text: str | None) -> tuple[str, ...]:
    if not text:
        return ()
    try:
        nodes = json.loads(text)
    except ValueError:
        return ()
    return tuple(str(node) for node in nodes) if isinstance(nodes, list) else ()
