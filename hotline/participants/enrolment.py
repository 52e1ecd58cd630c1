"""Telegram enrolment without typing ids: a one-time link a specialist hands over.

Telegram lets no bot write first to a person. So the specialist prints a link
`https://t.me/<bot>?start=<token>` (or its QR code) at the pre-release meeting; opening it
sends the bot `/start <token>`, and the chat is linked to that participant or family contact.

The token is 32 random bytes (43 characters of Telegram's start alphabet, A-Z a-z 0-9 _ -):
it holds no case code, name or date, so a link seen by someone else reveals nothing. Only
its SHA-256 is stored: a copy of the database cannot be used to link a chat. A token works
once, until it expires; a new link for the same person replaces an unused older one.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from hotline.escalation.ports import UnitOfWork, UnitsOfWork
from hotline.participants.model import Channel, Participant, ParticipantError, Problem
from hotline.participants.ports import Invite
from hotline.participants.service import Change, apply_changes
from hotline.reminders.campaign import Campaign

__all__ = [
    "DEFAULT_DAYS",
    "INVITE_MEMORY",
    "MAX_DAYS",
    "Invitation",
    "Linked",
    "enrol_chat",
    "invite",
    "invite_link",
    "redeem",
    "token_hash",
]

log = logging.getLogger(__name__)

DEFAULT_DAYS = 30
INVITE_MEMORY = timedelta(days=7)  # how long an expired invitation's hash is kept
MAX_DAYS = 365
TOKEN_BYTES = 32
_TOKEN_RE = re.compile(r"[A-Za-z0-9_-]{1,64}")  # what Telegram passes as a start parameter
_USERNAME_RE = re.compile(r"[A-Za-z][A-Za-z0-9_]{3,31}")


@dataclass(frozen=True)
class Invitation:
    """A new link's token (shown once, never stored), until when it works, and for whom."""

    token: str
    expires_at: datetime
    case: str
    family_name: str | None


@dataclass(frozen=True)
class Linked:
    """A chat was linked by an invitation: the person's language, and whether a relative."""

    language: str
    family: bool


def token_hash(token: str) -> str:
    """What is stored of a token: its SHA-256 (a random 256-bit token needs no key)."""
    return hashlib.sha256(token.encode("ascii")).hexdigest()


def invite_link(bot_username: str, token: str) -> str:
    """The t.me deep link that opens the bot and sends it `/start <token>`."""
    username = bot_username.removeprefix("@")
    if not _USERNAME_RE.fullmatch(username):
        raise ValueError(f"{bot_username!r} is not a Telegram bot username")
    return f"https://t.me/{username}?start={token}"


async def invite(
    units: UnitsOfWork,
    case: str,
    *,
    family: str | None = None,
    days: int = DEFAULT_DAYS,
    now: datetime,
) -> Invitation:
    """A one-time link for a participant (or a family contact by name) who consented to
    Telegram; ParticipantError naming the field when they cannot be invited."""
    if not 1 <= days <= MAX_DAYS:
        raise ParticipantError([Problem("days", f"give 1 to {MAX_DAYS} days")], case=case)
    async with units() as uow:
        participant = await uow.participants.get(case.strip().upper())
        if participant is None:
            raise ParticipantError(
                [Problem("case", "no participant has this case code")], case=case
            )
        if not participant.active:
            reason = f"the participant's status is {participant.status.value}: nobody to invite"
            raise ParticipantError([Problem("status", reason)], case=participant.case)
        family_id, family_name = None, None
        consented = participant.consent.channels
        if family is not None:
            relative = participant.family_named(family)
            if relative is None:
                reason = f"no family contact named {family!r}"
                raise ParticipantError([Problem("family", reason)], case=participant.case)
            family_id, family_name = relative.id, relative.name
            consented = relative.consent.channels
        if Channel.TELEGRAM not in consented:
            whose = f"{family}'s" if family is not None else "the participant's"
            reason = f"{whose} consent does not cover telegram; record it first (`set`)"
            raise ParticipantError([Problem("consent", reason)], case=participant.case)
        token = secrets.token_urlsafe(TOKEN_BYTES)
        expires_at = now + timedelta(days=days)
        await uow.participants.add_invite(
            Invite(token_hash(token), participant.case, family_id, now, expires_at)
        )
    return Invitation(token, expires_at, participant.case, family_name)


async def redeem(
    uow: UnitOfWork,
    token: str,
    chat_id: int,
    now: datetime,
    campaigns: Mapping[str, Campaign] | None = None,
) -> Linked | None:
    """`/start <token>` from a Telegram chat: link the chat to whom the invitation names,
    spending it, in the caller's unit of work (re-planning with `campaigns`, None: the
    shipped ones). None when the token is unknown, used, expired, or its participant has
    left the program: then nothing changes."""
    if not _TOKEN_RE.fullmatch(token):
        return None
    target = await uow.participants.spend_invite(token_hash(token), now)
    if target is None:
        log.info("an enrolment link was refused: unknown, used or expired")
        return None
    before = await uow.participants.get(target.case)
    if before is None or not before.active:
        log.info("an enrolment link was refused: the participant has left the program")
        return None
    after, language = _linked(before, target.family_id, chat_id, now)
    if after is None:
        log.info("an enrolment link was refused: its family contact was removed")
        return None
    await apply_changes(uow, [Change(before, after)], now, campaigns)
    log.info(
        "an enrolment link linked a Telegram chat (%s)",
        "family" if target.family_id else "participant",
    )
    return Linked(language, family=target.family_id is not None)


async def enrol_chat(
    uow: UnitOfWork,
    token: str,
    address: str,
    now: datetime,
    campaigns: Mapping[str, Campaign] | None = None,
) -> str | None:
    """The chat service's `Enrolment`: link the Telegram chat at `address`; the linked
    person's language, or None when the link does not work."""
    linked = await redeem(uow, token, int(address), now, campaigns)
    return None if linked is None else linked.language


def _linked(
    participant: Participant, family_id: str | None, chat_id: int, now: datetime
) -> tuple[Participant | None, str]:
    if family_id is None:
        linked = replace(participant, telegram_chat=chat_id, telegram_linked_at=now)
        return linked, participant.language
    relative = next((f for f in participant.family if f.id == family_id), None)
    if relative is None:
        return None, participant.language
    family = tuple(
        replace(f, telegram_chat=chat_id, telegram_linked_at=now) if f.id == family_id else f
        for f in participant.family
    )
    return replace(participant, family=family), relative.language
