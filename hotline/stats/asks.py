"""What people asked the services directory, folded for the statistics: pure, no I/O.

The counts come by channel, language, region, kind of help and what was asked (a list shown,
an SMS, the services nearest a shared place; `conversations.directory_talk.AskKind`), never
by who asked. Three views: by kind of help, by region, by language; each row counts the lists
heard on the phone, the lists read in chats, the SMS asked and the locations shared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field

from hotline.directory.ports import AskCount

__all__ = ["AskRow", "ServiceAsks", "service_asks"]

PHONE = "voice"  # the channel of a call
LIST = "list"  # the other kinds, "sms" and "nearest", are AskRow's columns by name


@dataclass(frozen=True)
class AskRow:
    """One kind of help, region or language: how often it was asked, and how."""

    name: str  # a category, a region code or a language code
    phone: int = 0  # lists heard on a call
    chat: int = 0  # lists read on Telegram or SMS
    sms: int = 0  # lists a caller asked to get by SMS
    nearest: int = 0  # locations shared (no region or kind: in the language view only)


@dataclass(frozen=True)
class ServiceAsks:
    """The period's asks in three views, most asked first, and the regions' names."""

    by_kind: tuple[AskRow, ...] = ()
    by_region: tuple[AskRow, ...] = ()
    by_language: tuple[AskRow, ...] = ()
    region_names: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def region_name(self, code: str, language: str) -> str:
        """A region's name in `language` (its code, for one the deployment no longer has)."""
        return self.region_names.get(code, {}).get(language, code)


def service_asks(
    counts: Iterable[tuple[AskCount, int]],
    region_names: Mapping[str, Mapping[str, str]] | None = None,
) -> ServiceAsks:
    """The three views of the counts."""
    rows = list(counts)
    return ServiceAsks(
        by_kind=_by(rows, lambda ask: ask.category),
        by_region=_by(rows, lambda ask: ask.region),
        by_language=_by(rows, lambda ask: ask.language),
        region_names=region_names or {},
    )


def _by(
    rows: Iterable[tuple[AskCount, int]], key: Callable[[AskCount], str | None]
) -> tuple[AskRow, ...]:
    folded: dict[str, dict[str, int]] = {}
    for ask, n in rows:
        name = key(ask)
        if not name:
            continue
        figures = folded.setdefault(name, {})
        figures[_column(ask)] = figures.get(_column(ask), 0) + n
    found = [AskRow(name, **figures) for name, figures in folded.items()]
    return tuple(sorted(found, key=lambda r: (-(r.phone + r.chat + r.sms + r.nearest), r.name)))


def _column(ask: AskCount) -> str:
    """The AskRow column an ask counts in."""
    if ask.kind == LIST:
        return "phone" if ask.channel == PHONE else "chat"
    return ask.kind
