"""The staff directory: who takes escalations, their contacts (encrypted) and the roster.

The roster's people are rows of `staff`, in order of preference (`position`); its shifts and
holidays are the one row of `roster_schedule`. Phone numbers and Telegram ids are stored
only encrypted; a Telegram id is found again through a keyed pseudonym (`telegram_ref`),
so an update from a staff member is matched without decrypting every row.

The schedule is kept in the roster file's own textual forms (days by name, "HH:MM",
"YYYY-MM-DDTHH:MM", "YYYY-MM-DD"): a stored roster reads back equal to the one imported.
"""

from __future__ import annotations

import builtins
import hashlib
import hmac
from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any, cast

from sqlalchemy import Table, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from hotline.crypto import DataCipher
from hotline.errors import HotlineError
from hotline.escalation.roster import (
    LANGUAGES,
    Role,
    Roster,
    Staff,
    find_problems,
    validate_roster,
)
from hotline.escalation.roster_desk import StaleRoster
from hotline.privacy import PSEUDONYM_HEX_CHARS, normalise_number
from hotline.storage.models import RosterSchedule, StaffMember
from hotline.storage.roster_json import (
    once_from_json,
    schedule_columns,
    stored_schedule,
    weekly_from_json,
)

__all__ = ["ImportSummary", "StaffContact", "StaffDirectory", "StaffError", "telegram_ref"]

_STAFF = cast(Table, StaffMember.__table__)
_SCHEDULE = cast(Table, RosterSchedule.__table__)
_SCHEDULE_ID = 1  # one roster per deployment
_TELEGRAM_REF_PREFIX = b"staff-telegram:"  # keeps these pseudonyms apart from callers' ones


class StaffError(HotlineError):
    """A change to the staff directory was refused; the message names the person and why."""


@dataclass(frozen=True)
class StaffContact:
    """A person of the roster with their contacts, decrypted (phone in E.164)."""

    staff: Staff
    phone: str | None
    telegram_id: int | None


@dataclass(frozen=True)
class ImportSummary:
    """What an import did: staff ids by outcome, and the size of the new schedule.

    `kept` are people in the directory but not in the file: they stay, with no shifts,
    listed after the file's people.
    """

    added: tuple[str, ...]
    updated: tuple[str, ...]
    unchanged: tuple[str, ...]
    kept: tuple[str, ...]
    weekly: int
    once: int
    holidays: int


def telegram_ref(user_id: int, key: bytes) -> str:
    """The keyed pseudonym of a staff member's Telegram user id (the `telegram_ref` column)."""
    message = _TELEGRAM_REF_PREFIX + str(user_id).encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:PSEUDONYM_HEX_CHARS]


