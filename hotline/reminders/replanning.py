"""A participant's stored plan kept in step with the participant: the rows of their campaign
re-planned in the unit of work that changes what the plan is made from.

The participants service calls `replan_stored` from its one function for plan-affecting
changes (`participants.service.apply_changes`), so a change and its plan are committed
together or not at all. Only the participant and their campaign are held in memory, never
the whole caseload: a bulk import plans participant by participant into inserts.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Iterator, Mapping, Sequence
from datetime import datetime

from hotline.participants.model import PHONE_CHANNELS, Participant
from hotline.participants.model import Channel as Reach
from hotline.reminders.campaign import Campaign, Channel, RecipientKind
from hotline.reminders.loader import load_campaigns
from hotline.reminders.plan import PlannedMessage, PlanSubject, Recipient, plan, replan
from hotline.reminders.ports import PlanRepository

__all__ = ["fresh_plan", "replan_stored", "shipped_campaigns", "subject_of"]

log = logging.getLogger(__name__)

INSERT_BATCH = 5000  # planned rows held before they are written (memory stays bounded)


@functools.cache
def shipped_campaigns() -> Mapping[str, Campaign]:
    """The campaigns that ship, loaded once (a deployment's own are passed in instead)."""
    return load_campaigns()


def subject_of(participant: Participant) -> PlanSubject:
    """What a participant's plan is made from: them and each family contact, with the
    channels each can be reached on now (consented, and with a number or a linked chat)."""
    p = participant
    people = [
        Recipient(
            RecipientKind.PARTICIPANT,
            p.case,
            p.timezone,
            p.language,
            _reachable(p.consent.channels, p.phone, p.telegram_linked),
        ),
        *(
            Recipient(
                RecipientKind.FAMILY,
                f.id,
                p.timezone,
                f.language,
                _reachable(f.consent.channels, f.phone, f.telegram_linked),
            )
            for f in p.family
        ),
    ]
    return PlanSubject(
        participant=p.case,
        release=p.release,
        zone=p.timezone,
        language=p.language,
        recipients=tuple(people),
        specialist=p.specialist,
    )


def fresh_plan(participant: Participant, campaigns: Mapping[str, Campaign]) -> list[PlannedMessage]:
    """Every message a participant's campaign makes for them; none once they left the
    program or when no campaign has their program's name."""
    if not participant.active:
        return []
    campaign = campaigns.get(participant.program)
    if campaign is None:
        log.warning("no campaign %r: its participants get no messages", participant.program)
        return []
    return plan(subject_of(participant), campaign)


async def replan_stored(
    plans: PlanRepository,
    participants: Sequence[tuple[Participant, bool]],
    campaigns: Mapping[str, Campaign],
    now: datetime,
) -> None:
    """Re-plan each (participant, is new): a new one's whole program is inserted (steps
    already past brought forward or recorded as skipped); a changed one's unsent future rows
    follow the fresh plan (`plan.replan`'s rules).

    The new ones' messages are planned as the storage takes them, in one insert: nothing
    piles up in memory but the few steps already past, and on PostgreSQL the database
    writes while the next are planned."""
    skipped: list[tuple[PlannedMessage, str]] = []  # steps missed, recorded as skipped
    new = [participant for participant, is_new in participants if is_new]

    def planned_new() -> Iterator[PlannedMessage]:
        for participant in new:
            change = replan([], fresh_plan(participant, campaigns), now)
            skipped.extend(change.skip)
            yield from change.insert

    if new:
        await plans.insert(planned_new(), now)
    pending: list[PlannedMessage] = []  # changed rows, written a few thousand at a time
    for participant, is_new in participants:
        if is_new:
            continue
        stored = await plans.rows_of(participant.case)
        change = replan(stored, fresh_plan(participant, campaigns), now)
        if change.cancel:
            await plans.cancel([row.id for row in change.cancel], now)
        pending.extend(change.insert)
        skipped.extend(change.skip)
        if len(pending) + len(skipped) >= INSERT_BATCH:
            await plans.insert(pending, now)
            await plans.record_skipped(skipped, now)
            pending, skipped = [], []
    await plans.insert(pending, now)
    await plans.record_skipped(skipped, now)


def _reachable(consented: frozenset[Reach], phone: str | None, linked: bool) -> tuple[Channel, ...]:
    channels = []
    for reach in Reach:
        if reach not in consented:
            continue
        if (reach in PHONE_CHANNELS and phone) or (reach is Reach.TELEGRAM and linked):
            channels.append(Channel(reach.value))
    return tuple(channels)
