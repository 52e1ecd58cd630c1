"""`hotline db upgrade`: migrate the schema."""

from __future__ import annotations

import argparse
import asyncio

from hotline.bootstrap import core
from hotline.cli.common import SubParsers
from hotline.config import load_settings


def add_parser(sub: SubParsers) -> None:
    """The command's arguments."""
    database = sub.add_parser("db", help="the database").add_subparsers(
        required=True, metavar="ACTION"
    )
    database.add_parser("upgrade", help="migrate the schema to this version").set_defaults(
        func=_db_upgrade
    )


def _db_upgrade(args: argparse.Namespace) -> int:
    del args
    asyncio.run(core(load_settings()).database.upgrade())
    print("hotline db upgrade: the schema is up to date")
    return 0
