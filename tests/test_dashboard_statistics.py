"""The statistics page: who may read it, the "<5" rule in its tables, its charts and CSVs,
and a bad period answered with the form again."""

from __future__ import annotations

import asyncio
import csv
import html
import io
import re
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest

from hotline.catalog import Catalog
from hotline.messages import MessageId
from hotline.stats.tables import TABLES
from hotline.web.dashboard.statistics import STATS_REPORTS
from tests.conftest import AppClient, FixedClock
from tests.dashboard import Browser, dashboard_app
from tests.test_stats import make_traffic

Client = Callable[..., Awaitable[AppClient]]
MONDAY_TO_WEDNESDAY = "from=2026-11-23&to=2026-11-25"
PAGE = "/staff/statistics?" + MONDAY_TO_WEDNESDAY
CHART = "/staff/statistics/chart/per-day.svg?" + MONDAY_TO_WEDNESDAY
CSV = "/staff/statistics/csv/per-day.csv?" + MONDAY_TO_WEDNESDAY


@pytest.fixture
async def client(
    aiohttp_client: Client, tmp_path: Path, database_url: str, clock: FixedClock
) -> AppClient:
    return await dashboard_app(aiohttp_client, tmp_path, database_url, clock)


def table_rows(page: str, name: str) -> dict[str, list[str]]:
    """A table of the page as a reader sees it: each row's name and its cells' texts."""
    found = re.search(rf'<table class="figures" data-table="{name}">(.*?)</table>', page, re.S)
    assert found, page
    rows: dict[str, list[str]] = {}
    for row in re.findall(r"<tr>(.*?)</tr>", found.group(1), re.S):
        head = re.search(r'<th scope="row">(.*?)</th>', row, re.S)
        if head:
            cells = re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
            rows[html.unescape(head.group(1))] = [html.unescape(c) for c in cells]
    return rows


async def test_only_supervisors_and_admins_read_the_statistics(client: AppClient) -> None:
    nobody = Browser(client)
    for path in (PAGE, CHART, CSV):
        status, _, resp = await nobody.get(path)
        assert status == 303, path
        assert resp.headers["Location"].startswith("/staff/sign-in?next="), path

    specialist = Browser(client)
    await specialist.sign_in("ana")
    _, now, _ = await specialist.get("/staff/now")
    assert 'href="/staff/statistics"' not in now  # not in a specialist's menu
    for path in (PAGE, CHART, CSV):
        status, body, _ = await specialist.get(path)
        assert status == 403, path
        assert "<svg" not in body
        assert "2026-11-23" not in body

    for who in ("beka", "nino"):  # a supervisor, an admin
        reader = Browser(client)
        await reader.sign_in(who)
        status, page, resp = await reader.get(PAGE)
        assert status == 200, who
        assert resp.headers["Cache-Control"] == "no-store"
        assert 'href="/staff/statistics" aria-current="page"' in page
        status, _, resp = await reader.get(CHART)
        assert (status, resp.content_type) == (200, "image/svg+xml")
        status, _, resp = await reader.get(CSV)
        assert (status, resp.content_type) == (200, "text/csv")


async def test_counts_under_five_show_as_less_than_five_in_the_tables(
    client: AppClient, clock: FixedClock
) -> None:
    await make_traffic(client, clock)  # Monday: 6 calls, 3 chats; Tuesday: 2 calls
    admin = Browser(client)
    await admin.sign_in("nino")  # reads English

    status, page, _ = await admin.get(PAGE)

    assert status == 200, page
    assert table_rows(page, "per-day") == {
        "Nov 23, 2026": ["6", "<5"],
        "Nov 24, 2026": ["<5", "0"],
        "Nov 25, 2026": ["0", "0"],
    }
    assert table_rows(page, "channels") == {"Phone": ["8"], "SMS": ["<5"], "Telegram": ["0"]}
    assert "Numbers from 1 to 4 are shown as" in page
    # The date picker shows the period; each chart is an image of the same period, with alt text.
    assert 'type="date" id="from" name="from" value="2026-11-23"' in page
    assert 'type="date" id="to" name="to" value="2026-11-25"' in page
    charts = re.findall(r'<img class="chart" src="([^"]+)" alt="([^"]+)"', page)
    assert len(charts) == len(TABLES)
    assert all(src.endswith("?from=2026-11-23&amp;to=2026-11-25") for src, _ in charts)
    assert all(alt.startswith("Chart: ") for _, alt in charts)
    # Every chart it links to answers, with no figure of 1 to 4 in it.
    for src, _ in charts:
        status, svg, _ = await admin.get(html.unescape(src))
        assert status == 200, src
        assert re.findall(r"<text[^>]*>[1-4]</text>", svg) == [], src


async def test_each_table_downloads_as_csv_in_the_readers_language(
    client: AppClient, clock: FixedClock
) -> None:
    await make_traffic(client, clock)
    supervisor = Browser(client)
    await supervisor.sign_in("beka")  # reads Georgian, her first language
    _, page, _ = await supervisor.get(PAGE)
    links = re.findall(r'<a href="(/staff/statistics/csv/[^"]+)" download>', page)
    assert len(links) == len(TABLES)
    csv_link = html.unescape(next(link for link in links if "/per-day.csv" in link))

    status, body, resp = await supervisor.get(csv_link)

    assert status == 200
    assert resp.headers["Content-Disposition"] == (
        'attachment; filename="hotline-per-day-2026-11-23-2026-11-25.csv"'
    )
    assert resp.headers["Cache-Control"] == "no-store"
    rows = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    words = [MessageId.STATS_DAY, MessageId.STATS_CALLS, MessageId.STATS_CHATS]
    assert rows == [
        [Catalog().format("ka", word, {}) for word in words],
        ["2026-11-23", "6", "<5"],
        ["2026-11-24", "<5", "0"],
        ["2026-11-25", "0", "0"],
    ]


