"""Whatever arrives, the server answers with a 4xx or a 2xx, never a 5xx or a traceback.

Property-based (Hypothesis): arbitrary bytes to every route; arbitrary forms, correctly
signed, to every Twilio route; arbitrary JSON and Telegram-shaped updates with fields of the
wrong type, with the right secret, to /telegram. The real app runs on 127.0.0.1 in a thread
of its own (its own event loop, with the fake Bot API and the fake Twilio REST API, so every
route exists), once per module and database; the tests post to it with a sync client, so
Hypothesis drives plain functions. A handler on the root logger keeps every record: none may
carry a traceback, at any level.

Below the properties, a plain regression test for each failure they found.
"""

from __future__ import annotations

import asyncio
import copy
import http.client
import itertools
import json
import logging
import secrets
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import pytest
from aiohttp import web
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy.engine import make_url

from hotline.app import TELEGRAM_CHANNEL, create_app
from hotline.channels.callbacks import CALLBACK_PATH
from hotline.channels.telegram import SECRET_HEADER
from hotline.channels.twilio_signature import SIGNATURE_HEADER
from hotline.channels.voice_twiml import FALLBACK_PATH, STEP_PATH, WHISPER_PATH
from hotline.storage import db
from tests.conftest import (
    AUTH_TOKEN,
    CALLER,
    HOTLINE_NUMBER,
    POSTGRES_URL,
    PUBLIC_URL,
    FixedClock,
    _admin,
    _postgres_reachable,
    make_settings,
    sign,
)
from tests.fakes import FakeTelegram, FakeTwilio, TelegramUser
from tests.staffing import DAY, TELEGRAM, staff_the_hotline

SECRET = "bad-input-webhook-secret_0123456789"
ACCOUNT_SID = "AC" + "e" * 32
STAFF_GROUP = -1_001_234_567_890
TWILIO_ROUTES = (
    "/twilio/voice",
    STEP_PATH,
    "/twilio/voice/status",
    FALLBACK_PATH,
    WHISPER_PATH,
    CALLBACK_PATH,
    "/twilio/sms",
)
POST_ROUTES = (*TWILIO_ROUTES, "/telegram")
WAIT_S = 10.0
# Hypothesis examples each cost a request or a few: the module takes about 20 s.
SETTINGS = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

_ids = itertools.count(1)


def fresh_hex(n: int = 32) -> str:
    """Hex digits not used by any request before (sids, ids)."""
    return f"{next(_ids):0{n}x}"[-n:]


# -- the running app ----------------------------------------------------------------------


