"""`hotline report calls` as an operator reads it, on both databases: calls made through the
real webhooks and the real simulator, escalations through the repositories the services use,
then the command's table, CSV and JSON."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hotline.app import ENGINE
from hotline.cli import main
from hotline.cli.simulator import CallSimulator, Presses
from hotline.escalation.model import Kind, Result
from hotline.storage.unit_of_work import SqlUnitsOfWork
from tests.conftest import (
    AUTH_TOKEN,
    PUBLIC_URL,
    AppClient,
    FixedClock,
    call_params,
    new_call_sid,
    post_signed,
    settings_env,
)
from tests.test_call_cli import Run, cli  # noqa: F401  (the in-process `hotline` fixture)
from tests.test_sms import sms_params
from tests.test_voice_webhooks import end_call, press
from tests.twiml import Twiml

MONDAY_9 = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
TUESDAY_22 = datetime(2026, 11, 24, 22, 0, tzinfo=UTC)
PERIOD = ("--since", "2026-11-23", "--until", "2026-11-24")  # Monday and Tuesday, UTC
REPEATER = "+995555100000"  # calls twice


@pytest.fixture
def report(
    database_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> Run:
    """`hotline ARGS...` with the settings the app under test runs on, off the event loop."""
    for name, value in settings_env(tmp_path, database_url).items():
        monkeypatch.setenv(name, value)

    def run(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


async def cli_in_thread(report: Run, *args: str) -> tuple[int, str, str]:
    return await asyncio.to_thread(report, *args)


def table_rows(out: str) -> tuple[str, dict[str, list[str]]]:
    """The table's first line and its rows: first cell -> the other cells."""
    lines = out.splitlines()
    rows = {}
    for line in lines[2:]:
        if line.startswith('"'):  # the note under the table
            break
        first, *cells = re.split(r" {2,}", line)
        rows[first] = cells
    return lines[0], rows


async def start_from(client: AppClient, caller: str) -> Twiml:
    sid = new_call_sid()
    status, body = await post_signed(client, "/twilio/voice", call_params(sid, From=caller))
    assert status == 200, body
    answer = await press(client, sid, Twiml.parse(body), "1")  # about the program
    await end_call(client, sid, duration="30")
    return answer


async def make_traffic(client: AppClient, clock: FixedClock) -> None:
    """Monday 09:00: six calls from five numbers, three SMS chats; Tuesday 22:00: two calls
    placed by the simulator (`hotline call --url`), from the number that called twice."""
    clock.now = MONDAY_9
    for caller in (REPEATER, REPEATER, *(f"+99555510000{i}" for i in range(1, 5))):
        await start_from(client, caller)
    for i in range(3):
        status, body = await post_signed(
            client, "/twilio/sms", sms_params("Hi", sender=f"+99555512340{i}")
        )
        assert status == 200, body
    clock.now = TUESDAY_22
    for _ in range(2):
        simulator = CallSimulator(
            str(client.make_url("")),
            AUTH_TOKEN,
            public_url=PUBLIC_URL,
            caller=REPEATER,
            out=lambda line: None,
        )
        await simulator.run(Presses(["1", ""], None))


async def test_summary_counts_and_hides_small_ones_and_leaves_simulated_calls_out(
    voice_client: AppClient, clock: FixedClock, report: Run
) -> None:
    await make_traffic(voice_client, clock)

    code, out, err = await cli_in_thread(report, "report", "calls", *PERIOD)
    assert (code, err) == (0, "")
    title, rows = table_rows(out)
    assert title == (
        "calls and chats from Mon 2026-11-23 00:00 UTC until Wed 2026-11-25 00:00 UTC "
        "(simulated calls left out)"
    )
    assert out.splitlines()[1].split() == ["measure", "number"]
    assert rows == {
        "calls": ["6"],
        "chats": ["<5"],  # three
        "distinct callers": ["8"],  # five numbers called, three wrote
        "repeat callers": ["<5"],  # one
        "escalations": ["0"],
        "answered": ["0"],
        "median time to answer (s)": ["-"],
        "p90 time to answer (s)": ["-"],
        "voicemails": ["0"],
        "callbacks": ["0"],
    }
    assert out.splitlines()[-1] == (
        '"<5": a count from 1 to 4, not shown; "-": a time from fewer than 5 answers, not shown'
    )

    code, out, err = await cli_in_thread(report, "report", "calls", *PERIOD, "--include-simulated")
    assert code == 0, err
    title, rows = table_rows(out)
    assert title.endswith("(simulated calls included)")
    assert (rows["calls"], rows["distinct callers"], rows["repeat callers"]) == (
        ["8"],
        ["8"],
        ["<5"],
    )


