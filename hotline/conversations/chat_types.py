"""What goes in and out of the chat conversation service: the channels parse into these and
send what comes back."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, Protocol

from hotline.conversations.chat_render import ChatMessage
from hotline.escalation.board import DutyBoard
from hotline.escalation.model import EscalationRow
from hotline.escalation.policy import EscalationPolicy
from hotline.escalation.ports import UnitOfWork
from hotline.messages import MessageId

InputKind = Literal["text", "choice", "start", "help", "language", "stop", "close"]
CLOSE_TEXT = "/close"  # ends a conversation with a specialist, on any channel
MAX_QUESTION_CHARS = 4000
Effect = Callable[[], Awaitable[None]]  # done after the step's commit (staff are told)


@dataclass(frozen=True)
class ChatInput:
    """What a person sent: text, a pressed choice (of step `seq`), or a command (`start`
    may carry the parameter of a t.me link in `text`)."""

    kind: InputKind
    text: str = ""
    seq: int | None = None


@dataclass(frozen=True)
class Subscriber:
    """Who wrote: a pseudonym for everything kept, the raw address only to answer later."""

    pseudonym: str
    address: str  # a Telegram chat id or a phone number: stored only encrypted
    language_hint: str | None = None
    simulated: bool = False  # `hotline chat`: its log row is left out of reports unless asked


@dataclass(frozen=True)
class ChatReply:
    """What to send back; `seq` is the step number the choices of these messages carry."""

    messages: tuple[ChatMessage, ...]
    seq: int
    language: str
    duplicate: bool = False
    stale: bool = False  # a choice from an older message: nothing moved
    ended: bool = False


class Enrolment(Protocol):
    """Links a chat to a participant by the token of an enrolment link (`/start <token>`)."""

    async def __call__(
        self, uow: UnitOfWork, token: str, address: str, now: datetime
    ) -> str | None:
        """In the step's unit of work: the linked person's language, or None when the
        token does not (or no longer) work."""


class StaffSide(Protocol):
    """How a conversation reaches the specialist who has its case (the escalation service)."""

    async def relay_to_staff(self, record: EscalationRow, text: str) -> None:
        """A person's message in a taken case goes to the specialist who has it."""

    async def person_closed(self, record: EscalationRow) -> None:
        """The person ended a case: the specialist (or the alerted staff) are told."""

    async def urgent(self, escalation_id: str) -> None:
        """Words of crisis in a case: its holder, or the staff to alert, are told now."""


@dataclass(frozen=True)
class ChatCases:
    """What a chat channel needs to hand a conversation or a question to a specialist.

    `live`: a specialist can join the chat live (the staff desk runs, and the channel can
    carry their replies). Without it, asking for a specialist leads to leaving a question,
    which is still filed for staff. `callbacks`: staff can call a person back through the
    hotline (a flow's `if: callbacks` routes by it).
    """

    board: DutyBoard
    policy: EscalationPolicy
    staff: StaffSide | None  # the escalation service, while a staff desk runs
    live: bool = True
    callbacks: bool = False


@dataclass(frozen=True)
class ChatTexts:
    """The messages a channel itself says (not a flow)."""

    help: MessageId
    stopped: MessageId
