"""How a message's arguments are written and spoken in each locale (CLDR data, through Babel).

A voice message takes its date, time or phone number as text made here, `{ $date }` in the
catalogue, not `DATETIME($date)`: a speech synthesizer (ours or Twilio's) reads "3. 3. 2027" or
"+995322000000" badly. Spoken, a date is the day and the month's name in the form the
language's grammar uses after a day (Russian, Czech and Croatian genitive: "12 марта",
"12. března", "12. ožujka"), a time is the locale's short form, and a phone number is read in
its national digit groups, digit by digit, with a pause between groups ("2, 1 4 5, 1 4 5").
Numbers stay numbers, so Fluent picks the plural form (Slovenian dual included).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime, time

import phonenumbers
from babel.dates import format_date, format_time

from hotline.flows.actions import Arg, PhoneNumber

FluentArg = str | int | date  # what the Fluent bundle takes

# The day and the month's name; Babel's format context gives the genitive where the
# language needs one. Slovenian and Croatian write the day as an ordinal ("12."); Georgian
# and Russian read a cardinal day before the month.
_SPOKEN_DATE = {"sl": "d. MMMM", "hr": "d. MMMM", "cs": "d. MMMM"}
_DEFAULT_SPOKEN_DATE = "d MMMM"


def written(language: str, args: Mapping[str, Arg]) -> dict[str, FluentArg]:
    """Arguments for a text a person reads (chat, SMS): a time and a phone number as text."""
    return {name: _written(language, value) for name, value in args.items()}


SayDate = Callable[[date], str | None]  # a date in words, if the locale's catalogue has them


def spoken(
    language: str, args: Mapping[str, Arg], say_date: SayDate | None = None
) -> dict[str, FluentArg]:
    """Arguments for a text a caller hears: dates, times and phone numbers made speakable.

    `say_date` words a date as the locale's catalogue does (`spoken-date`: the day as the
    ordinal the grammar wants, "dvanajstega marca"); without it, or where it has no words,
    the day stays a number before the month's name.
    """
    return {name: _spoken(language, value, say_date) for name, value in args.items()}


def _written(language: str, value: Arg) -> FluentArg:
    if isinstance(value, PhoneNumber):
        return _grouped(value.number)
    if isinstance(value, time):
        return format_time(value, "short", locale=language)
    return value


def _spoken(language: str, value: Arg, say_date: SayDate | None) -> FluentArg:
    if isinstance(value, PhoneNumber):
        groups = _grouped(value.number).split()
        return ", ".join(" ".join(group) for group in groups)
    if isinstance(value, datetime):
        day = _spoken_date(language, value.date(), say_date)
        return day + " " + _spoken_time(language, value.time())
    if isinstance(value, date):
        return _spoken_date(language, value, say_date)
    if isinstance(value, time):
        return _spoken_time(language, value)
    return value


def _spoken_date(language: str, day: date, say_date: SayDate | None) -> str:
    worded = say_date(day) if say_date is not None else None
    if worded:
        return worded
    return format_date(day, _SPOKEN_DATE.get(language, _DEFAULT_SPOKEN_DATE), locale=language)


def _spoken_time(language: str, moment: time) -> str:
    return format_time(moment, "H:mm", locale=language)


def _grouped(number: str) -> str:
    """An international number in its national digit groups ("032 2 00 00 00"); a short or
    national number in the groups it was written in ("2 145 145")."""
    shown = number
    if number.startswith("+"):
        try:
            parsed = phonenumbers.parse(number, None)
            if phonenumbers.is_possible_number(parsed):
                shown = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)
        except phonenumbers.NumberParseException:
            pass
    return " ".join("".join(c if c.isdigit() else " " for c in shown).split())
