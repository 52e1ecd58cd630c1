"""Live sessions and the anonymous call log: the SessionRepository of a unit of work.

One step of a call is one unit of work: one connection, one transaction, a read and a
conditional write. The statements are built once, here, from the Core tables: building and
compiling them per request cost more than the database round trips.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any, cast

from sqlalchemy import Table, bindparam, delete, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncConnection

from hotline.escalation.ports import (
    LogSummary,
    NewSession,
    NewVoicemail,
    SessionTaken,
    StoredSession,
)
from hotline.storage.models import CallerLanguage, CallLogEntry, CallSession, Voicemail

_LOG = cast(Table, CallLogEntry.__table__)
_LANGUAGES = cast(Table, CallerLanguage.__table__)
_SESSIONS = cast(Table, CallSession.__table__)
_VOICEMAILS = cast(Table, Voicemail.__table__)

SESSION_COLUMNS = (
    _SESSIONS.c.key,
    _SESSIONS.c.log_id,
    _SESSIONS.c.seq,
    _SESSIONS.c.state,
    _SESSIONS.c.last_response,
    _SESSIONS.c.ended_at,
)
_LOAD = select(*SESSION_COLUMNS).where(_SESSIONS.c.key == bindparam("p_key"))
_INSERT_LOG = insert(_LOG)
# Two requests may begin a session under one key at once (a Twilio retry; two texts from one
# person): the second must not abort its transaction, so the insert yields on a conflict.
_INSERT_SESSION = {
    "postgresql": postgresql.insert(_SESSIONS).on_conflict_do_nothing(index_elements=["key"]),
    "sqlite": sqlite.insert(_SESSIONS).on_conflict_do_nothing(index_elements=["key"]),
}
_INSERT_VOICEMAIL = insert(_VOICEMAILS)
_ADVANCE = (
    update(_SESSIONS)
    .where(_SESSIONS.c.key == bindparam("p_key"), _SESSIONS.c.seq == bindparam("p_seq"))
    .values(
        seq=bindparam("p_next"),
        state=bindparam("p_state"),
        last_response=bindparam("p_response"),
        updated_at=bindparam("p_now"),
    )
)
# A session read while live moves on only while it still is: a step racing the status
# callback is then taken again in a unit of work, with the call log's row.
_ADVANCE_LIVE = _ADVANCE.where(_SESSIONS.c.ended_at.is_(None))
_SUMMARISE = (
    update(_LOG)
    .where(_LOG.c.id == bindparam("p_id"))
    .values(
        outcome=bindparam("p_outcome"),
        path=bindparam("p_path"),
        language=bindparam("p_language"),
    )
)
_CLOSE_LOG = _SUMMARISE.values(ended_at=bindparam("p_ended"), duration_s=bindparam("p_duration"))
_CALLER_OF_LOG = select(_LOG.c.caller).where(_LOG.c.id == bindparam("p_id")).scalar_subquery()
_CHOSEN_LANGUAGE = select(_LOG.c.caller, bindparam("p_language"), bindparam("p_now")).where(
    _LOG.c.id == bindparam("p_id"), _LOG.c.caller.is_not(None)
)


def _remember_language(dialect: Any) -> Any:
    """An upsert: two calls from one number may choose a language at the same moment."""
    statement = dialect.insert(_LANGUAGES).from_select(
        ["caller", "language", "updated_at"], _CHOSEN_LANGUAGE
    )
    return statement.on_conflict_do_update(
        index_elements=["caller"],
        set_={"language": statement.excluded.language, "updated_at": statement.excluded.updated_at},
    )


_REMEMBER_LANGUAGE = {
    "postgresql": _remember_language(postgresql),
    "sqlite": _remember_language(sqlite),
}
_VOICEMAIL_FILED = (
    select(_VOICEMAILS.c.id).where(_VOICEMAILS.c.recording_url == bindparam("p_url")).limit(1)
)
RECALL_LANGUAGE = select(_LANGUAGES.c.language).where(_LANGUAGES.c.caller == bindparam("p_caller"))
_END_SESSION = (
    update(_SESSIONS)
    .where(_SESSIONS.c.key == bindparam("p_key"))
    .values(ended_at=bindparam("p_ended"), updated_at=bindparam("p_ended"))
)


def stored_session(row: Any) -> StoredSession:
    """A session from a row of SESSION_COLUMNS."""
    return StoredSession(
        key=row.key,
        log_id=row.log_id,
        seq=row.seq,
        state=row.state,
        last_response=row.last_response,
        ended=row.ended_at is not None,
    )


class SqlSessions:
    """The SessionRepository of a unit of work: what a single webhook does to sessions."""

    def __init__(self, conn: AsyncConnection) -> None:
        self.conn = conn

    async def load(self, key: str) -> StoredSession | None:
        """The stored session, or None."""
        row = (await self.conn.execute(_LOAD, {"p_key": key})).one_or_none()
        return stored_session(row) if row is not None else None

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
        result = await self.conn.execute(
            _ADVANCE if session.ended else _ADVANCE_LIVE,
            {
                "p_key": session.key,
                "p_seq": session.seq,
                "p_next": session.seq + 1,
                "p_state": state,
                "p_response": response,
                "p_now": now,
            },
        )
        if result.rowcount != 1:
            return False
        if voicemail is not None:
            await self.add_voicemail(session.log_id, voicemail, now)
        if summary is not None:
            await self.correct(session, summary)
        return True

    async def add_voicemail(self, log_id: str, voicemail: NewVoicemail, now: datetime) -> None:
        """File a voicemail under a call's log row."""
        await self.conn.execute(
            _INSERT_VOICEMAIL,
            {
                "id": str(uuid.uuid4()),
                "log_id": log_id,
                "language": voicemail.language,
                "duration_s": voicemail.duration_s,
                "recording_url": voicemail.recording_url,
                "created_at": now,
            },
        )

    async def voicemail_filed(self, recording_url: str) -> bool:
        """Whether a voicemail with this recording is filed already."""
        result = await self.conn.execute(_VOICEMAIL_FILED, {"p_url": recording_url})
        return result.first() is not None

    async def correct(self, session: StoredSession, summary: LogSummary) -> None:
        """Rewrite what the call log row says of how the session went (not when it ended)."""
        await self.conn.execute(_SUMMARISE, _summary_params(session.log_id, summary))

    async def recall_language(self, caller: str) -> str | None:
        """The language this pseudonym last chose, if any."""
        result = await self.conn.execute(RECALL_LANGUAGE, {"p_caller": caller})
        return cast(str | None, result.scalar())

    async def create(self, new: NewSession) -> StoredSession:
        """Insert a new session and its call log row (SessionTaken if the key is taken)."""
        log_id = str(uuid.uuid4())
        await self.conn.execute(
            _INSERT_LOG,
            {
                "id": log_id,
                "channel": new.channel,
                "flow": new.flow,
                "caller": new.caller,
                "started_at": new.started_at,
                "language": new.language,
                "path": [],
                "simulated": new.simulated,
            },
        )
        inserted = await self.conn.execute(
            _INSERT_SESSION[self.conn.dialect.name],
            {
                "key": new.key,
                "log_id": log_id,
                "seq": 1,
                "state": new.state,
                "last_response": new.response,
                "updated_at": new.started_at,
            },
        )
        if inserted.rowcount != 1:
            raise SessionTaken(f"a session under this key began meanwhile ({new.channel})")
        return StoredSession(new.key, log_id, 1, new.state, new.response, ended=False)

    async def drop_ended(self, key: str) -> None:
        """Delete a session that has ended, so its key can start a new one (chats reuse keys)."""
        await self.conn.execute(
            delete(_SESSIONS).where(_SESSIONS.c.key == key, _SESSIONS.c.ended_at.is_not(None))
        )

    async def remember_language(self, session: StoredSession, language: str, now: datetime) -> None:
        """Keep the language the caller chose, under the pseudonym of the session's caller."""
        await self.conn.execute(
            _REMEMBER_LANGUAGE[self.conn.dialect.name],
            {"p_id": session.log_id, "p_language": language, "p_now": now},
        )

    async def finish(
        self,
        session: StoredSession,
        summary: LogSummary,
        ended_at: datetime,
        duration_s: int | None,
    ) -> None:
        """Close the call log row; the session row stays a while for late events."""
        params = _summary_params(session.log_id, summary)
        await self.conn.execute(
            _CLOSE_LOG, {**params, "p_ended": ended_at, "p_duration": duration_s}
        )
        await self.conn.execute(_END_SESSION, {"p_key": session.key, "p_ended": ended_at})

    async def stale(self, now: datetime, idle: timedelta, limit: int = 500) -> list[StoredSession]:
        """Sessions that never ended and have been idle longer than `idle`."""
        query = (
            select(*SESSION_COLUMNS)
            .where(_SESSIONS.c.ended_at.is_(None), _SESSIONS.c.updated_at < now - idle)
            .limit(limit)
        )
        rows = (await self.conn.execute(query)).all()
        return [stored_session(row) for row in rows]

    async def purge_ended(self, now: datetime, grace: timedelta) -> int:
        """Delete sessions that ended more than `grace` ago; the call log keeps the summary."""
        result = await self.conn.execute(
            delete(_SESSIONS).where(
                _SESSIONS.c.ended_at.is_not(None), _SESSIONS.c.ended_at < now - grace
            )
        )
        return int(result.rowcount or 0)

    async def forget_languages(self, before: datetime) -> int:
        """Drop remembered languages not used since `before`."""
        result = await self.conn.execute(delete(_LANGUAGES).where(_LANGUAGES.c.updated_at < before))
        return int(result.rowcount or 0)


def _summary_params(log_id: str, summary: LogSummary) -> dict[str, Any]:
    return {
        "p_id": log_id,
        "p_outcome": summary.outcome,
        "p_path": summary.path,
        "p_language": summary.language,
    }
