"""What the rights service needs of storage: a unit of work with the person's data and the
audit log (`storage.personal_data.SqlPersonalData`, `storage.accounts.SqlAccounts`)."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from datetime import datetime
from typing import Protocol

from hotline.accounts.ports import AuditEntry
from hotline.rights.model import Holding, Links

__all__ = ["Audit", "PersonalData", "RightsUnitOfWork", "RightsUnits"]


class PersonalData(Protocol):
    """Finds, reads and erases what is held about one person."""

    async def participant_links(self, case: str) -> Links | None:
        """What hangs from a participant (None: no such case code)."""

    async def caller_links(self, number: str) -> Links:
        """What hangs from a phone number (E.164)."""

    async def enrolled_as(self, number: str) -> list[str]:
        """Case codes of participants (or their family contacts) with this number."""

    async def read(self, links: Links) -> Holding:
        """Everything held, decrypted, by section."""

    async def erase(self, links: Links, now: datetime) -> dict[str, int]:
        """Delete what names or reaches the person; how many rows of each kind."""


class Audit(Protocol):
    """The append-only audit log."""

    async def audit(self, entry: AuditEntry) -> None:
        """Write one line."""


class RightsUnitOfWork(Protocol):
    """One transaction: the person's data and the audit log."""

    @property
    def personal(self) -> PersonalData:
        """Everything held about one person."""

    @property
    def accounts(self) -> Audit:
        """The audit log (with the rest of the accounts)."""


RightsUnits = Callable[[], AbstractAsyncContextManager[RightsUnitOfWork]]
