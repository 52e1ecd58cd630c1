"""The durable dispatcher: due rows of the plan claimed in batches, judged by the delivery
rules, handed to a channel, and every attempt recorded.

Why no message is lost and none is sent twice:

1. The plan is rows (`planned_messages`), written in the transaction that enrols or changes a
   participant; nothing lives in memory between ticks, so a restart loses nothing and
   memory does not grow with the caseload.
2. A tick claims due rows (FOR UPDATE SKIP LOCKED on PostgreSQL: two processes never hold
   the same row; SQLite has one writer) and, in that same transaction, decides each one:
   skipped (too late, nobody to reach) and waiting (waking hours, the gap, a live
   conversation) are final for this tick; a row to send is marked `sending`. That
   transaction commits BEFORE any provider is called, so another process, or this one
   after a restart, never picks the row up again as `planned`.
3. After the provider answers, the row becomes `sent` with the provider's id, or goes back
   to `planned` for a retry (backoff, bounded) or the next channel, or `failed`.
4. A crash between 2 and 3 leaves the row `sending`, never `planned`: it is not sent again
   by accident. It is settled by the provider's status callback, which carries our row id
   in its URL (SMS and calls: Twilio posts queued/sent/delivered/failed within seconds of
   accepting a message); a Twilio row still `sending` after `stuck_after` without any
   callback never reached Twilio, and is planned again. Telegram has no callback and no
   idempotency key: a Telegram row still `sending` after `stuck_after` is accepted as sent
   and recorded so ("unconfirmed") — the narrow window between marking and Telegram's
   answer may lose a message, but never doubles one.
5. Status changes are conditional on the status expected, so a late or repeated callback,
   or a second process, cannot move a row backwards.

The gap between two messages to one person is checked against what was sent or is being
sent (one query per batch) and, for the batches a tick runs side by side, against what
this tick marked in memory. Two processes that claim two rows of the same person in the
same second could both pass it; that needs two steps of one person due together, which
campaigns space by days.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from hotline.conversations.chat_render import ChatMessage
from hotline.escalation.ports import UnitOfWork, UnitsOfWork
from hotline.observe import metrics
from hotline.participants.model import Participant
from hotline.privacy import Pseudonyms
from hotline.reminders.campaign import Channel, RecipientKind
from hotline.reminders.delivery import Verdict, catch_up, deliver_at
from hotline.reminders.dispatch_config import DEFAULT_CONFIG, DispatchConfig, Tally
from hotline.reminders.first_message import with_how_to_stop
from hotline.reminders.offsets import zone
from hotline.reminders.outbound import Openings, Outbound, Sender, SendError, SendFailure
from hotline.reminders.plan import PlannedMessage
from hotline.reminders.ports import Attempt, StoredMessage
from hotline.reminders.recipients import CHANNELS, REPORTED, Reach, callers, reach_of, sms_ref
from hotline.reminders.staff_work import Silences, TaskDesk

__all__ = ["DispatchConfig", "Dispatcher", "Tally", "TaskDesk"]

log = logging.getLogger(__name__)

Texts = Callable[[PlannedMessage, datetime], tuple[ChatMessage, ...]]
HowToStop = Callable[[str, Channel], str | None]  # (language, channel): a first message's end


@dataclass(frozen=True)
class _Send:
    row: StoredMessage
    out: Outbound
    remaining: tuple[Channel, ...]  # the channels after this one
    participant: Participant
    phone: str | None


class Dispatcher:
    """Claims due planned messages and delivers them; `tick()` is the scheduler's job."""

    def __init__(
        self,
        *,
        units: UnitsOfWork,
        senders: Mapping[Channel, Sender],
        texts: Texts,
        clock: Callable[[], datetime],
        pseudonym_key: bytes,
        tasks: TaskDesk | None = None,
        config: DispatchConfig = DEFAULT_CONFIG,
        openings: Openings | None = None,
        silences: Silences | None = None,
        how_to_stop: HowToStop | None = None,
    ) -> None:
        self.openings = openings
        self.silences = silences
        self.units = units
        self.senders = senders
        self.texts = texts
        self.clock = clock
        self.pseudonym_key = pseudonym_key
        self.tasks = tasks
        self.config = config
        self.how_to_stop = how_to_stop

    async def tick(self) -> Tally:
        """Settle rows left `sending`, then send what is due, batch by batch: a few
        batches in flight at once, so the database works while a provider answers."""
        tally = Tally()
        await self.reconcile(tally)
        await self.time_passed(tally)
        budget = [self.config.batches]
        recent: dict[str, tuple[int, datetime]] = {}  # (row, when) sent this tick, by recipient

        async def worker() -> None:
            while budget[0] > 0:
                budget[0] -= 1
                sends = await self._claim(tally, recent)
                if sends is None:
                    return
                await self._send_all(sends, tally)

        await asyncio.gather(*(worker() for _ in range(self.config.in_flight)))
        for outcome in ("sent", "failed", "skipped", "retried", "waited"):
            metrics.reminders(outcome, getattr(tally, outcome))
        return tally

    async def report(self, row_id: int, status: str, error_code: str | None) -> bool:
        """A provider's status callback about a row (Twilio's MessageStatus/CallStatus);
        False when the row is unknown or settled."""
        now = self.clock()
        outcome = REPORTED.get(status)
        if outcome is None:
            return False
        error = f"error {error_code}" if error_code else None
        async with self.units() as uow:
            changed = await uow.plan.reported(row_id, outcome, error)
            row = await uow.plan.get(row_id)
            if row is not None:
                detail = "the provider reported" + (f" {error}" if error else "")
                await uow.plan.attempt(row_id, Attempt(now, row.channel, status[:16], None, detail))
        return changed

    async def reconcile(self, tally: Tally) -> None:
        """Rows left `sending` by a process that stopped: asked of the provider where it
        can be (Twilio), accepted and recorded where it cannot (Telegram); see the
        module's docstring."""
        now = self.clock()
        async with self.units() as uow:
            for row in await uow.plan.stuck(now - self.config.stuck_after, self.config.batch):
                outcome, provider_id, detail = await self._settle_stuck(uow, row, now)
                await uow.plan.attempt(
                    row.id, Attempt(now, row.channel, outcome, provider_id, detail)
                )
                tally.reconciled += 1

    async def time_passed(self, tally: Tally) -> None:
        """What time alone decides: participants released by today are in the program, and
        check-ins out longer than `answer_within` with no answer are silent (see
        `reminders.answers`)."""
        now = self.clock()
        if self.tasks is not None:
            await self.tasks.prepare()
        async with self.units() as uow:
            # Statuses that follow from time: released today, so in the program now.
            await uow.participants.move_on(now.date(), (), now)
            if self.silences is None:
                return
            rows = await uow.answers.overdue(now - self.config.answer_within, self.config.batch)
            if rows:
                tally.tasks += await self.silences.went_silent(uow, rows, self.config.silences, now)

    async def _settle_stuck(
        self, uow: UnitOfWork, row: StoredMessage, now: datetime
    ) -> tuple[str, str | None, str]:
        sender = self.senders.get(Channel(row.channel)) if row.channel in CHANNELS else None
        if sender is None or not sender.confirms:
            await uow.plan.sent(row.id, None, now)
            return "sent", None, "unconfirmed: the server stopped while sending"
        participant = await uow.participants.get(row.message.participant)
        reach = None if participant is None else reach_of(participant, row.message)
        if reach is None or row.sending_at is None:
            await uow.plan.fail(row.id, "stopped while sending; no longer reachable", now)
            return "failed", None, "stopped while sending; no longer reachable"
        phone, chat, _ = reach
        first = not await uow.plan.sent_before(row.message.recipient_ref or "", row.id)
        out = self._first(self._outbound(row, Channel(row.channel or ""), phone, chat, now), first)
        try:
            provider_id = await sender.find(out, row.sending_at)
        except SendError as exc:
            return "unknown", None, f"asked the provider again later: {exc}"
        if provider_id is not None:
            await uow.plan.sent(row.id, provider_id, now)
            return "sent", provider_id, "confirmed by the provider after a stop"
        await uow.plan.retry(row.id, now, "the provider never got it: sent again", now)
        return "resend", None, "the provider never got it: sent again"

    def _outbound(
        self,
        row: StoredMessage,
        channel: Channel,
        phone: str | None,
        chat: int | None,
        now: datetime,
    ) -> Outbound:
        m = row.message
        address = str(chat) if channel is Channel.TELEGRAM else str(phone)
        return Outbound(row.id, channel, address, m.language, self.texts(m, now), m.flow)

    def _first(self, out: Outbound, first: bool) -> Outbound:
        """The first message a person ever gets ends with how to stop (`first_message`)."""
        if not first or self.how_to_stop is None:
            return out
        line = self.how_to_stop(out.language, out.channel)
        buttons = out.channel is Channel.TELEGRAM and out.seq is not None
        return replace(out, texts=with_how_to_stop(out.texts, line, buttons))

    # -- claiming ------------------------------------------------------------------------

    async def _claim(
        self, tally: Tally, recent: dict[str, tuple[int, datetime]]
    ) -> list[_Send] | None:
        """One batch decided in one transaction; None when nothing was due. The lookups
        (participants, recent sends, live conversations, opt-outs) are one query each."""
        now = self.clock()
        rules = self.config.rules
        sends: list[_Send] = []
        if self.tasks is not None:
            await self.tasks.prepare()
        async with self.units() as uow:
            rows = await uow.plan.claim(now, self.config.batch)
            if not rows:
                return None
            people = await uow.participants.get_many({r.message.participant for r in rows})
            last = await uow.plan.last_sent({r.message.recipient_ref or "" for r in rows})
            reachable: list[tuple[StoredMessage, Participant, Reach]] = []
            for row in rows:
                m = row.message
                participant = people.get(m.participant)
                if catch_up(m.due_at, now, rules.catch_up).verdict is Verdict.SKIP:
                    await self._skip(uow, row, "past due beyond the catch-up window", tally)
                elif participant is None or not participant.active:
                    await self._skip(uow, row, "the participant has left the program", tally)
                elif m.recipient_kind is RecipientKind.SPECIALIST_TASK:
                    await self._task(uow, row, participant, tally)
                else:
                    reach = reach_of(participant, m)
                    if reach is None:
                        reason = "no longer reachable on the step's channels"
                        await self._skip(uow, row, reason, tally)
                    else:
                        reachable.append((row, participant, reach))
            # A pseudonym costs a phone number's parsing: each is made once a batch.
            refs = Pseudonyms(self.pseudonym_key)
            phones = {r[2][0] for r in reachable if r[2][0]}
            opted = await uow.chats.opted_out_among({refs(p) or "" for p in phones})
            addressed = {c for _, _, (p, ch, _) in reachable for c in _callers(refs, p, ch) if c}
            live = await uow.plan.live_callers(addressed, now - self.config.live_within)
            waits: list[tuple[int, datetime]] = []
            marks: list[tuple[int, str]] = []
            for row, participant, (phone, chat, channels) in reachable:
                m = row.message
                at = deliver_at(now, zone(m.zone), m.window)
                ref = m.recipient_ref or ""
                previous = last.get(ref)
                if ref in recent and recent[ref][0] != row.id:  # this tick's sends are newer
                    previous = recent[ref][1]
                if previous is not None and now - previous < rules.gap:
                    at = max(at, previous + rules.gap)
                if any(c in live for c in _callers(refs, phone, chat) if c):
                    at = max(at, now + self.config.live_wait)
                if at > now:
                    waits.append((row.id, at))
                    tally.waited += 1
                    continue
                if phone and (refs(phone) or "") in opted:
                    channels = tuple(c for c in channels if c is not Channel.SMS)
                channels = tuple(c for c in channels if c in self.senders)
                if not channels:
                    await self._skip(uow, row, "none of its channels is open here", tally)
                    continue
                opened = await self._open(uow, row, channels, phone, chat, now)
                if opened == "busy":  # with a specialist: the check-in waits
                    waits.append((row.id, now + self.config.live_wait))
                    tally.waited += 1
                    continue
                if opened is None:
                    await self._skip(uow, row, "the person asked for no more messages", tally)
                    continue
                out, channels = opened
                out = self._first(out, previous is None)
                recent[ref] = (row.id, now)  # before the await: other batches run meanwhile
                marks.append((row.id, channels[0].value))
                sends.append(_Send(row, out, channels[1:], participant, phone))
            # Set-based: the batch's waits and its rows marked `sending`, each still
            # conditional on `planned`, committed with the claim before any provider call.
            await uow.plan.wait_many(waits, now)
            await uow.plan.sending_many(marks, now)
        return sends

    async def _open(
        self,
        uow: UnitOfWork,
        row: StoredMessage,
        channels: tuple[Channel, ...],
        phone: str | None,
        chat: int | None,
        now: datetime,
    ) -> tuple[Outbound, tuple[Channel, ...]] | Literal["busy"] | None:
        """The message on the first of `channels` that takes it, and the channels from
        that one on: a check-in opens its conversation there, so that the answer continues
        it. "busy": the person is with a specialist; None: every channel asked for silence."""
        sms_ref, chat_ref = callers(phone, chat, self.pseudonym_key)
        for i, channel in enumerate(channels):
            out = self._outbound(row, channel, phone, chat, now)
            if row.message.flow is None or self.openings is None:
                return out, channels[i:]
            ref = chat_ref if channel is Channel.TELEGRAM else sms_ref
            opened = await self.openings.open(
                uow, channel, out.address, ref or "", row.message, row.id, now
            )
            if opened == "busy":
                return "busy"
            if opened == "opted-out":
                continue
            if opened is not None:
                out = replace(out, texts=opened[0], seq=opened[1])
            return out, channels[i:]
        return None

    async def _skip(self, uow: UnitOfWork, row: StoredMessage, reason: str, tally: Tally) -> None:
        now = self.clock()
        await uow.plan.skip(row.id, reason, now)
        await _program_over(uow, row, now)
        await uow.plan.attempt(row.id, Attempt(now, None, "skipped", None, reason))
        tally.skipped += 1
        tally.outcomes.append((row.id, "skipped"))

    async def _task(
        self, uow: UnitOfWork, row: StoredMessage, participant: Participant, tally: Tally
    ) -> None:
        now = self.clock()
        if self.tasks is None:
            await self._skip(uow, row, "no staff desk to give the task to", tally)
            return
        await uow.plan.sending(row.id, "desk", now)
        task_id = await self.tasks.open_task(uow, row.message, participant, now)
        await uow.plan.sent(row.id, task_id, now)
        await uow.plan.attempt(row.id, Attempt(now, "desk", "sent", task_id, None))
        tally.tasks += 1
        tally.outcomes.append((row.id, "task"))

    # -- sending -------------------------------------------------------------------------

    async def _send_all(self, sends: list[_Send], tally: Tally) -> None:
        limit = asyncio.Semaphore(self.config.concurrency)

        async def one(send: _Send) -> tuple[_Send, str | None, SendError | None]:
            async with limit:
                try:
                    return send, await self.senders[send.out.channel].send(send.out), None
                except SendError as exc:
                    return send, None, exc
                except Exception as exc:  # a bug or an outage of ours: retried, bounded
                    log.exception("sending planned message %d failed", send.row.id)
                    return send, None, SendError(SendFailure.RETRY, type(exc).__name__)

        results = await asyncio.gather(*(one(s) for s in sends))
        now = self.clock()
        async with self.units() as uow:
            # What the provider took is settled set-based (conditional on `sending`, with
            # its attempt); what it refused, row by row.
            taken = [(send.row.id, provider_id) for send, provider_id, e in results if e is None]
            await uow.plan.sent_many(taken, now)
            await uow.plan.attempts(
                [
                    (send.row.id, Attempt(now, send.out.channel, "sent", provider_id))
                    for send, provider_id, error in results
                    if error is None
                ]
            )
            for send, _, error in results:
                if error is None:
                    await _program_over(uow, send.row, now)  # (its last message only)
                    tally.sent += 1
                    tally.outcomes.append((send.row.id, "sent"))
            for send, _, error in results:
                if error is not None:
                    await self._settle(uow, send, error, now, tally)

    async def _settle(
        self,
        uow: UnitOfWork,
        send: _Send,
        error: SendError,
        now: datetime,
        tally: Tally,
    ) -> None:
        """A send the provider refused or that failed: retried, the next channel, or failed."""
        row_id, channel = send.row.id, send.out.channel
        code = f" ({error.code})" if error.code else ""
        detail = f"{error.failure.value}{code}: {error}"
        await uow.plan.attempt(row_id, Attempt(now, channel, "error", None, detail))
        if error.failure is SendFailure.OPTED_OUT:
            # The carrier refuses every SMS to this number until the person texts START:
            # keep the number out of SMS (as an SMS STOP does) and tell their specialist.
            await uow.chats.opt_out(sms_ref(send.phone, self.pseudonym_key), channel, now)
            if self.tasks is not None:
                await self.tasks.opted_out(uow, send.row.message, send.participant, now)
        if error.failure is SendFailure.RETRY:
            attempts = send.row.attempts + 1
            if attempts < self.config.max_attempts:
                backoff = self.config.backoff * 2 ** (attempts - 1)
                await uow.plan.retry(row_id, now + backoff, detail, now)
                tally.retried += 1
                return
        elif send.remaining:
            await uow.plan.retry(row_id, now, detail, now, channels=send.remaining)
            tally.retried += 1
            return
        await uow.plan.fail(row_id, detail, now)
        await _program_over(uow, send.row, now)
        tally.failed += 1
        tally.outcomes.append((row_id, "failed"))


async def _program_over(uow: UnitOfWork, row: StoredMessage, now: datetime) -> None:
    """The participant's last message is done (sent, skipped or failed): the program ends."""
    if row.message.last and row.message.recipient_kind is RecipientKind.PARTICIPANT:
        await uow.participants.move_on(now.date(), (row.message.participant,), now)


def _callers(refs: Pseudonyms, phone: str | None, chat: int | None) -> list[str | None]:
    """The call log's pseudonyms of a recipient's phone and Telegram chat (as `callers`)."""
    return [refs(phone) if phone else None, refs(f"telegram:{chat}") if chat is not None else None]
