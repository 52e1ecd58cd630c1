"""SMS splitting: a text cut into bodies of at most so many segments each, at readable places.

Pure functions, no I/O; a body's size is what ``sms_encoding`` measures.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from hotline.channels.sms_encoding import (
    GSM7,
    GSM7_BASIC,
    GSM7_EXTENSION,
    GSM7_PART_SEPTETS,
    GSM7_SINGLE_SEPTETS,
    MAX_SEGMENTS,
    UCS2_PART_UNITS,
    UCS2_SINGLE_UNITS,
    is_regional_indicator,
    segment_count,
)

__all__ = ["split_for_sms"]

# What a cut costs, by where it falls; the splitter first minimises messages, then this sum.
_CUT_PARAGRAPH: Final = 1
_CUT_LINE: Final = 2
_CUT_SENTENCE: Final = 3
_CUT_CLAUSE: Final = 6
_CUT_WORD: Final = 10
_CUT_IN_WORD: Final = 50  # only inside a word too long for one message
_CUT_IN_CLUSTER: Final = 100  # ...and only if even a grapheme cluster does not fit

_SENTENCE_END: Final = frozenset(".!?…")
_CLAUSE_END: Final = frozenset(",;:\N{EN DASH}\N{EM DASH}")
# Closing quotes and brackets after a full stop still end the sentence ("„...“" in ka, cs).
_CLOSERS: Final = frozenset(
    "\"')]}\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
    "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"
    "\N{LEFT DOUBLE QUOTATION MARK}\N{RIGHT DOUBLE QUOTATION MARK}"
    "\N{LEFT SINGLE QUOTATION MARK}\N{RIGHT SINGLE QUOTATION MARK}"
)
_WHITESPACE: Final = re.compile(r"\s+")
_NON_WHITESPACE: Final = re.compile(r"\S+")


def split_for_sms(text: str, *, max_segments: int = 1, numbered: bool = False) -> tuple[str, ...]:
    """Split a text into SMS bodies of at most ``max_segments`` segments each, at good places.

    Each body is measured on its own, so one in plain Latin goes out in GSM-7 even when
    another needs UCS-2. The fewest bodies win; among as many, cuts at paragraphs, then
    lines, sentences, clauses and words are preferred, and a word is cut only when it does
    not fit in one body. Whitespace at a cut is dropped; nothing else changes.

    The trade-off: with ``max_segments=1`` (the default, for short replies) every body is an
    SMS of its own, shown as soon as it arrives but possibly out of order, and a plain text
    gets 160 characters instead of 153. A larger budget lets the phone reassemble the parts
    into one message in order, at the price of waiting for all of them, and a body of more
    than 3 or so segments is a wall of text on a small screen. Either way each segment is
    billed, and a long code sends about one segment a second. ``numbered`` appends
    " (1/3)" and so on to each body when there is more than one, which helps readers put
    separate SMS back in order; the suffix counts against the budget.
    """
    if not 1 <= max_segments <= MAX_SEGMENTS:
        msg = f"max_segments must be between 1 and {MAX_SEGMENTS}, not {max_segments}"
        raise ValueError(msg)
    text = text.strip()
    if not text:
        return ()
    if segment_count(text) <= max_segments:
        return (text,)
    if not numbered:
        return _split(text, max_segments, "")
    digits = 1
    while True:
        # The widest suffix these many digits can give, so that every real one fits too.
        widest = f" ({'9' * digits}/{'9' * digits})"
        parts = _split(text, max_segments, widest)
        if len(str(len(parts))) <= digits:
            return tuple(f"{p} ({i}/{len(parts)})" for i, p in enumerate(parts, 1))
        digits = len(str(len(parts)))


def _split(text: str, max_segments: int, suffix: str) -> tuple[str, ...]:
    """The fewest, best-cut parts of a stripped text, each fitting with ``suffix`` added."""
    sizer = _Sizer(text, max_segments, len(suffix))
    nodes = _nodes(text, sizer.fits)
    ends = [node.end for node in nodes]
    regular = [j for j, node in enumerate(nodes) if node.word < 0]
    runs = _in_word_runs(nodes)
    run_starts = [run[0] for run in runs]
    best: list[tuple[int, int] | None] = [None] * len(nodes)  # (parts, cost) to reach a node
    previous = [0] * len(nodes)
    best[0] = (0, 0)
    for i, node in enumerate(nodes[:-1]):
        reached = best[i]
        if reached is None:
            continue
        # A part that fits still fits when it ends earlier: bisect for the last end that fits.
        low, high, last = i + 1, len(nodes) - 1, i
        while low <= high:
            mid = (low + high) // 2
            if sizer.fits(node.start, ends[mid]):
                last, low = mid, mid + 1
            else:
                high = mid - 1
        targets = regular[bisect_right(regular, i) : bisect_right(regular, last)]
        # Of the cuts inside one long word at one cost, only the last that fits is worth
        # trying: a later start never fits less (a word fits in no part whole, so the window
        # touches at most two such words).
        for r in range(max(bisect_right(run_starts, i) - 1, 0), len(runs)):
            if run_starts[r] > last:
                break
            for members in runs[r][1]:
                k = bisect_right(members, last) - 1
                if k >= 0 and members[k] > i:
                    targets.append(members[k])
        parts, cost = reached
        for j in targets:
            score = (parts + 1, cost + nodes[j].cost)
            current = best[j]
            # `<=` with starts in increasing order: on a tie the later start wins, so the
            # earlier parts are the fuller ones.
            if current is None or score <= current:
                best[j], previous[j] = score, i
    bounds: list[tuple[int, int]] = []
    j = len(nodes) - 1
    while j > 0:
        i = previous[j]
        bounds.append((nodes[i].start, nodes[j].end))
        j = i
    return tuple(text[start:end] for start, end in reversed(bounds))


class _Sizer:
    """Answers ``fits(start, end)`` in constant time in the usual case, from prefix sums."""

    def __init__(self, text: str, max_segments: int, extra: int) -> None:
        self.text, self.max_segments, self.extra = text, max_segments, extra
        # Running counts over text[:k]: non-GSM characters, septets, escape pairs, UTF-16
        # code units, surrogate pairs.
        self.non_gsm = [0]
        self.septets = [0]
        self.escapes = [0]
        self.units = [0]
        self.astral = [0]
        for ch in text:
            wide = ord(ch) > 0xFFFF
            self.non_gsm.append(self.non_gsm[-1] + (ch not in GSM7))
            self.septets.append(self.septets[-1] + (1 if ch in GSM7_BASIC else 2))
            self.escapes.append(self.escapes[-1] + (ch in GSM7_EXTENSION))
            self.units.append(self.units[-1] + (2 if wide else 1))
            self.astral.append(self.astral[-1] + wide)

    def fits(self, start: int, end: int) -> bool:
        """Whether ``text[start:end]`` and ``extra`` one-unit characters fit the budget."""
        if self.non_gsm[end] == self.non_gsm[start]:
            total = self.septets[end] - self.septets[start] + self.extra
            pairs = self.escapes[end] - self.escapes[start]
            single, part = GSM7_SINGLE_SEPTETS, GSM7_PART_SEPTETS
        else:
            total = self.units[end] - self.units[start] + self.extra
            pairs = self.astral[end] - self.astral[start]
            single, part = UCS2_SINGLE_UNITS, UCS2_PART_UNITS
        if total <= single:
            return True
        if -(-total // part) > self.max_segments:
            return False
        # A part loses at most one unit to a pair kept whole; count exactly only if it matters.
        if pairs == 0 or -(-total // (part - 1)) <= self.max_segments:
            return True
        return segment_count(self.text[start:end] + "0" * self.extra) <= self.max_segments


@dataclass(frozen=True, slots=True)
class _Node:
    end: int  # where the part before this cut ends
    start: int  # where the part after it starts (past the whitespace)
    cost: int
    word: int = -1  # for a cut inside a word too long for one part, that word's number


def _nodes(text: str, fits: Callable[[int, int], bool]) -> list[_Node]:
    """The text's start, every place it may be cut with what that costs, and its end."""
    nodes = [_Node(0, 0, 0)]
    gaps = {m.start(): m for m in _WHITESPACE.finditer(text)}
    for number, word in enumerate(_NON_WHITESPACE.finditer(text)):
        if not fits(word.start(), word.end()):
            # Too long for one part: any code point boundary will do, clusters split last.
            nodes.extend(
                _Node(k, k, _CUT_IN_WORD if _cluster_boundary(text, k) else _CUT_IN_CLUSTER, number)
                for k in range(word.start() + 1, word.end())
            )
        gap = gaps.get(word.end())
        if gap is not None:
            nodes.append(_Node(gap.start(), gap.end(), _gap_cost(text, gap.start(), gap.group())))
    nodes.append(_Node(len(text), len(text), 0))
    return nodes


