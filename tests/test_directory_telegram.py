"""The services directory on Telegram: region and kind of help by buttons, cards with a map
link, and the services nearest to a shared location; a malformed location is a 400.

The whole app on both databases, its bot on the fake Telegram API, with the shipped
Georgian sample directory.
"""

from __future__ import annotations

from hotline.catalog import Catalog
from tests.fakes import TelegramCall, TelegramUser, fixtures
from tests.test_telegram import Bot, bot  # noqa: F401 - the fixture

fake_telegram = fixtures.fake_telegram
CATALOG = Catalog()
NEAR_THE_SHELTER = (41.6974, 44.8046)  # the sample's night shelter is at 41.6974, 44.8045


def data(message: TelegramCall, label: str) -> str:
    """The callback data of the button labelled `label`."""
    return dict(zip(message.button_texts, message.callback_data, strict=True))[label]


async def test_buttons_lead_to_cards_with_a_map_link_and_a_location_to_the_nearest(
    bot: Bot,  # noqa: F811 - the fixture
) -> None:
    user = TelegramUser(id=810_000_301, first_name="Eka", language_code="en")
    chat = user.id
    menu = await bot.reply(bot.fake.updates.command(user, "start"), chat)
    assert menu.message is not None
    regions = await bot.reply(
        bot.fake.updates.callback_query(user, menu.message, data(menu, "Services near you")), chat
    )
    assert "send your location" in (regions.text or "")
    assert regions.button_texts[:2] == ["Tbilisi", "Autonomous Republic of Adjara"]
    assert "More regions" in regions.button_texts
    assert regions.message is not None
    kinds = await bot.reply(
        bot.fake.updates.callback_query(user, regions.message, data(regions, "Tbilisi")), chat
    )
    assert "Housing" in kinds.button_texts
    assert kinds.message is not None
    cards = await bot.reply(
        bot.fake.updates.callback_query(user, kinds.message, data(kinds, "Housing")), chat
    )
    text = cards.text or ""
    assert "Example: night shelter" in text
    assert "https://www.openstreetmap.org/?mlat=" in text
    assert "☎ 000000000" in text  # the sample's invented number, as an example shows it
    assert text.index("☎") < text.index("openstreetmap.org")  # the map link closes the card
    assert cards.button_texts == [
        "More services",
        "Another kind of help",
        "Another region",
        "Back to the menu",
    ]

    nearest = await bot.reply(bot.fake.updates.location(user, *NEAR_THE_SHELTER), chat)
    near = nearest.text or ""
    assert near.startswith(CATALOG.format("en", "services-nearest"))
    assert near.index("Example: night shelter") < near.index("km from you")
    assert "0.0 km from you" in near
    rows = await bot.rows("directory_asks")
    assert {(r["channel"], r["region"], r["category"], r["kind"]) for r in rows} == {
        ("telegram", "GE-TB", "housing", "list"),
        ("telegram", "", "", "nearest"),
    }
    stored = await bot.everything_stored()
    assert "44.8046" not in stored  # the place shared is kept nowhere


async def test_a_malformed_location_is_refused_with_400(bot: Bot) -> None:  # noqa: F811
    user = TelegramUser(id=810_000_302, language_code="en")
    for latitude, longitude in (("north", 44.8), (91.0, 44.8), (41.7, True)):
        status, text = await bot.post(bot.fake.updates.location(user, latitude, longitude))
        assert status == 400, text
    assert bot.fake.calls_of("sendMessage") == []
