"""Golden tests of the pure engine: a trigger and a list of resumes against stored actions.

Each file in tests/golden/ names a flow, the deployment's languages and the events; the
expected actions and node after each event are stored beside them. Run pytest with
--update-goldens to rewrite them after an intended change, then read the diff.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from hotline.catalog import FALLBACK_LANGUAGE, Catalog
from hotline.flows import actions as act
from hotline.flows import engine
from hotline.flows.events import (
    CallStarted,
    DigitsReceived,
    EscalationEnded,
    Event,
    NoInputReceived,
    RecordingEmpty,
    RecordingSaved,
)
from hotline.flows.loader import load_builtin_flows
from tests.conftest import FixedClock

GOLDEN = Path(__file__).parent / "golden"


def parse_event(text: str) -> Event:
    """`start`, `start ru`, `press 1`, `silence`, `recorded 30`, `empty recording`, ..."""
    word, _, rest = text.partition(" ")
    match word:
        case "start":
            if rest == "hidden":  # a withheld number: nobody can call back
                return CallStarted(reachable=False)
            return CallStarted(language=rest or None)
        case "press":
            return DigitsReceived(rest)
        case "silence":
            return NoInputReceived()
        case "recorded":
            return RecordingSaved(duration_s=int(rest))
        case "empty":
            return RecordingEmpty()
        case "answered":
            return EscalationEnded(answered=True)
        case "unanswered":
            return EscalationEnded(answered=False)
        case "closed":  # nobody on duty
            return EscalationEnded(answered=False, closed=True)
    raise ValueError(text)


def describe(action: act.Action) -> str:
    match action:
        case act.Say():
            args = "".join(f" {k}={v}" for k, v in action.args)
            return f"say {action.message} [{action.language}]{args}"
        case act.Gather():
            prompts = ", ".join(describe(p).removeprefix("say ") for p in action.prompts)
            keys = "".join(action.options) or f"up to {action.max_digits} digits"
            return f"gather {keys} ({action.timeout_s}s): {prompts}"
        case act.Record():
            return f"record up to {action.max_seconds}s"
        case act.Escalate():
            return f"escalate {action.reason} [{action.language}]"
        case act.NoteUnreached():
            return f"nobody reachable {action.reason} [{action.language}]"
        case act.RequestCallback():
            return f"request a callback [{action.language}]"
        case act.RememberLanguage():
            return f"remember language {action.language}"
        case act.Hangup():
            return "hang up"


def replay(case: dict[str, Any]) -> list[dict[str, Any]]:
    catalog = Catalog()
    flows = load_builtin_flows(known_message=lambda m: catalog.has(FALLBACK_LANGUAGE, m))
    flow = flows[case["flow"]]
    languages = engine.Languages(default=case["languages"][0], offered=tuple(case["languages"]))
    clock = FixedClock()
    steps: list[dict[str, Any]] = []
    state = None
    for text in case["events"]:
        event = parse_event(text)
        if state is None:
            assert isinstance(event, CallStarted)
            step = engine.start(flow, event, languages=languages, now=clock())
        else:
            step = engine.advance(flow, state, event, languages=languages, now=clock())
        clock.advance(seconds=7)
        state = step.state
        steps.append(
            {
                "event": text,
                "node": state.node_id,
                "actions": [describe(a) for a in step.actions],
            }
        )
    steps[-1]["outcome"] = state.final_outcome().value if state else None
    return steps


@pytest.mark.parametrize("path", sorted(GOLDEN.glob("*.yaml")), ids=lambda p: p.stem)
def test_engine_matches_golden(path: Path, request: pytest.FixtureRequest) -> None:
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    got = replay(case)
    if request.config.getoption("--update-goldens"):
        case["expected"] = got
        path.write_text(
            yaml.safe_dump(case, allow_unicode=True, sort_keys=False, width=120), encoding="utf-8"
        )
    assert got == case["expected"], f"{path.name} differs; rerun with --update-goldens to see"


def test_every_golden_has_expectations() -> None:
    for path in GOLDEN.glob("*.yaml"):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert case.get("expected"), f"{path.name} has no expected steps yet"
