"""Check-ins in a chat: the conversation the dispatcher opens, the answer that continues it
(even after that conversation was closed as idle: a later day still counts), and telling
`CheckinAnswers` what the answer was. Mixed into `ChatConversations`."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Literal

from hotline.catalog import Catalog
from hotline.conversations.chat_events import chat_event
from hotline.conversations.chat_render import render_chat
from hotline.conversations.chat_types import ChatCases, ChatInput, ChatReply, Subscriber
from hotline.conversations.checkin import ORIGIN, CheckinAnswers, answer_of, origin_of
from hotline.escalation.board import DutySnapshot
from hotline.escalation.model import Kind
from hotline.escalation.ports import NewSession, StoredSession, UnitOfWork
from hotline.flows import engine
from hotline.flows.events import CallStarted, DigitsReceived
from hotline.flows.model import Flow, MenuNode
from hotline.flows.state import SessionState

__all__ = ["ANSWER_KEEP", "CheckinChat"]

log = logging.getLogger(__name__)

ANSWER_KEEP = timedelta(days=14)  # an answer this long after a check-in still belongs to it


class CheckinChat:
    """The check-in part of the chat conversation service."""

    channel: str
    flow: Flow
    flows: Mapping[str, Flow]
    catalog: Catalog
    cases: ChatCases | None
    checkins: CheckinAnswers | None

    async def _close(
        self, uow: UnitOfWork, live: StoredSession, now: datetime, *, crisis: bool = False
    ) -> None:
        raise NotImplementedError

    async def _advance(
        self,
        uow: UnitOfWork,
        live: StoredSession,
        who: Subscriber,
        given: ChatInput,
        now: datetime,
        snapshot: DutySnapshot | None = None,
    ) -> ChatReply:
        raise NotImplementedError

    async def start_outbound(
        self,
        uow: UnitOfWork,
        who: Subscriber,
        flow_id: str,
        language: str,
        origin: int,
        now: datetime,
    ) -> ChatReply | Literal["busy", "opted-out"]:
        """A conversation the hotline begins (a check-in), in the dispatcher's unit of work:
        its first messages; "busy" while the person is in a case with a specialist (try
        later), "opted-out" when they asked for silence on this channel. A menu left open
        is closed; the conversation carries `origin`, the planned message it answers."""
        key = f"{self.channel}:{who.pseudonym}"
        if await uow.chats.opted_out(who.pseudonym):
            return "opted-out"
        stored = await uow.sessions.load(key)
        if stored is not None and not stored.ended:
            if self.cases is not None and await uow.cases.of_session(key, kind=Kind.CHAT):
                return "busy"
            await self._close(uow, stored, now)
        if stored is not None:
            await uow.sessions.drop_ended(key)
        step = engine.start(
            self.flows[flow_id],
            CallStarted(language=language),
            languages=engine.Languages(language, (language,)),
            now=now,
        )
        state = replace(step.state, variables=(*step.state.variables, (ORIGIN, str(origin))))
        await uow.answers.opened(origin, key)
        await self._open_session(uow, key, who, flow_id, language, state, now)
        return ChatReply(render_chat(self.catalog, step.actions), 1, language)

    def _flow(self, state: SessionState) -> Flow:
        """The flow a conversation runs: the channel's, or the one that began it (a check-in)."""
        return self.flows.get(state.flow_id, self.flow)

    async def _answered(
        self,
        uow: UnitOfWork,
        before: SessionState,
        after: SessionState,
        snapshot: DutySnapshot | None,
        now: datetime,
    ) -> None:
        """A check-in's answer, the step it is given: told to whoever acts on it."""
        origin = origin_of(after.variables)
        answer = answer_of(after.path)
        if origin is None or answer is None or answer == answer_of(before.path):
            return
        if self.checkins is None or snapshot is None:
            log.warning("a check-in was answered with nobody to act on it")
            return
        await self.checkins.answered(uow, origin, answer, snapshot, now)

    async def _resume_checkin(
        self,
        uow: UnitOfWork,
        key: str,
        who: Subscriber,
        given: ChatInput,
        now: datetime,
        snapshot: DutySnapshot | None,
    ) -> ChatReply | None:
        """An answer to a check-in whose conversation was closed meanwhile (it waited too
        long): opened again and answered, when what they sent is one of its choices."""
        if given.kind not in ("text", "choice"):
            return None
        pending = await uow.answers.pending(key, now - ANSWER_KEEP)
        flow = self.flows.get(pending.message.flow or "") if pending is not None else None
        if pending is None or flow is None:
            return None
        language = pending.message.language
        step = engine.start(
            flow,
            CallStarted(language=language),
            languages=engine.Languages(language, (language,)),
            now=now,
        )
        menu = flow.nodes.get(step.state.node_id)
        event = chat_event(flow, None, given, step.state)
        if not (isinstance(menu, MenuNode) and isinstance(event, DigitsReceived)):
            return None
        if event.digits not in menu.options:
            return None  # not an answer: the person is writing about something else
        origin = (ORIGIN, str(pending.id))
        state = replace(step.state, variables=(*step.state.variables, origin))
        await self._open_session(uow, key, who, flow.id, language, state, now)
        live = await uow.sessions.load(key)
        if live is None:  # created just now, in this transaction
            raise RuntimeError("a check-in's conversation could not be read back")
        return await self._advance(uow, live, who, replace(given, seq=live.seq), now, snapshot)

    async def _open_session(
        self,
        uow: UnitOfWork,
        key: str,
        who: Subscriber,
        flow_id: str,
        language: str,
        state: SessionState,
        now: datetime,
    ) -> None:
        await uow.sessions.create(
            NewSession(
                key=key,
                channel=self.channel,
                flow=flow_id,
                caller=who.pseudonym,
                started_at=now,
                language=language,
                state=state.to_json(),
                response="",
            )
        )