class Collect(logging.Handler):
    """Keeps every log record of one thread (the app's; the tests' own are not its)."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []
        self.thread: int | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread:
            self.records.append(record)


@dataclass
class Server:
    """The app served on 127.0.0.1 from a thread with its own event loop."""

    tmp_path: Path
    database_url: str
    logs: Collect
    fake_telegram: FakeTelegram = field(default_factory=FakeTelegram)
    fake_twilio: FakeTwilio = field(default_factory=lambda: FakeTwilio(ACCOUNT_SID, AUTH_TOKEN))
    port: int = 0
    loop: asyncio.AbstractEventLoop | None = None
    app: web.Application | None = None
    _stop: asyncio.Event | None = None
    _seen: int = 0
    _ready: threading.Event = field(default_factory=threading.Event)
    _failed: list[BaseException] = field(default_factory=list)

    def request(
        self, method: str, path: str, body: bytes = b"", headers: Mapping[str, str] | None = None
    ) -> tuple[int, str]:
        """One request with exactly these bytes; the status and the body's text."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=WAIT_S)
        try:
            conn.putrequest(method, path, skip_accept_encoding=True)
            for name, value in (headers or {}).items():
                conn.putheader(name, value)
            if body or method == "POST":
                conn.putheader("Content-Length", str(len(body)))
            conn.endheaders(body)
            response = conn.getresponse()
            return response.status, response.read().decode("utf-8", "replace")
        finally:
            conn.close()

    def post_signed(
        self, path_qs: str, form: Mapping[str, str] | list[tuple[str, str]]
    ) -> tuple[int, str]:
        """A form signed as Twilio signs it for our public URL."""
        pairs = list(form.items()) if isinstance(form, Mapping) else list(form)
        body = urlencode(pairs).encode()
        signed: dict[str, list[str]] = {}
        for name, value in pairs:
            signed.setdefault(name, []).append(value)
        signature = sign(PUBLIC_URL + path_qs, _Multi(signed))
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            SIGNATURE_HEADER: signature,
        }
        return self.request("POST", path_qs, body, headers)

    def post_update(self, body: bytes) -> tuple[int, str]:
        """A body to /telegram with the right secret."""
        headers = {"Content-Type": "application/json", SECRET_HEADER: SECRET}
        return self.request("POST", "/telegram", body, headers)

    def mark(self, at: int | None = None) -> int:
        """Where the log is now (or `at`), for `since`; `tracebacks` looks only after it."""
        self._seen = len(self.logs.records) if at is None else at
        return self._seen

    def since(self, mark: int, level: int = logging.WARNING) -> list[logging.LogRecord]:
        """The records at `level` or above logged after `mark`."""
        return [r for r in self.logs.records[mark:] if r.levelno >= level]

    def tracebacks(self) -> list[str]:
        """Every record not looked at before that carries a traceback, formatted with it."""
        formatter = logging.Formatter("%(levelname)s %(name)s: %(message)s")
        new = self.logs.records[self._seen :]
        self._seen += len(new)
        return [formatter.format(r) for r in new if r.exc_info]

    def settle(self) -> None:
        """Until the Telegram outbox has sent what the app queued (bounded)."""
        assert self.app is not None
        assert self.loop is not None
        outbox = self.app[TELEGRAM_CHANNEL].outbox
        future = asyncio.run_coroutine_threadsafe(outbox.drain(timeout_s=WAIT_S), self.loop)
        future.result(WAIT_S * 2)

    # -- lifecycle ------------------------------------------------------------------------

    def start(self) -> None:
        thread = threading.Thread(target=self._run, name="bad-input-app", daemon=True)
        self._thread = thread
        thread.start()
        if not self._ready.wait(60) or self._failed:
            raise RuntimeError(f"the app did not start: {self._failed}")

    def stop(self) -> None:
        if self.loop is not None and self._stop is not None:
            self.loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(30)

    def _run(self) -> None:
        self.logs.thread = threading.get_ident()
        try:
            asyncio.run(self._serve())
        except BaseException as exc:  # reported to the test thread
            self._failed.append(exc)
            self._ready.set()

    async def _serve(self) -> None:
        self.loop = asyncio.get_running_loop()
        self._stop = asyncio.Event()
        async with self.fake_telegram, self.fake_twilio:
            settings = make_settings(
                self.tmp_path,
                self.database_url,
                HOTLINE_LANGUAGES="en,ru,cs",
                HOTLINE_TELEGRAM_TOKEN=self.fake_telegram.token,
                HOTLINE_TELEGRAM_WEBHOOK_SECRET=SECRET,
                HOTLINE_TELEGRAM_API_URL=f"http://127.0.0.1:{self.fake_telegram.port}",
                HOTLINE_TWILIO_ACCOUNT_SID=ACCOUNT_SID,
                HOTLINE_TWILIO_API_URL=self.fake_twilio.base_url,
                HOTLINE_PHONE_NUMBER=HOTLINE_NUMBER,
                HOTLINE_STAFF_CHAT_ID=str(STAFF_GROUP),
            )
            await staff_the_hotline(settings)
            engine = db.create_engine(settings.database_url)
            await db.upgrade(engine)
            await engine.dispose()
            app = create_app(settings, clock=FixedClock(DAY))
            runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0)
            await site.start()
            self.port = int(runner.addresses[0][1])
            self.app = app
            app[TELEGRAM_CHANNEL].outbox.interval = 0.0
            self._ready.set()
            try:
                await self._stop.wait()
            finally:
                await runner.cleanup()


