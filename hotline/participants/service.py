"""The participants service: enrol, change, import, withdraw; each change one unit of work.

Every change that can move a participant's plan of messages (a new participant, the
release date, the program, the time zone, the channel, a contact, a Telegram chat linked,
the status) is stored through `apply_changes`, and only through it: it re-plans the
participant's messages (`reminders.replanning`) in the same transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime

from hotline.escalation.ports import UnitOfWork, UnitsOfWork
from hotline.participants.fields import (
    FieldReader,
    Rules,
    participant_from_fields,
    read_channel,
    read_channels,
    read_date,
    relative_from_fields,
)
from hotline.participants.model import (
    Consent,
    Participant,
    ParticipantError,
    Problem,
    Status,
    find_problems,
)
from hotline.reminders.campaign import Campaign
from hotline.reminders.replanning import replan_stored, shipped_campaigns

__all__ = ["Change", "ParticipantService", "apply_changes"]

log = logging.getLogger(__name__)

Rows = Iterable[tuple[int, Mapping[str, str]]]  # (line number, fields) of an import file


@dataclass(frozen=True)
class Change:
    """A participant before (None when new) and after a change."""

    before: Participant | None
    after: Participant


async def apply_changes(
    uow: UnitOfWork,
    changes: Sequence[Change],
    now: datetime,
    campaigns: Mapping[str, Campaign] | None = None,
) -> None:
    """Store participants that are new or changed: the one way such a change is saved.

    Whatever a participant's plan of reminders and check-ins follows from (the release date,
    program, time zone, channel, contacts, a linked Telegram chat, the status) changes only
    here, and their unsent future messages are re-planned here too, in this unit of work,
    so that a change and its new plan are committed together or not at all. `campaigns`
    are the deployment's (None: the shipped ones).
    """
    new = [change.after for change in changes if change.before is None]
    if new:
        await uow.participants.add(new, now)
    changed = [c.after for c in changes if c.before is not None and c.before != c.after]
    for participant in changed:
        await uow.participants.save(participant, now)
    await replan_stored(
        uow.plan,
        [*((p, True) for p in new), *((p, False) for p in changed)],
        shipped_campaigns() if campaigns is None else campaigns,
        now,
    )


class ParticipantService:
    """Enrolment and changes, with the deployment's rules and clock."""

    def __init__(
        self,
        units: UnitsOfWork,
        rules: Rules,
        clock: Callable[[], datetime],
        campaigns: Mapping[str, Campaign] | None = None,
    ) -> None:
        self.units = units
        self.rules = rules
        self.clock = clock
        self.campaigns = campaigns  # None: the shipped ones

    async def add(self, fields: Mapping[str, str]) -> Participant:
        """Enrol one participant from fields named as the import file's columns."""
        now = self.clock()
        participant = participant_from_fields(fields, rules=self.rules, now=now)
        async with self.units() as uow:
            problems = await _unknown_people(uow, [participant])
            if await uow.participants.taken([participant.case]):
                problems.append(Problem("case", "already enrolled; change it with `set`"))
            if problems:
                raise ParticipantError(problems, case=participant.case)
            await apply_changes(uow, [Change(None, participant)], now, self.campaigns)
        return participant

    async def import_rows(
        self, rows: Rows, progress: Callable[[Rows], Rows] = lambda rows: rows
    ) -> list[Participant]:
        """Enrol every row of a file in one transaction, or none: ParticipantError lists
        each problem with its line and column."""
        now = self.clock()
        problems: list[Problem] = []
        read: list[tuple[int, Participant]] = []
        first_line: dict[str, int] = {}
        for line, fields in progress(rows):
            try:
                participant = participant_from_fields(fields, rules=self.rules, now=now, line=line)
            except ParticipantError as exc:
                problems.extend(exc.problems)
                continue
            if participant.case in first_line:
                reason = f"{participant.case} is on line {first_line[participant.case]} too"
                problems.append(Problem("case", reason, line))
                continue
            first_line[participant.case] = line
            read.append((line, participant))
        async with self.units() as uow:
            taken = await uow.participants.taken(list(first_line))
            staff = await uow.participants.known_staff(_people(p for _, p in read))
            for line, participant in read:
                if participant.case in taken:
                    problems.append(Problem("case", "already enrolled", line))
                problems.extend(
                    replace(problem, line=line) for problem in _staff_problems(participant, staff)
                )
            if problems:
                raise ParticipantError(sorted(problems, key=lambda p: p.line or 0))
            await apply_changes(uow, [Change(None, p) for _, p in read], now, self.campaigns)
        return [participant for _, participant in read]

    async def get(self, case: str) -> Participant:
        """One participant; ParticipantError when no such case code is enrolled."""
        async with self.units() as uow:
            return await _get(uow, case)

    async def list(
        self, *, status: Status | None = None, specialist: str | None = None
    ) -> list[Participant]:
        """Participants in case-code order."""
        async with self.units() as uow:
            return await uow.participants.list(status=status, specialist=specialist)

    async def change(
        self,
        case: str,
        changes: Mapping[str, str],
        *,
        add_family: Sequence[Mapping[str, str]] = (),
        remove_family: Sequence[str] = (),
    ) -> Participant:
        """Change some fields (named as the import file's columns; `phone` "" forgets the
        number; `consent` records a new consent now, by `consent_by`), add family contacts
        (fields name, channel, phone, language, consent; recorded now by `consent_by`, else by
        the specialist) and remove some by name."""
        now = self.clock()
        async with self.units() as uow:
            before = await _get(uow, case)
            after = self._changed(before, changes, add_family, remove_family, now)
            problems = find_problems(
                after, languages=self.rules.languages, programs=self.rules.programs
            )
            # Staff named anew must be on the list; one who has left since does not stop a
            # change (a withdrawal above all).
            named = _people([after]) - _people([before])
            staff = await uow.participants.known_staff(named)
            problems.extend(_staff_problems(after, staff | (_people([before]) - named)))
            if problems:
                raise ParticipantError(problems, case=before.case)
            await apply_changes(uow, [Change(before, after)], now, self.campaigns)
        return after

    async def set_release(self, case: str, release: str) -> tuple[date, Participant]:
        """Move the expected release date; returns the date before and the participant."""
        before = await self.get(case)
        return before.release, await self.change(case, {"release": release})

    async def withdraw(self, case: str) -> Participant:
        """The participant leaves the program: no message goes to them or their family."""
        return await self.change(case, {"status": Status.WITHDRAWN.value})

    def _changed(
        self,
        before: Participant,
        changes: Mapping[str, str],
        add_family: Sequence[Mapping[str, str]],
        remove_family: Sequence[str],
        now: datetime,
    ) -> Participant:
        reader = FieldReader(self.rules)
        fields = dict(changes)
        channels, by = fields.pop("consent", None), fields.pop("consent_by", None)
        after = before
        for name, raw in fields.items():
            after = _one_change(reader, after, name, raw)
        if channels is not None or by is not None:  # consent recorded anew, now
            consented = after.consent.channels
            if channels is not None:
                consented = reader.read("consent", channels, read_channels, consented)
            after = replace(after, consent=Consent(now, by or after.consent.by, consented))
        family = list(after.family)
        for name in remove_family:
            found = after.family_named(name)
            if found is None:
                reader.problems.append(Problem("family", f"no family contact named {name!r}"))
            else:
                family.remove(found)
        consent = Consent(now, by or after.specialist, frozenset())
        for number, given in enumerate(add_family, start=len(family) + 1):
            family.append(
                relative_from_fields(reader, f"family{number}_", given, consent, after.language)
            )
        if reader.problems:
            raise ParticipantError(reader.problems, case=before.case)
        return replace(after, family=tuple(family))


