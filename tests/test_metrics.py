"""/metrics under load: calls (one through to an escalation, one still going, two the
fallback answered), a Telegram chat, an SMS, alerts to staff (one of whom blocked the bot),
a Twilio error and a dispatcher tick show in every family; no number, id, name or word
anyone used appears anywhere in the exposition."""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from prometheus_client.parser import text_string_to_metric_families
from twilio.base.exceptions import TwilioRestException

from hotline.app import HOTLINE
from hotline.channels.twilio_rest import TwilioRest
from hotline.channels.voice_twiml import STEP_PATH
from tests.conftest import (
    AUTH_TOKEN,
    CALLER,
    HOTLINE_NUMBER,
    FixedClock,
    call_params,
    new_call_sid,
    post_signed,
)
from tests.fakes import FakeTelegram, FakeTwilio, TelegramUser, fixtures
from tests.staffing import DAY, NIGHT, PHONES, ROSTER, TELEGRAM
from tests.test_dispatcher import MOTHER_PHONE, NINO, PHONE, World
from tests.test_dispatcher import twilio as _twilio
from tests.test_dispatcher import w as _w
from tests.test_escalation_desk import (
    ACCOUNT_SID,
    desk_app,
)
from tests.test_escalation_desk import (
    twilio_for_app as _twilio_for_app,
)
from tests.test_sms import sms_params
from tests.test_voice_webhooks import end_call, press, start_call

fake_telegram = fixtures.fake_telegram
twilio_for_app = _twilio_for_app
twilio = _twilio
w = _w

FAMILIES = {
    "hotline_webhook_seconds": "histogram",
    "hotline_voice_fallbacks": "counter",
    "hotline_conversations_in_progress": "gauge",
    "hotline_escalations_waiting": "gauge",
    "hotline_escalation_oldest_waiting_seconds": "gauge",
    "hotline_alerts_sent": "counter",
    "hotline_reminders": "counter",
    "hotline_reminders_due": "gauge",
    "hotline_provider_errors": "counter",
    "hotline_dispatcher_lag_seconds": "gauge",
    "hotline_db_pool_connections": "gauge",
    "hotline_ready": "gauge",
}
CHAT_USER = TelegramUser(id=834_512_977, first_name="Zdenka", language_code="en")
CHAT_WORDS = "my probation officer Kowalski frightens me"
SMS_FROM = "+420601234599"
SMS_WORDS = "Potrebuji pomoc s bydlenim v Ostrave"