class _Multi:
    """The form as twilio's RequestValidator reads a MultiDict (every value of a name)."""

    def __init__(self, values: dict[str, list[str]]) -> None:
        self._values = values

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def getall(self, name: str) -> list[str]:
        return self._values[name]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Server]:
    """The whole app, once per module and database, with staff, a roster and both fakes."""
    tmp_path = tmp_path_factory.mktemp(f"bad-input-{request.param}")
    database_name = None
    if request.param == "sqlite":
        database_url = f"sqlite:///{tmp_path / 'hotline.sqlite3'}"
    else:
        reason = asyncio.run(_postgres_reachable())
        if reason:
            pytest.skip(reason)
        database_name = f"hotline_test_{secrets.token_hex(6)}"
        asyncio.run(_admin(f'CREATE DATABASE "{database_name}"'))
        database_url = (
            make_url(POSTGRES_URL).set(database=database_name).render_as_string(hide_password=False)
        )
    logs = Collect()
    root, ours = logging.getLogger(), logging.getLogger("hotline")
    levels = root.level, ours.level
    patch = pytest.MonkeyPatch()
    patch.setenv("PTB_TIMEDELTA", "1")  # see tests/test_telegram.py
    root.addHandler(logs)
    # Every record of ours at every level; other libraries' from INFO (below that, the
    # database drivers log each statement, which only slows the run).
    root.setLevel(logging.INFO)
    ours.setLevel(logging.DEBUG)
    running = Server(tmp_path, database_url, logs)
    try:
        running.start()
        yield running
        running.settle()
        running.mark(0)  # and anything logged late, after its request was answered
        assert running.tracebacks() == []
    finally:
        running.stop()
        root.removeHandler(logs)
        root.setLevel(levels[0])
        ours.setLevel(levels[1])
        patch.undo()
        if database_name is not None:
            asyncio.run(_admin(f'DROP DATABASE IF EXISTS "{database_name}" WITH (FORCE)'))


def check(server: Server, status: int, body: str) -> None:
    """No 5xx, and no traceback logged so far."""
    event(f"HTTP {status}")  # the spread of answers: pytest --hypothesis-show-statistics
    assert status < 500, body
    assert server.tracebacks() == []


# -- strategies ---------------------------------------------------------------------------

# Numbers as people and attackers write them: huge, negative, other scripts' digits
# ("²".isdigit() is True, int("²") fails), thousands of digits (int() refuses over 4300).
numbers = st.one_of(
    st.integers(min_value=-(10**3), max_value=10**30).map(str),
    st.text(alphabet="0123456789²³¹١٢٣४५", min_size=1, max_size=12),
    st.just("9" * 5000),
    st.text(max_size=12),
)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=10,
)
content_types = st.one_of(
    st.none(),
    st.sampled_from(
        [
            "application/x-www-form-urlencoded",
            "application/x-www-form-urlencoded; charset=utf-8",
            "application/x-www-form-urlencoded; charset=latin-1",
            "application/x-www-form-urlencoded; charset=no-such-charset",
            "application/x-www-form-urlencoded; charset=utf-16",
            "multipart/form-data; boundary=xyz",
            "multipart/form-data",
            "application/json",
            "application/json; charset=utf-32",
            "text/plain",
        ]
    ),
    st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=40),
)
bodies = st.one_of(
    st.binary(max_size=600),
    st.text(max_size=200).map(lambda t: t.encode("utf-8")),
    st.text(max_size=200).map(lambda t: t.encode("utf-16")),
    # Form-shaped, with percent escapes that decode to invalid UTF-8 or nothing at all.
    st.lists(
        st.tuples(
            st.sampled_from(["CallSid", "From", "Body", "Digits", "%ff", "a%", "%zz", ""]),
            st.sampled_from(["%ff%fe", "%c3%28", "%", "%e2%82", "CA" + "0" * 32, "+1%20"]),
        ),
        max_size=6,
    ).map(lambda pairs: "&".join(f"{k}={v}" for k, v in pairs).encode()),
    # A multipart body that ends early, or names no field.
    st.sampled_from(
        [
            b"--xyz\r\nContent-Disposition: form-data\r\n\r\nx\r\n--xyz--\r\n",
            b'--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n\xff\xfe\r\n--xyz--\r\n',
            b"--xyz\r\n",
            b"--xyz\r\nContent-Type: multipart/mixed; boundary=q\r\n\r\n--q--\r\n--xyz--\r\n",
        ]
    ),
)
header_values = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=60)
path_text = st.text(max_size=30).map(lambda t: quote(t, safe=""))
queries = st.dictionaries(st.text(max_size=8), st.text(max_size=20), max_size=4)


def query_string(query: Mapping[str, str] | list[tuple[str, str]]) -> str:
    """A query with every character percent-encoded, as it is sent and signed."""
    pairs = list(query.items()) if isinstance(query, Mapping) else query
    return urlencode(pairs, quote_via=quote, safe="")


def call_sids() -> st.SearchStrategy[str]:
    return st.one_of(
        st.builds(lambda: "CA" + fresh_hex()),
        st.sampled_from(["", "CA", "ca" + "0" * 32, "CA" + "0" * 33]),
        st.text(max_size=40),
    )


