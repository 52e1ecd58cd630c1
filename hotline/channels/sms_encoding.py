"""SMS encoding: GSM-7 or UCS-2, and how many segments a text takes.

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
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final, Literal

__all__ = [
    "GSM7",
    "GSM7_BASIC",
    "GSM7_EXTENSION",
    "GSM7_PART_SEPTETS",
    "GSM7_SINGLE_SEPTETS",
    "MAX_SEGMENTS",
    "UCS2_PART_UNITS",
    "UCS2_SINGLE_UNITS",
    "Encoding",
    "SmsMeasure",
    "is_gsm7",
    "is_regional_indicator",
    "measure",
    "segment_count",
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
GSM7_BASIC: Final = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ"
    " !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§"
    "¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
# The extension table: each is sent as ESC + code, 2 septets.
GSM7_EXTENSION: Final = frozenset("\f^{}\\[~]|€")
GSM7: Final = GSM7_BASIC | GSM7_EXTENSION


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
    return all(ch in GSM7 for ch in text)


def measure(text: str) -> SmsMeasure:
    """The encoding, segment count and size of a text sent as one SMS body."""
    non_gsm = tuple(dict.fromkeys(ch for ch in text if ch not in GSM7))
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
    return [1 if ch in GSM7_BASIC else 2 for ch in text]


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


def segment_count(text: str) -> int:
    """``measure(text).segments`` without building the rest (the splitter calls it often)."""
    if is_gsm7(text):
        return _pack(_gsm7_sizes(text), GSM7_SINGLE_SEPTETS, GSM7_PART_SEPTETS)
    return _pack(_ucs2_sizes(text), UCS2_SINGLE_UNITS, UCS2_PART_UNITS)


def is_regional_indicator(ch: str) -> bool:
    """Whether the character is a regional indicator, half of a flag emoji."""
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF
