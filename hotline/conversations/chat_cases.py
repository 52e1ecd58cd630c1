"""A chat's way to a specialist: live cases, questions left for staff, and what a person
writes while either is open. Part of the chat conversation service, in its transaction."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from hotline.conversations.chat_render import ChatMessage
from hotline.conversations.chat_types import (
    CLOSE_TEXT,
    MAX_QUESTION_CHARS,
    ChatCases,
    ChatInput,
    ChatReply,
    Effect,
    StaffSide,
    Subscriber,
)
from hotline.crypto import DataCipher
from hotline.escalation.board import DutySnapshot
from hotline.escalation.model import CRISIS, CaseRow, EscalationRow, Kind, Result
from hotline.escalation.policy import alert_schedule, urgent_schedule
from hotline.escalation.ports import StoredSession, UnitOfWork
from hotline.escalation.roster import on_duty_ids
from hotline.flows import engine
from hotline.flows.actions import Escalate
from hotline.flows.state import SessionState
from hotline.messages import MessageId

MAX_OPEN_CASES = 20  # a person's open questions closed at once by /stop; more wait for expiry
CaseEnded = Callable[[str, bool, UnitOfWork], Awaitable[bool]]  # (session key, answered, uow)


class ChatCaseWork:
    """Opens cases and questions for one chat channel and handles what is written to them."""

    def __init__(
        self,
        *,
        channel: str,
        cases: ChatCases | None,
        cipher: DataCipher,
        say: Callable[[str, MessageId], str],
        help_text: MessageId,
    ) -> None:
        self.channel = channel
        self.cases = cases
        self.cipher = cipher
        self._say = say
        self.help_text = help_text

    def staffing(self, snapshot: DutySnapshot | None, now: datetime) -> engine.Staffing:
        """Whether someone on duty can join this chat now: on Telegram, with the desk, on a
        channel that can carry their replies."""
        roster = snapshot.roster if snapshot else None
        duty = on_duty_ids(roster, now) if roster is not None else frozenset()
        reachable = (
            snapshot is not None
            and self.cases is not None
            and self.cases.live
            and any(staff_id in snapshot.telegram for staff_id in duty)
        )
        return engine.Staffing(on_duty=bool(duty), reachable=reachable, callbacks=self.callbacks)

    @property
    def callbacks(self) -> bool:
        """Whether staff can call the person back through the hotline (`if: callbacks`)."""
        return self.cases is not None and self.cases.callbacks

    async def escalated(
        self,
        uow: UnitOfWork,
        live: StoredSession,
        step: engine.Step,
        who: Subscriber,
        now: datetime,
        snapshot: DutySnapshot | None,
    ) -> None:
        """A person asked for a specialist and someone can join: open a case, alert them."""
        escalate = step.actions[-1] if step.actions else None
        if isinstance(escalate, Escalate):
            await self._open(
                uow, live, who, Kind.CHAT, escalate.language, escalate.reason, now, snapshot
            )

    async def file_question(
        self,
        uow: UnitOfWork,
        live: StoredSession,
        who: Subscriber,
        language: str,
        now: datetime,
        snapshot: DutySnapshot | None,
    ) -> str | None:
        """A written question becomes work for the staff on duty, alerted like a callback
        (after hours: when the next shift starts), and a case the answer comes back through.
        Returns the id it is filed under, or None without a staff side to file it for."""
        return await self._open(uow, live, who, Kind.QUESTION, language, "question", now, snapshot)

    async def _open(
        self,
        uow: UnitOfWork,
        live: StoredSession,
        who: Subscriber,
        kind: Kind,
        language: str,
        reason: str,
        now: datetime,
        snapshot: DutySnapshot | None,
    ) -> str | None:
        """An escalation with its case (the address encrypted) and its alerts scheduled."""
        if self.cases is None:
            return None
        escalation_id = await uow.escalations.open(
            log_id=live.log_id,
            kind=kind,
            channel=self.channel,
            language=language,
            reason=reason,
            now=now,
        )
        await uow.cases.open(escalation_id, live.key, self.cipher.encrypt(who.address))
        roster = snapshot.roster if snapshot else None
        schedule = urgent_schedule if reason == CRISIS else alert_schedule
        await uow.escalations.schedule(
            escalation_id, list(schedule(roster, self.cases.policy, now))
        )
        return escalation_id

    async def crisis(
        self,
        uow: UnitOfWork,
        live: StoredSession,
        who: Subscriber,
        text: str,
        now: datetime,
        snapshot: DutySnapshot | None,
        effects: list[Effect],
    ) -> None:
        """A person wrote words of crisis. Their open case or question, if they have one,
        gets the text (relayed to its specialist, or kept for whoever takes it) and turns
        urgent; otherwise the text is filed as an urgent question. Either way staff are
        alerted ahead of everything else (`urgent_schedule`), or the specialist who has the
        case is told at once, after the commit."""
        if self.cases is None:
            return
        text = text[:MAX_QUESTION_CHARS]
        found = await uow.cases.of_session(live.key, kind=Kind.CHAT) or await uow.cases.of_session(
            live.key, kind=Kind.QUESTION
        )
        if found is not None:
            case, record = found
            escalation_id = record.id
            await uow.escalations.mark_urgent(escalation_id)
            if record.staff_id is None:
                roster = snapshot.roster if snapshot else None
                await uow.escalations.schedule(
                    escalation_id, list(urgent_schedule(roster, self.cases.policy, now))
                )
            await self._relay_or_keep(uow, case, record, text, effects)
        else:
            language = SessionState.from_json(live.state).language
            opened = await self._open(
                uow, live, who, Kind.QUESTION, language, CRISIS, now, snapshot
            )
            if opened is None:
                return
            escalation_id = opened
            await uow.cases.add_question(
                log_id=live.log_id,
                channel=self.channel,
                language=language,
                reply_to=self.cipher.encrypt(who.address),
                text=self.cipher.encrypt(text),
                now=now,
                question_id=escalation_id,
            )
        staff = self.cases.staff
        if staff is not None:

            async def alert() -> None:
                await staff.urgent(escalation_id)

            effects.append(alert)

    async def follow_up(
        self,
        uow: UnitOfWork,
        key: str,
        found: tuple[CaseRow, EscalationRow],
        given: ChatInput,
        now: datetime,
        effects: list[Effect],
    ) -> ChatReply:
        """A message after a question was left: to the specialist who has it, else kept
        with the question; /close withdraws it."""
        case, record = found
        language = record.language
        text = given.text.strip()
        if given.kind == "close" or text.lower() == CLOSE_TEXT:
            await self.end(uow, key, now, effects, questions=True)
            message = ChatMessage(self._say(language, MessageId.CASE_CLOSED_BY_YOU))
            return ChatReply((message,), 0, language, ended=True)
        if not text:
            return ChatReply((), 0, language, stale=True)
        if await self._relay_or_keep(uow, case, record, text, effects):
            return ChatReply((), 0, language)
        return ChatReply((ChatMessage(self._say(language, MessageId.QUESTION_ADDED)),), 0, language)

    async def in_case(
        self,
        uow: UnitOfWork,
        live: StoredSession,
        found: tuple[CaseRow, EscalationRow],
        given: ChatInput,
        now: datetime,
        effects: list[Effect],
        case_ended: CaseEnded,
    ) -> ChatReply:
        """While a specialist is asked for or talking: relay, keep, or close."""
        case, record = found
        language = SessionState.from_json(live.state).language
        text = given.text.strip()
        if given.kind == "close" or text.lower() == CLOSE_TEXT:
            await self.end(uow, live.key, now, effects)
            ended = await case_ended(live.key, record.staff_id is not None, uow)
            message = ChatMessage(self._say(language, MessageId.CASE_CLOSED_BY_YOU))
            return ChatReply((message,), live.seq, language, ended=ended)
        if given.kind == "help":
            return ChatReply(
                (ChatMessage(self._say(language, self.help_text)),), live.seq, language
            )
        if given.kind != "text" or not text:
            return ChatReply((), live.seq, language, stale=True)
        await self._relay_or_keep(uow, case, record, text, effects)
        return ChatReply((), live.seq, language)

    async def _relay_or_keep(
        self,
        uow: UnitOfWork,
        case: CaseRow,
        record: EscalationRow,
        text: str,
        effects: list[Effect],
    ) -> bool:
        """To the specialist who took it (after the commit; True), else kept for them."""
        staff = self.cases.staff if self.cases is not None else None
        if record.staff_id is not None and staff is not None:
            effects.append(lambda: staff.relay_to_staff(record, text[:MAX_QUESTION_CHARS]))
            return True
        await uow.cases.keep_pending(
            case.escalation_id, self.cipher.encrypt(text[:MAX_QUESTION_CHARS])
        )
        return False

    async def end(
        self,
        uow: UnitOfWork,
        key: str,
        now: datetime,
        effects: list[Effect],
        *,
        questions: bool = False,
    ) -> None:
        """The person left (/close, /stop, /start): their live chat case closes (and, with
        `questions`, their open questions too), and staff are told."""
        if self.cases is None:
            return
        for kind in (Kind.CHAT, Kind.QUESTION) if questions else (Kind.CHAT,):
            for _ in range(MAX_OPEN_CASES):
                found = await uow.cases.of_session(key, kind=kind)
                if found is None:
                    break
                _, record = found
                await uow.cases.close(record.id, now, Result.DONE)
                if self.cases.staff is not None:
                    effects.append(_person_closed(self.cases.staff, record))


def _person_closed(staff: StaffSide, record: EscalationRow) -> Effect:
    async def tell() -> None:
        await staff.person_closed(record)

    return tell
