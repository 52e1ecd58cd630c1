"""Encryption at rest for contact data and texts people write (Fernet: AES-128-CBC + HMAC).

A deployment has one primary data key (HOTLINE_DATA_KEY), which every new value is
encrypted with, and during a key rotation the keys it replaces (HOTLINE_DATA_KEYS_OLD),
which still decrypt what was written before (Fernet's MultiFernet). `hotline keys
rotate-data` re-encrypts the old values with the primary key; then the old keys go.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum

from cryptography.fernet import Fernet, InvalidToken, MultiFernet

from hotline.errors import ConfigError, StorageError


class KeyUsed(StrEnum):
    """Which of the configured keys a stored value decrypts with."""

    PRIMARY = "primary"
    OLD = "old"  # only with a key being retired: `hotline keys rotate-data` re-encrypts it
    NONE = "none"  # with none of them: written with a key no longer configured, or damaged


class DataCipher:
    """Encrypts with the data key (HOTLINE_DATA_KEY); decrypts with it or an old one."""

    def __init__(self, key: bytes | str, old: Sequence[bytes | str] = ()) -> None:
        self._primary = _fernet(key, "HOTLINE_DATA_KEY")
        self._old = tuple(_fernet(k, "HOTLINE_DATA_KEYS_OLD") for k in old)
        self._all = MultiFernet([self._primary, *self._old])

    @property
    def has_old_keys(self) -> bool:
        """True while keys being retired are configured next to the primary one."""
        return bool(self._old)

    def encrypt(self, text: str) -> str:
        """The text, encrypted with the primary key and authenticated, as ASCII."""
        return self._primary.encrypt(text.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        """The text back; a token made with another key is an error, never garbage."""
        try:
            return self._all.decrypt(token.encode("ascii")).decode("utf-8")
        except (InvalidToken, UnicodeError):
            raise StorageError("encrypted data does not match HOTLINE_DATA_KEY") from None

    def key_used(self, token: str) -> KeyUsed:
        """Which key the token decrypts with (never what it says)."""
        data = _ascii(token)
        if _opens(self._primary, data):
            return KeyUsed.PRIMARY
        return KeyUsed.OLD if any(_opens(f, data) for f in self._old) else KeyUsed.NONE

    def rotate(self, token: str) -> str | None:
        """The token encrypted with the primary key, or None if it already is (or if no
        configured key decrypts it: it is left as it is, for `hotline keys check` to name)."""
        data = _ascii(token)
        if not self._old or _opens(self._primary, data):
            return None
        try:
            return self._all.rotate(data).decode("ascii")
        except InvalidToken:
            return None


def _ascii(token: str) -> bytes:
    return token.encode("ascii", errors="replace")  # a damaged token then fails its HMAC


def _opens(fernet: Fernet, data: bytes) -> bool:
    try:
        fernet.decrypt(data)
    except InvalidToken:
        return False
    return True


def _fernet(key: bytes | str, name: str) -> Fernet:
    try:
        return Fernet(key)
    except (ValueError, TypeError):
        raise ConfigError(
            f"{name}: not a data key (32 bytes in url-safe base64); make one with "
            "`hotline keys generate`, or copy the deployment's own from where its keys "
            "are kept"
        ) from None


def new_key() -> bytes:
    """A fresh data key."""
    return Fernet.generate_key()
