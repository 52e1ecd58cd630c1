"""Outbound Twilio: calls placed by the server (callbacks) and SMS it sends on its own.

The twilio client speaks through the SDK's own AsyncTwilioHttpClient (aiohttp), on the
server's event loop: no thread a request, so a morning of reminders costs the server about
a fifth of the CPU the sync client on threads did (0.4 ms a message instead of 1.9 ms,
measured against the loopback fake). twilio 9's async client passes its credentials as
aiohttp's `BasicAuth` and `auth=`, which aiohttp 3.14 calls deprecated: two
DeprecationWarnings, silent outside tests (the test settings ignore exactly those two).
Every request is bounded by REQUEST_TIMEOUT_S around it. A 429 (error 20429) is safe to
retry and is retried a few times; a connection that fails is an OSError (ConnectionError)
to the callers, as it was with the sync client.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from datetime import datetime

import aiohttp
from twilio.base.exceptions import TwilioRestException
from twilio.http.async_http_client import AsyncTwilioHttpClient
from twilio.rest import Client

from hotline.observe import metrics

log = logging.getLogger(__name__)

REQUEST_TIMEOUT_S = 10.0
RETRIES_ON_429 = 3
BACKOFF_S = 1.0


class TwilioRest:
    """Places calls and sends SMS from the hotline's own number."""

    def __init__(
        self, account_sid: str, auth_token: str, from_number: str, api_url: str | None = None
    ) -> None:
        self.from_number = from_number
        self._account = (account_sid, auth_token)
        self._api_url = api_url
        # Made on first use inside the running loop (an aiohttp session belongs to one loop).
        self._client: Client | None = None
        self._http: AsyncTwilioHttpClient | None = None
        self._loop: asyncio.AbstractEventLoop | None = None

    async def call(
        self,
        to: str,
        url: str,
        status_callback: str | None = None,
        *,
        machine_detection: bool = False,
    ) -> str:
        """Ring `to` from the hotline's number; when answered, Twilio fetches TwiML at `url`
        (with `AnsweredBy` when `machine_detection` asks Twilio to tell a machine)."""

        async def create() -> str:
            kwargs = {"status_callback": status_callback} if status_callback else {}
            if machine_detection:
                kwargs["machine_detection"] = "Enable"
            call = await self._rest().calls.create_async(
                to=to, from_=self.from_number, url=url, method="POST", **kwargs
            )
            return str(call.sid)

        return await self._retrying(create)

    async def send_sms(self, to: str, body: str, status_callback: str | None = None) -> str:
        """Send an SMS from the hotline's number; Twilio reports its fate to `status_callback`."""

        async def create() -> str:
            kwargs = {"status_callback": status_callback} if status_callback else {}
            message = await self._rest().messages.create_async(
                to=to, from_=self.from_number, body=body, **kwargs
            )
            return str(message.sid)

        return await self._retrying(create)

    async def sent_to(self, to: str, limit: int = 20) -> list[tuple[str, str, datetime | None]]:
        """The latest messages sent to `to`: (sid, body, when created), newest first."""
        try:
            async with asyncio.timeout(REQUEST_TIMEOUT_S):  # TimeoutError is an OSError
                found = await self._rest().messages.list_async(to=to, limit=limit)
        except aiohttp.ClientError as exc:
            raise ConnectionError(f"Twilio unreachable ({type(exc).__name__})") from None
        return [(str(m.sid), str(m.body or ""), m.date_created) for m in found]

    async def account_problem(self) -> str | None:
        """Why Twilio cannot be used with this account now, in one line; None when it answers.
        Asked once at start: the hotline starts either way."""
        try:
            async with asyncio.timeout(REQUEST_TIMEOUT_S):  # TimeoutError is an OSError
                await self._rest().api.v2010.accounts(self._account[0]).fetch_async()
        except TwilioRestException as exc:
            if exc.status in (401, 403, 404):
                return (
                    f"Twilio refused the account's credentials ({exc.status}): check "
                    "HOTLINE_TWILIO_ACCOUNT_SID and HOTLINE_TWILIO_AUTH_TOKEN (Twilio console, "
                    "Account > API keys & tokens)"
                )
            return f"Twilio answered {exc.status} at start: callbacks and SMS may fail"
        except (aiohttp.ClientError, OSError) as exc:
            return (
                f"Twilio cannot be reached ({type(exc).__name__}): callbacks, SMS and check-in "
                "calls wait until it can; check this server's outbound network"
            )
        return None

    async def close(self) -> None:
        """Close the HTTP session (the server's stop)."""
        http, self._http, self._client, self._loop = self._http, None, None, None
        if http is not None:
            await http.close()

    def _rest(self) -> Client:
        loop = asyncio.get_running_loop()
        if self._client is None or self._loop is not loop:
            self._http = AsyncTwilioHttpClient()  # (its own timeout is not applied: see above)
            self._client = Client(*self._account, http_client=self._http)
            if self._api_url is not None:
                self._client.api.base_url = self._api_url
            self._loop = loop
        return self._client

    async def calls_to(self, to: str, limit: int = 20) -> list[tuple[str, datetime | None]]:
        """The latest calls placed to `to`: (sid, when created), newest first."""
        try:
            async with asyncio.timeout(REQUEST_TIMEOUT_S):  # TimeoutError is an OSError
                found = await self._rest().calls.list_async(to=to, limit=limit)
        except aiohttp.ClientError as exc:
            raise ConnectionError(f"Twilio unreachable ({type(exc).__name__})") from None
        return [(str(c.sid), c.date_created) for c in found]

    async def _retrying(self, work: Callable[[], Awaitable[str]]) -> str:
        for attempt in range(RETRIES_ON_429 + 1):
            try:
                async with asyncio.timeout(REQUEST_TIMEOUT_S):  # TimeoutError is an OSError
                    return await work()
            except aiohttp.ClientError as exc:
                metrics.provider_error("twilio", "unreachable")
                raise ConnectionError(f"Twilio unreachable ({type(exc).__name__})") from None
            except TwilioRestException as exc:
                metrics.provider_error("twilio", exc.code or exc.status)
                if exc.status != 429 or attempt == RETRIES_ON_429:
                    raise
                log.warning("Twilio said 429 (too many requests); trying again")
                await asyncio.sleep(BACKOFF_S * (attempt + 1))
        raise AssertionError("the loop returns or raises")
