"""The stored plan of messages, as a Protocol: one of the unit of work's repositories
(`uow.plan`). Rows carry no contact and no text: only what the plan is made of and what
became of each message."""

from __future__ import annotations

import builtins
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from hotline.reminders.campaign import Channel
from hotline.reminders.plan import PlannedMessage, PlannedRow, RowStatus

__all__ = ["Attempt", "Outlook", "PlanRepository", "StoredMessage"]


@dataclass(frozen=True, slots=True)
class StoredMessage:
    """A row of the plan with its delivery state."""

    row: PlannedRow
    ready_at: datetime
    attempts: int
    channel: str | None
    provider_id: str | None
    reason: str | None
    sending_at: datetime | None
    sent_at: datetime | None

    @property
    def id(self) -> int:
        """The row's id."""
        return int(self.row.id)

    @property
    def status(self) -> RowStatus:
        """Where it stands."""
        return self.row.status

    @property
    def message(self) -> PlannedMessage:
        """The message it holds."""
        return self.row.message


@dataclass(frozen=True, slots=True)
class Attempt:
    """One try at delivering a planned message, or a status the provider reported."""

    at: datetime
    channel: str | None
    outcome: str
    provider_id: str | None = None
    detail: str | None = None


@dataclass(frozen=True, slots=True)
class Outlook:
    """A participant's plan at a glance, for their specialist: the next message or check-in
    to them (None: nothing planned) and the latest answer to a check-in (None: none yet)."""

    next_at: datetime | None = None  # UTC: when it is due, or will next be looked at
    next_step: str | None = None
    next_checkin: bool = False
    answer: str | None = None  # fine, talk, help-now, stop, silent
    answered_at: datetime | None = None


class PlanRepository(Protocol):
    """Planned messages and their attempts."""

    async def rows_of(self, participant: str) -> builtins.list[PlannedRow]:
        """Every row of a participant's plan that is not cancelled."""

    async def cancel(self, ids: Collection[int | str], now: datetime) -> int:
        """Cancel these rows where they are still planned; how many."""

    async def insert(self, messages: Iterable[PlannedMessage], now: datetime) -> None:
        """Add messages to the plan, as planned rows ready at their due time (`messages`
        may be made as they are read: the database works while they are)."""

    async def record_skipped(
        self, skipped: Sequence[tuple[PlannedMessage, str]], now: datetime
    ) -> None:
        """Add messages to the plan as skipped, each with why (a step missed when planned)."""

    async def claim(self, now: datetime, limit: int) -> builtins.list[StoredMessage]:
        """Planned rows ready by `now`, locked for this unit (others skip them on PostgreSQL)."""

    async def last_sent(self, refs: Collection[str]) -> dict[str, datetime]:
        """The last time anything went to each of these recipients (sent or being sent)."""

    async def sent_before(self, ref: str, row_id: int) -> bool:
        """True when anything other than row `row_id` went to recipient `ref` before it
        (sent or being sent): that row is not the first they get."""

    async def outlook(self, participants: Collection[str]) -> dict[str, Outlook]:
        """Each of these participants' next planned message to them and latest check-in
        answer (a participant with neither is left out)."""

    async def live_callers(self, callers: Collection[str], since: datetime) -> set[str]:
        """Those of these caller pseudonyms with a call or chat active since `since`."""

    async def wait(self, row_id: int, until: datetime, now: datetime) -> None:
        """Look at a planned row again at `until`."""

    async def skip(self, row_id: int, reason: str, now: datetime) -> None:
        """A planned row will not be sent, for `reason`."""

    async def sending(self, row_id: int, channel: str, now: datetime) -> None:
        """A row is about to be handed to a provider on `channel` (one more attempt)."""

    async def sent(self, row_id: int, provider_id: str | None, now: datetime) -> None:
        """A row being sent was accepted by the provider."""

    async def wait_many(self, rows: Sequence[tuple[int, datetime]], now: datetime) -> None:
        """`wait` of many planned rows, each (row id, until), in one statement."""

    async def sending_many(self, rows: Sequence[tuple[int, str]], now: datetime) -> None:
        """`sending` of many planned rows, each (row id, channel): a statement a channel."""

    async def sent_many(self, rows: Sequence[tuple[int, str | None]], now: datetime) -> None:
        """`sent` of many rows being sent, each (row id, provider id), in one statement."""

    async def attempts(self, attempts: Sequence[tuple[int, Attempt]]) -> None:
        """Record many attempts, each (row id, attempt), in one statement."""

    async def retry(
        self,
        row_id: int,
        at: datetime,
        reason: str,
        now: datetime,
        channels: Sequence[Channel] | None = None,
    ) -> None:
        """A row being sent goes back to planned, to be tried again at `at` (on the
        `channels` left, when one of them cannot take it)."""

    async def fail(self, row_id: int, reason: str, now: datetime) -> None:
        """A row will not be delivered: every channel failed, or the provider refused it."""

    async def reported(self, row_id: int, status: RowStatus, reason: str | None) -> bool:
        """The provider's report of a row sent or being sent (delivered, failed, sent);
        False when the row is unknown or already settled."""

    async def get(self, row_id: int) -> StoredMessage | None:
        """One row."""

    async def stuck(self, before: datetime, limit: int) -> builtins.list[StoredMessage]:
        """Rows left being sent since before `before` (a process stopped mid-send)."""

    async def attempt(self, row_id: int, attempt: Attempt) -> None:
        """Record one attempt or report."""

    async def upcoming(
        self, since: datetime, until: datetime, participant: str | None
    ) -> builtins.list[StoredMessage]:
        """Planned rows due between `since` and `until`, of one participant if given."""

    async def history(
        self, participant: str
    ) -> builtins.list[tuple[StoredMessage, builtins.list[Attempt]]]:
        """Every row of a participant (cancelled ones too) with its attempts, by due time."""


class AnswerRepository(Protocol):
    """What people answered to check-ins (a planned message with a flow)."""

    async def record(self, row_id: int, answer: str, now: datetime) -> StoredMessage | None:
        """Keep `answer` to the check-in of row `row_id` (an earlier "silent" gives way:
        an answer on a later day still counts); the row, or None when there is none."""

    async def opened(self, row_id: int, conversation: str) -> None:
        """The check-in of row `row_id` opened the chat conversation `conversation`."""

    async def pending(self, conversation: str, since: datetime) -> StoredMessage | None:
        """The latest check-in that opened `conversation` since `since` and has no answer
        yet (or was judged silent): where an answer that comes later belongs."""

    async def overdue(self, before: datetime, limit: int) -> builtins.list[StoredMessage]:
        """Check-ins delivered before `before` with no answer yet, locked for this unit."""

    async def mark_silent(self, row_ids: Collection[int]) -> None:
        """These check-ins went unanswered."""

    async def latest(self, recipient_ref: str, limit: int) -> builtins.list[str | None]:
        """The answers to a recipient's last `limit` check-ins that went out, newest
        first (None: not answered yet, and not yet judged silent)."""

    async def recent(
        self, participants: Collection[str], limit: int
    ) -> dict[str, builtins.list[str | None]]:
        """`latest` for each of these participants (their own check-ins, not their
        family's), by case code; a participant with no check-in out yet is left out."""

    async def of_participant(self, participant: str) -> dict[int, tuple[str, datetime | None]]:
        """The answer and when it came (None: judged silent) of every answered check-in of
        a participant and their family, by the plan's row id."""


SILENT = "silent"  # the answer kept for a check-in nobody answered in time; a later one wins
