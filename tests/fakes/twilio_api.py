"""A fake Twilio REST API (2010-04-01 Messages and Calls; the account's IncomingPhoneNumbers
as a test sets them) on 127.0.0.1 for the real twilio client.

`fake.client()` (sync) and `fake.async_client()` (AsyncTwilioHttpClient) are Clients whose
`api.base_url` points here; twilio builds `{base_url}/2010-04-01/Accounts/{sid}/Messages.json`.
The sync client blocks: inside a test's event loop call it through `asyncio.to_thread`, or the
loop that serves the fake stalls until the client times out.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any, Literal, Self

from aiohttp import web
from multidict import MultiDict
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.http.http_client import TwilioHttpClient
from twilio.request_validator import RequestValidator
from twilio.rest import Client

from tests.fakes._common import LoopbackServer, Signal, wait_until

__all__ = [
    "DEFAULT_ACCOUNT_SID",
    "DEFAULT_AUTH_TOKEN",
    "FakeTwilio",
    "TwilioCall",
    "TwilioFault",
    "TwilioMessage",
    "TwilioRequest",
    "sms_encoding",
    "sms_segments",
]

JsonDict = dict[str, Any]
Resource = Literal["Messages", "Calls"]
Among = Literal["ok", "rejected", "failed", "all"]

DEFAULT_ACCOUNT_SID = "AC" + "f" * 32
DEFAULT_AUTH_TOKEN = "fake-twilio-auth-token-0123456789"
API_VERSION = "2010-04-01"

# GSM 03.38 basic character set (the escape code 0x1B left out) and its extension table,
# whose characters take two septets (escape + character).
_GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
_GSM7_EXTENDED = frozenset("\f^{}\\[~]|€")


def sms_encoding(body: str) -> Literal["GSM-7", "UCS-2"]:
    """GSM-7 when every character is in the GSM 03.38 tables, else UCS-2."""
    if all(char in _GSM7_BASIC or char in _GSM7_EXTENDED for char in body):
        return "GSM-7"
    return "UCS-2"


def _split(units: list[int], single: int, part: int) -> int:
    """Parts needed for characters of `units` sizes: one part up to `single`, else parts of
    `part` units, never cutting a character (an escape pair or a surrogate pair) in two."""
    if sum(units) <= single:
        return 1
    parts, used = 1, 0
    for size in units:
        if used + size > part:
            parts, used = parts + 1, 0
        used += size
    return parts


def sms_segments(body: str) -> int:
    """SMS segments for `body`: GSM-7 160, or 153 a part; UCS-2 70, or 67 a part."""
    if sms_encoding(body) == "GSM-7":
        return _split([2 if char in _GSM7_EXTENDED else 1 for char in body], 160, 153)
    return _split([len(char.encode("utf-16-le")) // 2 for char in body], 70, 67)


_REFUSALS = {
    21610: "Attempt to send to unsubscribed recipient",
    21211: "Invalid 'To' Phone Number",
    21614: "'To' number is not a valid mobile number",
}


def _rfc2822(timestamp: float) -> str:
    return format_datetime(datetime.fromtimestamp(int(timestamp), UTC))


class _RestError(Exception):
    """Twilio's legacy error JSON: code, message, more_info, status."""

    def __init__(self, status: int, code: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message

    def body(self) -> JsonDict:
        return {
            "code": self.code,
            "message": self.message,
            "more_info": f"https://www.twilio.com/docs/errors/{self.code}",
            "status": self.status,
        }


@dataclass
class TwilioFault:
    """An injected failure: the next `times` matching requests get this error."""

    resource: Resource | None
    http_method: str | None
    status: int
    code: int
    message: str
    times: int

    def matches(self, resource: str, http_method: str) -> bool:
        if self.resource is not None and self.resource != resource:
            return False
        return self.http_method is None or self.http_method == http_method


@dataclass(frozen=True)
class TwilioRequest:
    """One HTTP request as the fake saw and answered it."""

    seq: int
    http_method: str
    path: str
    resource: str
    sid: str | None
    params: dict[str, str]
    status: int
    response: JsonDict
    at: float = field(repr=False)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300

    @property
    def code(self) -> int | None:
        """Twilio's error code, on errors."""
        value = self.response.get("code")
        return value if isinstance(value, int) else None

    def summary(self) -> str:
        text = f"#{self.seq} {self.http_method} {self.resource} {self.status}"
        if self.sid:
            text += f" {self.sid}"
        if "To" in self.params:
            text += f" To={self.params['To']}"
        if not self.ok:
            text += f" -> {self.code} {self.response.get('message')!r}"
        return text


@dataclass
class TwilioMessage:
    """A Message created through the fake; `resource` is what the fake answers for it now."""

    params: dict[str, str]
    resource: JsonDict
    at: float = field(repr=False)

    @property
    def sid(self) -> str:
        return str(self.resource["sid"])

    @property
    def to(self) -> str:
        return str(self.resource["to"])

    @property
    def from_(self) -> str | None:
        value = self.resource["from"]
        return None if value is None else str(value)

    @property
    def body(self) -> str:
        return str(self.resource["body"])

    @property
    def status(self) -> str:
        return str(self.resource["status"])

    @property
    def num_segments(self) -> int:
        return int(self.resource["num_segments"])

    @property
    def messaging_service_sid(self) -> str | None:
        return self.params.get("MessagingServiceSid")

    @property
    def status_callback(self) -> str | None:
        return self.params.get("StatusCallback")


@dataclass
class TwilioCall:
    """A Call created through the fake, with every update posted to it since."""

    params: dict[str, str]
    resource: JsonDict
    at: float = field(repr=False)
    status_callback_events: list[str] = field(default_factory=list)
    updates: list[dict[str, str]] = field(default_factory=list)

    @property
    def sid(self) -> str:
        return str(self.resource["sid"])

    @property
    def to(self) -> str:
        return str(self.resource["to"])

    @property
    def from_(self) -> str:
        return str(self.resource["from"])

    @property
    def status(self) -> str:
        return str(self.resource["status"])

    @property
    def url(self) -> str | None:
        """The TwiML URL given last (at creation or in an update)."""
        return self._latest("Url")

    @property
    def twiml(self) -> str | None:
        """The inline TwiML given last (at creation or in an update)."""
        return self._latest("Twiml")

    @property
    def status_callback(self) -> str | None:
        return self.params.get("StatusCallback")

    def _latest(self, name: str) -> str | None:
        for params in reversed([self.params, *self.updates]):
            if name in params:
                return params[name]
        return None


def _is_address(value: str) -> bool:
    """E.164, or a channel address (whatsapp:+..., client:..., sip:...) Twilio accepts."""
    if value.startswith(("client:", "sip:")):
        return len(value) > value.index(":") + 1
    number = value.removeprefix("whatsapp:")
    digits = number[1:]
    return number.startswith("+") and digits.isdigit() and 2 <= len(digits) <= 15


class FakeTwilio:
    """Twilio's REST API for Messages and Calls, on 127.0.0.1 at an ephemeral port.

    Use as `async with FakeTwilio() as fake:`; checks HTTP basic auth against the account
    sid and auth token given.
    """

    def __init__(
        self,
        account_sid: str = DEFAULT_ACCOUNT_SID,
        auth_token: str = DEFAULT_AUTH_TOKEN,
        *,
        clock: Callable[[], float] = time.time,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self.account_sid = account_sid
        self.auth_token = auth_token
        self._clock = clock
        self._monotonic = monotonic
        self.requests: list[TwilioRequest] = []
        self.messages: list[TwilioMessage] = []
        self.calls: list[TwilioCall] = []
        self.faults: list[TwilioFault] = []
        self.refusals: dict[str, int] = {}  # To number -> Twilio error code, every time
        self.numbers: list[JsonDict] = []  # the account's IncomingPhoneNumbers (add_number)
        self.recordings: dict[str, bytes] = {}  # RE sid -> its MP3, as `<Record>` left it
        self.latency_s = 0.0  # each request waits this long before it is handled
        self.waiting_ports: set[int] = set()  # client ports of requests in that wait
        self._seq = itertools.count(1)
        self._sids = itertools.count(1)
        self._signal = Signal()
        self._callbacks_sent: dict[str, int] = {}
        self._sync_clients: list[TwilioHttpClient] = []
        self._async_clients: list[AsyncTwilioHttpClient] = []
        prefix = f"/{API_VERSION}/Accounts/{{account}}"
        app = web.Application()
        app.router.add_route("*", prefix + "/Messages.json", self._messages_list)
        app.router.add_route("*", prefix + "/Messages/{sid}.json", self._message_instance)
        app.router.add_route("*", prefix + "/Calls.json", self._calls_list)
        app.router.add_route("*", prefix + "/Calls/{sid}.json", self._call_instance)
        app.router.add_route("*", prefix + "/IncomingPhoneNumbers.json", self._numbers_list)
        app.router.add_route("GET", prefix + ".json", self._account)
        app.router.add_route("GET", prefix + "/Recordings/{sid}.mp3", self._recording_media)
        app.router.add_route("*", prefix + "/Recordings/{sid}.json", self._recording_instance)
        app.router.add_route("*", "/{tail:.*}", self._unknown)
        self._server = LoopbackServer(app)

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        """Start serving on 127.0.0.1."""
        await self._server.start()

    async def close(self) -> None:
        """Close the clients handed out, then stop serving."""
        for http_client in self._async_clients:
            await http_client.close()
        for sync_client in self._sync_clients:
            if sync_client.session is not None:
                sync_client.session.close()
        self._async_clients.clear()
        self._sync_clients.clear()
        await self._server.close()

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    @property
    def port(self) -> int:
        return self._server.port

    @property
    def base_url(self) -> str:
        """For `client.api.base_url`."""
        return self._server.origin

    def client(self, *, auth_token: str | None = None, request_timeout: float = 5.0) -> Client:
        """A sync twilio Client aimed here; its connections close with the fake.

        It blocks: inside the test's event loop call it through `asyncio.to_thread`.
        """
        http_client = TwilioHttpClient(timeout=request_timeout)
        self._sync_clients.append(http_client)
        return self._aimed(auth_token, http_client)

    def async_client(
        self, *, auth_token: str | None = None, request_timeout: float = 5.0
    ) -> Client:
        """An async twilio Client aimed here (use the `*_async` methods); closed with the fake.

        twilio 9.13 passes `auth=BasicAuth(...)` to aiohttp, which warns twice per request
        (DeprecationWarning); tests under `filterwarnings = error` must ignore those two.
        """
        http_client = AsyncTwilioHttpClient(timeout=request_timeout)
        self._async_clients.append(http_client)
        return self._aimed(auth_token, http_client)

    def _aimed(
        self,
        auth_token: str | None,
        http_client: TwilioHttpClient | AsyncTwilioHttpClient,
    ) -> Client:
        client = Client(
            self.account_sid,
            auth_token or self.auth_token,
            http_client=http_client,
            environment={},  # no TWILIO_EDGE/TWILIO_REGION from the host: they rewrite the host
        )
        client.api.base_url = self.base_url
        return client

    # -- configuring failures ----------------------------------------------------------------

    def fail_next(
        self,
        resource: Resource | None = None,
        *,
        http_method: str | None = "POST",
        status: int = 429,
        code: int | None = None,
        message: str | None = None,
        times: int = 1,
    ) -> TwilioFault:
        """Answer the next `times` matching requests with an error (429/20429 by default)."""
        if code is None:
            code = {429: 20429, 500: 20500, 503: 20503}.get(status, status * 100)
        fault = TwilioFault(
            resource=resource,
            http_method=http_method,
            status=status,
            code=code,
            message=message or ("Too Many Requests" if status == 429 else "Injected failure"),
            times=times,
        )
        self.faults.append(fault)
        return fault

    # -- reading what was recorded -----------------------------------------------------------

    @property
    def rejected(self) -> list[TwilioRequest]:
        """Requests answered 429: nothing was created."""
        return [request for request in self.requests if request.status == 429]

    @property
    def failed(self) -> list[TwilioRequest]:
        """Requests answered with any other error."""
        return [r for r in self.requests if not r.ok and r.status != 429]

    def messages_to(self, to: str) -> list[TwilioMessage]:
        return [message for message in self.messages if message.to == to]

    def calls_to(self, to: str) -> list[TwilioCall]:
        return [call for call in self.calls if call.to == to]

    def message(self, sid: str) -> TwilioMessage:
        for message in self.messages:
            if message.sid == sid:
                return message
        raise KeyError(sid)

    def call(self, sid: str) -> TwilioCall:
        for call in self.calls:
            if call.sid == sid:
                return call
        raise KeyError(sid)

    def clear(self) -> None:
        """Forget requests, messages and calls."""
        self.requests.clear()
        self.messages.clear()
        self.calls.clear()

    async def wait_for_message(
        self,
        predicate: Callable[[TwilioMessage], bool] | None = None,
        *,
        to: str | None = None,
        after: int = 0,
        timeout: float = 5.0,  # noqa: ASYNC109 - a default bound, so no test waits forever
    ) -> TwilioMessage:
        """The first message created past index `after` that matches; TimeoutError if none."""
        found = await self.wait_for_messages(
            predicate, to=to, count=1, after=after, timeout=timeout
        )
        return found[0]

    async def wait_for_messages(
        self,
        predicate: Callable[[TwilioMessage], bool] | None = None,
        *,
        to: str | None = None,
        count: int = 1,
        after: int = 0,
        timeout: float = 5.0,  # noqa: ASYNC109 - a default bound, so no test waits forever
    ) -> list[TwilioMessage]:
        """The first `count` matching messages created past index `after`."""
        return await wait_until(
            self._signal,
            lambda: self.messages,
            lambda m: (to is None or m.to == to) and (predicate is None or predicate(m)),
            count=count,
            after=after,
            timeout=timeout,
            describe=self._describe,
        )

    async def wait_for_call(
        self,
        predicate: Callable[[TwilioCall], bool] | None = None,
        *,
        to: str | None = None,
        after: int = 0,
        timeout: float = 5.0,  # noqa: ASYNC109 - a default bound, so no test waits forever
    ) -> TwilioCall:
        """The first call created past index `after` that matches; TimeoutError if none."""
        found = await wait_until(
            self._signal,
            lambda: self.calls,
            lambda c: (to is None or c.to == to) and (predicate is None or predicate(c)),
            count=1,
            after=after,
            timeout=timeout,
            describe=self._describe,
        )
        return found[0]

    async def wait_for_request(
        self,
        predicate: Callable[[TwilioRequest], bool],
        *,
        after: int = 0,
        timeout: float = 5.0,  # noqa: ASYNC109 - a default bound, so no test waits forever
    ) -> TwilioRequest:
        """The first request past index `after` that matches (any outcome)."""
        found = await wait_until(
            self._signal,
            lambda: self.requests,
            predicate,
            count=1,
            after=after,
            timeout=timeout,
            describe=self._describe,
        )
        return found[0]

    def _describe(self) -> str:
        if not self.requests:
            return "nothing"
        return "; ".join(request.summary() for request in self.requests[-20:])

    # -- what Twilio would send back ---------------------------------------------------------

    def status_callback(self, sid: str, status: str, **extra: str) -> tuple[str, dict[str, str]]:
        """Move a message or call to `status`; the URL and form Twilio would POST about it.

        Raises LookupError when the resource was created without a StatusCallback.
        """
        if sid.startswith("SM") or sid.startswith("MM"):
            message = self.message(sid)
            message.resource["status"] = status
            message.resource["date_updated"] = _rfc2822(self._clock())
            url = message.status_callback
            params = {
                "AccountSid": self.account_sid,
                "ApiVersion": API_VERSION,
                "From": message.from_ or "",
                "To": message.to,
                "MessageSid": sid,
                "MessageStatus": status,
                "SmsSid": sid,
                "SmsStatus": status,
            }
            if message.messaging_service_sid:
                params["MessagingServiceSid"] = message.messaging_service_sid
        else:
            call = self.call(sid)
            call.resource["status"] = status
            call.resource["date_updated"] = _rfc2822(self._clock())
            url = call.status_callback
            params = {
                "AccountSid": self.account_sid,
                "ApiVersion": API_VERSION,
                "CallSid": sid,
                "CallStatus": status,
                "Called": call.to,
                "Caller": call.from_,
                "Direction": "outbound-api",
                "From": call.from_,
                "To": call.to,
                "CallbackSource": "call-progress-events",
                "Timestamp": _rfc2822(self._clock()),
                "SequenceNumber": str(self._callbacks_sent.get(sid, 0)),
            }
        if not url:
            raise LookupError(f"{sid} was created without a StatusCallback")
        self._callbacks_sent[sid] = self._callbacks_sent.get(sid, 0) + 1
        params.update(extra)
        return url, params

    def signature(self, url: str, params: dict[str, str]) -> str:
        """The X-Twilio-Signature Twilio would send with a POST of `params` to `url`."""
        return str(RequestValidator(self.auth_token).compute_signature(url, params))

    # -- the server --------------------------------------------------------------------------

    def _new_sid(self, prefix: str) -> str:
        # Deterministic per fake, so goldens can hold sids.
        digest = hashlib.sha256(f"{self.account_sid}:{next(self._sids)}".encode()).hexdigest()
        return prefix + digest[:32]

    def _check_auth(self, request: web.Request) -> None:
        header = request.headers.get("Authorization", "")
        scheme, _, encoded = header.partition(" ")
        try:
            decoded = base64.b64decode(encoded, validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError):
            decoded = ""
        username, _, password = decoded.partition(":")
        if scheme.lower() != "basic" or (username, password) != (
            self.account_sid,
            self.auth_token,
        ):
            raise _RestError(401, 20003, "Authenticate")
        if request.match_info.get("account") not in (None, self.account_sid):
            raise self._not_found(request)

    @staticmethod
    def _not_found(request: web.Request) -> _RestError:
        return _RestError(404, 20404, f"The requested resource {request.path} was not found")

    async def _serve(
        self,
        request: web.Request,
        resource: str,
        handler: Callable[[MultiDict[str]], tuple[int, JsonDict]],
    ) -> web.Response:
        if self.latency_s:
            peer = request.transport.get_extra_info("peername") if request.transport else None
            port = int(peer[1]) if peer else 0
            self.waiting_ports.add(port)
            try:
                await asyncio.sleep(self.latency_s)
            finally:
                self.waiting_ports.discard(port)
        sid = request.match_info.get("sid")
        params: MultiDict[str] = MultiDict(request.query)
        if request.method == "POST":
            form = await request.post()
            params = MultiDict(
                (key, value) for key, value in form.items() if isinstance(value, str)
            )
        try:
            self._check_auth(request)
            for fault in self.faults:
                if fault.times > 0 and fault.matches(resource, request.method):
                    fault.times -= 1
                    if fault.times == 0:
                        self.faults.remove(fault)
                    raise _RestError(fault.status, fault.code, fault.message)
            status, body = handler(params)
        except _RestError as error:
            status, body = error.status, error.body()
        self.requests.append(
            TwilioRequest(
                seq=next(self._seq),
                http_method=request.method,
                path=request.path,
                resource=resource,
                sid=sid,
                params=dict(params.items()),
                status=status,
                response=body,
                at=self._monotonic(),
            )
        )
        self._signal.fire()
        headers = {"WWW-Authenticate": 'Basic realm="Twilio API"'} if status == 401 else None
        return web.json_response(body, status=status, headers=headers)

    async def _account(self, request: web.Request) -> web.Response:
        """GET the account (the server asks once at start whether Twilio answers)."""

        def handle(params: MultiDict[str]) -> tuple[int, JsonDict]:
            return 200, {"sid": self.account_sid, "status": "active", "type": "Full"}

        return await self._serve(request, "Accounts", handle)

    # -- Recordings ---------------------------------------------------------------------------

    def add_recording(self, audio: bytes = b"ID3\x03fake-mp3") -> str:
        """A recording of this account, as a `<Record>` leaves it; returns its RecordingUrl."""
        sid = self._new_sid("RE")
        self.recordings[sid] = audio
        return f"{self.base_url}/{API_VERSION}/Accounts/{self.account_sid}/Recordings/{sid}"

    async def _recording_media(self, request: web.Request) -> web.Response:
        """GET a recording's MP3 (Twilio: the RecordingUrl with `.mp3`), with the account's
        credentials."""
        audio: bytes | None = None

        def handle(params: MultiDict[str]) -> tuple[int, JsonDict]:
            nonlocal audio
            audio = self.recordings.get(request.match_info["sid"])
            if audio is None:
                raise self._not_found(request)
            return 200, {"bytes": len(audio)}

        answer = await self._serve(request, "Recordings", handle)
        if audio is None:
            return answer
        return web.Response(body=audio, content_type="audio/mpeg")

    async def _recording_instance(self, request: web.Request) -> web.Response:
        """DELETE a recording (204), or GET its metadata."""

        def handle(params: MultiDict[str]) -> tuple[int, JsonDict]:
            sid = request.match_info["sid"]
            if sid not in self.recordings:
                raise self._not_found(request)
            if request.method == "DELETE":
                del self.recordings[sid]
                return 204, {}
            if request.method != "GET":
                raise _RestError(405, 20004, "Method not allowed")
            return 200, {"sid": sid, "account_sid": self.account_sid}

        answer = await self._serve(request, "Recordings", handle)
        return web.Response(status=204) if answer.status == 204 else answer

    async def _unknown(self, request: web.Request) -> web.Response:
        def handle(params: MultiDict[str]) -> tuple[int, JsonDict]:
            raise self._not_found(request)

        return await self._serve(request, "unknown", handle)

    # -- IncomingPhoneNumbers ----------------------------------------------------------------

    def add_number(self, phone_number: str, **webhooks: str | None) -> JsonDict:
        """A number of the account with its webhooks as the console sets them (voice_url=...,
        status_callback=..., voice_fallback_url=..., sms_url=..., voice_method=...)."""
        resource: JsonDict = {
            "sid": self._new_sid("PN"),
            "account_sid": self.account_sid,
            "phone_number": phone_number,
            "voice_url": None,
            "voice_method": "POST",
            "status_callback": None,
            "status_callback_method": "POST",
            "voice_fallback_url": None,
            "sms_url": None,
            "sms_method": "POST",
            "voice_application_sid": None,
            "sms_application_sid": None,
            **webhooks,
        }
        self.numbers.append(resource)
        return resource

    async def _numbers_list(self, request: web.Request) -> web.Response:
        def handle(params: MultiDict[str]) -> tuple[int, JsonDict]:
            if request.method != "GET":
                raise _RestError(405, 20004, "Method not allowed")
            found = [
                n
                for n in self.numbers
                if params.get("PhoneNumber", n["phone_number"]) == n["phone_number"]
            ]
            return 200, self._page(request, "incoming_phone_numbers", found)

        return await self._serve(request, "IncomingPhoneNumbers", handle)

    def _page(self, request: web.Request, key: str, items: list[JsonDict]) -> JsonDict:
        try:
            size = max(1, min(1000, int(request.query.get("PageSize", "50"))))
        except ValueError:
            size = 50
        uri = f"/{API_VERSION}/Accounts/{self.account_sid}/{key.capitalize()}.json"
        page = items[:size]
        return {
            key: page,
            "end": max(len(page) - 1, 0),
            "first_page_uri": f"{uri}?PageSize={size}&Page=0",
            "next_page_uri": None,
            "page": 0,
            "page_size": size,
            "previous_page_uri": None,
            "start": 0,
            "uri": f"{uri}?PageSize={size}&Page=0",
        }

    # -- Messages ----------------------------------------------------------------------------

    async def _messages_list(self, request: web.Request) -> web.Response:
        def handle(params: MultiDict[str]) -> tuple[int, JsonDict]:
            if request.method == "POST":
                return 201, self._create_message(params).resource
            if request.method != "GET":
                raise _RestError(405, 20004, "Method not allowed")
            found = [
                m.resource
                for m in reversed(self.messages)
                if params.get("To", m.to) == m.to and params.get("From", m.from_) == m.from_
            ]
            return 200, self._page(request, "messages", found)

        return await self._serve(request, "Messages", handle)

    async def _message_instance(self, request: web.Request) -> web.Response:
        def handle(params: MultiDict[str]) -> tuple[int, JsonDict]:
            try:
                message = self.message(request.match_info["sid"])
            except KeyError:
                raise self._not_found(request) from None
            if request.method == "POST":
                if "Body" in params:
                    message.resource["body"] = params["Body"]  # "" redacts, as in Twilio
                if "Status" in params:
                    message.resource["status"] = params["Status"]
                message.resource["date_updated"] = _rfc2822(self._clock())
            elif request.method != "GET":
                raise _RestError(405, 20004, "Method not allowed")
            return 200, message.resource

        return await self._serve(request, "Messages", handle)

    def refuse(self, number: str, code: int) -> None:
        """Answer every message or call to `number` with Twilio's error `code`: 21610 (the
        recipient opted out at the carrier), 21211 (invalid number), 21614 (not a mobile)."""
        self.refusals[number] = code

    def _refused(self, to: str) -> None:
        code = self.refusals.get(to)
        if code is not None:
            raise _RestError(400, code, _REFUSALS.get(code, "The message cannot be sent"))

    def _create_message(self, params: MultiDict[str]) -> TwilioMessage:
        to = params.get("To", "")
        if not to:
            raise _RestError(400, 21604, "A 'To' phone number is required.")
        if not _is_address(to):
            raise _RestError(400, 21211, f"Invalid 'To' Phone Number: {to}")
        self._refused(to)
        sender = params.get("From") or None
        service = params.get("MessagingServiceSid") or None
        if sender is None and service is None:
            raise _RestError(400, 21603, "A 'From' phone number is required.")
        body = params.get("Body", "")
        if not body and "MediaUrl" not in params and "ContentSid" not in params:
            raise _RestError(400, 21602, "Message body is required.")
        if len(body) > 1600:
            raise _RestError(
                400, 21617, "The concatenated message body exceeds the 1600 character limit."
            )
        sid = self._new_sid("SM")
        now = _rfc2822(self._clock())
        uri = f"/{API_VERSION}/Accounts/{self.account_sid}/Messages/{sid}.json"
        resource: JsonDict = {
            "account_sid": self.account_sid,
            "api_version": API_VERSION,
            "body": body,
            "date_created": now,
            "date_sent": None,
            "date_updated": now,
            "direction": "outbound-api",
            "error_code": None,
            "error_message": None,
            "from": sender,
            "messaging_service_sid": service,
            "num_media": str(len(params.getall("MediaUrl", []))),
            "num_segments": str(sms_segments(body)),
            "price": None,
            "price_unit": "USD",
            "sid": sid,
            # With only a Messaging Service, Twilio answers "accepted" and picks a sender later.
            "status": "queued" if sender is not None else "accepted",
            "subresource_uris": {"media": uri.replace(".json", "/Media.json")},
            "to": to,
            "uri": uri,
        }
        message = TwilioMessage(
            params=dict(params.items()), resource=resource, at=self._monotonic()
        )
        self.messages.append(message)
        return message

    # -- Calls -------------------------------------------------------------------------------

    async def _calls_list(self, request: web.Request) -> web.Response:
        def handle(params: MultiDict[str]) -> tuple[int, JsonDict]:
            if request.method == "POST":
                return 201, self._create_call(params).resource
            if request.method != "GET":
                raise _RestError(405, 20004, "Method not allowed")
            found = [
                c.resource
                for c in reversed(self.calls)
                if params.get("To", c.to) == c.to
                and params.get("From", c.from_) == c.from_
                and params.get("Status", c.status) == c.status
            ]
            return 200, self._page(request, "calls", found)

        return await self._serve(request, "Calls", handle)

    async def _call_instance(self, request: web.Request) -> web.Response:
        def handle(params: MultiDict[str]) -> tuple[int, JsonDict]:
            try:
                call = self.call(request.match_info["sid"])
            except KeyError:
                raise self._not_found(request) from None
            if request.method == "POST":
                self._update_call(call, params)
            elif request.method != "GET":
                raise _RestError(405, 20004, "Method not allowed")
            return 200, call.resource

        return await self._serve(request, "Calls", handle)

    def _create_call(self, params: MultiDict[str]) -> TwilioCall:
        to = params.get("To", "")
        if not to:
            raise _RestError(400, 21201, "No 'To' number is specified")
        if not _is_address(to):
            raise _RestError(400, 21211, f"Invalid 'To' Phone Number: {to}")
        self._refused(to)
        sender = params.get("From", "")
        if not sender:
            raise _RestError(400, 21213, "No 'From' number is specified")
        if not any(params.get(name) for name in ("Url", "Twiml", "ApplicationSid")):
            raise _RestError(
                400,
                21205,
                "Url parameter is required. For more information, see "
                "http://www.twilio.com/docs/api/twiml",
            )
        sid = self._new_sid("CA")
        now = _rfc2822(self._clock())
        uri = f"/{API_VERSION}/Accounts/{self.account_sid}/Calls/{sid}.json"
        resource: JsonDict = {
            "account_sid": self.account_sid,
            "annotation": None,
            "answered_by": None,
            "api_version": API_VERSION,
            "caller_name": None,
            "date_created": now,
            "date_updated": now,
            "direction": "outbound-api",
            "duration": None,
            "end_time": None,
            "forwarded_from": None,
            "from": sender,
            "from_formatted": sender,
            "group_sid": None,
            "parent_call_sid": None,
            "phone_number_sid": None,
            "price": None,
            "price_unit": "USD",
            "queue_time": "0",
            "sid": sid,
            "start_time": None,
            "status": "queued",
            "subresource_uris": {
                name: uri.replace(".json", f"/{name.title().replace('_', '')}.json")
                for name in ("notifications", "recordings", "payments", "events", "siprec")
            },
            "to": to,
            "to_formatted": to,
            "trunk_sid": None,
            "uri": uri,
        }
        call = TwilioCall(
            params=dict(params.items()),
            resource=resource,
            at=self._monotonic(),
            status_callback_events=params.getall("StatusCallbackEvent", []),
        )
        self.calls.append(call)
        return call

    def _update_call(self, call: TwilioCall, params: MultiDict[str]) -> None:
        ended = call.status in ("completed", "canceled", "failed", "busy", "no-answer")
        status = params.get("Status")
        if status is not None and status not in ("completed", "canceled"):
            raise _RestError(400, 21218, f"Invalid value '{status}' for Status")
        if ended and (status is not None or "Url" in params or "Twiml" in params):
            raise _RestError(400, 21220, "Call is not in-progress. Cannot redirect.")
        call.updates.append(dict(params.items()))
        if status is not None:
            call.resource["status"] = status
            call.resource["end_time"] = _rfc2822(self._clock())
        call.resource["date_updated"] = _rfc2822(self._clock())
