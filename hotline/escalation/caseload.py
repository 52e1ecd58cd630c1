"""A specialist's own list, as the staff desk's `/mine` shows it: the work they hold or that
waits for them, and the participants assigned to them with where each one's plan stands.

Read by `EscalationService.mine`; worded by the desk (`channels.staff_caseload`). Only what
staff may see: case codes, never a phone number, a chat or a name.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from hotline.escalation.reach import StaffNote
from hotline.reminders.ports import Outlook

__all__ = ["Caseload", "HeldWork", "MyParticipant"]


@dataclass(frozen=True)
class HeldWork:
    """An escalation or task not ended: held by the specialist, or assigned to them and
    waiting to be taken."""

    escalation_id: str
    description: StaffNote
    since: datetime
    taken: bool


@dataclass(frozen=True)
class MyParticipant:
    """One of the specialist's participants in the program, by case code."""

    case: str
    status: str
    release: date
    zone: str  # IANA: the next message's time is shown in it
    outlook: Outlook


@dataclass(frozen=True)
class Caseload:
    """What `/mine` shows, as of `now`."""

    now: datetime
    work: tuple[HeldWork, ...]
    participants: tuple[MyParticipant, ...]
