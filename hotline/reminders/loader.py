"""Read campaign files (YAML) into validated Campaigns; every problem names the file and step.

The shipped campaigns are `hotline/reminders/campaigns/*.yaml`; a deployment's folder
(HOTLINE_CAMPAIGNS_DIR) adds its own, and a file there named like a shipped one replaces it.
A campaign's name is its file's name without `.yaml`.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable, Mapping
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Any, TypeVar

import yaml

from hotline.errors import CampaignError
from hotline.reminders.campaign import Campaign, Channel, RecipientKind, Step
from hotline.reminders.delivery import DEFAULT_RULES, parse_window
from hotline.reminders.offsets import Offset, OffsetError, parse_offset, parse_time

__all__ = ["SHIPPED_DIR", "campaign_files", "campaign_messages", "load_campaign", "load_campaigns"]

SHIPPED_DIR = Path(__file__).parent / "campaigns"
_T = TypeVar("_T")
_E = TypeVar("_E", bound=StrEnum)
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_TOP_LEVEL = frozenset({"campaign", "description", "defaults", "steps"})
_DEFAULTS = frozenset({"time", "channels", "window"})
_STEP = frozenset({"id", "offset", "time", "to", "channels", "flow", "message", "window", "last"})
# Release dates a `last` step is compared at: every day of a common and a leap year, so a
# month against thirty days is settled for every month length.
_REFERENCE = tuple(date(2027, 1, 1) + timedelta(days=n) for n in range(731))


class _Loader(yaml.SafeLoader):
    """YAML as usual, but `10:00` stays the text 10:00 (YAML 1.1 would read 600 minutes)."""


_Loader.yaml_implicit_resolvers = {
    first: list(resolvers) for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
for _digit in "0123456789":
    _Loader.yaml_implicit_resolvers.setdefault(_digit, []).insert(
        0, ("tag:yaml.org,2002:str", re.compile(r"^\d{1,2}:\d{2}$"))
    )


class _Problems:
    """Collects every problem of one file, so an author sees them all at once."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.items: list[str] = []

    def add(self, step: str | None, text: str) -> None:
        where = f"{self.source}: step {step!r}: " if step else f"{self.source}: "
        self.items.append(where + text)


def load_campaign(path: Path) -> Campaign:
    """Load and validate one campaign file; raise CampaignError listing every problem."""
    data = _read(path)
    problems = _Problems(path)
    unknown = set(data) - _TOP_LEVEL
    if unknown:
        problems.add(None, f"unknown top-level keys: {', '.join(sorted(unknown))}")
    name = data.get("campaign")
    if name != path.stem:
        problems.add(None, f"'campaign' must be the file's name, {path.stem!r} (found {name!r})")
    if not _NAME.match(path.stem):
        problems.add(None, "a campaign's file name is lower-case letters, digits and dashes")
    description = data.get("description") or ""
    if not isinstance(description, str):
        problems.add(None, "'description' is a text")
        description = ""
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        problems.add(None, "'defaults' maps time, channels and window to values")
        defaults = {}
    extra = set(defaults) - _DEFAULTS
    if extra:
        problems.add(None, f"unknown keys in 'defaults': {', '.join(sorted(extra))}")
    raw_steps = data.get("steps")
    if not isinstance(raw_steps, list) or not raw_steps:
        problems.add(None, "'steps' must be a list of steps, each with an 'id'")
        raw_steps = []

    steps: list[Step] = []
    seen: set[str] = set()
    for number, raw in enumerate(raw_steps, start=1):
        step_id = raw.get("id") if isinstance(raw, dict) else None
        label = step_id if isinstance(step_id, str) and step_id else f"#{number}"
        if not isinstance(step_id, str) or not _NAME.match(step_id):
            problems.add(label, "'id' must be lower-case letters, digits and dashes, e.g. day-7")
        elif step_id in seen:
            problems.add(label, "another step has this id; each step's id is its own")
        seen.add(label)
        step = _step(label, raw, defaults, problems)
        if step is not None:
            steps.append(step)
    if not problems.items:
        _check_last(steps, problems)
    if problems.items:
        raise CampaignError("\n".join(problems.items))
    return Campaign(
        name=path.stem,
        description=description.strip(),
        version=_version(path.stem, steps),
        steps=tuple(steps),
        source=path,
    )


def campaign_files(shipped: Path = SHIPPED_DIR, deployment: Path | None = None) -> dict[str, Path]:
    """Each campaign's file by name: the shipped ones, replaced or joined by a deployment's."""
    if deployment is not None and not deployment.is_dir():
        raise CampaignError(f"{deployment}: the folder of campaigns does not exist")
    files = {path.stem: path for path in sorted(shipped.glob("*.yaml"))}
    if deployment is not None:
        files.update({path.stem: path for path in sorted(deployment.glob("*.yaml"))})
    return files


def load_campaigns(
    shipped: Path = SHIPPED_DIR, deployment: Path | None = None
) -> dict[str, Campaign]:
    """Every campaign by name; a CampaignError lists the problems of every broken file."""
    campaigns: dict[str, Campaign] = {}
    errors: list[str] = []
    for name, path in campaign_files(shipped, deployment).items():
        try:
            campaigns[name] = load_campaign(path)
        except CampaignError as exc:
            errors.append(str(exc))
    if errors:
        raise CampaignError("\n".join(errors))
    return campaigns


