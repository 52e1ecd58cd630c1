"""A name's first letter as a capital, where the script begins names and sentences so."""

from __future__ import annotations

__all__ = ["capitalized"]

_MKHEDRULI = ("\u10d0", "\u10ff")  # the Georgian letters in everyday use


def capitalized(text: str) -> str:
    """`text` with a capital first letter ("Monday", "Русский"); Georgian stays as it is:
    its capitals (Mtavruli) never begin a sentence or a name, and most fonts lack them."""
    first = text[:1]
    if _MKHEDRULI[0] <= first <= _MKHEDRULI[1]:
        return text
    return first.upper() + text[1:]
