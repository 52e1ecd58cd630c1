"""What happened to a call while the database was down, kept in the spool and replayed.

During a fault the voice fallback still answers: it rings the fallback number or records a
message. What it hears back (a voicemail, the fallback dial's result) and the status
callbacks that could not be stored are appended to the local spool (hotline.storage.spool),
encrypted. Once the database answers, `replay` turns them into what the normal path would
have stored: a voicemail row and a callback task with the staff alerts scheduled, the call
log row closed with Twilio's duration, or, for a call that began during the fault and has no
session at all, a call log row of its own (caller as a pseudonym, path ["fallback"]).

Replay is idempotent: a voicemail is filed once per recording URL, a call without a session
gets a session row (ended) in the same transaction as its log row, and closing a row again
writes the same values. So a crash between filing and removing the records files nothing
twice. One process replays at a time (the spool's replay lock).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, Literal

from hotline.call_log import summarise
from hotline.escalation.board import DutyBoard, DutySnapshot
from hotline.escalation.calls import CHANNEL, CallEscalation
from hotline.escalation.ports import (
    NewSession,
    NewVoicemail,
    StoredSession,
    UnitOfWork,
    UnitsOfWork,
)
from hotline.flows.engine import LanguageSource
from hotline.flows.loader import VOICE_FLOW
from hotline.flows.state import Outcome, SessionState
from hotline.housekeeping import IDLE_LIMIT
from hotline.privacy import pseudonym
from hotline.storage.spool import Spool

log = logging.getLogger(__name__)

FALLBACK_NODE = "fallback"  # the call log path's entry for "the fallback answered"
# After a voicemail the fallback says goodbye and hangs up: the status callback follows in
# seconds. Without it (lost, or not configured) the call is replayed after this anyway.
VOICEMAIL_HOLD = timedelta(minutes=2)
EventKind = Literal["fallback", "dial", "voicemail", "status"]
_KINDS: tuple[EventKind, ...] = ("fallback", "dial", "voicemail", "status")
RECORD_VERSION = 1
MAX_WRITES_A_RUN = 100


@dataclass(frozen=True)
class CallEvent:
    """One thing the fallback saw of a call: a spool record.

    fallback: the fallback TwiML answered the call; dial: the fallback number's dial ended
    (`answered`); voicemail: a message was recorded; status: the call ended (Twilio's status
    callback, with its duration) and the database did not take it.
    """

    kind: EventKind
    call_sid: str
    caller: str  # the raw From: only ever in the encrypted spool, never logged
    at: datetime
    language: str | None = None
    answered: bool = False
    recording_sid: str = ""
    recording_url: str = ""
    duration_s: int | None = None

    def to_json(self) -> dict[str, Any]:
        """The record as the spool keeps it (encrypted)."""
        return {
            "v": RECORD_VERSION,
            "kind": self.kind,
            "call": self.call_sid,
            "from": self.caller,
            "at": self.at.isoformat(),
            "lang": self.language,
            "answered": self.answered,
            "rec_sid": self.recording_sid,
            "rec_url": self.recording_url,
            "duration": self.duration_s,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> CallEvent:
        """The inverse of to_json; ValueError (or KeyError, TypeError) on a bad record."""
        kind = data["kind"]
        if kind not in _KINDS:
            raise ValueError(f"unknown spool record kind {kind!r}")
        at = datetime.fromisoformat(str(data["at"]))
        if at.tzinfo is None:
            raise ValueError("a spool record's time has no zone")
        duration = data.get("duration")
        return cls(
            kind=kind,
            call_sid=str(data["call"]),
            caller=str(data["from"]),
            at=at,
            language=None if data.get("lang") is None else str(data["lang"]),
            answered=bool(data.get("answered", False)),
            recording_sid=str(data.get("rec_sid", "")),
            recording_url=str(data.get("rec_url", "")),
            duration_s=None if duration is None else int(duration),
        )


@dataclass
class ReplayCounts:
    """What one replay did; figures only, no personal data."""

    voicemails: int = 0  # voicemails filed, each with its callback task
    closed: int = 0  # calls with a session whose log row was closed or corrected
    added: int = 0  # calls without a session that got a log row
    waiting: int = 0  # records kept for a later replay (their call may not have ended)
    other: int = 0  # records another database's server kept here: left for it to replay
    skipped: bool = False  # another process was replaying
    failed: str | None = None  # the database did not take them: the error's class

    def __str__(self) -> str:
        return (
            f"{self.voicemails} voicemails filed, {self.closed} calls closed, "
            f"{self.added} call log rows added, {self.waiting} records waiting"
            + (f", {self.other} of another database" if self.other else "")
        )


class VoiceSpool:
    """Keeps the fallback's events in the spool, and replays them into the database."""

    def __init__(
        self,
        *,
        spool: Spool,
        units: UnitsOfWork,
        board: DutyBoard,
        escalation: CallEscalation,
        languages: LanguageSource,
        pseudonym_key: bytes,
        default_region: str | None,
        clock: Callable[[], datetime],
        database: str = "",
    ) -> None:
        self.spool = spool
        self.database = database  # the stamp of this server's records (`db.identity`)
        self._units = units
        self.board = board
        self.escalation = escalation
        self.languages = languages
        self.pseudonym_key = pseudonym_key
        self.default_region = default_region
        self.clock = clock
        self._waiting: list[tuple[CallEvent, asyncio.Future[bool]]] = []
        self._writer: asyncio.Future[None] | None = None
        self._replaying = asyncio.Lock()
        self._failing = False  # the last run failed: said once, not every run
        self._told_other = False  # another database's records: said once a process

    # -- keeping --------------------------------------------------------------------------

    async def keep(self, event: CallEvent, wait_s: float | None = None) -> bool | None:
        """Append an event off the event loop: True once it is on disk, False if it cannot
        be (logged), None if still being written after `wait_s` (it goes on meanwhile)."""
        kept = self.keep_soon(event)
        done, _ = await asyncio.wait({kept}, timeout=wait_s)
        return kept.result() if done else None

    def keep_soon(self, event: CallEvent) -> asyncio.Future[bool]:
        """Append an event in the background (held until written, whoever waits for it).
        What arrives while a write is under way goes in the next: one write and one fsync
        for all of it, so a burst (an overloaded worker sending callers to the fallback)
        costs a few writes, not one each."""
        kept = asyncio.get_running_loop().create_future()
        self._waiting.append((event, kept))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.ensure_future(self._write_waiting())
        return kept

    async def _write_waiting(self) -> None:
        for _ in range(MAX_WRITES_A_RUN):  # bounded; what is left starts another run
            if not self._waiting:
                return
            batch, self._waiting = self._waiting, []
            try:
                written = await asyncio.to_thread(self._append, [event for event, _ in batch])
            except Exception:  # not the disk (that is said in _append): a bug, said in full
                log.exception("the spool could not take %d records", len(batch))
                written = False
            for _, kept in batch:
                if not kept.done():
                    kept.set_result(written)
        if self._waiting:
            self._writer = asyncio.ensure_future(self._write_waiting())

    def _append(self, events: Sequence[CallEvent]) -> bool:
        try:
            self.spool.append_all([{**e.to_json(), "db": self.database} for e in events])
        except OSError as exc:
            fix = f"make {self.spool.path.parent} writable (the data folder, HOTLINE_DATA_DIR)"
            for event in events:
                if event.kind == "voicemail":
                    # Nothing else holds this message: name it for an operator to find at Twilio.
                    log.error(
                        "voicemail recorded during a fault: recording %s (%ss, %s) could not "
                        "be kept, the spool cannot be written (%s); fetch it from Twilio, and %s",
                        event.recording_sid or "?",
                        event.duration_s if event.duration_s is not None else "?",
                        event.language or "?",
                        exc.strerror or exc.__class__.__name__,
                        fix,
                    )
                else:
                    log.error(
                        "a call's %s during a fault could not be kept, the spool cannot be "
                        "written (%s): the call log will miss it; %s",
                        event.kind,
                        exc.strerror or exc.__class__.__name__,
                        fix,
                    )
            return False
        return True

    # -- replay ---------------------------------------------------------------------------

    async def replay(self) -> ReplayCounts:
        """File what the spool holds into the database, then remove what was filed."""
        async with self._replaying:  # the scheduler's run and any other in this process
            claim = await asyncio.to_thread(self.spool.claim_replay)
            if claim is None:
                return ReplayCounts(skipped=True)
            try:
                return await self._replay()
            finally:
                await asyncio.to_thread(claim.release)

    async def replay_logged(self) -> None:
        """The scheduler's job: replay, and say what happened in one line."""
        try:
            counts = await self.replay()
        except Exception as exc:  # the database, or the spool file itself: nothing was read
            self._say_failing(exc.__class__.__name__, None)
            return
        if counts.failed is not None:
            self._say_failing(counts.failed, counts)
            return
        self._failing = False
        if counts.other and not self._told_other:
            log.warning(
                "spool replay: %d records were kept by a server on another database, left "
                "for it to replay; give each server a data folder of its own (HOTLINE_DATA_DIR)",
                counts.other,
            )
            self._told_other = True
        if counts.voicemails or counts.closed or counts.added:
            log.info("spool replay: %s", counts)

    def _say_failing(self, error: str, counts: ReplayCounts | None) -> None:
        if not self._failing:  # once an outage, not every run
            log.warning(
                "spool replay: the records could not be filed (%s)%s; it tries again every run",
                error,
                "" if counts is None else f"; {counts}",
            )
        self._failing = True

    async def _replay(self) -> ReplayCounts:
        contents = await asyncio.to_thread(self.spool.read)
        counts = ReplayCounts()
        calls: dict[str, list[tuple[bytes, CallEvent]]] = {}
        for entry in contents.entries:
            if entry.record.get("db", self.database) != self.database:  # unstamped: anyone's
                counts.other += 1
                continue
            try:
                event = CallEvent.from_json(entry.record)
            except (KeyError, TypeError, ValueError):
                continue  # not ours to read: kept in the file, counted as waiting
            calls.setdefault(event.call_sid, []).append((entry.line, event))
        parsed = sum(len(items) for items in calls.values())
        counts.waiting = contents.unreadable + len(contents.entries) - parsed - counts.other
        snapshot = None
        if any(e.kind == "voicemail" for items in calls.values() for _, e in items):
            # Read before the transactions: SQLite has one connection, which a unit holds.
            snapshot = await self.board.current()
        done: list[bytes] = []
        for call_sid, items in calls.items():
            if counts.failed is not None:
                counts.waiting += len(items)
                continue
            events = [event for _, event in items]
            try:
                result = await self._replay_call(call_sid, events, snapshot)
            except Exception as exc:  # the database is not back after all: keep the rest
                counts.failed = exc.__class__.__name__
                counts.waiting += len(items)
                continue
            if result is None:
                counts.waiting += len(items)
                continue
            filed, had_session = result
            counts.voicemails += filed
            if had_session:
                counts.closed += 1
            else:
                counts.added += 1
            done.extend(line for line, _ in items)
        if done or contents.torn:  # a torn tail goes with the next rewrite
            await asyncio.to_thread(self.spool.remove, done)
        return counts

    async def _replay_call(
        self, call_sid: str, events: Sequence[CallEvent], snapshot: DutySnapshot | None
    ) -> tuple[int, bool] | None:
        """One call's records in one transaction: (voicemails filed, had a session), or
        None when the call may still be going on."""
        now = self.clock()
        async with self._units() as uow:
            stored = await uow.sessions.load(call_sid)
            if not ready(events, stored, now):
                return None
            status = next((e for e in reversed(events) if e.kind == "status"), None)
            ended = status.at if status else max(e.at for e in events)
            duration = status.duration_s if status else None
            if stored is None:
                session = await self._add_call(uow, call_sid, events, ended, duration)
            else:
                session = stored
                state = after_fallback(SessionState.from_json(stored.state), events)
                # Another replica's spool may hold the rest of this call (the fallback on one
                # process, its dial's result on another): keep what this spool saw in the
                # session, so that replay builds on it instead of writing over it.
                saved = state.to_json()
                if not await uow.sessions.advance(stored, saved, stored.last_response, now):
                    return None  # a step or another replay saved first: again next time
                if status is not None or not stored.ended:
                    if not stored.ended:
                        await self.escalation.abandoned(uow, stored.log_id, ended)
                    await uow.sessions.finish(stored, summarise(state), ended, duration)
                else:  # ended already (the status callback was stored): correct the row
                    await uow.sessions.correct(stored, summarise(state))
            filed = 0
            state = SessionState.from_json(session.state)
            for event in events:
                # (The snapshot is read whenever the spool holds a voicemail.)
                if event.kind != "voicemail" or not event.recording_url or snapshot is None:
                    continue
                if await uow.sessions.voicemail_filed(event.recording_url):
                    continue  # a replay before this one filed it
                language = event.language or state.language
                await uow.sessions.add_voicemail(
                    session.log_id,
                    NewVoicemail(language, event.duration_s or 0, event.recording_url),
                    event.at,
                )
                await self.escalation.file_task(
                    uow,
                    log_id=session.log_id,
                    kind="voicemail",
                    language=language,
                    caller=event.caller,
                    recording_url=event.recording_url,
                    duration_s=event.duration_s,
                    snapshot=snapshot,
                    now=now,
                )
                filed += 1
            return filed, stored is not None

    async def _add_call(
        self,
        uow: UnitOfWork,
        call_sid: str,
        events: Sequence[CallEvent],
        ended: datetime,
        duration: int | None,
    ) -> StoredSession:
        """A call that began during the fault: its log row, and an ended session that marks
        it as replayed (a second replay finds it)."""
        started = (
            ended - timedelta(seconds=duration)
            if duration is not None
            else min(e.at for e in events)
        )
        language = next((e.language for e in events if e.language), self.languages.current.default)
        state = after_fallback(fallback_state(language, started), events)
        caller = pseudonym(events[0].caller, self.pseudonym_key, self.default_region)
        session = await uow.sessions.create(
            NewSession(
                key=call_sid,
                channel=CHANNEL,
                flow=VOICE_FLOW,  # the fallback answers for the voice flow
                caller=caller,
                started_at=started,
                language=language,
                state=state.to_json(),
                response="",
            )
        )
        await uow.sessions.finish(session, summarise(state), ended, duration)
        return session


