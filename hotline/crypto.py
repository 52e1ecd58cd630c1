"""Encryption at rest for contact data and texts people write (Fernet: AES-128-CBC + HMAC)."""

from __future__ import annotations

from cryptography.fernet import Fernet, InvalidToken

from hotline.errors import ConfigError, StorageError


class DataCipher:
    """Encrypts and decrypts short texts with the deployment's data key (HOTLINE_DATA_KEY)."""

    def __init__(self, key: bytes) -> None:
        try:
            self._fernet = Fernet(key)
        except (ValueError, TypeError):
            raise ConfigError(
                "HOTLINE_DATA_KEY: not a data key (32 bytes in url-safe base64); make one with "
                "`hotline keys generate`, or copy the deployment's own from where its keys "
                "are kept"
            ) from None

    def encrypt(self, text: str) -> str:
        """The text, encrypted and authenticated, as ASCII."""
        return self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        """The text back; a token made with another key is an error, never garbage."""
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")
        except InvalidToken:
            raise StorageError("encrypted data does not match HOTLINE_DATA_KEY") from None


def new_key() -> bytes:
    """A fresh data key."""
    return Fernet.generate_key()
