"""Words of crisis: a person who writes that their life (or someone's) is in danger gets the
emergency number at once, and staff are alerted ahead of everything else.

The lists are the shipped ones (hotline/locales/<lang>/crisis.txt); the end-to-end tests run
the real PTB and twilio clients against the fake Bot API and the fake Twilio REST API, on
both databases.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from hotline.app import ENGINE, UNITS
from hotline.catalog import Catalog
from hotline.conversations.crisis import CrisisWords, load_crisis_words
from hotline.errors import ConfigError
from hotline.escalation.model import CRISIS, Kind
from hotline.escalation.ports import NewSession
from hotline.storage.models import CallLogEntry
from tests.conftest import FixedClock, post_signed
from tests.fakes import FakeTelegram, TelegramUser, fixtures
from tests.fakes.twilio_api import FakeTwilio
from tests.staffing import DAY, NIGHT, TELEGRAM, escalations
from tests.test_escalation_desk import STAFF, Desk, desk_app, text, to_staff, twilio_for_app
from tests.test_questions import take
from tests.test_sms import sms_params

fake_telegram = fixtures.fake_telegram
fake_twilio = fixtures.fake_twilio
__all__ = ["twilio_for_app"]  # a fixture these tests use

WORDS = load_crisis_words(Catalog().languages)
OpenDesk = Callable[[datetime], Awaitable[Desk]]
SON = TelegramUser(id=830_000_077, first_name="Giorgi", language_code="ru")
CRY = "Мама, я больше не хочу жить. Не ищите меня."

# What people write in a crisis, as they write it: inflected, in a hurry, without accents.
CRISES = {
    "en": ["I just want to die", "thinking about suicide again", "I'm going to kill myself"],
    "ru": ["Я больше не хочу жить", "думаю о самоубийстве", "он меня убьёт", "ПЕРЕДОЗ"],
    "ka": ["მინდა მოვკვდე", "თვითმკვლელობაზე ვფიქრობ", "ვეღარ ვუძლებ ამას"],
    "hr": ["ne zelim vise zivjeti", "Mislim na samoubojstvo.", "ubit ću se"],
    "cs": ["chci umřít", "nechci uz zit", "myslím na sebevraždu"],
    "sl": ["Ne morem več živeti", "razmišljam o samomoru", "ubil se bom"],
}
# What people write every day, close to those words but no crisis.
ORDINARY = {
    "en": ["I can't wait to see my son", "he took his pills for the heart", "dying to know"],
    "ru": ["Не могу больше ждать ответа", "Когда свидание?", "убить время до встречи"],
    "ka": ["როდის არის პაემანი?", "მინდა ვიმუშაო", "ვეღარ ვპოულობ საბუთებს"],
    "hr": ["ne mogu više čekati", "gdje mogu naći posao", "želim živjeti normalno"],
    "cs": ["nemůžu se dočkat", "kde najdu práci", "chci žít normálně"],
    "sl": ["ne morem več čakati", "kje najdem delo", "želim živeti normalno"],
}


@pytest.fixture
def open_desk(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> OpenDesk:
    """The app with the staff desk, its clock starting at a given instant."""

    async def open_at(start: datetime) -> Desk:
        clock = FixedClock(start)
        return await desk_app(
            aiohttp_client, database_url, tmp_path, clock, fake_telegram, twilio_for_app
        )

    return open_at


@pytest.mark.parametrize("language", sorted(CRISES))
def test_each_locale_hears_a_crisis_however_it_is_written(language: str) -> None:
    for said in CRISES[language]:
        assert WORDS.match(said) is not None, said
        assert language in WORDS.languages(said)


@pytest.mark.parametrize("language", sorted(ORDINARY))
def test_everyday_words_are_no_alarm(language: str) -> None:
    for said in ORDINARY[language]:
        assert WORDS.match(said) is None, (said, WORDS.match(said))


def test_a_deployment_replaces_a_locale_list_and_a_missing_list_is_named(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "crisis.txt").write_text("# ours\nlost it all*\n", encoding="utf-8")
    ours = load_crisis_words(["en"], overrides=tmp_path)
    assert ours.count == 1
    assert ours.match("I have lost it all again") is not None
    assert ours.match("I want to die") is None  # the shipped list is replaced, not added to
    with pytest.raises(ConfigError, match="crisis words of 'xx' are missing"):
        load_crisis_words(["xx"])


def test_a_whole_phrase_tells_the_language_where_one_word_is_in_many_lists() -> None:
    assert WORDS.languages("я думаю про суицид") == ["ru"]
    assert "en" in WORDS.languages("suicide")  # in several lists: the chat's hint decides
    assert WORDS.languages("I want to die, suicide")[0] == "en"


def test_matching_is_whole_words_in_order() -> None:
    words = CrisisWords([])
    assert words.match("anything") is None
    assert WORDS.match("die want to") is None
    assert WORDS.match("kill myselfish") is None  # a whole word unless the list says *


async def test_words_of_crisis_in_the_menu_get_112_at_once_and_staff_ahead_of_all(
    open_desk: OpenDesk,
) -> None:
    desk = await open_desk(DAY)
    clock = desk.clock  # moved by hand
    chat = SON.id
    await desk.reply(desk.fake.updates.command(SON, "start"), chat)  # in the menu
    answer = await desk.reply(desk.fake.updates.message(SON, CRY), chat)
    assert answer.text == text("ru", "crisis-reply")
    assert "112" in (answer.text or "")

    # No tick needed: the alert goes out at once, to those on duty who read Russian.
    [to_ana] = await desk.wait_to("ana", 1, after=0)
    [to_beka] = await desk.wait_to("beka", 1, after=0)
    for staff_id, alert in (("ana", to_ana), ("beka", to_beka)):
        assert alert.text == to_staff(staff_id, "staff-crisis", channel="telegram", code="ru")
        assert CRY not in (alert.text or "")  # read by whoever takes it, not on a lock screen
    assert desk.to("nino") == []
    clock.advance(minutes=5)
    assert await desk.tick() == 2  # the reminder at +2 and the supervisor at +5, not +15
    assert desk.to("nino") != []

    yours = await take(desk, "beka", to_beka)
    assert CRY in (yours.text or "")
    await desk.send(desk.fake.updates.message(STAFF["beka"], "Я здесь. Где вы сейчас?"))
    await desk.settle()
    assert desk.fake.texts_to(chat)[-1].endswith("Я здесь. Где вы сейчас?")
    # What he writes next goes to Beka, not to a menu.
    await desk.send(desk.fake.updates.message(SON, "Дома."))
    await desk.settle()
    assert desk.fake.texts_to(TELEGRAM["beka"])[-1].endswith("Дома.")

    [record] = await escalations(desk.client.app[ENGINE])
    assert (record.kind, record.reason, record.staff_id) == (Kind.QUESTION, CRISIS, "beka")
    async with desk.client.app[ENGINE].connect() as conn:
        [logged] = (await conn.execute(select(CallLogEntry))).all()
    assert logged.path[-1] == CRISIS  # counted, anonymously
    assert logged.outcome == "escalated"
    assert CRY not in repr(logged)


async def test_at_night_the_supervisors_are_alerted_at_once(open_desk: OpenDesk) -> None:
    desk = await open_desk(NIGHT)
    answer = await desk.reply(desk.fake.updates.message(SON, CRY), SON.id)  # first message
    assert answer.text == text("ru", "crisis-reply")  # in the language he wrote in
    [to_nino] = await desk.wait_to("nino", 1, after=0)
    assert to_nino.text == to_staff("nino", "staff-crisis", channel="telegram", code="ru")
    assert desk.to("ana") == []  # off duty, asleep
    assert desk.to("beka") == []


async def test_words_of_crisis_in_a_taken_case_reach_the_specialist_marked_urgent(
    open_desk: OpenDesk,
) -> None:
    desk = await open_desk(DAY)
    chat = SON.id
    menu = await desk.reply(desk.fake.updates.command(SON, "start"), chat)
    option = str(Catalog().format_attribute("ru", "chat-menu", "option-6"))
    await desk.reply(desk.fake.press(menu, option), chat)  # talk to a specialist
    assert await desk.tick() == 1
    [to_ana] = await desk.wait_to("ana", 1, after=0)
    await desk.send(desk.fake.press(to_ana, to_staff("ana", "staff-take"), user=STAFF["ana"]))
    await desk.settle()
    before = len(desk.to("ana"))

    answer = await desk.reply(desk.fake.updates.message(SON, CRY), chat)
    assert answer.text == text("ru", "crisis-reply")
    told = await desk.wait_to("ana", 2, after=before)
    texts = [m.text for m in told]
    assert f"{to_staff('ana', 'staff-case-from')}\n{CRY}" in texts
    assert to_staff("ana", "staff-crisis-in-case") in texts
    [record] = await escalations(desk.client.app[ENGINE])
    assert (record.kind, record.reason) == (Kind.CHAT, CRISIS)


async def test_an_sms_crisis_is_answered_in_the_reply(open_desk: OpenDesk) -> None:
    desk = await open_desk(DAY)
    status, answer = await post_signed(
        desk.client, "/twilio/sms", sms_params("ne zelim vise zivjeti", sender="+385911234567")
    )
    assert status == 200
    assert "112" in answer
    [record] = await escalations(desk.client.app[ENGINE])
    assert (record.channel, record.reason) == ("sms", CRISIS)


async def test_urgent_work_is_claimed_before_older_ordinary_work(open_desk: OpenDesk) -> None:
    desk = await open_desk(DAY)
    clock = desk.clock
    units = desk.client.app[UNITS]
    # Due a day ahead of the app's clock: its own alerts job (every 15 s) never claims them.
    later = clock() + timedelta(days=1)
    async with units() as uow:
        session = await uow.sessions.create(
            NewSession("k", "telegram", "family", "ab" * 16, clock(), "ru", {}, "")
        )
        ids = []
        for n in range(60):
            reason = CRISIS if n == 59 else "question"
            escalation_id = await uow.escalations.open(
                log_id=session.log_id,
                kind=Kind.QUESTION,
                channel="telegram",
                language="ru",
                reason=reason,
                now=clock() - timedelta(minutes=60 - n),
            )
            await uow.escalations.schedule(escalation_id, [(0, later - timedelta(minutes=60 - n))])
            ids.append(escalation_id)
    async with units() as uow:
        batch = await uow.escalations.claim_due(later, limit=10)
    assert batch[0].escalation.id == ids[-1]  # the newest, and urgent, goes first
    assert [due.escalation.id for due in batch[1:]] == ids[:9]  # then the longest waiting
