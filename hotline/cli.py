"""The `hotline` command: serve, call, flows check, db upgrade."""

from __future__ import annotations

import argparse
import asyncio
import logging
import socket
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from aiohttp import web

from hotline.catalog import LOCALES_DIR, Catalog
from hotline.channels.twilio_voice import FALLBACK_MESSAGES
from hotline.config import Settings, load_settings
from hotline.errors import ConfigError, FlowError, StorageError
from hotline.flows.check import check
from hotline.flows.loader import BUILTIN_DIR
from hotline.privacy import RedactNumbers
from hotline.simulator import CallSimulator, Presses
from hotline.storage import db

log = logging.getLogger("hotline")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    args = _parser().parse_args(argv)
    try:
        return int(args.func(args))
    except ConfigError as exc:
        print(f"hotline: configuration: {exc}", file=sys.stderr)
        return 2
    except (FlowError, StorageError) as exc:
        print(f"hotline: {exc}", file=sys.stderr)
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hotline", description=__doc__)
    sub = parser.add_subparsers(required=True, metavar="COMMAND")

    serve = sub.add_parser("serve", help="run the server")
    serve.add_argument("--host", help="listen address (default HOTLINE_HOST or 127.0.0.1)")
    serve.add_argument("--port", type=int, help="listen port (default HOTLINE_PORT or 8080)")
    serve.set_defaults(func=_serve)

    call = sub.add_parser(
        "call",
        help="simulate a phone call and print what the caller hears",
        description=(
            "Simulate a call as Twilio places it: signed webhooks, TwiML followed step by step. "
            "Without --press, keys are read from the terminal (Enter alone is silence)."
        ),
    )
    call.add_argument("--press", help="keys in order, e.g. 1,2,# ('-' is silence; see docs)")
    call.add_argument("--lang", help="enter the call in this language (skips the language menu)")
    call.add_argument("--from", dest="caller", default="+995555000111", help="the caller's number")
    call.add_argument("--url", help="a running server's address (default: run one in-process)")
    call.add_argument("--public-url", help="with --url: the public URL the server is set up with")
    call.set_defaults(func=_call)

    flows = sub.add_parser("flows", help="flow files").add_subparsers(
        required=True, metavar="ACTION"
    )
    flows_check = flows.add_parser("check", help="validate every flow against every locale")
    flows_check.add_argument("--flows", type=Path, default=BUILTIN_DIR, help="flow folder")
    flows_check.add_argument("--locales", type=Path, default=LOCALES_DIR, help="locales folder")
    flows_check.set_defaults(func=_flows_check)

    database = sub.add_parser("db", help="the database").add_subparsers(
        required=True, metavar="ACTION"
    )
    database.add_parser("upgrade", help="migrate the schema to this version").set_defaults(
        func=_db_upgrade
    )
    return parser


def _setup_logging(settings: Settings) -> None:
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(RedactNumbers())
    logging.basicConfig(level=settings.log_level, handlers=[handler], force=True)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)


def _serve(args: argparse.Namespace) -> int:
    from hotline.app import create_app

    settings = load_settings()
    settings = replace(settings, host=args.host or settings.host, port=args.port or settings.port)
    _setup_logging(settings)
    for notice in settings.notices:
        log.info(notice)
    log.info(
        "hotline on http://%s:%d (public URL %s, database %s)",
        settings.host,
        settings.port,
        settings.public_url,
        "SQLite" if settings.is_sqlite else "PostgreSQL",
    )
    web.run_app(create_app(settings), host=settings.host, port=settings.port, print=None)
    return 0


def _call(args: argparse.Namespace) -> int:
    settings = load_settings()
    presses = Presses(
        [p.strip() for p in args.press.split(",")] if args.press is not None else None,
        ask=input if args.press is None and sys.stdin.isatty() else None,
    )
    if args.url:
        sim = CallSimulator(
            args.url, settings.twilio_auth_token, public_url=args.public_url, caller=args.caller
        )
        asyncio.run(sim.run(presses, lang=args.lang))
        return 0
    _setup_logging(replace(settings, log_level="WARNING"))
    asyncio.run(_call_in_process(settings, presses, args.caller, args.lang))
    return 0


async def _call_in_process(
    settings: Settings, presses: Presses, caller: str, lang: str | None
) -> None:
    from hotline.app import create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        base = f"http://127.0.0.1:{sock.getsockname()[1]}"
        app = create_app(replace(settings, public_url=base))
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        try:
            await web.SockSite(runner, sock).start()
            sim = CallSimulator(base, settings.twilio_auth_token, caller=caller)
            await sim.run(presses, lang=lang)
        finally:
            await runner.cleanup()


def _flows_check(args: argparse.Namespace) -> int:
    catalog = Catalog(args.locales)
    problems = check(
        catalog,
        args.flows,
        code_messages={m: "hotline/channels/twilio_voice.py" for m in FALLBACK_MESSAGES},
    )
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"hotline flows check: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"hotline flows check: every flow is valid in {', '.join(catalog.languages)}")
    return 0


def _db_upgrade(args: argparse.Namespace) -> int:
    del args
    settings = load_settings()

    async def run() -> None:
        engine = db.create_engine(settings.database_url)
        try:
            await db.upgrade(engine)
        finally:
            await engine.dispose()

    asyncio.run(run())
    print("hotline db upgrade: the schema is up to date")
    return 0
