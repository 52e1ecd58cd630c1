"""The escalation service through its public functions, on both databases: what the staff
desk, the voice whisper, the callback legs and the chat conversations call, with a notifier,
a person's channel and a dialer that record what they were asked to do."""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

import pytest

from hotline.bootstrap import Hotline, build
from hotline.escalation.board import DutySnapshot
from hotline.escalation.model import EscalationRow, Kind, Result
from hotline.escalation.ports import NewSession
from hotline.escalation.reach import Alert, Assignment, PersonSide, Reach, StaffNote
from hotline.escalation.roster import Staff
from hotline.escalation.service import EscalationService
from hotline.messages import MessageId
from tests.conftest import CALLER, FixedClock, make_settings
from tests.staffing import DAY, PHONES, staff_the_hotline

ADDRESS = "telegram-chat-4242"  # where the person of a chat case is reached


@dataclass
class Recorder:
    """A notifier of staff who use it (ana and beka), and a dialer, that record each call."""

    channel = "test"
    reachable: frozenset[str] = frozenset({"ana", "beka"})
    alerts: list[Alert] = field(default_factory=list)
    retired: list[tuple[str, StaffNote]] = field(default_factory=list)
    relayed: list[tuple[str, str, str]] = field(default_factory=list)
    told: list[tuple[str, StaffNote]] = field(default_factory=list)
    rung: list[tuple[str, str, str]] = field(default_factory=list)

    def reaches(self, snapshot: DutySnapshot) -> Collection[str]:
        return self.reachable

    async def alert(self, alert: Alert) -> tuple[str | None, ...]:
        self.alerts.append(alert)
        return alert.recipients

    async def retire(self, escalation_id: str, why: StaffNote) -> None:
        self.retired.append((escalation_id, why))

    async def relay(self, staff_id: str, escalation_id: str, text: str) -> bool:
        if staff_id not in self.reachable:
            return False
        self.relayed.append((staff_id, escalation_id, text))
        return True

    async def tell(self, staff_id: str, note: StaffNote) -> bool:
        if staff_id not in self.reachable:
            return False
        self.told.append((staff_id, note))
        return True

    async def ring(self, escalation_id: str, staff_id: str, staff_phone: str) -> str:
        self.rung.append((escalation_id, staff_id, staff_phone))
        return "CA" + "0" * 32


@dataclass
class Person:
    """The person's side of a chat case: what they were sent, and what their chat was told."""

    sent: list[tuple[str, str]] = field(default_factory=list)
    ended: list[tuple[str, bool]] = field(default_factory=list)
    left: list[str] = field(default_factory=list)

    async def send(self, address: str, text: str) -> None:
        self.sent.append((address, text))

    async def case_ended(self, key: str, answered: bool) -> None:
        self.ended.append((key, answered))

    async def leave_flow(self, key: str) -> None:
        self.left.append(key)


@dataclass
class Desk:
    hotline: Hotline
    service: EscalationService
    staff: Recorder
    person: Person
    clock: FixedClock

    async def member(self, staff_id: str) -> Staff:
        found = (await self.hotline.board.current()).staff(staff_id)
        assert found is not None
        return found

    async def record(self, escalation_id: str) -> EscalationRow:
        found = await self.service.get(escalation_id)
        assert found is not None
        return found

    async def open(self, kind: Kind, *, language: str = "ru", key: str = "tg-session") -> str:
        """An escalation as the voice or chat conversations open it, due to be alerted now."""
        units, cipher, now = self.hotline.database.units, self.hotline.core.cipher, self.clock()
        async with units() as uow:
            session = await uow.sessions.create(
                NewSession(key, "telegram", "family", "ab" * 16, now, language, {}, "")
            )
            escalation_id = await uow.escalations.open(
                log_id=session.log_id,
                kind=kind,
                channel="telegram" if kind != Kind.CALLBACK else "voice",
                language=language,
                reason="caller-request",
                now=now,
            )
            if kind == Kind.CALLBACK:
                await uow.tasks.add(
                    escalation_id,
                    kind="callback",
                    contact=cipher.encrypt(CALLER),
                    recording_url=None,
                    duration_s=None,
                    expires_at=now + timedelta(days=7),
                )
            elif kind in (Kind.CHAT, Kind.QUESTION):
                await uow.cases.open(escalation_id, key, cipher.encrypt(ADDRESS))
            stages = [(0, now), (1, now + timedelta(minutes=5))]
            await uow.escalations.schedule(escalation_id, stages)
        return escalation_id


