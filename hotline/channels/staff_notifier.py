"""Staff on Telegram: alerts with a Take button, the buttons taken away, what a taker needs.

The escalation service decides who is told what; this module words it in each reader's
language and writes it to the durable outbox (`telegram_sends`), where it is kept until
sent. Every message about an escalation is remembered once sent (`NoticeBook`): its
buttons can be taken away later, and a reply to it reaches its case. Messages between a
person and a specialist are new messages from the bot, never forwards, so neither side
learns the other's name, account or number.
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Collection

from telegram import Bot

from hotline.catalog import Catalog
from hotline.channels.staff_caseload import caseload_text
from hotline.channels.telegram_outbox import TelegramOutbox
from hotline.channels.telegram_sends import Buttons, Outgoing, TelegramSends
from hotline.crypto import DataCipher
from hotline.escalation.board import DutyBoard, DutySnapshot
from hotline.escalation.caseload import Caseload
from hotline.escalation.model import Kind
from hotline.escalation.notices import NoticeBook
from hotline.escalation.policy import Audience
from hotline.escalation.queue import can_call_back
from hotline.escalation.reach import Alert, Assignment, StaffNote
from hotline.flows.engine import Languages
from hotline.messages import MessageId
from hotline.observe import metrics


def chat_ref(chat_id: int, key: bytes) -> str:
    """A keyed pseudonym of a staff chat id, to find notices without decrypting them."""
    digest = hmac.new(key, f"staff-chat:{chat_id}".encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


class TelegramStaffNotifier:
    """The escalation service's notifier on Telegram (`escalation.reach.StaffNotifier`)."""

    channel = "telegram"

    def __init__(
        self,
        *,
        bot: Callable[[], Bot],
        outbox: TelegramOutbox,
        sends: TelegramSends,
        board: DutyBoard,
        notices: NoticeBook,
        catalog: Catalog,
        languages: Languages,
        cipher: DataCipher,
        ref_key: bytes,
        staff_chat_id: int | None = None,
    ) -> None:
        self._bot = bot
        self.outbox = outbox  # the answers to buttons pressed (`StaffDesk`)
        self.sends = sends
        sends.on_notice = self._noticed
        self.board = board
        self.notices = notices
        self.catalog = catalog
        self.languages = languages
        self.cipher = cipher
        self.ref_key = ref_key
        self.staff_chat_id = staff_chat_id

    # -- the StaffNotifier protocol -------------------------------------------------------

    def reaches(self, snapshot: DutySnapshot) -> Collection[str]:
        """Staff with a Telegram account on the list."""
        return snapshot.telegram.keys()

    async def alert(self, alert: Alert) -> tuple[str | None, ...]:
        """An alert with a Take button to each recipient, or to the staff group if there is
        one and the alert is for whoever is on duty."""
        snapshot = await self.board.current()
        targets: list[tuple[int, str]]
        told: tuple[str | None, ...]
        if self.staff_chat_id is not None and alert.audience == Audience.ON_DUTY:
            targets = [(self.staff_chat_id, self.languages.default)]
            told = (None,)
        else:
            targets = [
                (snapshot.telegram[s], self.language_of(snapshot, s)) for s in alert.recipients
            ]
            told = tuple(alert.recipients)
        for chat_id, language in targets:
            text = "\n\n".join(self.word(language, line) for line in alert.lines)
            take = self.word(language, StaffNote.of(MessageId.STAFF_TAKE))
            await self.send(
                chat_id, text, [[(take, f"esc:take:{alert.escalation_id}")]], alert.escalation_id
            )
        metrics.alerts_sent(self.channel, alert.audience.name.lower(), len(targets))
        return told

    async def retire(self, escalation_id: str, why: StaffNote) -> None:
        """Take the buttons off every message about an escalation, saying why, in the
        language of whoever got it (the deployment's in a staff group)."""
        snapshot = await self.board.current()
        for notice in await self.notices.of_escalation(escalation_id):
            chat_id = int(self.cipher.decrypt(notice.chat))
            person = snapshot.by_telegram(chat_id)  # a private chat's id is the user's
            language = self.language_of(snapshot, person.id) if person else self.languages.default
            note = self.word(language, why)
            await self.sends.put(
                chat_id,
                [Outgoing(unbutton=notice.message_id), Outgoing(note, reply_to=notice.message_id)],
            )

    async def relay(self, staff_id: str, escalation_id: str, text: str) -> bool:
        """A person's message in a taken case, to the specialist who has it."""
        snapshot = await self.board.current()
        if staff_id not in snapshot.telegram:
            return False
        header = self.word(
            self.language_of(snapshot, staff_id), StaffNote.of(MessageId.STAFF_CASE_FROM)
        )
        await self.send(snapshot.telegram[staff_id], f"{header}\n{text}", None, escalation_id)
        return True

    async def tell(self, staff_id: str, note: StaffNote) -> bool:
        """A note to one staff member's own chat."""
        snapshot = await self.board.current()
        if staff_id not in snapshot.telegram:
            return False
        await self.send(
            snapshot.telegram[staff_id], self.word(self.language_of(snapshot, staff_id), note)
        )
        return True

    # -- what the taker of an escalation gets ---------------------------------------------

    async def assign(self, chat_id: int, language: str, assignment: Assignment) -> None:
        """Send the taker what they need: a callback with Call back / Done, a question with
        its text and Done, or a chat case; then whatever the person wrote meanwhile."""
        record = assignment.escalation

        def say(message: MessageId) -> str:
            return self.word(language, StaffNote.of(message))

        done = (say(MessageId.STAFF_DONE), f"esc:done:{record.id}")
        description = self.word(language, assignment.description)
        if assignment.kind == Kind.TASK:
            text = f"{description}\n\n{say(MessageId.STAFF_TAKEN_BY_YOU)}"
            await self.send(chat_id, text, [[done]], record.id)
            return
        if assignment.kind == Kind.CALLBACK:
            call = (say(MessageId.STAFF_CALL_BACK), f"esc:call:{record.id}")
            buttons = [call, done] if can_call_back(record.kind, assignment.description) else [done]
            text = f"{description}\n\n{say(MessageId.STAFF_TAKEN_BY_YOU)}"
            await self.send(chat_id, text, [buttons], record.id)
            return
        header = say(MessageId.STAFF_CASE_FROM)
        if assignment.kind == Kind.QUESTION:
            lines = [description]
            if assignment.question is not None:
                lines.append(f"{header}\n{assignment.question}")
            hint = (
                MessageId.STAFF_QUESTION_YOURS
                if assignment.replies_reach_person
                else MessageId.STAFF_QUESTION_NO_REPLY
            )
            lines.append(say(hint))
            await self.send(chat_id, "\n\n".join(lines), [[done]], record.id)
        else:
            await self.send(chat_id, say(MessageId.STAFF_CASE_YOURS), None, record.id)
        for kept in assignment.earlier:
            await self.send(chat_id, f"{header}\n{kept}", None, record.id)

    # -- wording and sending --------------------------------------------------------------

    def caseload(self, language: str, caseload: Caseload) -> str:
        """A specialist's own list (`/mine`) in their language, as one message."""
        return caseload_text(lambda note: self.word(language, note), caseload)

    def word(self, language: str, note: StaffNote) -> str:
        """A note in a language."""
        return self.catalog.format(language, note.message, dict(note.args))

    def language_of(self, snapshot: DutySnapshot, staff_id: str) -> str:
        """The first language of a staff member that the catalogue has."""
        person = snapshot.staff(staff_id)
        known = [
            lang for lang in (person.languages if person else ()) if lang in self.catalog.languages
        ]
        return known[0] if known else self.languages.default

    async def send(
        self,
        chat_id: int,
        text: str,
        buttons: Buttons | None = None,
        escalation_id: str | None = None,
    ) -> None:
        """Write a message to the outbox; with an escalation, it is remembered once sent
        (for replies to it and for taking its buttons off)."""
        await self.sends.put(chat_id, [Outgoing(text, buttons, notice=escalation_id)])

    async def _noticed(self, escalation_id: str, chat_id: int, message_id: int) -> None:
        await self.notices.remember(
            escalation_id,
            chat=self.cipher.encrypt(str(chat_id)),
            chat_ref=chat_ref(chat_id, self.ref_key),
            message_id=message_id,
        )
