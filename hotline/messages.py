"""The registry of message ids said by code (not by a flow), read by `flows check` and audio.

A flow names its messages in its YAML file; everything else a person hears or reads, the
code says itself: the fault answer on the phone, the whisper a specialist hears, what a chat
says around a case, the staff desk. Each of those ids is a member of `MessageId` below, with
who hears or reads it and, for the phone, the arguments it is spoken with; the web
dashboard's are members of `hotline.dashboard_texts.DashboardText`, a registry of the same
kind (`Registered`). Three readers:

- the code says a message only as a `MessageId` member (`Say(MessageId.FALLBACK_GOODBYE, lang)`,
  `self._say(lang, MessageId.STAFF_TAKE)`), so a typo is an AttributeError and a mypy error,
  never a text silently missing;
- `hotline flows check` requires every member in every locale, and reports a locale's
  message used by neither a flow nor this registry;
- the audio check (`hotline.prompts.required`) requires audio, in a language without a
  Twilio voice, for every member heard on the phone.

The registry lists exactly the ids the code says, by construction: the code has no other
way to name one. The channels' say helpers take a `MessageId`, not a `str`, and
`tests/test_messages.py` fails on any string literal in `hotline/` that is a message id of
the catalogue, outside this module (flows name theirs in YAML), and on a member that no code
in `hotline/` names (but those said only inside other messages, `Audience.INSIDE`).
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum

__all__ = ["PHONE", "Audience", "MessageId", "Registered"]


class Audience(StrEnum):
    """Who hears or reads a message the code says, and where."""

    CALLER = "a caller on the phone"
    WHISPER = "a specialist on the phone, before or instead of the caller"
    CHAT = "a person on Telegram or SMS"
    TELEGRAM = "a person on Telegram"
    SMS = "a person on SMS"
    DESK = "staff on the Telegram staff desk"
    STATS = "staff reading the dashboard's statistics (charts, tables, CSV)"
    INSIDE = "inside other messages (never said alone)"
    DETAILS = "a caller on the phone, with the directory's data (spoken on demand)"
    DASHBOARD = "staff in the web dashboard (named in its templates as M.NAME)"


PHONE = frozenset({Audience.CALLER, Audience.WHISPER})  # said by a Twilio voice or audio


class Registered(StrEnum):
    """A message id the code says, with its audience (a member is its id: a `str`). The
    registries are its subclasses: `MessageId` here, `DashboardText` for the dashboard."""

    audience: Audience
    per_language_code: bool  # spoken once per language code: `(("code", code),)`

    def __new__(
        cls, message_id: str, audience: Audience, per_language_code: bool = False
    ) -> Registered:
        member = str.__new__(cls, message_id)
        member._value_ = message_id
        member.audience = audience
        member.per_language_code = per_language_code
        return member

    @property
    def heard_on_phone(self) -> bool:
        """Said on a call: needs a Twilio voice or audio in every language offered."""
        return self.audience in PHONE

    def spoken_args(self, codes: Iterable[str]) -> tuple[tuple[tuple[str, str | int], ...], ...]:
        """Every set of arguments the message is spoken with (one audio file each)."""
        if self.per_language_code:
            return tuple((("code", code),) for code in codes)
        return ((),)


class MessageId(Registered):
    """What callers, people in chats and staff on the phone or the Telegram desk hear or
    read; the web dashboard's words are `hotline.dashboard_texts.DashboardText`."""

    # The fault answer, when anything fails during a call.
    FALLBACK_CONNECTING = "fallback-connecting", Audience.CALLER
    FALLBACK_MESSAGE = "fallback-message", Audience.CALLER
    FALLBACK_UNANSWERED = "fallback-unanswered", Audience.CALLER
    FALLBACK_GOODBYE = "fallback-goodbye", Audience.CALLER
    # Instead of a text with details (a date, a number) that could not be spoken in time.
    SPEECH_UNAVAILABLE = "speech-unavailable", Audience.CALLER
    # A check-in call an answering machine took: short and neutral, then the call ends.
    CHECKIN_VOICEMAIL = "checkin-voicemail", Audience.CALLER
    # Between two rounds of ringing the staff on duty.

    # The whisper before a call is put through, and a callback's first leg; the offers name
    # the caller's language, so there is one recording per language code.
    WHISPER_OFFER = "whisper-offer", Audience.WHISPER, True
    WHISPER_OFFER_SILENT = "whisper-offer-silent", Audience.WHISPER, True
    WHISPER_TAKEN_ELSEWHERE = "whisper-taken-elsewhere", Audience.WHISPER
    CALLBACK_WHISPER = "callback-whisper", Audience.WHISPER, True
    CALLBACK_DIALING = "callback-dialing", Audience.WHISPER
    CALLBACK_CLOSED = "callback-closed", Audience.WHISPER

    # A chat around a case with a specialist: what the person reads.
    QUESTION_ADDED = "question-added", Audience.CHAT
    CASE_TAKEN = "case-taken", Audience.CHAT
    CASE_SPECIALIST_SAYS = "case-specialist-says", Audience.CHAT
    CASE_CLOSED = "case-closed", Audience.CHAT
    CASE_CLOSED_BY_YOU = "case-closed-by-you", Audience.CHAT
    CRISIS_REPLY = "crisis-reply", Audience.CHAT  # at once, on words of crisis

    # What each chat channel says itself: help, the answer to /stop (or STOP), and groups.
    CHAT_HELP = "chat-help", Audience.TELEGRAM
    CHAT_STOPPED = "chat-stopped", Audience.TELEGRAM
    CHAT_PRIVATE_ONLY = "chat-private-only", Audience.TELEGRAM  # once in a group
    # A Telegram enrolment link opened: the chat is linked, or the link no longer works.
    ENROL_WELCOME = "enrol-welcome", Audience.TELEGRAM
    ENROL_LINK_INVALID = "enrol-link-invalid", Audience.TELEGRAM
    SMS_HELP = "sms-help", Audience.SMS
    SMS_STOPPED = "sms-stopped", Audience.SMS
    # The last line of the first campaign message a person ever gets: how to stop them.
    FIRST_MESSAGE_STOP_SMS = "first-message-stop-sms", Audience.SMS
    FIRST_MESSAGE_STOP_TELEGRAM = "first-message-stop-telegram", Audience.TELEGRAM

    # The caller's language as staff read and hear it: `{ staff-language-name }` in the
    # whispers and the desk's notices.
    STAFF_LANGUAGE_NAME = "staff-language-name", Audience.INSIDE
    # A date as a caller hears it, inside a spoken message (`hotline.catalog.Catalog.spoken`).
    SPOKEN_DATE = "spoken-date", Audience.INSIDE

    # The staff desk on Telegram.
    STAFF_VOICEMAIL = "staff-voicemail", Audience.DESK
    STAFF_VOICEMAIL_NO_NUMBER = "staff-voicemail-no-number", Audience.DESK
    STAFF_CALLBACK = "staff-callback", Audience.DESK
    STAFF_CHAT_CASE = "staff-chat-case", Audience.DESK
    STAFF_STILL_WAITING = "staff-still-waiting", Audience.DESK
    STAFF_TO_SUPERVISOR = "staff-to-supervisor", Audience.DESK
    STAFF_TAKE = "staff-take", Audience.DESK
    STAFF_DONE = "staff-done", Audience.DESK
    STAFF_CALL_BACK = "staff-call-back", Audience.DESK
    STAFF_TAKEN_BY = "staff-taken-by", Audience.DESK
    STAFF_TAKEN_BY_YOU = "staff-taken-by-you", Audience.DESK
    STAFF_ALREADY_TAKEN = "staff-already-taken", Audience.DESK
    STAFF_TASK_DONE = "staff-task-done", Audience.DESK
    STAFF_TASK_CLOSED = "staff-task-closed", Audience.DESK
    # A task of a participant's campaign (the pre-release meeting, an SMS opt-out).
    STAFF_PROGRAM_TASK = "staff-program-task", Audience.DESK
    STAFF_PROGRAM_TASK_DONE = "staff-program-task-done", Audience.DESK
    STAFF_NO_PHONE = "staff-no-phone", Audience.DESK
    STAFF_CALLBACK_RINGING = "staff-callback-ringing", Audience.DESK
    STAFF_CASE_YOURS = "staff-case-yours", Audience.DESK
    STAFF_CASE_FROM = "staff-case-from", Audience.DESK
    STAFF_CASE_CLOSED = "staff-case-closed", Audience.DESK
    STAFF_CASE_CLOSED_BY_PERSON = "staff-case-closed-by-person", Audience.DESK
    STAFF_NO_CASE = "staff-no-case", Audience.DESK
    STAFF_QUESTION = "staff-question", Audience.DESK
    STAFF_QUESTION_YOURS = "staff-question-yours", Audience.DESK
    STAFF_QUESTION_NO_REPLY = "staff-question-no-reply", Audience.DESK
    STAFF_QUESTION_DONE = "staff-question-done", Audience.DESK
    STAFF_CRISIS = "staff-crisis", Audience.DESK
    STAFF_CRISIS_IN_CASE = "staff-crisis-in-case", Audience.DESK

    # The dashboard's statistics: titles of the charts and tables, their columns and rows.
    STATS_PER_DAY = "stats-per-day", Audience.STATS
    STATS_PER_HOUR = "stats-per-hour", Audience.STATS
    STATS_LANGUAGES = "stats-languages", Audience.STATS
    STATS_CHANNELS = "stats-channels", Audience.STATS
    STATS_PATHS = "stats-paths", Audience.STATS
    STATS_ESCALATIONS = "stats-escalations", Audience.STATS
    STATS_CALLBACKS = "stats-callbacks", Audience.STATS
    STATS_MESSAGES = "stats-messages", Audience.STATS
    STATS_CHECKINS = "stats-checkins", Audience.STATS
    STATS_PARTICIPANTS = "stats-participants", Audience.STATS
    STATS_DAY = "stats-day", Audience.STATS
    STATS_WEEKDAY = "stats-weekday", Audience.STATS
    STATS_CALLS = "stats-calls", Audience.STATS
    STATS_CHATS = "stats-chats", Audience.STATS
    STATS_LANGUAGE = "stats-language", Audience.STATS
    STATS_CHANNEL = "stats-channel", Audience.STATS
    STATS_CHANNEL_NAME = "stats-channel-name", Audience.STATS
    STATS_PATH = "stats-path", Audience.STATS
    STATS_OTHER_PATHS = "stats-other-paths", Audience.STATS
    STATS_NUMBER = "stats-number", Audience.STATS
    STATS_MEASURE = "stats-measure", Audience.STATS
    STATS_KIND = "stats-kind", Audience.STATS
    STATS_KIND_NAME = "stats-kind-name", Audience.STATS
    STATS_TOTAL = "stats-total", Audience.STATS
    STATS_ANSWERED = "stats-answered", Audience.STATS
    STATS_ANSWER_TIME = "stats-answer-time", Audience.STATS
    STATS_AFTER_HOURS = "stats-after-hours", Audience.STATS
    STATS_CALLBACK_STATE = "stats-callback-state", Audience.STATS
    STATS_CALLBACK_TIME = "stats-callback-time", Audience.STATS
    STATS_MESSAGE_STATE = "stats-message-state", Audience.STATS
    STATS_ANSWER = "stats-answer", Audience.STATS
    STATS_ANSWER_NAME = "stats-answer-name", Audience.STATS
    STATS_PHASE = "stats-phase", Audience.STATS
    STATS_PHASE_NAME = "stats-phase-name", Audience.STATS
    STATS_PERIOD = "stats-period", Audience.STATS
    STATS_NOTE = "stats-note", Audience.STATS
    STATS_NO_DATA = "stats-no-data", Audience.STATS
    STATS_SERVICES_KINDS = "stats-services-kinds", Audience.STATS
    STATS_SERVICES_REGIONS = "stats-services-regions", Audience.STATS
    STATS_SERVICES_LANGUAGES = "stats-services-languages", Audience.STATS
    STATS_SERVICES_KIND = "stats-services-kind", Audience.STATS
    STATS_SERVICES_REGION = "stats-services-region", Audience.STATS
    STATS_SERVICES_COLUMN = "stats-services-column", Audience.STATS
    # The desk's commands (/help), and a specialist's own list (/mine).
    STAFF_DESK_HELP = "staff-desk-help", Audience.DESK
    STAFF_MINE_WORK_TITLE = "staff-mine-work-title", Audience.DESK
    STAFF_MINE_WORK = "staff-mine-work", Audience.DESK
    STAFF_MINE_AGE = "staff-mine-age", Audience.DESK
    STAFF_MINE_PARTICIPANTS_TITLE = "staff-mine-participants-title", Audience.DESK
    STAFF_MINE_PARTICIPANT = "staff-mine-participant", Audience.DESK
    STAFF_MINE_NEXT = "staff-mine-next", Audience.DESK
    STAFF_MINE_NEXT_NONE = "staff-mine-next-none", Audience.DESK
    STAFF_MINE_ANSWER = "staff-mine-answer", Audience.DESK
    STAFF_MINE_ANSWER_NONE = "staff-mine-answer-none", Audience.DESK
    STAFF_MINE_EMPTY = "staff-mine-empty", Audience.DESK
    STAFF_MINE_MORE = "staff-mine-more", Audience.DESK
    # The services directory: its entries said on a call (spoken on demand, like any text
    # with data), as cards in a chat, as a text message a caller asked for.
    SERVICES_CATEGORY_NAME = "services-category-name", Audience.CHAT
    SERVICES_ENTRY = "services-entry", Audience.DETAILS
    SERVICES_HOURS_OPEN = "services-hours-open", Audience.DETAILS
    SERVICES_HOURS_CLOSED = "services-hours-closed", Audience.DETAILS
    SERVICES_HOURS_ALWAYS = "services-hours-always", Audience.DETAILS
    SERVICES_HOURS_UNKNOWN = "services-hours-unknown", Audience.DETAILS
    SERVICES_PHONE = "services-phone", Audience.DETAILS
    SERVICES_NO_PHONE = "services-no-phone", Audience.DETAILS
    SERVICES_NONE_HERE = "services-none-here", Audience.DETAILS
    SERVICES_NO_MORE = "services-no-more", Audience.DETAILS
    SERVICES_SMS_SENT = "services-sms-sent", Audience.DETAILS
    SERVICES_SMS_FAILED = "services-sms-failed", Audience.DETAILS
    SERVICES_SMS_HIDDEN = "services-sms-hidden", Audience.DETAILS
    SERVICES_SMS = "services-sms", Audience.SMS
    SERVICES_SMS_ENTRY = "services-sms-entry", Audience.SMS
    SERVICES_CARD = "services-card", Audience.CHAT
    SERVICES_CARD_HOURS_OPEN = "services-card-hours-open", Audience.CHAT
    SERVICES_CARD_HOURS_CLOSED = "services-card-hours-closed", Audience.CHAT
    SERVICES_CARD_HOURS_ALWAYS = "services-card-hours-always", Audience.CHAT
    SERVICES_CARD_HOURS_UNKNOWN = "services-card-hours-unknown", Audience.CHAT
    SERVICES_CARD_UNKNOWN = "services-card-unknown", Audience.CHAT
    SERVICES_CARD_MAP = "services-card-map", Audience.CHAT
    SERVICES_CARD_DISTANCE = "services-card-distance", Audience.CHAT
    SERVICES_NEAREST = "services-nearest", Audience.TELEGRAM
    SERVICES_NEAREST_NONE = "services-nearest-none", Audience.TELEGRAM
    # /whoami on Telegram: the id a coordinator needs to add a person or a staff group.
    WHOAMI_PERSON = "whoami-person", Audience.TELEGRAM
    WHOAMI_GROUP = "whoami-group", Audience.TELEGRAM
    # A voicemail's recording could not be fetched from Twilio for the one who took it.
    STAFF_VOICEMAIL_UNAVAILABLE = "staff-voicemail-unavailable", Audience.DESK
