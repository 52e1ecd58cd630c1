"""The dashboard in a real browser: Debian's Chromium driven by Playwright, against the whole
server on 127.0.0.1 (a temporary SQLite database), with a password set by the real CLI.

Screenshots of every page, at a phone's size and a desktop's, go to
test-artifacts/screenshots/ (ignored by git). Chromium comes from Debian's packages (`make
test` installs it where it is missing); Playwright downloads no browser of its own.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import timedelta
from pathlib import Path

import pytest
from playwright.async_api import Browser, BrowserContext, Page, async_playwright, expect

from hotline.app import HOTLINE
from hotline.config import load_settings
from hotline.stats.tables import TABLES
from hotline.web.dashboard import DASHBOARD
from hotline.web.dashboard.people import PEOPLE
from tests.conftest import AppClient, FixedClock, post_signed, settings_env, start_app
from tests.staffing import DAY, staff_the_hotline
from tests.test_dashboard_people import NINO as PARTICIPANT
from tests.test_escalation_voice import dial_ended
from tests.test_stats import make_traffic
from tests.test_voice_webhooks import call_params, end_call, press, start_call
from tests.twiml import Twiml

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("HOTLINE_CHROMIUM", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parent.parent / "test-artifacts" / "screenshots"
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
PASSWORD = "a long pass phrase for the browser"
STEP_MS = 15_000  # the most one browser step may take before the test fails (a bound, not a check)
Client = Callable[..., Awaitable[AppClient]]


def _chromium() -> str:
    """The Chromium to drive, or a skip saying how to get one."""
    found = CHROMIUM if os.access(CHROMIUM, os.X_OK) else shutil.which("chromium")
    if not found:
        pytest.skip(
            f"no Chromium at {CHROMIUM}: install Debian's (apt-get install -y chromium; "
            "`make test` does it) or set HOTLINE_CHROMIUM"
        )
    return found


async def _set_password(env: dict[str, str], cwd: Path, staff_id: str) -> None:
    """`hotline staff set-password ID` as an operator runs it, typing the password twice."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "hotline",
        "staff",
        "set-password",
        staff_id,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        cwd=cwd,
        env={**os.environ, **env},
    )
    out, err = await process.communicate(f"{PASSWORD}\n{PASSWORD}\n".encode())
    assert process.returncode == 0, err.decode()
    assert "can sign in" in out.decode()


@pytest.fixture
async def server(aiohttp_client: Client, tmp_path: Path, clock: FixedClock) -> AppClient:
    """The whole server on 127.0.0.1 with the test roster (Nino is the supervisor), Monday
    11:00 in Tbilisi, and Nino's and Ana's passwords set through the CLI."""
    database_url = f"sqlite:///{tmp_path / 'hotline.sqlite3'}"
    env = settings_env(tmp_path, database_url, HOTLINE_LANGUAGES="en,ru")
    settings = load_settings(env, env_file=None)
    await staff_the_hotline(settings)
    await asyncio.gather(*(_set_password(env, tmp_path, who) for who in ("nino", "ana")))
    clock.now = DAY
    return await start_app(aiohttp_client, settings, clock)


@pytest.fixture
async def chromium() -> AsyncIterator[Browser]:
    executable = _chromium()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=executable)
        try:
            yield browser
        finally:
            await browser.close()


async def _context(browser: Browser, server: AppClient, size: str) -> BrowserContext:
    context = await browser.new_context(
        base_url=str(server.make_url("")).rstrip("/"),
        viewport=SIZES[size],  # type: ignore[arg-type]
        locale="en-GB",
        accept_downloads=True,
    )
    context.set_default_timeout(STEP_MS)
    expect.set_options(timeout=STEP_MS)
    return context


