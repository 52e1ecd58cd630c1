"""The `hotline` command: serve, call, flows check, prompts, db upgrade."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import socket
import sys
from collections.abc import AsyncIterator, Sequence
from dataclasses import replace
from pathlib import Path

from aiohttp import web

from hotline.catalog import FALLBACK_LANGUAGE, LOCALES_DIR, Catalog
from hotline.channels.chat import CHAT_MESSAGES
from hotline.channels.twilio_voice import FALLBACK_MESSAGES
from hotline.config import Settings, load_settings
from hotline.errors import ConfigError, FlowError, StorageError
from hotline.flows.check import check
from hotline.flows.loader import BUILTIN_DIR, load_builtin_flows
from hotline.flows.model import Flow
from hotline.privacy import RedactNumbers
from hotline.simulator import CallSimulator, Presses
from hotline.storage import db

log = logging.getLogger("hotline")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    os.environ.setdefault("PTB_TIMEDELTA", "1")  # PTB's retry_after as a timedelta, no warning
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
    serve.add_argument(
        "--telegram-polling",
        action="store_true",
        help="fetch Telegram updates by polling instead of the webhook (development)",
    )
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

    prompts = sub.add_parser("prompts", help="recorded voice prompts").add_subparsers(
        required=True, metavar="ACTION"
    )
    render = prompts.add_parser(
        "render",
        help="render placeholder recordings of every voice prompt with espeak-ng",
        description=(
            "Write a synthetic recording of every voice prompt of LANG to "
            "HOTLINE_AUDIO_DIR/LANG/placeholders/, so a language without a Twilio voice can be "
            "offered at once. Real recordings in HOTLINE_AUDIO_DIR/LANG/ take precedence."
        ),
    )
    render.add_argument("language", metavar="LANG", nargs="+", help="locale codes, e.g. ka sl")
    render.add_argument("--jobs", type=int, help="parallel renderings (default: CPU count)")
    render.set_defaults(func=_prompts_render)
    script = prompts.add_parser(
        "script", help="write the recording script of a language for a voice artist (CSV)"
    )
    script.add_argument("language", metavar="LANG", help="a locale code, e.g. ka")
    script.add_argument("--output", "-o", type=Path, help="CSV file (default: standard output)")
    script.set_defaults(func=_prompts_script)
    prompts.add_parser(
        "status", help="per language: Twilio voice, recordings, placeholders, missing"
    ).set_defaults(func=_prompts_status)

    telegram = sub.add_parser("telegram", help="the Telegram bot").add_subparsers(
        required=True, metavar="ACTION"
    )
    telegram.add_parser(
        "set-webhook",
        help="register HOTLINE_PUBLIC_URL/telegram with the secret and the update types",
    ).set_defaults(func=_telegram_set_webhook)

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
    # httpx logs every Bot API URL, and a Bot API URL holds the bot's token; at DEBUG, PTB
    # logs each message's text and the person's name. Neither may reach our logs.
    for noisy in ("httpx", "httpcore", "telegram", "aiolimiter"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


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
    app = create_app(settings)
    if args.telegram_polling:
        from hotline.app import TELEGRAM_CHANNEL

        if TELEGRAM_CHANNEL not in app:
            raise ConfigError("--telegram-polling: set HOTLINE_TELEGRAM_TOKEN (and its secret)")
        app.cleanup_ctx.append(_polling)
    web.run_app(app, host=settings.host, port=settings.port, print=None)
    return 0


async def _polling(app: web.Application) -> AsyncIterator[None]:
    from hotline.app import TELEGRAM_CHANNEL

    stop = asyncio.Event()
    task = asyncio.create_task(app[TELEGRAM_CHANNEL].poll(stop))
    log.info("telegram: polling for updates (no webhook)")
    yield
    stop.set()
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)


def _telegram_set_webhook(args: argparse.Namespace) -> int:
    del args
    from hotline.channels.telegram import ALLOWED_UPDATES, WEBHOOK_PATH, build_application

    settings = load_settings()
    if not settings.telegram_token or not settings.telegram_webhook_secret:
        raise ConfigError("HOTLINE_TELEGRAM_TOKEN is missing: set it to the token from @BotFather")
    if not settings.public_url.startswith("https://"):
        raise ConfigError("HOTLINE_PUBLIC_URL: Telegram sends webhooks to https:// addresses only")

    async def run() -> bool:
        application = build_application(settings.telegram_token or "", settings.telegram_api_url)
        async with application:
            return bool(
                await application.bot.set_webhook(
                    url=f"{settings.public_url}{WEBHOOK_PATH}",
                    secret_token=settings.telegram_webhook_secret,
                    allowed_updates=list(ALLOWED_UPDATES),
                )
            )

    ok = asyncio.run(run())
    outcome = "registered" if ok else "refused by Telegram"
    print(f"hotline telegram set-webhook: {settings.public_url}{WEBHOOK_PATH} {outcome}")
    return 0 if ok else 1


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
        code_messages={
            **{m: "hotline/channels/twilio_voice.py" for m in FALLBACK_MESSAGES},
            **CHAT_MESSAGES,
        },
    )
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"hotline flows check: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"hotline flows check: every flow is valid in {', '.join(catalog.languages)}")
    return 0


def _shipped() -> tuple[Catalog, dict[str, Flow]]:
    """The shipped catalogue and flows, each flow's messages checked against English."""
    catalog = Catalog()
    return catalog, load_builtin_flows(known_message=lambda m: catalog.has(FALLBACK_LANGUAGE, m))


