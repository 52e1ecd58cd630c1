"""The `hotline` command: serve, call, flows check, prompts, db upgrade, staff, roster, report."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import socket
import sys
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from aiohttp import web

from hotline.catalog import FALLBACK_LANGUAGE, LOCALES_DIR, Catalog
from hotline.clock import utc_now
from hotline.config import Settings, load_settings
from hotline.crypto import DataCipher
from hotline.errors import ConfigError, FlowError, StorageError
from hotline.escalation import roster_file
from hotline.escalation.model import EscalationRow
from hotline.escalation.roster import (
    LANGUAGES,
    Role,
    Roster,
    RosterError,
    Staff,
    languages_covered,
    next_change,
    on_duty,
)
from hotline.flows.check import check
from hotline.flows.loader import BUILTIN_DIR, load_builtin_flows
from hotline.flows.model import Flow
from hotline.privacy import RedactNumbers
from hotline.simulator import CallSimulator, Presses
from hotline.storage import db
from hotline.storage.staff import StaffContact, StaffDirectory, StaffError
from hotline.storage.unit_of_work import SqlUnitsOfWork

log = logging.getLogger("hotline")
_T = TypeVar("_T")


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    os.environ.setdefault("PTB_TIMEDELTA", "1")  # PTB's retry_after as a timedelta, no warning
    args = _parser().parse_args(argv)
    try:
        return int(args.func(args))
    except ConfigError as exc:
        print(f"hotline: configuration: {exc}", file=sys.stderr)
        return 2
    except StaffError as exc:
        print(f"hotline: {exc}", file=sys.stderr)
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
    _staff_parsers(sub)
    _roster_parsers(sub)
    _report_parsers(sub)
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
    problems = check(catalog, args.flows)
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


# Staff and roster ---------------------------------------------------------------------------

_ROLES = [role.value for role in Role]
_MASK = "••• •••"


def _staff_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    staff = sub.add_parser("staff", help="the people who take escalations").add_subparsers(
        required=True, metavar="ACTION"
    )
    add = staff.add_parser(
        "add",
        help="add a person (phone and Telegram id are stored encrypted)",
        description="Add a person at the end of the order of preference.",
    )
    add.add_argument("id", metavar="ID", help="a short slug: a-z, 0-9, '-', '_' (e.g. nino)")
    add.add_argument("--name", required=True, help="the name the dashboard shows")
    add.add_argument("--role", required=True, choices=_ROLES)
    add.add_argument(
        "--languages", required=True, type=_language_list, help="languages spoken, e.g. ka,ru"
    )
    add.add_argument("--phone", help="in international form, e.g. '+995 555 12 34 56'")
    add.add_argument("--telegram", type=int, metavar="USER_ID", help="their Telegram user id")
    add.set_defaults(func=_staff_add)

    change = staff.add_parser("set", help="change some of a person's fields")
    change.add_argument("id", metavar="ID")
    change.add_argument("--name")
    change.add_argument("--role", choices=_ROLES)
    change.add_argument("--languages", type=_language_list, help="e.g. ka,ru")
    phone = change.add_mutually_exclusive_group()
    phone.add_argument("--phone", help="a new number in international form")
    phone.add_argument("--no-phone", action="store_true", help="forget the phone number")
    telegram = change.add_mutually_exclusive_group()
    telegram.add_argument("--telegram", type=int, metavar="USER_ID", help="a new Telegram id")
    telegram.add_argument("--no-telegram", action="store_true", help="forget the Telegram id")
    change.set_defaults(func=_staff_set)

    remove = staff.add_parser("remove", help="remove a person and their shifts")
    remove.add_argument("id", metavar="ID")
    remove.set_defaults(func=_staff_remove)

    staff.add_parser(
        "list", help="everyone in order of preference, contacts masked, who is on duty"
    ).set_defaults(func=_staff_list)


def _roster_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    roster = sub.add_parser("roster", help="the duty roster").add_subparsers(
        required=True, metavar="ACTION"
    )
    load = roster.add_parser(
        "import",
        help="replace the schedule with a roster file and update the staff it lists",
        description=(
            "Replace the stored schedule with FILE's and add or update the people it lists "
            "(their contacts are kept); nothing changes if the file has a problem.\n\n"
            # The format's own documentation, without its first line (about the functions).
            + (roster_file.__doc__ or "").partition("\n\n")[2]
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    load.add_argument("file", metavar="FILE", type=Path, help="a roster file (YAML)")
    load.set_defaults(func=_roster_import)
    export = roster.add_parser("export", help="write the stored roster as a roster file")
    export.add_argument("--output", "-o", type=Path, help="file (default: standard output)")
    export.set_defaults(func=_roster_export)
    now = roster.add_parser(
        "now", help="who is on duty, until when, which languages are covered, the next change"
    )
    now.add_argument(
        "--at",
        type=_instant,
        help="another instant, e.g. 2026-12-24T23:00+01:00 (no offset: the roster's zone)",
    )
    now.set_defaults(func=_roster_now)


def _language_list(text: str) -> tuple[str, ...]:
    languages = tuple(part.strip() for part in text.split(",") if part.strip())
    if not languages:
        raise argparse.ArgumentTypeError("list language codes, e.g. ka,ru")
    return languages


def _instant(text: str) -> datetime:
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a date-time; write e.g. 2026-12-24T23:00+01:00"
        ) from None


def _with_directory(settings: Settings, work: Callable[[StaffDirectory], Awaitable[_T]]) -> _T:
    """Run `work` on the staff directory of the configured database, then close it."""

    async def run() -> _T:
        engine = db.create_engine(settings.database_url)
        try:
            if settings.is_sqlite:
                await db.upgrade(engine)  # the embedded default migrates itself, as in serve
            else:
                await db.check_schema(engine)
            directory = StaffDirectory(
                engine,
                DataCipher(settings.data_key),
                settings.pseudonym_key,
                default_region=settings.default_region,
            )
            return await work(directory)
        finally:
            await engine.dispose()

    return asyncio.run(run())


def _deployment_languages(settings: Settings) -> tuple[str, ...]:
    """The languages callers and chats are offered (as the app works them out)."""
    if settings.languages:
        return settings.languages
    others = (lang for lang in Catalog().languages if lang != settings.default_language)
    return (settings.default_language, *others)


def _masked(phone: str | None) -> str:
    """A phone number with all but the country code and the last three digits hidden."""
    if phone is None:
        return "-"
    import phonenumbers

    try:
        prefix = f"+{phonenumbers.parse(phone).country_code}"
    except phonenumbers.NumberParseException:
        prefix = "+"
    return f"{prefix} {_MASK} {phone[-3:]}"


def _describe(contact: StaffContact) -> str:
    person = contact.staff
    telegram = "yes" if contact.telegram_id is not None else "no"
    return (
        f"{person.id} ({person.name}, {Role(person.role).value}, {', '.join(person.languages)};"
        f" phone {_masked(contact.phone)}, Telegram {telegram})"
    )


def _wall(instant: datetime, zone: ZoneInfo) -> str:
    return instant.astimezone(zone).strftime("%a %Y-%m-%d %H:%M %Z")


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(len(row[i]) for row in (headers, *rows)) for i in range(len(headers))]
    return [
        "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=True)).rstrip()
        for row in (headers, *rows)
    ]


def _staff_add(args: argparse.Namespace) -> int:
    settings = load_settings()
    person = Staff(id=args.id, name=args.name, role=Role(args.role), languages=args.languages)

    async def work(directory: StaffDirectory) -> StaffContact | None:
        await directory.add(person, phone=args.phone, telegram_id=args.telegram, now=utc_now())
        return await directory.get(person.id)

    contact = _with_directory(settings, work)
    if contact is not None:
        print(f"hotline staff add: added {_describe(contact)}")
    return 0


def _staff_set(args: argparse.Namespace) -> int:
    settings = load_settings()
    changes = (args.name, args.role, args.languages, args.phone, args.telegram)
    if all(change is None for change in changes) and not (args.no_phone or args.no_telegram):
        raise StaffError(
            f"{args.id}: nothing to change; give --name, --role, --languages, --phone, "
            "--no-phone, --telegram or --no-telegram"
        )

    async def work(directory: StaffDirectory) -> StaffContact:
        return await directory.set(
            args.id,
            name=args.name,
            role=Role(args.role) if args.role is not None else None,
            languages=args.languages,
            phone=args.phone,
            telegram_id=args.telegram,
            clear_phone=args.no_phone,
            clear_telegram=args.no_telegram,
            now=utc_now(),
        )

    contact = _with_directory(settings, work)
    print(f"hotline staff set: now {_describe(contact)}")
    return 0


def _staff_remove(args: argparse.Namespace) -> int:
    settings = load_settings()
    removed = _with_directory(settings, lambda directory: directory.remove(args.id))
    shifts = f"{removed} shift{'s' if removed != 1 else ''}" if removed else "no shifts"
    print(f"hotline staff remove: removed {args.id}, and with them {shifts} of the roster")
    return 0


def _staff_list(args: argparse.Namespace) -> int:
    del args
    settings = load_settings()

    async def work(directory: StaffDirectory) -> tuple[list[StaffContact], Roster | None]:
        return await directory.list(), await directory.roster()

    contacts, roster = _with_directory(settings, work)
    if not contacts:
        print("no staff yet: add people with `hotline staff add` or `hotline roster import`")
        return 0
    on = {duty.staff.id for duty in on_duty(roster, utc_now())} if roster else set()
    headers = ["id", "name", "role", "languages", "phone", "telegram"]
    if roster is not None:
        headers.append("on duty")
    rows = []
    for contact in contacts:
        person = contact.staff
        row = [
            person.id,
            person.name,
            Role(person.role).value,
            ",".join(person.languages),
            _masked(contact.phone),
            "yes" if contact.telegram_id is not None else "no",
        ]
        if roster is not None:
            row.append("yes" if person.id in on else "no")
        rows.append(row)
    for line in _table(headers, rows):
        print(line)
    if roster is None:
        print("(no roster imported yet: `hotline roster import FILE`)")
    return 0


def _roster_import(args: argparse.Namespace) -> int:
    settings = load_settings()
    path: Path = args.file
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"hotline roster import: cannot read {path}: {exc}", file=sys.stderr)
        return 2
    try:
        roster = roster_file.load_roster(text, languages=LANGUAGES, source=str(path))
    except RosterError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        count = len(exc.problems)
        print(
            f"hotline roster import: {count} problem{'s' if count != 1 else ''} in {path}; "
            "nothing was changed",
            file=sys.stderr,
        )
        return 2
    summary = _with_directory(settings, lambda d: d.import_roster(roster, now=utc_now()))

    def named(ids: Sequence[str]) -> str:
        return f" ({', '.join(ids)})" if ids else ""

    print(f"hotline roster import: {path}")
    print(
        f"  staff: {len(summary.added)} added{named(summary.added)}, "
        f"{len(summary.updated)} updated{named(summary.updated)}, "
        f"{len(summary.unchanged)} unchanged"
    )
    if summary.kept:
        print(
            f"  kept, not in the file: {', '.join(summary.kept)} (no shifts; "
            "`hotline staff remove ID` removes a person)"
        )
    print(
        f"  schedule: {summary.weekly} weekly shift(s), {summary.once} one-off shift(s), "
        f"{summary.holidays} holiday(s), time zone {roster.timezone}"
    )
    spoken = {lang for person in roster.staff for lang in person.languages}
    unspoken = [lang for lang in _deployment_languages(settings) if lang not in spoken]
    if unspoken:
        print(f"  nobody in the file speaks: {', '.join(unspoken)}")
    for line in _duty_report(roster, utc_now(), settings):
        print(f"  {line}")
    return 0


def _roster_export(args: argparse.Namespace) -> int:
    settings = load_settings()
    roster = _stored_roster(settings)
    text = roster_file.dump_roster(roster)
    if args.output is None:
        sys.stdout.write(text)
    else:
        args.output.write_text(text, encoding="utf-8")
        print(
            f"hotline roster export: {len(roster.staff)} staff, "
            f"{len(roster.weekly) + len(roster.once)} shift(s) -> {args.output}"
        )
    return 0


def _roster_now(args: argparse.Namespace) -> int:
    settings = load_settings()
    roster = _stored_roster(settings)
    at: datetime = args.at or utc_now()
    if at.tzinfo is None:
        at = at.replace(tzinfo=roster.zone)  # a wall-clock time of the roster's zone
    print(f"at {_wall(at, roster.zone)} ({roster.timezone}):")
    for line in _duty_report(roster, at, settings):
        print(f"  {line}")
    return 0


def _stored_roster(settings: Settings) -> Roster:
    roster = _with_directory(settings, lambda directory: directory.roster())
    if roster is None:
        raise StaffError(
            "no roster has been imported yet; write a roster file and run "
            "`hotline roster import FILE` (`hotline roster import --help` shows the format)"
        )
    return roster


def _duty_report(roster: Roster, at: datetime, settings: Settings) -> list[str]:
    """Who is on duty at `at` and until when, the languages left uncovered, the next change."""
    zone = roster.zone
    duties = on_duty(roster, at)
    change = next_change(roster, at)
    lines: list[str] = []
    if not duties:
        if change is None:
            lines.append("nobody is on duty, and nobody comes on duty within a year")
        else:
            lines.append("nobody is on duty")
            coming = ", ".join(f"{d.staff.id} ({d.staff.name})" for d in on_duty(roster, change))
            lines.append(f"next on duty: {coming} from {_wall(change, zone)}")
    else:
        lines.append("on duty:")
        rows = [
            [
                d.staff.id,
                d.staff.name,
                Role(d.staff.role).value,
                ",".join(d.staff.languages),
                f"until {_wall(d.end, zone)}" if d.end else "with no end within a year",
            ]
            for d in duties
        ]
        lines += [f"  {row}" for row in _table(["id", "name", "role", "languages", ""], rows)[1:]]
    covered = languages_covered(roster, at)
    if covered:
        lines.append(f"languages covered: {', '.join(sorted(covered))}")
    uncovered = [lang for lang in _deployment_languages(settings) if lang not in covered]
    lines.append(f"not covered: {', '.join(uncovered) if uncovered else 'none'}")
    if duties:
        if change is None:
            lines.append("next change: none within a year")
        else:
            before = {d.staff.id for d in duties}
            after = {d.staff.id for d in on_duty(roster, change)}
            moves = [f"{i} comes on" for i in sorted(after - before)]
            moves += [f"{i} goes off" for i in sorted(before - after)]
            lines.append(f"next change: {_wall(change, zone)} ({', '.join(moves)})")
    return lines


# Reports ------------------------------------------------------------------------------------

PATH_NODES = 6  # the last nodes of a call's path a report row shows
_UTC = ZoneInfo("UTC")


def _report_parsers(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    report = sub.add_parser("report", help="anonymous reports from the records").add_subparsers(
        required=True, metavar="ACTION"
    )
    escalations = report.add_parser(
        "escalations",
        help="escalations since a moment: whom they reached, how fast, how they ended",
        description=(
            "One row per escalation (a call rung through to staff, a voicemail or callback "
            "request, a chat case), oldest first: when it started (the roster's time zone), "
            "who took it, seconds until they did, how many people were rung or alerted, the "
            "outcome ('-' while open) and the last nodes of the call's path. Anonymous: no "
            "number or name of a caller is kept in these records."
        ),
    )
    since = escalations.add_mutually_exclusive_group()
    since.add_argument(
        "--since",
        type=_instant,
        help="from this instant, e.g. 2026-11-23T09:00 (no offset: the roster's zone, else UTC)",
    )
    since.add_argument(
        "--days", type=_days, default=1, help="the last N days up to now (default 1)"
    )
    escalations.set_defaults(func=_report_escalations)


def _days(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: give a whole number of days, 1 or more")
    return int(text)


def _report_escalations(args: argparse.Namespace) -> int:
    settings = load_settings()

    async def work(
        directory: StaffDirectory,
    ) -> tuple[ZoneInfo, datetime, list[tuple[EscalationRow, dict[str, object]]]]:
        roster = await directory.roster()
        zone = roster.zone if roster is not None else _UTC
        since: datetime = args.since or utc_now() - timedelta(days=args.days)
        if since.tzinfo is None:
            since = since.replace(tzinfo=zone)  # a wall-clock time of the roster's zone
        async with SqlUnitsOfWork(directory.engine)() as uow:
            records = await uow.escalations.records(since)
        return zone, since, [(row, dict(log)) for row, log in records]

    zone, since, records = _with_directory(settings, work)
    where = zone.key
    if not records:
        print(f"no escalations since {_wall(since, zone)} ({where})")
        return 0
    print(f"escalations since {_wall(since, zone)} ({where}): {len(records)}")
    headers = [
        f"started ({where})",
        "kind",
        "channel",
        "language",
        "reason",
        "taken by",
        "answer s",
        "attempts",
        "outcome",
        "path",
    ]
    rows = [
        [
            row.started_at.astimezone(zone).strftime("%Y-%m-%d %H:%M:%S"),
            row.kind,
            row.channel,
            row.language,
            row.reason,
            row.staff_id or "-",
            _seconds(row.answered_at - row.started_at) if row.answered_at else "-",
            str(row.attempts),
            row.outcome or "-",
            _path(log.get("path")),
        ]
        for row, log in records
    ]
    for line in _table(headers, rows):
        print(line)
    return 0


def _seconds(delta: timedelta) -> str:
    return f"{delta.total_seconds():.0f}"


def _path(path: object) -> str:
    """A call's path through the flow, its last PATH_NODES nodes joined by '>'."""
    if not isinstance(path, list) or not path:
        return "-"
    nodes = [str(node) for node in path]
    shown = ">".join(nodes[-PATH_NODES:])
    return f"…>{shown}" if len(nodes) > PATH_NODES else shown
