"""Access and erasure for one person (a participant by case code, a caller by phone number):
each done in one transaction together with its line in the audit log (who, when, which
case, why), so neither happens without the other."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from hotline.accounts.ports import AuditEntry
from hotline.participants.model import CASE_RE
from hotline.privacy import normalise_number
from hotline.rights.model import Erased, Links, RightsError, Subject, document, reason_of
from hotline.rights.ports import PersonalData, RightsUnits

__all__ = ["Export", "RightsService", "Whom"]


@dataclass(frozen=True)
class Whom:
    """The person asked about: a case code, or a phone number as typed (exactly one)."""

    case: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Export:
    """An export: whose, and the document (plain values but for times)."""

    subject: Subject
    document: dict[str, Any]


class RightsService:
    """Exports and erasures, audited."""

    def __init__(
        self,
        units: RightsUnits,
        clock: Callable[[], datetime],
        *,
        default_region: str | None = None,
        default_language: str = "en",
    ) -> None:
        self.units = units
        self.clock = clock
        self.default_region = default_region
        self.default_language = default_language

    async def export(self, whom: Whom, by: str, reason: str | None) -> Export:
        """Everything held about the person, and a line in the audit log."""
        why = reason_of(reason)
        async with self.units() as uow:
            links, kind = await self._links(uow.personal, whom)
            held = await uow.personal.read(links)
            now = self.clock()
            subject = self._subject(kind, links, held)
            await uow.accounts.audit(AuditEntry(now, by, f"{kind}:export", links.case, why))
        return Export(subject, document(subject, held, made_at=now, by=by))

    async def erase(self, whom: Whom, by: str, reason: str | None) -> Erased:
        """Erase the person's data in one transaction, with its line in the audit log; a
        caller's number that belongs to a participant or a relative is refused."""
        why = reason_of(reason)
        async with self.units() as uow:
            links, kind = await self._links(uow.personal, whom)
            if whom.phone is not None:
                enrolled = await uow.personal.enrolled_as(_number(whom.phone, self.default_region))
                if enrolled:
                    raise RightsError(
                        f"this number belongs to participant {', '.join(enrolled)} or their "
                        "family: erase the participant (hotline data erase CASE), or remove "
                        "the family contact first (hotline participants set CASE "
                        "--remove-family NAME)"
                    )
            held = await uow.personal.read(links) if links.row_id else {}
            now = self.clock()
            counts = await uow.personal.erase(links, now)
            await uow.accounts.audit(AuditEntry(now, by, f"{kind}:erase", links.case, why))
        return Erased(self._subject(kind, links, held), counts, now)

    async def _links(self, personal: PersonalData, whom: Whom) -> tuple[Links, str]:
        if (whom.case is None) == (whom.phone is None):
            raise RightsError("give a case code or --phone NUMBER (one of them)")
        if whom.phone is not None:
            number = _number(whom.phone, self.default_region)
            return await personal.caller_links(number), "caller"
        case = (whom.case or "").strip().upper()
        if not CASE_RE.match(case):
            raise RightsError(f"{whom.case!r} is not a case code (e.g. TB-2027-014)")
        found = await personal.participant_links(case)
        if found is None:
            raise RightsError(f"no participant has case code {case}")
        return found, "participant"

    def _subject(self, kind: str, links: Links, held: dict[str, Any]) -> Subject:
        profile = held.get("profile") or {}
        remembered = [r["value"] for r in held.get("remembered", []) if r["what"] == "language"]
        language = profile.get("language") or (remembered or [self.default_language])[0]
        return Subject(kind, links.case, str(language), str(profile.get("timezone") or "UTC"))


def _number(raw: str, region: str | None) -> str:
    number = normalise_number(raw, region)
    if number is None:
        raise RightsError("--phone: not a phone number; write it in international form, +...")
    return number