def _prompts_render(args: argparse.Namespace) -> int:
    from hotline.prompts.render import render_placeholders

    settings = load_settings()
    catalog, flows = _shipped()
    for language in args.language:
        report = render_placeholders(
            catalog, flows, language, settings.audio_dir, jobs=args.jobs, progress=True
        )
        print(
            f"hotline prompts render {language}: {report.rendered} rendered, "
            f"{report.unchanged} unchanged, {report.removed} removed in {report.seconds:.1f} s "
            f"-> {report.directory}"
        )
    return 0


def _prompts_script(args: argparse.Namespace) -> int:
    from hotline.prompts.script import recording_script, write_csv

    catalog, flows = _shipped()
    if args.language not in catalog.languages:
        raise ConfigError(f"no locale {args.language!r}; available: {', '.join(catalog.languages)}")
    lines = recording_script(catalog, flows, args.language)
    if args.output is None:
        write_csv(lines, sys.stdout)
    else:
        with args.output.open("w", encoding="utf-8", newline="") as out:
            write_csv(lines, out)
        print(f"hotline prompts script {args.language}: {len(lines)} prompts -> {args.output}")
    return 0


def _prompts_status(args: argparse.Namespace) -> int:
    del args
    from hotline.prompts.library import AudioLibrary
    from hotline.prompts.required import prompts_of_language

    settings = load_settings()
    catalog, flows = _shipped()
    audio = AudioLibrary(settings.audio_dir)
    print(f"audio folder: {settings.audio_dir}")
    for language in catalog.languages:
        says = prompts_of_language(flows, language)
        recorded = sum(1 for s in says if audio.find(s, placeholders=False) is not None)
        placeholders = sum(
            1 for s in says if audio.find(s, placeholders=False) is None and audio.find(s)
        )
        rest = len(says) - recorded - placeholders
        voice = catalog.voice(language)
        if voice.say_language:  # Twilio's voice beats a placeholder: those are not used
            print(
                f"  {language}: {len(says)} prompts: {recorded} recorded, "
                f"{len(says) - recorded} spoken by Twilio ({voice.voice})"
            )
        else:
            print(
                f"  {language}: no Twilio voice; {len(says)} prompts: {recorded} recorded, "
                f"{placeholders} placeholders, {rest} missing"
                + (f" (`hotline prompts render {language}`)" if rest else "")
            )
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
