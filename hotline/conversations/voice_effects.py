"""What a voice step does besides moving the flow on, in the step's unit of work: a voicemail
or a request to be called back filed as a task for staff, a check-in's answer acted on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hotline.conversations.checkin import CheckinAnswers, answer_of, origin_of
from hotline.escalation.board import DutySnapshot
from hotline.escalation.calls import CallEscalation
from hotline.escalation.ports import UnitOfWork
from hotline.flows import engine
from hotline.flows.actions import RequestCallback
from hotline.flows.events import Event, RecordingSaved
from hotline.flows.state import SessionState


@dataclass(frozen=True)
class CallDetails:
    """What a step needs of the request besides its event."""

    caller_number: str  # Twilio's From: kept only encrypted, in a callback task
    hotline_number: str | None  # the number staff see when rung (the hotline's, by default)
    recording_url: str | None = None


def newly_answered(before: SessionState, after: SessionState) -> bool:
    """Whether a check-in call reached an answer node in this step (not on an earlier one)."""
    return answer_of(after.path) is not None and answer_of(before.path) is None


async def tell_answer(
    checkins: CheckinAnswers,
    uow: UnitOfWork,
    before: SessionState,
    after: SessionState,
    snapshot: DutySnapshot,
    now: datetime,
) -> None:
    """A check-in call that reached an answer node in this step: the answer is acted on."""
    answer, origin = answer_of(after.path), origin_of(after.variables)
    if answer is not None and origin is not None and newly_answered(before, after):
        await checkins.answered(uow, origin, answer, snapshot, now)


async def file_tasks(
    escalation: CallEscalation,
    uow: UnitOfWork,
    log_id: str,
    event: Event,
    step: engine.Step,
    details: CallDetails,
    snapshot: DutySnapshot,
    now: datetime,
) -> None:
    """A voicemail, or a request to be called back, becomes a task for staff."""
    wanted: list[tuple[str, str | None, int | None]] = []
    if isinstance(event, RecordingSaved):
        wanted.append(("voicemail", details.recording_url, event.duration_s))
    if any(isinstance(a, RequestCallback) for a in step.actions):
        wanted.append(("callback", None, None))
    for kind, recording, duration in wanted:
        await escalation.file_task(
            uow,
            log_id=log_id,
            kind=kind,
            language=step.state.language,
            caller=details.caller_number,
            recording_url=recording,
            duration_s=duration,
            snapshot=snapshot,
            now=now,
        )