def message_sids() -> st.SearchStrategy[str]:
    return st.one_of(
        st.builds(lambda: "SM" + fresh_hex()),
        st.text(max_size=40),
    )


# Values for the fields we read; any other field is arbitrary.
FIELDS: dict[str, st.SearchStrategy[str]] = {
    "CallSid": call_sids(),
    "Digits": st.one_of(st.text(alphabet="0123456789*#", max_size=70), st.text(max_size=10)),
    "RecordingDuration": numbers,
    "RecordingUrl": st.one_of(st.just("https://api.twilio.com/rec/RE1"), st.text(max_size=30)),
    "DialCallStatus": st.one_of(
        st.sampled_from(["completed", "answered", "busy", "no-answer", "failed", "canceled"]),
        st.text(max_size=12),
    ),
    "CallStatus": st.one_of(
        st.sampled_from(["in-progress", "completed", "busy", "no-answer", "failed", "canceled"]),
        st.text(max_size=12),
    ),
    "CallDuration": numbers,
    "From": st.one_of(
        st.sampled_from([CALLER, "+420601234567", "anonymous", "client:bob", "+1", "112"]),
        st.text(max_size=30),
    ),
    "To": st.one_of(st.just(HOTLINE_NUMBER), st.text(max_size=20)),
    "MessageSid": message_sids(),
    "Body": st.one_of(
        st.sampled_from(["STOP", "start", "HELP", "1", "6", "0", "konec", "EN", "/close", ""]),
        st.text(max_size=200),
    ),
    "ErrorCode": numbers,
    "RecordingSid": st.text(max_size=40),
}
QUERY: dict[str, st.SearchStrategy[str]] = {
    "seq": numbers,
    "event": st.one_of(
        st.sampled_from(["no-input", "recording-empty", "recording", "dial"]), st.text(max_size=12)
    ),
    "esc": st.one_of(st.uuids().map(str), st.text(max_size=40)),
    "ring": numbers,
    "lang": st.one_of(st.sampled_from(["en", "ru", "cs", "ka", "xx", ""]), st.text(max_size=8)),
    "stage": st.one_of(
        st.sampled_from(["dial", "recording", "key", "done", "offer"]), st.text(max_size=10)
    ),
    "staff": st.one_of(st.sampled_from(["ana", "beka", "nino", "nobody"]), st.text(max_size=10)),
}


@st.composite
def signed_forms(draw: st.DrawFn) -> tuple[str, list[tuple[str, str]]]:
    """A route with a query, and a form: Twilio's usual fields, some replaced or repeated."""
    route = draw(st.sampled_from(TWILIO_ROUTES))
    query = [
        (k, draw(QUERY[k])) for k in draw(st.lists(st.sampled_from(sorted(QUERY)), unique=True))
    ]
    query += draw(st.lists(st.tuples(st.text(max_size=6), st.text(max_size=10)), max_size=2))
    form = {
        "CallSid": "CA" + fresh_hex(),
        "AccountSid": ACCOUNT_SID,
        "From": CALLER,
        "To": HOTLINE_NUMBER,
        "CallStatus": "in-progress",
        "MessageSid": "SM" + fresh_hex(),
        "Body": "1",
    }
    for name in draw(st.lists(st.sampled_from(sorted(FIELDS)), unique=True)):
        form[name] = draw(FIELDS[name])
    for name in draw(st.lists(st.sampled_from(sorted(form)), unique=True, max_size=2)):
        del form[name]
    pairs = list(form.items())
    pairs += draw(
        st.lists(
            st.tuples(st.sampled_from(sorted(FIELDS)) | st.text(max_size=10), st.text(max_size=30)),
            max_size=3,
        )
    )
    path_qs = route + (f"?{query_string(query)}" if query else "")
    return path_qs, pairs


# -- properties ---------------------------------------------------------------------------


@SETTINGS
@given(
    route=st.sampled_from(POST_ROUTES),
    query=st.one_of(st.just(""), queries.map(query_string)),
    body=bodies,
    content_type=content_types,
    signature=st.one_of(header_values, st.none()),
    secret=st.one_of(st.just(SECRET), st.none(), header_values),
)
def test_arbitrary_bytes_to_every_post_route(
    server: Server,
    route: str,
    query: str,
    body: bytes,
    content_type: str | None,
    signature: str | None,
    secret: str | None,
) -> None:
    headers = {}
    if content_type is not None:
        headers["Content-Type"] = content_type
    if signature is not None:
        headers[SIGNATURE_HEADER] = signature
    if secret is not None:
        headers[SECRET_HEADER] = secret
    status, text = server.request("POST", route + (f"?{query}" if query else ""), body, headers)
    check(server, status, text)


