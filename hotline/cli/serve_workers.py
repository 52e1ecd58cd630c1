"""`hotline serve --workers N` (N > 1): gunicorn's master, and N aiohttp workers on one port.

aiohttp's documented deployment: gunicorn's master forks `aiohttp.GunicornUVLoopWebWorker`s that
accept on the one listening socket, replaces a worker that dies, and on SIGTERM stops them
all gracefully. The master never serves; the app is built before the fork, so a broken
setting is one line at start, and each worker opens its own database engine, Telegram bot
and scheduler when it starts (`create_app`'s cleanup context), as a single server does.

Background jobs run in every worker, as they already do in every replica: nothing elects one.
Each claims its work in the database, so N workers do it once:
- escalation alerts: due timers are taken with FOR UPDATE SKIP LOCKED, each by one tick;
- the reminders dispatcher: due rows are claimed with FOR UPDATE SKIP LOCKED and marked
  `sending` (a conditional update) before any provider is called;
- housekeeping: closing a stale session writes the same values twice, deletes are
  idempotent; the audio rescan and the spoken texts' counts are each worker's own memory;
- the voice spool's replay: one process at a time, by a lock on the spool's file (the
  workers share the data folder, so any worker replays what any other spooled);
- the retention purge: DELETE ... RETURNING with SKIP LOCKED, so a row is folded once.
A job that must run once per deployment has to claim the same way (or take an advisory
lock), since replicas on Kubernetes run the same jobs. Electing one worker would not spare
that, and its jobs would stop while the master replaces it.

Metrics: PROMETHEUS_MULTIPROC_DIR is a fresh folder (or the one given, emptied), each worker
counts in files of its own there (`metrics.count_in_files` after the fork), /metrics sums
them, and a dead worker's live gauges are dropped (`mark_process_dead`).
"""

from __future__ import annotations

import logging
import os
import shutil
import socket
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web
from aiohttp.log import access_logger
from gunicorn.app.base import BaseApplication
from gunicorn.glogging import Logger
from prometheus_client import multiprocess

from hotline.http_log import ACCESS_LOG_FORMAT
from hotline.observe import metrics
from hotline.workers import BACKLOG

__all__ = ["GRACEFUL_S", "run_workers"]

GRACEFUL_S = 15  # what is in flight finishes first; systemd's TimeoutStopSec is 20
WORKER_TIMEOUT_S = 60  # a worker whose loop is stuck this long is killed and replaced
METRICS_DIR = "PROMETHEUS_MULTIPROC_DIR"


class _Lines(Logger):  # type: ignore[misc]
    """gunicorn's own lines (workers booted, died, replaced) go through the server's logging:
    one format, numbers redacted. No access log of gunicorn's: aiohttp's is the app's own."""

    def setup(self, cfg: Any) -> None:
        """Instead of gunicorn's handlers: the root logger's."""
        del cfg
        self.error_log.propagate = True
        self.error_log.setLevel(logging.NOTSET)
        self.access_log.disabled = True


class _Master(BaseApplication):  # type: ignore[misc]
    """gunicorn run from `hotline serve`, on the socket it has already bound."""

    def __init__(self, app: web.Application, fd: int, workers: int, folder: Path) -> None:
        self.app = app
        self.fd = fd
        self.workers = workers
        self.folder = folder
        super().__init__()

    def load_config(self) -> None:
        """gunicorn's settings; those an older gunicorn lacks are left out."""
        folder = self.folder

        def post_fork(server: object, worker: object) -> None:
            del server, worker
            metrics.count_in_files()

        def child_exit(server: object, worker: Any) -> None:
            del server
            multiprocess.mark_process_dead(worker.pid, str(folder))  # type: ignore[no-untyped-call]

        options: dict[str, object] = {
            "bind": [f"fd://{self.fd}"],
            "workers": self.workers,
            "worker_class": "aiohttp.GunicornUVLoopWebWorker",  # libuv's loop, as serve's
            "graceful_timeout": GRACEFUL_S,
            "backlog": BACKLOG,
            "timeout": WORKER_TIMEOUT_S,
            "accesslog": None,
            "logger_class": _Lines,
            "proc_name": "hotline",
            "post_fork": post_fork,
            "child_exit": child_exit,
            "control_socket_disable": True,  # gunicorn 24+: no control socket in the folder
        }
        for name, value in options.items():
            if name in self.cfg.settings:
                self.cfg.set(name, value)

    def load(self) -> Callable[[], Awaitable[web.AppRunner]]:
        """What each worker runs: the app, logged as `web.run_app` logs it."""
        app = self.app

        async def runner() -> web.AppRunner:
            return web.AppRunner(
                app,
                access_log=access_logger,
                access_log_format=ACCESS_LOG_FORMAT,
                handle_signals=False,  # the worker's own handlers stop it
                shutdown_timeout=GRACEFUL_S * 0.8,
            )

        return runner


def run_workers(app: web.Application, sock: socket.socket, workers: int) -> int:
    """Serve `app` on `sock` with `workers` processes until SIGTERM or SIGINT; 0 when stopped.

    Returns (or raises SystemExit(0), gunicorn's way) in the master only: a worker's exit
    passes through here too, and must not remove what the master still uses."""
    master = os.getpid()
    folder, ours = _metrics_folder()
    try:
        _Master(app, sock.detach(), workers, folder).run()
    finally:
        if os.getpid() == master and ours:
            shutil.rmtree(folder, ignore_errors=True)
    return 0


def _metrics_folder() -> tuple[Path, bool]:
    """PROMETHEUS_MULTIPROC_DIR, emptied if given, else a fresh folder (True: ours, removed
    when the master stops)."""
    given = os.environ.get(METRICS_DIR, "").strip()
    if given:
        folder = Path(given)
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.db"):
            old.unlink(missing_ok=True)
        return folder, False
    folder = Path(tempfile.mkdtemp(prefix="hotline-metrics-"))
    os.environ[METRICS_DIR] = str(folder)
    return folder, True
