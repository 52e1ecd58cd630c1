"""`hotline data`: what the hotline keeps about people: `purge` what is past keeping."""

from __future__ import annotations

from hotline.cli.common import SubParsers
from hotline.cli.data_purge import add_purge


def add_parser(sub: SubParsers) -> None:
    """The command's arguments."""
    data = sub.add_parser("data", help="the data kept about people").add_subparsers(
        required=True, metavar="ACTION"
    )
    add_purge(data)
