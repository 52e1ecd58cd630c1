"""Fakes of Telegram's Bot API and Twilio's REST API, served on 127.0.0.1 for tests."""

from tests.fakes.telegram_api import (
    DEFAULT_TOKEN,
    FakeTelegram,
    PtbApplication,
    TelegramCall,
    TelegramFault,
    TelegramLimits,
)
from tests.fakes.telegram_updates import TelegramUser, UpdateFactory, bot_command_entities
from tests.fakes.twilio_api import (
    DEFAULT_ACCOUNT_SID,
    DEFAULT_AUTH_TOKEN,
    FakeTwilio,
    TwilioCall,
    TwilioFault,
    TwilioMessage,
    TwilioRequest,
    sms_encoding,
    sms_segments,
)

__all__ = [
    "DEFAULT_ACCOUNT_SID",
    "DEFAULT_AUTH_TOKEN",
    "DEFAULT_TOKEN",
    "FakeTelegram",
    "FakeTwilio",
    "PtbApplication",
    "TelegramCall",
    "TelegramFault",
    "TelegramLimits",
    "TelegramUser",
    "TwilioCall",
    "TwilioFault",
    "TwilioMessage",
    "TwilioRequest",
    "UpdateFactory",
    "bot_command_entities",
    "sms_encoding",
    "sms_segments",
]
