"""Whatever fails inside, the caller gets valid TwiML within a second that leads somewhere."""

from __future__ import annotations

import asyncio
import contextlib
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.engine import make_url

from hotline.flows.model import Flow, FlowMessages, GotoNode, MenuNode
from tests.conftest import (
    PRODUCTION_DEADLINE,
    FixedClock,
    call_params,
    make_settings,
    new_call_sid,
    post_signed,
    start_app,
)
from tests.twiml import Twiml

DEADLINE_S = 1.0  # what the caller can bear; the server's own budget is 0.8 s


class TcpProxy:
    """A loopback TCP proxy in front of PostgreSQL that a test can make hang or drop."""

    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.mode = "pass"
        self.flowing = asyncio.Event()
        self.flowing.set()
        self.tasks: set[asyncio.Task[None]] = set()
        self.writers: set[asyncio.StreamWriter] = set()
        self.server: asyncio.Server | None = None

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._client, "127.0.0.1", 0)
        return int(self.server.sockets[0].getsockname()[1])

    async def _client(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self.mode == "drop":
            writer.close()
            return
        up_reader, up_writer = await asyncio.open_connection(*self.upstream)
        self.writers.update({writer, up_writer})
        for src, dst in ((reader, up_writer), (up_reader, writer)):
            task = asyncio.create_task(self._pipe(src, dst))
            self.tasks.add(task)
            task.add_done_callback(self.tasks.discard)

    async def _pipe(self, src: asyncio.StreamReader, dst: asyncio.StreamWriter) -> None:
        with contextlib.suppress(ConnectionError, asyncio.CancelledError):
            while data := await src.read(65536):
                await self.flowing.wait()  # cleared: the database stops answering
                if self.mode == "drop":
                    break
                dst.write(data)
                await dst.drain()
        dst.close()

    def hang(self) -> None:
        self.flowing.clear()

    def resume(self) -> None:
        self.mode = "pass"
        self.flowing.set()

    def drop_all(self) -> None:
        self.mode = "drop"
        self.flowing.set()
        for writer in list(self.writers):
            writer.close()

    async def stop(self) -> None:
        self.drop_all()
        for task in list(self.tasks):
            task.cancel()
        if self.server:
            self.server.close()


async def timed_post(client: Any, path: str, params: dict[str, str]) -> tuple[float, Twiml]:
    started = time.perf_counter()
    status, body = await post_signed(client, path, params)
    elapsed = time.perf_counter() - started
    assert status == 200, body
    return elapsed, Twiml.parse(body)


async def test_the_database_hanging_or_gone_mid_call_still_answers_the_caller(
    aiohttp_client: Any,
    postgres_url: str,
    tmp_path: Path,
    clock: FixedClock,
    caplog: pytest.LogCaptureFixture,
) -> None:
    url = make_url(postgres_url)
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    port = await proxy.start()
    proxied = url.set(host="127.0.0.1", port=port).render_as_string(hide_password=False)
    settings = make_settings(
        tmp_path, proxied, HOTLINE_FALLBACK_NUMBER="+995322111222", **PRODUCTION_DEADLINE
    )
    client = await start_app(aiohttp_client, settings, clock)
    try:
        sid = new_call_sid()
        _, menu = await timed_post(client, "/twilio/voice", call_params(sid))
        assert menu.said("press 3")

        proxy.hang()
        elapsed, answer = await timed_post(client, menu.action(), call_params(sid, Digits="1"))
        assert elapsed < DEADLINE_S
        assert answer.said("we have a technical problem")
        dial = answer.root.find("Dial")
        assert dial is not None
        assert "".join(dial.itertext()).strip() == "+995322111222"

        proxy.drop_all()
        caplog.clear()
        elapsed, answer = await timed_post(client, menu.action(), call_params(sid, Digits="1"))
        assert elapsed < DEADLINE_S
        assert answer.said("we have a technical problem")
        # Monitoring hears of it (/readyz); an orchestrator's probe (/healthz, /livez) must
        # not unroute the server, which is still answering its callers.
        assert (await client.get("/readyz")).status == 503
        for path in ("/healthz", "/livez"):
            live = await client.get(path)
            assert (live.status, await live.json()) == (200, {"status": "alive"})
        # An outage is one line naming it, not a traceback per caller.
        assert "the database does not answer" in caplog.text
        assert [r.getMessage() for r in caplog.records if r.exc_info] == []

        # If nobody answers the fallback number either, the caller can leave a message.
        params = call_params(sid, DialCallStatus="no-answer")
        _, after = await timed_post(client, answer.action("Dial"), params)
        assert after.said("Nobody could answer")
        assert after.root.find("Record") is not None

        proxy.resume()  # the database is back: a new call works again
        _, menu = await timed_post(client, "/twilio/voice", call_params(new_call_sid()))
        assert menu.said("To talk to a specialist, press 3.")
    finally:
        await proxy.stop()


def looping_flow() -> Flow:
    """A flow with a bug the loader would refuse: two nodes passing the caller in a circle."""
    return Flow(
        id="hotline",
        source=Path("broken.yaml"),
        start="a",
        on_failure="a",
        on_silence="a",
        messages=FlowMessages(invalid="menu-invalid", no_input="menu-no-input"),
        nodes={
            "a": GotoNode("a", "b"),
            "b": GotoNode("b", "a"),
            "m": MenuNode("m", ("main-menu",), {"1": "a"}),
        },
    )


@pytest.mark.parametrize("fallback_number", [None, "+995322111222"])
async def test_a_bug_in_the_flow_sends_the_caller_to_a_person_or_voicemail(
    aiohttp_client: Any,
    tmp_path: Path,
    clock: FixedClock,
    fallback_number: str | None,
    caplog: pytest.LogCaptureFixture,
) -> None:
    env = {"HOTLINE_FALLBACK_NUMBER": fallback_number} if fallback_number else {}
    settings = make_settings(tmp_path, **env, **PRODUCTION_DEADLINE)
    client = await start_app(aiohttp_client, settings, clock, flows={"hotline": looping_flow()})
    sid = new_call_sid()
    elapsed, answer = await timed_post(client, "/twilio/voice", call_params(sid))
    assert elapsed < DEADLINE_S
    assert answer.said("we have a technical problem")
    assert "voice step failed" in caplog.text
    if fallback_number:
        assert answer.verbs == ["Say", "Dial"]
        return
    assert answer.verbs == ["Say", "Record", "Say", "Hangup"]
    recording = call_params(sid, RecordingSid="RE" + "1" * 32, RecordingDuration="14")
    _, bye = await timed_post(client, answer.action("Record"), recording)
    assert bye.said("Thank you. Goodbye.")
    assert "RE" + "1" * 32 in caplog.text  # an operator can find the message at Twilio