async def test_views_by_day_hour_channel_path_and_outcome_as_csv_and_json(
    voice_client: AppClient, clock: FixedClock, report: Run
) -> None:
    await make_traffic(voice_client, clock)

    code, out, err = await cli_in_thread(
        report, "report", "calls", *PERIOD, "--by", "day", "--format", "csv"
    )
    assert code == 0, err
    assert list(csv.reader(io.StringIO(out))) == [
        ["day", "calls", "chats"],
        ["2026-11-23", "6", "<5"],
        ["2026-11-24", "0", "0"],  # the simulator's two calls are left out
    ]
    code, out, err = await cli_in_thread(
        report, "report", "calls", *PERIOD, "--by", "day", "--format", "csv",
        "--include-simulated",
    )  # fmt: skip
    assert list(csv.reader(io.StringIO(out)))[2] == ["2026-11-24", "<5", "0"]

    code, out, err = await cli_in_thread(report, "report", "calls", *PERIOD, "--by", "hour")
    assert code == 0, err
    _, hours = table_rows(out)
    assert len(hours) == 24
    assert (hours["09"], hours["22"]) == (["6", "<5"], ["0", "0"])

    code, out, err = await cli_in_thread(
        report, "report", "calls", *PERIOD, "--by", "channel", "--format", "json"
    )
    assert code == 0, err
    found = json.loads(out)
    assert found["columns"] == ["channel", "calls and chats"]
    assert found["rows"] == [
        {"channel": "voice", "calls and chats": 6},
        {"channel": "sms", "calls and chats": "<5"},
        {"channel": "telegram", "calls and chats": 0},
    ]
    assert (found["since"], found["until"], found["zone"], found["include_simulated"]) == (
        "2026-11-23T00:00:00+00:00",
        "2026-11-25T00:00:00+00:00",
        "UTC",
        False,
    )

    code, out, err = await cli_in_thread(
        report, "report", "calls", *PERIOD, "--by", "path", "--format", "json"
    )
    assert code == 0, err
    [top] = json.loads(out)["rows"]  # all six went the same way
    assert top["calls"] == 6
    assert top["path"].split(">")[-1] == "about"

    code, out, err = await cli_in_thread(
        report, "report", "calls", *PERIOD, "--by", "outcome", "--format", "json"
    )
    assert code == 0, err
    assert json.loads(out)["rows"] == [
        {"outcome": "abandoned", "calls": 6, "chats": 0},  # hung up in the information
        {"outcome": "(not ended)", "calls": 0, "chats": "<5"},  # the chats are still open
    ]

    code, out, err = await cli_in_thread(report, "report", "calls", *PERIOD, "--by", "language")
    assert table_rows(out)[1] == {"en": ["6", "<5"]}


async def test_escalations_answered_times_voicemails_and_callbacks(
    voice_client: AppClient, report: Run
) -> None:
    units = SqlUnitsOfWork(voice_client.app[ENGINE])
    async with units() as uow:
        # Ten calls put through, taken after 10, 20, ... 100 seconds.
        for i in range(10):
            start = MONDAY_9 + timedelta(minutes=i)
            log = await uow.escalations.log_work("voice", "hotline", "en", start)
            esc = await uow.escalations.open(
                log_id=log, kind=Kind.CALL, channel="voice", language="en",
                reason="asked", now=start,
            )  # fmt: skip
            await uow.escalations.take(esc, "ana", start + timedelta(seconds=10 * (i + 1)))
            await uow.escalations.end(esc, Result.ANSWERED, start + timedelta(minutes=5))
        # Two voicemails and five requests to be called back, nobody has taken them yet.
        for i, kind in enumerate(["voicemail"] * 2 + ["callback"] * 5):
            start = MONDAY_9 + timedelta(hours=1, minutes=i)
            log = await uow.escalations.log_work("voice", "hotline", "en", start)
            esc = await uow.escalations.open(
                log_id=log, kind=Kind.CALLBACK, channel="voice", language="en",
                reason=kind, now=start,
            )  # fmt: skip
            await uow.tasks.add(
                esc, kind=kind, contact=None, recording_url=None, duration_s=None,
                expires_at=start + timedelta(days=7),
            )  # fmt: skip
        # A campaign's task for a specialist is neither an escalation nor a callback.
        log = await uow.escalations.log_work("reminders", "checkin", "en", MONDAY_9)
        esc = await uow.escalations.open(
            log_id=log, kind=Kind.TASK, channel="reminders", language="en",
            reason="checkin", now=MONDAY_9,
        )  # fmt: skip
        await uow.tasks.add(
            esc, kind="checkin", contact=None, recording_url=None, duration_s=None,
            expires_at=MONDAY_9 + timedelta(days=7),
        )  # fmt: skip

    code, out, err = await cli_in_thread(report, "report", "calls", *PERIOD, "--format", "json")
    assert code == 0, err
    summary = {row["measure"]: row["number"] for row in json.loads(out)["rows"]}
    assert summary == {
        "calls": 17,  # each escalation's log entry is a call; the campaign's task is not
        "chats": 0,
        "distinct callers": 0,  # no number in these entries
        "repeat callers": 0,
        "escalations": 17,
        "answered": 10,
        "median time to answer (s)": 50,
        "p90 time to answer (s)": 90,
        "voicemails": "<5",
        "callbacks": 5,
    }


