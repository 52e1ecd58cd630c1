"""Outbound Twilio: calls placed by the server (callbacks) and SMS it sends on its own.

The sync twilio client is used in worker threads of its own: its async client raises
aiohttp deprecation warnings in twilio 9. A morning's reminders are many requests, each
waiting on Twilio's answer, so there are enough threads for them to wait side by side.
A 429 (error 20429) is safe to retry and is retried a few times.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime

from twilio.base.exceptions import TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

log = logging.getLogger(__name__)

REQUEST_TIMEOUT_S = 10.0
RETRIES_ON_429 = 3
THREADS = 32  # requests waiting on Twilio at once (the default pool has cpu + 4)
BACKOFF_S = 1.0


class TwilioRest:
    """Places calls and sends SMS from the hotline's own number."""

    def __init__(
        self, account_sid: str, auth_token: str, from_number: str, api_url: str | None = None
    ) -> None:
        self.from_number = from_number
        self._client = Client(
            account_sid, auth_token, http_client=TwilioHttpClient(timeout=REQUEST_TIMEOUT_S)
        )
        if api_url is not None:
            self._client.api.base_url = api_url
        self._pool = ThreadPoolExecutor(max_workers=THREADS, thread_name_prefix="twilio")

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

        def create() -> str:
            kwargs = {"status_callback": status_callback} if status_callback else {}
            if machine_detection:
                kwargs["machine_detection"] = "Enable"
            call = self._client.calls.create(
                to=to, from_=self.from_number, url=url, method="POST", **kwargs
            )
            return str(call.sid)

        return await self._retrying(create)

    async def send_sms(self, to: str, body: str, status_callback: str | None = None) -> str:
        """Send an SMS from the hotline's number; Twilio reports its fate to `status_callback`."""

        def create() -> str:
            kwargs = {"status_callback": status_callback} if status_callback else {}
            message = self._client.messages.create(
                to=to, from_=self.from_number, body=body, **kwargs
            )
            return str(message.sid)

        return await self._retrying(create)

    async def sent_to(self, to: str, limit: int = 20) -> list[tuple[str, str, datetime | None]]:
        """The latest messages sent to `to`: (sid, body, when created), newest first."""

        def read() -> list[tuple[str, str, datetime | None]]:
            found = self._client.messages.list(to=to, limit=limit)
            return [(str(m.sid), str(m.body or ""), m.date_created) for m in found]

        return await asyncio.get_running_loop().run_in_executor(self._pool, read)

    async def calls_to(self, to: str, limit: int = 20) -> list[tuple[str, datetime | None]]:
        """The latest calls placed to `to`: (sid, when created), newest first."""

        def read() -> list[tuple[str, datetime | None]]:
            found = self._client.calls.list(to=to, limit=limit)
            return [(str(c.sid), c.date_created) for c in found]

        return await asyncio.get_running_loop().run_in_executor(self._pool, read)

    async def _retrying(self, work: Callable[[], str]) -> str:
        for attempt in range(RETRIES_ON_429 + 1):
            try:
                return str(await asyncio.get_running_loop().run_in_executor(self._pool, work))
            except TwilioRestException as exc:
                if exc.status != 429 or attempt == RETRIES_ON_429:
                    raise
                log.warning("Twilio said 429 (too many requests); trying again")
                await asyncio.sleep(BACKOFF_S * (attempt + 1))
        raise AssertionError("the loop returns or raises")
