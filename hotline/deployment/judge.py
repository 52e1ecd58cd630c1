"""Findings from the settings and from what the probes observed: one line each, with the fix.

Pure: every fact comes in as an argument, so each rule is tested without a network.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime, timedelta
from ipaddress import ip_address
from urllib.parse import urlsplit

from hotline.channels.telegram import WEBHOOK_PATH as TELEGRAM_PATH
from hotline.channels.twilio_sms import SMS_PATH
from hotline.config import Settings
from hotline.deployment.coverage import gaps
from hotline.deployment.model import (
    Finding,
    Health,
    Level,
    NumberWebhooks,
    Unreachable,
    WebhookState,
)
from hotline.escalation.roster import Roster
from hotline.routes import STATUS_PATH, VOICE_PATH

COVERAGE_SPAN = timedelta(days=7)
_PENDING_UPDATES_WARN = 100  # Telegram holds undelivered updates: this many means a backlog
_RECENT_ERROR = timedelta(hours=24)


def configuration(settings: Settings) -> list[Finding]:
    """The mode, the public URL's scheme, where the server listens, what is switched off."""
    topic = "configuration"
    engine = "SQLite" if settings.is_sqlite else "PostgreSQL"
    if settings.mode == "local":
        found = [
            Finding(
                Level.WARN,
                topic,
                "local mode (keys in the data folder, for trying hotline out): a deployment "
                "sets the variables of deploy/hotline.env.example",
            )
        ]
    else:
        found = [Finding(Level.OK, topic, f"production mode, {engine}")]
        found += _production(settings)
    if settings.fallback_number is None:
        found.append(
            Finding(
                Level.WARN,
                topic,
                "HOTLINE_FALLBACK_NUMBER is not set: when something fails inside, a caller "
                "can only leave a message",
            )
        )
    if not (settings.twilio_account_sid and settings.phone_number):
        found.append(
            Finding(
                Level.WARN,
                topic,
                "callbacks, SMS replies and reminders are off: set HOTLINE_TWILIO_ACCOUNT_SID "
                "and HOTLINE_PHONE_NUMBER",
            )
        )
    return found


def _production(settings: Settings) -> list[Finding]:
    topic = "configuration"
    found: list[Finding] = []
    if settings.is_sqlite:
        found.append(
            Finding(
                Level.WARN,
                topic,
                "SQLite in production: one server process, and backups of a live file; "
                "deploy/README.md sets up PostgreSQL",
            )
        )
    if urlsplit(settings.public_url).scheme != "https":
        found.append(
            Finding(
                Level.FAIL,
                topic,
                f"HOTLINE_PUBLIC_URL {settings.public_url} is not https: staff passwords and "
                "callers' webhooks would travel unencrypted; put the server behind the proxy "
                "of deploy/ and give its https:// address",
            )
        )
    if not _loopback(settings.host):
        found.append(
            Finding(
                Level.WARN,
                topic,
                f"HOTLINE_HOST={settings.host} serves plain HTTP beyond this machine: with the "
                "proxy here, set HOTLINE_HOST=127.0.0.1",
            )
        )
    elif not settings.forwarded_for:
        found.append(
            Finding(
                Level.WARN,
                topic,
                "behind a proxy the sign-in lockout counts the proxy's address, locking "
                "everyone out together: set HOTLINE_FORWARDED_FOR=yes",
            )
        )
    return found


def _loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return False


def data_folder(path: str, problem: str | None) -> Finding:
    """Whether the data folder (the voice spool, texts spoken on demand) can be written."""
    if problem is None:
        return Finding(Level.OK, "data folder", f"{path} is writable")
    return Finding(
        Level.FAIL,
        "data folder",
        f"{path}: {problem}; the voice spool keeps voicemails there while the database is "
        "down: make it writable by the server's user, or set HOTLINE_DATA_DIR",
    )


def database(engine: str, problem: str | None) -> Finding:
    """Whether the database answers with this version's schema."""
    if problem is None:
        return Finding(Level.OK, "database", f"{engine} answers; the schema is this version's")
    return Finding(Level.FAIL, "database", problem)


