"""What the engine asks a channel to do: actions, named as verbs."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, time


@dataclass(frozen=True)
class PhoneNumber:
    """A phone number as a message's argument: written as it is, spoken in digit groups."""

    number: str  # E.164 (+995322000000) or as the caller would dial it

    def __str__(self) -> str:
        return self.number


Arg = str | int | date | time | PhoneNumber  # a date or a time is spoken per locale (Babel)


@dataclass(frozen=True)
class Say:
    """Say (or show) a message in a language."""

    message: str
    language: str
    args: tuple[tuple[str, Arg], ...] = ()


@dataclass(frozen=True)
class Gather:
    """Say the prompts while listening for keys; a menu takes one key, a gather up to #."""

    prompts: tuple[Say, ...]
    max_digits: int
    timeout_s: int
    finish_on_key: str | None
    options: tuple[str, ...] = ()  # the menu's keys, for channels that draw buttons


@dataclass(frozen=True)
class Record:
    """Record the caller's message."""

    max_seconds: int


@dataclass(frozen=True)
class Escalate:
    """Connect the caller with a person."""

    reason: str
    language: str


@dataclass(frozen=True)
class NoteUnreached:
    """A person was asked for and nobody could be reached (`after_hours`: nobody on duty);
    the flow went on at once. For the anonymous record of escalations."""

    reason: str
    language: str
    after_hours: bool


@dataclass(frozen=True)
class RequestCallback:
    """The caller asked to be called back on their own number."""

    language: str


@dataclass(frozen=True)
class RememberLanguage:
    """The caller chose a language: keep it for their next call (by pseudonym only)."""

    language: str


@dataclass(frozen=True)
class RememberChoice:
    """The caller chose from a list that is kept for their next call (their region), by
    pseudonym only."""

    name: str
    value: str


@dataclass(frozen=True)
class ShowServices:
    """Show (say) one page of the directory's entries for a region and a kind of help; the
    channel words them. `offset` counts entries, `again` is a repeat of the same page."""

    region: str | None
    category: str | None
    offset: int
    limit: int
    language: str
    again: bool = False


@dataclass(frozen=True)
class SendServices:
    """Send the page of entries last shown to the caller's own phone by SMS; the channel
    says whether it went."""

    region: str | None
    category: str | None
    offset: int
    limit: int
    language: str


@dataclass(frozen=True)
class Hangup:
    """End the session."""


Action = (
    Say
    | Gather
    | Record
    | Escalate
    | NoteUnreached
    | RequestCallback
    | RememberLanguage
    | RememberChoice
    | ShowServices
    | SendServices
    | Hangup
)
