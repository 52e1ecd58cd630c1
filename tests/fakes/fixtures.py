"""Pytest fixtures for the fakes. A test module binds the ones it uses at module level:

    from tests.fakes import fixtures

    fake_telegram = fixtures.fake_telegram

(pytest finds fixtures by name in the module; an assignment, unlike an import, does not make
ruff read each test parameter of that name as a redefinition, F811.)
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.fakes.telegram_api import FakeTelegram, PtbApplication
from tests.fakes.twilio_api import FakeTwilio

__all__ = ["fake_telegram", "fake_twilio", "telegram_app"]


@pytest.fixture
async def fake_telegram() -> AsyncIterator[FakeTelegram]:
    """A started fake Telegram Bot API, closed after the test."""
    async with FakeTelegram() as fake:
        yield fake


@pytest.fixture
async def fake_twilio() -> AsyncIterator[FakeTwilio]:
    """A started fake Twilio REST API, closed (with its clients) after the test."""
    async with FakeTwilio() as fake:
        yield fake


@pytest.fixture
async def telegram_app(fake_telegram: FakeTelegram) -> AsyncIterator[PtbApplication]:
    """A PTB Application on the fake, initialized (getMe answered) and shut down after."""
    app = fake_telegram.application_builder().build()
    async with app:
        yield app