def _in_word_runs(nodes: Sequence[_Node]) -> list[tuple[int, list[list[int]]]]:
    """For each long word: its first node's index, and its nodes' indices by cost."""
    runs: dict[int, dict[int, list[int]]] = {}
    firsts: dict[int, int] = {}
    for j, node in enumerate(nodes):
        if node.word >= 0:
            firsts.setdefault(node.word, j)
            runs.setdefault(node.word, {}).setdefault(node.cost, []).append(j)
    return [(firsts[word], list(by_cost.values())) for word, by_cost in runs.items()]


def _gap_cost(text: str, at: int, gap: str) -> int:
    """What cutting at the whitespace ``gap`` starting at ``at`` costs."""
    newlines = gap.count("\n")
    if newlines >= 2:
        return _CUT_PARAGRAPH
    if newlines == 1:
        return _CUT_LINE
    k = at - 1
    while k > 0 and text[k] in _CLOSERS:
        k -= 1
    if text[k] in _SENTENCE_END:
        return _CUT_SENTENCE
    last = text[at - 1]
    if last in _CLAUSE_END or (last == "-" and at >= 2 and text[at - 2].isspace()):
        return _CUT_CLAUSE
    return _CUT_WORD


def _cluster_boundary(text: str, k: int) -> bool:
    """Whether a cut before ``text[k]`` leaves grapheme clusters whole (close enough for SMS)."""
    ch, before = text[k], text[k - 1]
    code = ord(ch)
    if unicodedata.category(ch).startswith("M") or before == "\u200d" or ch == "\u200d":
        return False
    if 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F:  # skin tones, flag tags
        return False
    if is_regional_indicator(ch):
        # Flags are pairs of regional indicators: cut only between pairs.
        run = 0
        while k - run - 1 >= 0 and is_regional_indicator(text[k - run - 1]):
            run += 1
        return run % 2 == 0
    return True
