"""The secrets of the settings: required ones that are not the example's placeholders, the
pseudonym key's length, local mode's keys kept in the data folder, and the lines that say
how to make or find each."""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path

from cryptography.fernet import Fernet

from hotline.crypto import new_key
from hotline.errors import ConfigError

MIN_KEY_CHARS = 32
MAKE_KEY = "`hotline keys generate` (it prints both keys as lines for the .env file)"
# Words of the example files and of "fill this in" values: never a real secret.
PLACEHOLDERS = ("change-me", "changeme", "example", "xxxxxxxx", "your-", "<")


def telegram_secret_missing() -> ConfigError:
    """The webhook's secret, asked for where Telegram posts to this server."""
    return ConfigError(
        "HOTLINE_TELEGRAM_WEBHOOK_SECRET is missing: set it to 1-256 characters of "
        "A-Z a-z 0-9 _ -, e.g. `python3 -c 'import secrets; print(secrets.token_urlsafe(32))'` "
        "(or run `hotline serve --telegram-polling`, which needs none)"
    )


def require(env: dict[str, str], name: str) -> str:
    value = env.get(name)
    if value is None:
        hints = {
            "HOTLINE_PUBLIC_URL": "the https:// address Twilio reaches this server on",
            "HOTLINE_TWILIO_AUTH_TOKEN": "the auth token from the Twilio console",
            "HOTLINE_PSEUDONYM_KEY": (
                f"a secret of at least 32 characters kept outside the database: {MAKE_KEY}"
            ),
            "HOTLINE_DATA_KEY": f"the key that encrypts contact data: {MAKE_KEY}",
        }
        raise ConfigError(f"{name} is missing: set it to {hints.get(name, 'a value')}")
    return value


def real_secret(env: dict[str, str], name: str) -> str:
    """A required secret that is not the example's placeholder."""
    value = require(env, name)
    if any(word in value.lower() for word in PLACEHOLDERS):
        make = (
            "copy the auth token from the Twilio console (Account > API keys & tokens)"
            if name == "HOTLINE_TWILIO_AUTH_TOKEN"
            else f"make one with {MAKE_KEY}"
        )
        raise ConfigError(f"{name} is still the example's placeholder: {make}")
    return value


def pseudonym_key(raw: str) -> bytes:
    if len(raw) < MIN_KEY_CHARS:
        raise ConfigError(
            f"HOTLINE_PSEUDONYM_KEY: too short ({len(raw)} characters); give at least "
            f"{MIN_KEY_CHARS}, e.g. {MAKE_KEY}"
        )
    return raw.encode()


def local_secret(
    data_dir: Path, name: str, make: Callable[[], bytes] | None = None
) -> tuple[str, bool]:
    """Read a local-mode secret, creating it (0600) on first use; returns (secret, created).
    A data folder that cannot be written or read is a ConfigError saying so."""
    try:
        return read_or_make(data_dir / "keys" / name, make)
    except OSError as exc:
        raise ConfigError(
            f"HOTLINE_DATA_DIR {data_dir}: cannot keep the local keys there ({exc.strerror}): "
            "make the folder writable by this user, or set HOTLINE_DATA_DIR to one that is"
        ) from None


def read_or_make(path: Path, make: Callable[[], bytes] | None) -> tuple[str, bool]:
    if path.is_file():
        return path.read_text().strip(), False
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    value = make().decode() if make else secrets.token_urlsafe(32)
    # Written aside, then linked into place: the key appears whole or not at all, and of two
    # processes starting at once on a new folder, the second takes the first one's key.
    draft = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(value + "\n")
    try:
        os.link(draft, path)
    except FileExistsError:
        return path.read_text().strip(), False
    finally:
        draft.unlink()
    return value, True


PREVIOUS_DATA_KEYS = "data.key.previous"  # local mode: the keys a rotation is retiring


def old_data_keys(env: dict[str, str], primary: bytes, key_file: Path | None) -> tuple[bytes, ...]:
    """The data keys being retired, which still decrypt: HOTLINE_DATA_KEYS_OLD (comma-separated)
    and, in local mode, the lines of data.key.previous beside the key file. The primary key
    itself is left out (a rotation that stopped before it made its new key lists it)."""
    sources = [("HOTLINE_DATA_KEYS_OLD", env.get("HOTLINE_DATA_KEYS_OLD", "").split(","))]
    if key_file is not None:
        previous = key_file.with_name(PREVIOUS_DATA_KEYS)
        if previous.is_file():
            sources.append((str(previous), previous.read_text().splitlines()))
    keys: list[bytes] = []
    for source, values in sources:
        for position, value in enumerate((v.strip() for v in values if v.strip()), 1):
            key = value.encode()
            try:
                Fernet(key)
            except (ValueError, TypeError):
                raise ConfigError(
                    f"{source}: key {position} is not a data key (32 bytes in url-safe base64): "
                    "give the old HOTLINE_DATA_KEY exactly as it was, or leave it out"
                ) from None
            if key != primary and key not in keys:
                keys.append(key)
    return tuple(keys)


def begin_local_rotation(key_file: Path) -> None:
    """Local mode: a new data key in `key_file`, the one it replaces added to
    data.key.previous first (so no moment passes where the old key is kept nowhere)."""
    previous = key_file.with_name(PREVIOUS_DATA_KEYS)
    try:
        current = key_file.read_text().strip()
        kept = previous.read_text().splitlines() if previous.is_file() else []
        _write_secret(previous, "".join(f"{k}\n" for k in (*kept, current) if k.strip()))
        _write_secret(key_file, new_key().decode() + "\n")
    except OSError as exc:
        raise ConfigError(
            f"{key_file.parent}: cannot write the local data keys there ({exc.strerror}): make "
            "the folder writable by this user"
        ) from None


def retire_local_keys(key_file: Path) -> bool:
    """Local mode: forget the keys a finished rotation replaced; False if there were none."""
    previous = key_file.with_name(PREVIOUS_DATA_KEYS)
    if not previous.is_file():
        return False
    previous.unlink()
    return True


def _write_secret(path: Path, text: str) -> None:
    """Write a key file (0600) whole: aside, synced, then renamed over the old one."""
    draft = path.with_name(f".{path.name}.{os.getpid()}")
    fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(draft, path)
