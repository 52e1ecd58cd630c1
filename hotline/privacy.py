"""Caller pseudonyms (keyed HMAC over the E.164 number) and a log filter that keeps numbers out."""

from __future__ import annotations

import hashlib
import hmac
import logging
import re

import phonenumbers

PSEUDONYM_HEX_CHARS = 32  # 128 bits: no collisions in any realistic caller population

# Twilio's stand-ins for a withheld caller id; they identify nobody, so they get no pseudonym.
_WITHHELD = {"", "anonymous", "restricted", "unknown", "private", "+266696687", "+7378742833"}


def normalise_number(raw: str, default_region: str | None = None) -> str | None:
    """The E.164 form of a phone number, or None when it is withheld or not a number."""
    text = raw.strip()
    if text.lower() in _WITHHELD:
        return None
    try:
        parsed = phonenumbers.parse(text, default_region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    return str(phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164))


def pseudonym(raw_address: str, key: bytes, default_region: str | None = None) -> str | None:
    """A stable, keyed, irreversible stand-in for a caller's number (None when withheld).

    The same number always gives the same pseudonym under the same key, so repeat callers
    can be counted; without the key the number cannot be recovered by trying all numbers.
    Addresses that are not phone numbers (a SIP or client identity) are keyed as they are.
    """
    number = normalise_number(raw_address, default_region)
    if number is None:
        stripped = raw_address.strip()
        if stripped.lower() in _WITHHELD or stripped.startswith("+") or stripped[:1].isdigit():
            return None
        number = stripped
    digest = hmac.new(key, number.encode(), hashlib.sha256).hexdigest()
    return digest[:PSEUDONYM_HEX_CHARS]


class Pseudonyms:
    """`pseudonym` under one key, each address's made once (a number's parsing is the cost):
    for a batch of work, not to keep."""

    def __init__(self, key: bytes) -> None:
        self.key = key
        self.made: dict[str, str | None] = {}

    def __call__(self, raw_address: str) -> str | None:
        """The address's pseudonym, as `pseudonym` makes it."""
        if raw_address not in self.made:
            self.made[raw_address] = pseudonym(raw_address, self.key)
        return self.made[raw_address]


# A phone number as a log line might quote one: E.164 or national, spaced or dashed (not a
# date, a UUID's part, a sid's hex or a path's digits); URL-encoded (`To=%2B995...`); and the
# negative id of a Telegram group (-100...).
_NUMBER_LIKE = re.compile(
    r"(?<![\w:/-])\+?\d[\d ()-]{5,20}\d(?![\w:]|-\w)"
    r"|%2[Bb]\d{6,15}(?!\w)"
    r"|(?<![\w-])-\d{7,}(?!\w)"
)
_DATE_LIKE = re.compile(r"\d{4}-\d{2}-\d{2}")
_MIN_DIGITS = 7


def _redact(match: re.Match[str]) -> str:
    text = match.group(0)
    if _DATE_LIKE.fullmatch(text.strip()) or sum(c.isdigit() for c in text) < _MIN_DIGITS:
        return text
    return "[number]"


def redact_numbers(text: str) -> str:
    """`text` with anything shaped like a phone number or a Telegram id (7 digits or more)
    replaced by `[number]`."""
    return _NUMBER_LIKE.sub(_redact, text)


class RedactNumbers(logging.Filter):
    """Defence in depth: blank anything shaped like a phone number in a log record.

    Our code never logs a number; this catches a library that might (an error message
    quoting a request, say). Digits in timestamps are added by the formatter, not here;
    the formatters of `hotline.log_format` redact a traceback's text the same way.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Rewrite the record's message with number-like runs replaced."""
        message = record.getMessage()
        redacted = redact_numbers(message)
        if redacted != message:
            record.msg = redacted
            record.args = None
        return True


def keyed_ref(purpose: str, value: str, key: bytes) -> str:
    """A keyed pseudonym of any identifier (an address, a name typed at sign-in), kept apart
    from other purposes' pseudonyms of the same value by `purpose`."""
    message = purpose.encode() + b":" + value.encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:PSEUDONYM_HEX_CHARS]