@SETTINGS
@given(
    path=st.one_of(
        st.tuples(path_text, path_text).map(lambda p: f"/audio/{p[0]}/{p[1]}"),
        st.sampled_from(["/audio/en/", "/audio/../../etc/passwd", "/audio/en/%2e%2e%2fx"]),
        st.just("/healthz"),
        st.lists(path_text, max_size=4).map(lambda parts: "/" + "/".join(parts)),
        st.sampled_from([*POST_ROUTES]),
    ),
    query=st.one_of(st.just(""), queries.map(query_string)),
    method=st.sampled_from(["GET", "HEAD", "OPTIONS", "PUT", "DELETE"]),
)
def test_arbitrary_paths_and_queries(server: Server, path: str, query: str, method: str) -> None:
    status, text = server.request(method, path + (f"?{query}" if query else ""))
    check(server, status, text)


@SETTINGS
@given(request=signed_forms())
def test_arbitrary_signed_forms_to_every_twilio_route(
    server: Server, request: tuple[str, list[tuple[str, str]]]
) -> None:
    path_qs, form = request
    status, text = server.post_signed(path_qs, form)
    check(server, status, text)
    assert status != 403, text  # the form was signed: the harness signs as Twilio does


@st.composite
def call_answers(draw: st.DrawFn) -> tuple[int | None, dict[str, str], dict[str, str]]:
    """One answer in a call: which URL of the last TwiML (or None: a made-up one), the
    query to change in it, and the form fields to post."""
    follow = draw(st.one_of(st.none(), st.integers(min_value=0, max_value=5)))
    query = {k: draw(QUERY[k]) for k in draw(st.lists(st.sampled_from(sorted(QUERY)), max_size=2))}
    fields = {
        k: draw(FIELDS[k])
        for k in draw(
            st.lists(
                st.sampled_from(["Digits", "RecordingDuration", "RecordingUrl", "DialCallStatus"]),
                max_size=2,
            )
        )
    }
    if draw(st.booleans()):
        fields["Digits"] = draw(st.sampled_from(["1", "2", "3", "9", "0", "*", "#", "11"]))
    return follow, query, fields


@SETTINGS
@given(answers=st.lists(call_answers(), max_size=6), duration=numbers)
def test_a_call_with_arbitrary_answers(
    server: Server,
    answers: list[tuple[int | None, dict[str, str], dict[str, str]]],
    duration: str,
) -> None:
    sid = "CA" + fresh_hex()
    status, text = server.post_signed("/twilio/voice", call_form(sid))
    assert status == 200, text
    for follow, query, fields in answers:
        urls = twiml_urls(text) if status == 200 else []
        if follow is not None and urls:
            path, given_query = urls[follow % len(urls)]
        else:
            path, given_query = STEP_PATH, {"seq": "1", "lang": "en"}
        path_qs = path + "?" + query_string({**given_query, **query})
        status, text = server.post_signed(path_qs, call_form(sid, **fields))
        check(server, status, text)
    status, text = server.post_signed(
        "/twilio/voice/status", call_form(sid, CallStatus="completed", CallDuration=duration)
    )
    check(server, status, text)


@SETTINGS
@given(
    sender=st.one_of(st.just("+420601234567"), FIELDS["From"]),
    messages=st.lists(st.tuples(FIELDS["Body"], st.booleans()), min_size=1, max_size=6),
)
def test_an_sms_conversation_with_arbitrary_texts(
    server: Server, sender: str, messages: list[tuple[str, bool]]
) -> None:
    for body, repeat_sid in messages:
        sid = "SM" + ("0" * 32 if repeat_sid else fresh_hex())
        form = {
            "MessageSid": sid,
            "AccountSid": ACCOUNT_SID,
            "From": sender,
            "To": HOTLINE_NUMBER,
            "Body": body,
        }
        status, text = server.post_signed("/twilio/sms", form)
        check(server, status, text)
        assert status != 403, text


