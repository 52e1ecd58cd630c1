"""The views `hotline report calls` shows of a period's figures: pure, English, plain numbers.

Each view (`--by`) is a header and rows of `small_counts.Cell`s made from a `figures.Report`,
every figure through the "<5" rule, so the table, the CSV and the JSON written from a view
never hold a count from 1 to 4. The summary is the default view; the others break calls and
chats down by local day, local hour, language, channel, path through the voice menu (the
top paths) and outcome. Words are English: the operator's command line is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from hotline.stats import small_counts
from hotline.stats.figures import ALL, Report
from hotline.stats.small_counts import Cell, label

__all__ = [
    "DEFAULT_VIEW",
    "NOT_ENDED",
    "NOT_SHOWN",
    "OTHER_PATHS",
    "PATH_JOIN",
    "VIEWS",
    "View",
    "view",
]

DEFAULT_VIEW = "summary"
PATH_JOIN = ">"  # between a path's node ids, as `report escalations` joins them
OTHER_PATHS = "(other paths)"
NOT_ENDED = "(not ended)"  # a call or chat still going, or one whose end never came
NOT_SHOWN = "-"  # a time from fewer than FEW cases, in a terminal's table
_EN = "en"


@dataclass(frozen=True)
class View:
    """One view: column names (also the CSV header and the JSON keys) and rows of cells,
    the first cell of each row its name."""

    name: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def _count(n: int) -> Cell:
    return small_counts.count(n, _EN)


def _summary(r: Report) -> View:
    every = next(f for f in r.escalations if f.kind == ALL)
    measures: tuple[tuple[str, Cell], ...] = (
        ("calls", _count(sum(calls for _, calls, _ in r.per_day))),
        ("chats", _count(sum(chats for _, _, chats in r.per_day))),
        ("distinct callers", _count(r.callers.people)),
        ("repeat callers", _count(r.callers.repeat)),
        ("escalations", _count(every.total)),
        ("answered", _count(every.answered)),
        ("median time to answer (s)", _seconds(every.delays.median, every.delays.count)),
        ("p90 time to answer (s)", _seconds(every.delays.p90, every.delays.count)),
        ("voicemails", _count(r.callbacks.voicemails)),
        ("callbacks", _count(r.callbacks.call_me)),
    )
    return View(
        DEFAULT_VIEW, ("measure", "number"), tuple((label(m), cell) for m, cell in measures)
    )


def _seconds(value: int | None, group: int) -> Cell:
    """A time in whole seconds, shown only from FEW cases on (plain: the number)."""
    cell = small_counts.seconds(value, group, _EN)
    return Cell(cell.plain or NOT_SHOWN, cell.plain, cell.value)


def _by_day(r: Report) -> View:
    rows = tuple((label(d.isoformat()), _count(c), _count(t)) for d, c, t in r.per_day)
    return View("day", ("day", "calls", "chats"), rows)


def _by_hour(r: Report) -> View:
    rows = tuple((label(f"{h:02d}"), _count(c), _count(t)) for h, c, t in r.per_hour_of_day)
    return View("hour", ("hour", "calls", "chats"), rows)


def _by_language(r: Report) -> View:
    rows = tuple((label(code), _count(c), _count(t)) for code, c, t in r.by_language)
    return View("language", ("language", "calls", "chats"), rows)


def _by_channel(r: Report) -> View:
    rows = tuple((label(channel), _count(n)) for channel, n in r.by_channel)
    return View("channel", ("channel", "calls and chats"), rows)


def _by_path(r: Report) -> View:
    rows = [(label(PATH_JOIN.join(path) or "-"), _count(n)) for path, n in r.paths]
    if r.other_paths > 0:
        rows.append((label(OTHER_PATHS), _count(r.other_paths)))
    return View("path", ("path", "calls"), tuple(rows))


def _by_outcome(r: Report) -> View:
    rows = tuple((label(o or NOT_ENDED), _count(c), _count(t)) for o, c, t in r.outcomes)
    return View("outcome", ("outcome", "calls", "chats"), rows)


VIEWS: dict[str, Callable[[Report], View]] = {
    DEFAULT_VIEW: _summary,
    "day": _by_day,
    "hour": _by_hour,
    "language": _by_language,
    "channel": _by_channel,
    "path": _by_path,
    "outcome": _by_outcome,
}
"""Every view by its `--by` name."""


def view(report: Report, by: str = DEFAULT_VIEW) -> View:
    """One view of a report (KeyError for a name not in VIEWS)."""
    return VIEWS[by](report)
