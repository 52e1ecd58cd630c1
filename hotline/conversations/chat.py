"""Conversations on chat channels (Telegram, SMS): one inbound message moves the flow once.

The channels parse what arrives into a ChatInput and send what comes back; everything in
between is here and shared: deduplication, opt-out, sessions in the database (so any server
process can take the next message), the flow step, questions filed for a specialist, and
the anonymous log. Each inbound message is one transaction: if anything fails, nothing of it
is kept, and the service's redelivery is handled as the first delivery.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import replace
from datetime import datetime

from hotline.call_log import summarise
from hotline.catalog import Catalog
from hotline.conversations.chat_cases import ChatCaseWork
from hotline.conversations.chat_checkins import CheckinChat
from hotline.conversations.chat_events import chat_event
from hotline.conversations.chat_render import ChatMessage, render_chat
from hotline.conversations.chat_types import (
    MAX_QUESTION_CHARS,
    ChatCases,
    ChatInput,
    ChatReply,
    ChatTexts,
    Effect,
    Enrolment,
    Subscriber,
)
from hotline.conversations.checkin import CheckinAnswers
from hotline.conversations.crisis import CrisisWords
from hotline.conversations.directory_talk import DirectoryTalk
from hotline.crypto import DataCipher
from hotline.escalation.board import DutySnapshot
from hotline.escalation.model import CRISIS, Kind
from hotline.escalation.ports import (
    LogSummary,
    NewSession,
    SessionTaken,
    StoredSession,
    UnitOfWork,
    UnitsOfWork,
)
from hotline.flows import engine
from hotline.flows.actions import RememberChoice, RememberLanguage
from hotline.flows.choosing import NO_CHOICES, REGION
from hotline.flows.events import (
    CallStarted,
    EscalationEnded,
    RecordingSaved,
)
from hotline.flows.model import Flow, LanguageMenuNode
from hotline.flows.state import Outcome, SessionState
from hotline.messages import MessageId

log = logging.getLogger(__name__)
Keep = Callable[[UnitOfWork, ChatReply], Awaitable[None]]  # the reply, in the step's unit


class ChatConversations(CheckinChat):
    """Runs one flow as chat for one channel."""

    def __init__(
        self,
        *,
        channel: str,
        flow: Flow,
        units: UnitsOfWork,
        catalog: Catalog,
        languages: engine.Languages,
        cipher: DataCipher,
        texts: ChatTexts,
        clock: Callable[[], datetime],
        cases: ChatCases | None = None,
        crisis: CrisisWords | None = None,
        enrol: Enrolment | None = None,
        flows: Mapping[str, Flow] | None = None,
        checkins: CheckinAnswers | None = None,
        talk: DirectoryTalk | None = None,
    ) -> None:
        self.talk = talk
        self.cases = cases
        self.flows = flows or {flow.id: flow}  # a conversation may run another flow (a check-in)
        self.checkins = checkins
        self.crisis = crisis
        self.enrol = enrol
        self.channel = channel
        self.flow = flow
        self._units = units
        self.catalog = catalog
        self.languages = languages
        self.cipher = cipher
        self.texts = texts
        self.clock = clock
        self.work = ChatCaseWork(
            channel=channel, cases=cases, cipher=cipher, say=self._say, help_text=texts.help
        )
        self._language_node = next(
            (n.id for n in flow.nodes.values() if isinstance(n, LanguageMenuNode) and n.always),
            None,
        )

    async def handle(
        self,
        who: Subscriber,
        given: ChatInput,
        delivery_id: str | None = None,
        keep: Keep | None = None,
    ) -> ChatReply:
        """Handle one inbound message and return what to answer; `keep` is given the reply
        inside the step's transaction (the Telegram outbox writes it there)."""
        # Read before the transaction: SQLite has one connection, which the unit holds.
        snapshot = await self.cases.board.current() if self.cases else None
        if snapshot is None and self.checkins is not None:
            snapshot = await self.checkins.snapshot()
        effects: list[Effect] = []
        try:
            reply = await self._handle(who, given, delivery_id, snapshot, effects, keep)
        except SessionTaken:
            # Two messages from one person at once (two processes): both began a conversation
            # and the other one's is stored. Nothing of this one was kept: go again, into it.
            effects.clear()
            reply = await self._handle(who, given, delivery_id, snapshot, effects, keep)
        for effect in effects:  # after the commit: staff are told of what is stored
            try:
                await effect()
            except Exception:
                log.exception("a message to staff could not be queued")
        return reply

    async def _handle(
        self,
        who: Subscriber,
        given: ChatInput,
        delivery_id: str | None,
        snapshot: DutySnapshot | None,
        effects: list[Effect],
        keep: Keep | None = None,
    ) -> ChatReply:
        now = self.clock()
        key = f"{self.channel}:{who.pseudonym}"
        async with self._units() as uow:
            reply = await self._decide(uow, key, who, given, delivery_id, now, snapshot, effects)
            if keep is not None and not reply.duplicate:
                await keep(uow, reply)  # the replies commit with the step, or neither does
            return reply

    async def _decide(
        self,
        uow: UnitOfWork,
        key: str,
        who: Subscriber,
        given: ChatInput,
        delivery_id: str | None,
        now: datetime,
        snapshot: DutySnapshot | None,
        effects: list[Effect],
    ) -> ChatReply:
        if delivery_id is not None and not await uow.chats.first_delivery(
            self.channel, delivery_id, now
        ):
            return ChatReply((), 0, self.languages.default, duplicate=True)
        standing = await uow.chats.standing(key, who.pseudonym)
        stored = standing.session
        live = stored if stored is not None and not stored.ended else None
        # Only a new conversation needs the language chosen last time.
        remembered = None if live else standing.language
        language, known = self._language(live, who, remembered)

        if given.kind == "stop" or (given.kind == "start" and live is not None):
            # /stop ends every conversation with staff; /start only a live chat (a
            # question left earlier stays with staff, to be answered here).
            await self.work.end(uow, key, now, effects, questions=given.kind == "stop")
        opted_out = standing.opted_out
        crisis = self.crisis.languages(given.text) if self.crisis and given.kind == "text" else []
        if crisis:  # answered even after STOP: it answers their own words
            if not known:  # in the language they wrote in, if we can tell and speak it
                hint = who.language_hint
                spoken = [c for c in crisis if c in self.languages.offered]
                language = hint if hint in spoken else next(iter(spoken), language)
            return await self._crisis(
                uow, key, stored, who, given, language, now, snapshot, effects
            )
        if given.kind == "stop":
            if live is not None:
                await self._close(uow, live, now)
            # Confirmed the first time only: each SMS costs, and a repeat annoys.
            if opted_out or not await uow.chats.opt_out(who.pseudonym, self.channel, now):
                return ChatReply((), 0, language, ended=True)
            return ChatReply(
                (ChatMessage(self._say(language, self.texts.stopped)),), 0, language, ended=True
            )
        if opted_out:
            if given.kind == "help":  # carriers expect HELP to answer, even opted out
                return ChatReply((ChatMessage(self._say(language, self.texts.help)),), 0, language)
            if given.kind != "start":
                return ChatReply((), 0, language)  # they asked for silence
            await uow.chats.opt_in(who.pseudonym)
        if given.kind == "start" and live is not None:
            await self._close(uow, live, now)
            live = None
        notice = None
        if given.kind == "start" and given.text and self.enrol is not None:
            # An enrolment link: the participants service links the chat and spends
            # the token in this unit, so a redelivered update cannot spend it twice.
            enrolled = await self.enrol(uow, given.text, who.address, now)
            if enrolled is not None:
                welcome = ChatMessage(self._say(enrolled, MessageId.ENROL_WELCOME))
                return ChatReply((welcome,), 0, enrolled)
            notice = MessageId.ENROL_LINK_INVALID  # then the menu, as any /start
        if live is None:
            if self.cases is not None and given.kind in ("text", "close"):
                # Written after a question was left: it goes with the question.
                question = await uow.cases.of_session(key, kind=Kind.QUESTION)
                if question is not None:
                    return await self.work.follow_up(uow, key, question, given, now, effects)
            if stored is not None:
                await uow.sessions.drop_ended(key)
            resumed = await self._resume_checkin(uow, key, who, given, now, snapshot)
            if resumed is not None:
                return resumed
            reply = await self._begin(uow, key, who, given, language if known else None, now)
            if notice is not None:
                told = ChatMessage(self._say(reply.language, notice))
                reply = replace(reply, messages=(told, *reply.messages))
            return reply
        if self.cases is not None and standing.chat_case is not None:
            case = await uow.cases.get(standing.chat_case)  # none of this step closed it
            if case is not None:
                return await self.work.in_case(
                    uow, live, case, given, now, effects, self.case_ended
                )
        return await self._advance(uow, live, who, given, now, snapshot)

    async def _crisis(
        self,
        uow: UnitOfWork,
        key: str,
        stored: StoredSession | None,
        who: Subscriber,
        given: ChatInput,
        language: str,
        now: datetime,
        snapshot: DutySnapshot | None,
        effects: list[Effect],
    ) -> ChatReply:
        """Words of crisis: the emergency number at once, and staff alerted ahead of all
        else (`ChatCaseWork.crisis`). Outside a live chat case the menu is closed, so that
        what the person writes next goes to whoever takes it, not to a menu."""
        log.warning("words of crisis on %s: urgent escalation opened", self.channel)
        live = stored if stored is not None and not stored.ended else None
        if live is None:  # a conversation (and a call log row) for the escalation to belong to
            if stored is not None:
                await uow.sessions.drop_ended(key)
            await self._begin(uow, key, who, given, language, now)
            live = await uow.sessions.load(key)
            if live is None:  # created just now, in this transaction
                raise RuntimeError("a new chat session could not be read back")
        await self.work.crisis(uow, live, who, given.text, now, snapshot, effects)
        closed = self.cases is not None and await uow.cases.of_session(key, kind=Kind.CHAT) is None
        if closed:
            await self._close(uow, live, now, crisis=True)
        reply = ChatMessage(self._say(language, MessageId.CRISIS_REPLY))
        return ChatReply((reply,), live.seq, language, ended=closed)

    async def _begin(
        self,
        uow: UnitOfWork,
        key: str,
        who: Subscriber,
        given: ChatInput,
        language: str | None,
        now: datetime,
    ) -> ChatReply:
        """A new conversation; `language` when known (remembered, or the app's), else asked."""
        region = await uow.asks.recall_region(who.pseudonym) if self.talk else None
        step = engine.start(
            self.flow,
            CallStarted(language=language, remembered=((REGION, region),) if region else ()),
            languages=self.languages,
            now=now,
            callbacks=self.work.callbacks,
        )
        await uow.sessions.create(
            NewSession(
                key=key,
                channel=self.channel,
                flow=self.flow.id,
                caller=who.pseudonym,
                started_at=now,
                language=step.state.language,
                state=step.state.to_json(),
                response="",
                simulated=who.simulated,
            )
        )
        messages = render_chat(self.catalog, step.actions)
        if given.kind == "help":
            messages = (ChatMessage(self._say(step.state.language, self.texts.help)), *messages)
        return ChatReply(messages, 1, step.state.language)

    async def _advance(
        self,
        uow: UnitOfWork,
        live: StoredSession,
        who: Subscriber,
        given: ChatInput,
        now: datetime,
        snapshot: DutySnapshot | None = None,
    ) -> ChatReply:
        state = SessionState.from_json(live.state)
        if given.kind == "choice" and given.seq != live.seq:
            return ChatReply((), live.seq, state.language, stale=True)
        flow = self._flow(state)
        language_node = self._language_node if flow is self.flow else None
        event = chat_event(flow, language_node, given, state)
        staffing = self.work.staffing(snapshot, now)
        choices = NO_CHOICES
        if self.talk is not None:
            choices = await self.talk.choices(self.languages.offered, uow)
        step = engine.advance(
            flow,
            state,
            event,
            languages=self.languages,
            now=now,
            staffing=staffing,
            choices=choices,
        )
        if self.talk is not None:
            said = await self.talk.for_chat(step.actions, self.channel, uow)
            step = engine.Step(step.state, said)
        await self.work.escalated(uow, live, step, who, now, snapshot)
        if not await uow.sessions.advance(live, step.state.to_json(), "", now):
            return ChatReply((), live.seq, state.language, stale=True)  # another process won
        await self._answered(uow, state, step.state, snapshot, now)
        if isinstance(event, RecordingSaved):
            filed = await self.work.file_question(uow, live, who, state.language, now, snapshot)
            await uow.cases.add_question(
                log_id=live.log_id,
                channel=self.channel,
                language=state.language,
                reply_to=self.cipher.encrypt(who.address),
                text=self.cipher.encrypt(given.text[:MAX_QUESTION_CHARS]),
                now=now,
                question_id=filed,
            )
        for action in step.actions:
            if isinstance(action, RememberLanguage):
                await uow.sessions.remember_language(live, action.language, now)
            elif isinstance(action, RememberChoice) and action.name == REGION:
                await uow.asks.remember_region(live.log_id, action.value, now)
        if step.state.finished:
            duration = int((now - step.state.started_at).total_seconds())
            await uow.sessions.finish(live, summarise(step.state), now, duration)
        messages = render_chat(self.catalog, step.actions)
        if given.kind == "help":
            messages = (ChatMessage(self._say(step.state.language, self.texts.help)), *messages)
        return ChatReply(messages, live.seq + 1, step.state.language, ended=step.state.finished)

    async def case_ended(self, key: str, answered: bool, uow: UnitOfWork | None = None) -> bool:
        """A case is over: the conversation moves on past the escalation, silently (the
        closing words are said by whoever closed it). Returns whether it ended."""
        if uow is None:
            async with self._units() as own:
                return await self.case_ended(key, answered, uow=own)
        live = await uow.sessions.load(key)
        if live is None or live.ended:
            return True
        state = SessionState.from_json(live.state)
        now = self.clock()
        step = engine.advance(
            self._flow(state),
            state,
            EscalationEnded(answered=answered),
            languages=self.languages,
            now=now,
        )
        await uow.sessions.advance(live, step.state.to_json(), "", now)
        if step.state.finished:
            duration = int((now - step.state.started_at).total_seconds())
            await uow.sessions.finish(live, summarise(step.state), now, duration)
        return step.state.finished

    async def leave_flow(self, key: str) -> None:
        """A specialist answered a question: a menu the person opened since is closed, so
        that what they write next goes to the specialist (a live chat case is left alone)."""
        async with self._units() as uow:
            live = await uow.sessions.load(key)
            if live is None or live.ended:
                return
            if self.cases is not None and await uow.cases.of_session(key, kind=Kind.CHAT):
                return
            await self._close(uow, live, self.clock())

    async def first_time(self, channel: str, key: str) -> bool:
        """Mark `key` as seen on `channel`; False when it was, within DELIVERY_MEMORY."""
        async with self._units() as uow:
            return await uow.chats.first_delivery(channel, key, self.clock())

    async def nearest(
        self, who: Subscriber, latitude: float, longitude: float, delivery_id: str
    ) -> tuple[ChatMessage, ...]:
        """A shared location: the services nearest to it as cards, in the conversation's
        language; the place is used for this answer only (kept nowhere, counted as one
        ask). The conversation stays where it was."""
        if self.talk is None:
            return ()
        async with self._units() as uow:
            if not await uow.chats.first_delivery(self.channel, delivery_id, self.clock()):
                return ()
            live = await uow.sessions.load(f"{self.channel}:{who.pseudonym}")
            live = live if live is not None and not live.ended else None
            remembered = None if live else await uow.sessions.recall_language(who.pseudonym)
        language, _ = self._language(live, who, remembered)
        cards = await self.talk.nearest(latitude, longitude, language, self.channel)
        return render_chat(self.catalog, cards)

    async def _close(
        self, uow: UnitOfWork, live: StoredSession, now: datetime, *, crisis: bool = False
    ) -> None:
        state = SessionState.from_json(live.state)
        duration = int((now - state.started_at).total_seconds())
        summary = summarise(state)
        if crisis:  # counted, anonymously: the path says it, the outcome is an escalation
            summary = LogSummary(Outcome.ESCALATED.value, [*summary.path, CRISIS], summary.language)
        await uow.sessions.finish(live, summary, now, duration)

    def _language(
        self, live: StoredSession | None, who: Subscriber, remembered: str | None
    ) -> tuple[str, bool]:
        """The language to answer in, and whether it is known (else the menu asks)."""
        if live is not None:
            return SessionState.from_json(live.state).language, True
        for candidate in (remembered, who.language_hint):
            if candidate is not None and candidate in self.languages.offered:
                return candidate, True
        return self.languages.default, False

    def _say(self, language: str, message: MessageId) -> str:
        return self.catalog.format(language, message)
