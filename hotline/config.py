"""Settings: one frozen object built from HOTLINE_* variables (and an optional .env) in main()."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from dotenv import dotenv_values
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from hotline.config_secrets import (
    local_secret,
    old_data_keys,
    pseudonym_key,
    real_secret,
    require,
)
from hotline.crypto import DataCipher, new_key
from hotline.directory.settings import DirectorySettings, directory_settings
from hotline.errors import ConfigError
from hotline.escalation.policy import EscalationPolicy, RingMode
from hotline.log_format import LOG_FORMATS, LogFormat
from hotline.observe.settings import ObserveSettings, observe_settings
from hotline.retention.policy import RetentionPolicy, retention_policy
from hotline.workers import parse_workers

Mode = Literal["local", "production"]

# Variables whose presence says "this is a real deployment": then the secrets must be given.
_PRODUCTION_MARKERS = (
    "HOTLINE_PUBLIC_URL",
    "HOTLINE_TWILIO_AUTH_TOKEN",
    "HOTLINE_TWILIO_ACCOUNT_SID",
    "HOTLINE_PSEUDONYM_KEY",
    "HOTLINE_DATA_KEY",
)
_SID_RE = re.compile(r"^AC[0-9a-fA-F]{32}$")
_LANG_RE = re.compile(r"^[a-z]{2,3}$")


@dataclass(frozen=True)
class Settings:
    """Everything the server needs to know, validated once."""

    mode: Mode
    host: str
    port: int
    data_dir: Path
    database_url: str
    public_url: str
    twilio_auth_token: str
    pseudonym_key: bytes
    twilio_account_sid: str | None = None
    twilio_api_url: str | None = None
    default_language: str = "en"
    languages: tuple[str, ...] = ()
    default_region: str | None = None
    fallback_number: str | None = None
    phone_number: str | None = None  # the hotline's own number: callbacks come from it
    delete_recordings: bool = False  # a voicemail is deleted at Twilio once staff have it
    step_deadline_s: float = 0.8
    voice_in_flight: int = 256  # voice requests a worker takes at once; more: the fallback
    log_level: str = "INFO"
    log_format: LogFormat = "text"  # "json": one object a line, for a log collector
    audio_dir: Path = Path("data/audio")
    # A deployment's <lang>/*.ftl files replacing shipped messages and terms (the program's name).
    locale_overrides: Path | None = None
    spoken_cache_mb: int = 200  # texts rendered on demand, under data_dir/spoken
    # A deployment's campaign files (<name>.yaml): a file named like a shipped one replaces it.
    campaigns_dir: Path | None = None
    data_key: bytes = b""
    data_keys_old: tuple[bytes, ...] = ()  # being retired: they decrypt, never encrypt
    data_key_file: Path | None = None  # local mode's data/keys/data.key, if the key is there
    telegram_token: str | None = None
    telegram_webhook_secret: str | None = None
    telegram_api_url: str | None = None
    telegram_bot_username: str | None = None  # for enrolment links, without the network
    sms_transliterate: tuple[str, ...] = ()
    escalation: EscalationPolicy = field(default_factory=EscalationPolicy)
    staff_chat_id: int | None = None  # a staff group for alerts; None: direct messages
    show_caller_number: bool = False
    # Behind our own proxy: a client's address is the last X-Forwarded-For entry it added.
    forwarded_for: bool = False
    reminders_tick: timedelta = timedelta(seconds=30)  # how often due reminders are looked for
    reminders_stuck: timedelta = timedelta(minutes=10)  # a send unconfirmed this long: settled
    checkin_wait: timedelta = timedelta(hours=72)  # a check-in unanswered this long: silent
    checkin_silences: int = 2  # silent check-ins in a row that make a task for the specialist
    directory: DirectorySettings = field(default_factory=DirectorySettings)
    retention: RetentionPolicy = field(default_factory=RetentionPolicy)  # HOTLINE_RETAIN_*
    observe: ObserveSettings = field(default_factory=ObserveSettings)  # /metrics, /readyz
    workers: int | None = None  # HOTLINE_WORKERS; None: `serve` picks (hotline.workers)
    notices: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_sqlite(self) -> bool:
        """True when the database is the embedded SQLite file."""
        return self.database_url.startswith("sqlite")

    @property
    def calls_out(self) -> bool:
        """True when the hotline can place calls and send SMS through Twilio's REST API (an
        account SID and its own number): callbacks, check-in calls, SMS of the directory."""
        return bool(self.twilio_account_sid and self.phone_number)


def load_settings(
    environ: dict[str, str] | None = None,
    env_file: Path | None = Path(".env"),
) -> Settings:
    """Build Settings from the environment (which wins) and an optional .env file."""
    env: dict[str, str] = {}
    if env_file is not None and env_file.is_file():
        env.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    env.update(os.environ if environ is None else environ)
    env = {k: v.strip() for k, v in env.items() if k.startswith("HOTLINE_") and v.strip()}
    return _build(env)


def _build(env: dict[str, str]) -> Settings:
    notices: list[str] = []
    mode = _mode(env)
    host = env.get("HOTLINE_HOST", "127.0.0.1")
    port = _port(env.get("HOTLINE_PORT", "8080"))
    data_dir = Path(env.get("HOTLINE_DATA_DIR", "data"))
    database_url = _database_url(env.get("HOTLINE_DATABASE_URL"), data_dir)
    languages, default_language = _languages(env)

    if mode == "production":
        public_url = _url("HOTLINE_PUBLIC_URL", require(env, "HOTLINE_PUBLIC_URL"))
        token = real_secret(env, "HOTLINE_TWILIO_AUTH_TOKEN") if _uses_twilio(env) else ""
        key = pseudonym_key(real_secret(env, "HOTLINE_PSEUDONYM_KEY"))
        data_key = real_secret(env, "HOTLINE_DATA_KEY").encode()
        data_key_file = None
    else:
        public_url = _url(
            "HOTLINE_PUBLIC_URL", env.get("HOTLINE_PUBLIC_URL", f"http://{host}:{port}")
        )
        token, created_token = local_secret(data_dir, "twilio-auth-token")
        key_text, created_key = local_secret(data_dir, "pseudonym.key")
        key = key_text.encode()
        data_text, created_data = local_secret(data_dir, "data.key", new_key)
        data_key = env.get("HOTLINE_DATA_KEY", data_text).encode()
        data_key_file = None if "HOTLINE_DATA_KEY" in env else data_dir / "keys" / "data.key"
        if created_token or created_key or created_data:
            notices.append(
                f"local mode: created local keys in {data_dir / 'keys'} (mode 0600); "
                "they are for trying hotline out, set HOTLINE_* variables for a real deployment"
            )
        engine = "PostgreSQL" if database_url.startswith("postgresql") else "SQLite"
        notices.append(f"local mode: {engine} database, calls can be simulated with `hotline call`")

    sid = env.get("HOTLINE_TWILIO_ACCOUNT_SID")
    if sid is not None and not _SID_RE.match(sid):
        raise ConfigError(
            "HOTLINE_TWILIO_ACCOUNT_SID: not an account SID; copy it from the Twilio console "
            "(AC followed by 32 hex characters)"
        )
    api_url = env.get("HOTLINE_TWILIO_API_URL")
    if api_url is not None:
        api_url = _url("HOTLINE_TWILIO_API_URL", api_url)

    region = env.get("HOTLINE_DEFAULT_REGION")
    if region is not None and not re.fullmatch(r"[A-Z]{2}", region):
        raise ConfigError(
            "HOTLINE_DEFAULT_REGION: give a two-letter country code in capitals, e.g. GE or CZ"
        )

    try:
        DataCipher(data_key)  # a malformed key stops start-up here, naming where it came from
    except ConfigError:
        if mode == "production" or "HOTLINE_DATA_KEY" in env:
            raise
        raise ConfigError(
            f"{data_dir / 'keys' / 'data.key'}: not a data key (the file is damaged): put "
            "back the copy you kept, or, if this folder holds nothing to keep yet, delete "
            "the data folder and a new key is made"
        ) from None
    data_keys_old = old_data_keys(env, data_key, data_key_file)
    telegram_token = env.get("HOTLINE_TELEGRAM_TOKEN")
    telegram_secret = env.get("HOTLINE_TELEGRAM_WEBHOOK_SECRET")
    if telegram_token is not None and not re.fullmatch(r"\d+:[A-Za-z0-9_-]{20,}", telegram_token):
        raise ConfigError(
            "HOTLINE_TELEGRAM_TOKEN: not a bot token; copy it from @BotFather (digits:letters)"
        )
    if telegram_secret is not None and not re.fullmatch(r"[A-Za-z0-9_-]{1,256}", telegram_secret):
        raise ConfigError(
            "HOTLINE_TELEGRAM_WEBHOOK_SECRET: use 1-256 characters of A-Z a-z 0-9 _ - only"
        )
    telegram_api = env.get("HOTLINE_TELEGRAM_API_URL")
    if telegram_api is not None:
        telegram_api = _url("HOTLINE_TELEGRAM_API_URL", telegram_api)

    bot_username = env.get("HOTLINE_TELEGRAM_BOT_USERNAME", "").removeprefix("@") or None
    if bot_username is not None and not re.fullmatch(r"[A-Za-z][A-Za-z0-9_]{3,31}", bot_username):
        raise ConfigError(
            "HOTLINE_TELEGRAM_BOT_USERNAME: not a bot username; give the one @BotFather "
            "confirmed, e.g. my_hotline_bot"
        )

    return Settings(
        mode=mode,
        host=host,
        port=port,
        data_dir=data_dir,
        database_url=database_url,
        public_url=public_url,
        twilio_auth_token=token,
        pseudonym_key=key,
        twilio_account_sid=sid,
        twilio_api_url=api_url,
        default_language=default_language,
        languages=languages,
        default_region=region,
        fallback_number=_e164("HOTLINE_FALLBACK_NUMBER", env.get("HOTLINE_FALLBACK_NUMBER")),
        phone_number=_e164("HOTLINE_PHONE_NUMBER", env.get("HOTLINE_PHONE_NUMBER")),
        step_deadline_s=_deadline(env.get("HOTLINE_STEP_DEADLINE_MS", "800")),
        voice_in_flight=_bounded(env, "HOTLINE_VOICE_IN_FLIGHT", 256, 2, 100_000, "requests"),
        log_level=_log_level(env.get("HOTLINE_LOG_LEVEL", "INFO")),
        log_format=_log_format(env.get("HOTLINE_LOG_FORMAT", "text")),
        audio_dir=Path(env.get("HOTLINE_AUDIO_DIR", str(data_dir / "audio"))),
        locale_overrides=_folder("HOTLINE_LOCALE_OVERRIDES", env.get("HOTLINE_LOCALE_OVERRIDES")),
        spoken_cache_mb=_bounded(env, "HOTLINE_SPOKEN_CACHE_MB", 200, 1, 100_000, "megabytes"),
        campaigns_dir=_folder(
            "HOTLINE_CAMPAIGNS_DIR",
            env.get("HOTLINE_CAMPAIGNS_DIR"),
            "campaign files (<name>.yaml), e.g. /etc/hotline/campaigns",
        ),
        data_key=data_key,
        data_keys_old=data_keys_old,
        data_key_file=data_key_file,
        telegram_token=telegram_token,
        telegram_webhook_secret=telegram_secret,
        telegram_api_url=telegram_api,
        telegram_bot_username=bot_username,
        sms_transliterate=_language_list(env, "HOTLINE_SMS_TRANSLITERATE"),
        escalation=_escalation_policy(env),
        staff_chat_id=_staff_chat(env.get("HOTLINE_STAFF_CHAT_ID")),
        show_caller_number=_flag(env, "HOTLINE_SHOW_CALLER_NUMBER"),
        delete_recordings=_flag(env, "HOTLINE_DELETE_RECORDINGS"),
        forwarded_for=_flag(env, "HOTLINE_FORWARDED_FOR"),
        reminders_tick=timedelta(
            seconds=_bounded(env, "HOTLINE_REMINDERS_TICK_S", 30, 1, 3600, "seconds")
        ),
        reminders_stuck=timedelta(
            seconds=_bounded(env, "HOTLINE_REMINDERS_STUCK_S", 600, 1, 86_400, "seconds")
        ),
        checkin_wait=timedelta(
            hours=_bounded(env, "HOTLINE_CHECKIN_WAIT_H", 72, 1, 24 * 30, "hours")
        ),
        checkin_silences=_bounded(env, "HOTLINE_CHECKIN_SILENCES", 2, 1, 20, "check-ins"),
        directory=directory_settings(env),
        retention=retention_policy(env),
        observe=observe_settings(env),
        workers=parse_workers(env.get("HOTLINE_WORKERS"), "HOTLINE_WORKERS"),
        notices=tuple(notices),
    )


def _escalation_policy(env: dict[str, str]) -> EscalationPolicy:
    if "HOTLINE_SPECIALIST_NUMBER" in env:
        raise ConfigError(
            "HOTLINE_SPECIALIST_NUMBER is replaced by the duty roster: remove it, add staff with "
            "`hotline staff add` and their shifts with `hotline roster import` (see README)"
        )
    mode = env.get("HOTLINE_RING_MODE", "sequential")
    if mode not in ("sequential", "simultaneous"):
        raise ConfigError("HOTLINE_RING_MODE: set it to 'sequential' or 'simultaneous'")
    return EscalationPolicy(
        ring_mode=RingMode(mode),
        ring_timeout_s=_bounded(env, "HOTLINE_RING_TIMEOUT_S", 20, 10, 60, "seconds"),
        ring_off_duty_supervisors=_flag(env, "HOTLINE_RING_OFF_DUTY_SUPERVISORS"),
        renotify_after=timedelta(
            minutes=_bounded(env, "HOTLINE_RENOTIFY_MINUTES", 5, 1, 240, "minutes")
        ),
        supervisor_after=timedelta(
            minutes=_bounded(env, "HOTLINE_SUPERVISOR_MINUTES", 15, 1, 1440, "minutes")
        ),
        callback_keep=timedelta(days=_bounded(env, "HOTLINE_CALLBACK_KEEP_DAYS", 7, 1, 90, "days")),
    )


def _bounded(env: dict[str, str], name: str, default: int, low: int, high: int, unit: str) -> int:
    raw = env.get(name, str(default))
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise ConfigError(f"{name}: {raw!r}; give {unit} from {low} to {high} (default {default})")
    return int(raw)


def _flag(env: dict[str, str], name: str) -> bool:
    raw = env.get(name, "no").lower()
    if raw not in ("yes", "no", "true", "false", "1", "0"):
        raise ConfigError(f"{name}: set it to yes or no")
    return raw in ("yes", "true", "1")


def _staff_chat(raw: str | None) -> int | None:
    if raw is None:
        return None
    if not re.fullmatch(r"-?\d{1,20}", raw):
        raise ConfigError(
            "HOTLINE_STAFF_CHAT_ID: give the staff group's chat id, a number like -1001234567890"
        )
    return int(raw)


def _uses_twilio(env: dict[str, str]) -> bool:
    """Whether the deployment takes calls or SMS: anything of Twilio's set, or no Telegram
    bot either (a hotline is a phone line first). A Telegram-only one needs no Twilio token."""
    twilio = ("HOTLINE_TWILIO_AUTH_TOKEN", "HOTLINE_TWILIO_ACCOUNT_SID", "HOTLINE_PHONE_NUMBER")
    return any(k in env for k in twilio) or "HOTLINE_TELEGRAM_TOKEN" not in env


def _mode(env: dict[str, str]) -> Mode:
    explicit = env.get("HOTLINE_MODE")
    if explicit is None:
        return "production" if any(k in env for k in _PRODUCTION_MARKERS) else "local"
    if explicit not in ("local", "production"):
        raise ConfigError("HOTLINE_MODE: set it to 'local' or 'production'")
    return "local" if explicit == "local" else "production"


def _port(raw: str) -> int:
    if not raw.isdigit() or not 1 <= int(raw) <= 65535:
        raise ConfigError(f"HOTLINE_PORT: {raw!r} is not a port; give a number from 1 to 65535")
    return int(raw)


def _url(name: str, raw: str) -> str:
    parts = urlsplit(raw)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query:
        raise ConfigError(
            f"{name}: {raw!r} is not a base URL; give one like https://hotline.example.org"
        )
    return raw.rstrip("/")


def _database_url(raw: str | None, data_dir: Path) -> str:
    if raw is None:
        return f"sqlite+aiosqlite:///{data_dir / 'hotline.sqlite3'}"
    try:
        url = make_url(raw)
    except ArgumentError:
        raise ConfigError(
            "HOTLINE_DATABASE_URL: not a database URL; give e.g. "
            "postgresql://user@127.0.0.1:5432/hotline or sqlite:///data/hotline.sqlite3"
        ) from None
    drivers = {"postgresql": "postgresql+asyncpg", "sqlite": "sqlite+aiosqlite"}
    backend = url.get_backend_name()
    if backend not in drivers:
        raise ConfigError(
            f"HOTLINE_DATABASE_URL: {backend!r} is not supported; use postgresql:// or sqlite://"
        )
    return url.set(drivername=drivers[backend]).render_as_string(hide_password=False)


def _languages(env: dict[str, str]) -> tuple[tuple[str, ...], str]:
    raw = env.get("HOTLINE_LANGUAGES")
    languages = tuple(x.strip() for x in raw.split(",") if x.strip()) if raw else ()
    for lang in languages:
        if not _LANG_RE.match(lang):
            raise ConfigError(
                f"HOTLINE_LANGUAGES: {lang!r} is not a language code; list codes like ka,ru,en"
            )
    default = env.get("HOTLINE_DEFAULT_LANGUAGE", languages[0] if languages else "en")
    if not _LANG_RE.match(default):
        raise ConfigError(
            f"HOTLINE_DEFAULT_LANGUAGE: {default!r} is not a language code; give one like ka or en"
        )
    if languages and default not in languages:
        raise ConfigError(
            f"HOTLINE_DEFAULT_LANGUAGE: {default!r} is not in HOTLINE_LANGUAGES; add it there"
        )
    return languages, default


def _e164(name: str, raw: str | None) -> str | None:
    if raw is None:
        return None
    if not re.fullmatch(r"\+[1-9]\d{6,14}", raw):
        raise ConfigError(f"{name}: give the number in international form, e.g. +995322000000")
    return raw


def _deadline(raw: str) -> float:
    if not raw.isdigit() or not 100 <= int(raw) <= 10_000:
        raise ConfigError(
            f"HOTLINE_STEP_DEADLINE_MS: {raw!r}; give milliseconds from 100 to 10000 (default 800)"
        )
    return int(raw) / 1000


def _folder(
    name: str,
    raw: str | None,
    holding: str = "<lang>/*.ftl files, e.g. /etc/hotline/locales with ka/program.ftl",
) -> Path | None:
    if raw is None or not raw.strip():
        return None
    path = Path(raw.strip())
    if not path.is_dir():
        raise ConfigError(f"{name}: {raw!r} is not a folder; give one holding {holding}")
    return path


def _log_level(raw: str) -> str:
    level = raw.upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError("HOTLINE_LOG_LEVEL: set it to DEBUG, INFO, WARNING or ERROR")
    return level


def _log_format(raw: str) -> LogFormat:
    for known in LOG_FORMATS:
        if raw.strip().lower() == known:
            return known
    raise ConfigError("HOTLINE_LOG_FORMAT: set it to text or json")


def _language_list(env: dict[str, str], name: str) -> tuple[str, ...]:
    raw = env.get(name, "")
    codes = tuple(x.strip() for x in raw.split(",") if x.strip())
    for code in codes:
        if not _LANG_RE.match(code):
            raise ConfigError(f"{name}: {code!r} is not a language code; list codes like ka,ru")
    return codes
