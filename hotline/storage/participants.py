"""Participants, family contacts and enrolment invitations, on one unit of work's connection.

Phone numbers, Telegram chat ids and relatives' names are stored only encrypted with the
data key; a phone number or a chat id is found again through a keyed pseudonym
(`phone_ref`, `telegram_ref`: HMAC-SHA256 under the pseudonym key, with a prefix of its
own, so these never match the anonymous call log's caller pseudonyms). Case codes, dates,
languages and statuses are what staff work with, and stay readable.
"""

from __future__ import annotations

import builtins
import hashlib
import hmac
import uuid
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar, cast

from sqlalchemy import Row, Table, and_, case, delete, insert, literal, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection

from hotline.crypto import DataCipher
from hotline.participants.model import (
    Channel,
    Consent,
    FamilyContact,
    Participant,
    ParticipantError,
    Problem,
    Status,
)
from hotline.participants.ports import Invite, InviteTarget
from hotline.privacy import PSEUDONYM_HEX_CHARS
from hotline.storage.models import (
    EnrolmentInvite,
    FamilyContactRow,
    ParticipantRow,
    StaffMember,
)
from hotline.storage.types import UTCDateTime

__all__ = ["ContactKeys", "KeyedRepository", "SqlParticipants"]

_PEOPLE = cast(Table, ParticipantRow.__table__)
_FAMILY = cast(Table, FamilyContactRow.__table__)
_INVITES = cast(Table, EnrolmentInvite.__table__)
_STAFF = cast(Table, StaffMember.__table__)
_CHUNK = 1000  # rows a statement: well under both engines' limits on bound parameters
_T = TypeVar("_T")
_OVER = (Status.ENDED.value, Status.WITHDRAWN.value)  # dated by `ended_at`, for retention


@dataclass(frozen=True)
class ContactKeys:
    """The data key's cipher (contacts, names) and the pseudonym key (their refs)."""

    cipher: DataCipher
    ref_key: bytes

    def ref(self, kind: str, value: str) -> str:
        """The keyed pseudonym of a phone number ("phone") or a Telegram chat ("telegram")."""
        message = f"participant-{kind}:{value}".encode()
        return hmac.new(self.ref_key, message, hashlib.sha256).hexdigest()[:PSEUDONYM_HEX_CHARS]

    def seal(self, value: str | None) -> str | None:
        """Encrypted, or None."""
        return None if value is None else self.cipher.encrypt(value)

    def open(self, value: str | None) -> str | None:
        """Decrypted, or None."""
        return None if value is None else self.cipher.decrypt(value)


class KeyedRepository:
    """A repository on one connection that reads or writes contacts: it needs the keys."""

    def __init__(self, conn: AsyncConnection, keys: ContactKeys | None) -> None:
        self.conn = conn
        self._keys = keys

    @property
    def keys(self) -> ContactKeys:
        """The keys; a unit of work made without them cannot touch contacts."""
        if self._keys is None:
            raise RuntimeError("this unit of work was opened without the participants' keys")
        return self._keys