def texts(problems: Sequence[str], languages: Sequence[str]) -> list[Finding]:
    """The flows and campaigns against every locale (with the deployment's own files)."""
    if not problems:
        return [
            Finding(
                Level.OK,
                "flows",
                f"every flow and campaign is valid in {', '.join(languages)}",
            )
        ]
    head = Finding(
        Level.FAIL,
        "flows",
        f"{len(problems)} problem(s) in the flows or campaigns (`hotline flows check`, "
        "`hotline campaigns check` list them all):",
    )
    return [head, *(Finding(Level.FAIL, "flows", p) for p in problems[:5])]


def audio(placeholders: dict[str, int]) -> Finding:
    """Languages without a Twilio voice, heard as synthetic placeholders until recorded."""
    waiting = {lang: n for lang, n in placeholders.items() if n}
    if not waiting:
        return Finding(Level.OK, "audio", "every prompt is recorded or has a Twilio voice")
    listed = ", ".join(f"{lang} ({n})" for lang, n in sorted(waiting.items()))
    first = min(waiting)
    return Finding(
        Level.WARN,
        "audio",
        f"prompts heard in a synthetic voice until recorded: {listed}; "
        f"`hotline prompts script {first}` writes the script for a voice artist",
    )


def roster(
    stored: Roster | None,
    *,
    reachable: Collection[str],
    languages: Sequence[str],
    now: datetime,
) -> list[Finding]:
    """Who can be rung: a roster at all, the coming week's gaps, languages, contacts."""
    topic = "roster"
    if stored is None or not stored.staff:
        return [
            Finding(
                Level.WARN,
                topic,
                "no roster: a caller who asks for a person is never put through; add staff "
                "(`hotline staff add`) and their shifts (`hotline roster import FILE`)",
            )
        ]
    found: list[Finding] = []
    holes = gaps(stored, now, COVERAGE_SPAN)
    if holes:
        total = sum((b - a for a, b in holes), timedelta())
        start, end = holes[0]
        zone = stored.zone
        found.append(
            Finding(
                Level.WARN,
                topic,
                f"nobody on duty for {_hours(total)} of the next 7 days, first "
                f"{start.astimezone(zone):%a %d %b %H:%M} to {end.astimezone(zone):%a %d %b %H:%M}"
                f" ({stored.timezone}): callers then hear the after-hours message",
            )
        )
    else:
        found.append(
            Finding(Level.OK, topic, "someone is on duty at every hour of the next 7 days")
        )
    spoken = {lang for person in stored.staff for lang in person.languages}
    unspoken = [lang for lang in languages if lang not in spoken]
    if unspoken:
        found.append(
            Finding(
                Level.WARN,
                topic,
                f"nobody on the roster speaks {', '.join(unspoken)}: those callers are put "
                "through to whoever is on duty",
            )
        )
    unreachable = [p.id for p in stored.staff if p.id not in reachable]
    if unreachable:
        found.append(
            Finding(
                Level.WARN,
                topic,
                f"no phone or Telegram for {', '.join(unreachable)}: they are never rung or "
                "alerted (`hotline staff set ID --phone ...`)",
            )
        )
    return found


def _hours(span: timedelta) -> str:
    hours = span.total_seconds() / 3600
    return f"{hours:.0f} h" if hours >= 1 else f"{span.total_seconds() / 60:.0f} min"


def public_url(url: str, seen: Health | Unreachable) -> Finding:
    """What answered at the public URL's /healthz: hotline through the proxy, or what else."""
    topic = "public URL"
    where = f"{url}/healthz"
    if isinstance(seen, Unreachable):
        return Finding(Level.FAIL, topic, f"{where}: {seen.reason}")
    if seen.status == 200 and seen.from_hotline:
        return Finding(Level.OK, topic, f"{where} answers: hotline is reachable there")
    if seen.status in (502, 503, 504):
        return Finding(
            Level.FAIL,
            topic,
            f"{where}: the proxy answers {seen.status}: hotline is not running behind it, or "
            "listens elsewhere than the proxy forwards to (HOTLINE_HOST, HOTLINE_PORT)",
        )
    return Finding(
        Level.FAIL,
        topic,
        f"{where}: something other than hotline answers ({seen.status}): point the proxy "
        "at hotline, or fix HOTLINE_PUBLIC_URL (a path prefix must be the proxy's)",
    )


