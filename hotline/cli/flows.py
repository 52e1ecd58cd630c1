"""`hotline flows check`: validate every flow against every locale, and warn of what a flow
promises that the deployment's settings cannot keep."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from hotline.catalog import LOCALES_DIR, Catalog
from hotline.cli.common import SubParsers
from hotline.config import load_settings
from hotline.errors import ConfigError
from hotline.flows.check import broken_promises, check, loaded_flows
from hotline.flows.loader import BUILTIN_DIR
from hotline.flows.step_inputs import Staffing
from hotline.reminders.loader import campaign_files, campaign_messages


def add_parser(sub: SubParsers) -> None:
    """The command's arguments."""
    flows = sub.add_parser("flows", help="flow files").add_subparsers(
        required=True, metavar="ACTION"
    )
    flows_check = flows.add_parser("check", help="validate every flow against every locale")
    flows_check.add_argument("--flows", type=Path, default=BUILTIN_DIR, help="flow folder")
    flows_check.add_argument("--locales", type=Path, default=LOCALES_DIR, help="locales folder")
    flows_check.add_argument(
        "--overrides",
        type=Path,
        help="a deployment's folder of locale overrides (HOTLINE_LOCALE_OVERRIDES), checked too",
    )
    flows_check.add_argument(
        "--campaigns",
        type=Path,
        help="a deployment's folder of campaigns (HOTLINE_CAMPAIGNS_DIR): their messages count",
    )
    flows_check.set_defaults(func=_flows_check)


def _promises(flows_dir: Path) -> list[str]:
    """What the flows would promise that this deployment's settings (the environment and
    .env, as `hotline serve` reads them) cannot keep."""
    try:
        settings = load_settings()
    except ConfigError as exc:
        return [f"the deployment's settings cannot be read ({exc}): promises not checked"]
    return broken_promises(loaded_flows(flows_dir), Staffing(callbacks=settings.calls_out))


def _flows_check(args: argparse.Namespace) -> int:
    for option, folder in (("--flows", args.flows), ("--locales", args.locales)):
        if folder is not None and not Path(folder).is_dir():
            raise ConfigError(f"{option} {folder}: no such folder")
    catalog = Catalog(args.locales, overrides=args.overrides)
    # The shipped campaigns' messages ship with them, even where a deployment replaces one.
    campaigns = [*campaign_files().values()]
    if args.campaigns is not None:
        campaigns += campaign_files(deployment=args.campaigns).values()
    problems = check(catalog, args.flows, also_used=campaign_messages(campaigns))
    for problem in problems:
        print(problem, file=sys.stderr)
    for warning in _promises(args.flows):
        print(f"warning: {warning}", file=sys.stderr)
    if problems:
        print(f"hotline flows check: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"hotline flows check: every flow is valid in {', '.join(catalog.languages)}")
    return 0
