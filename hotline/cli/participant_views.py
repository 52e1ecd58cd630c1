"""How `hotline participants` shows participants: as text and as JSON, contacts masked."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from hotline.cli.staff import masked
from hotline.participants import Consent, FamilyContact, Participant
from hotline.participants.model import Channel

__all__ = ["contact", "listed", "show_lines", "shown", "summary", "when"]


def show_lines(p: Participant) -> list[str]:
    """What `show` prints: the case code, then a line a field and one a family contact."""
    telegram = (
        f"linked {when(p.telegram_linked_at)}"
        if p.telegram_linked
        else f"not linked: `hotline participants invite {p.case}` gives a link to open"
    )
    fields = [
        ("status", p.status.value),
        ("program", p.program),
        ("release", p.release.isoformat()),
        ("time zone", p.timezone),
        ("language", p.language),
        ("specialist", p.specialist),
        ("channel", p.channel.value),
        ("phone", masked(p.phone)),
        ("telegram", telegram),
        ("consent", _consent_text(p.consent)),
        *(("family", _relative_text(relative)) for relative in p.family),
    ]
    return [p.case, *(f"  {label:<11} {value}" for label, value in fields)]


def summary(p: Participant) -> str:
    """A participant in one line, contacts masked."""
    reach = contact(p.channel, p.phone, p.telegram_linked)
    return (
        f"{p.case} ({p.status.value}, {p.program}, release {p.release.isoformat()}, "
        f"{p.timezone}, {p.language}, specialist {p.specialist}; {p.channel.value}: {reach}; "
        f"{len(p.family)} family contact{'s' if len(p.family) != 1 else ''})"
    )


def contact(channel: Channel, phone: str | None, telegram_linked: bool) -> str:
    """How the preferred channel reaches them: a masked number, or whether Telegram is linked."""
    if channel == Channel.TELEGRAM:
        return "Telegram linked" if telegram_linked else "Telegram not linked yet"
    return masked(phone)


def when(instant: datetime | None) -> str:
    """An instant in UTC, to the minute."""
    return "-" if instant is None else instant.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def _consent_text(consent: Consent) -> str:
    channels = ", ".join(sorted(c.value for c in consent.channels))
    return f"{channels}; recorded {when(consent.at)} by {consent.by}"


def _relative_text(f: FamilyContact) -> str:
    telegram = "Telegram linked" if f.telegram_linked else "Telegram not linked"
    return (
        f"{f.name}: {f.channel.value}, {f.language}, phone {masked(f.phone)}, {telegram}; "
        f"consent {_consent_text(f.consent)}"
    )


def listed(p: Participant) -> dict[str, Any]:
    """What `list --json` says of a participant: no contact in full."""
    return {
        "case": p.case,
        "status": p.status.value,
        "program": p.program,
        "release": p.release.isoformat(),
        "timezone": p.timezone,
        "language": p.language,
        "specialist": p.specialist,
        "channel": p.channel.value,
        "phone": masked(p.phone) if p.phone else None,
        "telegram_linked": p.telegram_linked,
        "family": len(p.family),
    }


def shown(p: Participant) -> dict[str, Any]:
    """What `show --json` says: the listing, with consent and family contacts."""
    return {
        **listed(p),
        "telegram_linked_at": _iso(p.telegram_linked_at),
        "consent": _consent_json(p.consent),
        "family": [
            {
                "name": f.name,
                "channel": f.channel.value,
                "language": f.language,
                "phone": masked(f.phone) if f.phone else None,
                "telegram_linked": f.telegram_linked,
                "telegram_linked_at": _iso(f.telegram_linked_at),
                "consent": _consent_json(f.consent),
            }
            for f in p.family
        ],
    }


def _consent_json(consent: Consent) -> dict[str, Any]:
    return {
        "at": _iso(consent.at),
        "by": consent.by,
        "channels": sorted(c.value for c in consent.channels),
    }


def _iso(instant: datetime | date | None) -> str | None:
    return None if instant is None else instant.isoformat()
