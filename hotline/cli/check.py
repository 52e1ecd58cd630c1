"""`hotline check`: is this deployment ready to take calls? One line a finding, with the fix."""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass
from datetime import datetime

from hotline.bootstrap import Core, core, shipped_flows
from hotline.bootstrap.languages import wanted_voice_languages
from hotline.channels.telegram import ALLOWED_UPDATES
from hotline.cli.common import SubParsers
from hotline.clock import utc_now
from hotline.config import load_settings
from hotline.deployment import judge, probes
from hotline.deployment.model import Finding, Level, worst
from hotline.errors import StorageError
from hotline.escalation.roster import Roster
from hotline.flows.check import check as check_flows
from hotline.flows.loader import BUILTIN_DIR
from hotline.prompts.library import AudioLibrary
from hotline.prompts.required import prompts_of_language
from hotline.reminders.check import check as check_campaigns
from hotline.reminders.loader import campaign_files, campaign_messages

_WIDTHS = (5, 14)  # the level's column, the topic's column


def add_parser(sub: SubParsers) -> None:
    """The command's arguments."""
    check = sub.add_parser(
        "check",
        help="is this deployment ready to take calls: settings, database, roster, proxy, "
        "Twilio number, Telegram webhook",
        description=(
            "Check the deployment as the server would run it (same variables, same .env): the "
            "settings, the data folder, the database and its schema, the flows and campaigns, "
            "the recorded prompts and the roster of the coming week; then, over the network, "
            "that the public URL reaches this server through the proxy, that the Twilio "
            "number's webhooks point at it, and that Telegram delivers to it. Every finding "
            "is one line with what to do. Exit status 1 when something stops calls or chats "
            "from working, else 0."
        ),
    )
    check.add_argument(
        "--offline",
        action="store_true",
        help="skip what needs the network: the public URL, Twilio and Telegram",
    )
    check.set_defaults(func=_check)


@dataclass(frozen=True)
class _Stored:
    """What the database holds that the check judges."""

    roster: Roster | None
    reachable: frozenset[str]


def _check(args: argparse.Namespace) -> int:
    settings = load_settings()
    hotline = core(settings)
    now = utc_now()
    engine = "SQLite" if settings.is_sqlite else "PostgreSQL"
    print(f"hotline check: {settings.mode} mode, {engine}, {settings.public_url}")
    findings = gather(hotline, now=now, offline=args.offline)
    for finding in findings:
        print("  " + line(finding))
    fails = sum(1 for f in findings if f.level is Level.FAIL)
    warnings = sum(1 for f in findings if f.level is Level.WARN)
    if worst(findings) is Level.FAIL:
        print(f"hotline check: {fails} problem(s) to fix, {warnings} warning(s)")
        return 1
    print(f"hotline check: ready to take calls, {warnings} warning(s)")
    return 0


def line(finding: Finding) -> str:
    """A finding as a line of the report: level, topic, text."""
    level, topic = _WIDTHS
    return f"{finding.level.value:<{level}} {finding.topic:<{topic}} {finding.text}"


def gather(hotline: Core, *, now: datetime, offline: bool) -> list[Finding]:
    """Every finding, in the order an operator fixes them: settings first, network last."""
    settings = hotline.settings
    findings = judge.configuration(settings)
    data_dir = settings.data_dir
    findings.append(judge.data_folder(str(data_dir), probes.data_folder_problem(data_dir)))
    engine = "SQLite" if settings.is_sqlite else "PostgreSQL"
    stored = asyncio.run(_stored(hotline))
    if isinstance(stored, StorageError):
        findings.append(judge.database(engine, str(stored)))
    else:
        findings.append(judge.database(engine, None))
    findings += judge.texts(_text_problems(hotline), hotline.catalog.languages)
    findings.append(judge.audio(_synthetic_prompts(hotline)))
    if not isinstance(stored, StorageError):
        findings += judge.roster(
            stored.roster,
            reachable=stored.reachable,
            languages=hotline.chat_languages.offered,
            now=now,
        )
    if not offline:
        findings += asyncio.run(_network(hotline, now))
    return findings


async def _stored(hotline: Core) -> _Stored | StorageError:
    try:
        async with hotline.database.opened() as database:
            snapshot = await database.duty_snapshot()
    except StorageError as exc:
        return exc
    return _Stored(
        roster=snapshot.roster, reachable=frozenset(snapshot.phones) | frozenset(snapshot.telegram)
    )


def _text_problems(hotline: Core) -> list[str]:
    """What `hotline flows check` and `hotline campaigns check` would say, with the
    deployment's overrides and campaigns."""
    catalog = hotline.catalog
    deployment = hotline.settings.campaigns_dir
    files = campaign_files(deployment=deployment)
    shipped = [*campaign_files().values()]
    used = campaign_messages([*shipped, *files.values()])
    problems = check_flows(catalog, BUILTIN_DIR, also_used=used)
    return [*problems, *check_campaigns(files, shipped_flows(catalog), catalog)]


def _synthetic_prompts(hotline: Core) -> dict[str, int]:
    """Per phone language without a Twilio voice: the prompts that have no recording."""
    settings, catalog = hotline.settings, hotline.catalog
    flows = shipped_flows(catalog)
    audio = AudioLibrary(settings.audio_dir)
    counts: dict[str, int] = {}
    for language in wanted_voice_languages(settings, catalog).offered:
        if catalog.voice(language).say_language:
            continue
        says = prompts_of_language(flows, language)
        counts[language] = sum(1 for s in says if audio.find(s, placeholders=False) is None)
    return counts


async def _network(hotline: Core, now: datetime) -> list[Finding]:
    settings = hotline.settings
    url = settings.public_url
    seen_health, number, webhook = await asyncio.gather(
        probes.health(url), probes.twilio_number(settings), probes.telegram_webhook(settings)
    )
    return [
        judge.public_url(url, seen_health),
        *judge.twilio_number(url, number),
        *judge.telegram(url, webhook, allowed=ALLOWED_UPDATES, now=now),
    ]
