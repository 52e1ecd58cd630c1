"""The port the directory's service needs from storage (SQL in hotline.storage.directory)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from hotline.directory.model import Row, Tables

__all__ = ["AskCount", "DirectoryAsks", "DirectoryRepository", "Filters", "Stored"]


@dataclass(frozen=True)
class Filters:
    """What a search asks for; None is "any"."""

    region: str | None = None  # a region code; services of the whole country match too
    country: str | None = None  # the deployment's country code
    category: str | None = None
    language: str | None = None
    text: str | None = None
    active_only: bool = True
    checked_before: date | None = None  # last checked before this day, or never


@dataclass(frozen=True)
class Stored:
    """What an import changed."""

    services: int
    rows: int
    sample_removed: int


@dataclass(frozen=True)
class AskCount:
    """One kind of ask of the directory: by day, channel, language, region, kind of help,
    and what was asked (`list`: a page of entries, `sms`: them by SMS, `nearest`: the
    nearest to a shared location). Never who asked."""

    day: date
    channel: str
    language: str
    region: str | None
    category: str | None
    kind: str


class DirectoryAsks(Protocol):
    """The anonymous counts of asks, on a unit of work."""

    async def count_ask(self, ask: AskCount) -> None:
        """One more ask of this kind."""

    async def asks(self, start: date, end: date) -> list[tuple[AskCount, int]]:
        """The counts from `start` up to `end`, summed over the days (each AskCount's day
        is `start`)."""

    async def recall_region(self, caller: str) -> str | None:
        """The region this pseudonym last chose, if any."""

    async def remember_region(self, log_id: str, region: str, now: datetime) -> None:
        """Keep the region chosen in a call or chat under its caller's pseudonym."""


class DirectoryRepository(Protocol):
    """The services directory, on a unit of work."""

    async def hold_for_loading(self) -> None:
        """Be the only process loading into the directory until the unit of work ends."""

    async def count(self) -> int:
        """How many services the directory has."""

    async def has_own(self) -> bool:
        """Whether the directory has services other than the shipped sample."""

    async def store(self, tables: Tables) -> Stored:
        """Add or replace the services of `tables`, with all their rows."""

    async def search(self, filters: Filters, *, offset: int, limit: int) -> tuple[int, list[str]]:
        """How many services match, and the ids of one page of them."""

    async def trees(self, service_ids: Sequence[str]) -> Tables:
        """These services with every row they have."""

    async def everything(self) -> Tables:
        """Every row of the directory."""

    async def rows_of(self, table: str) -> list[Row]:
        """Every row of one HSDS table."""

    async def statuses(self, service_ids: Sequence[str]) -> dict[str, str]:
        """The status of each of these services."""