@SETTINGS
@given(body=json_values)
def test_arbitrary_json_to_telegram(server: Server, body: Any) -> None:
    status, text = server.post_update(json.dumps(body).encode())
    check(server, status, text)
    if isinstance(body, dict):
        status, text = server.post_update(json.dumps({**body, "update_id": next(_ids)}).encode())
        check(server, status, text)


TELEGRAM_USERS = (
    TelegramUser(id=910_000_001, language_code="ru"),
    TelegramUser(id=910_000_002, language_code=None),
    *(TelegramUser(id=user_id, language_code="en") for user_id in TELEGRAM.values()),
)
CHATS = (
    None,  # the user's private chat
    {"id": -4_000_000_001, "type": "group", "title": "Family group"},
    {"id": -1_004_000_000_002, "type": "supergroup", "title": "Support"},
    {"id": -1_004_000_000_003, "type": "channel", "title": "News"},
    {"id": STAFF_GROUP, "type": "supergroup", "title": "Staff"},
)
TEXTS = st.one_of(
    st.sampled_from(
        ["/start", "/stop", "/help", "/language", "/close", "/start@hotline_test_bot x", "/", "1"]
    ),
    st.text(max_size=50),
)


@st.composite
def telegram_updates(draw: st.DrawFn) -> dict[str, Any]:
    """A message or a button press as Telegram sends it, with some fields made wrong."""
    user = draw(st.sampled_from(TELEGRAM_USERS))
    chat = dict(draw(st.sampled_from(CHATS)) or user.private_chat())
    message = {
        "message_id": next(_ids),
        "from": user.to_dict(),
        "chat": chat,
        "date": 1_790_000_000,
        "text": draw(TEXTS),
    }
    kind = draw(st.sampled_from(["message", "edited_message", "callback_query", "channel_post"]))
    update: dict[str, Any] = {"update_id": next(_ids)}
    if kind == "callback_query":
        data = draw(
            st.one_of(
                st.builds(lambda s, k: f"{s}:{k}", numbers, st.text(max_size=2)),
                st.sampled_from(["1:1", "2:0", "esc:take:x", "esc:done:"]),
                st.text(max_size=20),
            )
        )
        update[kind] = {
            "id": str(next(_ids)),
            "from": user.to_dict(),
            "message": message,
            "chat_instance": "1",
            "data": data,
        }
    else:
        if draw(st.booleans()):
            message["reply_to_message"] = copy.deepcopy({**message, "message_id": next(_ids)})
        update[kind] = message
    for _ in range(draw(st.integers(min_value=0, max_value=3))):
        paths = list(_paths(update))
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        _replace(update, path, draw(st.one_of(st.just(_DELETE), json_values)))
    return update


_DELETE = object()


