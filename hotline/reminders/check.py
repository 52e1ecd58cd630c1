"""`hotline campaigns check`: every campaign valid, its flows shipped, its messages in every
locale; each problem names the file and the step."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from pathlib import Path

from hotline.catalog import Catalog
from hotline.errors import CampaignError
from hotline.reminders.campaign import Campaign
from hotline.reminders.loader import load_campaign

__all__ = ["check", "check_campaign"]


def check(files: Mapping[str, Path], flows: Collection[str], catalog: Catalog) -> list[str]:
    """Every problem of the campaign files (see `loader.campaign_files`), each on one line."""
    problems: list[str] = []
    for path in files.values():
        try:
            campaign = load_campaign(path)
        except CampaignError as exc:
            problems.extend(str(exc).splitlines())
            continue
        problems.extend(check_campaign(campaign, flows, catalog))
    return problems


def check_campaign(campaign: Campaign, flows: Collection[str], catalog: Catalog) -> list[str]:
    """What a loaded campaign names that does not exist: a flow, or a message in a locale."""
    problems: list[str] = []
    where = f"{campaign.source or campaign.name}"
    for step in campaign.steps:
        if step.flow is not None and step.flow not in flows:
            problems.append(
                f"{where}: step {step.id!r}: flow {step.flow!r} is not a flow; the flows are "
                f"{', '.join(sorted(flows))}"
            )
        if step.message is not None:
            missing = [lang for lang in catalog.languages if not catalog.has(lang, step.message)]
            if missing:
                problems.append(
                    f"{where}: step {step.id!r}: message {step.message!r} is missing in "
                    f"{', '.join(str(catalog.directory / lang) for lang in missing)}"
                )
    return problems
