"""What the purge reads and deletes in storage (`storage.retention.SqlRetention`)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import Protocol

from hotline.retention.policy import CallerDay, LoggedCall, Total

__all__ = ["RetentionRepository"]


class RetentionRepository(Protocol):
    """Deletes what is past keeping; with `dry_run`, only counts it."""

    async def take_calls(self, before: datetime, limit: int) -> list[LoggedCall]:
        """Delete at most `limit` call-log rows begun before `before` with no work still
        open on them, and return what they held (rows another purge took are not)."""

    async def count_calls(self, before: datetime) -> int:
        """How many call-log rows `take_calls` would take in all."""

    async def add_totals(self, totals: Sequence[Total], callers: Sequence[CallerDay]) -> None:
        """Keep the counts of purged rows."""

    async def forget_voicemails(self, before: datetime, *, dry_run: bool) -> list[str]:
        """Delete the voicemail records made before `before`; their recording links."""

    async def participants_past(self, ended_before: datetime) -> list[tuple[str, str]]:
        """(row id, case code) of every participant who withdrew, or whose program ended
        before `ended_before`."""

    async def forget_participant(self, row_id: str, case: str, tasks: Collection[str]) -> None:
        """Delete a participant and all that hangs off them: family contacts, invitations,
        planned messages and their answers and attempts, the program tasks `tasks`."""

    async def forget_audit(self, before: datetime, *, dry_run: bool) -> int:
        """Delete the audit lines written before `before`; how many."""
