"""The channels and their collaborators, built in dependency order: voice, then SMS and Telegram."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Generic, TypeVar

from hotline.bootstrap.languages import LiveLanguages
from hotline.channels.callbacks import CallbackCalls
from hotline.channels.outbound import SmsSender, TelegramSender, VoiceSender
from hotline.channels.staff_desk import StaffDesk
from hotline.channels.staff_notifier import TelegramStaffNotifier
from hotline.channels.telegram import CHANNEL as TELEGRAM
from hotline.channels.telegram import (
    PtbApplication,
    TelegramChannel,
    build_application,
)
from hotline.channels.telegram_outbox import TelegramOutbox
from hotline.channels.telegram_sends import TelegramSends
from hotline.channels.twilio_rest import TwilioRest
from hotline.channels.twilio_signature import TwilioSignatureCheck
from hotline.channels.twilio_sms import CHANNEL as SMS
from hotline.channels.twilio_sms import SmsChannel
from hotline.channels.twilio_voice import VoiceChannel, VoiceConfig
from hotline.channels.voice_twiml import VoiceRenderer
from hotline.channels.voice_whisper import VoiceWhisper
from hotline.channels.voicemail_audio import Recordings, TwilioAccount, VoicemailAudio
from hotline.conversations.chat import ChatConversations
from hotline.conversations.chat_types import ChatCases, ChatTexts, Enrolment
from hotline.conversations.directory_talk import DirectoryTalk
from hotline.conversations.voice import VoiceConversations
from hotline.conversations.voice_spool import VoiceSpool
from hotline.escalation.board import DutyBoard
from hotline.escalation.calls import CallEscalation
from hotline.escalation.case_chat import CaseLines, WebInbox
from hotline.escalation.notices import NoticeBook
from hotline.escalation.program_tasks import ProgramTasks
from hotline.escalation.reach import PersonSide, Reach
from hotline.escalation.service import EscalationService
from hotline.flows.engine import LanguageSource
from hotline.flows.model import Flow
from hotline.messages import MessageId
from hotline.participants.enrolment import enrol_chat
from hotline.reminders.answers import CheckinActions
from hotline.reminders.campaign import Channel
from hotline.reminders.dispatcher import DispatchConfig, Dispatcher
from hotline.reminders.first_message import how_to_stop
from hotline.reminders.openings import ChatOpenings
from hotline.reminders.outbound import Sender, outbound_text
from hotline.storage import db
from hotline.storage.spool import Spool, voice_spool_path

if TYPE_CHECKING:
    from hotline.bootstrap import Core
    from hotline.config import Settings

log = logging.getLogger("hotline.app")  # where these lines have always been logged

CHAT_FLOW = "family"
_T = TypeVar("_T")


@dataclass(frozen=True)
class Shared:
    """What the voice and chat channels share."""

    renderer: VoiceRenderer
    signature: TwilioSignatureCheck
    board: DutyBoard
    escalations: EscalationService
    clock: Callable[[], datetime]
    tasks: ProgramTasks  # a participant's specialist's work, through the escalation service
    checkins: CheckinActions  # what check-in answers and silences do
    talk: DirectoryTalk  # the services directory as conversations speak it
    rest: TwilioRest | None  # Twilio's REST API, when the account and number are set


def _voicemails(
    core: Core, application: PtbApplication, outbox: TelegramOutbox
) -> VoicemailAudio | None:
    """Recordings for whoever takes a voicemail, when the Twilio account is known."""
    settings = core.settings
    if not settings.twilio_account_sid:
        log.info(
            "voicemails reach staff without their recording: set HOTLINE_TWILIO_ACCOUNT_SID "
            "to send it to whoever takes one"
        )
        return None
    recordings = recordings_of(core)
    if recordings is None:
        return None
    return VoicemailAudio(
        recordings=recordings,
        bot=lambda: application.bot,
        outbox=outbox,
        delete_after=settings.delete_recordings,
    )


def recordings_of(core: Core) -> Recordings | None:
    """Voicemails' recordings at Twilio, when the account is known."""
    settings = core.settings
    if not settings.twilio_account_sid:
        return None
    return Recordings(
        units=core.database.units,
        cipher=core.cipher,
        account=TwilioAccount(
            settings.twilio_account_sid, settings.twilio_auth_token, settings.twilio_api_url
        ),
    )


def twilio_rest(settings: Settings) -> TwilioRest | None:
    """Twilio's REST API from the hotline's number, when the account and number are set."""
    if not (settings.twilio_account_sid and settings.phone_number):
        return None
    return TwilioRest(
        settings.twilio_account_sid,
        settings.twilio_auth_token,
        settings.phone_number,
        settings.twilio_api_url,
    )


@dataclass(frozen=True)
class VoiceParts:
    """The voice hotline: the webhooks, the escalation to staff, the spool of the fallback."""

    channel: VoiceChannel
    escalation: CallEscalation
    spool: VoiceSpool


