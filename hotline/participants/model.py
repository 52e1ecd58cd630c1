"""The participant model: who is enrolled, how they may be reached, and with whose consent.

Pure: no I/O, no clock. A participant is found by a case code, a pseudonym staff choose
(never a name, a phone number or a personal id); their contacts are plain here and kept
encrypted by `storage/`. Every check names the field it refused and why (`Problem`), so a
command can print "line 7, phone: ..." and a test can assert it.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hotline.errors import HotlineError

__all__ = [
    "PHONE_CHANNELS",
    "Channel",
    "Consent",
    "FamilyContact",
    "Participant",
    "ParticipantError",
    "Problem",
    "Status",
    "find_problems",
    "valid_zone",
]

CASE_RE = re.compile(r"^[A-Z0-9][A-Z0-9-]{1,23}$")
PROGRAM_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")
STAFF_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")
_DIGIT_RUN = re.compile(r"\d{7,}")  # a phone number or a personal id, not a pseudonym
MAX_NAME_CHARS = 120


class Status(StrEnum):
    """Where a participant is in the program."""

    BEFORE_RELEASE = "before-release"
    IN_PROGRAM = "in-program"
    ENDED = "ended"
    WITHDRAWN = "withdrawn"


class Channel(StrEnum):
    """How a person is reached: a Telegram chat, or a phone number by SMS or a voice call."""

    TELEGRAM = "telegram"
    SMS = "sms"
    VOICE = "voice"


PHONE_CHANNELS = frozenset({Channel.SMS, Channel.VOICE})
ACTIVE = frozenset({Status.BEFORE_RELEASE, Status.IN_PROGRAM})


@dataclass(frozen=True)
class Problem:
    """One refused field: where (a CSV line, when there is one), which field, and why."""

    field: str
    reason: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"line {self.line}, " if self.line is not None else ""
        return f"{where}{self.field}: {self.reason}"


class ParticipantError(HotlineError):
    """A change to the participants was refused; each problem names its field and reason."""

    def __init__(self, problems: Sequence[Problem], *, case: str | None = None) -> None:
        self.problems = tuple(problems)
        self.case = case
        prefix = f"{case}: " if case else ""
        super().__init__("\n".join(f"{prefix}{problem}" for problem in self.problems))


@dataclass(frozen=True)
class Consent:
    """Consent to be contacted: when it was given, the staff member who recorded it, and
    the channels it covers. A channel without consent is never used."""

    at: datetime
    by: str
    channels: frozenset[Channel]


@dataclass(frozen=True)
class FamilyContact:
    """A relative the program may write to, with their own channel, language and consent.

    `id` is stable across changes (an invitation names it); `telegram_chat` is set only
    once the relative opened an invitation link: Telegram lets no bot write first.
    """

    id: str
    name: str
    channel: Channel
    language: str
    consent: Consent
    phone: str | None = None  # E.164
    telegram_chat: int | None = None
    telegram_linked_at: datetime | None = None

    @property
    def telegram_linked(self) -> bool:
        """Whether a Telegram chat is linked: only then can Telegram reach them."""
        return self.telegram_chat is not None


@dataclass(frozen=True)
class Participant:
    """An enrolled participant. `program` names their campaign; `release` is the expected
    release date (it moves: early release, a delay); `specialist` is a staff id."""

    case: str
    program: str
    release: date
    timezone: str
    language: str
    specialist: str
    channel: Channel
    consent: Consent
    status: Status = Status.BEFORE_RELEASE
    phone: str | None = None  # E.164
    telegram_chat: int | None = None
    telegram_linked_at: datetime | None = None
    family: tuple[FamilyContact, ...] = field(default=())

    @property
    def telegram_linked(self) -> bool:
        """Whether a Telegram chat is linked: only then can Telegram reach them."""
        return self.telegram_chat is not None

    @property
    def active(self) -> bool:
        """Before release or in the program: messages may go out."""
        return self.status in ACTIVE

    def family_named(self, name: str) -> FamilyContact | None:
        """The family contact of this name (case and surrounding spaces ignored), if any."""
        wanted = name.strip().casefold()
        return next((f for f in self.family if f.name.casefold() == wanted), None)


def valid_zone(name: str) -> bool:
    """Whether `name` is an IANA time zone this machine knows (e.g. Asia/Tbilisi)."""
    if not name or name.startswith("/") or ".." in name:
        return False
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    return True


def find_problems(
    participant: Participant,
    *,
    languages: Collection[str],
    programs: Collection[str] | None = None,
) -> list[Problem]:
    """Every rule the participant breaks, each naming its field; empty when valid.

    Whether the specialist is on the staff list, and whether the case code is free, the
    service asks the database.
    """
    p = participant
    problems = list(_case_problems(p.case))
    if not PROGRAM_RE.match(p.program):
        problems.append(
            Problem("program", f"{p.program!r} is not a campaign name (a-z, 0-9 and '-')")
        )
    elif programs is not None and p.program not in programs:
        known = ", ".join(sorted(programs)) or "none"
        problems.append(Problem("program", f"no campaign {p.program!r}; there are: {known}"))
    if not valid_zone(p.timezone):
        problems.append(
            Problem("timezone", f"{p.timezone!r} is not an IANA time zone, e.g. Asia/Tbilisi")
        )
    if p.language not in languages:
        problems.append(Problem("language", _language_reason(p.language, languages)))
    if not STAFF_RE.match(p.specialist):
        problems.append(Problem("specialist", f"{p.specialist!r} is not a staff id"))
    problems.extend(_consent_problems("consent", p.consent))
    problems.extend(_reach_problems("", p.channel, p.consent, p.phone))
    seen: set[str] = set()
    for number, relative in enumerate(p.family, start=1):
        prefix = f"family{number}_"
        name = relative.name.strip()
        if not name or len(name) > MAX_NAME_CHARS:
            problems.append(
                Problem(f"{prefix}name", f"give a name of 1 to {MAX_NAME_CHARS} characters")
            )
        elif name.casefold() in seen:
            problems.append(
                Problem(f"{prefix}name", f"{name!r} is the name of another family contact")
            )
        seen.add(name.casefold())
        if relative.language not in languages and relative.language != p.language:
            problems.append(  # (a relative with the participant's language: said once)
                Problem(f"{prefix}language", _language_reason(relative.language, languages))
            )
        problems.extend(_consent_problems(f"{prefix}consent", relative.consent))
        problems.extend(_reach_problems(prefix, relative.channel, relative.consent, relative.phone))
    return problems


def _case_problems(case: str) -> Iterator[Problem]:
    if not CASE_RE.match(case):
        yield Problem(
            "case", f"{case!r} is not a case code: 2-24 of A-Z, 0-9 and '-', e.g. TB-2027-014"
        )
    elif _DIGIT_RUN.search(case):
        yield Problem(
            "case",
            f"{case!r} looks like a phone number or a personal id; a case code is a pseudonym",
        )


def _consent_problems(name: str, consent: Consent) -> Iterator[Problem]:
    if not consent.channels:
        yield Problem(name, "record consent for at least one channel (telegram, sms, voice)")
    if not STAFF_RE.match(consent.by):
        yield Problem(f"{name}_by", f"{consent.by!r} is not a staff id")
    if consent.at.tzinfo is None:
        yield Problem(f"{name}_at", "give the time with its offset, e.g. 2026-11-20T10:00+04:00")


def _reach_problems(
    prefix: str, channel: Channel, consent: Consent, phone: str | None
) -> Iterator[Problem]:
    if channel not in consent.channels:
        yield Problem(
            f"{prefix}channel",
            f"no consent recorded for {channel.value}; record it or choose a consented channel",
        )
    if channel in PHONE_CHANNELS and phone is None:
        yield Problem(f"{prefix}phone", f"{channel.value} needs a phone number")


def _language_reason(language: str, languages: Collection[str]) -> str:
    return f"{language!r} is not one of the program's languages ({', '.join(languages)})"