class SqlParticipants(KeyedRepository):
    """The ParticipantRepository of a unit of work."""

    # Participants ----------------------------------------------------------------------------

    async def add(self, participants: Sequence[Participant], now: datetime) -> None:
        """Insert new participants (ParticipantError naming the case code if one is taken)."""
        people: list[dict[str, Any]] = []
        family: list[dict[str, Any]] = []
        for participant in participants:
            row_id = str(uuid.uuid4())
            people.append(
                {
                    "id": row_id,
                    **self._person_values(participant),
                    "created_at": now,
                    "updated_at": now,
                    "ended_at": now if participant.status.value in _OVER else None,
                }
            )
            family.extend(
                {"participant_id": row_id, **self._relative_values(relative, position)}
                for position, relative in enumerate(participant.family)
            )
        try:
            for chunk in _chunks(people):
                await self.conn.execute(insert(_PEOPLE), chunk)
            for chunk in _chunks(family):
                await self.conn.execute(insert(_FAMILY), chunk)
        except IntegrityError:
            # Another process enrolled one of these case codes since the service checked.
            raise ParticipantError(
                [Problem("case", "was enrolled by someone else meanwhile; try again")]
            ) from None

    async def save(self, participant: Participant, now: datetime) -> None:
        """Overwrite a stored participant and their family contacts (matched by id)."""
        row_id = await self._id_of(participant.case)
        if row_id is None:
            raise ParticipantError([Problem("case", "no participant has this case code")])
        values = {**self._person_values(participant), "updated_at": now}
        values["ended_at"] = _ended_at(participant.status, now)
        await self.conn.execute(update(_PEOPLE).where(_PEOPLE.c.id == row_id).values(values))
        stored = set(
            (
                await self.conn.execute(
                    select(_FAMILY.c.id).where(_FAMILY.c.participant_id == row_id)
                )
            )
            .scalars()
            .all()
        )
        kept = {relative.id for relative in participant.family}
        gone = stored - kept
        if gone:
            await self.conn.execute(delete(_FAMILY).where(_FAMILY.c.id.in_(gone)))
        for position, relative in enumerate(participant.family):
            values = self._relative_values(relative, position)
            if relative.id in stored:
                await self.conn.execute(
                    update(_FAMILY).where(_FAMILY.c.id == relative.id).values(values)
                )
            else:
                await self.conn.execute(insert(_FAMILY).values(participant_id=row_id, **values))

    async def get(self, case: str) -> Participant | None:
        """One participant by case code, or None."""
        row = (
            await self.conn.execute(select(_PEOPLE).where(_PEOPLE.c.case_code == case))
        ).one_or_none()
        if row is None:
            return None
        family = (
            await self.conn.execute(
                select(_FAMILY)
                .where(_FAMILY.c.participant_id == row.id)
                .order_by(_FAMILY.c.position)
            )
        ).all()
        return self._participant(row, family)

    async def get_many(self, cases: Collection[str]) -> dict[str, Participant]:
        """Participants by case code, those of `cases` that are enrolled (two queries)."""
        if not cases:
            return {}
        rows = (
            await self.conn.execute(select(_PEOPLE).where(_PEOPLE.c.case_code.in_(list(cases))))
        ).all()
        family: dict[str, builtins.list[Row[Any]]] = {}
        relatives = await self.conn.execute(
            select(_FAMILY)
            .where(_FAMILY.c.participant_id.in_([row.id for row in rows]))
            .order_by(_FAMILY.c.position)
        )
        for relative in relatives:
            family.setdefault(relative.participant_id, []).append(relative)
        return {row.case_code: self._participant(row, family.get(row.id, [])) for row in rows}

    async def list(
        self, *, status: Status | None = None, specialist: str | None = None
    ) -> builtins.list[Participant]:
        """Participants in case-code order, of one status or specialist if given."""
        query = select(_PEOPLE)
        if status is not None:
            query = query.where(_PEOPLE.c.status == status.value)
        if specialist is not None:
            query = query.where(_PEOPLE.c.specialist == specialist)
        rows = (await self.conn.execute(query.order_by(_PEOPLE.c.case_code))).all()
        ids = query.with_only_columns(_PEOPLE.c.id).scalar_subquery()
        family: dict[str, builtins.list[Row[Any]]] = {}
        relatives = await self.conn.execute(
            select(_FAMILY).where(_FAMILY.c.participant_id.in_(ids)).order_by(_FAMILY.c.position)
        )
        for relative in relatives:
            family.setdefault(relative.participant_id, []).append(relative)
        return [self._participant(row, family.get(row.id, [])) for row in rows]

    async def taken(self, cases: Collection[str]) -> set[str]:
        """Which of these case codes are enrolled already."""
        found: set[str] = set()
        for chunk in _chunks(sorted(cases)):
            query = select(_PEOPLE.c.case_code).where(_PEOPLE.c.case_code.in_(chunk))
            found.update((await self.conn.execute(query)).scalars())
        return found

    async def known_staff(self, staff_ids: Collection[str]) -> set[str]:
        """Which of these ids are on the staff list."""
        found: set[str] = set()
        for chunk in _chunks(sorted(staff_ids)):
            found.update(
                (
                    await self.conn.execute(select(_STAFF.c.id).where(_STAFF.c.id.in_(chunk)))
                ).scalars()
            )
        return found

    async def by_telegram(self, chat_id: int) -> builtins.list[tuple[str, str | None]]:
        """The (case, family id or None) of everyone this Telegram chat is linked to."""
        return await self._by_ref("telegram_ref", self.keys.ref("telegram", str(chat_id)))

    async def by_phone(self, number: str) -> builtins.list[tuple[str, str | None]]:
        """The (case, family id or None) of everyone with this E.164 number."""
        return await self._by_ref("phone_ref", self.keys.ref("phone", number))

    async def _by_ref(self, column: str, ref: str) -> builtins.list[tuple[str, str | None]]:
        people = await self.conn.execute(
            select(_PEOPLE.c.case_code)
            .where(_PEOPLE.c[column] == ref)
            .order_by(_PEOPLE.c.case_code)
        )
        found: builtins.list[tuple[str, str | None]] = [(case, None) for case in people.scalars()]
        relatives = await self.conn.execute(
            select(_PEOPLE.c.case_code, _FAMILY.c.id)
            .join(_PEOPLE, _PEOPLE.c.id == _FAMILY.c.participant_id)
            .where(_FAMILY.c[column] == ref)
            .order_by(_PEOPLE.c.case_code, _FAMILY.c.position)
        )
        found.extend((row.case_code, row.id) for row in relatives)
        return found

    # Invitations -----------------------------------------------------------------------------

    async def add_invite(self, invite: Invite) -> None:
        """Keep an invitation; earlier unused ones for the same person stop working."""
        row_id = await self._id_of(invite.case)
        if row_id is None:
            raise ParticipantError([Problem("case", "no participant has this case code")])
        same = (
            _INVITES.c.family_id.is_(None)
            if invite.family_id is None
            else _INVITES.c.family_id == invite.family_id
        )
        await self.conn.execute(
            delete(_INVITES).where(
                _INVITES.c.participant_id == row_id, same, _INVITES.c.spent_at.is_(None)
            )
        )
        await self.conn.execute(
            insert(_INVITES).values(
                token_hash=invite.token_hash,
                participant_id=row_id,
                family_id=invite.family_id,
                created_at=invite.created_at,
                expires_at=invite.expires_at,
            )
        )

    async def spend_invite(self, token_hash: str, now: datetime) -> InviteTarget | None:
        """Use an invitation once: whom it links, or None when it is unknown, used or expired.

        One conditional UPDATE: of two chats opening the same link at once, one wins.
        """
        spent = await self.conn.execute(
            update(_INVITES)
            .where(
                _INVITES.c.token_hash == token_hash,
                _INVITES.c.spent_at.is_(None),
                _INVITES.c.expires_at > now,
            )
            .values(spent_at=now)
        )
        if spent.rowcount != 1:
            return None
        row = (
            await self.conn.execute(
                select(_PEOPLE.c.case_code, _INVITES.c.family_id)
                .join(_PEOPLE, _PEOPLE.c.id == _INVITES.c.participant_id)
                .where(_INVITES.c.token_hash == token_hash)
            )
        ).one()
        return InviteTarget(row.case_code, row.family_id)

    async def forget_invites(self, before: datetime) -> int:
        """Delete invitations that expired before `before`, used or not; how many."""
        result = await self.conn.execute(delete(_INVITES).where(_INVITES.c.expires_at < before))
        return int(result.rowcount or 0)

    async def move_on(self, today: date, ended: Collection[str], now: datetime) -> int:
        """Released by `today`: in the program; the `ended` ones: the program is over."""
        before, during = Status.BEFORE_RELEASE.value, Status.IN_PROGRAM.value
        changed = await self.conn.execute(
            update(_PEOPLE)
            .where(_PEOPLE.c.status == before, _PEOPLE.c.release_date <= today)
            .values(status=during, updated_at=now)
        )
        count = changed.rowcount or 0
        if ended:
            over = await self.conn.execute(
                update(_PEOPLE)
                .where(_PEOPLE.c.case_code.in_(list(ended)), _PEOPLE.c.status.in_([before, during]))
                .values(status=Status.ENDED.value, updated_at=now, ended_at=now)
            )
            count += over.rowcount or 0
        return count

    # Helpers ---------------------------------------------------------------------------------

    async def _id_of(self, case: str) -> str | None:
        query = select(_PEOPLE.c.id).where(_PEOPLE.c.case_code == case)
        return (await self.conn.execute(query)).scalar_one_or_none()

    def _person_values(self, p: Participant) -> dict[str, Any]:
        return {
            "case_code": p.case,
            "program": p.program,
            "release_date": p.release,
            "timezone": p.timezone,
            "specialist": p.specialist,
            "status": p.status.value,
            **self._reach_values(p.channel, p.language, p.phone, p.telegram_chat, p.consent),
            "telegram_linked_at": p.telegram_linked_at,
        }

    def _relative_values(self, f: FamilyContact, position: int) -> dict[str, Any]:
        return {
            "id": f.id,
            "position": position,
            "name": self.keys.cipher.encrypt(f.name),
            **self._reach_values(f.channel, f.language, f.phone, f.telegram_chat, f.consent),
            "telegram_linked_at": f.telegram_linked_at,
        }

    def _reach_values(
        self,
        channel: Channel,
        language: str,
        phone: str | None,
        telegram_chat: int | None,
        consent: Consent,
    ) -> dict[str, Any]:
        keys = self.keys
        chat = None if telegram_chat is None else str(telegram_chat)
        return {
            "channel": channel.value,
            "language": language,
            "phone": keys.seal(phone),
            "phone_ref": None if phone is None else keys.ref("phone", phone),
            "telegram": keys.seal(chat),
            "telegram_ref": None if chat is None else keys.ref("telegram", chat),
            "consent_at": consent.at,
            "consent_by": consent.by,
            "consent_channels": sorted(c.value for c in consent.channels),
        }

    def _participant(self, row: Row[Any], family: Sequence[Row[Any]]) -> Participant:
        return Participant(
            case=row.case_code,
            program=row.program,
            release=row.release_date,
            timezone=row.timezone,
            language=row.language,
            specialist=row.specialist,
            channel=Channel(row.channel),
            consent=_consent(row),
            status=Status(row.status),
            phone=self.keys.open(row.phone),
            telegram_chat=_chat(self.keys.open(row.telegram)),
            telegram_linked_at=row.telegram_linked_at,
            family=tuple(self._relative(relative) for relative in family),
        )

    def _relative(self, row: Row[Any]) -> FamilyContact:
        return FamilyContact(
            id=row.id,
            name=self.keys.cipher.decrypt(row.name),
            channel=Channel(row.channel),
            language=row.language,
            consent=_consent(row),
            phone=self.keys.open(row.phone),
            telegram_chat=_chat(self.keys.open(row.telegram)),
            telegram_linked_at=row.telegram_linked_at,
        )


def _consent(row: Row[Any]) -> Consent:
    return Consent(
        at=row.consent_at,
        by=row.consent_by,
        channels=frozenset(Channel(c) for c in row.consent_channels),
    )


def _chat(text: str | None) -> int | None:
    return None if text is None else int(text)


def _chunks(items: Sequence[_T]) -> Iterator[Sequence[_T]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _ended_at(status: Status, now: datetime) -> Any:
    """When the program ended: kept while it stays over, `now` when it ends, else none."""
    if status.value not in _OVER:
        return None
    still_over = and_(_PEOPLE.c.status.in_(_OVER), _PEOPLE.c.ended_at.is_not(None))
    return case((still_over, _PEOPLE.c.ended_at), else_=literal(now, UTCDateTime()))
