"""SMS transliteration: a text in GSM-7 only, romanized as each locale's writers would.

Pure functions, no I/O.

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
from typing import Final

from anyascii import anyascii

from hotline.channels.sms_encoding import GSM7, is_regional_indicator

__all__ = ["transliterate"]

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
        elif ch in GSM7 and not (strip_all and ch.isalpha() and not ch.isascii()):
            rep = ch
        elif unicodedata.category(ch) == "Zs":
            rep = " "
        elif unicodedata.category(ch) in ("Zl", "Zp"):
            rep = "\n"
        elif is_regional_indicator(ch):
            rep = ""  # half a flag: anyascii would spell the country code, as noise
        else:
            rep = anyascii(ch)
            if len(rep) > 2 and rep[0] == rep[-1] == ":":  # an emoji's :shortcode:
                rep = ""
            rep = "".join(c for c in rep.replace("`", "'") if c in GSM7)
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
