"""Participants from text fields: a CSV row, or the options of `hotline participants add`.

One reader for both, so a file and the command accept and refuse the same things, and say
so in the same words: every problem names its column (`phone`, `family2_consent`) and why.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import TypeVar
from zoneinfo import ZoneInfo

from hotline.participants.model import (
    Channel,
    Consent,
    FamilyContact,
    Participant,
    ParticipantError,
    Problem,
    Status,
    find_problems,
    valid_zone,
)
from hotline.privacy import normalise_number

__all__ = [
    "COLUMNS",
    "FAMILY_FIELDS",
    "REQUIRED",
    "FieldReader",
    "Rules",
    "new_family_id",
    "participant_from_fields",
    "relative_from_fields",
    "unknown_columns",
]

# The columns of an import file, in the order the README lists them.
COLUMNS = (
    "case",
    "program",
    "release",
    "timezone",
    "language",
    "specialist",
    "channel",
    "phone",
    "consent",
    "consent_by",
    "consent_at",
    "status",
)
REQUIRED = ("case", "program", "release", "timezone", "language", "specialist", "channel")
FAMILY_FIELDS = ("name", "channel", "phone", "language", "consent")
_FAMILY_COLUMN = re.compile(r"^family([1-9][0-9]?)_([a-z]+)$")
_LIST_SPLIT = re.compile(r"[\s,;+]+")
_T = TypeVar("_T")


@dataclass(frozen=True)
class Rules:
    """What a deployment allows: its languages, and the region of numbers without a +."""

    languages: Collection[str]
    default_region: str | None = None
    programs: Collection[str] | None = None  # the campaigns a participant may follow


def new_family_id() -> str:
    """A fresh, meaningless id of a family contact."""
    return secrets.token_hex(8)


class FieldReader:
    """Reads fields one by one, keeping a Problem for each that cannot be read."""

    def __init__(self, rules: Rules, line: int | None = None) -> None:
        self.rules = rules
        self.line = line
        self.problems: list[Problem] = []

    def read(self, name: str, raw: str, parse: Callable[[str], _T], default: _T) -> _T:
        """`parse(raw)`, or `default` with a problem kept when it raises ValueError (a
        required field left empty is reported once, as required)."""
        if not raw.strip() and name in REQUIRED:
            return default
        try:
            return parse(raw.strip())
        except ValueError as exc:
            self.problems.append(Problem(name, str(exc), self.line))
            return default

    def phone(self, raw: str) -> str | None:
        """A phone number in E.164, None when empty."""
        if not raw:
            return None
        number = normalise_number(raw, self.rules.default_region)
        if number is None:
            raise ValueError("not a phone number in international form; write +995 555 12 34 56")
        return number


def participant_from_fields(
    fields: Mapping[str, str], *, rules: Rules, now: datetime, line: int | None = None
) -> Participant:
    """A valid participant from text fields (CSV columns), or ParticipantError naming each
    field that is missing, unreadable or breaks a rule. Consent given without a time was
    recorded `now`; the status, when not given, follows the release date."""
    reader = FieldReader(rules, line)
    get = {k: (v or "").strip() for k, v in fields.items() if k is not None}
    for column in REQUIRED:
        if not get.get(column):
            reader.problems.append(Problem(column, "required", line))
    case = get.get("case", "").upper()
    release = reader.read("release", get.get("release", ""), read_date, date.min)
    channel = reader.read("channel", get.get("channel", ""), read_channel, Channel.SMS)
    consent_at = reader.read("consent_at", get.get("consent_at", ""), _instant_or(now), now)
    consent = Consent(
        at=consent_at,
        by=get.get("consent_by", "") or get.get("specialist", ""),
        channels=reader.read("consent", get.get("consent", ""), read_channels, frozenset()),
    )
    timezone = get.get("timezone", "")
    status_raw = get.get("status", "")
    if status_raw:
        status = reader.read("status", status_raw, Status, Status.BEFORE_RELEASE)
    else:
        status = _status_by_release(release, timezone, now)
    participant = Participant(
        case=case,
        program=get.get("program", ""),
        release=release,
        timezone=timezone,
        language=get.get("language", ""),
        specialist=get.get("specialist", ""),
        channel=channel,
        consent=consent,
        status=status,
        phone=reader.read("phone", get.get("phone", ""), reader.phone, None),
        family=tuple(_family(reader, get, consent, get.get("language", ""))),
    )
    problems = reader.problems
    if not problems:  # a field that could not be read would be reported twice
        problems = [
            Problem(p.field, p.reason, line)
            for p in find_problems(participant, languages=rules.languages, programs=rules.programs)
        ]
    if problems:
        raise ParticipantError(problems, case=case or None)
    return participant


def unknown_columns(columns: Collection[str]) -> list[str]:
    """The columns of a file this reader does not know (a typo would be silently empty)."""
    unknown = []
    for column in columns:
        match = _FAMILY_COLUMN.match(column)
        if column in COLUMNS or (match is not None and match.group(2) in FAMILY_FIELDS):
            continue
        unknown.append(column)
    return unknown


def read_date(raw: str) -> date:
    """A calendar date, YYYY-MM-DD."""
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"{raw!r} is not a date; write it as YYYY-MM-DD") from None


def read_channel(raw: str) -> Channel:
    """One channel by its name."""
    try:
        return Channel(raw.lower())
    except ValueError:
        raise ValueError(f"{raw!r} is not a channel: telegram, sms or voice") from None


def read_channels(raw: str) -> frozenset[Channel]:
    """Channels separated by commas, spaces or '+' (e.g. "sms,telegram")."""
    return frozenset(read_channel(part) for part in _LIST_SPLIT.split(raw) if part)


def read_instant(raw: str) -> datetime:
    """A date-time with its offset."""
    try:
        instant = datetime.fromisoformat(raw)
    except ValueError:
        raise ValueError(f"{raw!r} is not a date-time; write e.g. 2026-11-20T10:00+04:00") from None
    if instant.tzinfo is None:
        raise ValueError(f"{raw!r} has no offset; write e.g. 2026-11-20T10:00+04:00")
    return instant


def _instant_or(default: datetime) -> Callable[[str], datetime]:
    return lambda raw: read_instant(raw) if raw else default


def _status_by_release(release: date, timezone: str, now: datetime) -> Status:
    """Before release until the release day begins where the participant lives."""
    zone = ZoneInfo(timezone) if valid_zone(timezone) else None
    today = now.astimezone(zone).date() if zone is not None else now.date()
    return Status.BEFORE_RELEASE if release > today else Status.IN_PROGRAM


def _family(
    reader: FieldReader, fields: Mapping[str, str], consent: Consent, language: str
) -> list[FamilyContact]:
    """The family contacts of numbered columns (family1_name, ...), in number order."""
    numbers = sorted(
        {int(m.group(1)) for k in fields if (m := _FAMILY_COLUMN.match(k)) and fields[k]}
    )
    relatives = []
    for position, number in enumerate(numbers, start=1):
        prefix = f"family{number}_"
        if number != position:  # the model's problems name contacts by their position
            reader.problems.append(
                Problem(f"{prefix}name", "number family contacts from 1, without gaps", reader.line)
            )
        given = {name: fields.get(prefix + name, "") for name in FAMILY_FIELDS}
        relatives.append(relative_from_fields(reader, prefix, given, consent, language))
    return relatives


def relative_from_fields(
    reader: FieldReader,
    prefix: str,
    fields: Mapping[str, str],
    consent: Consent,
    language: str,
) -> FamilyContact:
    """A family contact from its fields (name, channel, phone, language, consent), its
    consent recorded when and by whom the participant's was; problems kept in `reader`."""
    return FamilyContact(
        id=new_family_id(),
        name=fields.get("name", "").strip(),
        channel=reader.read(
            prefix + "channel", fields.get("channel", ""), read_channel, Channel.SMS
        ),
        language=fields.get("language", "").strip() or language,
        consent=Consent(
            at=consent.at,
            by=consent.by,
            channels=reader.read(
                prefix + "consent", fields.get("consent", ""), read_channels, frozenset()
            ),
        ),
        phone=reader.read(prefix + "phone", fields.get("phone", ""), reader.phone, None),
    )
