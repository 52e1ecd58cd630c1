"""The staff messages sent about an escalation, remembered so that their buttons can be taken
away once it is taken or done, and so that a reply to one of them reaches its case."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from hotline.escalation.model import Notice
from hotline.escalation.ports import UnitsOfWork


class NoticeBook:
    """Which staff message belongs to which escalation (the chat kept encrypted)."""

    def __init__(self, units: UnitsOfWork, clock: Callable[[], datetime]) -> None:
        self._units = units
        self.clock = clock

    async def remember(
        self, escalation_id: str, *, chat: str, chat_ref: str, message_id: int
    ) -> None:
        """A message about an escalation was sent to a chat (`chat` encrypted, `chat_ref` a
        keyed pseudonym of it, to find it by without decrypting)."""
        async with self._units() as uow:
            await uow.notices.add(
                escalation_id, chat=chat, chat_ref=chat_ref, message_id=message_id, now=self.clock()
            )

    async def of_escalation(self, escalation_id: str) -> list[Notice]:
        """The messages sent about an escalation."""
        async with self._units() as uow:
            return await uow.notices.of_escalation(escalation_id)

    async def escalation_of(self, chat_ref: str, message_id: int) -> str | None:
        """The escalation a message in a chat was about, if it was about one."""
        async with self._units() as uow:
            return await uow.notices.escalation_of(chat_ref, message_id)
