"""The participants' repository, as a Protocol: one of the unit of work's (`uow.participants`).

Contacts cross this border in the clear (E.164 numbers, Telegram chat ids, family names);
`storage/` keeps them encrypted, with keyed pseudonyms to find a person by a contact
without decrypting every row. Invitation tokens cross it only as hashes.
"""

from __future__ import annotations

import builtins
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from hotline.participants.model import Participant, Status

__all__ = ["Invite", "InviteTarget", "ParticipantRepository"]


@dataclass(frozen=True)
class Invite:
    """A one-time enrolment link as stored: the hash of its token, whom it links, until when."""

    token_hash: str
    case: str
    family_id: str | None
    created_at: datetime
    expires_at: datetime


@dataclass(frozen=True)
class InviteTarget:
    """Whom a spent invitation links: a participant, or one of their family contacts."""

    case: str
    family_id: str | None


class ParticipantRepository(Protocol):
    """Participants with their family contacts and enrolment invitations."""

    async def add(self, participants: Sequence[Participant], now: datetime) -> None:
        """Insert new participants (ParticipantError naming the case code if one is taken)."""

    async def save(self, participant: Participant, now: datetime) -> None:
        """Overwrite a stored participant and their family contacts (matched by id)."""

    async def get(self, case: str) -> Participant | None:
        """One participant by case code, or None."""

    async def get_many(self, cases: Collection[str]) -> dict[str, Participant]:
        """Participants by case code, those of `cases` that are enrolled."""

    async def move_on(self, today: date, ended: Collection[str], now: datetime) -> int:
        """Statuses that follow from time: released by `today` (before release -> in the
        program), and the program over for the `ended` case codes (their last message is
        done). Withdrawn and ended participants stay as they are. How many changed."""

    async def list(
        self, *, status: Status | None = None, specialist: str | None = None
    ) -> builtins.list[Participant]:
        """Participants in case-code order, of one status or specialist if given."""

    async def taken(self, cases: Collection[str]) -> set[str]:
        """Which of these case codes are enrolled already."""

    async def known_staff(self, staff_ids: Collection[str]) -> set[str]:
        """Which of these ids are on the staff list."""

    async def add_invite(self, invite: Invite) -> None:
        """Keep an invitation; earlier unused ones for the same person stop working."""

    async def spend_invite(self, token_hash: str, now: datetime) -> InviteTarget | None:
        """Use an invitation once: whom it links, or None when it is unknown, used or expired."""

    async def by_telegram(self, chat_id: int) -> builtins.list[tuple[str, str | None]]:
        """The (case, family id or None) of everyone this Telegram chat is linked to."""

    async def by_phone(self, number: str) -> builtins.list[tuple[str, str | None]]:
        """The (case, family id or None) of everyone with this E.164 number."""

    async def forget_invites(self, before: datetime) -> int:
        """Delete invitations that expired before `before`, used or not; how many."""
