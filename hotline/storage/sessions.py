"""Live sessions and the anonymous call log: the repository the channels use."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncEngine

from hotline.storage.models import CallLogEntry, CallSession, Voicemail


@dataclass(frozen=True)
class StoredSession:
    """A session as stored: its state, the step counter and the answer to the last step."""

    key: str
    log_id: str
    seq: int
    state: dict[str, Any]
    last_response: str
    ended: bool


@dataclass(frozen=True)
class NewSession:
    """What is known when a call or chat begins."""

    key: str
    channel: str
    flow: str
    caller: str | None
    started_at: datetime
    language: str
    state: dict[str, Any]
    response: str


@dataclass(frozen=True)
class LogSummary:
    """The parts of the call log that follow from a session's state."""

    outcome: str
    path: list[str]
    language: str


@dataclass(frozen=True)
class NewVoicemail:
    """A voicemail to file with the step that received it."""

    language: str
    duration_s: int
    recording_url: str


class SessionStore:
    """Sessions keyed by the channel's id; the call log row is written at start and at end."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine

    async def begin(self, new: NewSession) -> StoredSession | None:
        """Store a new session and its log row; return the existing one if the key is taken."""
        log_id = str(uuid.uuid4())
        try:
            async with self.engine.begin() as conn:
                await conn.execute(
                    insert(CallLogEntry).values(
                        id=log_id,
                        channel=new.channel,
                        flow=new.flow,
                        caller=new.caller,
                        started_at=new.started_at,
                        language=new.language,
                        path=[],
                    )
                )
                await conn.execute(
                    insert(CallSession).values(
                        key=new.key,
                        log_id=log_id,
                        seq=1,
                        state=new.state,
                        last_response=new.response,
                        updated_at=new.started_at,
                    )
                )
        except IntegrityError:
            return await self.load(new.key)
        return None

    async def load(self, key: str) -> StoredSession | None:
        """The stored session, or None."""
        async with self.engine.connect() as conn:
            row = (
                await conn.execute(select(CallSession).where(CallSession.key == key))
            ).one_or_none()
        if row is None:
            return None
        return StoredSession(
            key=row.key,
            log_id=row.log_id,
            seq=row.seq,
            state=row.state,
            last_response=row.last_response,
            ended=row.ended_at is not None,
        )

    async def advance(
        self,
        session: StoredSession,
        state: dict[str, Any],
        response: str,
        now: datetime,
        *,
        voicemail: NewVoicemail | None = None,
        summary: LogSummary | None = None,
    ) -> bool:
        """Save the next step if nobody else saved it first (False when someone did)."""
        async with self.engine.begin() as conn:
            result = await conn.execute(
                update(CallSession)
                .where(CallSession.key == session.key, CallSession.seq == session.seq)
                .values(seq=session.seq + 1, state=state, last_response=response, updated_at=now)
            )
            if result.rowcount != 1:
                return False
            if voicemail is not None:
                await conn.execute(
                    insert(Voicemail).values(
                        id=str(uuid.uuid4()),
                        log_id=session.log_id,
                        language=voicemail.language,
                        duration_s=voicemail.duration_s,
                        recording_url=voicemail.recording_url,
                        created_at=now,
                    )
                )
            if summary is not None:
                await conn.execute(_log_update(session.log_id, summary))
        return True

    async def finish(
        self,
        session: StoredSession,
        summary: LogSummary,
        ended_at: datetime,
        duration_s: int | None,
    ) -> None:
        """Close the call log row; the session row stays a while for late events."""
        async with self.engine.begin() as conn:
            await conn.execute(
                _log_update(session.log_id, summary).values(
                    ended_at=ended_at, duration_s=duration_s
                )
            )
            await conn.execute(
                update(CallSession)
                .where(CallSession.key == session.key)
                .values(ended_at=ended_at, updated_at=ended_at)
            )

    async def stale(self, now: datetime, idle: timedelta, limit: int = 500) -> list[StoredSession]:
        """Sessions that never ended and have been idle longer than `idle`."""
        async with self.engine.connect() as conn:
            rows = (
                await conn.execute(
                    select(CallSession)
                    .where(CallSession.ended_at.is_(None), CallSession.updated_at < now - idle)
                    .limit(limit)
                )
            ).all()
        return [
            StoredSession(r.key, r.log_id, r.seq, r.state, r.last_response, ended=False)
            for r in rows
        ]

    async def purge_ended(self, now: datetime, grace: timedelta) -> int:
        """Delete sessions that ended more than `grace` ago; the call log keeps the summary."""
        async with self.engine.begin() as conn:
            result = await conn.execute(
                delete(CallSession).where(
                    CallSession.ended_at.is_not(None), CallSession.ended_at < now - grace
                )
            )
        return int(result.rowcount or 0)


def _log_update(log_id: str, summary: LogSummary) -> Any:
    return (
        update(CallLogEntry)
        .where(CallLogEntry.id == log_id)
        .values(outcome=summary.outcome, path=summary.path, language=summary.language)
    )