@dataclass(frozen=True)
class TelegramParts:
    """The Telegram bot: the webhook channel, the staff desk, PTB's application, the outbox."""

    channel: TelegramChannel
    desk: StaffDesk
    application: PtbApplication
    outbox: TelegramOutbox
    sends: TelegramSends  # every message, kept in the database until sent


@dataclass(frozen=True)
class ChatParts:
    """Callbacks through the hotline, SMS and Telegram (each None when it is off), and what
    the escalation service reaches through them."""

    callbacks: CallbackCalls | None
    sms: SmsChannel | None
    telegram: TelegramParts | None
    reach: Reach
    rest: TwilioRest | None = None  # Twilio's REST API, when it is set up
    conversations: Mapping[Channel, ChatConversations] = field(default_factory=dict)


class Later(Generic[_T]):
    """An object its users need before it is built: what the escalation service reaches.

    The service hands cases to the chat conversations and staff notifiers, and they hand
    what people do back to it: one of the two has to come second. Calling this before
    `set` is a wiring bug.
    """

    def __init__(self, what: str) -> None:
        self._what = what
        self._value: _T | None = None

    def set(self, value: _T) -> None:
        """The object, now that it is built."""
        self._value = value

    def __call__(self) -> _T:
        """The object."""
        if self._value is None:
            raise RuntimeError(f"{self._what} is used before it is built")
        return self._value


def build_voice(
    core: Core,
    flows: Mapping[str, Flow],
    languages: LiveLanguages,
    shared: Shared,
) -> VoiceParts:
    """The voice channel with its escalation and its spool; check-in calls' answers are
    acted on by `shared.checkins`."""
    settings, database = core.settings, core.database
    escalation = CallEscalation(
        policy=settings.escalation,
        cipher=core.cipher,
        languages=languages,
        default_region=settings.default_region,
        callbacks=shared.rest is not None,  # staff call back through Twilio's REST API
    )
    whisper = VoiceWhisper(
        board=shared.board,
        escalations=shared.escalations,
        renderer=shared.renderer,
        languages=languages,
        signature=shared.signature,
    )
    # What the voice fallback hears while the database is down waits here, on local disk.
    spool = VoiceSpool(
        spool=Spool(voice_spool_path(settings.data_dir), core.cipher),
        units=database.units,
        board=shared.board,
        escalation=escalation,
        languages=languages,
        pseudonym_key=settings.pseudonym_key,
        default_region=settings.default_region,
        clock=shared.clock,
        database=db.identity(settings.database_url),
    )
    channel = VoiceChannel(
        config=VoiceConfig(
            languages=languages,
            pseudonym_key=settings.pseudonym_key,
            default_region=settings.default_region,
            deadline_s=settings.step_deadline_s,
            max_in_flight=settings.voice_in_flight,
            fallback_number=settings.fallback_number,
            show_caller_number=settings.show_caller_number,
        ),
        conversations=VoiceConversations(
            flows=flows,
            units=database.units,
            statements=database.units.each_statement(),
            board=shared.board,
            escalation=escalation,
            languages=languages,
            pseudonym_key=settings.pseudonym_key,
            default_region=settings.default_region,
            render=shared.renderer.render_speaking,
            clock=shared.clock,
            checkins=shared.checkins,
            talk=shared.talk,
            send_sms=shared.rest.send_sms if shared.rest is not None else None,
        ),
        signature=shared.signature,
        renderer=shared.renderer,
        whisper=whisper,
        spool=spool,
        clock=shared.clock,
    )
    languages.listen(channel.prepare_fallbacks)
    return VoiceParts(channel, escalation, spool)