def _one_change(reader: FieldReader, participant: Participant, name: str, raw: str) -> Participant:
    """`participant` with one field changed; a field that cannot be read is kept in `reader`."""
    p = participant
    raw = raw.strip()
    match name:
        case "release":
            return replace(p, release=reader.read(name, raw, read_date, p.release))
        case "program":
            return replace(p, program=raw)
        case "timezone":
            return replace(p, timezone=raw)
        case "language":
            return replace(p, language=raw)
        case "specialist":
            return replace(p, specialist=raw)
        case "channel":
            return replace(p, channel=reader.read(name, raw, read_channel, p.channel))
        case "phone":
            return replace(p, phone=reader.read(name, raw, reader.phone, p.phone))
        case "status":
            return replace(p, status=reader.read(name, raw, Status, p.status))
    reader.problems.append(Problem(name, "cannot be changed"))
    return p


async def _get(uow: UnitOfWork, case: str) -> Participant:
    participant = await uow.participants.get(case.strip().upper())
    if participant is None:
        raise ParticipantError([Problem("case", "no participant has this case code")], case=case)
    return participant


def _people(participants: Iterable[Participant]) -> set[str]:
    """The staff ids a participant names: their specialist and who recorded consents."""
    ids: set[str] = set()
    for p in participants:
        ids.update((p.specialist, p.consent.by), (f.consent.by for f in p.family))
    return ids


def _staff_problems(participant: Participant, staff: set[str]) -> list[Problem]:
    problems = []
    if participant.specialist not in staff:
        problems.append(
            Problem("specialist", f"{participant.specialist!r} is not on the staff list")
        )
    by = participant.consent.by
    if by not in staff and by != participant.specialist:  # (by default, the specialist)
        problems.append(
            Problem("consent_by", f"{participant.consent.by!r} is not on the staff list")
        )
    return problems


async def _unknown_people(uow: UnitOfWork, participants: list[Participant]) -> list[Problem]:
    staff = await uow.participants.known_staff(_people(participants))
    return [problem for p in participants for problem in _staff_problems(p, staff)]
