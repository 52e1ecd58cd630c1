"""A person's shifts as an iCalendar feed (RFC 5545): one VEVENT a shift occurrence, times in
UTC (right across daylight-saving changes), CRLF line endings, long lines folded. Pure."""

from __future__ import annotations

from datetime import UTC, datetime

from hotline.escalation.roster.duty import occurrences
from hotline.escalation.roster.model import Roster

__all__ = ["calendar_feed", "escape_text", "fold"]

_LINE_OCTETS = 75  # RFC 5545 3.1: lines longer than this are folded


def calendar_feed(
    roster: Roster | None,
    staff_id: str,
    start: datetime,
    end: datetime,
    *,
    now: datetime,
    summary: str,
    name: str,
    domain: str,
) -> str:
    """The person's shift occurrences overlapping [start, end), as a VCALENDAR (no events
    without a roster).

    A UID names the person and the occurrence's start and end, so a calendar that reads the
    feed again keeps the same events; a changed shift is a new event.
    """
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//hotline//duty roster//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(name)}",
    ]
    if roster is not None:
        lines.append(f"X-WR-TIMEZONE:{roster.timezone}")
    stamp = _utc(now)
    for o in occurrences(roster, start, end) if roster is not None else ():
        if o.staff_id != staff_id:
            continue
        lines += [
            "BEGIN:VEVENT",
            f"UID:{staff_id}-{_utc(o.start)}-{_utc(o.end)}@{domain}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_utc(o.start)}",
            f"DTEND:{_utc(o.end)}",
            f"SUMMARY:{escape_text(summary)}",
            "TRANSP:OPAQUE",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def escape_text(text: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11)."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n")


def fold(line: str) -> str:
    """A content line folded at 75 octets, never inside a UTF-8 character (RFC 5545 3.1)."""
    parts: list[str] = []
    current, size = "", 0
    limit = _LINE_OCTETS
    for char in line:
        width = len(char.encode())
        if size + width > limit:
            parts.append(current)
            current, size = "", 0
            limit = _LINE_OCTETS - 1  # a continuation line starts with a space
        current += char
        size += width
    parts.append(current)
    return "\r\n ".join(parts)


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
