"""What the dispatcher hands to a channel: the message in the clear, the senders' Protocol,
their errors, and the one function that turns a planned step into text (`outbound_text`).

A sender raises `SendError` saying what to do next: try again later (a network error, a
429, a 5xx), try the recipient's next channel (Twilio 21211 invalid number, 21614 not a
mobile, a Telegram chat that blocked the bot), or stop this channel for good because the
person opted out at the carrier (Twilio 21610).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Literal, Protocol

from hotline.catalog import Catalog
from hotline.conversations.chat_render import ChatMessage, render_chat
from hotline.errors import HotlineError
from hotline.escalation.ports import UnitOfWork
from hotline.flows.engine import Languages, start
from hotline.flows.events import CallStarted
from hotline.flows.model import Flow
from hotline.reminders.campaign import Channel
from hotline.reminders.plan import PlannedMessage

__all__ = [
    "Opened",
    "Openings",
    "Outbound",
    "SendError",
    "SendFailure",
    "Sender",
    "outbound_text",
]


class SendFailure(StrEnum):
    """What a failed send asks the dispatcher to do."""

    RETRY = "retry"  # later, on the same channel, with backoff
    NEXT_CHANNEL = "next-channel"  # this address cannot take it: the recipient's next channel
    OPTED_OUT = "opted-out"  # the person opted out at the carrier: never this channel again


class SendError(HotlineError):
    """A provider refused or failed a message; `code` is the provider's error code."""

    def __init__(self, failure: SendFailure, detail: str, code: int | None = None) -> None:
        super().__init__(detail)
        self.failure = failure
        self.code = code


@dataclass(frozen=True)
class Outbound:
    """One message on its way: the row it comes from, the address in the clear (never
    logged), the language, and the texts to send."""

    row_id: int
    channel: Channel
    address: str
    language: str
    texts: tuple[ChatMessage, ...]
    flow: str | None
    seq: int | None = None  # the step a check-in's choices answer, when it opened a conversation


Opened = tuple[tuple[ChatMessage, ...], int] | Literal["busy", "opted-out"]


class Openings(Protocol):
    """Opens the conversation of a check-in on a chat channel (the chat service), so that
    the answer continues it: its first messages and step, or "busy" (the person is with a
    specialist: wait) or "opted-out" (they asked this channel for silence)."""

    async def open(
        self,
        uow: UnitOfWork,
        channel: Channel,
        address: str,
        pseudonym: str,
        message: PlannedMessage,
        origin: int,
        now: datetime,
    ) -> Opened | None:
        """None when `channel` holds no chat conversation (a voice call opens its own)."""


class Sender(Protocol):
    """Hands a message to a provider; returns the provider's id of it, if there is one.

    `confirms` says whether the provider can be asked afterwards if it took a message
    (Twilio lists what it sent; Telegram cannot be asked)."""

    confirms: bool

    async def send(self, out: Outbound) -> str | None:
        """Send, or raise SendError."""

    async def find(self, out: Outbound, since: datetime) -> str | None:
        """The provider's id of this very message if it took it since `since`, else None."""


def outbound_text(
    catalog: Catalog, flows: Mapping[str, Flow], message: PlannedMessage, now: datetime
) -> tuple[ChatMessage, ...]:
    """The first messages of a planned step, in the recipient's language: the step's
    message, or what its flow says first (a check-in's question and its choices).

    A check-in sent on a chat channel opens its conversation instead (`Openings`), with
    the same words; this is what any other channel, and a look at what Twilio sent after a
    stop, go by.
    """
    if message.flow is not None:
        flow = flows[message.flow]
        languages = Languages(message.language, (message.language,))
        step = start(flow, CallStarted(language=message.language), languages=languages, now=now)
        return render_chat(catalog, step.actions)
    if message.message is None:
        raise ValueError(f"{message.key}: a step sends a flow or a message")
    return (ChatMessage(catalog.format(message.language, message.message).strip()),)
