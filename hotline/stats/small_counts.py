"""The "<5" rule: no figure of the statistics lets a reader single a person out.

`hidden(n)` is the one rule: a count from 1 to 4 is shown as "<5"; 0 stays 0. A share or
a time computed from fewer than 5 cases is not shown either ("<5" for a share, NOT_SHOWN for a
time). Every figure becomes a `Cell` here, and tables, charts and CSV are all made from
cells: none of them sees a raw number.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from babel.dates import format_timedelta
from babel.numbers import format_decimal, format_percent

__all__ = ["FEW", "HIDDEN", "NOT_SHOWN", "Cell", "count", "hidden", "label", "seconds", "share"]

FEW = 5  # groups smaller than this are not shown
HIDDEN = "<5"
NOT_SHOWN = "–"  # noqa: RUF001  (an en dash: a time that is not shown)


def hidden(n: int) -> bool:
    """The rule: a count from 1 to FEW - 1 is hidden (0 is not: nobody is in it)."""
    return 0 < n < FEW


@dataclass(frozen=True)
class Cell:
    """A figure as a reader gets it: `text` in their locale (page and chart), `plain` for a
    CSV (digits with no grouping, a share as a fraction), `value` for a chart's bar (None:
    nothing to draw, hidden or not a number)."""

    text: str
    plain: str
    value: float | None = None

    @property
    def hidden(self) -> bool:
        """Whether the figure was withheld by the rule."""
        return self.plain == HIDDEN


def label(text: str) -> Cell:
    """A row's or a column's name: text, never a figure."""
    return Cell(text, text)


def count(n: int, locale: str) -> Cell:
    """A count: "<5" when the rule hides it."""
    if hidden(n):
        return Cell(HIDDEN, HIDDEN)
    return Cell(format_decimal(n, locale=locale), str(n), float(n))


def share(part: int, whole: int, locale: str) -> Cell:
    """`part` of `whole` as a percentage; not shown ("<5") when `whole` is under FEW, or when
    the part or the rest is a hidden count (the share would give it away); nothing (NOT_SHOWN) when
    there is no whole."""
    if whole == 0:
        return Cell(NOT_SHOWN, "")
    if hidden(whole) or hidden(part) or hidden(whole - part):
        return Cell(HIDDEN, HIDDEN)
    fraction = part / whole
    return Cell(format_percent(fraction, locale=locale), f"{fraction:.3f}", fraction * 100)


def seconds(value: int | None, group: int, locale: str) -> Cell:
    """A time computed from `group` cases (a median, say): NOT_SHOWN when the group is under FEW."""
    if value is None or group < FEW:
        return Cell(NOT_SHOWN, "")
    text = format_timedelta(timedelta(seconds=value), threshold=2, format="short", locale=locale)
    return Cell(text, str(value), float(value))
