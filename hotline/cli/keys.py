"""`hotline keys generate | rotate-data | check`: the two secrets a deployment makes itself.

HOTLINE_PSEUDONYM_KEY turns phone numbers and chat ids into the pseudonyms the call log keeps;
HOTLINE_DATA_KEY (a Fernet key) encrypts contact data and what people write. Both stay
outside the database and its backups: with either lost, what it protects cannot be read or
linked again; with both leaked, together with a copy of the database, it can. The data key
can be rotated (`rotate-data`); the pseudonym key cannot be, by design: see README.
"""

from __future__ import annotations

import argparse
import secrets

from cryptography.fernet import Fernet

from hotline.cli import data_keys
from hotline.cli.common import SubParsers

PSEUDONYM_KEY_BYTES = 32  # 43 characters of URL-safe base64


def add_parser(sub: SubParsers) -> None:
    """The command's arguments."""
    keys = sub.add_parser("keys", help="the deployment's own secrets").add_subparsers(
        required=True, metavar="ACTION"
    )
    generate = keys.add_parser(
        "generate",
        help="print a new pseudonym key and data key as lines for the .env file",
        description=(
            "Print HOTLINE_PSEUDONYM_KEY and HOTLINE_DATA_KEY, newly made, as lines for the "
            "deployment's environment file (deploy/hotline.env.example). Make them once: "
            "a changed key cannot read what the old one protected. Keep a copy apart from "
            "the database's backups."
        ),
    )
    generate.add_argument(
        "--data-key",
        action="store_true",
        help="print only a new HOTLINE_DATA_KEY (to rotate it: see `hotline keys rotate-data`)",
    )
    generate.set_defaults(func=_generate)
    data_keys.add_parsers(keys)


def _generate(args: argparse.Namespace) -> int:
    if args.data_key:
        print(f"HOTLINE_DATA_KEY={Fernet.generate_key().decode()}")
        return 0
    print("# made by `hotline keys generate`: keep these outside the database and its")
    print("# backups; never change the pseudonym key, rotate the data key only as README says")
    print(f"HOTLINE_PSEUDONYM_KEY={secrets.token_urlsafe(PSEUDONYM_KEY_BYTES)}")
    print(f"HOTLINE_DATA_KEY={Fernet.generate_key().decode()}")
    return 0
