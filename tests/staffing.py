"""Put staff and a roster into a test database, as `hotline staff add` and `roster import` do."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from hotline.config import Settings
from hotline.crypto import DataCipher
from hotline.escalation.model import EscalationRow
from hotline.escalation.roster_file import load_roster
from hotline.storage import db
from hotline.storage.models import Escalation
from hotline.storage.staff import StaffDirectory
from hotline.storage.unit_of_work import SqlUnitsOfWork

# Tbilisi, no daylight saving. Ana and Beka work weekdays 09:00-21:00 (Ana speaks Russian,
# Beka Georgian and Russian); Nino is the supervisor, on duty weekdays 09:00-18:00.
ROSTER = """\
timezone: Asia/Tbilisi
staff:
  - id: ana
    name: Ana Lomidze
    role: specialist
    languages: [ru, en]
  - id: beka
    name: Beka Kapanadze
    role: specialist
    languages: [ka, ru]
  - id: nino
    name: Nino Beridze
    role: supervisor
    languages: [ka, en]
weekly:
  - staff: ana
    days: [mon, tue, wed, thu, fri]
    from: "09:00"
    to: "21:00"
  - staff: beka
    days: [mon, tue, wed, thu, fri]
    from: "09:00"
    to: "21:00"
  - staff: nino
    days: [mon, tue, wed, thu, fri]
    from: "09:00"
    to: "18:00"
holidays: [2026-12-25]
"""
PHONES = {"ana": "+995555000001", "beka": "+995555000002", "nino": "+995555000003"}
TELEGRAM = {"ana": 7001, "beka": 7002, "nino": 7003}
# Monday 23 November 2026, 11:00 in Tbilisi (UTC+4); and the night before, 03:00.
DAY = datetime(2026, 11, 23, 7, 0, tzinfo=UTC)
NIGHT = datetime(2026, 11, 22, 23, 0, tzinfo=UTC)


async def staff_the_hotline(
    settings: Settings,
    roster_text: str = ROSTER,
    phones: dict[str, str] | None = None,
    telegram: dict[str, int] | None = None,
) -> None:
    """Migrate, import the roster, and give each person their phone and Telegram id."""
    engine = db.create_engine(settings.database_url)
    try:
        await db.upgrade(engine)
        directory = StaffDirectory(engine, DataCipher(settings.data_key), settings.pseudonym_key)
        now = datetime(2026, 11, 1, tzinfo=UTC)
        await directory.import_roster(load_roster(roster_text), now=now)
        for staff_id, phone in (PHONES if phones is None else phones).items():
            await directory.set(staff_id, phone=phone, now=now)
        for staff_id, user_id in (TELEGRAM if telegram is None else telegram).items():
            await directory.set(staff_id, telegram_id=user_id, now=now)
    finally:
        await engine.dispose()


async def escalations(engine: AsyncEngine) -> list[EscalationRow]:
    """Every escalation record, oldest first."""
    async with engine.connect() as conn:
        query = select(Escalation.id).order_by(Escalation.started_at, Escalation.id)
        ids = list((await conn.execute(query)).scalars())
    async with SqlUnitsOfWork(engine)() as uow:
        rows = [await uow.escalations.get(i) for i in ids]
    return [r for r in rows if r is not None]
