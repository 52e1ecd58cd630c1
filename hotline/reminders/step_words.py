"""How a campaign's step reads to staff: what it is (information, a check-in, a task, the
last message) and when it comes, from the campaign's own offset ("3 months before release",
"7 days after release"): message ids and arguments, worded by the dashboard."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from hotline.dashboard_texts import DashboardText
from hotline.reminders.campaign import Campaign, Step

__all__ = ["StepWords", "step_words"]


@dataclass(frozen=True)
class StepWords:
    """A step as two texts: its kind (`DASH_STEP_KIND` with `what`) and its time."""

    what: str  # message | checkin | task | end
    when: DashboardText
    count: int  # months or days, as `when` says


def _what(step: Step) -> str:
    if step.is_task:
        return "task"
    if step.last:
        return "end"
    return "checkin" if step.flow is not None else "message"


def _when(step: Step) -> tuple[DashboardText, int]:
    months, days = abs(step.offset.months), abs(step.offset.days)
    before = step.offset.before_release
    if months and not days:
        return (
            DashboardText.DASH_STEP_MONTHS_BEFORE
            if before
            else DashboardText.DASH_STEP_MONTHS_AFTER
        ), months
    if days and not months:
        return (
            DashboardText.DASH_STEP_DAYS_BEFORE if before else DashboardText.DASH_STEP_DAYS_AFTER
        ), days
    if not months and not days:
        return DashboardText.DASH_STEP_RELEASE_DAY, 0
    # Months and days together (rare): the days it comes to from a typical month.
    total = months * 30 + days
    return (
        DashboardText.DASH_STEP_DAYS_BEFORE if before else DashboardText.DASH_STEP_DAYS_AFTER
    ), total


def step_words(campaigns: Mapping[str, Campaign]) -> dict[tuple[str, str], StepWords]:
    """Every step of every campaign, by (campaign, step id)."""
    words: dict[tuple[str, str], StepWords] = {}
    for name, campaign in campaigns.items():
        for step in campaign.steps:
            when, count = _when(step)
            words[(name, step.id)] = StepWords(_what(step), when, count)
    return words
