"""Every Prometheus metric of the server, defined once; labels are fixed words, never people.

Counters and histograms are counted where things happen (a webhook, a fallback, an alert, a
dispatcher tick, a provider's error). The gauges of the database (conversations in progress,
escalations waiting, reminders due, the dispatcher's lag) are read when /metrics is scraped.
With several worker processes, set PROMETHEUS_MULTIPROC_DIR (an empty folder, before start):
each process writes its figures there and /metrics sums them (`exposition`). `hotline serve
--workers N` does so itself (hotline.cli.serve_workers), and each worker calls
`count_in_files()` after the fork.
"""

from __future__ import annotations

import os
import re
import warnings

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
    values,
)
from prometheus_client.multiprocess import MultiProcessCollector

__all__ = ["CONTENT_TYPE_LATEST", "exposition"]

CHANNELS = ("voice", "sms", "telegram")
_CODE = re.compile(r"[A-Za-z0-9_]{1,32}")

WEBHOOK_SECONDS = Histogram(
    "hotline_webhook_seconds",
    "Time to answer a provider's webhook, by channel and route (the route's path, no query).",
    ["channel", "route"],
    buckets=(0.01, 0.025, 0.05, 0.1, 0.2, 0.4, 0.8, 1.0, 2.0, 5.0, 15.0),
)
FALLBACKS = Counter(
    "hotline_voice_fallbacks",
    "Voice answers given by the fallback instead of the flow, by cause.",
    ["cause"],
)
ALERTS_SENT = Counter(
    "hotline_alerts_sent",
    "Alerts about waiting work sent to staff, by channel and audience.",
    ["channel", "audience"],
)
REMINDERS = Counter(
    "hotline_reminders",
    "Reminders and check-ins the dispatcher handled, by outcome.",
    ["outcome"],
)
PROVIDER_ERRORS = Counter(
    "hotline_provider_errors",
    "Errors of Twilio's and Telegram's APIs, by provider and error code or status.",
    ["provider", "code"],
)
# Read from the database at scrape: the same in every process, so the newest wins.
IN_PROGRESS = Gauge(
    "hotline_conversations_in_progress",
    "Calls and chats whose session is open, by channel.",
    ["channel"],
    multiprocess_mode="mostrecent",
)
ESCALATIONS_WAITING = Gauge(
    "hotline_escalations_waiting",
    "Escalations nobody has taken yet, by kind.",
    ["kind"],
    multiprocess_mode="mostrecent",
)
OLDEST_WAITING = Gauge(
    "hotline_escalation_oldest_waiting_seconds",
    "Age of the oldest escalation nobody has taken (0 when none waits).",
    multiprocess_mode="mostrecent",
)
REMINDERS_DUE = Gauge(
    "hotline_reminders_due",
    "Reminders whose time has come that are not sent yet.",
    multiprocess_mode="mostrecent",
)
DISPATCHER_LAG = Gauge(
    "hotline_dispatcher_lag_seconds",
    "How late the oldest due reminder is (0 when none is due).",
    multiprocess_mode="mostrecent",
)
READY = Gauge(
    "hotline_ready",
    "1 while a readiness check passes (database, migrations, data_folder), else 0.",
    ["check"],
    multiprocess_mode="livemin",
)
# Each process's own pool: summed over the live processes.
POOL = Gauge(
    "hotline_db_pool_connections",
    "Database connections of the pool: in_use, idle, and its size.",
    ["state"],
    multiprocess_mode="livesum",
)


_EVERY: tuple[Counter | Gauge | Histogram, ...] = (
    WEBHOOK_SECONDS,
    FALLBACKS,
    ALERTS_SENT,
    REMINDERS,
    PROVIDER_ERRORS,
    IN_PROGRESS,
    ESCALATIONS_WAITING,
    OLDEST_WAITING,
    REMINDERS_DUE,
    DISPATCHER_LAG,
    READY,
    POOL,
)


def webhook_channel(route: str) -> str | None:
    """The channel a webhook's route belongs to; None for a route that is not a webhook."""
    if route.startswith("/twilio/voice"):
        return "voice"
    if route.startswith("/twilio/sms"):
        return "sms"
    if route.startswith("/twilio/reminders"):
        return "reminders"
    if route.startswith("/telegram"):
        return "telegram"
    return None


def fallback(cause: str) -> None:
    """The voice fallback answered a caller: timeout, database, refused, error or twilio."""
    FALLBACKS.labels(cause=cause).inc()


def alerts_sent(channel: str, audience: str, count: int) -> None:
    """`count` alerts went out on `channel` to `audience` (on duty, supervisors)."""
    if count:
        ALERTS_SENT.labels(channel=label_word(channel), audience=label_word(audience)).inc(count)


def reminders(outcome: str, count: int) -> None:
    """The dispatcher handled `count` reminders with this outcome (sent, failed, ...)."""
    if count:
        REMINDERS.labels(outcome=outcome).inc(count)


def provider_error(provider: str, code: object) -> None:
    """A provider's API answered with an error: its code (Twilio's 21610, an HTTP status, an
    error's class name), never anything of the request."""
    PROVIDER_ERRORS.labels(provider=provider, code=label_word(str(code))).inc()


def label_word(value: str) -> str:
    """A label value that can only be a short code or word."""
    return value if _CODE.fullmatch(value) else "other"


def count_in_files() -> None:
    """From now on count in this process's files in PROMETHEUS_MULTIPROC_DIR.

    prometheus_client picks how it counts when it is imported, from PROMETHEUS_MULTIPROC_DIR;
    `hotline serve` imports it long before it knows how many workers it runs. So a worker,
    just forked, switches to the files here: before it counts anything, so nothing is lost.
    """
    values.ValueClass = values.MultiProcessValue()  # type: ignore[no-untyped-call]
    for metric in _EVERY:
        if metric._labelnames:
            with warnings.catch_warnings():  # "not implemented in multi-process mode": none yet
                warnings.simplefilter("ignore", UserWarning)
                metric.clear()  # children are made anew, in files, at their first count
        else:
            metric._metric_init()  # prometheus_client's hook to (re)make an unlabelled value


def exposition() -> bytes:
    """The text of /metrics: this process's registry, or every process's in multiprocess
    mode (PROMETHEUS_MULTIPROC_DIR)."""
    folder = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    if not folder:
        return generate_latest(REGISTRY)
    registry = CollectorRegistry()
    MultiProcessCollector(registry, path=folder)  # type: ignore[no-untyped-call]
    return generate_latest(registry)
