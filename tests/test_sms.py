"""SMS as a person without a smartphone uses it: the chat flow in numbered lines, STOP first."""

from __future__ import annotations

import logging
import secrets
import xml.etree.ElementTree as ET
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from hotline.app import ENGINE
from hotline.catalog import Catalog
from hotline.channels.sms_encoding import is_gsm7, measure
from hotline.storage.models import CallLogEntry, OptOut
from tests.conftest import (
    AUTH_TOKEN,
    HOTLINE_NUMBER,
    AppClient,
    FixedClock,
    make_settings,
    post_signed,
    start_app,
)

CATALOG = Catalog()
PHONE = "+420601234567"


def sms_params(body: str, sender: str = PHONE, sid: str | None = None) -> dict[str, str]:
    return {
        "MessageSid": sid or "SM" + secrets.token_hex(16),
        "AccountSid": "AC" + "0" * 32,
        "From": sender,
        "To": HOTLINE_NUMBER,
        "Body": body,
        "NumMedia": "0",
    }


def flat(parts: list[str]) -> str:
    """The parts as one text, as the phone shows them one after another."""
    return " ".join(" ".join(parts).split())


def one_line(text: str) -> str:
    return " ".join(text.split())


async def text(client: AppClient, body: str, **kw: str) -> list[str]:
    """Send an SMS; the texts of the <Message> parts that come back."""
    status, answer = await post_signed(client, "/twilio/sms", sms_params(body, **kw))
    assert status == 200, answer
    root = ET.fromstring(answer)  # noqa: S314 - our own answer
    assert root.tag == "Response"
    return [(m.text or "") for m in root.iter("Message")]


@pytest.fixture
async def client(
    aiohttp_client: Callable[..., Awaitable[AppClient]],
    database_url: str,
    tmp_path: Path,
    clock: FixedClock,
) -> AppClient:
    """A Czech deployment."""
    settings = make_settings(
        tmp_path, database_url, HOTLINE_LANGUAGES="cs,en", HOTLINE_DEFAULT_REGION="CZ"
    )
    return await start_app(aiohttp_client, settings, clock)


def cs(message: str, attribute: str | None = None) -> str:
    if attribute:
        return CATALOG.format_attribute("cs", message, attribute) or ""
    return one_line(CATALOG.format("cs", message))


async def test_a_conversation_with_stop_in_the_middle_and_start_again(client: AppClient) -> None:
    first = flat(await text(client, "Dobrý den"))
    assert cs("chat-welcome") in first  # the deployment's language, no language menu
    assert cs("chat-menu") in first
    assert f"1 - {cs('chat-menu', 'option-1')}" in first  # a menu is numbered lines
    assert f"0 - {cs('chat-menu', 'option-0')}" in first

    before = flat(await text(client, "1"))
    assert cs("family-before-release") in before
    assert f"6 - {cs('chat-more', 'option-6')}" in before

    stopped = await text(client, "stop")  # a keyword beats the running flow
    assert flat(stopped) == cs("sms-stopped")
    assert await text(client, "1") == []  # nothing more goes to them
    assert await text(client, "ahoj") == []

    back = flat(await text(client, "START"))
    assert cs("chat-welcome") in back

    async with client.app[ENGINE].connect() as conn:
        rows = (await conn.execute(select(CallLogEntry))).all()
        opt_outs = (await conn.execute(select(OptOut))).all()
    assert [r.outcome for r in rows if r.ended_at is not None] == ["abandoned"]
    assert all(r.channel == "sms" for r in rows)
    assert opt_outs == []  # START took them back


async def test_the_goodbye_says_how_to_write_again_and_any_message_does(
    client: AppClient,
) -> None:
    """An SMS has no /start to send: the goodbye promises that a message is enough."""
    await text(client, "Dobrý den")
    bye = flat(await text(client, "0"))
    assert bye == cs("chat-goodbye")
    assert "/start" not in bye
    again = flat(await text(client, "ahoj"))
    assert cs("chat-welcome") in again
    assert cs("chat-menu") in again