async def test_a_period_that_cannot_be_shown_gives_the_form_again(client: AppClient) -> None:
    admin = Browser(client)
    await admin.sign_in("nino")
    for query in ("from=2026-11-25&to=2026-11-23", "from=2020-01-01&to=2026-11-23"):
        status, page, _ = await admin.get("/staff/statistics?" + query)
        assert status == 400, query
        assert "These dates cannot be shown" in page
        assert "<img" not in page
    for query in ("from=yesterday&to=2026-11-23", "from=2026-11-23"):
        status, page, _ = await admin.get("/staff/statistics?" + query)
        assert status == 400, query
        assert "Traceback" not in page
    status, _, _ = await admin.get("/staff/statistics/chart/nothing.svg")
    assert status == 404
    status, _, _ = await admin.get(
        "/staff/statistics/csv/per-day.csv?from=2026-11-25&to=2026-11-01"
    )
    assert status == 400


async def test_a_georgian_reader_gets_georgian_names_without_capitals(client: AppClient) -> None:
    supervisor = Browser(client)
    await supervisor.sign_in("beka")  # reads Georgian, her first language

    status, page, _ = await supervisor.get(PAGE)

    assert status == 200
    assert "სტატისტიკა" in page
    # Weekdays and language names as Georgian writes them: no Mtavruli capital first letter.
    assert '<th scope="row">ორშაბათი</th>' in table_rows_html(page, "per-hour")
    assert ">ქართული</option>" in page
    assert not re.search("[\u1c90-\u1cbf]", page)


def table_rows_html(page: str, name: str) -> str:
    found = re.search(rf'<table class="figures" data-table="{name}">(.*?)</table>', page, re.S)
    assert found, page
    return found.group(1)


async def test_a_page_and_all_its_charts_compute_the_report_once(
    client: AppClient, clock: FixedClock
) -> None:
    await make_traffic(client, clock)
    supervisor = Browser(client)
    await supervisor.sign_in("beka")
    reports = client.app[STATS_REPORTS]
    asked, computed = reports.asked, reports.computed

    status, page, _ = await supervisor.get(PAGE)
    assert status == 200
    charts = re.findall(r'<img class="chart" src="([^"]+)"', page)
    assert len(charts) == len(TABLES)
    answers = await asyncio.gather(*(supervisor.get(html.unescape(src)) for src in charts))
    assert [status for status, _, _ in answers] == [200] * len(TABLES)
    status, _, _ = await supervisor.get(CSV)  # a CSV of the same period, too
    assert status == 200

    # every answer asked for the period's report (the page, each chart, one CSV) ...
    assert reports.asked - asked == len(TABLES) + 2
    assert reports.computed - computed == 1  # ... and one computed it
    other = "/staff/statistics/chart/per-day.svg?from=2026-11-23&to=2026-11-24"
    assert (await supervisor.get(other))[0] == 200  # another period is another report
    assert reports.computed - computed == 2


async def test_the_services_directory_asks_by_kind_region_and_language(client: AppClient) -> None:
    from datetime import date

    from sqlalchemy import insert

    from hotline.app import ENGINE
    from hotline.storage.directory_tables import DirectoryAsk

    def ask(day: int, channel: str, language: str, region: str, kind_: str, how: str, n: int):
        return {
            "day": date(2026, 11, day),
            "channel": channel,
            "language": language,
            "region": region,
            "category": kind_,
            "kind": how,
            "count": n,
        }

    rows = [
        ask(23, "voice", "ka", "GE-TB", "housing", "list", 4),
        ask(24, "voice", "ka", "GE-TB", "housing", "list", 3),  # two days: 7 in all
        ask(24, "telegram", "ru", "GE-TB", "housing", "list", 5),
        ask(25, "voice", "ka", "GE-TB", "housing", "sms", 6),
        ask(25, "sms", "en", "GE-IM", "legal-aid", "list", 2),  # under five: "<5"
        ask(25, "telegram", "ru", "", "", "nearest", 8),
        ask(26, "voice", "ka", "GE-TB", "housing", "list", 50),  # the day after the period
    ]
    async with client.app[ENGINE].begin() as conn:
        await conn.execute(insert(DirectoryAsk), rows)

    reader = Browser(client)
    await reader.sign_in("nino")  # an admin, who reads in English
    _, page, _ = await reader.get(PAGE)
    kinds = table_rows(page, "services-kinds")
    assert kinds == {"Housing": ["7", "5", "6"], "Legal aid": ["0", "<5", "0"]}
    regions = table_rows(page, "services-regions")
    assert regions == {"Tbilisi": ["7", "5", "6"], "Imereti": ["0", "<5", "0"]}
    languages = table_rows(page, "services-languages")
    assert languages["Georgian"] == ["7", "0", "6", "0"]
    assert languages["Russian"] == ["0", "5", "0", "8"]
    assert languages["English"] == ["0", "<5", "0", "0"]
    assert "Lists heard on the phone" in page

    status, body, _ = await reader.get(
        "/staff/statistics/csv/services-regions.csv?" + MONDAY_TO_WEDNESDAY
    )
    assert status == 200
    found = list(csv.reader(io.StringIO(body.lstrip("\ufeff"))))
    assert found[0][0] == "Region"
    assert ["Tbilisi", "7", "5", "6"] in found
