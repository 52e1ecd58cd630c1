"""The registry of message ids said by code (not by a flow), read by `flows check` and audio.

A flow names its messages in its YAML file; everything else a person hears or reads, the
code says itself: the fault answer on the phone, the whisper a specialist hears, what a chat
says around a case, the staff desk. Each of those ids is a member of `MessageId` below, with
who hears or reads it and, for the phone, the arguments it is spoken with. Three readers:

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

__all__ = ["PHONE", "Audience", "MessageId"]


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
    DASHBOARD = "staff in the web dashboard (named in its templates as M.NAME)"


PHONE = frozenset({Audience.CALLER, Audience.WHISPER})  # said by a Twilio voice or audio


class MessageId(StrEnum):
    """A message id the code says, with its audience (a member is its id: a `str`)."""

    audience: Audience
    per_language_code: bool  # spoken once per language code: `(("code", code),)`

    def __new__(
        cls, message_id: str, audience: Audience, per_language_code: bool = False
    ) -> MessageId:
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
    # The timeline of an escalation (escalation/timeline.py), on the staff dashboard.
    TIMELINE_OPENED = "timeline-opened", Audience.DASHBOARD
    TIMELINE_OPENED_URGENT = "timeline-opened-urgent", Audience.DASHBOARD
    TIMELINE_RANG = "timeline-rang", Audience.DASHBOARD
    TIMELINE_ALERTED = "timeline-alerted", Audience.DASHBOARD
    TIMELINE_ALERTED_GROUP = "timeline-alerted-group", Audience.DASHBOARD
    TIMELINE_CALLED_BACK = "timeline-called-back", Audience.DASHBOARD
    TIMELINE_TAKEN = "timeline-taken", Audience.DASHBOARD
    TIMELINE_ENDED = "timeline-ended", Audience.DASHBOARD
    TIMELINE_NOBODY_ON_DUTY = "timeline-nobody-on-duty", Audience.DASHBOARD
    TIMELINE_NEXT_ALERT = "timeline-next-alert", Audience.DASHBOARD
    TIMELINE_NOBODY_TOOK_IT = "timeline-nobody-took-it", Audience.DASHBOARD
    TIMELINE_NOBODY_TO_ALERT = "timeline-nobody-to-alert", Audience.DASHBOARD
    TIMELINE_NO_ALERTS = "timeline-no-alerts", Audience.DASHBOARD
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
    # The staff web dashboard (hotline/web/templates/, hotline/locales/<lang>/dashboard.ftl).
    DASH_SKIP = "dash-skip", Audience.DASHBOARD
    DASH_TITLE_SUFFIX = "dash-title-suffix", Audience.DASHBOARD
    DASH_NAV_LABEL = "dash-nav-label", Audience.DASHBOARD
    DASH_NAV_NOW = "dash-nav-now", Audience.DASHBOARD
    DASH_NAV_ACCOUNTS = "dash-nav-accounts", Audience.DASHBOARD
    DASH_SIGNED_IN_AS = "dash-signed-in-as", Audience.DASHBOARD
    DASH_LANGUAGE = "dash-language", Audience.DASHBOARD
    DASH_LANGUAGE_SAVE = "dash-language-save", Audience.DASHBOARD
    DASH_SIGN_OUT = "dash-sign-out", Audience.DASHBOARD
    DASH_SIGN_OUT_EVERYWHERE = "dash-sign-out-everywhere", Audience.DASHBOARD
    DASH_SIGN_IN_TITLE = "dash-sign-in-title", Audience.DASHBOARD
    DASH_SIGN_IN_NAME = "dash-sign-in-name", Audience.DASHBOARD
    DASH_SIGN_IN_PASSWORD = "dash-sign-in-password", Audience.DASHBOARD
    DASH_SIGN_IN_BUTTON = "dash-sign-in-button", Audience.DASHBOARD
    DASH_SIGN_IN_FAILED = "dash-sign-in-failed", Audience.DASHBOARD
    DASH_SIGN_IN_LOCKED = "dash-sign-in-locked", Audience.DASHBOARD
    DASH_SIGNED_OUT = "dash-signed-out", Audience.DASHBOARD
    DASH_FORBIDDEN_TITLE = "dash-forbidden-title", Audience.DASHBOARD
    DASH_FORBIDDEN = "dash-forbidden", Audience.DASHBOARD
    DASH_CSRF_FAILED = "dash-csrf-failed", Audience.DASHBOARD
    DASH_ROLE_SPECIALIST = "dash-role-specialist", Audience.DASHBOARD
    DASH_ROLE_SUPERVISOR = "dash-role-supervisor", Audience.DASHBOARD
    DASH_ROLE_ADMIN = "dash-role-admin", Audience.DASHBOARD
    DASH_NOW_TITLE = "dash-now-title", Audience.DASHBOARD
    DASH_NOW_ON_DUTY = "dash-now-on-duty", Audience.DASHBOARD
    DASH_NOW_UNTIL = "dash-now-until", Audience.DASHBOARD
    DASH_NOW_NOBODY = "dash-now-nobody", Audience.DASHBOARD
    DASH_NOW_NO_ROSTER = "dash-now-no-roster", Audience.DASHBOARD
    DASH_NOW_UNCOVERED = "dash-now-uncovered", Audience.DASHBOARD
    DASH_ACCOUNTS_TITLE = "dash-accounts-title", Audience.DASHBOARD
    DASH_ACCOUNTS_NAME = "dash-accounts-name", Audience.DASHBOARD
    DASH_ACCOUNTS_ROLE = "dash-accounts-role", Audience.DASHBOARD
    DASH_ACCOUNTS_PASSWORD = "dash-accounts-password", Audience.DASHBOARD
    DASH_ACCOUNTS_LAST_SIGN_IN = "dash-accounts-last-sign-in", Audience.DASHBOARD
    DASH_ACCOUNTS_ACTIONS = "dash-accounts-actions", Audience.DASHBOARD
    DASH_ACCOUNTS_PASSWORD_SET = "dash-accounts-password-set", Audience.DASHBOARD
    DASH_ACCOUNTS_PASSWORD_UNSET = "dash-accounts-password-unset", Audience.DASHBOARD
    DASH_ACCOUNTS_NEVER = "dash-accounts-never", Audience.DASHBOARD
    DASH_ACCOUNTS_INVITE = "dash-accounts-invite", Audience.DASHBOARD
    DASH_ACCOUNTS_SIGN_OUT = "dash-accounts-sign-out", Audience.DASHBOARD
    DASH_ACCOUNTS_INVITE_MADE = "dash-accounts-invite-made", Audience.DASHBOARD
    DASH_ACCOUNTS_SIGNED_OUT = "dash-accounts-signed-out", Audience.DASHBOARD
    DASH_INVITE_TITLE = "dash-invite-title", Audience.DASHBOARD
    DASH_INVITE_WELCOME = "dash-invite-welcome", Audience.DASHBOARD
    DASH_INVITE_PASSWORD = "dash-invite-password", Audience.DASHBOARD
    DASH_INVITE_AGAIN = "dash-invite-again", Audience.DASHBOARD
    DASH_INVITE_SAVE = "dash-invite-save", Audience.DASHBOARD
    DASH_INVITE_INVALID = "dash-invite-invalid", Audience.DASHBOARD
    DASH_PASSWORD_SHORT = "dash-password-short", Audience.DASHBOARD
    DASH_PASSWORD_DIFFER = "dash-password-differ", Audience.DASHBOARD
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
    # Now: the live queue (dash_now.ftl)
    DASH_NOW_QUEUE = "dash-now-queue", Audience.DASHBOARD
    DASH_NOW_VIEWS = "dash-now-views", Audience.DASHBOARD
    DASH_NOW_VIEW = "dash-now-view", Audience.DASHBOARD
    DASH_NOW_EMPTY = "dash-now-empty", Audience.DASHBOARD
    DASH_NOW_LIVE = "dash-now-live", Audience.DASHBOARD
    DASH_NOW_KIND = "dash-now-kind", Audience.DASHBOARD
    DASH_NOW_KIND_NAME = "dash-now-kind-name", Audience.DASHBOARD
    DASH_NOW_CHANNEL = "dash-now-channel", Audience.DASHBOARD
    DASH_NOW_CHANNEL_NAME = "dash-now-channel-name", Audience.DASHBOARD
    DASH_NOW_LANGUAGE = "dash-now-language", Audience.DASHBOARD
    DASH_NOW_SINCE = "dash-now-since", Audience.DASHBOARD
    DASH_NOW_HOLDER = "dash-now-holder", Audience.DASHBOARD
    DASH_NOW_YOURS = "dash-now-yours", Audience.DASHBOARD
    DASH_NOW_TAKEN_BY = "dash-now-taken-by", Audience.DASHBOARD
    DASH_NOW_FOR = "dash-now-for", Audience.DASHBOARD
    DASH_NOW_NOBODY_YET = "dash-now-nobody-yet", Audience.DASHBOARD
    DASH_NOW_LIVE_CALL = "dash-now-live-call", Audience.DASHBOARD
    DASH_NOW_TIMELINE = "dash-now-timeline", Audience.DASHBOARD
    DASH_NOW_OUTCOME = "dash-now-outcome", Audience.DASHBOARD
    DASH_NOW_TAKEN = "dash-now-taken", Audience.DASHBOARD
    DASH_NOW_DONE = "dash-now-done", Audience.DASHBOARD
    DASH_NOW_BACK = "dash-now-back", Audience.DASHBOARD
    # The statistics page (web/dashboard/statistics.py, locales/*/dash_statistics.ftl)
    DASH_NAV_STATISTICS = "dash-nav-statistics", Audience.DASHBOARD
    DASH_STATS_TITLE = "dash-stats-title", Audience.DASHBOARD
    DASH_STATS_PERIOD = "dash-stats-period", Audience.DASHBOARD
    DASH_STATS_FROM = "dash-stats-from", Audience.DASHBOARD
    DASH_STATS_TO = "dash-stats-to", Audience.DASHBOARD
    DASH_STATS_SHOW = "dash-stats-show", Audience.DASHBOARD
    DASH_STATS_BAD_PERIOD = "dash-stats-bad-period", Audience.DASHBOARD
    DASH_STATS_CONTENTS = "dash-stats-contents", Audience.DASHBOARD
    DASH_STATS_CHART_ALT = "dash-stats-chart-alt", Audience.DASHBOARD
    DASH_STATS_CSV = "dash-stats-csv", Audience.DASHBOARD
    # The roster page and the personal calendar feed (dash_roster.ftl).
    DASH_NAV_ROSTER = "dash-nav-roster", Audience.DASHBOARD
    DASH_NAV_CALENDAR = "dash-nav-calendar", Audience.DASHBOARD
    DASH_ROSTER_TITLE = "dash-roster-title", Audience.DASHBOARD
    DASH_ROSTER_WEEK = "dash-roster-week", Audience.DASHBOARD
    DASH_ROSTER_PREVIOUS = "dash-roster-previous", Audience.DASHBOARD
    DASH_ROSTER_NEXT = "dash-roster-next", Audience.DASHBOARD
    DASH_ROSTER_THIS_WEEK = "dash-roster-this-week", Audience.DASHBOARD
    DASH_ROSTER_NO_ROSTER = "dash-roster-no-roster", Audience.DASHBOARD
    DASH_ROSTER_ZONE = "dash-roster-zone", Audience.DASHBOARD
    DASH_ROSTER_PERSON = "dash-roster-person", Audience.DASHBOARD
    DASH_ROSTER_HOLIDAY = "dash-roster-holiday", Audience.DASHBOARD
    DASH_ROSTER_ONE_OFF = "dash-roster-one-off", Audience.DASHBOARD
    DASH_ROSTER_UNTIL_DAY = "dash-roster-until-day", Audience.DASHBOARD
    DASH_ROSTER_COVERAGE_TITLE = "dash-roster-coverage-title", Audience.DASHBOARD
    DASH_ROSTER_COVERAGE_CAPTION = "dash-roster-coverage-caption", Audience.DASHBOARD
    DASH_ROSTER_HOUR = "dash-roster-hour", Audience.DASHBOARD
    DASH_ROSTER_ALL_COVERED = "dash-roster-all-covered", Audience.DASHBOARD
    DASH_ROSTER_SKIPPED = "dash-roster-skipped", Audience.DASHBOARD
    DASH_ROSTER_NOT_COVERED = "dash-roster-not-covered", Audience.DASHBOARD
    DASH_ROSTER_WEEKLY_TITLE = "dash-roster-weekly-title", Audience.DASHBOARD
    DASH_ROSTER_ONCE_TITLE = "dash-roster-once-title", Audience.DASHBOARD
    DASH_ROSTER_HOLIDAYS_TITLE = "dash-roster-holidays-title", Audience.DASHBOARD
    DASH_ROSTER_HOLIDAYS_NOTE = "dash-roster-holidays-note", Audience.DASHBOARD
    DASH_ROSTER_OVERNIGHT_NOTE = "dash-roster-overnight-note", Audience.DASHBOARD
    DASH_ROSTER_DAYS = "dash-roster-days", Audience.DASHBOARD
    DASH_ROSTER_FROM = "dash-roster-from", Audience.DASHBOARD
    DASH_ROSTER_TO = "dash-roster-to", Audience.DASHBOARD
    DASH_ROSTER_DATE = "dash-roster-date", Audience.DASHBOARD
    DASH_ROSTER_ADD_WEEKLY = "dash-roster-add-weekly", Audience.DASHBOARD
    DASH_ROSTER_ADD_ONCE = "dash-roster-add-once", Audience.DASHBOARD
    DASH_ROSTER_ADD_HOLIDAY = "dash-roster-add-holiday", Audience.DASHBOARD
    DASH_ROSTER_ADD = "dash-roster-add", Audience.DASHBOARD
    DASH_ROSTER_SAVE = "dash-roster-save", Audience.DASHBOARD
    DASH_ROSTER_REMOVE = "dash-roster-remove", Audience.DASHBOARD
    DASH_ROSTER_NONE = "dash-roster-none", Audience.DASHBOARD
    DASH_ROSTER_REFUSED = "dash-roster-refused", Audience.DASHBOARD
    DASH_ROSTER_SAVED = "dash-roster-saved", Audience.DASHBOARD
    DASH_ROSTER_CALENDAR_HINT = "dash-roster-calendar-hint", Audience.DASHBOARD
    DASH_CALENDAR_TITLE = "dash-calendar-title", Audience.DASHBOARD
    DASH_CALENDAR_INTRO = "dash-calendar-intro", Audience.DASHBOARD
    DASH_CALENDAR_NONE = "dash-calendar-none", Audience.DASHBOARD
    DASH_CALENDAR_SINCE = "dash-calendar-since", Audience.DASHBOARD
    DASH_CALENDAR_NEW_LINK = "dash-calendar-new-link", Audience.DASHBOARD
    DASH_CALENDAR_SECRET = "dash-calendar-secret", Audience.DASHBOARD
    DASH_CALENDAR_CREATE = "dash-calendar-create", Audience.DASHBOARD
    DASH_CALENDAR_RENEW = "dash-calendar-renew", Audience.DASHBOARD
    DASH_CALENDAR_REVOKE = "dash-calendar-revoke", Audience.DASHBOARD
    DASH_CALENDAR_REVOKED = "dash-calendar-revoked", Audience.DASHBOARD
    DASH_CALENDAR_EVENT = "dash-calendar-event", Audience.DASHBOARD
    DASH_CALENDAR_NAME = "dash-calendar-name", Audience.DASHBOARD
    # The participants pages (hotline/web/templates/people*.html, person*.html; dash_people.ftl).
    DASH_NAV_PEOPLE = "dash-nav-people", Audience.DASHBOARD
    DASH_PEOPLE_TITLE = "dash-people-title", Audience.DASHBOARD
    DASH_PEOPLE_SEARCH = "dash-people-search", Audience.DASHBOARD
    DASH_PEOPLE_STATUS = "dash-people-status", Audience.DASHBOARD
    DASH_PEOPLE_ANY = "dash-people-any", Audience.DASHBOARD
    DASH_PEOPLE_SPECIALIST = "dash-people-specialist", Audience.DASHBOARD
    DASH_PEOPLE_NEXT_FROM = "dash-people-next-from", Audience.DASHBOARD
    DASH_PEOPLE_NEXT_UNTIL = "dash-people-next-until", Audience.DASHBOARD
    DASH_PEOPLE_QUIET = "dash-people-quiet", Audience.DASHBOARD
    DASH_PEOPLE_FILTER = "dash-people-filter", Audience.DASHBOARD
    DASH_PEOPLE_PROGRAM = "dash-people-program", Audience.DASHBOARD
    DASH_PEOPLE_RELEASE = "dash-people-release", Audience.DASHBOARD
    DASH_PEOPLE_NEXT = "dash-people-next", Audience.DASHBOARD
    DASH_PEOPLE_NONE_PLANNED = "dash-people-none-planned", Audience.DASHBOARD
    DASH_PEOPLE_FOUND = "dash-people-found", Audience.DASHBOARD
    DASH_PEOPLE_EMPTY = "dash-people-empty", Audience.DASHBOARD
    DASH_PEOPLE_PAGE = "dash-people-page", Audience.DASHBOARD
    DASH_PEOPLE_PREVIOUS = "dash-people-previous", Audience.DASHBOARD
    DASH_PEOPLE_NEXT_PAGE = "dash-people-next-page", Audience.DASHBOARD
    DASH_PEOPLE_ENROL = "dash-people-enrol", Audience.DASHBOARD
    DASH_PEOPLE_NOT_YOURS = "dash-people-not-yours", Audience.DASHBOARD
    DASH_PEOPLE_STATUS_BEFORE_RELEASE = "dash-people-status-before-release", Audience.DASHBOARD
    DASH_PEOPLE_STATUS_IN_PROGRAM = "dash-people-status-in-program", Audience.DASHBOARD
    DASH_PEOPLE_STATUS_ENDED = "dash-people-status-ended", Audience.DASHBOARD
    DASH_PEOPLE_STATUS_WITHDRAWN = "dash-people-status-withdrawn", Audience.DASHBOARD
    DASH_PEOPLE_CHANNEL_TELEGRAM = "dash-people-channel-telegram", Audience.DASHBOARD
    DASH_PEOPLE_CHANNEL_SMS = "dash-people-channel-sms", Audience.DASHBOARD
    DASH_PEOPLE_CHANNEL_VOICE = "dash-people-channel-voice", Audience.DASHBOARD
    DASH_PEOPLE_CASE = "dash-people-case", Audience.DASHBOARD
    DASH_PEOPLE_TIMEZONE = "dash-people-timezone", Audience.DASHBOARD
    DASH_PEOPLE_LANGUAGE = "dash-people-language", Audience.DASHBOARD
    DASH_PEOPLE_CHANNEL = "dash-people-channel", Audience.DASHBOARD
    DASH_PEOPLE_PHONE = "dash-people-phone", Audience.DASHBOARD
    DASH_PEOPLE_CONSENT = "dash-people-consent", Audience.DASHBOARD
    DASH_PEOPLE_CONSENT_BY = "dash-people-consent-by", Audience.DASHBOARD
    DASH_PEOPLE_FAMILY = "dash-people-family", Audience.DASHBOARD
    DASH_PEOPLE_FAMILY_NAME = "dash-people-family-name", Audience.DASHBOARD
    DASH_PEOPLE_ENROL_BUTTON = "dash-people-enrol-button", Audience.DASHBOARD
    DASH_PEOPLE_ENROL_FAILED = "dash-people-enrol-failed", Audience.DASHBOARD
    DASH_PEOPLE_OPTIONAL = "dash-people-optional", Audience.DASHBOARD
    DASH_PEOPLE_PERSON_TITLE = "dash-people-person-title", Audience.DASHBOARD
    DASH_PEOPLE_CHANGE_RELEASE = "dash-people-change-release", Audience.DASHBOARD
    DASH_PEOPLE_SAVE = "dash-people-save", Audience.DASHBOARD
    DASH_PEOPLE_RELEASE_CHANGED = "dash-people-release-changed", Audience.DASHBOARD
    DASH_PEOPLE_WITHDRAW = "dash-people-withdraw", Audience.DASHBOARD
    DASH_PEOPLE_WITHDRAW_CONFIRM = "dash-people-withdraw-confirm", Audience.DASHBOARD
    DASH_PEOPLE_WITHDRAW_YES = "dash-people-withdraw-yes", Audience.DASHBOARD
    DASH_PEOPLE_CANCEL = "dash-people-cancel", Audience.DASHBOARD
    DASH_PEOPLE_WITHDRAWN = "dash-people-withdrawn", Audience.DASHBOARD
    DASH_PEOPLE_BACK = "dash-people-back", Audience.DASHBOARD
    DASH_PEOPLE_TIMELINE = "dash-people-timeline", Audience.DASHBOARD
    DASH_PEOPLE_TIMES_IN = "dash-people-times-in", Audience.DASHBOARD
    DASH_PEOPLE_DUE = "dash-people-due", Audience.DASHBOARD
    DASH_PEOPLE_STEP = "dash-people-step", Audience.DASHBOARD
    DASH_PEOPLE_TO = "dash-people-to", Audience.DASHBOARD
    DASH_PEOPLE_OUTCOME = "dash-people-outcome", Audience.DASHBOARD
    DASH_PEOPLE_ATTEMPTS = "dash-people-attempts", Audience.DASHBOARD
    DASH_PEOPLE_ANSWER = "dash-people-answer", Audience.DASHBOARD
    DASH_PEOPLE_TO_PARTICIPANT = "dash-people-to-participant", Audience.DASHBOARD
    DASH_PEOPLE_TO_FAMILY = "dash-people-to-family", Audience.DASHBOARD
    DASH_PEOPLE_TO_SPECIALIST = "dash-people-to-specialist", Audience.DASHBOARD
    DASH_PEOPLE_NOTHING_PLANNED = "dash-people-nothing-planned", Audience.DASHBOARD
    DASH_PEOPLE_ROW_PLANNED = "dash-people-row-planned", Audience.DASHBOARD
    DASH_PEOPLE_ROW_SENDING = "dash-people-row-sending", Audience.DASHBOARD
    DASH_PEOPLE_ROW_SENT = "dash-people-row-sent", Audience.DASHBOARD
    DASH_PEOPLE_ROW_DELIVERED = "dash-people-row-delivered", Audience.DASHBOARD
    DASH_PEOPLE_ROW_FAILED = "dash-people-row-failed", Audience.DASHBOARD
    DASH_PEOPLE_ROW_SKIPPED = "dash-people-row-skipped", Audience.DASHBOARD
    DASH_PEOPLE_ROW_CANCELLED = "dash-people-row-cancelled", Audience.DASHBOARD
    DASH_PEOPLE_ROW_NO_ANSWER = "dash-people-row-no-answer", Audience.DASHBOARD
    DASH_PEOPLE_ROW_ANSWERED = "dash-people-row-answered", Audience.DASHBOARD
    DASH_PEOPLE_ANSWER_FINE = "dash-people-answer-fine", Audience.DASHBOARD
    DASH_PEOPLE_ANSWER_TALK = "dash-people-answer-talk", Audience.DASHBOARD
    DASH_PEOPLE_ANSWER_HELP_NOW = "dash-people-answer-help-now", Audience.DASHBOARD
    DASH_PEOPLE_ANSWER_STOP = "dash-people-answer-stop", Audience.DASHBOARD
    DASH_PEOPLE_ANSWER_SILENT = "dash-people-answer-silent", Audience.DASHBOARD
    DASH_PEOPLE_ANSWERED_AT = "dash-people-answered-at", Audience.DASHBOARD
    DASH_PEOPLE_TASKS = "dash-people-tasks", Audience.DASHBOARD
    DASH_PEOPLE_NO_TASKS = "dash-people-no-tasks", Audience.DASHBOARD
    DASH_PEOPLE_TASK_WAITING = "dash-people-task-waiting", Audience.DASHBOARD
    DASH_PEOPLE_TASK_TAKEN = "dash-people-task-taken", Audience.DASHBOARD
    DASH_PEOPLE_TASK_DONE = "dash-people-task-done", Audience.DASHBOARD
    DASH_PEOPLE_TASK_EXPIRED = "dash-people-task-expired", Audience.DASHBOARD
    DASH_PEOPLE_CONTACTS = "dash-people-contacts", Audience.DASHBOARD
    DASH_PEOPLE_CONTACTS_HIDDEN = "dash-people-contacts-hidden", Audience.DASHBOARD
    DASH_PEOPLE_REASON = "dash-people-reason", Audience.DASHBOARD
    DASH_PEOPLE_SHOW = "dash-people-show", Audience.DASHBOARD
    DASH_PEOPLE_REASON_MISSING = "dash-people-reason-missing", Audience.DASHBOARD
    DASH_PEOPLE_NO_PHONE = "dash-people-no-phone", Audience.DASHBOARD
    DASH_PEOPLE_TELEGRAM_LINKED = "dash-people-telegram-linked", Audience.DASHBOARD
    DASH_PEOPLE_TELEGRAM_NOT_LINKED = "dash-people-telegram-not-linked", Audience.DASHBOARD
    DASH_PEOPLE_FAMILY_CONTACTS = "dash-people-family-contacts", Audience.DASHBOARD
    DASH_PEOPLE_NO_FAMILY = "dash-people-no-family", Audience.DASHBOARD
    # How a step of a participant's plan reads on their page (dash_steps.ftl).
    DASH_STEP_KIND = "dash-step-kind", Audience.DASHBOARD
    DASH_STEP_MONTHS_BEFORE = "dash-step-months-before", Audience.DASHBOARD
    DASH_STEP_DAYS_BEFORE = "dash-step-days-before", Audience.DASHBOARD
    DASH_STEP_MONTHS_AFTER = "dash-step-months-after", Audience.DASHBOARD
    DASH_STEP_DAYS_AFTER = "dash-step-days-after", Audience.DASHBOARD
    DASH_STEP_RELEASE_DAY = "dash-step-release-day", Audience.DASHBOARD
    # The audit log page (web/dashboard/audit.py, locales/*/dash_audit.ftl)
    DASH_NAV_AUDIT = "dash-nav-audit", Audience.DASHBOARD
    DASH_AUDIT_TITLE = "dash-audit-title", Audience.DASHBOARD
    DASH_AUDIT_INTRO = "dash-audit-intro", Audience.DASHBOARD
    DASH_AUDIT_STAFF = "dash-audit-staff", Audience.DASHBOARD
    DASH_AUDIT_ANYONE = "dash-audit-anyone", Audience.DASHBOARD
    DASH_AUDIT_CASE = "dash-audit-case", Audience.DASHBOARD
    DASH_AUDIT_FROM = "dash-audit-from", Audience.DASHBOARD
    DASH_AUDIT_TO = "dash-audit-to", Audience.DASHBOARD
    DASH_AUDIT_FILTER = "dash-audit-filter", Audience.DASHBOARD
    DASH_AUDIT_WHEN = "dash-audit-when", Audience.DASHBOARD
    DASH_AUDIT_WHO = "dash-audit-who", Audience.DASHBOARD
    DASH_AUDIT_WHAT = "dash-audit-what", Audience.DASHBOARD
    DASH_AUDIT_PARTICIPANT = "dash-audit-participant", Audience.DASHBOARD
    DASH_AUDIT_REASON = "dash-audit-reason", Audience.DASHBOARD
    DASH_AUDIT_CODE = "dash-audit-code", Audience.DASHBOARD
    DASH_AUDIT_EMPTY = "dash-audit-empty", Audience.DASHBOARD
    DASH_AUDIT_OLDER = "dash-audit-older", Audience.DASHBOARD
    DASH_AUDIT_NEWEST = "dash-audit-newest", Audience.DASHBOARD
    DASH_AUDIT_CSV = "dash-audit-csv", Audience.DASHBOARD
    DASH_AUDIT_CONTACTS = "dash-audit-contacts", Audience.DASHBOARD
    DASH_AUDIT_ENROL = "dash-audit-enrol", Audience.DASHBOARD
    DASH_AUDIT_RELEASE = "dash-audit-release", Audience.DASHBOARD
    DASH_AUDIT_WITHDRAW = "dash-audit-withdraw", Audience.DASHBOARD
    DASH_AUDIT_ROSTER_WEEKLY = "dash-audit-roster-weekly", Audience.DASHBOARD
    DASH_AUDIT_ROSTER_ONCE = "dash-audit-roster-once", Audience.DASHBOARD
    DASH_AUDIT_ROSTER_HOLIDAY = "dash-audit-roster-holiday", Audience.DASHBOARD
    DASH_AUDIT_CALENDAR_NEW = "dash-audit-calendar-new", Audience.DASHBOARD
    DASH_AUDIT_CALENDAR_REVOKE = "dash-audit-calendar-revoke", Audience.DASHBOARD
    DASH_AUDIT_INVITE = "dash-audit-invite", Audience.DASHBOARD
    DASH_AUDIT_SIGN_OUT = "dash-audit-sign-out", Audience.DASHBOARD
    DASH_AUDIT_OTHER = "dash-audit-other", Audience.DASHBOARD
    # The reply box of a taken chat case or question on Now (dash_reply.ftl)
    DASH_REPLY_CONVERSATION = "dash-reply-conversation", Audience.DASHBOARD
    DASH_REPLY_THEY_WROTE = "dash-reply-they-wrote", Audience.DASHBOARD
    DASH_REPLY_YOU_WROTE = "dash-reply-you-wrote", Audience.DASHBOARD
    DASH_REPLY_NOTHING_YET = "dash-reply-nothing-yet", Audience.DASHBOARD
    DASH_REPLY_LABEL = "dash-reply-label", Audience.DASHBOARD
    DASH_REPLY_HINT = "dash-reply-hint", Audience.DASHBOARD
    DASH_REPLY_SEND = "dash-reply-send", Audience.DASHBOARD
    DASH_REPLY_SENT = "dash-reply-sent", Audience.DASHBOARD
    DASH_REPLY_EMPTY = "dash-reply-empty", Audience.DASHBOARD
    DASH_REPLY_TOO_LONG = "dash-reply-too-long", Audience.DASHBOARD
    DASH_REPLY_NOT_YOURS = "dash-reply-not-yours", Audience.DASHBOARD
    DASH_REPLY_UNREACHABLE = "dash-reply-unreachable", Audience.DASHBOARD
    DASH_REPLY_QUESTION_YOURS = "dash-reply-question-yours", Audience.DASHBOARD
    DASH_REPLY_CHAT_YOURS = "dash-reply-chat-yours", Audience.DASHBOARD
