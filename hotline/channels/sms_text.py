"""SMS text: GSM-7 or UCS-2, segment counts, readable splitting, per-locale GSM-7 transliteration.

Pure functions, no I/O.

Encoding and segments follow GSM 03.38 / 3GPP TS 23.038 and what Twilio documents (and its
open-source segment calculator does): a text goes out in GSM-7 when every character is in the
default alphabet or its extension table (``^ { } [ ] ~ \\ | €`` and form feed, each sent as
ESC + code, so 2 septets); otherwise the whole text goes out in UCS-2 (in fact UTF-16). One
segment holds 140 octets: 160 septets or 70 UTF-16 code units. A longer text is concatenated;
each part then carries a 6-octet user data header, leaving 153 septets or 67 code units. An
escape pair and a surrogate pair (a character outside the BMP, such as most emoji) are never
split between parts, so a part may hold one unit less than its room (Twilio bills "]" * 153,
306 septets, as 3 segments). National language shift tables (3GPP TS 23.038 annex A) are not
used: Twilio does not send them. Twilio's segment calculator goes further and keeps whole
grapheme clusters (a skin-toned or ZWJ emoji) in one part; this module keeps only surrogate
pairs whole, so its count can be one lower for such an emoji sequence astride a boundary.

Transliteration (``transliterate``) is for deployments that would rather pay for a GSM-7
segment than for a UCS-2 one (a Georgian or Russian text costs 2.3 times as many segments).
It uses ``anyascii`` (ISC licence, no dependencies, maintained) for the letters, after
checking its output letter by letter:

- Georgian comes out in the national romanization of 2002 (also BGN/PCGN since 2009):
  ა a, ბ b, გ g, დ d, ე e, ვ v, ზ z, თ t, ი i, კ k', ლ l, მ m, ნ n, ო o, პ p', ჟ zh, რ r,
  ს s, ტ t', უ u, ფ p, ქ k, ღ gh, ყ q', შ sh, ჩ ch, ც ts, ძ dz, წ ts', ჭ ch', ხ kh, ჯ j,
  ჰ h, with the ASCII apostrophe (GSM-7) for the ejective mark ’.
- Russian comes out in the readable scheme of Russian-speakers' own Latin typing, close to
  BGN/PCGN without diacritics: ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ю yu, я ya, й y, ы y,
  ё e, э e, ь and ъ '. (ICAO passport spelling writes ю iu, я ia, й i, ъ ie, which readers
  of an SMS find less familiar; GOST 7.79 B writes х x, ц cz, which they find odd.)
- Croatian, Czech, Slovenian lose their diacritics (č ć → c, š → s, ž → z, ř → r, ě → e,
  ů → u, ...), as people there text anyway; đ becomes dj in Croatian and Slovenian (anyascii
  alone gives d). In these three languages every letter beyond ASCII is romanized, even
  those GSM-7 has (é, ü, ß), so a text is not half with and half without diacritics.
- In other languages (ka, ru, en, anything else) characters that GSM-7 has are kept as they
  are; the rest go through anyascii.

Typographic quotes and dashes become ASCII ones; emoji (for which anyascii gives a
``:shortcode:``) and flags are dropped together with the space they leave, while symbols that
anyascii spells stay spelled (© (C), № No, 🆘 SOS). Whatever GSM-7 still lacks is dropped,
so ``transliterate`` never yields UCS-2. ``Unidecode`` does much the same but is GPL;
anyascii is permissive, and its Georgian and Russian needed no table of our own.
"""  # noqa: RUF002 - Georgian and Cyrillic letters and a curly apostrophe, on purpose

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final, Literal

from anyascii import anyascii

__all__ = [
    "GSM7_PART_SEPTETS",
    "GSM7_SINGLE_SEPTETS",
    "MAX_SEGMENTS",
    "UCS2_PART_UNITS",
    "UCS2_SINGLE_UNITS",
    "Encoding",
    "SmsMeasure",
    "is_gsm7",
    "measure",
    "split_for_sms",
    "transliterate",
]

Encoding = Literal["GSM-7", "UCS-2"]

