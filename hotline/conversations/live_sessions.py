"""The sessions of the calls this process answered last, so a call's next step needs no read.

A step that only moves the flow on (most steps) is saved by a conditional update: "move
session K from step N to N+1, if it is still at N and has not ended". That update is its own
guard, so the state it starts from may come from memory: the state this process saved at
step N is the state the database holds at step N, whoever reads it (a session's state only
changes with its step counter). When another process moved the call on meanwhile (replicas,
several workers, a replay of the spool), the update finds no row at N, and the step reads
the database as it would have without this memory.

Bounded: the least recently used calls are forgotten first (a forgotten call's next step
reads the database).
"""

from __future__ import annotations

from collections import OrderedDict

from hotline.escalation.ports import StoredSession

MAX_CALLS = 20_000  # ~1-2 KB each: a few tens of MB at the most


class LiveSessions:
    """The last saved state of each call in progress that this process answered."""

    def __init__(self, max_calls: int = MAX_CALLS) -> None:
        self.max_calls = max_calls
        self._sessions: OrderedDict[str, StoredSession] = OrderedDict()

    def at(self, key: str, seq: int) -> StoredSession | None:
        """The session of call `key` if this process saved it at step `seq` (else None)."""
        session = self._sessions.get(key)
        if session is None or session.seq != seq:
            return None
        self._sessions.move_to_end(key)
        return session

    def saved(self, session: StoredSession) -> None:
        """This process saved `session` (a live one; an ended one is forgotten)."""
        if session.ended:
            self.forget(session.key)
            return
        self._sessions[session.key] = session
        self._sessions.move_to_end(session.key)
        while len(self._sessions) > self.max_calls:
            self._sessions.popitem(last=False)

    def forget(self, key: str) -> None:
        """Drop what is kept of call `key`."""
        self._sessions.pop(key, None)