def test_hotline_call_is_marked_simulated_and_left_out_until_asked(
    cli: Run,  # noqa: F811
) -> None:
    # After hours, nobody could call back here (no Twilio REST API): a voicemail.
    code, _, err = cli("call", "--lang", "en", "--press", "3,1,hello")
    assert code == 0, err

    code, out, err = cli("report", "calls")
    assert code == 0, err
    assert out.splitlines()[0].endswith("(simulated calls left out)")
    assert re.search(r"^calls +0$", out, re.MULTILINE)
    assert re.search(r"^escalations +0$", out, re.MULTILINE)

    code, out, err = cli("report", "calls", "--include-simulated")
    assert code == 0, err
    for measure in ("calls", "escalations", "voicemails"):
        assert re.search(rf"^{measure} +<5$", out, re.MULTILINE), out

    code, out, err = cli("report", "escalations")
    assert code == 0, err
    assert out.startswith("no escalations since ")
    assert "2 from simulated calls left out (--include-simulated shows them)" in out
    code, out, err = cli("report", "escalations", "--include-simulated")
    lines = out.splitlines()
    assert lines[1].split()[-1] == "simulated"
    assert [line.split()[-1] for line in lines[2:]] == ["yes", "yes"]


def test_hotline_chat_is_marked_simulated_and_left_out_until_asked(
    cli: Run,  # noqa: F811
) -> None:
    """`hotline chat` (by Telegram and by SMS) is tried out, not a family writing."""
    for channel in ((), ("--sms",)):
        code, _, err = cli("chat", *channel, "--send", "1,5")
        assert code == 0, err
    code, out, err = cli("report", "calls", "--by", "channel", "--format", "json")
    assert code == 0, err
    rows = {r["channel"]: r["calls and chats"] for r in json.loads(out)["rows"]}
    assert (rows["telegram"], rows["sms"]) == (0, 0)
    code, out, err = cli(
        "report", "calls", "--by", "channel", "--format", "json", "--include-simulated"
    )
    assert code == 0, err
    rows = {r["channel"]: r["calls and chats"] for r in json.loads(out)["rows"]}
    assert (rows["telegram"], rows["sms"]) == ("<5", "<5")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--by", "week"), "--by 'week': give one of summary, day, hour, language, channel, "
         "path, outcome"),
        (("--format", "xml"), "--format 'xml': give table, csv or json"),
        (("--since", "yesterday"), "--since 'yesterday': write a date or a date-time, e.g. "
         "2026-11-23 or 2026-11-23T09:00"),
        (("--until", "2026-13-01"), "--until '2026-13-01': write a date or a date-time, e.g. "
         "2026-11-23 or 2026-11-23T09:00"),
        (("--since", "2026-12-01", "--until", "2026-11-01"),
         "--until 2026-11-01 is not after --since 2026-12-01"),
        (("--since", "2020-01-01", "--until", "2026-01-01"), "a period covers at most 731 days"),
        (("--until", "9999-12-31"), "a date is out of range"),
    ],
)  # fmt: skip
def test_bad_arguments_are_one_line_and_exit_2(
    cli: Run,  # noqa: F811
    args: tuple[str, ...],
    said: str,
) -> None:
    code, out, err = cli("report", "calls", *args)
    assert (code, out, err) == (2, "", f"hotline: {said}\n")