GSM7_SINGLE_SEPTETS: Final = 160  # 140 octets * 8 / 7
GSM7_PART_SEPTETS: Final = 153  # (140 - 6 octets of concatenation header) * 8 / 7, rounded down
UCS2_SINGLE_UNITS: Final = 70  # 140 octets / 2
UCS2_PART_UNITS: Final = 67  # (140 - 6) / 2
# Twilio takes bodies of up to 1600 characters (10 GSM-7 segments hold 1530) and advises
# keeping to 320; a splitter budget above 10 segments would make no sense.
MAX_SEGMENTS: Final = 10

# GSM 03.38 default alphabet, code 0x00 to 0x7F in order; 0x1B (the escape) is left out.
_GSM7_BASIC: Final = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
    " !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# The extension table: each is sent as ESC + code, 2 septets.
_GSM7_EXTENSION: Final = frozenset("\f^{}\\[~]|€")
_GSM7: Final = _GSM7_BASIC | _GSM7_EXTENSION


@dataclass(frozen=True, slots=True)
class SmsMeasure:
    """How a text goes out as SMS: encoding, segments billed, units and characters."""

    encoding: Encoding
    segments: int  # 0 for an empty text: Twilio refuses an empty body, so nothing is billed
    units: int  # septets in GSM-7 (escape pairs count 2), UTF-16 code units in UCS-2
    characters: int  # Unicode code points
    non_gsm: tuple[str, ...]  # the characters that force UCS-2, each once, in order


def is_gsm7(text: str) -> bool:
    """Whether every character of the text is in the GSM-7 alphabet or its extension."""
    return all(ch in _GSM7 for ch in text)


def measure(text: str) -> SmsMeasure:
    """The encoding, segment count and size of a text sent as one SMS body."""
    non_gsm = tuple(dict.fromkeys(ch for ch in text if ch not in _GSM7))
    if non_gsm:
        sizes = _ucs2_sizes(text)
        encoding: Encoding = "UCS-2"
        segments = _pack(sizes, UCS2_SINGLE_UNITS, UCS2_PART_UNITS)
    else:
        sizes = _gsm7_sizes(text)
        encoding = "GSM-7"
        segments = _pack(sizes, GSM7_SINGLE_SEPTETS, GSM7_PART_SEPTETS)
    return SmsMeasure(encoding, segments, sum(sizes), len(text), non_gsm)


def _gsm7_sizes(text: str) -> list[int]:
    return [1 if ch in _GSM7_BASIC else 2 for ch in text]


def _ucs2_sizes(text: str) -> list[int]:
    return [2 if ord(ch) > 0xFFFF else 1 for ch in text]


