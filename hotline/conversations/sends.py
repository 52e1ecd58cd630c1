"""The port of the durable Telegram outbox: what is to be sent, as rows in the database.

A row is written in the transaction that decides to send it (a chat step and its replies
commit together), held by the process that wrote it (a lease), sent, and deleted. A row
whose lease ran out (its process died) is claimed by another process and sent there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol


@dataclass(frozen=True)
class NewSend:
    """A message to write: the chat id and the payload (JSON) already encrypted."""

    chat: str
    payload: str
    request_id: str | None = None


@dataclass(frozen=True)
class HeldSend:
    """A row held by this process: to be sent, then forgotten."""

    id: int
    chat: str
    payload: str
    request_id: str | None
    attempts: int  # how many processes claimed it (1: only its writer)


class SendRepository(Protocol):
    """Rows of the Telegram outbox, on one unit of work's connection."""

    async def put(
        self, sends: Sequence[NewSend], *, holder: str, until: datetime, now: datetime
    ) -> list[HeldSend]:
        """Write rows held by `holder` until `until`; returned in the order given."""

    async def claim(
        self, *, holder: str, until: datetime, now: datetime, limit: int
    ) -> list[HeldSend]:
        """Take rows whose lease ran out (oldest first), skipping rows another claim holds."""

    async def renew(self, holder: str, ids: Sequence[int], until: datetime) -> None:
        """Extend the lease of rows `holder` still holds."""

    async def forget(self, ids: Sequence[int]) -> None:
        """Delete rows: sent, or given up."""
