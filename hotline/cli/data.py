"""`hotline data export | erase`: a person's rights over their data, from the command line
(the command bodies are in `data_rights`); other data work adds its commands to the group."""

from __future__ import annotations

from hotline.cli import data_rights
from hotline.cli.common import SubParsers

__all__ = ["add_parser"]


def add_parser(sub: SubParsers) -> None:
    """The `data` group and its commands."""
    group = sub.add_parser(
        "data", help="personal data: export or erase what is held about one person"
    ).add_subparsers(required=True, metavar="ACTION")
    data_rights.add_rights(group)