async def _shot(page: Page, name: str, size: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    await page.screenshot(path=SCREENSHOTS / f"{name}-{size}.png", full_page=True)


async def _sign_in(page: Page, size: str, staff_id: str = "nino") -> None:
    await page.goto("/staff/")
    await expect(page).to_have_url("/staff/sign-in?next=/staff/")
    await _shot(page, "sign-in", size)
    await page.get_by_label("Staff ID").fill(staff_id)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Sign in").click()
    await expect(page.get_by_role("heading", level=1)).to_be_visible()


async def _load_charts(page: Page) -> int:
    """Scroll every chart into view (they load lazily) and wait until each has loaded."""
    charts = page.locator("img.chart")
    count = await charts.count()
    for i in range(min(count, 20)):
        chart = charts.nth(i)
        await chart.scroll_into_view_if_needed()
        await expect(chart).to_have_js_property("complete", True)
    return count


async def _table(page: Page, name: str) -> dict[str, list[str]]:
    """A statistics table as it reads on the screen: each row's name and its cells."""
    rows: dict[str, list[str]] = {}
    table = page.locator(f'table[data-table="{name}"] tbody tr')
    for i in range(min(await table.count(), 50)):
        row = table.nth(i)
        rows[(await row.locator("th").inner_text()).strip()] = [
            text.strip() for text in await row.locator("td").all_inner_texts()
        ]
    return rows


async def test_a_supervisor_signs_in_sees_now_and_reads_the_statistics(
    server: AppClient, chromium: Browser, clock: FixedClock
) -> None:
    desktop = await _context(chromium, server, "desktop")
    page = await desktop.new_page()
    await _sign_in(page, "desktop")

    # Now, in Nino's first language (Georgian): who is on duty on Monday at 11:00.
    await expect(page).to_have_url("/staff/now")
    now = page.locator("main")
    for name in ("Ana Lomidze", "Beka Kapanadze", "Nino Beridze"):
        await expect(now).to_contain_text(name)
    await _shot(page, "now-ka", "desktop")
    # She reads it in English from now on (the picker in the header).
    await page.locator("#language").select_option("en")
    await page.locator("#language").locator("xpath=..").get_by_role("button").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Now")
    await page.evaluate("window.hotlineNotReloaded = true")

    # A caller asks for a specialist: Twilio's signed webhooks reach the server, which rings Ana.
    sid = "CA" + "e" * 32
    dial = await press(server, sid, await start_call(server, sid, "?lang=ru"), "3")
    assert isinstance(dial, Twiml)
    assert dial.root.find("Dial") is not None, dial.body
    # The ringing call appears in Now's queue without a reload (the page looks every 10 s),
    # and the title counts it. (Taking work on the web, and a second browser seeing it
    # taken, is the next session's step: a live call is taken by answering the phone.)
    await expect(page).to_have_title(re.compile(r"^\(1\) "), timeout=20_000)
    await expect(page.locator("main")).to_contain_text("Nobody yet")
    assert await page.evaluate("window.hotlineNotReloaded === true")
    await end_call(server, sid, duration="40")
    await _shot(page, "now", "desktop")

    # Traffic: Monday 6 calls and 3 chats at 11:00, Tuesday 2 calls at 22:30; then back to
    # Monday noon, before Nino's session would have expired of idleness.
    await make_traffic(server, clock)
    clock.now = DAY + timedelta(hours=1)

    # Statistics, from the menu, for Monday to Wednesday through the date picker.
    await page.get_by_role("link", name="Statistics").click()
    await expect(page.get_by_role("heading", level=1)).to_have_text("Statistics")
    await page.get_by_label("From", exact=True).fill("2026-11-23")
    await page.get_by_label("To", exact=True).fill("2026-11-25")
    await page.get_by_role("button", name="Show").click()
    await expect(page).to_have_url("/staff/statistics?from=2026-11-23&to=2026-11-25")
    assert await _table(page, "per-day") == {
        "Nov 23, 2026": ["7", "<5"],  # the caller who asked for a specialist, and six more
        "Nov 24, 2026": ["<5", "0"],
        "Nov 25, 2026": ["0", "0"],
    }
    assert await _table(page, "channels") == {"Phone": ["9"], "SMS": ["<5"], "Telegram": ["0"]}
    # Every chart is drawn: an SVG image of our own, loaded under the page's strict CSP.
    assert await _load_charts(page) == len(TABLES)
    charts = page.locator("img.chart")
    for i in range(len(TABLES)):
        chart = charts.nth(i)
        assert await chart.evaluate("img => img.naturalWidth") > 0, i
        assert (await chart.get_attribute("alt") or "").startswith("Chart: ")
    # And a table downloads as CSV.
    async with page.expect_download() as download_info:
        await page.get_by_role("link", name="Download as CSV: Calls and chats per day").click()
    download = await download_info.value
    assert download.suggested_filename == "hotline-per-day-2026-11-23-2026-11-25.csv"
    saved = await download.path()
    assert saved is not None
    assert saved.read_text("utf-8-sig").splitlines()[2] == "2026-11-24,<5,0"
    await _shot(page, "statistics", "desktop")
    await desktop.close()

    # The same pages on a phone, in another session of Nino's.
    phone = await _context(chromium, server, "phone")
    page = await phone.new_page()
    await _sign_in(page, "phone")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Now")
    await _shot(page, "now", "phone")
    await page.goto("/staff/statistics?from=2026-11-23&to=2026-11-25")
    await expect(page.locator('table[data-table="per-day"]')).to_contain_text("<5")
    assert await _load_charts(page) == len(TABLES)
    width = await page.evaluate("document.documentElement.scrollWidth")
    assert width <= SIZES["phone"]["width"], "the page scrolls sideways on a phone"
    await _shot(page, "statistics", "phone")
    await phone.close()


async def _voicemail(server: AppClient, clock: FixedClock) -> None:
    """A caller asks for a specialist; Ana, Beka and Nino each let it ring out; the caller
    leaves a message (Twilio's signed webhooks, as in test_escalation_voice). Nobody could
    call them back here (no Twilio REST API), so a message is what they are offered."""
    sid = "CA" + "f" * 32
    dial = await press(server, sid, await start_call(server, sid, "?lang=ru"), "3")
    for status in ("no-answer", "no-answer", "busy"):
        clock.advance(seconds=20)
        dial = await dial_ended(server, sid, dial, status)
    assert dial.verbs[-2:] == ["Gather", "Redirect"], dial.body  # a message, or the menu
    prompt = await press(server, sid, dial, "1")
    recording = call_params(
        sid, RecordingUrl="https://api.twilio.com/x/Recordings/RE2", RecordingDuration="40"
    )
    status, _ = await post_signed(server, prompt.action("Record"), recording)
    assert status == 200
    await end_call(server, sid, duration="95")


async def test_work_taken_on_the_web_shows_taken_elsewhere_and_the_roster_and_caseload_read(
    server: AppClient, chromium: Browser, clock: FixedClock
) -> None:
    accounts = server.app[DASHBOARD].accounts
    for staff_id in ("nino", "ana"):
        await accounts.set_language(staff_id, "en")
    await server.app[PEOPLE].participants.add(PARTICIPANT)
    await server.app[HOTLINE].dispatcher.tick()  # her first program task, for Ana
    nino_context = await _context(chromium, server, "desktop")
    nino = await nino_context.new_page()
    await _sign_in(nino, "desktop")
    ana_context = await _context(chromium, server, "phone")
    ana = await ana_context.new_page()
    await _sign_in(ana, "phone", "ana")
    for page in (nino, ana):
        await expect(page.get_by_role("heading", level=1)).to_have_text("Now")
        # English and Russian, the languages this hotline offers, are both spoken on duty.
        await expect(page.locator("main")).not_to_contain_text("Languages nobody on duty")

    # Nobody answers a caller, who leaves a message: both pages list it, unreloaded.
    await _voicemail(server, clock)
    # (With Ana's program task, two items wait.)
    for page in (nino, ana):
        await expect(page).to_have_title(re.compile(r"^\(2\) "), timeout=20_000)
    item = ana.locator("li.item").filter(has_text="Voicemail")
    await item.locator("summary").click()  # what happened, and why nobody was reached
    story = item.locator("details")
    await expect(story).to_contain_text("Rang Ana Lomidze (up to 20 s).")
    await expect(story).to_contain_text("Rang Nino Beridze")
    await expect(story).to_contain_text("Nobody answered.")
    await _shot(ana, "now-item", "phone")

    # Ana takes it on her phone; Nino's page shows it taken by her, still unreloaded.
    await nino.evaluate("window.hotlineNotReloaded = true")
    await item.get_by_role("button", name="Take").click()
    await expect(ana.locator("main")).to_contain_text("It is yours now.")
    taken = nino.locator("li.item").filter(has_text="Voicemail")
    await expect(taken).to_contain_text("Taken by Ana Lomidze", timeout=20_000)
    await expect(taken.get_by_role("button", name="Take")).to_have_count(0)
    assert await nino.evaluate("window.hotlineNotReloaded === true")
    await _shot(nino, "now-taken", "desktop")
    await item.get_by_role("button", name="Done").click()
    await expect(ana.locator("main")).to_contain_text("Done: it is closed.")
    await expect(nino.locator("li.item").filter(has_text="Voicemail")).to_have_count(
        0, timeout=20_000
    )
    await expect(nino).to_have_title(re.compile(r"^\(1\) "))

    # Nino moves Ana's Friday shift to end at 15:00, on the roster's week.
    await nino.get_by_role("link", name="Roster").click()
    await expect(nino.get_by_role("heading", level=1)).to_have_text("Roster")
    await _shot(nino, "roster", "desktop")
    shift = nino.locator("details.roster-entry").filter(has_text="Ana Lomidze").first
    await shift.locator("summary").click()
    await shift.get_by_label("Fri", exact=True).uncheck()
    await shift.get_by_label("To", exact=True).fill("15:00")
    await shift.get_by_role("button", name="Save changes").click()
    await expect(nino.get_by_role("status")).to_have_text("The roster has been saved.")
    week = nino.locator("table.roster-week")
    ana_row = week.locator("tbody tr").filter(has_text="Ana Lomidze")
    cells = [c.strip() for c in await ana_row.locator("td").all_inner_texts()]
    assert cells == ["09:00–15:00"] * 4 + [""] * 3  # Monday to Thursday; not Friday
    await _shot(nino, "roster-edited", "desktop")

    # Ana's caseload on her phone: her participant's two years as a timeline.
    await ana.goto("/staff/participants")
    await expect(ana.get_by_role("heading", level=1)).to_contain_text("Participants")
    await expect(ana.locator("main table")).to_contain_text("Ana Lomidze")  # a name, not an id
    await _shot(ana, "participants", "phone")
    await ana.get_by_role("link", name=PARTICIPANT["case"]).click()
    await expect(ana.get_by_role("heading", level=1)).to_contain_text(PARTICIPANT["case"])
    timeline = ana.locator("table.timeline tbody tr")
    assert await timeline.count() >= 3  # before release, the day after, the check-ins
    # Three months ahead was due already (she was enrolled late): due now, and skipped,
    # as this server sends no SMS; what comes later is planned.
    await expect(timeline.first).to_contain_text("Skipped")
    await expect(timeline.filter(has_text="Planned").first).to_be_visible()
    assert PARTICIPANT["phone"] not in await ana.content()  # behind "show"
    await _shot(ana, "person", "phone")
    await ana.goto("/staff/calendar")
    await _shot(ana, "calendar", "phone")
    width = await ana.evaluate("document.documentElement.scrollWidth")
    assert width <= SIZES["phone"]["width"], "the page scrolls sideways on a phone"

    # The services directory (the shipped sample), to read on a phone.
    await ana.get_by_role("link", name="Services").click()
    services = ana.locator("main table tbody tr")
    await expect(services.first).to_be_visible()
    await _shot(ana, "services", "phone")
    await services.first.get_by_role("link").first.click()
    await expect(ana.get_by_role("heading", level=1)).to_be_visible()
    await _shot(ana, "service", "phone")

    # The same pages at a desktop's size, and the roster at a phone's.
    await nino.goto(f"/staff/participants/{PARTICIPANT['case']}")
    await _shot(nino, "person", "desktop")
    await nino.goto("/staff/participants")
    await _shot(nino, "participants", "desktop")
    await nino.goto("/staff/calendar")
    await _shot(nino, "calendar", "desktop")
    await nino.goto("/staff/services")
    await _shot(nino, "services", "desktop")
    await ana_context.close()
    phone = await _context(chromium, server, "phone")
    page = await phone.new_page()
    await _sign_in(page, "phone")
    await page.goto("/staff/roster")
    await expect(page.get_by_role("heading", level=1)).to_have_text("Roster")
    await _shot(page, "roster", "phone")
    await phone.close()
    await nino_context.close()
