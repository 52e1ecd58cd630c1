"""deploy/monitoring/: the Grafana dashboard and the Prometheus alert rules name only metrics
the server exposes (so neither can drift from the code), and promtool accepts the rules and
passes their unit tests where it is installed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
import yaml
from prometheus_client.parser import text_string_to_metric_families

from tests.conftest import AppClient, FixedClock, make_settings, start_app

MONITORING = Path(__file__).parent.parent / "deploy" / "monitoring"
RULES = MONITORING / "hotline-rules.yaml"
RULES_TEST = MONITORING / "hotline-rules.test.yaml"
DASHBOARD = MONITORING / "hotline-dashboard.json"
SUFFIXES = {
    "counter": ("_total", "_created"),
    "histogram": ("_bucket", "_count", "_sum", "_created"),
    "gauge": ("",),
}
ALERTS = {
    "HotlineEscalationWaiting",
    "HotlineFallbackRate",
    "HotlineDispatcherLag",
    "HotlineNotReady",
    "HotlineDown",
}


def rule_expressions() -> dict[str, str]:
    groups = yaml.safe_load(RULES.read_text(encoding="utf-8"))["groups"]
    return {rule["alert"]: rule["expr"] for group in groups for rule in group["rules"]}


def dashboard_expressions() -> dict[str, list[str]]:
    panels = json.loads(DASHBOARD.read_text(encoding="utf-8"))["panels"]
    return {p["title"]: [t["expr"] for t in p["targets"]] for p in panels}


def used(expressions: list[str]) -> set[str]:
    return {name for e in expressions for name in re.findall(r"\bhotline_[a-z_]+", e)}


async def test_the_rules_and_the_dashboard_name_only_exposed_metrics(
    aiohttp_client: Callable[..., Awaitable[AppClient]], tmp_path: Path, clock: FixedClock
) -> None:
    client = await start_app(aiohttp_client, make_settings(tmp_path), clock)
    exposition = await (await client.get("/metrics")).text()
    exposed = {
        family.name + suffix
        for family in text_string_to_metric_families(exposition)
        for suffix in SUFFIXES[family.type]
        if family.name.startswith("hotline_")
    }
    rules = rule_expressions()
    assert set(rules) >= ALERTS
    panels = dashboard_expressions()
    assert all(panels.values()), "a panel without a query"
    assert used(list(rules.values())) - exposed == set()
    assert used([e for exprs in panels.values() for e in exprs]) - exposed == set()
    # Every family is on the dashboard.
    families = {f.name for f in text_string_to_metric_families(exposition)}
    on_dashboard = {
        re.sub(r"_(total|bucket|count|sum)$", "", n)
        for n in used([e for exprs in panels.values() for e in exprs])
    }
    # (the text format shows a counter's creation time as a gauge family of its own)
    ours = {f for f in families if f.startswith("hotline_") and not f.endswith("_created")}
    assert ours - on_dashboard == set()


def test_the_dashboard_is_importable() -> None:
    dashboard = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    ids = [p["id"] for p in dashboard["panels"]]
    assert len(ids) == len(set(ids))
    assert [v["name"] for v in dashboard["templating"]["list"]] == ["datasource"]
    for panel in dashboard["panels"]:
        assert panel["datasource"]["uid"] == "${datasource}"
        assert {"h", "w", "x", "y"} <= set(panel["gridPos"])


def promtool() -> str:
    found = os.environ.get("HOTLINE_PROMTOOL") or shutil.which("promtool")
    if not found:
        pytest.skip(
            "promtool is not installed (Debian's prometheus package has it; or set "
            "HOTLINE_PROMTOOL to its path): the rules' syntax and unit tests are not run"
        )
    return found


@pytest.mark.parametrize(
    "command", [["check", "rules", RULES.name], ["test", "rules", RULES_TEST.name]]
)
def test_promtool_accepts_the_rules_and_their_unit_tests(command: list[str]) -> None:
    done = subprocess.run(
        [promtool(), *command],
        cwd=MONITORING,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
