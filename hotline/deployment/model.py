"""What `hotline check` finds, and the facts it observes outside the process (pure data)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum


class Level(StrEnum):
    """How a finding weighs: FAIL stops calls or chats from working; warn is worth fixing."""

    OK = "ok"
    WARN = "warn"
    FAIL = "FAIL"


@dataclass(frozen=True)
class Finding:
    """One line of the check: its level, what it is about, and what was found or is to do."""

    level: Level
    topic: str
    text: str


def worst(findings: Iterable[Finding]) -> Level:
    """The heaviest level among `findings` (OK when there are none)."""
    levels = {f.level for f in findings}
    return next((lvl for lvl in (Level.FAIL, Level.WARN) if lvl in levels), Level.OK)


@dataclass(frozen=True)
class Unreachable:
    """A probe that got no answer it could use: why, in words an operator can act on."""

    reason: str


@dataclass(frozen=True)
class Health:
    """What GET <public URL>/healthz answered: the status, and whether hotline's body came."""

    status: int
    from_hotline: bool


@dataclass(frozen=True)
class NumberWebhooks:
    """A Twilio number's webhook configuration, as the console shows it."""

    phone_number: str
    voice_url: str
    voice_method: str
    status_callback: str
    voice_fallback_url: str
    sms_url: str
    voice_application_sid: str = ""
    sms_application_sid: str = ""


@dataclass(frozen=True)
class WebhookState:
    """The bot's webhook as Telegram reports it (getWebhookInfo)."""

    url: str
    pending_update_count: int
    last_error_date: datetime | None = None
    last_error_message: str | None = None
    allowed_updates: tuple[str, ...] | None = None
