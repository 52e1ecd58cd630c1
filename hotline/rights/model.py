"""A person's rights over their data, in pure terms: who they are (`Links`), what is held
(`Holding`), the export document, and the errors an operator reads."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from hotline.errors import HotlineError

__all__ = [
    "EXPORT_SCHEMA",
    "MAX_REASON",
    "Erased",
    "Holding",
    "Links",
    "RightsError",
    "Subject",
    "document",
    "plain",
    "reason_of",
]

EXPORT_SCHEMA = 1  # the JSON export's `schema`: raised when a field changes meaning
MAX_REASON = 200  # the audit log's reason column
Holding = dict[str, Any]  # what is held, by section: lists of rows of plain values


class RightsError(HotlineError):
    """An export or an erasure that cannot be done as asked (one line for the operator)."""


@dataclass(frozen=True)
class Links:
    """What hangs from one person: their participant row (if any) and what the call log
    and the open work keep of them."""

    case: str | None
    row_id: str | None
    pseudonyms: tuple[str, ...]
    log_ids: tuple[str, ...]
    escalation_ids: tuple[str, ...]


@dataclass(frozen=True)
class Subject:
    """Whose data: a participant (by case code, in their language) or a caller (by phone)."""

    kind: str  # "participant" | "caller"
    case: str | None
    language: str
    timezone: str


@dataclass(frozen=True)
class Erased:
    """What an erasure did: rows deleted (or unlinked: `calls`) by kind."""

    subject: Subject
    counts: Mapping[str, int]
    at: datetime

    def summary(self) -> str:
        """The counts in one line, the kinds with none left out."""
        done = [f"{n} {kind}" for kind, n in sorted(self.counts.items()) if n]
        return ", ".join(done) or "nothing"


def reason_of(raw: str | None) -> str:
    """A reason as the audit log keeps it (spaces folded, at most 200 characters); a
    RightsError when there is none."""
    reason = " ".join((raw or "").split())[:MAX_REASON]
    if not reason:
        raise RightsError("a reason is required (it goes to the audit log): --reason TEXT")
    return reason


def document(subject: Subject, held: Holding, *, made_at: datetime, by: str) -> dict[str, Any]:
    """The export: a versioned JSON document of everything held about the subject."""
    return {
        "schema": EXPORT_SCHEMA,
        "kind": subject.kind,
        "case": subject.case,
        "language": subject.language,
        "made_at": made_at,
        "made_by": by,
        **held,
    }


def plain(value: Any) -> Any:
    """A value JSON can hold: times and dates in ISO 8601, the rest as it is."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    return value
