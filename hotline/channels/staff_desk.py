"""The staff desk on Telegram: alerts about waiting work, Take / Done / Call back, chat relay.

Staff talk to the same bot as families; an update from a Telegram user who is on the staff
list comes here instead of to the family flow. Alerts are the durable timers of
escalations (a tick claims the due ones: each fires once); taking an escalation stops them.
Messages between a person and a specialist are relayed by the bot, as new messages with our
own mapping (StaffNotice: which staff message belongs to which case), never as Telegram
forwards, so neither side learns the other's name, account or number.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, Update

from hotline.catalog import Catalog
from hotline.channels.callbacks import CallbackCalls
from hotline.channels.telegram_outbox import TelegramOutbox
from hotline.crypto import DataCipher
from hotline.escalation.board import DutyBoard, DutySnapshot
from hotline.escalation.model import CaseRow, DueTimer, EscalationRow, Kind, Result
from hotline.escalation.policy import Audience, EscalationPolicy, alert_recipients, alert_stages
from hotline.escalation.ports import UnitsOfWork
from hotline.escalation.roster import Staff
from hotline.flows.engine import Languages
from hotline.messages import MessageId

log = logging.getLogger(__name__)

CLOSE_COMMAND = "/close"
_ACTIONS = ("take", "done", "call")


@dataclass(frozen=True)
class PersonSide:
    """How the desk reaches the person of a chat case on their channel."""

    send: Callable[[str, str], Awaitable[None]]  # (address, text)
    case_ended: Callable[[str, bool], Awaitable[object]]  # (session key, answered)
    leave_flow: Callable[[str], Awaitable[None]]  # (session key): an answer to a question came


def chat_ref(chat_id: int, key: bytes) -> str:
    """A keyed pseudonym of a staff chat id, to find notices without decrypting them."""
    digest = hmac.new(key, f"staff-chat:{chat_id}".encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


class StaffDesk:
    """Alerts staff and handles what they press and write."""

    def __init__(
        self,
        *,
        bot: Callable[[], Bot],
        outbox: TelegramOutbox,
        board: DutyBoard,
        units: UnitsOfWork,
        catalog: Catalog,
        languages: Languages,
        cipher: DataCipher,
        ref_key: bytes,
        policy: EscalationPolicy,
        clock: Callable[[], datetime],
        staff_chat_id: int | None = None,
        callbacks: CallbackCalls | None = None,
        people: Mapping[str, PersonSide] | None = None,
    ) -> None:
        self._bot = bot
        self.outbox = outbox
        self.board = board
        self._units = units
        self.catalog = catalog
        self.languages = languages
        self.cipher = cipher
        self.ref_key = ref_key
        self.policy = policy
        self.clock = clock
        self.staff_chat_id = staff_chat_id
        self.callbacks = callbacks
        self.people: dict[str, PersonSide] = dict(people or {})  # by channel

    # -- alerts ---------------------------------------------------------------------------

    async def tick(self) -> int:
        """Run every due alert once; returns how many fired."""
        async with self._units() as uow:
            fired = await uow.escalations.claim_due(self.clock())
        for due in fired:
            try:
                await self.alert(due)
            except Exception:
                # Claimed already: it will not fire again; the next stage still will.
                log.exception("alert %d of escalation %s failed", due.stage, due.escalation.id)
        return len(fired)

    async def alert(self, due: DueTimer) -> None:
        """Tell the right staff about waiting work, with a Take button."""
        now = self.clock()
        snapshot = await self.board.current()
        stage = alert_stages(self.policy)[due.stage]
        escalation = due.escalation
        targets: list[tuple[int, str]]
        if self.staff_chat_id is not None and stage.audience == Audience.ON_DUTY:
            targets = [(self.staff_chat_id, self.languages.default)]
        else:
            recipients = alert_recipients(
                snapshot.roster, now, escalation.language, stage.audience, snapshot.telegram.keys()
            )
            targets = [(snapshot.telegram[s], self._language_of(snapshot, s)) for s in recipients]
        if not targets:
            log.warning(
                "escalation %s (stage %d): nobody with Telegram to alert", escalation.id, due.stage
            )
            return
        minutes = max(1, int((now - escalation.started_at).total_seconds() // 60))
        for chat_id, language in targets:
            lines = []
            if stage.reminder:
                reminder = (
                    MessageId.STAFF_TO_SUPERVISOR
                    if stage.audience == Audience.SUPERVISORS
                    else MessageId.STAFF_STILL_WAITING
                )
                lines.append(self._say(language, reminder, minutes=minutes))
            lines.append(await self._describe(escalation, language))
            buttons = [[(self._say(language, MessageId.STAFF_TAKE), f"esc:take:{escalation.id}")]]
            self._send(chat_id, "\n\n".join(lines), buttons, escalation.id)
        async with self._units() as uow:
            await uow.escalations.count_attempt(escalation.id, len(targets))

    async def _describe(self, escalation: EscalationRow, language: str) -> str:
        if escalation.kind == Kind.CHAT:
            return self._say(
                language,
                MessageId.STAFF_CHAT_CASE,
                channel=escalation.channel,
                code=escalation.language,
            )
        if escalation.kind == Kind.QUESTION:
            return self._say(
                language,
                MessageId.STAFF_QUESTION,
                channel=escalation.channel,
                code=escalation.language,
            )
        async with self._units() as uow:
            task = await uow.tasks.get(escalation.id)
        if task is not None and task.kind == "voicemail":
            message = (
                MessageId.STAFF_VOICEMAIL if task.contact else MessageId.STAFF_VOICEMAIL_NO_NUMBER
            )
            return self._say(
                language, message, seconds=task.duration_s or 0, code=escalation.language
            )
        return self._say(language, MessageId.STAFF_CALLBACK, code=escalation.language)

    # -- what staff press and write -------------------------------------------------------

    async def handle(self, update: Update, staff: Staff) -> None:
        """An update from a staff member."""
        snapshot = await self.board.current()
        language = self._language_of(snapshot, staff.id)
        query = update.callback_query
        if query is not None:
            verb, _, escalation_id = (query.data or "").removeprefix("esc:").partition(":")
            note = ""
            if verb in _ACTIONS and query.message is not None:
                note = await self._pressed(
                    verb, escalation_id, staff, language, snapshot, query.message.chat.id
                )
            self.outbox.enqueue(
                query.message.chat.id if query.message else 0,
                lambda: query.answer(note or None, show_alert=bool(note)),
            )
            return
        message = update.message
        if message is None or message.text is None:
            return
        chat_id = message.chat.id
        replied = message.reply_to_message
        target: str | None = None
        async with self._units() as uow:  # reads only: one unit for the three
            if replied is not None:
                target = await uow.notices.escalation_of(
                    chat_ref(chat_id, self.ref_key), replied.message_id
                )
            if target is None:
                target = await uow.cases.latest_of(staff.id)
            found = await uow.cases.get(target) if target else None
        if found is None or found[0].closed_at is not None or found[1].staff_id != staff.id:
            self._send(chat_id, self._say(language, MessageId.STAFF_NO_CASE))
            return
        case, record = found
        side = self.people.get(record.channel)
        if side is None or case.address is None:
            return
        address = self.cipher.decrypt(case.address)
        person_language = record.language
        if message.text.strip().lower().split("@")[0] == CLOSE_COMMAND:
            await self._close_case(record, case, side, address)
            self._send(chat_id, self._say(language, MessageId.STAFF_CASE_CLOSED))
            return
        said = self._say(person_language, MessageId.CASE_SPECIALIST_SAYS)
        await side.send(address, f"{said}\n{message.text}")
        if record.kind == Kind.QUESTION:
            await side.leave_flow(case.session_key)  # their reply comes here, not to a menu

    async def _pressed(
        self,
        verb: str,
        escalation_id: str,
        staff: Staff,
        language: str,
        snapshot: DutySnapshot,
        chat_id: int,
    ) -> str:
        """Take, Done or Call back; returns a short note for the button's answer, if any."""
        async with self._units() as uow:
            record = await uow.escalations.get(escalation_id)
        if record is None:
            return self._say(language, MessageId.STAFF_TASK_CLOSED)
        now = self.clock()
        if verb == "take":
            async with self._units() as uow:
                holder = await uow.escalations.take(escalation_id, staff.id, now)
            if holder == "":
                return self._say(language, MessageId.STAFF_TASK_CLOSED)
            if holder is not None:
                person = snapshot.staff(holder)
                return self._say(
                    language, MessageId.STAFF_ALREADY_TAKEN, name=person.name if person else holder
                )
            await self._taken(record, staff, language, snapshot, chat_id)
            return ""
        if record.staff_id != staff.id or record.ended_at is not None:
            return self._say(language, MessageId.STAFF_TASK_CLOSED)
        if verb == "done" and record.kind == Kind.QUESTION:
            async with self._units() as uow:
                found = await uow.cases.get(escalation_id)
            side = self.people.get(record.channel)
            address = found[0].address if found is not None else None
            if found is not None and address is not None and side is not None:
                await self._close_case(record, found[0], side, self.cipher.decrypt(address))
            else:
                async with self._units() as uow:
                    await uow.cases.close(escalation_id, now, Result.DONE)
            await self._retire_notices(escalation_id, MessageId.STAFF_QUESTION_DONE)
            return ""
        if verb == "done":
            async with self._units() as uow:
                await uow.tasks.close(escalation_id, now, Result.DONE)
            await self._retire_notices(escalation_id, MessageId.STAFF_TASK_DONE)
            return ""
        phone = snapshot.phones.get(staff.id)
        if phone is None or self.callbacks is None:
            return self._say(language, MessageId.STAFF_NO_PHONE)
        async with self._units() as uow:
            task = await uow.tasks.get(escalation_id)
        if task is None or task.contact is None:
            return self._say(language, MessageId.STAFF_TASK_CLOSED)
        await self.callbacks.start(escalation_id, staff.id, phone)
        return self._say(language, MessageId.STAFF_CALLBACK_RINGING)

    async def _taken(
        self,
        record: EscalationRow,
        staff: Staff,
        language: str,
        snapshot: DutySnapshot,
        chat_id: int,
    ) -> None:
        """Someone took it: the others' buttons go, the taker gets what they need."""
        await self._retire_notices(record.id, MessageId.STAFF_TAKEN_BY, name=staff.name)
        own_chat = snapshot.telegram.get(staff.id, chat_id)
        if record.kind == Kind.QUESTION:
            await self._question_taken(record, language, own_chat)
            return
        if record.kind == Kind.CALLBACK:
            buttons = [
                [
                    (self._say(language, MessageId.STAFF_CALL_BACK), f"esc:call:{record.id}"),
                    (self._say(language, MessageId.STAFF_DONE), f"esc:done:{record.id}"),
                ]
            ]
            description = await self._describe(record, language)
            text = f"{description}\n\n{self._say(language, MessageId.STAFF_TAKEN_BY_YOU)}"
            self._send(own_chat, text, buttons, record.id)
            return
        async with self._units() as uow:
            found = await uow.cases.get(record.id)
        side = self.people.get(record.channel)
        if found is None or side is None:
            return
        case, _ = found
        if case.address is None:
            return
        self._send(own_chat, self._say(language, MessageId.STAFF_CASE_YOURS), None, record.id)
        await side.send(
            self.cipher.decrypt(case.address), self._say(record.language, MessageId.CASE_TAKEN)
        )
        await self._hand_over(record, language, own_chat)

    async def _hand_over(self, record: EscalationRow, language: str, own_chat: int) -> None:
        """What the person wrote before anyone took it goes to whoever did, and is forgotten."""
        header = self._say(language, MessageId.STAFF_CASE_FROM)
        async with self._units() as uow:
            pending = await uow.cases.take_pending(record.id)
        for kept in pending:
            self._send(own_chat, f"{header}\n{self.cipher.decrypt(kept)}", None, record.id)

    async def _question_taken(self, record: EscalationRow, language: str, own_chat: int) -> None:
        """The specialist who took a question reads it, with what was added since; their
        replies to it go back to the person."""
        async with self._units() as uow:
            question = await uow.cases.question(record.id)
        header = self._say(language, MessageId.STAFF_CASE_FROM)
        replies = record.channel in self.people
        hint = MessageId.STAFF_QUESTION_YOURS if replies else MessageId.STAFF_QUESTION_NO_REPLY
        lines = [await self._describe(record, language)]
        if question is not None:
            lines.append(f"{header}\n{self.cipher.decrypt(question)}")
        lines.append(self._say(language, hint))
        buttons = [[(self._say(language, MessageId.STAFF_DONE), f"esc:done:{record.id}")]]
        self._send(own_chat, "\n\n".join(lines), buttons, record.id)
        await self._hand_over(record, language, own_chat)

    async def _close_case(
        self, record: EscalationRow, case: CaseRow, side: PersonSide, address: str
    ) -> None:
        """A specialist ends a conversation or a question: the person is told, and what
        was kept of it (their address, texts, the question) is deleted."""
        async with self._units() as uow:
            await uow.cases.close(record.id, self.clock(), Result.DONE)
        await side.send(address, self._say(record.language, MessageId.CASE_CLOSED))
        if record.kind == Kind.CHAT:  # the chat's session waits on the case: move it on
            await side.case_ended(case.session_key, True)

    async def relay_to_staff(self, record: EscalationRow, text: str) -> None:
        """A person's message in a taken case goes to the specialist who has it."""
        snapshot = await self.board.current()
        if record.staff_id is None or record.staff_id not in snapshot.telegram:
            return
        language = self._language_of(snapshot, record.staff_id)
        header = self._say(language, MessageId.STAFF_CASE_FROM)
        self._send(snapshot.telegram[record.staff_id], f"{header}\n{text}", None, record.id)

    async def person_closed(self, record: EscalationRow) -> None:
        """The person ended a case: the specialist (or the alerted staff) are told."""
        snapshot = await self.board.current()
        if record.staff_id is not None and record.staff_id in snapshot.telegram:
            language = self._language_of(snapshot, record.staff_id)
            text = self._say(language, MessageId.STAFF_CASE_CLOSED_BY_PERSON)
            self._send(snapshot.telegram[record.staff_id], text)
            return
        await self._retire_notices(record.id, MessageId.STAFF_CASE_CLOSED_BY_PERSON)

    # -- sending --------------------------------------------------------------------------

    def _send(
        self,
        chat_id: int,
        text: str,
        buttons: list[list[tuple[str, str]]] | None = None,
        escalation_id: str | None = None,
    ) -> None:
        """Queue a message; with an escalation, remember it (replies and button removal)."""
        markup = (
            InlineKeyboardMarkup(
                [
                    [InlineKeyboardButton(label, callback_data=data) for label, data in row]
                    for row in buttons
                ]
            )
            if buttons
            else None
        )

        async def send() -> Any:
            sent = await self._bot().send_message(chat_id=chat_id, text=text, reply_markup=markup)
            if escalation_id is not None:
                async with self._units() as uow:
                    await uow.notices.add(
                        escalation_id,
                        chat=self.cipher.encrypt(str(chat_id)),
                        chat_ref=chat_ref(chat_id, self.ref_key),
                        message_id=sent.message_id,
                        now=self.clock(),
                    )
            return sent

        self.outbox.enqueue(chat_id, send)

    async def _retire_notices(
        self, escalation_id: str, message: MessageId, **args: str | int
    ) -> None:
        """Take the buttons off every message about an escalation, saying why, in the
        language of whoever got it (the deployment's in a staff group)."""
        snapshot = await self.board.current()
        async with self._units() as uow:
            notices = await uow.notices.of_escalation(escalation_id)
        for notice in notices:
            chat_id = int(self.cipher.decrypt(notice.chat))
            person = snapshot.by_telegram(chat_id)  # a private chat's id is the user's
            language = self._language_of(snapshot, person.id) if person else self.languages.default
            note = self._say(language, message, **args)
            self.outbox.enqueue(chat_id, self._retire(chat_id, notice.message_id, note))

    def _retire(self, chat_id: int, message_id: int, note: str) -> Callable[[], Awaitable[Any]]:
        async def retire() -> None:
            await self._bot().edit_message_reply_markup(
                chat_id=chat_id, message_id=message_id, reply_markup=None
            )
            await self._bot().send_message(
                chat_id=chat_id, text=note, reply_to_message_id=message_id
            )

        return retire

    def _language_of(self, snapshot: DutySnapshot, staff_id: str) -> str:
        person = snapshot.staff(staff_id)
        known = [
            lang for lang in (person.languages if person else ()) if lang in self.catalog.languages
        ]
        return known[0] if known else self.languages.default

    def _say(self, language: str, message: MessageId, **args: str | int) -> str:
        return self.catalog.format(language, message, dict(args))


def staff_of(snapshot: DutySnapshot, update: Update) -> Staff | None:
    """The staff member an update comes from, if it comes from one."""
    user = update.effective_user
    return snapshot.by_telegram(user.id) if user is not None else None
