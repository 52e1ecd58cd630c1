"""`hotline campaigns check | show`: validate the campaigns; print one campaign's plan."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

from hotline.bootstrap import shipped_flows
from hotline.catalog import LOCALES_DIR, Catalog
from hotline.cli.common import SubParsers, table, wall
from hotline.errors import CampaignError
from hotline.reminders.campaign import Channel, RecipientKind
from hotline.reminders.check import check
from hotline.reminders.loader import SHIPPED_DIR, campaign_files, load_campaigns
from hotline.reminders.offsets import OffsetError, zone
from hotline.reminders.plan import PlannedMessage, PlanSubject, Recipient, plan

_DEPLOYMENT_HELP = "a deployment's folder of campaigns (HOTLINE_CAMPAIGNS_DIR), checked too"


def add_parser(sub: SubParsers) -> None:
    """The command's arguments."""
    campaigns = sub.add_parser("campaigns", help="reminder campaigns").add_subparsers(
        required=True, metavar="ACTION"
    )
    checking = campaigns.add_parser(
        "check", help="validate every campaign: steps, flows, messages in every locale"
    )
    checking.add_argument("--dir", type=Path, help=_DEPLOYMENT_HELP)
    checking.add_argument("--shipped", type=Path, default=SHIPPED_DIR, help=argparse.SUPPRESS)
    checking.add_argument("--locales", type=Path, default=LOCALES_DIR, help="locales folder")
    checking.set_defaults(func=_check)

    show = campaigns.add_parser(
        "show", help="a campaign's plan for a release date, in the recipient's local time"
    )
    show.add_argument("name", help="the campaign, e.g. georgia-two-year")
    show.add_argument("--release", type=_date, required=True, help="release date, YYYY-MM-DD")
    show.add_argument("--tz", type=_zone, required=True, help="IANA time zone, e.g. Asia/Tbilisi")
    show.add_argument("--language", default="en", help="the participant's language code")
    show.add_argument(
        "--channels",
        type=_channels,
        default=tuple(Channel),
        help="the channels the participant can be reached on, e.g. sms,voice (default: all)",
    )
    show.add_argument(
        "--family", type=int, default=1, help="how many family contacts to show (default 1)"
    )
    show.add_argument("--dir", type=Path, help="a deployment's folder of campaigns")
    show.set_defaults(func=_show)


def _check(args: argparse.Namespace) -> int:
    catalog = Catalog(args.locales)
    files = campaign_files(args.shipped, args.dir)
    problems = check(files, shipped_flows(catalog), catalog)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"hotline campaigns check: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"hotline campaigns check: {', '.join(files)} valid in {', '.join(catalog.languages)}")
    return 0


def _show(args: argparse.Namespace) -> int:
    campaigns = load_campaigns(deployment=args.dir)
    campaign = campaigns.get(args.name)
    if campaign is None:
        raise CampaignError(
            f"no campaign {args.name!r}; the campaigns are {', '.join(sorted(campaigns))}"
        )
    tz_name = str(args.tz)
    people = [
        Recipient(RecipientKind.PARTICIPANT, "participant", tz_name, args.language, args.channels),
        *(
            Recipient(RecipientKind.FAMILY, f"family-{n}", tz_name, args.language, args.channels)
            for n in range(1, args.family + 1)
        ),
    ]
    subject = PlanSubject(
        participant="example",
        release=args.release,
        zone=tz_name,
        language=args.language,
        recipients=tuple(people),
        specialist="specialist",
    )
    rows = [
        [
            wall(message.due_at, args.tz),
            f"{(message.local_date - args.release).days:+d}",
            message.step,
            _to(message),
            f"flow {message.flow}" if message.flow else f"message {message.message}",
            _via(message),
        ]
        for message in plan(subject, campaign)
    ]
    print(f"{campaign.name} (version {campaign.version}): {campaign.description}")
    print(f"Release {args.release.isoformat()}, {tz_name}; times are local.\n")
    for line in table(("when", "days", "step", "to", "sends", "channels"), rows):
        print(line)
    return 0


def _to(message: PlannedMessage) -> str:
    if message.recipient_kind is RecipientKind.SPECIALIST_TASK:
        return "specialist (task)"
    return str(message.recipient_ref)


def _via(message: PlannedMessage) -> str:
    if message.recipient_kind is RecipientKind.SPECIALIST_TASK:
        return "staff desk"
    return ", ".join(message.channels) or "none: not reachable on the step's channels"


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date; write e.g. 2027-03-01") from None


def _zone(text: str) -> ZoneInfo:
    try:
        return zone(text)
    except OffsetError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _channels(text: str) -> tuple[Channel, ...]:
    names = [part.strip() for part in text.split(",") if part.strip()]
    known = {str(c) for c in Channel}
    wrong = [n for n in names if n not in known]
    if wrong or not names:
        raise argparse.ArgumentTypeError(
            f"{text!r}: list channels among {', '.join(Channel)}, e.g. telegram,sms"
        )
    return tuple(Channel(n) for n in names)
