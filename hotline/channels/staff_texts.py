"""The message ids of what staff hear and read (hotline/locales/<lang>/staff.ftl)."""

from __future__ import annotations

# Said on the phone: the whisper before a call is put through, and a callback's first leg.
VOICE = (
    "whisper-offer",
    "whisper-offer-silent",
    "whisper-taken-elsewhere",
    "callback-whisper",
    "callback-dialing",
    "callback-closed",
)
# Written on Telegram by the staff desk.
DESK = (
    "staff-language-name",
    "staff-voicemail",
    "staff-voicemail-no-number",
    "staff-callback",
    "staff-chat-case",
    "staff-still-waiting",
    "staff-to-supervisor",
    "staff-take",
    "staff-done",
    "staff-call-back",
    "staff-taken-by",
    "staff-taken-by-you",
    "staff-already-taken",
    "staff-task-done",
    "staff-task-closed",
    "staff-no-phone",
    "staff-callback-ringing",
    "staff-case-yours",
    "staff-case-from",
    "staff-case-closed",
    "staff-case-closed-by-person",
    "staff-no-case",
    "staff-question",
    "staff-question-yours",
    "staff-question-no-reply",
    "staff-question-done",
)
# For `hotline flows check`: messages said by code, not by a flow.
STAFF_MESSAGES = {
    **dict.fromkeys(VOICE, "hotline/channels/voice_escalation.py"),
    **dict.fromkeys(DESK, "hotline/channels/staff_desk.py"),
}
