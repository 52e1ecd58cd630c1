"""`hotline data purge [--dry-run]`: delete what is past keeping now, as the server does daily.

Prints what was removed (or, with --dry-run, what would be), counts only; a purge that
removed something writes the same counts to the audit log.
"""

from __future__ import annotations

import argparse

from hotline.bootstrap import Database, core
from hotline.bootstrap.retention import run_purge
from hotline.cli.common import SubParsers, with_database
from hotline.clock import utc_now
from hotline.config import load_settings
from hotline.retention.policy import PurgeCounts

__all__ = ["add_purge"]


def add_purge(group: SubParsers) -> None:
    """`purge`'s arguments, in the `data` group."""
    purge = group.add_parser(
        "purge",
        help="delete what is past its retention period now (the server does it daily)",
        description=(
            "Fold call-log rows older than HOTLINE_RETAIN_CALL_LOG_MONTHS into hourly counts "
            "and delete them; close callback tasks and questions past "
            "HOTLINE_CALLBACK_KEEP_DAYS and delete voicemail records as old (and their "
            "recordings at Twilio with HOTLINE_DELETE_RECORDINGS); delete participants who "
            "withdrew, and those whose program ended more than "
            "HOTLINE_RETAIN_PARTICIPANT_MONTHS ago, with everything about them; delete audit "
            "lines older than HOTLINE_RETAIN_AUDIT_MONTHS. Prints the counts."
        ),
    )
    purge.add_argument(
        "--dry-run", action="store_true", help="only count what would go; change nothing"
    )
    purge.set_defaults(func=_purge)


def _purge(args: argparse.Namespace) -> int:
    settings = load_settings()
    base = core(settings)

    async def work(database: Database) -> PurgeCounts:
        return await run_purge(base, database, utc_now(), dry_run=args.dry_run)

    counts = with_database(base, work)
    policy = settings.retention
    print(
        f"kept: call log {policy.call_log_months} months, participants "
        f"{policy.participant_months} months after their program, audit log "
        f"{policy.audit_months} months, tasks {settings.escalation.callback_keep.days} days"
    )
    print(f"{'would remove' if args.dry_run else 'removed'}: {counts.summary()}")
    return 0
