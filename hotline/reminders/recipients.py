"""Who a planned message can reach, and how their addresses are known to the rest of the
hotline: the channels a recipient consented to and has an address on, the pseudonyms the
chat channels and the call log keep them under, and what a provider's status means."""

from __future__ import annotations

from hotline.participants.model import Participant
from hotline.privacy import pseudonym
from hotline.reminders.campaign import Channel, RecipientKind
from hotline.reminders.plan import PlannedMessage, RowStatus

__all__ = ["CHANNELS", "REPORTED", "Reach", "callers", "reach_of", "sms_ref"]

CHANNELS = frozenset(c.value for c in Channel)
REPORTED = {
    "queued": RowStatus.SENT,
    "accepted": RowStatus.SENT,
    "sending": RowStatus.SENT,
    "sent": RowStatus.SENT,
    "initiated": RowStatus.SENT,
    "ringing": RowStatus.SENT,
    "in-progress": RowStatus.SENT,
    "delivered": RowStatus.DELIVERED,
    "read": RowStatus.DELIVERED,
    "completed": RowStatus.DELIVERED,
    "undelivered": RowStatus.FAILED,
    "failed": RowStatus.FAILED,
    "busy": RowStatus.FAILED,
    "no-answer": RowStatus.FAILED,
    "canceled": RowStatus.FAILED,
}


Reach = tuple[str | None, int | None, tuple[Channel, ...]]  # phone, chat, channels


def reach_of(participant: Participant, m: PlannedMessage) -> Reach | None:
    """The recipient's phone, chat and the row's channels they can still be reached on."""
    if m.recipient_kind is RecipientKind.PARTICIPANT:
        phone, chat, consent = participant.phone, participant.telegram_chat, participant.consent
    else:
        relative = next((f for f in participant.family if f.id == m.recipient_ref), None)
        if relative is None:
            return None
        phone, chat, consent = relative.phone, relative.telegram_chat, relative.consent
    allowed = {c.value for c in consent.channels}
    channels = tuple(
        c
        for c in m.channels
        if c.value in allowed and (chat is not None if c is Channel.TELEGRAM else bool(phone))
    )
    return (phone, chat, channels) if channels else None


def sms_ref(phone: str | None, key: bytes) -> str:
    """The pseudonym an SMS opt-out is kept under (as the SMS channel keys it)."""
    return pseudonym(phone or "", key) or ""


def callers(phone: str | None, chat: int | None, key: bytes) -> list[str | None]:
    """The call log's pseudonyms of a recipient's phone and Telegram chat."""
    return [
        pseudonym(phone, key) if phone else None,
        pseudonym(f"telegram:{chat}", key) if chat is not None else None,
    ]