class StaffDirectory:
    """The staff table and the stored roster schedule, with contacts encrypted at rest."""

    def __init__(
        self,
        engine: AsyncEngine,
        cipher: DataCipher,
        ref_key: bytes,
        *,
        languages: Collection[str] = LANGUAGES,
        default_region: str | None = None,
    ) -> None:
        self.engine = engine
        self.cipher = cipher
        self.ref_key = ref_key
        self.languages = languages
        self.default_region = default_region

    # Queries ---------------------------------------------------------------------------------

    async def list(self) -> builtins.list[StaffContact]:
        """Everyone, in order of preference."""
        async with self.engine.connect() as conn:
            rows = (await conn.execute(select(_STAFF).order_by(*_ORDER))).all()
        return [self._contact(row) for row in rows]

    async def get(self, staff_id: str) -> StaffContact | None:
        """One person, or None."""
        async with self.engine.connect() as conn:
            row = await _row(conn, staff_id)
        return self._contact(row) if row is not None else None

    async def by_telegram(self, user_id: int) -> StaffContact | None:
        """The person with this Telegram user id, or None (found by pseudonym)."""
        query = select(_STAFF).where(_STAFF.c.telegram_ref == telegram_ref(user_id, self.ref_key))
        async with self.engine.connect() as conn:
            row = (await conn.execute(query)).one_or_none()
        return self._contact(row) if row is not None else None

    async def roster(self) -> Roster | None:
        """The stored roster (staff in order of preference), or None before any import."""
        async with self.engine.connect() as conn:
            schedule = (
                await conn.execute(select(_SCHEDULE).where(_SCHEDULE.c.id == _SCHEDULE_ID))
            ).one_or_none()
            if schedule is None:
                return None
            rows = (await conn.execute(select(_STAFF).order_by(*_ORDER))).all()
        return Roster(
            timezone=schedule.timezone,
            staff=tuple(_staff(row) for row in rows),
            weekly=tuple(weekly_from_json(item) for item in schedule.weekly),
            once=tuple(once_from_json(item) for item in schedule.once),
            holidays=frozenset(date.fromisoformat(day) for day in schedule.holidays),
        )

    # Changes ---------------------------------------------------------------------------------

    async def add(
        self, staff: Staff, *, phone: str | None, telegram_id: int | None, now: datetime
    ) -> None:
        """Add a person at the end of the order of preference; StaffError if refused."""
        self._check(staff)
        values: dict[str, Any] = {
            "id": staff.id,
            "name": staff.name,
            "role": Role(staff.role).value,
            "languages": list(staff.languages),
            "created_at": now,
        }
        values.update(self._phone_values(staff.id, phone))
        values.update(self._telegram_values(staff.id, telegram_id))
        try:
            async with self.engine.begin() as conn:
                existing = await _row(conn, staff.id)
                if existing is not None:
                    raise StaffError(
                        f"staff id {staff.id!r} is already taken by {existing.name}; "
                        "choose another id, or change that person with `set`"
                    )
                if telegram_id is not None:
                    await self._check_telegram_free(conn, telegram_id, staff.id)
                last = (await conn.execute(select(func.max(_STAFF.c.position)))).scalar()
                values["position"] = 0 if last is None else int(last) + 1
                await conn.execute(insert(_STAFF).values(**values))
        except IntegrityError:
            # Someone else added the same id or Telegram id between our check and insert.
            raise StaffError(
                f"staff id {staff.id!r} or its Telegram id was taken meanwhile; try again"
            ) from None

    async def set(
        self,
        staff_id: str,
        *,
        name: str | None = None,
        role: Role | None = None,
        languages: Sequence[str] | None = None,
        phone: str | None = None,
        telegram_id: int | None = None,
        clear_phone: bool = False,
        clear_telegram: bool = False,
        now: datetime,
    ) -> StaffContact:
        """Change some of a person's fields; returns them as stored. `now` is when (the
        table keeps no change time yet)."""
        del now
        if clear_phone and phone is not None:
            raise StaffError(f"{staff_id}: give a new phone number or clear it, not both")
        if clear_telegram and telegram_id is not None:
            raise StaffError(f"{staff_id}: give a new Telegram id or clear it, not both")
        values: dict[str, Any] = {}
        if phone is not None or clear_phone:
            values.update(self._phone_values(staff_id, phone))
        if telegram_id is not None or clear_telegram:
            values.update(self._telegram_values(staff_id, telegram_id))
        try:
            async with self.engine.begin() as conn:
                row = await _row(conn, staff_id)
                if row is None:
                    raise StaffError(_unknown(staff_id))
                changed = replace(
                    _staff(row),
                    name=row.name if name is None else name,
                    role=Role(row.role) if role is None else role,
                    languages=tuple(row.languages) if languages is None else tuple(languages),
                )
                self._check(changed)
                if telegram_id is not None:
                    await self._check_telegram_free(conn, telegram_id, staff_id)
                values.update(
                    name=changed.name,
                    role=Role(changed.role).value,
                    languages=list(changed.languages),
                )
                await conn.execute(update(_STAFF).where(_STAFF.c.id == staff_id).values(values))
                stored = (await conn.execute(select(_STAFF).where(_STAFF.c.id == staff_id))).one()
        except IntegrityError:
            raise StaffError(
                f"{staff_id}: that Telegram id was given to someone else meanwhile"
            ) from None
        return self._contact(stored)

    async def remove(self, staff_id: str) -> int:
        """Remove a person and their shifts, so the stored roster stays valid; returns how
        many shifts (weekly and one-off entries) went with them."""
        async with self.engine.begin() as conn:
            result = await conn.execute(delete(_STAFF).where(_STAFF.c.id == staff_id))
            if not result.rowcount:
                raise StaffError(_unknown(staff_id))
            schedule = (
                await conn.execute(select(_SCHEDULE).where(_SCHEDULE.c.id == _SCHEDULE_ID))
            ).one_or_none()
            if schedule is None:
                return 0
            weekly = [s for s in schedule.weekly if s["staff"] != staff_id]
            once = [s for s in schedule.once if s["staff"] != staff_id]
            removed = len(schedule.weekly) - len(weekly) + len(schedule.once) - len(once)
            if removed:
                await conn.execute(
                    update(_SCHEDULE)
                    .where(_SCHEDULE.c.id == _SCHEDULE_ID)
                    .values(weekly=weekly, once=once)
                )
        return removed

    async def import_roster(
        self, roster: Roster, *, now: datetime, expected: Roster | None = None
    ) -> ImportSummary:
        """Make the directory follow a roster file, in one transaction.

        The file's people are added or updated (name, role, languages, order); contacts of
        people already here are kept. People here but not in the file are kept, after the
        file's people. The schedule is replaced by the file's. With `expected` (the roster
        a change was made to), StaleRoster and nothing saved if the stored schedule is no
        longer that one: someone saved meanwhile.
        """
        validate_roster(roster, languages=self.languages)
        added: builtins.list[str] = []
        updated: builtins.list[str] = []
        unchanged: builtins.list[str] = []
        async with self.engine.begin() as conn:
            if expected is not None:
                query = select(_SCHEDULE).where(_SCHEDULE.c.id == _SCHEDULE_ID).with_for_update()
                stored = (await conn.execute(query)).one_or_none()
                if stored is None or stored_schedule(stored) != schedule_columns(expected):
                    raise StaleRoster()
            rows = {row.id: row for row in (await conn.execute(select(_STAFF))).all()}
            for position, person in enumerate(roster.staff):
                identity = {
                    "name": person.name,
                    "role": Role(person.role).value,
                    "languages": list(person.languages),
                    "position": position,
                }
                row = rows.get(person.id)
                if row is None:
                    added.append(person.id)
                    # Another import may add the same person meanwhile: then theirs is updated.
                    await conn.execute(
                        _upsert(conn, _STAFF, ["id"], id=person.id, created_at=now, **identity)
                    )
                    continue
                before = {key: getattr(row, key) for key in ("name", "role", "position")}
                before["languages"] = list(row.languages)
                if before == identity:
                    unchanged.append(person.id)
                    continue
                updated.append(person.id)
                await conn.execute(
                    update(_STAFF).where(_STAFF.c.id == person.id).values(**identity)
                )
            file_ids = {person.id for person in roster.staff}
            rest = sorted((r for r in rows.values() if r.id not in file_ids), key=_row_order)
            for offset, row in enumerate(rest):
                await conn.execute(
                    update(_STAFF)
                    .where(_STAFF.c.id == row.id)
                    .values(position=len(roster.staff) + offset)
                )
            await conn.execute(
                _upsert(
                    conn,
                    _SCHEDULE,
                    ["id"],
                    id=_SCHEDULE_ID,
                    **schedule_columns(roster),
                    updated_at=now,
                )
            )
        return ImportSummary(
            added=tuple(added),
            updated=tuple(updated),
            unchanged=tuple(unchanged),
            kept=tuple(row.id for row in rest),
            weekly=len(roster.weekly),
            once=len(roster.once),
            holidays=len(roster.holidays),
        )

    # Helpers ---------------------------------------------------------------------------------

    def _check(self, staff: Staff) -> None:
        # The roster's own rules for a person; a valid zone stands in for the missing roster.
        problems = find_problems("UTC", [("staff", staff)], [], [], (), languages=self.languages)
        if problems:
            raise StaffError("; ".join(problems))

    def _phone_values(self, staff_id: str, phone: str | None) -> dict[str, Any]:
        if phone is None:
            return {"phone": None}
        number = normalise_number(phone, self.default_region)
        if number is None:
            raise StaffError(
                f"{staff_id}: the phone number is not a number in international form; "
                "write it like +995 555 12 34 56"
            )
        return {"phone": self.cipher.encrypt(number)}

    def _telegram_values(self, staff_id: str, telegram_id: int | None) -> dict[str, Any]:
        if telegram_id is None:
            return {"telegram": None, "telegram_ref": None}
        if isinstance(telegram_id, bool) or telegram_id <= 0:
            raise StaffError(
                f"{staff_id}: {telegram_id!r} is not a Telegram user id; it is a positive "
                "number, which @userinfobot shows the person"
            )
        return {
            "telegram": self.cipher.encrypt(str(telegram_id)),
            "telegram_ref": telegram_ref(telegram_id, self.ref_key),
        }

    async def _check_telegram_free(
        self, conn: AsyncConnection, telegram_id: int, staff_id: str
    ) -> None:
        query = select(_STAFF.c.id).where(
            _STAFF.c.telegram_ref == telegram_ref(telegram_id, self.ref_key),
            _STAFF.c.id != staff_id,
        )
        holder = (await conn.execute(query)).scalar()
        if holder is not None:
            raise StaffError(
                f"{staff_id}: that Telegram id is already {holder}'s; one account per person"
            )

    def _contact(self, row: Any) -> StaffContact:
        return StaffContact(
            staff=_staff(row),
            phone=self.cipher.decrypt(row.phone) if row.phone is not None else None,
            telegram_id=int(self.cipher.decrypt(row.telegram)) if row.telegram else None,
        )


_ORDER = (_STAFF.c.position, _STAFF.c.id)


def _row_order(row: Any) -> tuple[int, str]:
    return int(row.position), str(row.id)


async def _row(conn: AsyncConnection, staff_id: str) -> Any:
    return (await conn.execute(select(_STAFF).where(_STAFF.c.id == staff_id))).one_or_none()


def _unknown(staff_id: str) -> str:
    return f"no staff member with id {staff_id!r}; `staff list` shows the ids"


def _staff(row: Any) -> Staff:
    return Staff(id=row.id, name=row.name, role=Role(row.role), languages=tuple(row.languages))


# The schedule as JSON ------------------------------------------------------------------------


def _upsert(conn: AsyncConnection, table: Table, key: list[str], **values: Any) -> Any:
    """Insert a row, or overwrite the one with the same key (two imports may run at once)."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    statement = dialect.insert(table).values(**values)
    # The key, and when the row was first made, stay as they are.
    changed = {n: statement.excluded[n] for n in values if n not in key and n != "created_at"}
    return statement.on_conflict_do_update(index_elements=key, set_=changed)