@pytest.fixture
async def desk(database_url: str, tmp_path: Path) -> AsyncIterator[Desk]:
    settings = make_settings(tmp_path, database_url)
    await staff_the_hotline(settings)
    clock = FixedClock(DAY)
    hotline = build(settings, clock=clock)
    staff, person = Recorder(), Person()
    reach = Reach(
        notifiers=(staff,),
        people={"telegram": PersonSide(person.send, person.case_ended, person.leave_flow)},
        dialer=staff,
    )
    service = EscalationService(
        units=hotline.database.units,
        board=hotline.board,
        catalog=hotline.core.catalog,
        cipher=hotline.core.cipher,
        policy=settings.escalation,
        reach=lambda: reach,
        clock=clock,
    )
    async with hotline.running():
        yield Desk(hotline, service, staff, person, clock)


async def test_a_callback_is_alerted_taken_once_called_back_and_done(desk: Desk) -> None:
    escalation_id = await desk.open(Kind.CALLBACK)
    assert await desk.service.tick() == 1
    [alert] = desk.staff.alerts
    # The Russian speakers on duty, told the kind and language, never the number.
    assert set(alert.recipients) == {"ana", "beka"}
    assert alert.lines == (StaffNote.of(MessageId.STAFF_CALLBACK, code="ru"),)
    assert CALLER not in repr(alert)
    assert await desk.service.tick() == 0  # each stage fires once

    ana, beka = await desk.member("ana"), await desk.member("beka")
    taken = await desk.service.take(escalation_id, ana)
    assert isinstance(taken, Assignment)
    assert taken.kind == Kind.CALLBACK
    assert desk.staff.retired == [
        (escalation_id, StaffNote.of(MessageId.STAFF_TAKEN_BY, name="Ana Lomidze"))
    ]
    assert await desk.service.take(escalation_id, beka) == StaffNote.of(
        MessageId.STAFF_ALREADY_TAKEN, name="Ana Lomidze"
    )
    desk.clock.advance(minutes=10)
    assert await desk.service.tick() == 0  # taken: the reminder never fires

    # Only the one who took it can call back or close it.
    assert await desk.service.call_back(escalation_id, beka) == StaffNote.of(
        MessageId.STAFF_TASK_CLOSED
    )
    assert await desk.service.call_back(escalation_id, ana) == StaffNote.of(
        MessageId.STAFF_CALLBACK_RINGING
    )
    assert desk.staff.rung == [(escalation_id, "ana", PHONES["ana"])]
    target = await desk.service.callback_target(escalation_id, "ana")
    assert target is not None
    assert target.number == CALLER  # for the dial leg alone
    other = await desk.service.callback_target(escalation_id, "beka")
    assert other is not None
    assert other.number is None

    assert await desk.service.done(escalation_id, ana) is None
    record = await desk.record(escalation_id)
    assert (record.staff_id, record.outcome) == ("ana", Result.DONE)
    assert record.attempts == 3  # two alerted, one call back
    assert desk.staff.retired[-1] == (escalation_id, StaffNote.of(MessageId.STAFF_TASK_DONE))
    closed = await desk.service.callback_target(escalation_id, "ana")
    assert closed is not None
    assert closed.number is None  # the number is gone
    assert await desk.service.done(escalation_id, ana) == StaffNote.of(MessageId.STAFF_TASK_CLOSED)


