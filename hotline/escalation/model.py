"""The escalation model: what was escalated, how it ended, and the records it keeps.

An escalation is a person's request for a human (a live call, a callback, a chat case, a
question) and goes through these state changes:

- opened: its record is started (`EscalationRepository.open`); with an outcome it ends at
  once (after hours: nobody was on duty).
- rung: a round of a live call rang `people` more staff (`count_attempt`).
- alerted: a durable timer of a callback, chat case or question fired (`claim_due`): stage
  0 tells the staff on duty, later stages remind them and then the supervisors.
- taken: one staff member holds it (`take`, a conditional UPDATE: of two at once exactly
  one wins); its timers stop.
- called back: a specialist rang the caller of a callback task through the hotline (counted
  as an attempt).
- done: staff closed a callback task, a chat case or a question (`Result.DONE`).
- closed: a record ended with an outcome: answered, unanswered or abandoned for a live
  call; a case the person closed ends as done too.
- expired: a task or question nobody closed within the keeping time (`Result.EXPIRED`); the
  number, recording link, address and texts kept for it are deleted.

The string values are what the database stores: they never change without a migration.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

CRISIS = "crisis"  # the reason of urgent work: a person wrote words of crisis (crisis.txt)


class Kind(StrEnum):
    """What was escalated."""

    CALL = "call"  # a live call rung through to staff
    CALLBACK = "callback"  # a voicemail or callback request, for staff to call back
    CHAT = "chat"  # a chat case: a person asked for a specialist to join the chat
    QUESTION = "question"  # a question left in a chat, answered in the chat by a specialist
    TASK = "task"  # work a participant's campaign gives their specialist (reminders)


class Result(StrEnum):
    """How an escalation ended, as the record keeps it."""

    ANSWERED = "answered"  # a person took it (and, for a call, was put through)
    UNANSWERED = "unanswered"  # everyone was tried, nobody took it
    AFTER_HOURS = "after-hours"  # nobody was on duty
    ABANDONED = "abandoned"  # the caller hung up while we were ringing
    DONE = "done"  # a callback task or chat case dealt with and closed
    EXPIRED = "expired"  # a task or question nobody closed within the keeping time


@dataclass(frozen=True)
class EscalationRow:
    """An escalation as stored."""

    id: str
    log_id: str
    kind: Kind
    channel: str
    language: str
    reason: str
    started_at: datetime
    answered_at: datetime | None
    staff_id: str | None
    attempts: int
    stage: int
    outcome: Result | None
    ended_at: datetime | None
    assigned_to: str | None = None  # a task's specialist: alerted before anyone on duty

    @property
    def open(self) -> bool:
        """Not taken and not ended."""
        return self.staff_id is None and self.ended_at is None


@dataclass(frozen=True)
class DueTimer:
    """A timer claimed by this tick: run `stage` of the escalation."""

    escalation: EscalationRow
    stage: int
    due_at: datetime


@dataclass(frozen=True)
class TaskRow:
    """A callback task; `contact` and `recording_url` are encrypted, None once closed."""

    escalation_id: str
    kind: str
    contact: str | None
    recording_url: str | None
    duration_s: int | None
    expires_at: datetime
    closed_at: datetime | None


@dataclass(frozen=True)
class CaseRow:
    """A chat case; `address` and `pending` texts are encrypted."""

    escalation_id: str
    session_key: str
    address: str | None
    pending: tuple[str, ...]
    closed_at: datetime | None


@dataclass(frozen=True)
class Notice:
    """A staff message about an escalation: its encrypted chat and message id."""

    escalation_id: str
    chat: str
    message_id: int


@dataclass(frozen=True)
class CaseLine:
    """A message of an open chat case or question: its specialist's (`staff_id`), or the
    person's (None). `text` is encrypted as stored, decrypted for the case's holder alone."""

    staff_id: str | None
    text: str
    written_at: datetime
