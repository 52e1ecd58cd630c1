"""`hotline check`: a deployment ready to take calls checks out; each thing that would stop
calls or chats (or is worth fixing) is one line naming the fix, and a problem exits 1.

The network side runs against the real thing where it is ours (a hotline server on loopback)
and the fakes where it is not (Twilio's REST API, Telegram's Bot API, a proxy in front)."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from aiohttp import web
from aiohttp.test_utils import TestClient, TestServer
from sqlalchemy.engine import make_url

from hotline.cli import main
from hotline.cli.check import line
from hotline.config import load_settings
from hotline.deployment import judge, probes
from hotline.deployment.coverage import gaps
from hotline.deployment.model import WebhookState
from hotline.escalation.roster_file import load_roster
from tests.conftest import PUBLIC_URL, FixedClock, make_settings, start_app
from tests.fakes import fixtures
from tests.fakes.telegram_api import FakeTelegram
from tests.fakes.twilio_api import DEFAULT_ACCOUNT_SID, DEFAULT_AUTH_TOKEN, FakeTwilio
from tests.staffing import DAY, ROSTER, staff_the_hotline
from tests.test_call_cli import hotline
from tests.test_operator_errors import free_port

fake_twilio = fixtures.fake_twilio
fake_telegram = fixtures.fake_telegram

NUMBER = "+995322000000"
AppClient = TestClient[web.Request, web.Application]
ROUND_THE_CLOCK = """\
timezone: Asia/Tbilisi
staff: [{id: ana, name: Ana Lomidze, role: specialist, languages: [ru, en]}]
weekly:
  - staff: ana
    days: [mon, tue, wed, thu, fri, sat, sun]
    from: "08:00"
    to: "08:00"
