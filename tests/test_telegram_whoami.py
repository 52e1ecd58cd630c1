"""/whoami on Telegram: a person learns their own id for the staff set-up, a group its chat id
for HOTLINE_STAFF_CHAT_ID; nothing of either is kept."""

from __future__ import annotations

from tests.fakes import TelegramUser, fixtures
from tests.test_telegram import Bot, bot, say  # noqa: F401 - the fixture

fake_telegram = fixtures.fake_telegram


async def test_whoami_answers_a_persons_own_id_and_keeps_nothing(bot: Bot) -> None:  # noqa: F811
    user = TelegramUser(id=810_000_777, language_code="en")
    told = await bot.reply(bot.fake.updates.command(user, "whoami"), user.id)
    assert told.text == say("en", "whoami-person", id="810000777")
    assert "--telegram 810000777" in (told.text or "")
    for table in ("call_log", "call_sessions", "chat_updates"):
        assert await bot.rows(table) == [], table


async def test_whoami_in_a_group_answers_the_groups_id_for_staff_alerts(
    bot: Bot,  # noqa: F811
) -> None:
    user = TelegramUser(id=810_000_778, language_code="ru")
    group = {"id": -1_004_000_000_778, "type": "supergroup", "title": "Staff"}
    told = await bot.reply(bot.fake.updates.command(user, "whoami", chat=group), group["id"])
    assert told.text == say("ru", "whoami-group", id="-1004000000778")
    assert "HOTLINE_STAFF_CHAT_ID=-1004000000778" in (told.text or "")
