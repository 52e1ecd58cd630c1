"""The `hotline` command: serve, call, chat, flows check, prompts, db upgrade, staff, roster,
report, campaigns, participants, reminders, services, keys (generate, rotate-data,
check), data (purge, export, erase), check."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from importlib import metadata

from hotline.accounts import AccountError
from hotline.cli import (
    call,
    campaigns,
    chat,
    check,
    common,
    data,
    db,
    flows,
    keys,
    participants,
    prompts,
    reminders,
    report,
    roster,
    serve,
    services,
    staff,
    telegram,
)
from hotline.cli.simulator import SimulationError
from hotline.directory.errors import DirectoryError
from hotline.errors import CampaignError, ConfigError, FlowError, StorageError
from hotline.participants import ParticipantError
from hotline.prompts.speech import SpeechError
from hotline.rights import RightsError
from hotline.storage.staff import StaffError

__all__ = ["main"]


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script."""
    os.environ.setdefault("PTB_TIMEDELTA", "1")  # PTB's retry_after as a timedelta, no warning
    args = _parser().parse_args(argv)
    common.TRACEBACKS["asked"] = bool(args.debug)
    try:
        return int(args.func(args))
    except ConfigError as exc:
        print(f"hotline: configuration: {exc}", file=sys.stderr)
        return 2
    except (
        StaffError,
        ParticipantError,
        DirectoryError,
        AccountError,
        SimulationError,
        RightsError,
    ) as exc:
        print(f"hotline: {exc}", file=sys.stderr)
        return 2
    except (CampaignError, FlowError, StorageError, SpeechError) as exc:
        print(f"hotline: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if args.debug:
            raise
        print(
            f"hotline: unexpected error: {type(exc).__name__}: {exc} "
            "(hotline --debug … shows the traceback; please report it)",
            file=sys.stderr,
        )
        return 1


def _version() -> str:
    """The installed package's version (the source tree's, when not installed)."""
    try:
        return metadata.version("hotline")
    except metadata.PackageNotFoundError:
        return "(not installed)"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hotline", description=__doc__)
    parser.add_argument("--version", action="version", version=f"hotline {_version()}")
    parser.add_argument(
        "--debug",
        action="store_true",
        help="show tracebacks (an unexpected error's, and those logged) and log at DEBUG",
    )
    sub = parser.add_subparsers(required=True, metavar="COMMAND")
    # In the order `hotline --help` has always listed them.
    commands = (serve, call, chat, flows, prompts, telegram, db, staff, roster, report)
    for command in (*commands, campaigns, participants, reminders, services, keys, data, check):
        command.add_parser(sub)
    return parser
