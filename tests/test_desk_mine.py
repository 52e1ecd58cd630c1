"""`/mine` on the Telegram staff desk: a specialist's own open work and participants, by
case code only, with the next message in the participant's local time and the last
check-in's answer; through the real PTB client against the fake Bot API, on SQLite and
PostgreSQL. And the desk's `/help`, which lists it."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from hotline.app import ESCALATIONS
from hotline.catalog import Catalog
from hotline.channels.staff_caseload import TELEGRAM_LIMIT, caseload_text
from hotline.escalation.caseload import Caseload, HeldWork, MyParticipant
from hotline.escalation.reach import StaffNote
from hotline.messages import MessageId
from hotline.reminders.ports import Outlook
from tests import test_dispatcher
from tests.conftest import post_signed
from tests.fakes import TelegramUser
from tests.staffing import DAY, TELEGRAM
from tests.test_dispatcher import MOTHER_PHONE, NINO, PHONE, World
from tests.test_sms import sms_params
from tests.test_telegram import Bot

fake_telegram = test_dispatcher.fake_telegram
twilio = test_dispatcher.twilio
w = test_dispatcher.w

CATALOG = Catalog()
ANA = TelegramUser(id=TELEGRAM["ana"], first_name="Ana", language_code="ru")
NINO_STAFF = TelegramUser(id=TELEGRAM["nino"], first_name="Nino", language_code="ka")


def ru(message: str, **args: str | int) -> str:
    return CATALOG.format("ru", message, args)


async def mine(w: World, user: TelegramUser) -> str:
    bot = Bot(w.client, w.telegram, w.hotline.settings)
    reply = await bot.reply(w.telegram.updates.command(user, "mine"), user.id)
    return reply.text or ""


async def test_mine_lists_the_specialists_work_and_participants_by_case_code(w: World) -> None:
    await w.service.add(NINO)  # Ana's, three months before release
    await w.service.add({**NINO, "case": "tb-2027-020", "specialist": "beka"})
    await w.service.add({**NINO, "case": "tb-2027-021"})
    await w.service.withdraw("TB-2027-021")  # no longer in the program
    await w.tick(hours=2, minutes=31)  # 09:31 in Tbilisi: the task is opened
    await w.tick(hours=1, minutes=30)  # 11:01: the three-month information goes
    w.clock.now = DAY  # Monday 11:00 in Tbilisi

    text = await mine(w, ANA)

    lines = text.splitlines()
    # The pre-release meeting's task waits for Ana since 09:30 the day before.
    assert lines[0] == ru("staff-mine-work-title", count=1)
    task = ru("staff-program-task", case="TB-2027-014", task="plan-meeting")
    age = ru("staff-mine-age", unit="hours", n=25)
    assert lines[1] == "• " + ru("staff-mine-work", taken="no", age=age, what=task)
    # Her one participant in the program: Beka's and the withdrawn one are not shown.
    assert ru("staff-mine-participants-title", count=1) in lines
    assert (
        "• "
        + ru(
            "staff-mine-participant",
            case="TB-2027-014",
            status="before-release",
            release="2027-02-22",
        )
        in lines
    )
    # The two-month information, at 11:00 in Tbilisi; no check-in answered yet.
    assert "   " + ru("staff-mine-next", checkin="no", when="2026-12-22 11:00 +04") in lines
    assert "   " + ru("staff-mine-answer-none") in lines
    assert "TB-2027-020" not in text
    assert "TB-2027-021" not in text
    for secret in (PHONE, MOTHER_PHONE, "Tamar"):
        assert secret not in text


async def test_mine_shows_work_taken_and_the_last_check_in_answer(w: World) -> None:
    # Released a month before enrolment: the two-month check-in is her first message.
    await w.service.add({**NINO, "release": "2026-10-20"})
    w.clock.now = datetime(2026, 12, 20, 7, 1, tzinfo=UTC)  # 11:01 in Tbilisi, a Sunday
    assert (await w.tick()).sent == 1
    # She answers "2" by SMS ten minutes later: she would like to talk; Ana gets a task.
    w.clock.advance(minutes=10)
    status, _ = await post_signed(w.client, "/twilio/sms", sms_params("2", sender=PHONE))
    assert status == 200
    w.clock.now = datetime(2026, 12, 21, 5, 0, tzinfo=UTC)  # Monday 09:00: Ana is on duty
    await w.client.app[ESCALATIONS].tick()
    bot = Bot(w.client, w.telegram, w.hotline.settings)
    await bot.settle()
    [alert] = w.telegram.messages_to(TELEGRAM["ana"])
    await bot.send(w.telegram.press(alert, ru("staff-take"), user=ANA))
    await bot.settle()

    text = await mine(w, ANA)

    task = ru("staff-program-task", case="TB-2027-014", task="wants-to-talk")
    age = ru("staff-mine-age", unit="hours", n=21)  # since it came in, the day before
    assert "• " + ru("staff-mine-work", taken="yes", age=age, what=task) in text
    # Her answer, at 11:11 in Tbilisi; the three-month check-in comes next.
    assert "   " + ru("staff-mine-answer", answer="talk", when="2026-12-20 11:11 +04") in text
    assert "   " + ru("staff-mine-next", checkin="yes", when="2027-01-20 11:00 +04") in text
    assert PHONE not in text


async def test_someone_with_nothing_gets_a_short_answer_and_help_lists_mine(w: World) -> None:
    assert await mine(w, NINO_STAFF) == CATALOG.format("ka", "staff-mine-empty")
    bot = Bot(w.client, w.telegram, w.hotline.settings)
    helped = await bot.reply(w.telegram.updates.command(ANA, "help"), ANA.id)
    assert helped.text == ru("staff-desk-help")
    assert "/mine" in (helped.text or "")


async def test_mine_from_someone_not_on_the_staff_list_shows_nothing_of_the_desk(
    w: World,
) -> None:
    await w.service.add(NINO)
    stranger = TelegramUser(id=555_000_111, first_name="Guest", language_code="en")
    bot = Bot(w.client, w.telegram, w.hotline.settings)
    await bot.send(w.telegram.updates.command(stranger, "mine"))
    await bot.settle()
    texts = w.telegram.texts_to(stranger.id)
    assert texts  # the person's own help, as for any command the chat does not know
    assert any(CATALOG.format("en", "chat-help") in t for t in texts)
    assert not any("TB-2027-014" in t for t in texts)


def test_a_long_list_is_cut_within_telegrams_limit_with_the_count_of_the_rest() -> None:
    now = datetime(2027, 1, 10, 8, 0, tzinfo=UTC)
    outlook = Outlook(now + timedelta(days=3), "month-1", True, "fine", now - timedelta(days=20))
    people = tuple(
        MyParticipant(f"TB-2027-{n:03}", "in-program", date(2026, 12, 1), "Asia/Tbilisi", outlook)
        for n in range(100)
    )
    task = StaffNote.of(MessageId.STAFF_PROGRAM_TASK, case="TB-2027-000", task="plan-meeting")
    work = tuple(HeldWork(str(n), task, now - timedelta(days=n), n % 2 == 0) for n in range(5))
    for language in CATALOG.languages:

        def word(note: StaffNote, language: str = language) -> str:
            return CATALOG.format(language, note.message, dict(note.args))

        text = caseload_text(word, Caseload(now, work, people))
        assert len(text) <= TELEGRAM_LIMIT
        shown = text.count("• ")
        assert 5 < shown < 105
        more = CATALOG.format(language, "staff-mine-more", {"count": 105 - shown})
        assert text.endswith("\n\n" + more), language
        # A list that fits is shown whole.
        short = caseload_text(word, replace(Caseload(now, work, people[:3])))
        assert short.count("• ") == 8
        assert more not in short
