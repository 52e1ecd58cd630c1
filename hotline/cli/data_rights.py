"""`hotline data export CASE | --phone NUMBER` and `hotline data erase CASE | --phone NUMBER`:
an access request answered (JSON, and a readable page in the person's language) and an
erasure in one transaction; both written to the audit log with who, when and why."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TypeVar

from hotline.bootstrap import Core, Database, core
from hotline.cli.common import SubParsers, with_database
from hotline.clock import utc_now
from hotline.config import load_settings
from hotline.rights import RightsError, RightsService, Whom

__all__ = ["add_rights", "operator"]

_T = TypeVar("_T")


def add_rights(group: SubParsers) -> None:
    """`export` and `erase` in the `data` group."""
    export = group.add_parser(
        "export",
        help="everything held about a participant (or a caller) as JSON and a readable page",
        description="Everything held about a participant (profile, family contacts, plan, "
        "messages sent, answers, tasks, escalations) or a caller known only by phone number, "
        "decrypted, for an access request. Written to the audit log.",
    )
    _whom(export)
    export.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="write CASE-data.json and CASE-data.html there (default: the JSON to stdout)",
    )
    export.set_defaults(func=_export)

    erase = group.add_parser(
        "erase",
        help="erase everything held about a participant (or a caller), in one transaction",
        description="Delete the participant and everything hanging off them (or a caller's "
        "remembered language and region, open tasks and chats); calls and escalations stay "
        "as anonymous counts. An opt-out is kept: it is the person's wish to get nothing. "
        "Written to the audit log.",
    )
    _whom(erase)
    erase.set_defaults(func=_erase)


def _whom(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("case", metavar="CASE", nargs="?", help="a participant's case code")
    parser.add_argument("--phone", metavar="NUMBER", help="a caller's number instead of CASE")
    parser.add_argument("--reason", help="why (required: the audit log keeps it)")
    parser.add_argument(
        "--by", metavar="STAFF_ID", help="who asks (default: cli: and the operating-system user)"
    )


def operator(by: str | None) -> str:
    """Who is recorded as doing it: the staff id given, else `cli:` and the OS user."""
    if by:
        return by.strip()[:32]
    try:
        user = getpass.getuser()
    except (OSError, KeyError):
        user = "unknown"
    return f"cli:{user}"[:32]


def _export(args: argparse.Namespace) -> int:
    from hotline.web.dashboard.rights import export_html, export_json

    whom = _whom_of(args)
    if args.out is not None:  # before anything is read: a folder we cannot write is said first
        try:
            args.out.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise RightsError(f"--out {args.out}: cannot write there ({exc.strerror})") from None
    base, made = _with_rights(lambda rights: rights.export(whom, operator(args.by), args.reason))
    if args.out is None:
        sys.stdout.write(export_json(made))
        return 0
    name = made.subject.case or "caller"
    try:
        (args.out / f"{name}-data.json").write_text(export_json(made), encoding="utf-8")
        page = export_html(made, base.catalog)
        (args.out / f"{name}-data.html").write_text(page, encoding="utf-8")
    except OSError as exc:
        raise RightsError(f"--out {args.out}: cannot write there ({exc.strerror})") from None
    print(
        f"hotline data export: {name}-data.json and {name}-data.html written to {args.out} "
        f"(in {made.subject.language}); the export is in the audit log"
    )
    return 0


def _erase(args: argparse.Namespace) -> int:
    whom = _whom_of(args)
    _, done = _with_rights(lambda rights: rights.erase(whom, operator(args.by), args.reason))
    whose = done.subject.case or "the caller"
    if not any(done.counts.values()):
        print(
            f"hotline data erase: nothing was held about {whose}; the request is in the audit log"
        )
        return 0
    print(
        f"hotline data erase: erased {whose}: {done.summary()}; calls and escalations stay "
        "as anonymous counts; the erasure is in the audit log"
    )
    return 0


def _with_rights(work: Callable[[RightsService], Awaitable[_T]]) -> tuple[Core, _T]:
    """`work` on the rights service of the configured database; the core it opened."""
    settings = load_settings()
    base = core(settings)

    async def run(database: Database) -> _T:
        rights = RightsService(database.units, utc_now, default_region=settings.default_region)
        return await work(rights)

    return base, with_database(base, run)


def _whom_of(args: argparse.Namespace) -> Whom:
    if (args.case is None) == (args.phone is None):
        raise RightsError("give a CASE or --phone NUMBER (one of them)")
    return Whom(case=args.case, phone=args.phone)