def _pack(sizes: Sequence[int], single: int, part: int) -> int:
    """Segments for characters of these unit sizes, none split between two parts."""
    total = sum(sizes)
    if total == 0:
        return 0
    if total <= single:
        return 1
    if total == len(sizes):  # all one unit wide: nothing to keep together
        return -(-total // part)
    segments, used = 1, 0
    for size in sizes:
        if used + size > part:
            segments, used = segments + 1, 0
        used += size
    return segments


def _segments(text: str) -> int:
    """``measure(text).segments`` without building the rest (the splitter calls it often)."""
    if is_gsm7(text):
        return _pack(_gsm7_sizes(text), GSM7_SINGLE_SEPTETS, GSM7_PART_SEPTETS)
    return _pack(_ucs2_sizes(text), UCS2_SINGLE_UNITS, UCS2_PART_UNITS)


# --- splitting -------------------------------------------------------------------------------

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
    if _segments(text) <= max_segments:
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
            self.non_gsm.append(self.non_gsm[-1] + (ch not in _GSM7))
            self.septets.append(self.septets[-1] + (1 if ch in _GSM7_BASIC else 2))
            self.escapes.append(self.escapes[-1] + (ch in _GSM7_EXTENSION))
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
        return _segments(self.text[start:end] + "0" * self.extra) <= self.max_segments


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
    if _regional_indicator(ch):
        # Flags are pairs of regional indicators: cut only between pairs.
        run = 0
        while k - run - 1 >= 0 and _regional_indicator(text[k - run - 1]):
            run += 1
        return run % 2 == 0
    return True


def _regional_indicator(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


# --- transliteration -------------------------------------------------------------------------

# Languages whose writers drop diacritics when texting: every Latin letter loses its marks.
_STRIP_ALL: Final = frozenset({"hr", "cs", "sl"})
_LETTERS: Final[dict[str, dict[str, str]]] = {
    "hr": {"đ": "dj", "Đ": "Dj"},
    "sl": {"đ": "dj", "Đ": "Dj"},
}
# Typography that GSM-7 lacks, to the nearest GSM-7 (anyascii gives « as <<, and ` stays).
_PUNCTUATION: Final = {
    **dict.fromkeys(
        "\N{LEFT-POINTING DOUBLE ANGLE QUOTATION MARK}"
        "\N{RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK}"
        "\N{DOUBLE LOW-9 QUOTATION MARK}\N{LEFT DOUBLE QUOTATION MARK}"
        "\N{RIGHT DOUBLE QUOTATION MARK}\N{DOUBLE HIGH-REVERSED-9 QUOTATION MARK}"
        "\N{DOUBLE PRIME}\N{DITTO MARK}",
        '"',
    ),
    **dict.fromkeys(
        "\N{SINGLE LEFT-POINTING ANGLE QUOTATION MARK}"
        "\N{SINGLE RIGHT-POINTING ANGLE QUOTATION MARK}"
        "\N{SINGLE LOW-9 QUOTATION MARK}\N{LEFT SINGLE QUOTATION MARK}"
        "\N{RIGHT SINGLE QUOTATION MARK}\N{SINGLE HIGH-REVERSED-9 QUOTATION MARK}"
        "\N{PRIME}\N{MODIFIER LETTER PRIME}\N{MODIFIER LETTER TURNED COMMA}"
        "\N{MODIFIER LETTER APOSTROPHE}\N{ACUTE ACCENT}"
        "`",  # ASCII, but not in GSM-7
        "'",
    ),
    **dict.fromkeys(
        "\N{HYPHEN}\N{NON-BREAKING HYPHEN}\N{FIGURE DASH}\N{EN DASH}\N{EM DASH}"
        "\N{HORIZONTAL BAR}\N{MINUS SIGN}",
        "-",
    ),
    "\N{HORIZONTAL ELLIPSIS}": "...",
    "\t": " ",
}
_DROPPED: Final = "\x00"  # marks a character removed, so the space it leaves can go too
_DROP_GAP: Final = re.compile(" *\x00[\x00 ]*")
_NO_SPACE_BEFORE: Final = frozenset("\n\r.,!?;:)]}")


def transliterate(text: str, language: str) -> str:
    """The text in GSM-7 only, romanized as usual for the language (a BCP 47 tag or code)."""
    primary = language.replace("_", "-").split("-")[0].lower()
    strip_all = primary in _STRIP_ALL
    letters = _LETTERS.get(primary, {})
    text = unicodedata.normalize("NFC", text)
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch in letters:
            rep = letters[ch]
        elif ch in _PUNCTUATION:
            rep = _PUNCTUATION[ch]
        elif ch in _GSM7 and not (strip_all and ch.isalpha() and not ch.isascii()):
            rep = ch
        elif unicodedata.category(ch) == "Zs":
            rep = " "
        elif unicodedata.category(ch) in ("Zl", "Zp"):
            rep = "\n"
        elif _regional_indicator(ch):
            rep = ""  # half a flag: anyascii would spell the country code, as noise
        else:
            rep = anyascii(ch)
            if len(rep) > 2 and rep[0] == rep[-1] == ":":  # an emoji's :shortcode:
                rep = ""
            rep = "".join(c for c in rep.replace("`", "'") if c in _GSM7)
        if not rep:
            out.append(_DROPPED)
            continue
        if len(rep) > 1 and ch.isupper() and _in_capitals(text, i):
            rep = rep.upper()  # ЖУК is ZHUK, not ZhUK
        out.append(rep)
    return _DROP_GAP.sub(_close_gap, "".join(out))


def _in_capitals(text: str, i: int) -> bool:
    """Whether the letter at ``i`` stands in an all-capitals word (its neighbour is capital)."""
    if i + 1 < len(text) and text[i + 1].isalpha():
        return text[i + 1].isupper()
    return i > 0 and text[i - 1].isalpha() and text[i - 1].isupper()


def _close_gap(match: re.Match[str]) -> str:
    """What is left where characters were dropped: one space at most, none at an edge."""
    if " " not in match.group():
        return ""
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start > 0 else "\n"
    after = text[end] if end < len(text) else "\n"
    if before in "\n\r" or after in _NO_SPACE_BEFORE:
        return ""
    return " "
