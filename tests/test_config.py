"""Configuration: local mode works with nothing set; production names what is missing."""

from __future__ import annotations

import stat
import subprocess
import sys
from pathlib import Path

import pytest

from hotline.config import load_settings
from hotline.errors import ConfigError
from tests.conftest import AUTH_TOKEN, DATA_KEY, PSEUDONYM_KEY


def test_nothing_configured_means_local_mode_with_private_keys(tmp_path: Path) -> None:
    settings = load_settings({"HOTLINE_DATA_DIR": str(tmp_path / "d")}, env_file=None)
    assert settings.mode == "local"
    assert settings.is_sqlite
    assert settings.public_url == "http://127.0.0.1:8080"
    keys = sorted((tmp_path / "d" / "keys").iterdir())
    assert [k.name for k in keys] == ["data.key", "pseudonym.key", "twilio-auth-token"]
    for key in keys:
        assert stat.S_IMODE(key.stat().st_mode) == 0o600
    assert any("created local keys" in n for n in settings.notices)
    again = load_settings({"HOTLINE_DATA_DIR": str(tmp_path / "d")}, env_file=None)
    assert again.pseudonym_key == settings.pseudonym_key  # the same callers stay linkable


def production(**env: str) -> dict[str, str]:
    return {
        "HOTLINE_PUBLIC_URL": "https://hotline.example.org",
        "HOTLINE_TWILIO_AUTH_TOKEN": AUTH_TOKEN,
        "HOTLINE_PSEUDONYM_KEY": PSEUDONYM_KEY,
        "HOTLINE_DATA_KEY": DATA_KEY,
        **env,
    }


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"HOTLINE_PUBLIC_URL": ""}, "HOTLINE_PUBLIC_URL is missing"),
        ({"HOTLINE_PSEUDONYM_KEY": ""}, "HOTLINE_PSEUDONYM_KEY is missing"),
        ({"HOTLINE_TWILIO_AUTH_TOKEN": ""}, "HOTLINE_TWILIO_AUTH_TOKEN is missing"),
        ({"HOTLINE_PSEUDONYM_KEY": "short"}, "HOTLINE_PSEUDONYM_KEY: too short"),
        ({"HOTLINE_PORT": "80a"}, "HOTLINE_PORT: '80a' is not a port"),
        ({"HOTLINE_PUBLIC_URL": "hotline.example.org"}, "HOTLINE_PUBLIC_URL: 'hotline."),
        ({"HOTLINE_DATABASE_URL": "mysql://x@y/z"}, "HOTLINE_DATABASE_URL: 'mysql'"),
        ({"HOTLINE_TWILIO_ACCOUNT_SID": "AB12"}, "HOTLINE_TWILIO_ACCOUNT_SID: not an account"),
        ({"HOTLINE_FALLBACK_NUMBER": "0322 000 000"}, "HOTLINE_FALLBACK_NUMBER: give the"),
        ({"HOTLINE_LANGUAGES": "ka,Russian"}, "HOTLINE_LANGUAGES: 'Russian'"),
        ({"HOTLINE_DATA_KEY": ""}, "HOTLINE_DATA_KEY is missing"),
        ({"HOTLINE_DATA_KEY": "not-a-key"}, "HOTLINE_DATA_KEY: not a data key"),
        ({"HOTLINE_TELEGRAM_TOKEN": "123:abc"}, "HOTLINE_TELEGRAM_TOKEN: not a bot token"),
        (
            {
                "HOTLINE_TELEGRAM_TOKEN": "123456:" + "A" * 35,
                "HOTLINE_TELEGRAM_WEBHOOK_SECRET": "a b",
            },
            "HOTLINE_TELEGRAM_WEBHOOK_SECRET: use 1-256",
        ),
        ({"HOTLINE_SMS_TRANSLITERATE": "ka,Georgian"}, "HOTLINE_SMS_TRANSLITERATE: 'Georgian'"),
    ],
)
def test_a_bad_value_is_named(env: dict[str, str], named: str) -> None:
    with pytest.raises(ConfigError, match=named.replace(".", r"\.").replace("(", r"\(")):
        load_settings(production(**env), env_file=None)


