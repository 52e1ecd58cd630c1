"""The repositories of what an escalation leaves for staff: callback tasks, the messages
sent to staff about it, and its events. `UnitOfWork` (`escalation.ports`) gives them."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from hotline.escalation.model import EscalationRow, Notice, Result, TaskRow
from hotline.escalation.timeline import EscalationEvent


class TaskRepository(Protocol):
    """Callback tasks: what is needed to call a caller back, encrypted, while open."""

    async def add(
        self,
        escalation_id: str,
        *,
        kind: str,
        contact: str | None,
        recording_url: str | None,
        duration_s: int | None,
        expires_at: datetime,
    ) -> None:
        """Keep what is needed to call back until `expires_at` at the latest."""

    async def get(self, escalation_id: str) -> TaskRow | None:
        """One task."""

    async def close(self, escalation_id: str, now: datetime, outcome: Result) -> bool:
        """Close a task: the number and the recording link are deleted, the record ends."""

    async def expired(self, now: datetime) -> list[str]:
        """The open tasks past their keeping time."""

    async def program_tasks(self) -> list[tuple[TaskRow, EscalationRow]]:
        """Every program task (open or done) with its record, oldest first; `contact`
        holds the participant's case code, encrypted."""


class NoticeRepository(Protocol):
    """Messages sent to staff about escalations: for replies and for taking buttons off."""

    async def add(
        self, escalation_id: str, *, chat: str, chat_ref: str, message_id: int, now: datetime
    ) -> None:
        """Remember a message sent to staff about an escalation."""

    async def of_escalation(self, escalation_id: str) -> list[Notice]:
        """Every staff message about an escalation."""

    async def escalation_of(self, chat_ref: str, message_id: int) -> str | None:
        """Which escalation a staff message (replied to) is about."""

    async def forget(self, before: datetime) -> int:
        """Drop notices of escalations that ended before `before`."""


class EventRepository(Protocol):
    """The events of escalations (`escalation.timeline`), and their next alerts."""

    async def add(self, escalation_id: str, events: list[EscalationEvent]) -> None:
        """Keep these events of an escalation."""

    async def of(self, escalation_id: str) -> list[EscalationEvent]:
        """An escalation's events in time order."""

    async def next_alert(self, escalation_id: str) -> datetime | None:
        """When the escalation's next alert is due, if one still is."""
