"""Helpers of the data-rights tests: a participant with data of every kind, a caller known
only by number, someone else's data that must survive, and a look at every stored value."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from hotline.crypto import DataCipher
from hotline.participants.model import Channel, Consent, FamilyContact, Participant, Status
from hotline.privacy import pseudonym
from hotline.storage.case_tables import CaseMessage
from hotline.storage.directory_tables import CallerRegion
from hotline.storage.models import (
    Base,
    CallbackTask,
    CallerLanguage,
    CallLogEntry,
    ChatCase,
    Escalation,
    MessageAttempt,
    OptOut,
    PlannedMessageRow,
    Question,
)
from hotline.storage.unit_of_work import SqlUnitsOfWork

CASE = "TB-2027-014"
PHONE = "+995555123456"
CHAT = 700123
RELATIVE = "Tamar Beridze"
CASE_TEXT = "I lost my job today"  # a message the participant wrote in a chat case
QUESTION_TEXT = "Where can I sleep tonight?"
CALLER = "+385911234567"  # a caller who is no participant
CALLER_QUESTION = "Is there a shelter in Split?"
OTHER_CASE = "TB-2027-020"
OTHER_PHONE = "+995555112233"


def _t(model: type[Base]) -> Table:
    return cast(Table, model.__table__)


@dataclass(frozen=True)
class Seeded:
    """What the seed wrote: the personal values that must go, and the counts that stay."""

    secrets: tuple[str, ...]  # plain values that name or reach the person
    pseudonyms: tuple[str, ...]
    calls: int
    escalations: int


async def _log(conn: Any, caller: str | None, at: datetime, channel: str = "sms") -> str:
    log_id = str(uuid.uuid4())
    await conn.execute(
        insert(_t(CallLogEntry)).values(
            id=log_id, channel=channel, flow="main", caller=caller, started_at=at,
            language="ka", path=["start"], outcome="completed",
        )
    )  # fmt: skip
    return log_id


async def _escalation(conn: Any, log_id: str, kind: str, at: datetime) -> str:
    escalation_id = str(uuid.uuid4())
    await conn.execute(
        insert(_t(Escalation)).values(
            id=escalation_id, log_id=log_id, kind=kind, channel="sms", language="ka",
            reason="asked", started_at=at, attempts=0, stage=0,
        )
    )  # fmt: skip
    return escalation_id


async def _task(conn: Any, escalation_id: str, kind: str, contact: str, until: datetime) -> None:
    values = {"escalation_id": escalation_id, "kind": kind, "contact": contact}
    await conn.execute(insert(_t(CallbackTask)).values(**values, expires_at=until))


async def _question(conn: Any, log_id: str, language: str, reply_to: str, text: str) -> None:
    await conn.execute(
        insert(_t(Question)).values(
            id=str(uuid.uuid4()), log_id=log_id, channel="sms", language=language,
            reply_to=reply_to, text=text, created_at=datetime.now(UTC),
        )
    )  # fmt: skip


async def _remember(conn: Any, name: str, language: str, region: str, now: datetime) -> None:
    await conn.execute(
        insert(_t(CallerLanguage)).values(caller=name, language=language, updated_at=now)
    )
    await conn.execute(insert(_t(CallerRegion)).values(caller=name, region=region, updated_at=now))


async def seed_participant(
    units: SqlUnitsOfWork, engine: AsyncEngine, cipher: DataCipher, key: bytes, now: datetime
) -> Seeded:
    """A Georgian participant with a relative, a plan (a sent check-in, its attempt and
    answer), a chat case with a message, a question, a program task, a remembered
    language and region; and another participant, whose data must stay."""
    consent = Consent(now, "ana", frozenset({Channel.SMS, Channel.TELEGRAM}))
    relative = FamilyContact("f1", RELATIVE, Channel.SMS, "ru", consent, phone="+995555765432")
    async with units() as uow:
        await uow.participants.add(
            [
                Participant(CASE, "georgia-two-year", date(2027, 2, 10), "Asia/Tbilisi", "ka",
                            "ana", Channel.SMS, consent, Status.IN_PROGRAM, PHONE, CHAT, now,
                            (relative,)),
                Participant(OTHER_CASE, "georgia-two-year", date(2027, 2, 10), "Asia/Tbilisi",
                            "ka", "ana", Channel.SMS, consent, phone=OTHER_PHONE),
            ],
            now,
        )  # fmt: skip
    by_phone = pseudonym(PHONE, key) or ""
    by_chat = pseudonym(f"telegram:{CHAT}", key) or ""
    async with engine.begin() as conn:
        for case, step, answer in ((CASE, "checkin-1", "fine"), (OTHER_CASE, "checkin-1", None)):
            planned = await conn.execute(
                insert(_t(PlannedMessageRow)).values(
                    key=f"{case}:{step}", anchor=date(2027, 2, 10), participant=case,
                    campaign="georgia-two-year", version="1", step=step,
                    recipient_kind="participant", recipient_ref=None, due_at=now,
                    local_date=date(2027, 2, 11), local_time="10:00", zone="Asia/Tbilisi",
                    language="ka", channels=["sms"], window="09:00-20:00", flow="checkin",
                    message=None, last=False, status="sent", ready_at=now, attempts=1,
                    channel="sms", created_at=now, updated_at=now, sent_at=now,
                    answer=answer, answered_at=now if answer else None,
                )
            )  # fmt: skip
            planned_id = planned.inserted_primary_key[0]
            await conn.execute(
                insert(_t(MessageAttempt)).values(
                    planned_id=planned_id, at=now, channel="sms", outcome="delivered"
                )
            )
        chat_log = await _log(conn, by_chat, now, "telegram")
        sms_log = await _log(conn, by_phone, now + timedelta(minutes=5))
        await _log(conn, pseudonym(OTHER_PHONE, key), now)  # someone else's call
        case_id = await _escalation(conn, chat_log, "chat", now)
        await conn.execute(
            insert(_t(ChatCase)).values(
                escalation_id=case_id, session_key=f"telegram:{by_chat}",
                address=cipher.encrypt(str(CHAT)), pending=[],
            )
        )  # fmt: skip
        await conn.execute(
            insert(_t(CaseMessage)).values(
                escalation_id=case_id, staff_id=None, text=cipher.encrypt(CASE_TEXT),
                written_at=now,
            )
        )  # fmt: skip
        await _question(conn, sms_log, "ka", cipher.encrypt(PHONE), cipher.encrypt(QUESTION_TEXT))
        task_log = await _log(conn, None, now)  # a program task hangs from work of its own
        task_id = await _escalation(conn, task_log, "task", now)
        week = now + timedelta(days=7)
        await _task(conn, task_id, "wants-to-talk", cipher.encrypt(CASE), week)
        await _remember(conn, by_chat, "ka", "GE-TB", now)
        await _remember(conn, by_phone, "ka", "GE-TB", now)
    return Seeded(
        secrets=(CASE, PHONE, str(CHAT), RELATIVE, CASE_TEXT, QUESTION_TEXT),
        pseudonyms=(by_phone, by_chat),
        calls=4,
        escalations=2,
    )


async def seed_caller(engine: AsyncEngine, cipher: DataCipher, key: bytes, now: datetime) -> str:
    """A caller known only by number: two calls, an open callback request with their number,
    a question, a remembered language and region, an opt-out. Their pseudonym."""
    name = pseudonym(CALLER, key) or ""
    async with engine.begin() as conn:
        first = await _log(conn, name, now, "voice")
        second = await _log(conn, name, now + timedelta(hours=1))
        callback = await _escalation(conn, first, "callback", now)
        sealed = cipher.encrypt(CALLER)
        await _task(conn, callback, "callback", sealed, now + timedelta(days=2))
        await _question(conn, second, "hr", sealed, cipher.encrypt(CALLER_QUESTION))
        await _remember(conn, name, "hr", "HR-17", now)
        await conn.execute(
            insert(_t(OptOut)).values(subscriber=name, channel="sms", created_at=now)
        )
    return name


async def every_value(engine: AsyncEngine, cipher: DataCipher) -> dict[str, list[str]]:
    """Every stored value of every table as text, encrypted ones decrypted too: what
    someone with the database and its key could read. By table."""
    found: dict[str, list[str]] = {}
    async with engine.connect() as conn:
        for table in Base.metadata.sorted_tables:
            values: list[str] = []
            for row in await conn.execute(select(table)):
                for value in row:
                    values.append(repr(value))
                    for text in value if isinstance(value, list) else [value]:
                        if isinstance(text, str) and text.startswith("gAAAA"):
                            values.append(cipher.decrypt(text))
            found[table.name] = values
    return found


async def count(engine: AsyncEngine, model: type[Base]) -> int:
    """How many rows a table has."""
    async with engine.connect() as conn:
        return len((await conn.execute(select(_t(model)))).all())
