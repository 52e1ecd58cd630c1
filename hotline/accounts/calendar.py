"""Personal calendar feeds: a secret URL per person serving their shifts (the secret is the
key, no session); the database keeps the token's SHA-256 hash, so revoking is forgetting it."""

from __future__ import annotations

import hashlib
import logging
import secrets
from collections.abc import Callable
from datetime import datetime

from hotline.escalation.ports import UnitsOfWork
from hotline.escalation.roster import Staff

log = logging.getLogger(__name__)

__all__ = ["CalendarFeeds"]


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class CalendarFeeds:
    """Create, revoke and look up the feeds; each method is one unit of work."""

    def __init__(self, units: UnitsOfWork, clock: Callable[[], datetime]) -> None:
        self.units = units
        self.clock = clock

    async def create(self, staff_id: str) -> str:
        """A new secret token for the person (shown once); the previous one stops working."""
        token = secrets.token_urlsafe(32)
        async with self.units() as uow:
            await uow.calendar_feeds.replace(staff_id, _digest(token), self.clock())
        log.info("staff member %s made a new calendar feed", staff_id)
        return token

    async def revoke(self, staff_id: str) -> bool:
        """Stop the person's feed; whether there was one."""
        async with self.units() as uow:
            revoked = await uow.calendar_feeds.revoke(staff_id)
        log.info("staff member %s revoked their calendar feed", staff_id)
        return revoked

    async def created(self, staff_id: str) -> datetime | None:
        """When the person's current feed was made (None: none)."""
        async with self.units() as uow:
            return await uow.calendar_feeds.created(staff_id)

    async def owner(self, token: str) -> tuple[Staff, str | None] | None:
        """The person whose feed a token opens, with the dashboard language they chose (None:
        unknown or revoked token)."""
        async with self.units() as uow:
            staff_id = await uow.calendar_feeds.owner(_digest(token))
            staff = await uow.accounts.staff(staff_id) if staff_id is not None else None
            if staff is None:
                return None
            credential = await uow.accounts.credential(staff.id)
        return staff, credential.language if credential else None
