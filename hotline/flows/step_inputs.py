"""What the engine is told with each event besides the session: the languages offered, who
can be reached, and whether an event is the caller's input or their silence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from hotline.flows.events import (
    CallStarted,
    DigitsReceived,
    EscalationContinues,
    EscalationEnded,
    Event,
    JumpRequested,
    NoInputReceived,
    RecordingEmpty,
    RecordingSaved,
)
from hotline.flows.model import CALLBACKS


@dataclass(frozen=True)
class Languages:
    """The deployment's languages: the default first, then the order of the language menu."""

    default: str
    offered: tuple[str, ...]

    @property
    def current(self) -> Languages:
        """Itself: a fixed set of languages is a `LanguageSource` that never changes."""
        return self


class LanguageSource(Protocol):
    """The languages offered now: fixed (a `Languages`), or a set that grows while a
    server renders the audio of its languages at start. Read `current` once per request."""

    @property
    def current(self) -> Languages:
        """The languages offered at this moment."""
        ...


@dataclass(frozen=True)
class Staffing:
    """What the engine must know of the people behind the flow right now: a plain value,
    passed in like the languages, so an escalate node routes within one step.

    `on_duty`: someone is on duty (else it is after hours: night, a holiday).
    `reachable`: someone on duty can be reached on this channel now; when nobody can, an
    escalate node is passed as unanswered at once, without its hold message.
    `callbacks`: staff can call a caller back through the hotline's number (the deployment
    can place calls); an `if: callbacks` node routes by it.
    """

    on_duty: bool = True
    reachable: bool = True
    callbacks: bool = True

    def can(self, ability: str) -> bool:
        """Whether the deployment can do what an `if` node names (model.ABILITIES)."""
        return ability == CALLBACKS and self.callbacks


REACHABLE = Staffing()
BEFORE_A_SESSION = Staffing(on_duty=True, reachable=False)


def is_idle(event: Event) -> bool | None:
    """True for an event in which the caller gave nothing, False for their input (a key, even
    a wrong one, means someone is there; a person who took the call counts as one), None
    for neither."""
    match event:
        case NoInputReceived() | RecordingEmpty():
            return True
        case EscalationEnded(answered=answered):
            return not answered
        case DigitsReceived() | RecordingSaved() | JumpRequested():
            return False
        case CallStarted() | EscalationContinues():
            return None


def language_for_key(key: str, offered: tuple[str, ...]) -> str | None:
    if len(key) != 1 or key not in "123456789":  # "²".isdigit() is True, int("²") fails
        return None
    index = int(key) - 1
    return offered[index] if index < len(offered) else None