async def test_stop_is_confirmed_once_and_help_still_answers(client: AppClient) -> None:
    await text(client, "Dobrý den")
    assert flat(await text(client, "STOP")) == cs("sms-stopped")
    for word in ("STOP", "stop", "KONEC", "Stop.", "UNSUBSCRIBE"):
        assert await text(client, word) == [], word  # no second confirmation, no charge

    # HELP answers an opted-out number (carriers expect it) without opting it back in.
    assert flat(await text(client, "HELP")) == cs("sms-help")
    assert await text(client, "1") == []
    assert await text(client, "Dobrý den") == []
    async with client.app[ENGINE].connect() as conn:
        assert len((await conn.execute(select(OptOut))).all()) == 1

    assert cs("chat-welcome") in flat(await text(client, "START"))
    assert flat(await text(client, "STOP")) == cs("sms-stopped")  # a new opt-out: confirmed


async def test_keywords_work_in_the_local_language(client: AppClient) -> None:
    await text(client, "Dobrý den")
    assert flat(await text(client, "KONEC")) == cs("sms-stopped")
    assert cs("chat-welcome") in flat(await text(client, "start"))
    help_text = flat(await text(client, "pomoc"))
    assert cs("sms-help") in help_text
    assert cs("chat-menu") in help_text  # and where they were, again


async def test_a_question_is_kept_encrypted(client: AppClient, tmp_path: Path) -> None:
    await text(client, "Dobrý den")
    asked = flat(await text(client, "7"))
    assert cs("question-prompt") in asked
    question = "Syn vychází v březnu, kde může bydlet?"
    assert flat(await text(client, question)) == cs("question-received")
    stored = b"".join(p.read_bytes() for p in tmp_path.rglob("*.sqlite3*"))  # noqa: ASYNC240
    if stored:  # the SQLite run: not in any byte of the database files
        assert question.encode() not in stored
        assert PHONE.encode() not in stored
        assert PHONE[1:].encode() not in stored


async def test_a_repeated_delivery_is_answered_once(client: AppClient) -> None:
    await text(client, "Dobrý den")
    sid = "SM" + secrets.token_hex(16)
    first = await text(client, "1", sid=sid)
    again = await text(client, "1", sid=sid)
    assert first
    assert again == []


async def test_forged_and_malformed_messages(client: AppClient) -> None:
    params = sms_params("1")
    status, _ = await post_signed(client, "/twilio/sms", params, token="not-" + AUTH_TOKEN)
    assert status == 403
    status, body = await post_signed(client, "/twilio/sms", {**params, "MessageSid": "x"})
    assert status == 400
    assert "MessageSid" in body
    status, body = await post_signed(client, "/twilio/sms", {**params, "From": "hello"})
    assert status == 400
    assert "From" in body


async def test_segments_are_counted_and_logged_never_the_text(
    client: AppClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        parts = await text(client, "Dobrý den")
    assert all(measure(p).segments <= 3 for p in parts)  # split where it reads well
    [line] = [r.getMessage() for r in caplog.records if "sms answer" in r.getMessage()]
    total = sum(measure(p).segments for p in parts)
    assert f"{len(parts)} messages, {total} segments (UCS-2)" in line
    logs = caplog.text
    assert PHONE not in logs
    assert PHONE[4:] not in logs
    assert "Dobrý den" not in logs


async def test_a_deployment_can_send_czech_without_diacritics(
    aiohttp_client: Callable[..., Awaitable[AppClient]], tmp_path: Path, clock: FixedClock
) -> None:
    settings = make_settings(tmp_path, HOTLINE_LANGUAGES="cs,en", HOTLINE_SMS_TRANSLITERATE="cs")
    client = await start_app(aiohttp_client, settings, clock)
    parts = await text(client, "Dobrý den")
    assert parts
    assert all(is_gsm7(p) for p in parts)  # 160 characters a segment instead of 70
    assert "Dobry den" in " ".join(parts) or "Jak vam muzeme pomoci" in " ".join(parts)
