"""`hotline staff add | set | remove | list` (and the dashboard's `set-password | invite |
sign-out`): the people who take escalations."""

from __future__ import annotations

import argparse

from hotline.bootstrap import core
from hotline.cli import staff_access
from hotline.cli.common import SubParsers, table, with_database
from hotline.clock import utc_now
from hotline.config import load_settings
from hotline.escalation.roster import Role, Roster, Staff, on_duty
from hotline.storage.staff import StaffContact, StaffDirectory, StaffError

ROLES = [role.value for role in Role]
_MASK = "••• •••"


def add_parser(sub: SubParsers) -> None:
    """The commands' arguments."""
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
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument(
        "--languages", required=True, type=language_list, help="languages spoken, e.g. ka,ru"
    )
    add.add_argument("--phone", help="in international form, e.g. '+995 555 12 34 56'")
    add.add_argument("--telegram", type=int, metavar="USER_ID", help="their Telegram user id")
    add.set_defaults(func=_staff_add)

    change = staff.add_parser("set", help="change some of a person's fields")
    change.add_argument("id", metavar="ID")
    change.add_argument("--name")
    change.add_argument("--role", choices=ROLES)
    change.add_argument("--languages", type=language_list, help="e.g. ka,ru")
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
    staff_access.add_parsers(staff)


def language_list(text: str) -> tuple[str, ...]:
    """An argument: language codes separated by commas."""
    languages = tuple(part.strip() for part in text.split(",") if part.strip())
    if not languages:
        raise argparse.ArgumentTypeError("list language codes, e.g. ka,ru")
    return languages


def masked(phone: str | None) -> str:
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
        f" phone {masked(contact.phone)}, Telegram {telegram})"
    )


def _staff_add(args: argparse.Namespace) -> int:
    settings = load_settings()
    person = Staff(id=args.id, name=args.name, role=Role(args.role), languages=args.languages)

    async def work(directory: StaffDirectory) -> StaffContact | None:
        await directory.add(person, phone=args.phone, telegram_id=args.telegram, now=utc_now())
        return await directory.get(person.id)

    contact = with_database(core(settings), lambda database: work(database.staff()))
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

    contact = with_database(core(settings), lambda database: work(database.staff()))
    print(f"hotline staff set: now {_describe(contact)}")
    return 0


def _staff_remove(args: argparse.Namespace) -> int:
    settings = load_settings()
    removed = with_database(core(settings), lambda database: database.staff().remove(args.id))
    shifts = f"{removed} shift{'s' if removed != 1 else ''}" if removed else "no shifts"
    print(f"hotline staff remove: removed {args.id}, and with them {shifts} of the roster")
    return 0


def _staff_list(args: argparse.Namespace) -> int:
    del args

    async def work(directory: StaffDirectory) -> tuple[list[StaffContact], Roster | None]:
        return await directory.list(), await directory.roster()

    contacts, roster = with_database(core(load_settings()), lambda database: work(database.staff()))
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
            masked(contact.phone),
            "yes" if contact.telegram_id is not None else "no",
        ]
        if roster is not None:
            row.append("yes" if person.id in on else "no")
        rows.append(row)
    for line in table(headers, rows):
        print(line)
    if roster is None:
        print("(no roster imported yet: `hotline roster import FILE`)")
    return 0