def build_chat(
    core: Core,
    flows: Mapping[str, Flow],
    languages: LanguageSource,
    shared: Shared,
) -> ChatParts:
    """Callbacks when Twilio's REST API is set up; SMS always; Telegram when a bot token is set.

    The staff desk lives on the Telegram bot: without it, chats cannot reach a specialist
    live (they leave a question) and waiting work is not alerted.
    """
    settings, database = core.settings, core.database
    rest = shared.rest
    callbacks = None
    if rest is not None:
        callbacks = CallbackCalls(
            rest=rest,
            escalations=shared.escalations,
            board=shared.board,
            renderer=shared.renderer,
            signature=shared.signature,
            languages=languages,
        )
    else:
        log.info(
            "callbacks through the hotline are off: set HOTLINE_TWILIO_ACCOUNT_SID and "
            "HOTLINE_PHONE_NUMBER to turn them on"
        )
    if CHAT_FLOW not in flows:
        log.warning("no %r flow: SMS and Telegram are off", CHAT_FLOW)
        return ChatParts(callbacks, None, None, Reach(dialer=callbacks), rest)
    flow = flows[CHAT_FLOW]
    token, secret = settings.telegram_token, settings.telegram_webhook_secret
    telegram_on = bool(token and secret)

    def conversations(
        channel: str, texts: ChatTexts, enrol: Enrolment | None = None
    ) -> ChatConversations:
        # Questions are always filed for staff; a live chat needs the desk, and on SMS
        # Twilio's REST API to carry a specialist's replies.
        cases = ChatCases(
            board=shared.board,
            policy=settings.escalation,
            staff=shared.escalations if telegram_on else None,
            live=telegram_on and (channel == TELEGRAM or rest is not None),
            callbacks=callbacks is not None,
        )
        return ChatConversations(
            channel=channel,
            flow=flow,
            units=database.units,
            catalog=core.catalog,
            languages=core.chat_languages,
            cipher=core.cipher,
            texts=texts,
            clock=shared.clock,
            cases=cases,
            crisis=core.crisis,
            enrol=enrol,
            flows=flows,
            checkins=shared.checkins,
            talk=shared.talk,
        )

    sms_conversations = conversations(SMS, ChatTexts(MessageId.SMS_HELP, MessageId.SMS_STOPPED))
    sms = SmsChannel(
        conversations=sms_conversations,
        signature=shared.signature,
        catalog=core.catalog,
        pseudonym_key=settings.pseudonym_key,
        default_region=settings.default_region,
        transliterate_languages=settings.sms_transliterate,
    )
    by_channel: dict[Channel, ChatConversations] = {}
    if rest is not None:  # an SMS check-in needs the REST API to go out
        by_channel[Channel.SMS] = sms_conversations
    if not (token and secret):
        return ChatParts(callbacks, sms, None, Reach(dialer=callbacks), rest, by_channel)
    application = build_application(token, settings.telegram_api_url)
    outbox = TelegramOutbox()
    sends = TelegramSends(
        units=database.units,
        cipher=core.cipher,
        bot=lambda: application.bot,
        outbox=outbox,
        clock=shared.clock,
    )
    telegram_conversations = conversations(
        TELEGRAM,
        ChatTexts(MessageId.CHAT_HELP, MessageId.CHAT_STOPPED),
        enrol=functools.partial(enrol_chat, campaigns=core.campaigns),
    )
    people = {
        TELEGRAM: PersonSide(
            sends.send_text,
            telegram_conversations.case_ended,
            telegram_conversations.leave_flow,
        )
    }
    if rest is not None:
        people[SMS] = PersonSide(
            _sms_sender(rest), sms_conversations.case_ended, sms_conversations.leave_flow
        )
    notifier = TelegramStaffNotifier(
        bot=lambda: application.bot,
        outbox=outbox,
        sends=sends,
        board=shared.board,
        notices=NoticeBook(database.units, shared.clock),
        catalog=core.catalog,
        languages=core.chat_languages,
        cipher=core.cipher,
        ref_key=settings.pseudonym_key,
        staff_chat_id=settings.staff_chat_id,
    )
    lines = CaseLines(database.units, core.cipher, shared.clock)  # for the dashboard's Now
    staff_desk = StaffDesk(
        service=shared.escalations,
        notifier=notifier,
        board=shared.board,
        lines=lines,
        voicemails=_voicemails(core, application, outbox),
    )
    channel = TelegramChannel(
        application=application,
        secret=secret,
        conversations=telegram_conversations,
        pseudonym_key=settings.pseudonym_key,
        outbox=outbox,
        sends=sends,
        board=shared.board,
        desk=staff_desk,
    )
    return ChatParts(
        callbacks,
        sms,
        TelegramParts(channel, staff_desk, application, outbox, sends),
        # The web inbox keeps a person's messages for the holder's Now page, then the desk
        # delivers them (the inbox's relay answers False: a page reaches nobody by itself).
        Reach(notifiers=(WebInbox(lines), notifier), people=people, dialer=callbacks),
        rest,
        {**by_channel, Channel.TELEGRAM: telegram_conversations},
    )


def _sms_sender(rest: TwilioRest) -> Callable[[str, str], Awaitable[None]]:
    async def send(address: str, text: str) -> None:
        await rest.send_sms(address, text)

    return send


def build_dispatcher(
    core: Core,
    flows: Mapping[str, Flow],
    chat: ChatParts,
    shared: Shared,
) -> Dispatcher:
    """The dispatcher of planned messages, with a sender for each channel that is set up."""
    settings = core.settings
    senders: dict[Channel, Sender] = {}
    if chat.rest is not None:
        senders[Channel.SMS] = SmsSender(chat.rest, settings.public_url)
        senders[Channel.VOICE] = VoiceSender(chat.rest, settings.public_url)
    if chat.telegram is not None:
        senders[Channel.TELEGRAM] = TelegramSender(chat.telegram.application, chat.telegram.outbox)
    return Dispatcher(
        units=core.database.units,
        senders=senders,
        texts=functools.partial(outbound_text, core.catalog, flows),
        clock=shared.clock,
        pseudonym_key=settings.pseudonym_key,
        tasks=shared.tasks,
        config=DispatchConfig(
            stuck_after=settings.reminders_stuck,
            answer_within=settings.checkin_wait,
            silences=settings.checkin_silences,
        ),
        openings=ChatOpenings(chat.conversations),
        silences=shared.checkins,
        how_to_stop=functools.partial(how_to_stop, core.catalog),
    )
