"""A taken chat case or question on the web dashboard: what the person and their specialist
wrote since it was taken, and the specialist's reply through `EscalationService.write`.

The person's messages reach it through `WebInbox`, one more staff notifier: the escalation
service relays a message of a taken case to its notifiers in turn, and the inbox keeps it
(encrypted, while the case is open) and lets the next notifier, the Telegram desk, deliver it
too; what the specialist writes on the desk is kept by the desk (`CaseLines.keep_written`).
Closing the case deletes what was kept (`CaseRepository.close`). Texts are never logged.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime

from hotline.crypto import DataCipher
from hotline.dashboard_texts import DashboardText
from hotline.escalation.board import DutySnapshot
from hotline.escalation.model import CaseLine, EscalationRow, Kind
from hotline.escalation.ports import UnitsOfWork
from hotline.escalation.reach import Alert, Assignment, StaffNote
from hotline.escalation.roster import Staff
from hotline.escalation.service import EscalationService, Refusal

__all__ = ["MAX_REPLY_CHARS", "CaseChat", "CaseLines", "WebInbox"]

# A reply reaches the person as one Telegram message (4,096 at most) or a few SMS parts
# (67 characters each in UCS-2): a thousand keeps it readable on either.
MAX_REPLY_CHARS = 1000
WRITTEN = (Kind.CHAT, Kind.QUESTION)  # the kinds a specialist writes in


@dataclass(frozen=True)
class Said:
    """A message of a case as its holder reads it (decrypted)."""

    text: str
    mine: bool  # written by the holder, else by the person
    at: datetime


class CaseLines:
    """The messages of open cases, kept encrypted in the database."""

    def __init__(
        self, units: UnitsOfWork, cipher: DataCipher, clock: Callable[[], datetime]
    ) -> None:
        self._units = units
        self._cipher = cipher
        self._clock = clock

    async def keep(self, escalation_id: str, staff_id: str | None, text: str) -> bool:
        """Keep a message of an open case (`staff_id` None: the person wrote it)."""
        sealed = self._cipher.encrypt(text)
        async with self._units() as uow:
            return await uow.cases.add_line(escalation_id, staff_id, sealed, self._clock())

    async def keep_written(self, staff_id: str, about: str | None, text: str) -> None:
        """What a specialist wrote to their case on the Telegram desk (`about`, else their
        latest case, as `EscalationService.write` chose), kept for their page too."""
        sealed = self._cipher.encrypt(text)
        async with self._units() as uow:
            target = about or await uow.cases.latest_of(staff_id)
            found = await uow.cases.get(target) if target else None
            if target and found is not None and found[1].staff_id == staff_id:
                await uow.cases.add_line(target, staff_id, sealed, self._clock())

    async def read(self, record: EscalationRow) -> list[Said]:
        """A case's messages for its holder: a question's own text first, then the rest."""
        async with self._units() as uow:
            question = await uow.cases.question(record.id)
            lines = await uow.cases.lines(record.id)
        said = [self._said(line, record.staff_id) for line in lines]
        if question is not None:
            said.insert(0, Said(self._cipher.decrypt(question), False, record.started_at))
        return said

    def _said(self, line: CaseLine, holder: str | None) -> Said:
        mine = line.staff_id is not None and line.staff_id == holder
        return Said(self._cipher.decrypt(line.text), mine, line.written_at)


class WebInbox:
    """The staff notifier of the web dashboard: it pushes nothing (the Now page shows the
    queue itself) and keeps what a person writes in a taken case for its holder's page."""

    channel = "web"

    def __init__(self, lines: CaseLines) -> None:
        self._lines = lines

    def reaches(self, snapshot: DutySnapshot) -> Collection[str]:
        """Nobody: a page is read when its reader looks, so alerts go elsewhere."""
        return frozenset()

    async def alert(self, alert: Alert) -> tuple[str | None, ...]:
        """Nothing to send: open work is on the Now page already."""
        return ()

    async def retire(self, escalation_id: str, why: StaffNote) -> None:
        """Nothing to take away: the page refreshes its queue."""

    async def relay(self, staff_id: str, escalation_id: str, text: str) -> bool:
        """Keep the message for the holder's Now page. False: a page does not reach them by
        itself, so the next notifier (their Telegram desk) still delivers it."""
        await self._lines.keep(escalation_id, None, text)
        return False

    async def tell(self, staff_id: str, note: StaffNote) -> bool:
        """Not through a page (False)."""
        return False


class CaseChat:
    """What the Now page does in a case: read it, and write to its person."""

    def __init__(
        self, service: EscalationService, lines: CaseLines, reachable: Collection[str]
    ) -> None:
        self._service = service
        self._lines = lines
        self._reachable = reachable  # the channels a specialist's reply can go out on

    def reaches(self, record: EscalationRow) -> bool:
        """Whether a reply can reach the person of this case (a question left by SMS
        cannot without Twilio's REST API and the staff desk)."""
        return record.channel in self._reachable

    async def conversation(self, record: EscalationRow, staff: Staff) -> list[Said] | None:
        """The messages of an open case `staff` holds; None for anyone else or other work."""
        if not _theirs(record, staff):
            return None
        return await self._lines.read(record)

    async def taken(self, assignment: Assignment) -> None:
        """A case was just taken here: what its person wrote before (handed over once, as
        the take hands it) is kept for the page too."""
        for text in assignment.earlier:
            await self._lines.keep(assignment.escalation.id, None, text)

    async def write(self, staff: Staff, escalation_id: str, text: str) -> Refusal | None:
        """Send a reply to the person of a case `staff` holds (the service's rule, with its
        "specialist says"), and keep it for the page; why not, if it was not sent."""
        record = await self._service.get(escalation_id)
        if record is None or not _theirs(record, staff):
            return StaffNote.of(DashboardText.DASH_REPLY_NOT_YOURS)
        if not self.reaches(record):
            return StaffNote.of(DashboardText.DASH_REPLY_UNREACHABLE)
        refused = await self._service.write(staff, text, escalation_id)
        if refused is not None:
            return StaffNote.of(DashboardText.DASH_REPLY_NOT_YOURS)
        await self._lines.keep(escalation_id, staff.id, text)
        return None


def _theirs(record: EscalationRow, staff: Staff) -> bool:
    return record.kind in WRITTEN and record.staff_id == staff.id and record.ended_at is None
