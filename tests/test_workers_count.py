"""How many workers `hotline serve` starts, and what the workers share: the default per
database, the count's checks, the metrics each counts in files of its own, a spoken text
one worker rendered that another serves, and a language's placeholders rendered once."""

from __future__ import annotations

import asyncio
import os
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient
from prometheus_client import Counter, Gauge, Histogram

from hotline.bootstrap import build
from hotline.errors import ConfigError
from hotline.observe import metrics
from hotline.prompts.speech import EspeakSynthesizer
from hotline.prompts.spoken import SPOKEN_PATH, SpokenCache
from hotline.workers import cores, parse_workers, workers_to_run
from tests.conftest import FixedClock, make_settings
from tests.test_spoken import Counting

AFFINITY = len(os.sched_getaffinity(0))


def run(
    wanted: int | None, *, sqlite: bool = False, local: bool = False, polling: bool = False
) -> int:
    return workers_to_run(wanted, sqlite=sqlite, local=local, polling=polling, source="--workers")


def test_the_default_is_one_on_sqlite_in_local_mode_and_polling_else_the_cores() -> None:
    assert run(None, sqlite=True) == 1
    assert run(None, local=True) == 1
    assert run(None, polling=True) == 1
    assert run(None) == cores()
    assert run(1, sqlite=True) == 1  # one, said aloud, is what SQLite runs anyway
    assert run(4) == 4


def test_a_count_sqlite_or_polling_cannot_run_is_refused() -> None:
    with pytest.raises(ConfigError, match="SQLite takes one writer"):
        run(2, sqlite=True)
    with pytest.raises(ConfigError, match="--telegram-polling runs in one process"):
        run(2, polling=True)
    for bad in ("0", "-2", "1.5", "many", ""):
        with pytest.raises(ConfigError, match="give a whole number of worker processes"):
            parse_workers(bad, "HOTLINE_WORKERS")
    assert parse_workers(None, "--workers") is None
    assert parse_workers(" 3 ", "--workers") == 3


@pytest.mark.parametrize(
    ("cpu_max", "expected"),
    [
        ("max 100000\n", AFFINITY),  # no quota: every core it may run on
        ("150000 100000\n", min(AFFINITY, 2)),  # 1.5 CPUs: two workers
        ("50000 100000\n", 1),
        ("garbage", AFFINITY),
    ],
)
def test_the_cores_are_bounded_by_the_cgroup_quota(
    tmp_path: Path, cpu_max: str, expected: int
) -> None:
    path = tmp_path / "cpu.max"
    path.write_text(cpu_max)
    assert cores(path) == expected
    assert cores(tmp_path / "none") == AFFINITY


def test_every_metric_is_switched_to_files_in_a_worker() -> None:
    defined = [v for v in vars(metrics).values() if isinstance(v, Counter | Gauge | Histogram)]
    assert set(defined) == set(metrics._EVERY)


async def test_a_text_one_worker_rendered_is_served_by_another(
    tmp_path: Path, aiohttp_client: Callable[[web.Application], Awaitable[TestClient]]
) -> None:
    speech = EspeakSynthesizer()
    other = SpokenCache(tmp_path / "spoken", speech, cap_bytes=10_000_000)
    this = SpokenCache(tmp_path / "spoken", speech, cap_bytes=10_000_000)  # started earlier
    made = other.render("ka", "ka", "გამარჯობა")
    app = web.Application()
    app.router.add_get(SPOKEN_PATH + "/{lang}/{file}", this.serve)
    client = await aiohttp_client(app)
    answer = await client.get(made.url_path)
    assert answer.status == 200
    assert await answer.read() == made.path.read_bytes()
    assert this.stats()["ka"].files == 1  # kept (and counted against its cap) from now on
    for path in (f"{SPOKEN_PATH}/ka/{'0' * 24}.wav", f"{SPOKEN_PATH}/..%2Fka/{made.key}.wav"):
        assert (await client.get(path)).status == 404


async def test_workers_starting_together_render_a_language_once(
    tmp_path: Path, clock: FixedClock
) -> None:
    settings = make_settings(tmp_path, HOTLINE_LANGUAGES="en,ka")
    speech = (Counting(), Counting())
    workers = [build(settings, clock=clock, synthesizer=s).phone_audio for s in speech]
    for worker in workers:
        await worker.start()
    try:
        await asyncio.wait_for(asyncio.gather(*(w.finished() for w in workers)), 120)
    finally:
        for worker in workers:
            await worker.stop()
    assert sorted(len(s.texts) > 0 for s in speech) == [False, True]  # one rendered, once
    assert [w.languages.current.offered for w in workers] == [("en", "ka"), ("en", "ka")]
