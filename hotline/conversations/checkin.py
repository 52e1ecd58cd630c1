"""Check-ins as conversations: what a person's answer is, and who acts on it.

A check-in is a flow the dispatcher opens towards a person (a Telegram message, an SMS, a
voice call). The conversation that follows is an ordinary one of the chat or voice service;
it carries the planned message it answers as the session variable `ORIGIN`. When the flow
reaches one of the answer nodes (`fine`, `talk`, `help-now`, `stop`), the service tells
`CheckinAnswers`, which records the answer against that planned message and acts on it (a
callback task, stopping the messages, telling the specialist). "Help now" is an escalation
node in the flow itself, so it goes through the same chain as any call or chat.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from hotline.escalation.board import DutySnapshot
from hotline.escalation.ports import UnitOfWork

__all__ = ["ORIGIN", "CheckinAnswer", "CheckinAnswers", "answer_of", "origin_of"]

ORIGIN = "origin"  # the session variable: the id of the planned message a conversation answers


class CheckinAnswer(StrEnum):
    """A check-in's answers; the values are the node ids a check-in flow reaches."""

    FINE = "fine"
    TALK = "talk"
    HELP = "help-now"
    STOP = "stop"


_ANSWERS = {a.value: a for a in CheckinAnswer}


def answer_of(path: Iterable[str]) -> CheckinAnswer | None:
    """The answer a conversation's path gives: the first answer node it visited."""
    return next((_ANSWERS[node] for node in path if node in _ANSWERS), None)


def origin_of(variables: Iterable[tuple[str, str]]) -> int | None:
    """The planned message a conversation answers, from its session variables."""
    value = dict(variables).get(ORIGIN)
    return int(value) if value is not None and value.isdigit() else None


class CheckinAnswers(Protocol):
    """Acts on a check-in's answer (the reminders' side, through the escalation service)."""

    async def snapshot(self) -> DutySnapshot:
        """The duty roster, read before the conversation opens its unit of work."""

    async def answered(
        self,
        uow: UnitOfWork,
        origin: int,
        answer: CheckinAnswer,
        snapshot: DutySnapshot,
        now: datetime,
    ) -> None:
        """Record `answer` to planned message `origin` and act on it, in the step's unit."""
