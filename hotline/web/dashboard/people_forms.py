"""What the participants pages read from a request (filters, the enrolment form) and the
words they show for the program's codes (statuses, channels, answers, outcomes)."""

from __future__ import annotations

from datetime import date
from typing import Any

from multidict import MultiMapping

from hotline.dashboard_texts import DashboardText
from hotline.participants.caseload import CaseloadFilter
from hotline.participants.fields import COLUMNS, FAMILY_FIELDS
from hotline.participants.model import Channel, Status

__all__ = [
    "ANSWERS",
    "CHANNELS",
    "FAMILY_SLOTS",
    "OUTCOMES",
    "STATUSES",
    "enrol_fields",
    "filter_of",
    "page_of",
]

FAMILY_SLOTS = 2  # family contacts the enrolment form offers (more: `participants set`)
MAX_FIELD = 200  # characters read of any one field
STATUSES = {
    Status.BEFORE_RELEASE: DashboardText.DASH_PEOPLE_STATUS_BEFORE_RELEASE,
    Status.IN_PROGRAM: DashboardText.DASH_PEOPLE_STATUS_IN_PROGRAM,
    Status.ENDED: DashboardText.DASH_PEOPLE_STATUS_ENDED,
    Status.WITHDRAWN: DashboardText.DASH_PEOPLE_STATUS_WITHDRAWN,
}
CHANNELS = {
    Channel.TELEGRAM: DashboardText.DASH_PEOPLE_CHANNEL_TELEGRAM,
    Channel.SMS: DashboardText.DASH_PEOPLE_CHANNEL_SMS,
    Channel.VOICE: DashboardText.DASH_PEOPLE_CHANNEL_VOICE,
}
ANSWERS = {
    "fine": DashboardText.DASH_PEOPLE_ANSWER_FINE,
    "talk": DashboardText.DASH_PEOPLE_ANSWER_TALK,
    "help-now": DashboardText.DASH_PEOPLE_ANSWER_HELP_NOW,
    "stop": DashboardText.DASH_PEOPLE_ANSWER_STOP,
    "silent": DashboardText.DASH_PEOPLE_ANSWER_SILENT,
}
# A row's status, and the outcome of an attempt or a provider's report, in words.
OUTCOMES = {
    "planned": DashboardText.DASH_PEOPLE_ROW_PLANNED,
    "sending": DashboardText.DASH_PEOPLE_ROW_SENDING,
    "queued": DashboardText.DASH_PEOPLE_ROW_SENDING,
    "sent": DashboardText.DASH_PEOPLE_ROW_SENT,
    "delivered": DashboardText.DASH_PEOPLE_ROW_DELIVERED,
    "failed": DashboardText.DASH_PEOPLE_ROW_FAILED,
    "undelivered": DashboardText.DASH_PEOPLE_ROW_FAILED,
    "error": DashboardText.DASH_PEOPLE_ROW_FAILED,
    "skipped": DashboardText.DASH_PEOPLE_ROW_SKIPPED,
    "cancelled": DashboardText.DASH_PEOPLE_ROW_CANCELLED,
    "no-answer": DashboardText.DASH_PEOPLE_ROW_NO_ANSWER,
    "answered": DashboardText.DASH_PEOPLE_ROW_ANSWERED,
    "silent": DashboardText.DASH_PEOPLE_ANSWER_SILENT,
}


def _text(values: MultiMapping[Any], name: str) -> str:
    value = values.get(name, "")
    return value.strip()[:MAX_FIELD] if isinstance(value, str) else ""


def _day(raw: str) -> date | None:
    try:
        return date.fromisoformat(raw) if raw else None
    except ValueError:
        return None


def filter_of(query: MultiMapping[str], own: str | None) -> CaseloadFilter:
    """The list's filters from its query string (anything unreadable is no filter); a
    specialist's `own` id replaces any specialist asked for."""
    status = _text(query, "status")
    return CaseloadFilter(
        query=_text(query, "q"),
        status=Status(status) if status in Status.__members__.values() else None,
        specialist=own or _text(query, "specialist") or None,
        next_from=_day(_text(query, "from")),
        next_until=_day(_text(query, "until")),
        no_answer=_text(query, "quiet") == "1",
    )


def page_of(query: MultiMapping[str]) -> int:
    """The page asked for (from 1)."""
    raw = _text(query, "page")
    return int(raw) if raw.isdigit() and len(raw) < 7 else 1


def enrol_fields(form: MultiMapping[Any]) -> dict[str, str]:
    """The enrolment form as the import file's columns (checkbox lists joined by commas);
    family contacts left wholly empty are left out."""
    fields = {name: _text(form, name) for name in COLUMNS if name != "consent"}
    fields["consent"] = ",".join(v for v in form.getall("consent", []) if isinstance(v, str))
    for number in range(1, FAMILY_SLOTS + 1):
        prefix = f"family{number}_"
        given = {name: _text(form, prefix + name) for name in FAMILY_FIELDS if name != "consent"}
        consent = [v for v in form.getall(prefix + "consent", []) if isinstance(v, str)]
        if any(given.values()) or consent:
            fields.update({prefix + name: value for name, value in given.items()})
            fields[prefix + "consent"] = ",".join(consent)
    return {name: value for name, value in fields.items() if value}
