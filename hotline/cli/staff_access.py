"""`hotline staff set-password | invite | sign-out`: a person's access to the web dashboard."""

from __future__ import annotations

import argparse
import getpass
import sys

from hotline.accounts import MIN_PASSWORD, AccountError
from hotline.accounts.service import AccountService
from hotline.bootstrap import Core, core
from hotline.cli.common import SubParsers, with_database
from hotline.clock import utc_now
from hotline.config import load_settings

INVITE_PATH = "/staff/invite/"


def add_parsers(staff: SubParsers) -> None:
    """The commands' arguments, under `hotline staff`."""
    password = staff.add_parser(
        "set-password",
        help="set a person's dashboard password (asked twice, never on the command line)",
        description=f"Asks for the new password twice; at least {MIN_PASSWORD} characters. "
        "Without a terminal, reads the two lines from standard input.",
    )
    password.add_argument("id", metavar="ID")
    password.set_defaults(func=_set_password)

    invite = staff.add_parser(
        "invite", help="print a one-time link, valid 24 hours, where a person sets a password"
    )
    invite.add_argument("id", metavar="ID")
    invite.set_defaults(func=_invite)

    out = staff.add_parser("sign-out", help="end every dashboard session of a person")
    out.add_argument("id", metavar="ID")
    out.set_defaults(func=_sign_out)


def _ask(prompt: str) -> str:
    """A password from the terminal without echo, or a line of standard input (a script)."""
    if sys.stdin.isatty():
        return getpass.getpass(prompt)
    print(prompt, end="", file=sys.stderr, flush=True)
    return sys.stdin.readline().rstrip("\r\n")


def _service(base: Core) -> AccountService:
    return AccountService(base.database.units, base.settings.pseudonym_key, utc_now)


def _set_password(args: argparse.Namespace) -> int:
    password = _ask(f"New dashboard password for {args.id}: ")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"a password has at least {MIN_PASSWORD} characters; nothing changed")
    if _ask("The same again: ") != password:
        raise AccountError("the two passwords differ; nothing changed")
    base = core(load_settings())
    service = _service(base)
    staff = with_database(base, lambda _: service.set_password(args.id, password))
    print(f"hotline staff set-password: {staff.id} ({staff.name}) can sign in at the dashboard")
    return 0


def _invite(args: argparse.Namespace) -> int:
    base = core(load_settings())
    service = _service(base)
    staff, token = with_database(base, lambda _: service.invite(args.id))
    link = base.settings.public_url.rstrip("/") + INVITE_PATH + token
    print(f"hotline staff invite: send {staff.name} this link; it works once, for 24 hours:")
    print(link)
    return 0


def _sign_out(args: argparse.Namespace) -> int:
    base = core(load_settings())
    service = _service(base)
    ended = with_database(base, lambda _: service.sign_out_everywhere(args.id))
    print(f"hotline staff sign-out: ended {ended} session(s) of {args.id}")
    return 0