def twilio_number(url: str, seen: NumberWebhooks | Unreachable | None) -> list[Finding]:
    """The number's webhooks against the public URL, as the Twilio console names them."""
    topic = "Twilio number"
    if seen is None:
        return [
            Finding(
                Level.WARN,
                topic,
                "not checked: set HOTLINE_TWILIO_ACCOUNT_SID and HOTLINE_PHONE_NUMBER",
            )
        ]
    if isinstance(seen, Unreachable):
        return [Finding(Level.FAIL, topic, seen.reason)]
    number = seen.phone_number
    if seen.voice_application_sid:
        return [
            Finding(
                Level.WARN,
                topic,
                f"{number}'s calls go to a TwiML App ({seen.voice_application_sid}): set its "
                f"Voice URL to {url}{VOICE_PATH} and its status callback to {url}{STATUS_PATH}",
            )
        ]
    voice = seen.voice_url.split("?", 1)[0]
    found: list[Finding] = []
    if voice != url + VOICE_PATH or seen.voice_method.upper() != "POST":
        found.append(
            Finding(
                Level.FAIL,
                topic,
                f"{number}, A call comes in: {seen.voice_method} {seen.voice_url or '(empty)'}; "
                f"set it to Webhook, {url}{VOICE_PATH}, HTTP POST",
            )
        )
    else:
        found.append(Finding(Level.OK, topic, f"{number}: calls come to {seen.voice_url}"))
    if seen.status_callback != url + STATUS_PATH:
        found.append(
            Finding(
                Level.WARN,
                topic,
                f"{number}, Call status changes: {seen.status_callback or '(empty)'}; set it to "
                f"{url}{STATUS_PATH}, else the call log closes a call only after 2 hours",
            )
        )
    if not seen.voice_fallback_url:
        found.append(
            Finding(
                Level.WARN,
                topic,
                f"{number}, Primary handler fails: empty; set a TwiML Bin that dials the "
                "fallback number (it works while this server is down)",
            )
        )
    if seen.sms_application_sid or seen.sms_url.split("?", 1)[0] != url + SMS_PATH:
        found.append(
            Finding(
                Level.WARN,
                topic,
                f"{number}, A message comes in: {seen.sms_url or '(empty)'}; set it to "
                f"{url}{SMS_PATH}, HTTP POST, for chat by SMS",
            )
        )
    return found


def telegram(
    url: str,
    seen: WebhookState | Unreachable | None,
    *,
    allowed: Sequence[str],
    now: datetime,
) -> list[Finding]:
    """The bot's webhook: registered at our URL, with our update types, delivering."""
    topic = "Telegram"
    if seen is None:
        return [Finding(Level.OK, topic, "off (HOTLINE_TELEGRAM_TOKEN is not set)")]
    if isinstance(seen, Unreachable):
        return [Finding(Level.FAIL, topic, seen.reason)]
    wanted = url + TELEGRAM_PATH
    if seen.url != wanted:
        return [
            Finding(
                Level.FAIL,
                topic,
                f"updates go to {seen.url or '(no webhook)'}, not {wanted}: run "
                "`hotline telegram set-webhook`",
            )
        ]
    found = [Finding(Level.OK, topic, f"updates come to {wanted}")]
    if seen.allowed_updates is not None and set(seen.allowed_updates) != set(allowed):
        found.append(
            Finding(
                Level.WARN,
                topic,
                "the webhook asks for other update types than this version reads: run "
                "`hotline telegram set-webhook`",
            )
        )
    if seen.last_error_date is not None and now - seen.last_error_date < _RECENT_ERROR:
        found.append(
            Finding(
                Level.WARN,
                topic,
                f"Telegram's last delivery failed at {seen.last_error_date:%Y-%m-%d %H:%M} UTC: "
                f"{seen.last_error_message or 'no reason given'}",
            )
        )
    if seen.pending_update_count >= _PENDING_UPDATES_WARN:
        found.append(
            Finding(
                Level.WARN,
                topic,
                f"{seen.pending_update_count} updates wait at Telegram: they are not being "
                "delivered",
            )
        )
    return found