def samples(exposition: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    """Every sample of the exposition by name and labels."""
    found = {}
    for family in text_string_to_metric_families(exposition):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def value(found: dict[Any, float], name: str, **labels: str) -> float:
    return found.get((name, tuple(sorted(labels.items()))), 0.0)


async def test_every_family_shows_under_load_and_no_identifier_does(
    aiohttp_client: Any,
    database_url: str,
    tmp_path: Path,
    fake_telegram: FakeTelegram,
    twilio_for_app: FakeTwilio,
) -> None:
    clock = FixedClock(NIGHT)
    desk = await desk_app(
        aiohttp_client, database_url, tmp_path, clock, fake_telegram, twilio_for_app
    )
    client = desk.client
    before = samples(await (await client.get("/metrics")).text())

    # A night caller asks to be called back: waiting work for the morning.
    sids = [new_call_sid() for _ in range(4)]
    night = await press(client, sids[0], await start_call(client, sids[0], "?lang=ru"), "3")
    done = await press(client, sids[0], night, "2")
    assert done.verbs[-1] == "Hangup"
    await end_call(client, sids[0])
    # Another call is still at the menu when the scrape comes.
    await start_call(client, sids[1])
    # A step of a call the server does not hold, and Twilio giving up on us: the fallback.
    status, _ = await post_signed(client, f"{STEP_PATH}?seq=1", call_params(sids[2], Digits="1"))
    assert status == 200
    status, _ = await post_signed(
        client, "/twilio/voice/fallback", call_params(sids[3], ErrorCode="11205")
    )
    assert status == 200
    # A Telegram chat and an SMS, each with words of a person's life.
    await desk.send(desk.fake.updates.command(CHAT_USER, "start"))
    await desk.send(desk.fake.updates.message(CHAT_USER, CHAT_WORDS))
    status, _ = await post_signed(client, "/twilio/sms", sms_params(SMS_WORDS, sender=SMS_FROM))
    assert status == 200
    await desk.settle()
    # Morning: the staff on duty are alerted; Beka blocked the bot.
    desk.fake.block(TELEGRAM["beka"])
    clock.now = DAY.replace(hour=5)
    assert await desk.tick() == 1
    # Twilio refuses an SMS to a number that opted out at the carrier.
    twilio_for_app.refuse(PHONES["nino"], 21610)
    rest = TwilioRest(ACCOUNT_SID, AUTH_TOKEN, HOTLINE_NUMBER, twilio_for_app.base_url)
    try:
        with pytest.raises(TwilioRestException, match="unsubscribed"):
            await rest.send_sms(PHONES["nino"], "a test of the error counter")
    finally:
        await rest.close()
    await client.app[HOTLINE].dispatcher.tick()

    started = time.perf_counter()
    resp = await client.get("/metrics")
    scrape_s = time.perf_counter() - started
    exposition = await resp.text()
    assert resp.status == 200
    assert resp.headers["Content-Type"].startswith("text/plain; version=")
    assert scrape_s < 2, scrape_s
    found = samples(exposition)

    kinds = {f.name: f.type for f in text_string_to_metric_families(exposition)}
    assert {name: kinds.get(name) for name in FAMILIES} == FAMILIES

    def grew(name: str, **labels: str) -> float:
        return value(found, name, **labels) - value(before, name, **labels)

    voice_steps = grew("hotline_webhook_seconds_count", channel="voice", route=STEP_PATH)
    assert voice_steps >= 3
    assert grew("hotline_webhook_seconds_count", channel="voice", route="/twilio/voice") == 2
    assert grew("hotline_webhook_seconds_count", channel="telegram", route="/telegram") >= 2
    assert grew("hotline_webhook_seconds_count", channel="sms", route="/twilio/sms") == 1
    assert grew("hotline_voice_fallbacks_total", cause="refused") == 1
    assert grew("hotline_voice_fallbacks_total", cause="twilio") == 1
    assert value(found, "hotline_conversations_in_progress", channel="voice") == 1
    assert value(found, "hotline_conversations_in_progress", channel="telegram") == 1
    assert value(found, "hotline_conversations_in_progress", channel="sms") == 1
    assert value(found, "hotline_escalations_waiting", kind="callback") == 1
    # It came in at 03:00 Tbilisi time (23:00 UTC); the scrape is at 05:00 UTC.
    assert value(found, "hotline_escalation_oldest_waiting_seconds") == 6 * 3600
    assert grew("hotline_alerts_sent_total", channel="telegram", audience="on_duty") == 2
    assert grew("hotline_provider_errors_total", provider="telegram", code="403") == 1
    assert grew("hotline_provider_errors_total", provider="twilio", code="21610") == 1
    assert value(found, "hotline_reminders_due") == 0
    assert value(found, "hotline_dispatcher_lag_seconds") == 0
    assert value(found, "hotline_db_pool_connections", state="size") >= 1
    for check in ("database", "migrations", "data_folder"):
        assert value(found, "hotline_ready", check=check) == 1

    # Nothing of anyone: numbers, ids, names, words, and the calls' ids.
    identifiers = [
        CALLER,
        SMS_FROM,
        *PHONES.values(),
        *(str(i) for i in TELEGRAM.values()),
        str(CHAT_USER.id),
        CHAT_USER.first_name,
        *re.findall(r"name: (.+)", ROSTER),
        *sids,
    ]
    identifiers += [CALLER.lstrip("+"), SMS_FROM.lstrip("+"), CHAT_WORDS, SMS_WORDS]
    identifiers += [w for w in (CHAT_WORDS + " " + SMS_WORDS).split() if len(w) > 4]
    for identifier in identifiers:
        pattern = rf"(?<![\w.]){re.escape(identifier)}(?![\w.])"
        assert not re.search(pattern, exposition, re.IGNORECASE), identifier


async def test_reminders_due_late_sent_and_refused_show_and_name_nobody(w: World) -> None:
    client = w.client
    await w.service.add(NINO)
    w.twilio.refuse(MOTHER_PHONE, 21610)  # she texted STOP to her carrier
    w.clock.advance(hours=4, minutes=1)  # 11:01 in Tbilisi: two messages are a minute late
    before = samples(await (await client.get("/metrics")).text())
    assert value(before, "hotline_reminders_due") >= 2
    assert value(before, "hotline_dispatcher_lag_seconds") >= 60

    tally = await w.tick()
    after_text = await (await client.get("/metrics")).text()
    after = samples(after_text)

    def grew(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert tally.sent >= 1
    assert tally.failed >= 1
    for outcome in ("sent", "failed", "skipped", "retried"):
        assert grew("hotline_reminders_total", outcome=outcome) == getattr(tally, outcome)
    assert grew("hotline_provider_errors_total", provider="twilio", code="21610") >= 1
    assert value(after, "hotline_reminders_due") < value(before, "hotline_reminders_due")
    for identifier in (PHONE, MOTHER_PHONE, NINO["case"], NINO["family1_name"], "Nino"):
        pattern = rf"(?<![\w.]){re.escape(identifier)}(?![\w.])"
        assert not re.search(pattern, after_text, re.IGNORECASE), identifier
