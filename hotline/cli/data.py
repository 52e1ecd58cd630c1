"""`hotline data`: what the hotline keeps about people: `purge` what is past keeping, and a
person's rights over their data, `export` and `erase` (the bodies are in `data_purge` and
`data_rights`)."""

from __future__ import annotations

from hotline.cli import data_rights
from hotline.cli.common import SubParsers
from hotline.cli.data_purge import add_purge

__all__ = ["add_parser"]


def add_parser(sub: SubParsers) -> None:
    """The `data` group and its commands."""
    group = sub.add_parser(
        "data", help="the data kept about people: purge, or export or erase one person's"
    ).add_subparsers(required=True, metavar="ACTION")
    add_purge(group)
    data_rights.add_rights(group)
