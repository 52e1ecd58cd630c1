"""The roster page: the week, the gaps, changes through the roster's own rules, the audit log;
and the personal iCalendar feed (parsed by the icalendar package), revocable."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, date, datetime, time
from pathlib import Path

import icalendar
import pytest
from sqlalchemy import select

from hotline.app import ENGINE, STAFF
from hotline.escalation.roster import Roster, Weekday, WeeklyShift
from hotline.escalation.roster_desk import StaleRoster
from hotline.storage.dashboard_tables import AuditLogEntry
from hotline.web.dashboard import DASHBOARD
from tests.conftest import PUBLIC_URL, AppClient, FixedClock
from tests.dashboard import PEOPLE, Browser, dashboard_app

Client = Callable[..., Awaitable[AppClient]]
WEEKDAYS = frozenset({Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI})
ROSTER_IN_ZAGREB = Roster(
    timezone="Europe/Zagreb",
    staff=PEOPLE,
    weekly=(WeeklyShift("ana", WEEKDAYS, time(9), time(17)),),
)


@pytest.fixture
async def client(
    aiohttp_client: Client, tmp_path: Path, database_url: str, clock: FixedClock
) -> AppClient:
    # Wednesday 25 March 2026, 10:00 in Zagreb; summer time starts on Sunday 29 March.
    clock.now = datetime(2026, 3, 25, 9, 0, tzinfo=UTC)
    app = await dashboard_app(
        aiohttp_client, tmp_path, database_url, clock, HOTLINE_LANGUAGES="hr,ka,en"
    )
    await app.app[STAFF].import_roster(ROSTER_IN_ZAGREB, now=clock())
    await app.app[DASHBOARD].accounts.set_language("beka", "en")  # the texts asserted
    return app


async def signed_in(client: AppClient, name: str) -> Browser:
    browser = Browser(client)
    assert await browser.sign_in(name) == 303
    return browser


async def audit_actions(client: AppClient) -> list[str]:
    async with client.app[ENGINE].connect() as conn:
        rows = await conn.execute(select(AuditLogEntry.action).order_by(AuditLogEntry.id))
        return list(rows.scalars().all())


async def stored(client: AppClient) -> Roster:
    roster = await client.app[STAFF].roster()
    assert roster is not None
    return roster


async def test_a_supervisor_sees_the_week_with_the_gaps(client: AppClient) -> None:
    beka = await signed_in(client, "beka")
    status, body, resp = await beka.get("/staff/roster")
    assert status == 200, body
    assert resp.headers["Cache-Control"] == "no-store"
    assert "<caption>Week from Mon 23 Mar to Sun 29 Mar</caption>" in body
    assert '<th scope="row">Ana Kovač' in body
    assert "09:00–17:00" in body
    # 10:00 on Monday: Ana (hr, en) is on, nobody who speaks ka; at 20:00 nobody at all.
    rows = re.findall(r"<tr>\s*<th scope=\"row\">(\d\d:00)</th>(.*?)</tr>", body, re.S)
    hours = dict(rows)
    monday_at_ten = re.findall(r"<td class=\"([^\"]+)\">(.*?)</td>", hours["10:00"])[0]
    assert monday_at_ten[0] == "roster-gap"
    assert monday_at_ten[1].endswith("</span>ka")
    monday_at_eight_pm = re.findall(r"<td class=\"([^\"]+)\">(.*?)</td>", hours["20:00"])[0]
    assert monday_at_eight_pm[1].endswith("</span>hr, ka, en")
    # Sunday 02:00 does not exist in Zagreb that week.
    assert "clocks skip this hour" in hours["02:00"]
    assert 'href="/staff/roster?week=2026-03-16"' in body
    assert 'href="/staff/roster?week=2026-03-30"' in body
    assert "<script" not in body
    assert "style=" not in body


async def test_a_specialist_may_not_open_the_roster(client: AppClient) -> None:
    ana = await signed_in(client, "ana")
    status, _, _ = await ana.get("/staff/roster")
    assert status == 403
    status, _, _ = await ana.post(
        "/staff/roster/holiday", {"csrf": await ana.csrf(), "day": "2026-12-25"}
    )
    assert status == 403
    assert (await stored(client)).holidays == frozenset()


async def test_a_shift_the_roster_refuses_shows_its_problem_and_changes_nothing(
    client: AppClient,
) -> None:
    beka = await signed_in(client, "beka")
    csrf = await beka.csrf()
    before = await stored(client)
    status, body, _ = await beka.post(
        "/staff/roster/once",
        {"csrf": csrf, "staff": "ana", "from": "2026-03-28T20:00", "to": "2026-03-28T08:00"},
    )
    assert status == 400
    assert "The roster was not changed:" in body
    assert "is not after &#39;from&#39;" in body
    assert 'value="2026-03-28T20:00"' in body  # what was typed is kept

    status, body, _ = await beka.post(
        "/staff/roster/weekly",
        {"csrf": csrf, "staff": "zaza", "days": "sat", "from": "08:00", "to": "20:00"},
    )
    assert status == 400
    assert "unknown staff id &#39;zaza&#39;" in body

    status, body, _ = await beka.post(
        "/staff/roster/weekly",
        {"csrf": csrf, "staff": "ana", "days": "mon", "from": "25:00", "to": "20:00"},
    )
    assert status == 400
    assert "is not a time HH:MM" in body
    assert await stored(client) == before
    assert await audit_actions(client) == []


async def test_a_valid_change_appears_and_is_audited(client: AppClient) -> None:
    beka = await signed_in(client, "beka")
    csrf = await beka.csrf()
    status, _, resp = await beka.post(
        "/staff/roster/weekly",
        {
            "csrf": csrf,
            "staff": "beka",
            "days": "sat",
            "from": "22:00",
            "to": "06:00",
            "week": "2026-03-23",
        },
    )
    assert status == 303
    assert resp.headers["Location"] == "/staff/roster?saved=1&week=2026-03-23"
    _, body, _ = await beka.get(resp.headers["Location"])
    assert "The roster has been saved." in body
    assert "22:00–06:00 (until Sun 29 Mar)" in body

    # Change Ana's weekday shift, then add and remove a holiday.
    status, _, _ = await beka.post(
        "/staff/roster/weekly",
        {
            "csrf": csrf,
            "old": "ana|mon,tue,wed,thu,fri|09:00|17:00",
            "staff": "ana",
            "days": "mon",
            "from": "08:00",
            "to": "12:00",
        },
    )
    assert status == 303
    for data in ({"day": "2026-03-27"}, {"old": "2026-03-27", "action": "remove"}):
        status, _, _ = await beka.post("/staff/roster/holiday", {"csrf": csrf, **data})
        assert status == 303
    roster = await stored(client)
    assert {(s.staff_id, s.start.hour, s.end.hour) for s in roster.weekly} == {
        ("ana", 8, 12),
        ("beka", 22, 6),
    }
    assert roster.holidays == frozenset()
    assert await audit_actions(client) == [
        "roster:add-weekly",
        "roster:change-weekly",
        "roster:add-holiday",
        "roster:remove-holiday",
    ]


async def test_supervisors_saving_at_once_both_keep_their_change(client: AppClient) -> None:
    beka = await signed_in(client, "beka")
    csrf = await beka.csrf()

    async def add(day: str) -> int:
        form = {"csrf": csrf, "staff": "beka", "days": day, "from": "10:00", "to": "14:00"}
        status, _, _ = await beka.post("/staff/roster/weekly", form)
        return status

    # Each save reads the roster, then writes it whole: without a check that the roster is
    # still the one read, all but one of these would be lost.
    days = ("mon", "tue", "wed", "thu", "fri")
    assert await asyncio.gather(*(add(day) for day in days)) == [303] * 5
    roster = await stored(client)
    added = {d for s in roster.weekly if s.staff_id == "beka" for d in s.days}
    assert added == set(WEEKDAYS)
    assert len([a for a in await audit_actions(client) if a == "roster:add-weekly"]) == 5


async def test_a_roster_saved_meanwhile_is_not_overwritten(client: AppClient) -> None:
    directory = client.app[STAFF]
    read = await stored(client)
    theirs = replace(read, holidays=frozenset({date(2026, 4, 6)}))
    await directory.import_roster(theirs, now=datetime.now(UTC), expected=read)
    mine = replace(read, weekly=())
    with pytest.raises(StaleRoster):
        await directory.import_roster(mine, now=datetime.now(UTC), expected=read)
    assert await stored(client) == theirs


async def test_a_form_without_the_token_is_refused(client: AppClient) -> None:
    beka = await signed_in(client, "beka")
    status, _, _ = await beka.post("/staff/roster/holiday", {"day": "2026-12-25"})
    assert status == 403
    assert (await stored(client)).holidays == frozenset()


async def feed_link(browser: Browser) -> str:
    status, body, _ = await browser.post("/staff/calendar/new", {"csrf": await browser.csrf()})
    assert status == 200, body
    found = re.search(re.escape(PUBLIC_URL) + r"(/staff/calendar/[A-Za-z0-9_-]+\.ics)", body)
    assert found, body
    return found.group(1)


async def test_the_feed_has_the_right_times_across_the_change_to_summer_time(
    client: AppClient,
) -> None:
    ana = await signed_in(client, "ana")
    link = await feed_link(ana)
    status, text, resp = await Browser(client).get(link)  # no session: the link is the key
    assert status == 200
    assert resp.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert resp.headers["Cache-Control"] == "no-store"
    raw = await resp.read()
    assert b"\r\n" in raw
    assert b"\n" not in raw.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(raw)
    events = sorted(calendar.walk("VEVENT"), key=lambda e: e.decoded("DTSTART"))
    starts = [e.decoded("DTSTART").astimezone(UTC) for e in events]
    # Today's shift is running (from 09:00 winter time, UTC+1, which is 08:00 UTC); from
    # Monday 30 March (summer time, UTC+2) 09:00 is 07:00 UTC.
    assert starts[:4] == [
        datetime(2026, 3, 25, 8, 0, tzinfo=UTC),
        datetime(2026, 3, 26, 8, 0, tzinfo=UTC),
        datetime(2026, 3, 27, 8, 0, tzinfo=UTC),
        datetime(2026, 3, 30, 7, 0, tzinfo=UTC),
    ]
    assert events[0].decoded("DTEND").astimezone(UTC) == datetime(2026, 3, 25, 16, tzinfo=UTC)
    # Wed-Fri this week, seven full weeks, then Mon-Wed of the eighth (up to Wed 11:00).
    assert len(events) == 3 + 7 * 5 + 3
    assert starts[-1] == datetime(2026, 5, 20, 7, 0, tzinfo=UTC)
    assert len({str(e["UID"]) for e in events}) == len(events)
    assert str(events[0]["SUMMARY"]) == "Dežurstvo na liniji"  # in Ana's language, hr
    assert str(calendar["X-WR-CALNAME"]) == "Smjene na liniji: Ana Kovač"
    # The same feed read again has the same UIDs.
    _, again, _ = await Browser(client).get(link)
    assert re.findall(r"UID:.*", again) == re.findall(r"UID:.*", text)


async def test_a_feed_in_tbilisi_keeps_its_wall_clock_times(
    client: AppClient, clock: FixedClock
) -> None:
    tbilisi = Roster(timezone="Asia/Tbilisi", staff=PEOPLE, weekly=ROSTER_IN_ZAGREB.weekly)
    await client.app[STAFF].import_roster(tbilisi, now=clock())
    ana = await signed_in(client, "ana")
    _, text, _ = await Browser(client).get(await feed_link(ana))
    calendar = icalendar.Calendar.from_ical(text)
    starts = {e.decoded("DTSTART").astimezone(UTC).hour for e in calendar.walk("VEVENT")}
    assert starts == {5}  # 09:00 in Tbilisi (UTC+4, no summer time) all year


async def test_a_revoked_or_renewed_link_gives_404(client: AppClient) -> None:
    ana = await signed_in(client, "ana")
    first = await feed_link(ana)
    second = await feed_link(ana)
    assert (await Browser(client).get(first))[0] == 404
    assert (await Browser(client).get(second))[0] == 200
    status, body, _ = await ana.post("/staff/calendar/revoke", {"csrf": await ana.csrf()})
    assert status == 200
    assert "više ne radi" in body  # Ana reads Croatian
    assert (await Browser(client).get(second))[0] == 404
    assert (await Browser(client).get("/staff/calendar/" + "x" * 43 + ".ics"))[0] == 404
    assert await audit_actions(client) == ["calendar:new", "calendar:new", "calendar:revoke"]
