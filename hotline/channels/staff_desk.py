"""The staff desk on Telegram: what staff press and write, parsed and passed to the escalation
service, and its answer shown.

Staff talk to the same bot as families; an update from a Telegram user who is on the staff
list comes here instead of to the family flow. Buttons carry `esc:<verb>:<escalation id>`;
a text is for the case of the message it replies to, else the writer's latest case;
`/close` ends that case; `/mine` shows a specialist's own list (their open work and their
participants); `/help` lists these commands. Whoever takes a voicemail gets its recording
(`voicemail_audio`). The rules (who may take, what Done closes,
when a callback rings) are the escalation service's; the words are the notifier's.
"""

from __future__ import annotations

from telegram import Update

from hotline.channels.staff_notifier import TelegramStaffNotifier, chat_ref
from hotline.channels.voicemail_audio import VoicemailAudio
from hotline.escalation.board import DutyBoard, DutySnapshot
from hotline.escalation.case_chat import CaseLines
from hotline.escalation.model import Kind
from hotline.escalation.reach import Assignment, StaffNote
from hotline.escalation.roster import Staff
from hotline.escalation.service import EscalationService
from hotline.messages import MessageId

CLOSE_COMMAND = "/close"
MINE_COMMAND = "/mine"  # a specialist's own list: open work, participants (`staff_caseload`)
HELP_COMMANDS = frozenset({"/help", "/start"})  # the desk's commands
DESK_HELP = MessageId.STAFF_DESK_HELP
_VERBS = ("take", "done", "call")


class StaffDesk:
    """Handles what staff press and write on Telegram."""

    def __init__(
        self,
        *,
        service: EscalationService,
        notifier: TelegramStaffNotifier,
        board: DutyBoard,
        lines: CaseLines | None = None,
        voicemails: VoicemailAudio | None = None,
    ) -> None:
        self.voicemails = voicemails  # recordings sent to whoever takes a voicemail
        self.service = service
        self.notifier = notifier
        self.board = board
        self.lines = lines  # what is written here shows on the dashboard's Now too

    async def handle(self, update: Update, staff: Staff) -> None:
        """An update from a staff member."""
        snapshot = await self.board.current()
        language = self.notifier.language_of(snapshot, staff.id)
        query = update.callback_query
        if query is not None:
            verb, _, escalation_id = (query.data or "").removeprefix("esc:").partition(":")
            note: StaffNote | None = None
            if verb in _VERBS and query.message is not None:
                chat_id = query.message.chat.id
                note = await self._pressed(verb, escalation_id, staff, language, snapshot, chat_id)
            text = self.notifier.word(language, note) if note else None
            self.notifier.outbox.enqueue(
                query.message.chat.id if query.message else 0,
                lambda: query.answer(text, show_alert=bool(text)),
            )
            return
        message = update.message
        if message is None or message.text is None:
            return
        chat_id = message.chat.id
        about = None
        if message.reply_to_message is not None:
            about = await self.notifier.notices.escalation_of(
                chat_ref(chat_id, self.notifier.ref_key), message.reply_to_message.message_id
            )
        command = message.text.strip().lower().split("@")[0]
        if command == MINE_COMMAND:  # to their own chat, even when asked in a staff group
            caseload = await self.service.mine(staff)
            own_chat = snapshot.telegram.get(staff.id, chat_id)
            await self.notifier.send(own_chat, self.notifier.caseload(language, caseload))
            return
        if command in HELP_COMMANDS:
            await self.notifier.send(chat_id, self.notifier.word(language, StaffNote.of(DESK_HELP)))
            return
        if command == CLOSE_COMMAND:
            answer = await self.service.close(staff, about)
        else:
            answer = await self.service.write(staff, message.text, about)
            if answer is None and self.lines is not None:
                await self.lines.keep_written(staff.id, about, message.text)
        if answer is not None:
            await self.notifier.send(chat_id, self.notifier.word(language, answer))

    async def _pressed(
        self,
        verb: str,
        escalation_id: str,
        staff: Staff,
        language: str,
        snapshot: DutySnapshot,
        chat_id: int,
    ) -> StaffNote | None:
        """Take, Done or Call back; returns a short note for the button's answer, if any."""
        if verb == "done":
            return await self.service.done(escalation_id, staff)
        if verb == "call":
            return await self.service.call_back(escalation_id, staff)
        taken = await self.service.take(escalation_id, staff)
        if isinstance(taken, Assignment):
            # To their own chat if they have one, else where they pressed (a staff group).
            own_chat = snapshot.telegram.get(staff.id, chat_id)
            await self.notifier.assign(own_chat, language, taken)
            if taken.kind == Kind.CALLBACK and self.voicemails is not None:
                unavailable = StaffNote.of(MessageId.STAFF_VOICEMAIL_UNAVAILABLE)
                self.voicemails.send_to(
                    own_chat,
                    taken.escalation.id,
                    caption=self.notifier.word(language, taken.description),
                    unavailable=self.notifier.word(language, unavailable),
                )
            return None
        return taken


def staff_of(snapshot: DutySnapshot, update: Update) -> Staff | None:
    """The staff member an update comes from, if it comes from one."""
    user = update.effective_user
    return snapshot.by_telegram(user.id) if user is not None else None