"""


def lines(findings: list[Any]) -> list[str]:
    return [line(f) for f in findings]


def webhooks(url: str, **changes: str | None) -> dict[str, str | None]:
    """A number's webhooks as the README's *Connecting a real Twilio number* sets them."""
    return {
        "voice_url": f"{url}/twilio/voice",
        "status_callback": f"{url}/twilio/voice/status",
        "voice_fallback_url": "https://handler.twilio.com/twiml/EH0123456789abcdef0123456789abcdef",
        "sms_url": f"{url}/twilio/sms",
        **changes,
    }


# -- the settings --------------------------------------------------------------------------


def test_production_over_plain_http_is_a_problem_and_open_ports_a_warning(tmp_path: Path) -> None:
    settings = make_settings(
        tmp_path,
        HOTLINE_PUBLIC_URL="http://hotline.example.org",
        HOTLINE_HOST="0.0.0.0",  # noqa: S104 (the very setting the check warns of)
    )
    said = lines(judge.configuration(settings))
    assert said[0] == "ok    configuration  production mode, SQLite"
    assert said[1].startswith("warn  configuration  SQLite in production: one server process")
    assert said[2].startswith(
        "FAIL  configuration  HOTLINE_PUBLIC_URL http://hotline.example.org is not https: "
    )
    assert said[3] == (
        "warn  configuration  HOTLINE_HOST=0.0.0.0 serves plain HTTP beyond this machine: "
        "with the proxy here, set HOTLINE_HOST=127.0.0.1"
    )


def test_behind_a_proxy_on_this_machine_the_lockout_wants_forwarded_for(tmp_path: Path) -> None:
    wants = "HOTLINE_FORWARDED_FOR=yes"
    assert any(wants in text for text in lines(judge.configuration(make_settings(tmp_path))))
    configured = make_settings(
        tmp_path,
        HOTLINE_FORWARDED_FOR="yes",
        HOTLINE_FALLBACK_NUMBER="+995322000001",
        HOTLINE_TWILIO_ACCOUNT_SID=DEFAULT_ACCOUNT_SID,
        HOTLINE_PHONE_NUMBER=NUMBER,
        HOTLINE_DATABASE_URL="postgresql://hotline@127.0.0.1/hotline",
    )
    assert lines(judge.configuration(configured)) == [
        "ok    configuration  production mode, PostgreSQL"
    ]


# -- the roster ----------------------------------------------------------------------------


def test_the_weeks_gaps_languages_nobody_speaks_and_staff_nobody_can_reach() -> None:
    roster = load_roster(ROSTER)  # weekdays 09:00-21:00 in Tbilisi; DAY is Monday 11:00 there
    said = lines(
        judge.roster(roster, reachable={"ana", "beka"}, languages=["ka", "ru", "hr"], now=DAY)
    )
    # Covered: Monday 11-21, Tuesday to Friday 09-21, next Monday 09-11 = 60 of 168 hours.
    assert said == [
        "warn  roster         nobody on duty for 108 h of the next 7 days, first Mon 23 Nov "
        "21:00 to Tue 24 Nov 09:00 (Asia/Tbilisi): callers then hear the after-hours message",
        "warn  roster         nobody on the roster speaks hr: those callers are put through to "
        "whoever is on duty",
        "warn  roster         no phone or Telegram for nino: they are never rung or alerted "
        "(`hotline staff set ID --phone ...`)",
    ]
    first, last = gaps(roster, DAY, timedelta(days=7))[0], gaps(roster, DAY, timedelta(days=7))[-1]
    assert first == (datetime(2026, 11, 23, 17, tzinfo=UTC), datetime(2026, 11, 24, 5, tzinfo=UTC))
    assert last == (datetime(2026, 11, 27, 17, tzinfo=UTC), datetime(2026, 11, 30, 5, tzinfo=UTC))


def test_a_roster_round_the_clock_and_no_roster_at_all() -> None:
    covered = load_roster(ROUND_THE_CLOCK)
    assert lines(judge.roster(covered, reachable={"ana"}, languages=["ru"], now=DAY)) == [
        "ok    roster         someone is on duty at every hour of the next 7 days"
    ]
    assert lines(judge.roster(None, reachable=(), languages=["ru"], now=DAY)) == [
        "warn  roster         no roster: a caller who asks for a person is never put through; "
        "add staff (`hotline staff add`) and their shifts (`hotline roster import FILE`)"
    ]


# -- the public URL, through what answers there ---------------------------------------------


async def test_the_public_url_reaches_a_running_hotline(
    aiohttp_client: Callable[..., Awaitable[AppClient]], tmp_path: Path, clock: FixedClock
) -> None:
    client = await start_app(aiohttp_client, make_settings(tmp_path), clock)
    url = str(client.make_url("")).rstrip("/")
    assert line(judge.public_url(url, await probes.health(url))) == (
        f"ok    public URL     {url}/healthz answers: hotline is reachable there"
    )


async def test_a_proxy_with_nothing_behind_it_and_another_site_are_told_apart() -> None:
    async def bad_gateway(request: web.Request) -> web.Response:
        return web.Response(status=502, text="<html>502 Bad Gateway</html>")

    proxy = web.Application()
    proxy.router.add_get("/healthz", bad_gateway)
    async with TestServer(proxy) as gateway, TestServer(web.Application()) as other_site:
        for server, expected in (
            (gateway, "the proxy answers 502: hotline is not running behind it"),
            (other_site, "something other than hotline answers (404): point the proxy at"),
        ):
            url = str(server.make_url("")).rstrip("/")
            found = judge.public_url(url, await probes.health(url))
            assert line(found).startswith(f"FAIL  public URL     {url}/healthz: {expected}")


async def test_nothing_listening_at_the_public_url_is_one_line() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    assert line(judge.public_url(url, await probes.health(url))) == (
        f"FAIL  public URL     {url}/healthz: cannot connect (Connection refused); is the proxy "
        "running, and port 443 open to the internet?"
    )


# -- the Twilio number ---------------------------------------------------------------------


def twilio_settings(tmp_path: Path, fake: FakeTwilio, token: str = DEFAULT_AUTH_TOKEN) -> Any:
    return make_settings(
        tmp_path,
        HOTLINE_TWILIO_ACCOUNT_SID=fake.account_sid,
        HOTLINE_TWILIO_AUTH_TOKEN=token,
        HOTLINE_TWILIO_API_URL=fake.base_url,
        HOTLINE_PHONE_NUMBER=NUMBER,
    )


async def test_a_number_set_up_as_the_readme_says_checks_out(
    fake_twilio: FakeTwilio, tmp_path: Path
) -> None:
    fake_twilio.add_number(
        NUMBER, **webhooks(PUBLIC_URL, voice_url=f"{PUBLIC_URL}/twilio/voice?lang=ka")
    )
    number = await probes.twilio_number(twilio_settings(tmp_path, fake_twilio))
    assert lines(judge.twilio_number(PUBLIC_URL, number)) == [
        f"ok    Twilio number  {NUMBER}: calls come to {PUBLIC_URL}/twilio/voice?lang=ka"
    ]


async def test_a_number_left_at_the_consoles_defaults_says_what_to_set(
    fake_twilio: FakeTwilio, tmp_path: Path
) -> None:
    fake_twilio.add_number(NUMBER, voice_url="https://demo.twilio.com/welcome/voice/")
    number = await probes.twilio_number(twilio_settings(tmp_path, fake_twilio))
    assert lines(judge.twilio_number(PUBLIC_URL, number)) == [
        f"FAIL  Twilio number  {NUMBER}, A call comes in: POST https://demo.twilio.com/welcome/"
        f"voice/; set it to Webhook, {PUBLIC_URL}/twilio/voice, HTTP POST",
        f"warn  Twilio number  {NUMBER}, Call status changes: (empty); set it to {PUBLIC_URL}/"
        "twilio/voice/status, else the call log closes a call only after 2 hours",
        f"warn  Twilio number  {NUMBER}, Primary handler fails: empty; set a TwiML Bin that "
        "dials the fallback number (it works while this server is down)",
        f"warn  Twilio number  {NUMBER}, A message comes in: (empty); set it to {PUBLIC_URL}/"
        "twilio/sms, HTTP POST, for chat by SMS",
    ]


async def test_a_wrong_token_and_a_number_of_another_account_are_one_line_each(
    fake_twilio: FakeTwilio, tmp_path: Path
) -> None:
    wrong = await probes.twilio_number(twilio_settings(tmp_path, fake_twilio, "another-token"))
    assert lines(judge.twilio_number(PUBLIC_URL, wrong)) == [
        "FAIL  Twilio number  Twilio refused HOTLINE_TWILIO_ACCOUNT_SID with "
        "HOTLINE_TWILIO_AUTH_TOKEN: copy both from the Twilio console (Account > API keys & "
        "tokens)"
    ]
    fake_twilio.add_number("+995322999999", **webhooks(PUBLIC_URL))
    missing = await probes.twilio_number(twilio_settings(tmp_path, fake_twilio))
    assert lines(judge.twilio_number(PUBLIC_URL, missing)) == [
        f"FAIL  Twilio number  the account has no number {NUMBER}: fix HOTLINE_PHONE_NUMBER, "
        "or buy the number on this account"
    ]


# -- the Telegram webhook ------------------------------------------------------------------


def telegram_settings(tmp_path: Path, fake: FakeTelegram, token: str | None = None) -> Any:
    return make_settings(
        tmp_path,
        HOTLINE_TELEGRAM_TOKEN=token or fake.token,
        HOTLINE_TELEGRAM_WEBHOOK_SECRET="s3cret",
        HOTLINE_TELEGRAM_API_URL=fake.base_url.removesuffix("/bot"),
    )


async def test_the_telegram_webhook_before_and_after_set_webhook(
    fake_telegram: FakeTelegram, tmp_path: Path
) -> None:
    settings = telegram_settings(tmp_path, fake_telegram)
    now = datetime.now(UTC)
    before = await probes.telegram_webhook(settings)
    assert lines(
        judge.telegram(PUBLIC_URL, before, allowed=("message", "callback_query"), now=now)
    ) == [
        f"FAIL  Telegram       updates go to (no webhook), not {PUBLIC_URL}/telegram: run "
        "`hotline telegram set-webhook`"
    ]
    async with fake_telegram.bot() as bot:
        await bot.set_webhook(
            f"{PUBLIC_URL}/telegram", allowed_updates=["message", "callback_query"]
        )
    after = await probes.telegram_webhook(settings)
    assert lines(
        judge.telegram(PUBLIC_URL, after, allowed=("message", "callback_query"), now=now)
    ) == [f"ok    Telegram       updates come to {PUBLIC_URL}/telegram"]
    wrong = await probes.telegram_webhook(
        telegram_settings(tmp_path, fake_telegram, "123456:" + "A" * 35)
    )
    assert lines(judge.telegram(PUBLIC_URL, wrong, allowed=(), now=now)) == [
        "FAIL  Telegram       Telegram refused HOTLINE_TELEGRAM_TOKEN: copy the token again "
        "from @BotFather"
    ]


def test_telegrams_own_report_of_failed_deliveries_is_passed_on() -> None:
    now = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
    state = WebhookState(
        url=f"{PUBLIC_URL}/telegram",
        pending_update_count=240,
        last_error_date=now - timedelta(minutes=30),
        last_error_message="Wrong response from the webhook: 502 Bad Gateway",
        allowed_updates=("message",),
    )
    said = lines(judge.telegram(PUBLIC_URL, state, allowed=("message", "callback_query"), now=now))
    assert said[1:] == [
        "warn  Telegram       the webhook asks for other update types than this version reads: "
        "run `hotline telegram set-webhook`",
        "warn  Telegram       Telegram's last delivery failed at 2026-11-23 11:30 UTC: Wrong "
        "response from the webhook: 502 Bad Gateway",
        "warn  Telegram       240 updates wait at Telegram: they are not being delivered",
    ]


# -- the command ---------------------------------------------------------------------------


async def test_a_deployment_ready_to_take_calls_checks_out_and_a_broken_number_exits_1(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    fake_twilio: FakeTwilio,
    fake_telegram: FakeTelegram,
    tmp_path: Path,
    clock: FixedClock,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    server = await start_app(aiohttp_client, make_settings(tmp_path / "server"), clock)
    url = str(server.make_url("")).rstrip("/")
    # Local mode on loopback (production asks for https); the check reads the same variables.
    keys = tmp_path / "data" / "keys"
    keys.mkdir(parents=True)
    (keys / "twilio-auth-token").write_text(DEFAULT_AUTH_TOKEN + "\n")
    env = {
        "HOTLINE_MODE": "local",
        "HOTLINE_DATA_DIR": str(tmp_path / "data"),
        "HOTLINE_PUBLIC_URL": url,
        "HOTLINE_LANGUAGES": "ru,en",
        "HOTLINE_FALLBACK_NUMBER": "+995322000001",
        "HOTLINE_TWILIO_ACCOUNT_SID": fake_twilio.account_sid,
        "HOTLINE_TWILIO_API_URL": fake_twilio.base_url,
        "HOTLINE_PHONE_NUMBER": NUMBER,
        "HOTLINE_TELEGRAM_TOKEN": fake_telegram.token,
        "HOTLINE_TELEGRAM_WEBHOOK_SECRET": "s3cret",
        "HOTLINE_TELEGRAM_API_URL": fake_telegram.base_url.removesuffix("/bot"),
    }
    monkeypatch.chdir(tmp_path)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    await staff_the_hotline(
        load_settings(env_file=None), ROUND_THE_CLOCK, {"ana": "+995555000001"}, {}
    )
    number = fake_twilio.add_number(NUMBER, **webhooks(url))
    fake_telegram.webhook = {"url": f"{url}/telegram"}

    assert await asyncio.to_thread(main, ["check"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines() == [
        f"hotline check: local mode, SQLite, {url}",
        "  warn  configuration  local mode (keys in the data folder, for trying hotline out): a "
        "deployment sets the variables of deploy/hotline.env.example",
        f"  ok    data folder    {tmp_path / 'data'} is writable",
        "  ok    database       SQLite answers; the schema is this version's",
        "  ok    flows          every flow and campaign is valid in cs, en, hr, ka, ru, sl",
        "  ok    audio          every prompt is recorded or has a Twilio voice",
        "  ok    roster         someone is on duty at every hour of the next 7 days",
        f"  ok    public URL     {url}/healthz answers: hotline is reachable there",
        f"  ok    Twilio number  {NUMBER}: calls come to {url}/twilio/voice",
        f"  ok    Telegram       updates come to {url}/telegram",
        "hotline check: ready to take calls, 1 warning(s)",
    ]

    number["voice_url"] = "https://demo.twilio.com/welcome/voice/"
    assert await asyncio.to_thread(main, ["check"]) == 1
    out = capsys.readouterr().out
    assert f"  FAIL  Twilio number  {NUMBER}, A call comes in: POST https://demo.twilio.com" in out
    assert out.splitlines()[-1] == "hotline check: 1 problem(s) to fix, 1 warning(s)"


def test_offline_a_data_folder_and_a_database_that_cannot_be_used_exit_1(
    tmp_path: Path, postgres_url: str
) -> None:
    (tmp_path / "a-file").write_text("")
    missing = make_url(postgres_url).set(database="hotline_check_no_such_db")
    env = {
        "HOTLINE_MODE": "production",
        "HOTLINE_PUBLIC_URL": PUBLIC_URL,
        "HOTLINE_TWILIO_AUTH_TOKEN": "a-real-looking-token-0123456789",
        "HOTLINE_PSEUDONYM_KEY": "k" * 43,
        "HOTLINE_DATA_KEY": "bGVzdC1kYXRhLWtleS0wMTIzNDU2Nzg5YWJjZGVmMDE=",
        "HOTLINE_DATA_DIR": str(tmp_path / "a-file" / "data"),
        "HOTLINE_DATABASE_URL": missing.render_as_string(hide_password=False),
        "HOTLINE_LANGUAGES": "en",
    }
    result = hotline("check", "--offline", cwd=tmp_path, **env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    said = result.stdout.splitlines()
    assert (
        f"  FAIL  data folder    {tmp_path / 'a-file' / 'data'}: cannot write there (Not a "
        "directory); the voice spool keeps voicemails there while the database is down: make "
        "it writable by the server's user, or set HOTLINE_DATA_DIR" in said
    )
    database = next(text for text in said if text.startswith("  FAIL  database"))
    assert re.fullmatch(
        r'  FAIL  database       PostgreSQL at .+ has no database "hotline_check_no_such_db": '
        r"create it with: sudo -u postgres createdb -O \S+ hotline_check_no_such_db",
        database,
    ), database
    assert not any("roster" in text for text in said)  # nothing to judge without a database
    assert said[-1] == "hotline check: 2 problem(s) to fix, 3 warning(s)"