def campaign_messages(files: Iterable[Path]) -> dict[str, list[str]]:
    """Each message id the campaign files name, with where (`file: step 'x'`).

    Lenient on purpose: `flows check` counts these messages as used even when a file is
    broken (that is `campaigns check`'s to report), so one fault is not reported twice.
    """
    used: dict[str, list[str]] = {}
    for path in files:
        try:
            data = _read(path)
        except CampaignError:
            continue
        for raw in data.get("steps") or []:
            if isinstance(raw, dict) and isinstance(raw.get("message"), str):
                used.setdefault(raw["message"], []).append(f"{path}: step {raw.get('id')!r}")
    return used


def _read(path: Path) -> dict[str, Any]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CampaignError(f"{path}: cannot read the campaign: {exc}") from None
    if not isinstance(data, dict):
        raise CampaignError(f"{path}: a campaign file is a mapping with 'campaign' and 'steps'")
    return data


def _step(label: str, raw: Any, defaults: Mapping[str, Any], p: _Problems) -> Step | None:
    if not isinstance(raw, dict):
        p.add(label, "a step is a mapping, e.g. {id: day-7, offset: +7 days, flow: checkin}")
        return None
    before = len(p.items)
    extra = set(raw) - _STEP
    if extra:
        p.add(label, f"unknown keys: {', '.join(sorted(extra))}")
    offset = _parsed(label, raw.get("offset"), "offset", parse_offset, p) or Offset()
    at = _parsed(label, raw.get("time", defaults.get("time")), "time", parse_time, p)
    window = (
        _parsed(label, raw.get("window", defaults.get("window")), "window", parse_window, p)
        if "window" in raw or "window" in defaults
        else DEFAULT_RULES.window
    )
    if at is not None and window is not None and not window.holds(at):
        p.add(label, f"time {at:%H:%M} is outside the waking hours {window}")
    recipients = _recipients(label, raw.get("to"), p)
    task = RecipientKind.SPECIALIST_TASK in recipients
    flow, message = raw.get("flow"), raw.get("message")
    if (flow is None) == (message is None):
        p.add(label, "a step sends either a 'flow' or a 'message' (one of them)")
    for key, value in (("flow", flow), ("message", message)):
        if value is not None and (not isinstance(value, str) or not value):
            p.add(label, f"{key!r} must be a {key} id")
    if task and flow is not None:
        p.add(label, "a specialist's task names a 'message' (what the task says), not a flow")
    if task and "channels" in raw:
        p.add(label, "a specialist's task goes to the staff desk: leave out 'channels'")
    channels = () if task else _channels(label, raw.get("channels", defaults.get("channels")), p)
    last = raw.get("last", False)
    if not isinstance(last, bool):
        p.add(label, "'last' must be true or false")
    if len(p.items) > before or at is None or window is None:
        return None
    return Step(
        id=label,
        offset=offset,
        at=at,
        recipients=recipients,
        channels=channels,
        flow=flow,
        message=message,
        window=window,
        last=bool(last),
    )


def _parsed(
    label: str, value: Any, key: str, parse: Callable[[str], _T], p: _Problems
) -> _T | None:
    if value is None:
        where = "" if key == "offset" else " (here or in 'defaults')"
        p.add(label, f"{key!r} is missing{where}")
        return None
    try:
        return parse(str(value))
    except OffsetError as exc:
        p.add(label, f"{key}: {exc}")
        return None


def _recipients(label: str, value: Any, p: _Problems) -> tuple[RecipientKind, ...]:
    items = [value] if isinstance(value, str) else value
    kinds = _members(label, items, "to", RecipientKind, "lists who the step reaches", p)
    if RecipientKind.SPECIALIST_TASK in kinds and len(kinds) > 1:
        p.add(label, "a specialist's task is a step of its own: its message is for staff")
    return kinds


def _channels(label: str, value: Any, p: _Problems) -> tuple[Channel, ...]:
    what = "lists in order of preference (here or in 'defaults')"
    return _members(label, value, "channels", Channel, what, p)


def _members(
    label: str, value: Any, key: str, kind: type[_E], what: str, p: _Problems
) -> tuple[_E, ...]:
    """A non-empty list of distinct members of the StrEnum `kind`, each problem added."""
    known = ", ".join(kind)
    if not isinstance(value, list) or not value:
        p.add(label, f"{key!r} {what} some of {known}")
        return ()
    members: list[_E] = []
    for item in value:
        if item not in {str(m) for m in kind}:
            p.add(label, f"{key!r}: {item!r} is not one of {known}")
        elif item in members:
            p.add(label, f"{key!r} names {item!r} twice")
        else:
            members.append(kind(item))
    return tuple(members)


def _check_last(steps: list[Step], p: _Problems) -> None:
    """At most one `last` step, and no step after it (at any release date)."""
    last = [step for step in steps if step.last]
    if len(last) > 1:
        p.add(last[1].id, f"only one step ends the program; {last[0].id!r} already does")
        return
    if not last:
        return
    end = last[0]
    for step in steps:
        if step is end:
            continue
        later = next(
            (
                release
                for release in _REFERENCE
                if (step.offset.apply(release), step.at) > (end.offset.apply(release), end.at)
            ),
            None,
        )
        if later is not None:
            p.add(
                step.id,
                f"comes after {end.id!r}, which ends the program (e.g. for a release on "
                f"{later.isoformat()}); move 'last: true' to the final step",
            )


def _version(name: str, steps: Iterable[Step]) -> str:
    """A hash of what the steps do (not of comments or the description)."""
    canonical = [
        {
            "id": s.id,
            "offset": [s.offset.months, s.offset.days],
            "time": s.at.isoformat(),
            "to": list(s.recipients),
            "channels": list(s.channels),
            "flow": s.flow,
            "message": s.message,
            "window": str(s.window),
            "last": s.last,
        }
        for s in steps
    ]
    text = json.dumps([name, canonical], sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode()).hexdigest()[:12]