def ready(events: Sequence[CallEvent], stored: StoredSession | None, now: datetime) -> bool:
    """Whether a call's records can be replayed: the call has ended, or surely will not
    say more (its voicemail is long past, or it has been silent longer than any call)."""
    if any(e.kind == "status" for e in events) or (stored is not None and stored.ended):
        return True
    hold = VOICEMAIL_HOLD if any(e.kind == "voicemail" for e in events) else IDLE_LIMIT
    return now - max(e.at for e in events) >= hold


def fallback_state(language: str, started: datetime) -> SessionState:
    """The state of a call that only the fallback answered."""
    return SessionState(
        flow_id=VOICE_FLOW,
        node_id=FALLBACK_NODE,
        language=language,
        language_chosen=False,
        misses=0,
        path=(FALLBACK_NODE,),
        variables=(),
        outcome=None,
        finished=False,
        started_at=started,
    )


def after_fallback(state: SessionState, events: Sequence[CallEvent]) -> SessionState:
    """A session's state with what the fallback did: a voicemail left, the fallback number
    answered, and the fallback's entry in the path (once)."""
    if any(e.kind == "voicemail" for e in events):
        state = state.with_outcome(Outcome.VOICEMAIL)
    if any(e.kind == "dial" and e.answered for e in events):
        state = state.with_outcome(Outcome.ESCALATED)
    fallback_seen = any(e.kind != "status" for e in events)
    if fallback_seen and state.path[-1:] != (FALLBACK_NODE,):
        state = replace(state, path=(*state.path, FALLBACK_NODE))
    return state
