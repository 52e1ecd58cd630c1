"""The live queue of open work, pure: what an open escalation is called for staff, who may
see it, and the "mine" and "unassigned" views of the dashboard's Now page."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from hotline.escalation.model import CRISIS, EscalationRow, Kind, TaskRow
from hotline.escalation.reach import StaffNote
from hotline.escalation.timeline import Entry
from hotline.messages import MessageId

__all__ = ["OPEN_WORK_LIMIT", "OpenWork", "View", "describe", "visible", "waiting"]

OPEN_WORK_LIMIT = 200  # open escalations read at once; the oldest and urgent come first


class View(StrEnum):
    """Which part of the queue a person looks at."""

    ALL = "all"
    MINE = "mine"  # taken by me, or a task assigned to me that nobody has taken
    UNASSIGNED = "unassigned"  # nobody holds it and it is meant for nobody in particular


@dataclass(frozen=True)
class OpenWork:
    """An open escalation as the queue shows it: its record, what it is (as the desk says
    it), its timeline, and its task's kind (voicemail, callback, a campaign step), if any."""

    record: EscalationRow
    description: StaffNote
    timeline: tuple[Entry, ...]
    task: str | None = None

    @property
    def urgent(self) -> bool:
        """Words of crisis came with it."""
        return self.record.reason == CRISIS


def describe(escalation: EscalationRow, task: TaskRow | None, case: str | None) -> StaffNote:
    """What staff are told about work: its kind, channel and language, never who it is or
    what they said (`case`: a program task's case code, decrypted)."""
    if escalation.kind in (Kind.CHAT, Kind.QUESTION):
        message = (
            MessageId.STAFF_CHAT_CASE if escalation.kind == Kind.CHAT else MessageId.STAFF_QUESTION
        )
        if escalation.reason == CRISIS:
            message = MessageId.STAFF_CRISIS
        return StaffNote.of(message, channel=escalation.channel, code=escalation.language)
    if escalation.kind == Kind.TASK:
        return StaffNote.of(
            MessageId.STAFF_PROGRAM_TASK, case=case or "?", task=task.kind if task else "other"
        )
    if task is not None and task.kind == "voicemail":
        message = MessageId.STAFF_VOICEMAIL if task.contact else MessageId.STAFF_VOICEMAIL_NO_NUMBER
        return StaffNote.of(message, seconds=task.duration_s or 0, code=escalation.language)
    return StaffNote.of(MessageId.STAFF_CALLBACK, code=escalation.language)


def can_call_back(kind: Kind, description: StaffNote) -> bool:
    """Whether work has a number to call back: a callback request, or a voicemail whose
    number was kept (not hidden, and the hotline can place calls)."""
    return kind == Kind.CALLBACK and description.message != MessageId.STAFF_VOICEMAIL_NO_NUMBER


def visible(
    items: Sequence[OpenWork], staff_id: str, *, all_tasks: bool, view: View = View.ALL
) -> list[OpenWork]:
    """The items a person sees: the live queue for everyone, program and check-in tasks only
    for their specialist (or whoever took them) unless `all_tasks` (supervisors); then the
    view's part of it."""
    shown = [
        item
        for item in items
        if all_tasks
        or item.record.kind != Kind.TASK
        or staff_id in (item.record.assigned_to, item.record.staff_id)
    ]
    if view == View.MINE:
        return [item for item in shown if _mine(item.record, staff_id)]
    if view == View.UNASSIGNED:
        return [i for i in shown if i.record.staff_id is None and i.record.assigned_to is None]
    return shown


def waiting(items: Sequence[OpenWork]) -> int:
    """How many of these nobody has taken yet."""
    return sum(1 for item in items if item.record.staff_id is None)


def _mine(record: EscalationRow, staff_id: str) -> bool:
    if record.staff_id is not None:
        return record.staff_id == staff_id
    return record.assigned_to == staff_id
