"""Retention on SQLite and PostgreSQL: the purge folds the old call log into counts the
statistics still read, deletes tasks, voicemails, participants and audit lines past keeping,
changes nothing on a dry run, and writes its counts to the audit log."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, insert, select
from sqlalchemy.ext.asyncio import AsyncEngine

from hotline.accounts.ports import AuditEntry, AuditFilter
from hotline.crypto import DataCipher
from hotline.dashboard_texts import DashboardText
from hotline.errors import ConfigError
from hotline.escalation.model import Kind, Result
from hotline.escalation.ports import NewVoicemail
from hotline.escalation.roster import LANGUAGES, Role, Staff
from hotline.participants import Status
from hotline.participants.enrolment import invite
from hotline.participants.fields import Rules
from hotline.participants.service import ParticipantService
from hotline.retention import LoggedCall, RetentionPolicy, fold, months_before, retention_policy
from hotline.retention.purge import AUDIT_ACTION, AUDIT_ACTOR, purge
from hotline.stats.figures import Callers
from hotline.stats.period import Period
from hotline.stats.service import report
from hotline.storage import db
from hotline.storage.models import Base, CallLogEntry
from hotline.storage.participants import ContactKeys
from hotline.storage.retention_tables import CallLogTotal
from hotline.storage.staff import StaffDirectory
from hotline.storage.unit_of_work import SqlUnitsOfWork
from hotline.web.dashboard.audit_words import words_of
from tests.conftest import DATA_KEY, PSEUDONYM_KEY, FixedClock, make_settings
from tests.test_participants import NINO
from tests.test_staff_cli import Run, _runner

NOW = datetime(2026, 11, 22, 3, 0, tzinfo=UTC)
POLICY = RetentionPolicy()  # 13 months of call log, 12 after a program, 24 of audit
KEEP = timedelta(days=7)  # HOTLINE_CALLBACK_KEEP_DAYS
TBILISI = ZoneInfo("Asia/Tbilisi")
OLD_MONTH = Period(date(2025, 9, 1), date(2025, 10, 1), TBILISI)  # past 13 months on NOW
CIPHER = DataCipher(DATA_KEY.encode())


@pytest.fixture
async def engine(database_url: str, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    engine = db.create_engine(make_settings(tmp_path, database_url).database_url)
    await db.upgrade(engine)
    staff = StaffDirectory(engine, CIPHER, PSEUDONYM_KEY.encode())
    ana = Staff("ana", "Ana", Role.SPECIALIST, ("ka", "ru"))
    await staff.add(ana, phone=None, telegram_id=None, now=NOW)
    yield engine
    await engine.dispose()


@pytest.fixture
def units(engine: AsyncEngine) -> SqlUnitsOfWork:
    return SqlUnitsOfWork(engine, keys=ContactKeys(CIPHER, PSEUDONYM_KEY.encode()))


async def log_call(
    engine: AsyncEngine,
    at: datetime,
    *,
    channel: str = "voice",
    caller: str | None = "c1",
    language: str = "ka",
    path: tuple[str, ...] = ("start", "menu", "about"),
    outcome: str | None = "completed",
    simulated: bool = False,
) -> str:
    """A call-log row as the conversation service leaves it once the call ended."""
    log_id = str(uuid.uuid4())
    async with engine.begin() as conn:
        await conn.execute(
            insert(CallLogEntry.__table__).values(
                id=log_id, channel=channel, flow="hotline", caller=caller, started_at=at,
                ended_at=at + timedelta(seconds=30), duration_s=30, language=language,
                path=list(path), outcome=outcome, simulated=simulated,
            )
        )  # fmt: skip
    return log_id


async def count(engine: AsyncEngine, table: str) -> int:
    async with engine.connect() as conn:
        query = select(func.count()).select_from(Base.metadata.tables[table])
        return int((await conn.execute(query)).scalar_one())


async def everything_stored(engine: AsyncEngine) -> str:
    """Every value of every table, as text."""
    async with engine.connect() as conn:
        return repr(
            [
                sorted(map(repr, (await conn.execute(select(table))).all()))
                for table in Base.metadata.sorted_tables
            ]
        )


async def audit_lines(units: SqlUnitsOfWork) -> list[AuditEntry]:
    async with units() as uow:
        return [line.entry for line in await uow.accounts.audit_lines(AuditFilter(), 100)]


async def old_month_traffic(engine: AsyncEngine) -> None:
    """September 2025 in Tbilisi: calls and chats on several days and hours, one caller on
    two days, a withheld number, a simulated call, a call not ended."""
    sept = datetime(2025, 9, 8, 7, 10, tzinfo=UTC)  # Monday 11:10 in Tbilisi
    for minutes in (0, 5, 20):
        await log_call(engine, sept + timedelta(minutes=minutes), caller=f"a{minutes}")
    await log_call(engine, sept, caller="a0", language="ru", path=("start", "crisis"))
    await log_call(engine, sept + timedelta(days=1, hours=14), caller="a0")  # next day, 01:10
    await log_call(engine, sept, channel="telegram", caller="t1", path=(), outcome=None)
    await log_call(engine, sept, channel="sms", caller=None, language="en", path=("start",))
    await log_call(engine, sept + timedelta(days=20), simulated=True)
    # The night the month ends (30 Sept 21:30 UTC is 1 Oct in Tbilisi): not September's.
    await log_call(engine, datetime(2025, 9, 30, 21, 30, tzinfo=UTC), caller="late")


async def test_old_calls_fold_into_counts_and_a_months_statistics_stay_the_same(
    engine: AsyncEngine, units: SqlUnitsOfWork
) -> None:
    await old_month_traffic(engine)
    recent = await log_call(engine, NOW - timedelta(days=30))
    before = await report(units, OLD_MONTH, None)
    with_simulated = await report(units, OLD_MONTH, None, simulated=True)
    assert before.per_day[6] == (date(2025, 9, 7), 0, 0)
    assert sum(calls for _, calls, _ in before.per_day) == 5
    assert before.callers == Callers(people=4, repeat=1)  # a0 called three times

    counts = await purge(units, POLICY, KEEP, NOW)

    assert counts.calls_folded == 9
    assert await count(engine, "call_log") == 1  # the recent call, untouched
    async with engine.connect() as conn:
        kept = (await conn.execute(select(CallLogEntry.__table__.c.id))).scalars().all()
    assert kept == [recent]
    assert 0 < await count(engine, "call_log_totals") < 9
    after = await report(units, OLD_MONTH, None)
    # Every figure is the same but the callers, counted by UTC day once purged: a0 once
    # on each of two days, and the late caller by the UTC day that holds most of their
    # call's local day (30 September).
    assert after == replace(before, callers=Callers(people=6, repeat=1))
    assert after.paths == before.paths
    assert after.per_hour == before.per_hour
    simulated_after = await report(units, OLD_MONTH, None, simulated=True)
    assert simulated_after.per_day == with_simulated.per_day
    # A second purge finds nothing more to fold, and the figures hold.
    assert (await purge(units, POLICY, KEEP, NOW)).calls_folded == 0
    assert await report(units, OLD_MONTH, None) == after


async def test_a_call_whose_work_is_open_stays_and_one_whose_work_ended_goes_with_it(
    engine: AsyncEngine, units: SqlUnitsOfWork
) -> None:
    old = NOW - timedelta(days=500)
    open_log, done_log = await log_call(engine, old), await log_call(engine, old)
    async with units() as uow:
        for log_id, outcome in ((open_log, None), (done_log, Result.DONE)):
            await uow.escalations.open(
                log_id=log_id, kind=Kind.CALL, channel="voice", language="ka",
                reason="asked", now=old, outcome=outcome,
            )  # fmt: skip

    assert (await purge(units, POLICY, KEEP, NOW)).calls_folded == 1

    async with engine.connect() as conn:
        kept = (await conn.execute(select(CallLogEntry.__table__.c.id))).scalars().all()
    assert kept == [open_log]
    assert await count(engine, "escalations") == 1


async def test_a_dry_run_counts_and_changes_nothing(
    engine: AsyncEngine, units: SqlUnitsOfWork, clock: FixedClock
) -> None:
    await old_month_traffic(engine)
    service = ParticipantService(units, Rules(LANGUAGES), FixedClock(NOW))
    await service.add(NINO)
    await service.withdraw(NINO["case"])
    async with units() as uow:
        await uow.accounts.audit(AuditEntry(NOW - timedelta(days=800), "ana", "calendar:new"))
    stored = await everything_stored(engine)

    counts = await purge(units, POLICY, KEEP, NOW, dry_run=True)

    assert (counts.calls_folded, counts.participants, counts.audit_lines) == (9, 1, 1)
    assert await everything_stored(engine) == stored  # not even an audit line


async def test_tasks_questions_and_voicemails_past_their_days_are_deleted(
    engine: AsyncEngine, units: SqlUnitsOfWork
) -> None:
    asked = NOW - timedelta(days=8)
    log_id = await log_call(engine, asked)
    link = "https://api.twilio.com/2010-04-01/Accounts/AC1/Recordings/RE" + "0" * 32
    async with units() as uow:
        task = await uow.escalations.open(
            log_id=log_id, kind=Kind.CALLBACK, channel="voice", language="ka",
            reason="voicemail", now=asked,
        )  # fmt: skip
        await uow.tasks.add(
            task, kind="voicemail", contact=CIPHER.encrypt("+995555123456"),
            recording_url=CIPHER.encrypt(link), duration_s=30, expires_at=asked + KEEP,
        )  # fmt: skip
        await uow.sessions.add_voicemail(log_id, NewVoicemail("ka", 30, link), asked)
        question = await uow.escalations.open(
            log_id=log_id, kind=Kind.QUESTION, channel="telegram", language="ka",
            reason="question", now=asked,
        )  # fmt: skip
        await uow.cases.open(question, "telegram:700100200", CIPHER.encrypt("700100200"))
        await uow.cases.add_question(
            log_id=log_id, channel="telegram", language="ka", question_id=question,
            reply_to=CIPHER.encrypt("700100200"), text=CIPHER.encrypt("my next meeting?"),
            now=asked,
        )  # fmt: skip
    deleted: list[str] = []

    async def delete_recording(url: str) -> bool:
        deleted.append(url)
        return True

    counts = await purge(units, POLICY, KEEP, NOW, delete_recording=delete_recording)

    assert (counts.callback_tasks, counts.questions, counts.voicemails) == (1, 1, 1)
    assert counts.recordings_deleted == 1
    assert deleted == [link]
    async with units() as uow:
        [(row, record)] = [t for t in await uow.escalations.records(asked) if t[0].id == task]
        assert record["outcome"] == "completed"
        assert row.outcome == Result.EXPIRED
        assert await uow.cases.question(question) is None
    assert await count(engine, "voicemails") == 0
    assert await count(engine, "questions") == 0
    assert "+9955" not in await everything_stored(engine)


async def enrol_with_everything(units: SqlUnitsOfWork) -> ParticipantService:
    """Nino with her two relatives, her whole plan (enrolment plans it), an enrolment link
    and a program task."""
    service = ParticipantService(units, Rules(LANGUAGES), FixedClock(NOW))
    nino = await service.add(NINO)
    await invite(units, nino.case, now=NOW)
    async with units() as uow:
        log_id = await uow.escalations.log_work("reminders", "checkin", "ka", NOW)
        task = await uow.escalations.open(
            log_id=log_id, kind=Kind.TASK, channel="reminders", language="ka",
            reason="plan-meeting", now=NOW, assigned_to="ana",
        )  # fmt: skip
        await uow.tasks.add(
            task, kind="plan-meeting", contact=CIPHER.encrypt(nino.case), recording_url=None,
            duration_s=None, expires_at=NOW + KEEP,
        )  # fmt: skip
    return service


PERSONAL = (
    "participants",
    "family_contacts",
    "enrolment_invites",
    "planned_messages",
    "escalations",
    "callback_tasks",
)


async def test_a_participant_who_withdrew_is_gone_at_the_next_purge_with_all_about_them(
    engine: AsyncEngine, units: SqlUnitsOfWork
) -> None:
    service = await enrol_with_everything(units)
    assert all([await count(engine, table) for table in PERSONAL])
    await service.withdraw(NINO["case"])

    counts = await purge(units, POLICY, KEEP, NOW + timedelta(hours=1), cipher=CIPHER)

    assert counts.participants == 1
    assert [await count(engine, table) for table in PERSONAL] == [0] * len(PERSONAL)
    assert await count(engine, "message_attempts") == 0
    stored = await everything_stored(engine)
    assert "TB-2027" not in stored.upper()


async def test_a_participant_whose_program_ended_is_kept_until_their_months_are_over(
    engine: AsyncEngine, units: SqlUnitsOfWork
) -> None:
    service = await enrol_with_everything(units)
    await service.change(NINO["case"], {"status": Status.ENDED.value})
    later = FixedClock(NOW + timedelta(days=60))  # a later edit keeps the end's date
    await ParticipantService(units, Rules(LANGUAGES), later).change(
        NINO["case"], {"specialist": "ana", "language": "ru"}
    )
    a_year = months_before(NOW, -POLICY.participant_months)

    kept = await purge(units, POLICY, KEEP, a_year - timedelta(minutes=1), cipher=CIPHER)
    assert kept.participants == 0
    assert await count(engine, "participants") == 1

    gone = await purge(units, POLICY, KEEP, a_year + timedelta(minutes=1), cipher=CIPHER)
    assert gone.participants == 1
    assert [await count(engine, table) for table in PERSONAL[:4]] == [0] * 4


async def test_audit_lines_past_their_period_go_and_each_purge_writes_its_counts(
    units: SqlUnitsOfWork,
) -> None:
    old, young = NOW - timedelta(days=24 * 31), NOW - timedelta(days=23 * 30)
    async with units() as uow:
        await uow.accounts.audit(AuditEntry(old, "ana", "participant:contacts", "TB-1"))
        await uow.accounts.audit(AuditEntry(young, "ana", "participant:contacts", "TB-2"))

    counts = await purge(units, POLICY, KEEP, NOW)

    assert counts.audit_lines == 1
    [line, kept] = await audit_lines(units)
    assert kept.case_code == "TB-2"
    assert (line.at, line.staff_id, line.action, line.case_code) == (
        NOW,
        AUDIT_ACTOR,
        AUDIT_ACTION,
        None,
    )
    assert line.reason == (
        "calls folded 0, voicemails 0, recordings deleted 0, callback tasks 0, "
        "questions 0, participants 0, audit lines 1"
    )
    await purge(units, POLICY, KEEP, NOW + timedelta(days=1))  # nothing to remove: a line
    assert len(await audit_lines(units)) == 3
    # The dashboard's audit page says it in words.
    assert words_of(AUDIT_ACTION, {}) == (DashboardText.DASH_AUDIT_PURGE, {})


def test_the_periods_come_from_the_environment_within_bounds() -> None:
    assert retention_policy({}) == RetentionPolicy(13, 12, 24)
    assert retention_policy({"HOTLINE_RETAIN_CALL_LOG_MONTHS": "25"}).call_log_months == 25
    assert retention_policy({"HOTLINE_RETAIN_PARTICIPANT_MONTHS": "0"}).participant_months == 0
    for name, bad in (
        ("HOTLINE_RETAIN_CALL_LOG_MONTHS", "0"),
        ("HOTLINE_RETAIN_AUDIT_MONTHS", "3"),
        ("HOTLINE_RETAIN_PARTICIPANT_MONTHS", "a year"),
    ):
        with pytest.raises(ConfigError, match=f"^{name} must be a whole number of months"):
            retention_policy({name: bad})


def test_months_are_calendar_months_with_the_day_clamped() -> None:
    assert months_before(datetime(2026, 3, 31, 9, tzinfo=UTC), 1) == datetime(
        2026, 2, 28, 9, tzinfo=UTC
    )
    assert months_before(datetime(2026, 11, 22, tzinfo=UTC), 13) == datetime(
        2025, 10, 22, tzinfo=UTC
    )
    assert months_before(datetime(2026, 1, 15, tzinfo=UTC), -12) == datetime(
        2027, 1, 15, tzinfo=UTC
    )


def test_folding_keeps_counts_by_hour_and_callers_by_day_and_no_pseudonym() -> None:
    at = datetime(2025, 9, 8, 7, 10, tzinfo=UTC)

    def call(minutes: int, caller: str | None, channel: str = "voice") -> LoggedCall:
        moment = at + timedelta(minutes=minutes)
        return LoggedCall(moment, channel, "ka", "completed", ("a", "b"), False, 20, caller)

    totals, callers = fold(
        [call(0, "x"), call(40, "x"), call(70, "y"), call(5, None), call(1, "z", "reminders")],
        ("voice", "sms", "telegram"),
    )
    assert [(t.hour.hour, t.channel, t.calls, t.duration_s, t.path) for t in totals] == [
        (7, "reminders", 1, 20, '["a", "b"]'),
        (7, "voice", 3, 60, '["a", "b"]'),
        (8, "voice", 1, 20, '["a", "b"]'),
    ]
    assert [(c.day, c.calls, c.people) for c in callers] == [
        (date(2025, 9, 8), 1, 1),
        (date(2025, 9, 8), 2, 1),
    ]
    assert "x" not in repr(totals) + repr(callers).replace("people", "")


async def test_folded_rows_hold_no_pseudonym(engine: AsyncEngine, units: SqlUnitsOfWork) -> None:
    await log_call(engine, NOW - timedelta(days=800), caller="f" * 32)
    await purge(units, POLICY, KEEP, NOW)
    assert await count(engine, CallLogTotal.__tablename__) == 1
    assert "f" * 32 not in await everything_stored(engine)


@pytest.fixture
def run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> Run:
    """`hotline ARGS...` as an operator runs it, on a temporary SQLite database."""
    return _runner(tmp_path, monkeypatch, capsys)


def test_the_command_counts_on_a_dry_run_then_purges_and_refuses_a_bad_period(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run("data", "purge", "--dry-run")
    assert code == 0, err
    assert out.splitlines() == [
        "kept: call log 13 months, participants 12 months after their program, "
        "audit log 24 months, tasks 7 days",
        "would remove: calls folded 0, voicemails 0, recordings deleted 0, callback tasks 0, "
        "questions 0, participants 0, audit lines 0",
    ]
    code, out, err = run("data", "purge")
    assert code == 0, err
    assert out.splitlines()[1].startswith("removed: calls folded 0,")
    monkeypatch.setenv("HOTLINE_RETAIN_CALL_LOG_MONTHS", "thirteen")
    code, out, err = run("data", "purge")
    assert code == 2
    assert err == (
        "hotline: configuration: HOTLINE_RETAIN_CALL_LOG_MONTHS must be a whole number of "
        "months from 1 to 120\n"
    )
