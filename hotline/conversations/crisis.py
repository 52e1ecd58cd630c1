"""Crisis words: a text a person writes that says their life, or someone's, is in danger.

Each locale keeps its list in `hotline/locales/<lang>/crisis.txt` (one phrase a line, `#`
comments), where staff review and change it without code; a deployment's locale overrides
folder may hold its own `<lang>/crisis.txt`, which replaces the shipped one. A text matches
when it holds a phrase's words in order, whole words, ignoring case, accents and punctuation
(people in a hurry type "ne mogu vise zivjeti" for "ne mogu više živjeti"); a word ending
in `*` matches any ending, for inflected forms. Every locale's list is tried on every text:
a person may write in a language other than the one their menu is in.

Matching is pure and fast (a set lookup a word); what to do about a match is the
conversation service's.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from hotline.catalog import LOCALES_DIR
from hotline.errors import ConfigError

CRISIS_FILE = "crisis.txt"
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of a text, lower case, without accents (š → s; Cyrillic ё and й lose
    theirs too)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return [found.group() for found in _WORD.finditer(plain)]


@dataclass(frozen=True)
class Phrase:
    """One phrase of a list: its words, each exact or (ending in *) a prefix."""

    text: str
    language: str  # of the list it comes from
    parts: tuple[tuple[str, bool], ...]  # (word, is a prefix)

    @classmethod
    def parse(cls, text: str, language: str) -> Phrase:
        """A phrase as written in a crisis file."""
        parts: list[tuple[str, bool]] = []
        for raw in text.split():
            prefix = raw.endswith("*")
            found = words(raw.rstrip("*"))
            if not found:
                continue
            parts.extend((w, False) for w in found[:-1])
            parts.append((found[-1], prefix))
        return cls(text, language, tuple(parts))

    def found_in(self, said: Sequence[str], at: int) -> bool:
        """Whether the phrase starts at word `at` of a text."""
        if at + len(self.parts) > len(said):
            return False
        for offset, (word, prefix) in enumerate(self.parts):
            got = said[at + offset]
            if not (got.startswith(word) if prefix else got == word):
                return False
        return True


class CrisisWords:
    """The crisis phrases of every locale, indexed by their first word."""

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self._exact: dict[str, list[Phrase]] = {}
        self._prefixed: dict[str, list[Phrase]] = {}  # keyed by the prefix's first 3 letters
        self.count = 0
        for phrase in phrases:
            if not phrase.parts:
                continue
            self.count += 1
            first, prefix = phrase.parts[0]
            if prefix:
                self._prefixed.setdefault(first[:3], []).append(phrase)
            else:
                self._exact.setdefault(first, []).append(phrase)

    def match(self, text: str) -> Phrase | None:
        """The first crisis phrase in a text, if there is one."""
        return next(iter(self.matches(text)), None)

    def languages(self, text: str) -> list[str]:
        """The languages whose lists found a crisis in a text, most phrases first (a word
        such as "suicide" is in several lists; a whole phrase tells the language)."""
        found: dict[str, int] = {}
        for phrase in self.matches(text):
            found[phrase.language] = found.get(phrase.language, 0) + len(phrase.parts)
        return sorted(found, key=lambda language: -found[language])

    def matches(self, text: str) -> Iterator[Phrase]:
        """Every crisis phrase in a text, in the order they start."""
        said = words(text)
        for at, word in enumerate(said):
            candidates: list[Phrase] = list(self._exact.get(word, []))
            for n in (1, 2, 3):
                candidates.extend(self._prefixed.get(word[:n], []))
            for phrase in candidates:
                if phrase.found_in(said, at):
                    yield phrase


def load_crisis_words(
    languages: Iterable[str], directory: Path = LOCALES_DIR, overrides: Path | None = None
) -> CrisisWords:
    """Every locale's list; a deployment's `<overrides>/<lang>/crisis.txt` replaces one."""
    phrases: list[Phrase] = []
    for language in languages:
        override = overrides / language / CRISIS_FILE if overrides is not None else None
        path = override if override is not None and override.is_file() else None
        path = path or directory / language / CRISIS_FILE
        if not path.is_file():
            raise ConfigError(f"{path}: the crisis words of {language!r} are missing")
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot be read as UTF-8 text ({exc})") from exc
        for line in text.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                phrases.append(Phrase.parse(line, language))
    return CrisisWords(phrases)
