"""The data keys: the primary one encrypts, old ones only decrypt; HOTLINE_DATA_KEYS_OLD and
local mode's data.key.previous; every encrypted column is in the registry; a local-mode
rotation makes its own key, carries on after a stop and deletes the old key when done."""

from __future__ import annotations

import asyncio
import os
import re
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

import hotline.storage
from hotline.cli import main
from hotline.config import load_settings
from hotline.crypto import DataCipher, KeyUsed
from hotline.errors import ConfigError, StorageError
from hotline.storage.sealed_columns import sealed_tables
from tests.conftest import settings_env
from tests.sealed_rows import expected, fill
from tests.test_key_rotation import values

KEY_A = Fernet.generate_key().decode()
KEY_B = Fernet.generate_key().decode()


def test_the_primary_key_encrypts_and_an_old_one_only_decrypts() -> None:
    old = DataCipher(KEY_A)
    both = DataCipher(KEY_B, [KEY_A])
    written_before = old.encrypt("+995555000001")
    written_now = both.encrypt("+995555000002")
    assert both.decrypt(written_before) == "+995555000001"
    assert DataCipher(KEY_B).decrypt(written_now) == "+995555000002"  # the new key alone
    with pytest.raises(StorageError):
        old.decrypt(written_now)
    assert both.key_used(written_now) is KeyUsed.PRIMARY
    assert both.key_used(written_before) is KeyUsed.OLD
    assert both.key_used(DataCipher(Fernet.generate_key()).encrypt("x")) is KeyUsed.NONE
    assert both.key_used("not a token ☃") is KeyUsed.NONE
    assert both.rotate(written_now) is None  # already the primary's: left alone
    rotated = both.rotate(written_before)
    assert rotated is not None
    assert DataCipher(KEY_B).decrypt(rotated) == "+995555000001"


def test_old_keys_come_from_the_environment_and_a_bad_one_is_named(tmp_path: Path) -> None:
    env = settings_env(tmp_path, HOTLINE_DATA_KEY=KEY_B, HOTLINE_DATA_KEYS_OLD=f"{KEY_A}, {KEY_B}")
    settings = load_settings(env, env_file=None)
    assert settings.data_keys_old == (KEY_A.encode(),)  # the primary itself left out
    assert settings.data_key_file is None
    env["HOTLINE_DATA_KEYS_OLD"] = f"{KEY_A},{KEY_A[:-4]}"
    with pytest.raises(ConfigError) as raised:
        load_settings(env, env_file=None)
    message = str(raised.value)
    assert message.startswith("HOTLINE_DATA_KEYS_OLD: key 2 is not a data key")
    assert KEY_A[:20] not in message


def test_rotating_in_production_without_an_old_key_says_what_to_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    _environment(monkeypatch, tmp_path, settings_env(tmp_path))
    assert main(["keys", "rotate-data"]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    [line] = err.splitlines()
    assert "HOTLINE_DATA_KEYS_OLD is empty" in line
    assert "Rotating the data key" in line


def test_generate_can_print_a_data_key_alone(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["keys", "generate", "--data-key"]) == 0
    [line] = capsys.readouterr().out.splitlines()
    name, _, key = line.partition("=")
    assert name == "HOTLINE_DATA_KEY"
    DataCipher(key)  # a valid key


def test_every_column_said_to_be_encrypted_is_in_the_registry() -> None:
    """A column commented as encrypted, or holding what a cipher encrypts, must be marked
    `info=sealed()`: rotate-data and check go by the mark."""
    registered = {(s.name, c) for s in sealed_tables() for c, _ in s.columns}
    must = {
        ("questions", "reply_to"),
        ("questions", "text"),
        ("staff", "phone"),
        ("staff", "telegram"),
        ("callback_tasks", "contact"),
        ("callback_tasks", "recording_url"),
        ("chat_cases", "address"),
        ("chat_cases", "pending"),
        ("staff_notices", "chat"),
        ("participants", "phone"),
        ("participants", "telegram"),
        ("family_contacts", "phone"),
        ("family_contacts", "telegram"),
        ("family_contacts", "name"),
        ("case_messages", "text"),
        ("telegram_outbox", "chat"),
        ("telegram_outbox", "payload"),
    }
    assert must <= registered
    column = re.compile(r"^\s+(\w+): Mapped\[.*\bmapped_column\((.*)$")
    folder = Path(hotline.storage.__file__).parent
    unmarked = []
    for source in sorted(folder.glob("*.py")):
        for line in source.read_text().splitlines():
            found = column.match(line)
            if found and "encrypt" in line.lower() and "sealed(" not in found.group(2):
                unmarked.append(f"{source.name}: {found.group(1)}")
    assert unmarked == []


def test_local_mode_makes_the_new_key_carries_on_and_retires_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "data"
    env = {"HOTLINE_MODE": "local", "HOTLINE_DATA_DIR": str(data)}
    _environment(monkeypatch, tmp_path, env)
    first = load_settings(env, env_file=None)  # makes the local keys
    key_file = data / "keys" / "data.key"
    previous = data / "keys" / "data.key.previous"
    old_key = key_file.read_text().strip()
    asyncio.run(fill(first.database_url, DataCipher(old_key), 5))

    assert main(["keys", "rotate-data", "--batch-size", "2", "--max-batches", "3"]) == 0
    out = capsys.readouterr().out
    assert "local mode: a new data key" in out
    assert "stopped after 3 batches" in out
    new_key = key_file.read_text().strip()
    assert new_key != old_key
    assert previous.read_text().split() == [old_key]
    assert oct(previous.stat().st_mode & 0o777) == oct(key_file.stat().st_mode & 0o777) == "0o600"

    assert main(["keys", "rotate-data", "--batch-size", "2"]) == 0  # carries on, same key
    out = capsys.readouterr().out
    assert "a new data key" not in out
    assert "the old one is deleted" in out
    assert key_file.read_text().strip() == new_key
    assert not previous.exists()
    cipher = DataCipher(new_key)
    for where, token in values(first.database_url).items():
        if token is not None:
            assert cipher.decrypt(token) == expected(*where)
    assert main(["keys", "check", "--primary-only"]) == 0


def _environment(monkeypatch: pytest.MonkeyPatch, cwd: Path, env: dict[str, str]) -> None:
    for name in [k for k in os.environ if k.startswith("HOTLINE_")]:
        monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.chdir(cwd)
