"""Numbers, plurals and dates in every locale follow CLDR, through Fluent and Babel."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from hotline.catalog import LOCALES_DIR, Catalog

CATALOG = Catalog()

# The voicemail prompt tells the caller how many minutes they have: the shipped text, each
# CLDR plural category of each language (sl has a dual: 2 and 102 minuti; 101 is "one").
MINUTES = {
    "en": {1: "one minute", 2: "2 minutes", 5: "5 minutes"},
    "ru": {1: "1 минута", 3: "3 минуты", 5: "5 минут", 11: "11 минут", 21: "21 минута"},
    "cs": {1: "1 minutu", 3: "3 minuty", 4: "4 minuty", 5: "5 minut", 21: "21 minut"},
    "hr": {1: "1 minutu", 3: "3 minute", 5: "5 minuta", 11: "11 minuta", 21: "21 minutu"},
    "sl": {
        1: "1 minuto",
        2: "2 minuti",
        3: "3 minute",
        4: "4 minute",
        5: "5 minut",
        101: "101 minuto",
        102: "102 minuti",
    },
    "ka": {1: "1 წუთი", 3: "3 წუთი", 21: "21 წუთი"},  # Georgian keeps the singular
}


@pytest.mark.parametrize(
    ("language", "minutes", "expected"),
    [(lang, n, text) for lang, forms in MINUTES.items() for n, text in forms.items()],
)
def test_minutes_take_the_right_plural_form(language: str, minutes: int, expected: str) -> None:
    text = CATALOG.format(language, "message-prompt", {"minutes": minutes})
    assert f" {expected}" in text or text.startswith(expected), text


def test_every_locale_is_covered() -> None:
    assert set(MINUTES) == set(CATALOG.languages)


DATES = {  # 3 March 2027, long style, as each language writes it
    "en": "March 3, 2027",
    "ru": "3 марта 2027",
    "cs": "3. března 2027",
    "hr": "3. ožujka 2027.",
    "sl": "3. marec 2027",
    "ka": "3 მარტი, 2027",
}


def test_dates_are_written_as_each_language_writes_them(tmp_path: Path) -> None:
    # No shipped message holds a date yet (the reminders will); add one to a copy of the
    # catalogue, so the formatting goes through the same Catalog, Fluent and Babel data.
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, locales)
    for language in DATES:
        with (locales / language / "dates.ftl").open("w", encoding="utf-8") as ftl:
            ftl.write('release-date = { DATETIME($date, dateStyle: "long") }\n')
    catalog = Catalog(locales)
    for language, expected in DATES.items():
        got = catalog.format(language, "release-date", {"date": date(2027, 3, 3)})
        assert got.startswith(expected), (language, got)
