"""What happens to a session from outside: events, named in the past tense."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CallStarted:
    """A call or chat began; `language` is set when the entry point already fixes it.

    `reachable` is False when the caller's number is withheld: nobody can call them back.
    """

    language: str | None = None
    reachable: bool = True
    remembered: tuple[tuple[str, str], ...] = ()  # choices kept from earlier calls (region)


@dataclass(frozen=True)
class DigitsReceived:
    """The caller pressed keys (a menu choice, or digits ended by #)."""

    digits: str


@dataclass(frozen=True)
class NoInputReceived:
    """The caller said nothing before the prompt timed out."""


@dataclass(frozen=True)
class RecordingSaved:
    """A voicemail was recorded."""

    duration_s: int


@dataclass(frozen=True)
class RecordingEmpty:
    """The caller stayed silent at the beep."""


@dataclass(frozen=True)
class EscalationEnded:
    """The attempt to reach a person is over; `answered` says whether someone took the call.

    `closed`: nobody was on duty to try (night, holiday), rather than nobody answering.
    """

    answered: bool
    closed: bool = False


@dataclass(frozen=True)
class EscalationContinues:
    """Nobody took this round of trying, and another round is tried (the same node)."""


@dataclass(frozen=True)
class JumpRequested:
    """The person asked to go to a node by a command (a chat's /language, say)."""

    node: str


Event = (
    CallStarted
    | DigitsReceived
    | NoInputReceived
    | RecordingSaved
    | RecordingEmpty
    | EscalationEnded
    | EscalationContinues
    | JumpRequested
)
