"""The chat side of a check-in: the dispatcher opens the check-in's conversation through the
chat service of its channel, so that the person's answer continues that conversation."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from hotline.conversations.chat import ChatConversations
from hotline.conversations.chat_types import Subscriber
from hotline.escalation.ports import UnitOfWork
from hotline.reminders.campaign import Channel
from hotline.reminders.outbound import Opened
from hotline.reminders.plan import PlannedMessage

__all__ = ["ChatOpenings"]


class ChatOpenings:
    """The dispatcher's `Openings`, over the chat conversations of each chat channel."""

    def __init__(self, conversations: Mapping[Channel, ChatConversations]) -> None:
        self.conversations = conversations

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
        """The check-in's first messages and step on `channel`; None off the chat channels."""
        chat = self.conversations.get(channel)
        if chat is None or message.flow is None:
            return None
        who = Subscriber(pseudonym=pseudonym, address=address)
        reply = await chat.start_outbound(uow, who, message.flow, message.language, origin, now)
        if isinstance(reply, str):
            return reply
        return reply.messages, reply.seq
