"""What a campaign is: steps at offsets from the release date, each sending a flow or a
message to some recipients over channels in order of preference."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import time
from enum import StrEnum
from pathlib import Path

from hotline.reminders.delivery import DEFAULT_RULES, Window
from hotline.reminders.offsets import Offset

__all__ = ["Campaign", "Channel", "RecipientKind", "Step"]


class RecipientKind(StrEnum):
    """Who a step reaches."""

    PARTICIPANT = "participant"
    FAMILY = "family"  # each of the participant's family contacts
    SPECIALIST_TASK = "specialist-task"  # a task for the assigned specialist, on the desk


class Channel(StrEnum):
    """How a message reaches a person; a step lists them in order of preference."""

    TELEGRAM = "telegram"
    SMS = "sms"
    VOICE = "voice"


@dataclass(frozen=True)
class Step:
    """One step of a campaign; its `id` is stable, so a planned row keeps its identity."""

    id: str
    offset: Offset
    at: time  # local delivery time, in each recipient's own zone
    recipients: tuple[RecipientKind, ...]
    channels: tuple[Channel, ...]  # empty for a specialist's task (it goes to the desk)
    flow: str | None = None
    message: str | None = None
    window: Window = DEFAULT_RULES.window
    last: bool = False  # the participant's program ends itself after this step

    @property
    def is_task(self) -> bool:
        """True for a task for the specialist (a step of its own)."""
        return RecipientKind.SPECIALIST_TASK in self.recipients

    @property
    def content(self) -> str:
        """What the step sends, as a line says it: `flow checkin` or `message reminder-x`."""
        return f"flow {self.flow}" if self.flow else f"message {self.message}"


@dataclass(frozen=True)
class Campaign:
    """A program's steps, in the order they come; `version` changes whenever they do."""

    name: str
    description: str
    version: str  # a hash of the steps as loaded: an edited campaign gets a new one
    steps: tuple[Step, ...]
    source: Path | None = None

    def step(self, step_id: str) -> Step:
        """The step with this id (KeyError when there is none)."""
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)
