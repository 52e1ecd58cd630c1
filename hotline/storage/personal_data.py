"""Everything held about one person, found, read (decrypted) and erased on one connection:
`uow.personal` (see rights.ports).

A person is reached two ways. A participant by case code: their row, family contacts,
invitations and plan, and through their phone number and Telegram chat the call log's
pseudonyms of them. A caller by phone number alone: the call log's pseudonym of it. From
the call log's rows hang the escalations and what they keep (a task's number, a case's
messages, a question, a voicemail); a program task keeps its participant's case code,
encrypted. Erasing deletes what names or reaches the person and keeps what counts: the
call-log rows (their pseudonym nulled) and the escalation records, anonymous.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, delete, select, update

from hotline.escalation.model import Kind, Result
from hotline.privacy import pseudonym
from hotline.rights.model import Holding, Links
from hotline.storage.case_tables import CaseMessage
from hotline.storage.directory_tables import CallerRegion
from hotline.storage.escalation_records import ESCALATIONS, end_record
from hotline.storage.models import (
    CallbackTask,
    CallerLanguage,
    CallLogEntry,
    CallSession,
    ChatCase,
    EnrolmentInvite,
    FamilyContactRow,
    MessageAttempt,
    OptOut,
    ParticipantRow,
    PlannedMessageRow,
    Question,
    Voicemail,
)
from hotline.storage.participants import ContactKeys, KeyedRepository

__all__ = ["SqlPersonalData"]

_PEOPLE = cast(Table, ParticipantRow.__table__)
_FAMILY = cast(Table, FamilyContactRow.__table__)
_INVITES = cast(Table, EnrolmentInvite.__table__)
_PLAN = cast(Table, PlannedMessageRow.__table__)
_ATTEMPTS = cast(Table, MessageAttempt.__table__)
_LOG = cast(Table, CallLogEntry.__table__)
_SESSIONS = cast(Table, CallSession.__table__)
_VOICEMAILS = cast(Table, Voicemail.__table__)
_LANGUAGES = cast(Table, CallerLanguage.__table__)
_REGIONS = cast(Table, CallerRegion.__table__)
_OPT_OUTS = cast(Table, OptOut.__table__)
_QUESTIONS = cast(Table, Question.__table__)
_TASKS = cast(Table, CallbackTask.__table__)
_CASES = cast(Table, ChatCase.__table__)
_LINES = cast(Table, CaseMessage.__table__)
_ESC = ESCALATIONS
_PLAN_FIELDS = ("campaign", "step", "recipient_kind", "due_at", "language", "channels", "flow",
                "message", "status", "channel", "reason", "sent_at", "answer",
                "answered_at")  # fmt: skip


class SqlPersonalData(KeyedRepository):
    """The PersonalData repository of a unit of work."""

    # Finding ---------------------------------------------------------------------------------

    async def participant_links(self, case: str) -> Links | None:
        """What hangs from a participant (None: no such case code)."""
        row = (
            await self.conn.execute(select(_PEOPLE).where(_PEOPLE.c.case_code == case))
        ).one_or_none()
        if row is None:
            return None
        addresses = {a for a in (self.keys.open(row.phone), self.keys.open(row.telegram)) if a}
        names = [pseudonym(a, self.keys.ref_key) for a in addresses]
        if row.telegram is not None:  # a private chat's id is its user's id
            names.append(pseudonym(f"telegram:{self.keys.open(row.telegram)}", self.keys.ref_key))
        return await self._links([n for n in names if n], addresses, case=case, row_id=row.id)

    async def caller_links(self, number: str) -> Links:
        """What hangs from a phone number (E.164) in the call log and the open work."""
        name = pseudonym(number, self.keys.ref_key)
        return await self._links([name] if name else [], {number})

    async def enrolled_as(self, number: str) -> list[str]:
        """Case codes of participants with this number, or with a family contact with it."""
        ref = self.keys.ref("phone", number)
        people = select(_PEOPLE.c.case_code).where(_PEOPLE.c.phone_ref == ref)
        family = (
            select(_PEOPLE.c.case_code)
            .join(_FAMILY, _FAMILY.c.participant_id == _PEOPLE.c.id)
            .where(_FAMILY.c.phone_ref == ref)
        )
        found = set((await self.conn.execute(people)).scalars())
        found.update((await self.conn.execute(family)).scalars())
        return sorted(found)

    async def _links(
        self,
        names: Sequence[str],
        addresses: set[str],
        *,
        case: str | None = None,
        row_id: str | None = None,
    ) -> Links:
        logs: list[str] = []
        if names:
            query = select(_LOG.c.id).where(_LOG.c.caller.in_(list(names)))
            logs = list((await self.conn.execute(query)).scalars())
        escalations: set[str] = set()
        if logs:
            query = select(_ESC.c.id).where(_ESC.c.log_id.in_(logs))
            escalations.update((await self.conn.execute(query)).scalars())
        # Open work keeps its address encrypted: a number given for a callback, or a
        # program task's case code. Few rows: decrypt and compare.
        wanted = addresses | ({case} if case else set())
        tasks = select(_TASKS.c.escalation_id, _TASKS.c.contact).where(
            _TASKS.c.contact.is_not(None)
        )
        cases = select(_CASES.c.escalation_id, _CASES.c.address).where(
            _CASES.c.address.is_not(None)
        )
        for query in (tasks, cases):
            for found, sealed in await self.conn.execute(query):
                if self.keys.open(sealed) in wanted:
                    escalations.add(found)
        questions = select(_QUESTIONS.c.log_id, _QUESTIONS.c.reply_to)
        extra_logs = {
            log for log, sealed in await self.conn.execute(questions)
            if self.keys.open(sealed) in addresses
        }  # fmt: skip
        return Links(
            case=case,
            row_id=row_id,
            pseudonyms=tuple(sorted(set(names))),
            log_ids=tuple(sorted(set(logs) | extra_logs)),
            escalation_ids=tuple(sorted(escalations)),
        )

    # Reading ---------------------------------------------------------------------------------

    async def read(self, links: Links) -> Holding:
        """Everything held, decrypted, by section (plain values; times are UTC)."""
        held: Holding = {}
        if links.row_id is not None:
            held.update(await self._participant(links.row_id, links.case or ""))
        held["calls"] = await self._rows(
            select(_LOG.c.id, _LOG.c.channel, _LOG.c.flow, _LOG.c.started_at, _LOG.c.ended_at,
                   _LOG.c.duration_s, _LOG.c.language, _LOG.c.outcome)
            .where(_LOG.c.id.in_(links.log_ids))
            .order_by(_LOG.c.started_at)
        )  # fmt: skip
        held["escalations"] = await self._escalations(links)
        held["questions"] = [
            {**q, "reply_to": self.keys.open(q["reply_to"]), "text": self.keys.open(q["text"])}
            for q in await self._rows(
                select(_QUESTIONS.c.log_id, _QUESTIONS.c.channel, _QUESTIONS.c.language,
                       _QUESTIONS.c.reply_to, _QUESTIONS.c.text, _QUESTIONS.c.created_at,
                       _QUESTIONS.c.answered_at)
                .where(_QUESTIONS.c.log_id.in_(links.log_ids))
                .order_by(_QUESTIONS.c.created_at)
            )
        ]  # fmt: skip
        held["voicemails"] = await self._rows(
            select(_VOICEMAILS.c.log_id, _VOICEMAILS.c.language, _VOICEMAILS.c.duration_s,
                   _VOICEMAILS.c.created_at)
            .where(_VOICEMAILS.c.log_id.in_(links.log_ids))
        )  # fmt: skip
        held["remembered"] = await self._remembered(list(links.pseudonyms))
        return held

    async def _remembered(self, names: list[str]) -> list[dict[str, Any]]:
        """A caller's language and region, and their opt-out, by pseudonym."""
        found: list[dict[str, Any]] = []
        for what, table, key, value, at in (
            ("language", _LANGUAGES, "caller", "language", "updated_at"),
            ("region", _REGIONS, "caller", "region", "updated_at"),
            ("opt-out", _OPT_OUTS, "subscriber", "channel", "created_at"),
        ):
            rows = await self._rows(select(table).where(table.c[key].in_(names)))
            found.extend({"what": what, "value": r[value], "at": r[at]} for r in rows)
        return found

    async def _participant(self, row_id: str, case: str) -> Holding:
        keys = self.keys
        person = (await self._rows(select(_PEOPLE).where(_PEOPLE.c.id == row_id)))[0]
        family = await self._rows(
            select(_FAMILY).where(_FAMILY.c.participant_id == row_id).order_by(_FAMILY.c.position)
        )
        invites = await self._rows(
            select(_INVITES.c.family_id, _INVITES.c.created_at, _INVITES.c.expires_at,
                   _INVITES.c.spent_at)
            .where(_INVITES.c.participant_id == row_id)
            .order_by(_INVITES.c.created_at)
        )  # fmt: skip
        plan = await self._rows(
            select(_PLAN).where(_PLAN.c.participant == case).order_by(_PLAN.c.due_at, _PLAN.c.id)
        )
        attempts: dict[int, list[dict[str, Any]]] = {}
        query = (
            select(_ATTEMPTS)
            .where(_ATTEMPTS.c.planned_id.in_([p["id"] for p in plan]))
            .order_by(_ATTEMPTS.c.at, _ATTEMPTS.c.id)
        )
        for attempt in await self._rows(query):
            planned = attempt.pop("planned_id")
            attempt.pop("id")
            attempts.setdefault(planned, []).append(attempt)
        names = {f["id"]: keys.cipher.decrypt(f["name"]) for f in family}
        return {
            "profile": _reachable(person, keys)
            | {k: person[k] for k in ("case_code", "program", "release_date", "timezone",
                                      "specialist", "status", "created_at", "updated_at")},
            "family": [_reachable(f, keys) | {"name": names[f["id"]]} for f in family],
            "invitations": [
                {**i, "for": names.get(i.pop("family_id") or "")} for i in invites
            ],
            "plan": [
                {
                    "recipient": names.get(p["recipient_ref"] or ""),  # a relative, by name
                    **{k: p[k] for k in _PLAN_FIELDS},
                    "attempts": attempts.get(p["id"], []),
                }
                for p in plan
            ],
        }  # fmt: skip

    async def _escalations(self, links: Links) -> list[dict[str, Any]]:
        ids = list(links.escalation_ids)
        found = await self._rows(
            select(_ESC.c.id, _ESC.c.kind, _ESC.c.channel, _ESC.c.language, _ESC.c.reason,
                   _ESC.c.started_at, _ESC.c.answered_at, _ESC.c.ended_at, _ESC.c.outcome,
                   _ESC.c.staff_id, _ESC.c.assigned_to)
            .where(_ESC.c.id.in_(ids))
            .order_by(_ESC.c.started_at)
        )  # fmt: skip
        tasks = {t["escalation_id"]: t for t in await self._rows(
            select(_TASKS).where(_TASKS.c.escalation_id.in_(ids)))}  # fmt: skip
        cases = {c["escalation_id"]: c for c in await self._rows(
            select(_CASES).where(_CASES.c.escalation_id.in_(ids)))}  # fmt: skip
        lines: dict[str, list[dict[str, Any]]] = {}
        query = select(_LINES).where(_LINES.c.escalation_id.in_(ids)).order_by(_LINES.c.id)
        for line in await self._rows(query):
            lines.setdefault(line["escalation_id"], []).append(
                {"from": line["staff_id"] or "you", "at": line["written_at"],
                 "text": self.keys.open(line["text"])}
            )  # fmt: skip
        for record in found:
            task = tasks.get(record["id"])
            if task is not None:
                # a program task's "contact" is the case code: not a contact, left out
                program = record["kind"] == Kind.TASK
                record["task"] = {
                    "kind": task["kind"],
                    "duration_s": task["duration_s"],
                    "closed_at": task["closed_at"],
                    "contact": None if program else self.keys.open(task["contact"]),
                }
            case = cases.get(record["id"])
            if case is not None:
                record["chat"] = {
                    "address": self.keys.open(case["address"]),
                    "waiting": [self.keys.open(t) for t in case["pending"]],
                    "closed_at": case["closed_at"],
                }
            record["messages"] = lines.get(record["id"], [])
        return found

    async def _rows(self, query: Any) -> list[dict[str, Any]]:
        return [dict(r._mapping) for r in (await self.conn.execute(query)).all()]

    # Erasing ---------------------------------------------------------------------------------

    async def erase(self, links: Links, now: datetime) -> dict[str, int]:
        """Delete what names or reaches the person; keep the counts anonymous. How many rows
        of each kind went (or were unlinked: `calls`)."""
        ids, logs, names = list(links.escalation_ids), list(links.log_ids), list(links.pseudonyms)
        done: dict[str, int] = {}
        for escalation in ids:  # open work ends now: nobody is alerted about it any more
            await end_record(self.conn, escalation, Result.DONE, now)
        done["case_messages"] = await self._delete(_LINES, _LINES.c.escalation_id.in_(ids))
        done["chat_cases"] = await self._delete(_CASES, _CASES.c.escalation_id.in_(ids))
        done["tasks"] = await self._delete(_TASKS, _TASKS.c.escalation_id.in_(ids))
        done["questions"] = await self._delete(_QUESTIONS, _QUESTIONS.c.log_id.in_(logs))
        done["voicemails"] = await self._delete(_VOICEMAILS, _VOICEMAILS.c.log_id.in_(logs))
        done["sessions"] = await self._delete(_SESSIONS, _SESSIONS.c.log_id.in_(logs))
        done["languages"] = await self._delete(_LANGUAGES, _LANGUAGES.c.caller.in_(names))
        done["regions"] = await self._delete(_REGIONS, _REGIONS.c.caller.in_(names))
        unlinked = await self.conn.execute(
            update(_LOG).where(_LOG.c.id.in_(logs)).values(caller=None)
        )
        done["calls"] = int(unlinked.rowcount or 0)
        if links.row_id is not None:
            done |= await self._erase_participant(links.row_id, links.case or "")
        return done

    async def _erase_participant(self, row_id: str, case: str) -> dict[str, int]:
        plan = select(_PLAN.c.id).where(_PLAN.c.participant == case).scalar_subquery()
        family = _FAMILY.c.participant_id == row_id
        return {
            "attempts": await self._delete(_ATTEMPTS, _ATTEMPTS.c.planned_id.in_(plan)),
            "plan": await self._delete(_PLAN, _PLAN.c.participant == case),
            "invitations": await self._delete(_INVITES, _INVITES.c.participant_id == row_id),
            "family": await self._delete(_FAMILY, family),
            "participant": await self._delete(_PEOPLE, _PEOPLE.c.id == row_id),
        }

    async def _delete(self, table: Table, where: Any) -> int:
        return int((await self.conn.execute(delete(table).where(where))).rowcount or 0)


def _reachable(row: dict[str, Any], keys: ContactKeys) -> dict[str, Any]:
    """The contact columns of a participant or a family contact, decrypted."""
    chat = keys.open(row["telegram"])
    return {
        "language": row["language"],
        "channel": row["channel"],
        "phone": keys.open(row["phone"]),
        "telegram_chat": chat,
        "telegram_linked_at": row["telegram_linked_at"],
        "consent_at": row["consent_at"],
        "consent_by": row["consent_by"],
        "consent_channels": list(row["consent_channels"]),
    }