def _paths(value: Any, prefix: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    if isinstance(value, dict):
        for key, item in value.items():
            yield (*prefix, key)
            yield from _paths(item, (*prefix, key))


def _replace(update: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    target = update
    for key in path[:-1]:
        target = target[key]
    if value is _DELETE:
        del target[path[-1]]
    else:
        target[path[-1]] = value


@SETTINGS
@given(update=telegram_updates())
def test_telegram_shaped_updates_with_wrong_types(server: Server, update: dict[str, Any]) -> None:
    status, text = server.post_update(json.dumps(update).encode())
    check(server, status, text)


# -- helpers ------------------------------------------------------------------------------


def call_form(call_sid: str, **extra: str) -> dict[str, str]:
    return {
        "CallSid": call_sid,
        "AccountSid": ACCOUNT_SID,
        "From": CALLER,
        "To": HOTLINE_NUMBER,
        "CallStatus": "in-progress",
        "Direction": "inbound",
        **extra,
    }


def twiml_urls(body: str) -> list[tuple[str, dict[str, str]]]:
    """Every URL in a TwiML answer Twilio would post to: actions, redirects, whispers."""
    try:
        root = ET.fromstring(body)  # noqa: S314 - our own server's answer
    except ET.ParseError:
        return []
    found = []
    for element in root.iter():
        for url in (element.get("action"), element.get("url"), element.text):
            if url and url.strip().startswith(PUBLIC_URL) and "/audio/" not in url:
                parts = urlsplit(url.strip())
                found.append((parts.path, dict(parse_qsl(parts.query))))
    return found


# -- what the properties found, one by one ------------------------------------------------


def refused_once(server: Server, mark: int, status: int, text: str, fragment: str) -> None:
    """A 400 naming what is wrong, and one warning line for it, without a traceback."""
    assert status == 400, text
    [line] = server.since(mark)
    assert line.levelno == logging.WARNING
    assert fragment in line.getMessage(), line.getMessage()
    assert line.exc_info is None
    assert server.tracebacks() == []


@pytest.mark.parametrize("route", TWILIO_ROUTES)
@pytest.mark.parametrize(
    ("content_type", "body"),
    [
        ("application/x-www-form-urlencoded", b"CallSid=CA\xff\xfe&From=%2B1"),
        ("application/x-www-form-urlencoded; charset=no-such-charset", b"CallSid=CA1"),
        ("multipart/form-data; boundary=xyz", b"--xyz\r\n"),
        (";0*", b"CallSid=CA1"),  # the stdlib's header parser raises IndexError on it
    ],
    ids=["not-utf-8", "unknown-charset", "multipart", "unreadable-content-type"],
)
def test_a_form_that_cannot_be_read_gets_400_on_every_twilio_route(
    server: Server, route: str, content_type: str, body: bytes
) -> None:
    mark = server.mark()
    headers = {"Content-Type": content_type, SIGNATURE_HEADER: "c2lnbmF0dXJl"}
    status, text = server.request("POST", route, body, headers)
    refused_once(server, mark, status, text, f"400 on {route}")


def test_a_request_line_too_long_is_one_warning_line(server: Server) -> None:
    mark = server.mark()
    status, text = server.request("GET", "/healthz?x=" + "9" * 9000)
    assert status == 400, text
    [line] = server.since(mark)
    assert line.getMessage() == "malformed HTTP request refused (LineTooLong)"
    assert (line.levelno, line.exc_info) == (logging.WARNING, None)
    assert server.tracebacks() == []


USER = {"id": 910_000_010, "is_bot": False, "first_name": "Test", "language_code": "en"}
MESSAGE = {
    "message_id": 1,
    "from": USER,
    "chat": {"id": USER["id"], "type": "private"},
    "date": 1_790_000_000,
    "text": "/start",
}


@pytest.mark.parametrize(
    "update",
    [
        {"message": 0},
        {"message": {**MESSAGE, "date": 10**20}},
        {"message": {**MESSAGE, "chat": {"id": "x", "type": "private"}}},
        {"message": {**MESSAGE, "chat": {"id": 10**30, "type": "private"}}},
        {"message": {**MESSAGE, "chat": {"id": 1, "type": 5}}},
        {"message": {**MESSAGE, "text": 5}},
        {"message": {**MESSAGE, "from": {**USER, "id": [1]}}},
        {"message": {**MESSAGE, "from": {**USER, "language_code": 7}}},
        {"message": {k: v for k, v in MESSAGE.items() if k != "chat"}},
        {"message": {**MESSAGE, "reply_to_message": {**MESSAGE, "message_id": {}}}},
        {"callback_query": {"id": 1, "from": USER, "chat_instance": "1", "data": "1:1"}},
        {"callback_query": {"id": "1", "from": USER, "chat_instance": "1", "data": 11}},
        {"callback_query": {"id": "1", "chat_instance": "1", "data": "1:1", "message": MESSAGE}},
        {"channel_post": {k: v for k, v in MESSAGE.items() if k != "chat"}},
        {"channel_post": {**MESSAGE, "chat": {"id": -5.68e16, "type": "channel"}}},
        {"update_id": 10**70, "message": MESSAGE},
        {"update_id": True, "message": MESSAGE},
    ],
)
def test_an_update_with_a_field_of_the_wrong_type_gets_400(
    server: Server, update: dict[str, Any]
) -> None:
    mark = server.mark()
    status, text = server.post_update(json.dumps({"update_id": next(_ids), **update}).encode())
    refused_once(server, mark, status, text, "400 on /telegram")


def test_an_update_nested_deeper_than_python_parses_gets_400(server: Server) -> None:
    mark = server.mark()
    status, text = server.post_update(b"[" * 100_000 + b"]" * 100_000)
    refused_once(server, mark, status, text, "the body is not JSON")


def test_a_button_with_a_strange_number_is_ignored(server: Server) -> None:
    user = TelegramUser(id=910_000_011, language_code="en")
    start = {"update_id": next(_ids), "message": {**MESSAGE, "from": user.to_dict()}}
    start["message"]["chat"] = user.private_chat()
    assert server.post_update(json.dumps(start).encode())[0] == 200
    press = {
        "update_id": next(_ids),
        "callback_query": {
            "id": "q1",
            "from": user.to_dict(),
            "chat_instance": "1",
            "message": start["message"],
            "data": "²:1",  # "²".isdigit() is True
        },
    }
    mark = server.mark()
    status, text = server.post_update(json.dumps(press).encode())
    assert (status, text) == (200, "ok")
    assert server.since(mark) == []
    assert server.tracebacks() == []


def test_a_strange_digit_in_the_language_menu_is_a_wrong_choice(server: Server) -> None:
    user = TelegramUser(id=910_000_012, language_code=None)  # not known: the menu asks
    chat = user.private_chat()
    for typed in ("/start", "²"):
        update = {"update_id": next(_ids), "message": {**MESSAGE, "text": typed, "chat": chat}}
        update["message"]["from"] = user.to_dict()
        mark = server.mark()
        status, answer = server.post_update(json.dumps(update).encode())
        assert (status, answer) == (200, "ok")
        assert server.since(mark) == []
    server.settle()
    said = [call.text for call in server.fake_telegram.messages_to(user.id)]
    assert said[-1] is not None
    assert said[-1].startswith("Please choose one of the options"), said
    assert server.tracebacks() == []


def test_a_step_for_an_unknown_call_gets_the_fallback_and_one_warning(server: Server) -> None:
    mark = server.mark()
    status, text = server.post_signed(f"{STEP_PATH}?seq=1&lang=en", call_form("CA" + fresh_hex()))
    assert status == 200, text
    assert "<Record" in text or "<Dial" in text  # the fallback: a voicemail, or a person
    [line] = server.since(mark)
    assert line.getMessage() == (
        "voice step refused (no session for this call); caller sent to fallback"
    )
    assert (line.levelno, line.exc_info) == (logging.WARNING, None)
    assert server.tracebacks() == []


@pytest.mark.parametrize(
    ("query", "fields", "named"),
    [
        ({"seq": "²"}, {}, "seq"),
        ({"seq": "1" + "0" * 30}, {}, "seq"),
        ({"seq": "1", "event": "recording"}, {"RecordingDuration": "³"}, "RecordingDuration"),
        (
            {"seq": "1", "event": "recording"},
            {"RecordingDuration": "99999999999", "RecordingUrl": "https://x"},
            "RecordingDuration",
        ),
        ({"seq": "1", "event": "dial", "esc": "0" * 36, "ring": "²"}, {}, "ring"),
        ({"seq": "1"}, {"Digits": "1\n"}, "Digits"),
    ],
)
def test_strange_numbers_in_a_step_get_400(
    server: Server, query: dict[str, str], fields: dict[str, str], named: str
) -> None:
    sid = "CA" + fresh_hex()
    assert server.post_signed("/twilio/voice", call_form(sid))[0] == 200
    mark = server.mark()
    path_qs = f"{STEP_PATH}?{query_string({**query, 'lang': 'en'})}"
    status, text = server.post_signed(path_qs, call_form(sid, **fields))
    refused_once(server, mark, status, text, named)


@pytest.mark.parametrize("duration", ["²", "9" * 5000, "99999999999"])
def test_a_strange_call_duration_still_closes_the_call(server: Server, duration: str) -> None:
    sid = "CA" + fresh_hex()
    assert server.post_signed("/twilio/voice", call_form(sid))[0] == 200
    mark = server.mark()
    form = call_form(sid, CallStatus="completed", CallDuration=duration)
    status, text = server.post_signed("/twilio/voice/status", form)
    assert status == 200, text
    assert server.since(mark) == []
    assert server.tracebacks() == []


@pytest.mark.parametrize("duration", ["²", "9" * 5000, "99999999999"])
def test_a_fallback_voicemail_of_a_strange_length_is_still_kept(
    server: Server, duration: str
) -> None:
    # Found by the signed-forms property: a 5000-digit RecordingDuration was a 500.
    form = call_form(
        "CA" + fresh_hex(),
        RecordingSid="RE" + fresh_hex(),
        RecordingUrl="https://api.twilio.com/x/Recordings/RE1",
        RecordingDuration=duration,
    )
    status, text = server.post_signed("/twilio/voice/fallback?stage=recording&lang=en", form)
    assert status == 200, text
    assert "<Hangup" in text  # the goodbye after the message
    assert server.tracebacks() == []
