"""How the escalation service reaches people: staff through notifiers, a person through their
channel, a caller through a callback call. Each is a Protocol that a channel implements.

Today the Telegram staff desk is the one notifier; the web dashboard is the next. What a
notifier is given is a message id and its arguments (`StaffNote`), never finished text: it
words it in the language of whoever reads it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from hotline.escalation.board import DutySnapshot
from hotline.escalation.model import EscalationRow, Kind
from hotline.escalation.policy import Audience
from hotline.messages import Registered

NoteArg = str | int


@dataclass(frozen=True)
class StaffNote:
    """Something to tell staff: a message of the staff catalogue and its arguments."""

    message: Registered  # a MessageId, or a DashboardText for the dashboard
    args: tuple[tuple[str, NoteArg], ...] = ()

    @classmethod
    def of(cls, message: Registered, **args: NoteArg) -> StaffNote:
        """A note with keyword arguments."""
        return cls(message, tuple(sorted(args.items())))


@dataclass(frozen=True)
class Alert:
    """Waiting work to tell staff about, with a way to take it.

    `recipients` are the staff this notifier can reach whom the alert stage asks for;
    `audience` is who the stage asks for (a notifier with a shared staff room may post
    there instead of to each person on duty).
    """

    escalation_id: str
    audience: Audience
    recipients: tuple[str, ...]
    lines: tuple[StaffNote, ...]  # a reminder (if this is one), then what is waiting


@dataclass(frozen=True)
class Assignment:
    """What the staff member who took an escalation needs in order to act on it."""

    escalation: EscalationRow
    description: StaffNote
    question: str | None = None  # a question's text (decrypted for them alone)
    earlier: tuple[str, ...] = ()  # what the person wrote before anyone took it
    replies_reach_person: bool = True  # whether a written reply can reach the person

    @property
    def kind(self) -> Kind:
        """What was taken."""
        return self.escalation.kind


class StaffNotifier(Protocol):
    """A way to reach staff (the Telegram desk; the web dashboard next)."""

    channel: str  # what the staff are reached on ("telegram"), for the timelines

    def reaches(self, snapshot: DutySnapshot) -> Collection[str]:
        """The staff (ids) this notifier can reach."""

    async def alert(self, alert: Alert) -> tuple[str | None, ...]:
        """Tell staff about waiting work; returns who was told (None: a staff group)."""

    async def retire(self, escalation_id: str, why: StaffNote) -> None:
        """The escalation needs nobody else now: take its Take buttons away, saying why."""

    async def relay(self, staff_id: str, escalation_id: str, text: str) -> bool:
        """Pass what a person wrote to the specialist who has their case; False if this
        notifier cannot reach them."""

    async def tell(self, staff_id: str, note: StaffNote) -> bool:
        """Tell one staff member something; False if this notifier cannot reach them."""


@dataclass(frozen=True)
class PersonSide:
    """How the escalation service reaches the person of a chat case on their channel."""

    send: Callable[[str, str], Awaitable[None]]  # (address, text)
    case_ended: Callable[[str, bool], Awaitable[object]]  # (session key, answered)
    leave_flow: Callable[[str], Awaitable[None]]  # (session key): an answer to a question came


class CallbackDialer(Protocol):
    """Rings a specialist's phone for a callback (through Twilio's REST API)."""

    async def ring(self, escalation_id: str, staff_id: str, staff_phone: str) -> str:
        """Start the call; returns the provider's call id."""


@dataclass(frozen=True)
class Reach:
    """Everything the service can reach, known once the channels are built."""

    notifiers: Sequence[StaffNotifier] = ()
    people: Mapping[str, PersonSide] = field(default_factory=dict)  # by channel
    dialer: CallbackDialer | None = None
