"""An open line (a pocket call, a phone put down): rung to a person once, then goodbye."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hotline.app import ENGINE
from hotline.escalation.model import Kind, Result
from tests.audio import record_everything
from tests.conftest import (
    AppClient,
    FixedClock,
    call_params,
    make_settings,
    new_call_sid,
    post_signed,
    start_app,
)
from tests.staffing import DAY, NIGHT, PHONES, escalations, staff_the_hotline
from tests.test_escalation_voice import dial_ended, hotline, numbers, whisper
from tests.test_voice_webhooks import call_log, end_call, press, start_call
from tests.twiml import Twiml

MAX_STEPS = 60  # a silent call must end well within this; before the fix it never did
SILENT_GOODBYE = "We cannot hear you, so we are ending the call."


@dataclass
class SilentCall:
    """What happened on a call where nobody ever pressed a key, as Twilio would play it."""

    answers: list[Twiml] = field(default_factory=list)
    rung: list[str] = field(default_factory=list)  # every <Number> dialled, in order
    whispers: list[Twiml] = field(default_factory=list)  # what each person rung heard

    @property
    def ended(self) -> bool:
        return bool(self.answers) and self.answers[-1].verbs[-1:] == ["Hangup"]

    def heard(self, fragment: str) -> bool:
        return any(answer.said(fragment) for answer in self.answers)


async def stay_silent(
    client: AppClient, sid: str, answer: Twiml, clock: FixedClock, steps: int = MAX_STEPS
) -> SilentCall:
    """Follow the call with no key, no message, and nobody pressing 1 in a whisper."""
    call = SilentCall([answer])
    for _ in range(steps):
        if call.ended:
            break
        if "Dial" in answer.verbs:
            for number, url in numbers(answer):
                call.rung.append(number)
                call.whispers.append(await whisper(client, url))
            clock.advance(seconds=20)
            answer = await dial_ended(client, sid, answer, "no-answer")
        else:  # a <Gather> or <Record> ran out: Twilio follows the <Redirect> after it
            clock.advance(seconds=6)
            status, body = await post_signed(client, answer.redirect(), call_params(sid))
            assert status == 200, body
            answer = Twiml.parse(body)
        call.answers.append(answer)
    return call


async def test_a_silent_call_by_day_rings_one_person_once_then_says_goodbye(
    aiohttp_client: Any, database_url: str, tmp_path: Path
) -> None:
    clock = FixedClock(DAY)
    client = await hotline(aiohttp_client, database_url, tmp_path, clock)
    sid = new_call_sid()
    call = await stay_silent(client, sid, await start_call(client, sid), clock)

    assert call.ended, f"still going after {MAX_STEPS} steps"
    assert len(call.answers) <= 12
    [number] = call.rung  # one person, one round, for the whole call
    assert number == PHONES["ana"]  # on duty, speaks English, listed first
    [offer] = call.whispers  # in Ana's first language: Russian
    assert offer.said("Язык: английский. Абонент не нажимает кнопки"), offer.spoken
    last = call.answers[-1]
    assert last.said(SILENT_GOODBYE)
    assert last.said("call this number again at any time")
    assert last.said("call 112")
    await end_call(client, sid, duration="190")

    [row] = await call_log(client)
    assert row.outcome == "silent"
    [record] = await escalations(client.app[ENGINE])
    assert (record.kind, record.reason) == (Kind.CALL, "silent-line")
    assert (record.outcome, record.attempts, record.staff_id) == (Result.UNANSWERED, 1, None)


async def test_a_silent_call_at_night_rings_nobody_and_says_goodbye(
    aiohttp_client: Any, database_url: str, tmp_path: Path
) -> None:
    clock = FixedClock(NIGHT)
    client = await hotline(aiohttp_client, database_url, tmp_path, clock)
    sid = new_call_sid()
    call = await stay_silent(client, sid, await start_call(client, sid, "?lang=ru"), clock)

    assert call.ended, f"still going after {MAX_STEPS} steps"
    assert len(call.answers) < 10
    assert call.rung == []
    assert call.heard("Сейчас никто из нашей команды не дежурит")  # the after-hours message
    assert call.answers[-1].said("Мы вас не слышим, поэтому завершаем звонок.")
    await end_call(client, sid, duration="60")

    [row] = await call_log(client)
    assert row.outcome == "silent"
    [record] = await escalations(client.app[ENGINE])
    assert (record.reason, record.outcome) == ("silent-line", Result.AFTER_HOURS)


async def test_a_slow_caller_who_presses_keys_now_and_then_is_not_cut_off(
    voice_client: AppClient, clock: FixedClock
) -> None:
    sid = new_call_sid()
    answer = await start_call(voice_client, sid)
    silences = 0
    for key in ("1", "0", "1", "0"):  # main menu, about, main menu, about, main menu
        call = await stay_silent(voice_client, sid, answer, clock, steps=3)
        silences += 3
        assert not call.ended
        answer = await press(voice_client, sid, call.answers[-1], key)
    assert silences > 8
    assert not answer.said(SILENT_GOODBYE)
    assert answer.verbs[-2:] == ["Gather", "Redirect"]

    # From the last key on, eight idle prompts in a row end it (nobody on duty here).
    call = await stay_silent(voice_client, sid, answer, clock)
    assert call.ended
    # The menu, then 7 silences: the 4th asks for a person, nobody is on duty, and that
    # counts as the 5th idle event; the 8th ends the call.
    assert len(call.answers) == 8
    assert call.answers[-1].said(SILENT_GOODBYE)
    await end_call(voice_client, sid)
    [row] = await call_log(voice_client)
    assert row.outcome == "silent"


async def test_a_georgian_silent_call_plays_recordings_to_the_end(
    aiohttp_client: Any, database_url: str, tmp_path: Path
) -> None:
    # Georgian has no Twilio voice: every prompt of the call and of the whisper must be on
    # the recording list (prompts.required), else the call would fall to the fault answer.
    record_everything(tmp_path / "audio", "ka")
    clock = FixedClock(DAY)
    settings = make_settings(
        tmp_path,
        database_url,
        HOTLINE_LANGUAGES="ka,ru,en",
        HOTLINE_AUDIO_DIR=str(tmp_path / "audio"),
    )
    await staff_the_hotline(settings)
    client = await start_app(aiohttp_client, settings, clock)
    sid = new_call_sid()
    call = await stay_silent(client, sid, await start_call(client, sid, "?lang=ka"), clock)
    assert call.ended
    assert not call.heard("technical problem")
    assert call.answers[-1].played[-1].split("?")[0].endswith("/audio/ka/silent-goodbye.wav")
    [offer] = call.whispers
    # The whisper is in the language of the person rung; a Georgian speaker is rung first.
    assert any("/audio/ka/whisper-offer-silent--code-ka.wav" in url for url in offer.played)