async def test_a_chat_case_reaches_the_person_both_ways_until_the_specialist_closes_it(
    desk: Desk,
) -> None:
    escalation_id = await desk.open(Kind.CHAT, key="tg-mother")
    async with desk.hotline.database.units() as uow:
        await uow.cases.keep_pending(escalation_id, desk.hotline.core.cipher.encrypt("hello?"))
    ana, beka = await desk.member("ana"), await desk.member("beka")
    catalog = desk.hotline.core.catalog

    taken = await desk.service.take(escalation_id, ana)
    assert isinstance(taken, Assignment)
    assert taken.earlier == ("hello?",)  # handed over, then forgotten
    assert desk.person.sent == [(ADDRESS, catalog.format("ru", MessageId.CASE_TAKEN, {}))]

    assert await desk.service.write(beka, "hi", None) == StaffNote.of(MessageId.STAFF_NO_CASE)
    assert await desk.service.write(ana, "Здравствуйте", None) is None
    says = catalog.format("ru", MessageId.CASE_SPECIALIST_SAYS, {})
    assert desk.person.sent[-1] == (ADDRESS, f"{says}\nЗдравствуйте")

    await desk.service.relay_to_staff(await desk.record(escalation_id), "Спасибо")
    assert desk.staff.relayed == [("ana", escalation_id, "Спасибо")]

    assert await desk.service.close(ana, escalation_id) == StaffNote.of(MessageId.STAFF_CASE_CLOSED)
    assert desk.person.sent[-1] == (ADDRESS, catalog.format("ru", MessageId.CASE_CLOSED, {}))
    assert desk.person.ended == [("tg-mother", True)]  # the chat moves on
    assert (await desk.record(escalation_id)).outcome == Result.DONE
    assert await desk.service.write(ana, "one more", None) == StaffNote.of(MessageId.STAFF_NO_CASE)


async def test_a_question_is_read_by_its_taker_and_done_tells_the_person(desk: Desk) -> None:
    cipher = desk.hotline.core.cipher
    escalation_id = await desk.open(Kind.QUESTION, language="ka", key="tg-q")
    async with desk.hotline.database.units() as uow:  # filed as the chat service files it
        record = await uow.escalations.get(escalation_id)
        assert record is not None
        await uow.cases.add_question(
            log_id=record.log_id,
            channel="telegram",
            language="ka",
            reply_to=cipher.encrypt(ADDRESS),
            text=cipher.encrypt("When are visits?"),
            now=desk.clock(),
            question_id=escalation_id,
        )
    beka = await desk.member("beka")
    taken = await desk.service.take(escalation_id, beka)
    assert isinstance(taken, Assignment)
    assert taken.question == "When are visits?"
    assert taken.replies_reach_person  # Telegram carries a written answer back
    assert await desk.service.write(beka, "On Saturdays.", escalation_id) is None
    assert desk.person.left == ["tg-q"]  # the person's reply now comes to Beka, not a menu

    assert await desk.service.done(escalation_id, beka) is None
    assert desk.person.sent[-1][1] == desk.hotline.core.catalog.format(
        "ka", MessageId.CASE_CLOSED, {}
    )
    assert desk.person.ended == []  # a question has no chat session waiting on it
    assert (await desk.record(escalation_id)).outcome == Result.DONE


async def test_a_person_who_leaves_is_reported_to_the_taker_or_their_alerts_retired(
    desk: Desk,
) -> None:
    untaken = await desk.open(Kind.CHAT, key="tg-one")
    await desk.service.person_closed(await desk.record(untaken))
    assert desk.staff.retired == [(untaken, StaffNote.of(MessageId.STAFF_CASE_CLOSED_BY_PERSON))]
    taken = await desk.open(Kind.CHAT, key="tg-two")
    assert isinstance(await desk.service.take(taken, await desk.member("ana")), Assignment)
    await desk.service.person_closed(await desk.record(taken))
    assert desk.staff.told == [("ana", StaffNote.of(MessageId.STAFF_CASE_CLOSED_BY_PERSON))]


async def test_the_voice_whisper_take_lets_exactly_one_of_two_win(desk: Desk) -> None:
    escalation_id = await desk.open(Kind.CALL)
    first, second = (
        await desk.service.take_call(escalation_id, "ana"),
        await desk.service.take_call(escalation_id, "beka"),
    )
    assert (first, second) == (None, "ana")
    assert await desk.service.take_call(escalation_id, "ana") is None  # pressing 1 again
