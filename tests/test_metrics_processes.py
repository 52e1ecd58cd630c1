"""With PROMETHEUS_MULTIPROC_DIR set (several worker processes), /metrics sums what every
process counted: two processes count fallbacks, a third exposes their sum."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

ROOT = Path(__file__).parent.parent
COUNT = """
from hotline.observe import metrics
for _ in range({n}):
    metrics.fallback("database")
metrics.READY.labels(check="database").set({ready})
metrics.DISPATCHER_LAG.set({lag})
"""
SHOW = (
    "import sys; from hotline.observe import metrics; "
    "sys.stdout.write(metrics.exposition().decode())"
)


def run(code: str, folder: Path) -> str:
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(folder), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(  # our own interpreter and code
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout


def test_the_exposition_sums_every_process(tmp_path: Path) -> None:
    run(COUNT.format(n=2, ready=1, lag=5), tmp_path)
    run(COUNT.format(n=3, ready=0, lag=7), tmp_path)
    found = {
        (s.name, tuple(sorted(s.labels.items()))): s.value
        for family in text_string_to_metric_families(run(SHOW, tmp_path))
        for s in family.samples
    }
    assert found[("hotline_voice_fallbacks_total", (("cause", "database"),))] == 5
    # The database's figures: the newest write wins (every process reads the same database).
    assert found[("hotline_dispatcher_lag_seconds", ())] == 7
