"""`hotline serve`: run the server."""

from __future__ import annotations

import argparse
import asyncio
import errno
import os
import secrets
import socket
from collections.abc import AsyncIterator
from dataclasses import replace

import uvloop
from aiohttp import web

from hotline.bootstrap import Hotline
from hotline.cli.common import SubParsers, log, setup_logging
from hotline.config import Settings, load_settings
from hotline.config_secrets import telegram_secret_missing
from hotline.errors import ConfigError
from hotline.http_log import ACCESS_LOG_FORMAT
from hotline.workers import BACKLOG, parse_workers, workers_to_run


def add_parser(sub: SubParsers) -> None:
    """The command's arguments."""
    serve = sub.add_parser("serve", help="run the server")
    serve.add_argument("--host", help="listen address (default HOTLINE_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="listen port (default HOTLINE_PORT or 8080)")
    serve.add_argument(
        "--telegram-polling",
        action="store_true",
        help="fetch Telegram updates by polling instead of the webhook (development)",
    )
    serve.add_argument(
        "--workers",
        metavar="N",
        help="worker processes on the one port (default HOTLINE_WORKERS, else the number of "
        "cores on PostgreSQL; 1 on SQLite, in local mode and with --telegram-polling)",
    )
    serve.set_defaults(func=serve_command)


def serve_command(args: argparse.Namespace) -> int:
    """Run the server until it is stopped."""
    from hotline.app import HOTLINE, TELEGRAM_CHANNEL, create_app

    settings = load_settings()
    settings = replace(settings, host=args.host or settings.host, port=args.port or settings.port)
    workers = _workers(args, settings)
    if settings.telegram_token and not settings.telegram_webhook_secret:
        if not args.telegram_polling:
            raise telegram_secret_missing()
        # Polling takes no webhook: the route stays, behind a secret nobody knows.
        settings = replace(settings, telegram_webhook_secret=secrets.token_urlsafe(32))
    if settings.mode == "local" and not os.environ.get("HOTLINE_PUBLIC_URL", "").strip():
        # Trying it out: the URL calls are signed for follows the address it listens on.
        settings = replace(settings, public_url=f"http://{settings.host}:{settings.port}")
    setup_logging(settings)
    sock = listening_socket(settings.host, settings.port)  # before anything is opened
    for notice in settings.notices:
        log.info(notice)
    log.info(
        "hotline on http://%s:%d (public URL %s, database %s, %d worker%s)",
        settings.host,
        settings.port,
        settings.public_url,
        "SQLite" if settings.is_sqlite else "PostgreSQL",
        workers,
        "" if workers == 1 else "s",
    )
    app = create_app(settings)
    if args.telegram_polling:
        if TELEGRAM_CHANNEL not in app:
            raise ConfigError("--telegram-polling: set HOTLINE_TELEGRAM_TOKEN to the bot's token")
        app.cleanup_ctx.append(_polling)
    if workers == 1:
        web.run_app(
            app,
            sock=sock,
            print=None,
            access_log_format=ACCESS_LOG_FORMAT,
            backlog=BACKLOG,
            loop=uvloop.new_event_loop(),  # libuv's loop: less of each request's CPU
        )
        return 0
    from hotline.cli.serve_workers import run_workers

    # Once, in the master, before any fork: a database that cannot be used is one line, and
    # workers starting together on a new database do not race to fill it.
    asyncio.run(_database_answers(app[HOTLINE]))
    return run_workers(app, sock, workers)


def _workers(args: argparse.Namespace, settings: Settings) -> int:
    """How many workers: --workers, else HOTLINE_WORKERS, else the default (hotline.workers)."""
    flag = parse_workers(args.workers, "--workers")
    wanted, source = (
        (flag, "--workers") if flag is not None else (settings.workers, "HOTLINE_WORKERS")
    )
    return workers_to_run(
        wanted,
        sqlite=settings.is_sqlite,
        local=settings.mode == "local",
        polling=args.telegram_polling,
        source=source,
    )


async def _database_answers(hotline: Hotline) -> None:
    """Open the database as a worker will (its schema checked) and do once what each worker
    would do at its start on a new database (the directory's sample), then close it."""
    async with hotline.database.opened():
        await hotline.core.directory.load_sample_if_empty()


def listening_socket(host: str, port: int) -> socket.socket:
    """The server's socket, bound now, so a port in use is one line that says what to do."""
    sock = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ConfigError(
                f"port {port} on {host} is in use (another hotline running?): stop it, or "
                "start this one on another port with --port N or HOTLINE_PORT"
            ) from None
        if exc.errno == errno.EACCES:
            raise ConfigError(
                f"port {port} needs root: use a port above 1023 (--port 8080) behind a "
                "reverse proxy (deploy/)"
            ) from None
        raise ConfigError(
            f"cannot listen on {host}:{port} ({exc.strerror}): set HOTLINE_HOST to an "
            "address of this machine (127.0.0.1, or 0.0.0.0 for all)"
        ) from None
    sock.listen(BACKLOG)
    sock.setblocking(False)
    return sock


async def _polling(app: web.Application) -> AsyncIterator[None]:
    from hotline.app import TELEGRAM_CHANNEL

    stop = asyncio.Event()
    task = asyncio.create_task(app[TELEGRAM_CHANNEL].poll(stop))
    log.info("telegram: polling for updates (no webhook)")
    yield
    stop.set()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
