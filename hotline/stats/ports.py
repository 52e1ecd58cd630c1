"""What the statistics read from storage: counts grouped in the database, never rows.

Each query is bounded by the period (at most `period.MAX_DAYS` days) and returns at most a
row per group: per local day and channel, per weekday and hour and channel, per language and
channel, the top paths, and per kind and second of delay. No row here names a person: the
callers are counted by how many calls a pseudonym made, never listed. Calls a simulator
placed are left out unless the window counts them (`Window.simulated`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from hotline.stats.period import Window

__all__ = [
    "CALL_CHANNELS",
    "CHAT_CHANNELS",
    "TOP_PATHS",
    "CallerCount",
    "DayCount",
    "DelayCount",
    "HourCount",
    "KindCount",
    "LanguageCount",
    "MessageCount",
    "OutcomeCount",
    "PathCount",
    "StartCount",
    "StatsRepository",
    "StatusCount",
    "TaskCount",
]

CALL_CHANNELS = ("voice",)  # what the call log calls a phone call
CHAT_CHANNELS = ("sms", "telegram")  # and a chat; other entries (program tasks) are not traffic
TOP_PATHS = 10


@dataclass(frozen=True)
class DayCount:
    """Calls or chats of one channel that began on a local date."""

    day: date
    channel: str
    count: int


@dataclass(frozen=True)
class HourCount:
    """Calls or chats of one channel that began in a local hour of a weekday (0 Monday)."""

    weekday: int
    hour: int
    channel: str
    count: int


@dataclass(frozen=True)
class LanguageCount:
    """Calls or chats of one channel in one language."""

    language: str
    channel: str
    count: int


@dataclass(frozen=True)
class PathCount:
    """Calls that went one way through the voice menu (the node ids, in order)."""

    path: tuple[str, ...]
    count: int


@dataclass(frozen=True)
class CallerCount:
    """How many callers (pseudonyms; a withheld number is none) made `calls` calls or chats."""

    calls: int
    people: int


@dataclass(frozen=True)
class OutcomeCount:
    """Calls or chats of one channel that ended one way (None: not ended)."""

    outcome: str | None
    channel: str
    count: int


@dataclass(frozen=True)
class TaskCount:
    """Callback tasks of one kind (a voicemail, or a request to be called back)."""

    kind: str
    count: int


@dataclass(frozen=True)
class KindCount:
    """Escalations of one kind: how many began, how many a person took."""

    kind: str
    total: int
    answered: int


@dataclass(frozen=True)
class DelayCount:
    """How many escalations of a kind (or callbacks) waited `seconds` for a person."""

    kind: str
    seconds: int
    count: int


@dataclass(frozen=True)
class StartCount:
    """Escalations of a kind that began in one UTC minute (shifts begin on whole minutes)."""

    kind: str
    minute: datetime
    count: int


@dataclass(frozen=True)
class StatusCount:
    """Callback tasks by how their escalation ended (None: still open), or participants by
    status."""

    status: str | None
    count: int


@dataclass(frozen=True)
class MessageCount:
    """Planned messages sent in the period, by status, check-in or not, and answer."""

    status: str
    checkin: bool
    answer: str | None
    count: int


class StatsRepository(Protocol):
    """Counts for the statistics, on one unit of work's connection."""

    async def traffic_by_day(self, window: Window) -> list[DayCount]:
        """Calls and chats per local date and channel."""

    async def traffic_by_hour(self, window: Window) -> list[HourCount]:
        """Calls and chats per local weekday, hour and channel."""

    async def traffic_by_language(self, window: Window) -> list[LanguageCount]:
        """Calls and chats per language and channel."""

    async def top_paths(self, window: Window, limit: int = TOP_PATHS) -> list[PathCount]:
        """The most frequent paths of voice calls, most frequent first."""

    async def callers(self, window: Window) -> list[CallerCount]:
        """Callers by how many calls and chats each made."""

    async def outcomes(self, window: Window) -> list[OutcomeCount]:
        """Calls and chats per outcome and channel."""

    async def escalation_kinds(self, window: Window) -> list[KindCount]:
        """Escalations (not program tasks) that began in the window, per kind."""

    async def answer_delays(self, window: Window) -> list[DelayCount]:
        """Seconds from start to a person taking it, per kind, of those taken."""

    async def escalation_starts(self, window: Window) -> list[StartCount]:
        """Escalations per kind and UTC minute they began."""

    async def callback_outcomes(self, window: Window) -> list[StatusCount]:
        """Callback tasks asked for in the window, by how they ended."""

    async def callback_delays(self, window: Window) -> list[DelayCount]:
        """Seconds from a callback's request to its task being done (kind "callback")."""

    async def callback_kinds(self, window: Window) -> list[TaskCount]:
        """Callback tasks asked for in the window, per kind (voicemail, callback)."""

    async def messages(self, window: Window) -> list[MessageCount]:
        """Reminders and check-ins sent in the window, by status and answer."""

    async def participants(self) -> list[StatusCount]:
        """Participants by status, now."""