def test_a_telegram_only_deployment_needs_no_twilio_token() -> None:
    """A program that runs only the Telegram bot is asked for nothing of Twilio's; anything
    of Twilio's set makes the token needed again."""
    env = production(HOTLINE_TELEGRAM_TOKEN="123456:" + "A" * 35)
    del env["HOTLINE_TWILIO_AUTH_TOKEN"]
    settings = load_settings(env, env_file=None)
    assert settings.mode == "production"
    assert settings.twilio_auth_token == ""
    assert settings.telegram_webhook_secret is None  # asked for by serve, unless polling
    with pytest.raises(ConfigError, match="HOTLINE_TWILIO_AUTH_TOKEN is missing"):
        load_settings({**env, "HOTLINE_PHONE_NUMBER": "+995322000000"}, env_file=None)


def test_postgres_urls_get_the_async_driver() -> None:
    settings = load_settings(
        production(HOTLINE_DATABASE_URL="postgresql://hotline@db:5432/hotline"), env_file=None
    )
    assert settings.database_url == "postgresql+asyncpg://hotline@db:5432/hotline"


def test_a_dotenv_file_is_read_and_the_environment_wins(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("HOTLINE_PORT=9000\nHOTLINE_HOST=0.0.0.0\n")
    settings = load_settings(production(HOTLINE_PORT="9100"), env_file=env_file)
    assert settings.port == 9100
    assert settings.host == "0.0.0.0"  # noqa: S104 - the value read back, not a bind


def test_serve_stops_with_one_line_naming_the_missing_value(tmp_path: Path) -> None:
    env = {"HOTLINE_PUBLIC_URL": "https://hotline.example.org", "PATH": "/usr/bin:/bin"}
    result = subprocess.run(
        [sys.executable, "-m", "hotline", "serve"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("hotline: configuration: HOTLINE_TWILIO_AUTH_TOKEN is missing")


@pytest.mark.parametrize(
    ("name", "placeholder", "fix"),
    [
        ("HOTLINE_TWILIO_AUTH_TOKEN", "change-me", "copy the auth token from the Twilio console"),
        ("HOTLINE_PSEUDONYM_KEY", "change-me-to-at-least-32-random-characters", "keys generate"),
        ("HOTLINE_DATA_KEY", "change-me", "keys generate"),
    ],
)
def test_the_example_files_placeholders_are_refused_with_the_way_to_a_real_one(
    name: str, placeholder: str, fix: str
) -> None:
    with pytest.raises(ConfigError, match=f"{name} is still the example's placeholder") as err:
        load_settings(production(**{name: placeholder}), env_file=None)
    assert fix in str(err.value)


def test_keys_generate_prints_env_lines_the_server_takes(tmp_path: Path) -> None:
    from tests.test_call_cli import hotline

    result = hotline("keys", "generate", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = dict(
        line.split("=", 1) for line in result.stdout.splitlines() if not line.startswith("#")
    )
    assert set(lines) == {"HOTLINE_PSEUDONYM_KEY", "HOTLINE_DATA_KEY"}
    settings = load_settings(production(**lines), env_file=None)
    assert settings.pseudonym_key == lines["HOTLINE_PSEUDONYM_KEY"].encode()
    again = hotline("keys", "generate", cwd=tmp_path)
    assert again.stdout != result.stdout  # new keys each time


def test_a_damaged_local_data_key_names_its_file(tmp_path: Path) -> None:
    """In local mode the key is a file the operator never set: the line names that file."""
    env = {"HOTLINE_DATA_DIR": str(tmp_path / "data")}
    load_settings(env, env_file=None)  # makes the local keys
    key = tmp_path / "data" / "keys" / "data.key"
    key.write_text("garbage\n")
    with pytest.raises(ConfigError) as raised:
        load_settings(env, env_file=None)
    assert str(raised.value).startswith(f"{key}: not a data key (the file is damaged)")
