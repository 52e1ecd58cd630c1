"""Where a session stands: the state the engine reads and returns, plain enough for JSON."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any

MAX_PATH = 200  # nodes kept in a session's path; a stuck caller must not grow a row forever


class Outcome(StrEnum):
    """How a call or chat ended, as the anonymous log records it."""

    COMPLETED = "completed"
    ABANDONED = "abandoned"
    ESCALATED = "escalated"
    VOICEMAIL = "voicemail"
    SILENT = "silent"  # nobody answered any prompt: the engine ended the call (an open line)


# When several things happened in one call, the log keeps the one that mattered most.
_RANK = {Outcome.COMPLETED: 0, Outcome.SILENT: 1, Outcome.VOICEMAIL: 2, Outcome.ESCALATED: 3}


@dataclass(frozen=True)
class SessionState:
    """One session's position in its flow."""

    flow_id: str
    node_id: str
    language: str
    language_chosen: bool
    misses: int
    path: tuple[str, ...]
    variables: tuple[tuple[str, str], ...]
    outcome: Outcome | None
    finished: bool
    started_at: datetime
    # Idle events (silence, an empty recording, nobody answering) since the caller's last
    # input: the engine's budget per call, so an open line cannot loop until the carrier
    # cuts it off.
    idle: int = 0
    # A person was asked for in this idle streak: an open line is offered to staff once.
    silent_escalated: bool = False

    def visit(self, node_id: str) -> SessionState:
        """The state after entering a node."""
        path = self.path if len(self.path) >= MAX_PATH else (*self.path, node_id)
        return replace(self, node_id=node_id, misses=0, path=path)

    def with_outcome(self, outcome: Outcome) -> SessionState:
        """Record an outcome unless a weightier one is already recorded."""
        if self.outcome is not None and _RANK.get(self.outcome, 0) >= _RANK[outcome]:
            return self
        return replace(self, outcome=outcome)

    def heard(self) -> SessionState:
        """The state after the caller's input (a key, a message): the idle budget is whole."""
        return replace(self, idle=0, silent_escalated=False)

    def idled(self) -> SessionState:
        """The state after one more idle event."""
        return replace(self, idle=self.idle + 1)

    def final_outcome(self) -> Outcome:
        """The outcome to log when the session ends now."""
        if self.outcome is not None:
            return self.outcome
        return Outcome.COMPLETED if self.finished else Outcome.ABANDONED

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict."""
        return {
            "flow_id": self.flow_id,
            "node_id": self.node_id,
            "language": self.language,
            "language_chosen": self.language_chosen,
            "misses": self.misses,
            "path": list(self.path),
            "variables": dict(self.variables),
            "outcome": self.outcome.value if self.outcome else None,
            "finished": self.finished,
            "started_at": self.started_at.isoformat(),
            "idle": self.idle,
            "silent_escalated": self.silent_escalated,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> SessionState:
        """The inverse of to_json."""
        return cls(
            flow_id=str(data["flow_id"]),
            node_id=str(data["node_id"]),
            language=str(data["language"]),
            language_chosen=bool(data["language_chosen"]),
            misses=int(data["misses"]),
            path=tuple(str(x) for x in data["path"]),
            variables=tuple((str(k), str(v)) for k, v in dict(data["variables"]).items()),
            outcome=Outcome(data["outcome"]) if data["outcome"] else None,
            finished=bool(data["finished"]),
            started_at=datetime.fromisoformat(str(data["started_at"])),
            # Sessions stored before the idle budget existed start it now.
            idle=int(data.get("idle", 0)),
            silent_escalated=bool(data.get("silent_escalated", False)),
        )
