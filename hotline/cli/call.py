"""`hotline call`: simulate a phone call and print what the caller hears."""

from __future__ import annotations

import argparse
import asyncio
import socket
import sys
from dataclasses import replace

from aiohttp import web

from hotline.cli.common import SubParsers, setup_logging
from hotline.cli.simulator import CallSimulator, Presses
from hotline.config import Settings, load_settings

START_UP_RENDER_S = 120  # a few seconds on a fresh data folder; nothing once rendered


def add_parser(sub: SubParsers) -> None:
    """The command's arguments."""
    call = sub.add_parser(
        "call",
        help="simulate a phone call and print what the caller hears",
        description=(
            "Simulate a call as Twilio places it: signed webhooks, TwiML followed step by step. "
            "Without --press, keys are read from the terminal (Enter alone is silence)."
        ),
    )
    call.add_argument(
        "--press",
        help=(
            "one entry per prompt, e.g. 1,2,#: keys ('-' is silence; an empty entry hangs up); "
            "at a recording any text speaks a message; at each round of ringing staff, "
            "'none' (nobody picks up), 'voicemail' (a voicemail picks up, presses nothing) "
            "or 'accept[:N]' (the N-th number rung hears the whisper and presses 1)"
        ),
    )
    call.add_argument("--lang", help="enter the call in this language (skips the language menu)")
    call.add_argument("--from", dest="caller", default="+995555000111", help="the caller's number")
    call.add_argument("--url", help="a running server's address (default: run one in-process)")
    call.add_argument("--public-url", help="with --url: the public URL the server is set up with")
    call.set_defaults(func=call_command)


def call_command(args: argparse.Namespace) -> int:
    """Play the call against a running server, or one started in-process for it."""
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
    setup_logging(replace(settings, log_level="WARNING"))
    asyncio.run(_call_in_process(settings, presses, args.caller, args.lang))
    return 0


async def _call_in_process(
    settings: Settings, presses: Presses, caller: str, lang: str | None
) -> None:
    from hotline.app import HOTLINE, create_app

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        base = f"http://127.0.0.1:{sock.getsockname()[1]}"
        app = create_app(replace(settings, public_url=base))
        runner = web.AppRunner(app, access_log=None)
        await runner.setup()
        try:
            # A fresh data folder: the languages without a Twilio voice are being rendered.
            await asyncio.wait_for(app[HOTLINE].phone_audio.finished(), START_UP_RENDER_S)
            await web.SockSite(runner, sock).start()
            sim = CallSimulator(base, settings.twilio_auth_token, caller=caller)
            await sim.run(presses, lang=lang)
        finally:
            await runner.cleanup()
