"""A voicemail's recording, for the specialist who took it: fetched from Twilio with the
account's credentials and sent to them on Telegram as audio, after the task's own message.

Twilio keeps a recording behind the account's credentials (the RecordingUrl of a `<Record>`,
as MP3 with `.mp3` appended). Only a link to the configured account's own recordings on the
configured API is ever fetched, so a stored link cannot send the credentials elsewhere.
Where the deployment asks (`HOTLINE_DELETE_RECORDINGS=yes`), the recording is deleted at
Twilio once it has reached the specialist; the link itself is deleted with the task, as
before. Nothing here is logged but the recording's SID.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

import aiohttp
from telegram import Bot, InputFile

from hotline.channels.telegram_outbox import TelegramOutbox
from hotline.crypto import DataCipher
from hotline.escalation.ports import UnitsOfWork

log = logging.getLogger(__name__)

TWILIO_API = "https://api.twilio.com"
API_VERSION = "2010-04-01"
FETCH_TIMEOUT_S = 20.0
MAX_BYTES = 20_000_000  # ten minutes of MP3 is about 10 MB; Telegram takes 50 MB
_SID = re.compile(r"^RE[0-9a-f]{32}$")


@dataclass(frozen=True)
class TwilioAccount:
    """Whose recordings may be fetched, and where."""

    sid: str
    token: str
    api_url: str | None = None  # Twilio's own API unless set (tests: a fake on loopback)

    @property
    def recordings(self) -> str:
        """The address every recording of this account starts with."""
        base = (self.api_url or TWILIO_API).rstrip("/")
        return f"{base}/{API_VERSION}/Accounts/{self.sid}/Recordings/"

    def recording_sid(self, url: str) -> str | None:
        """The SID of one of this account's recordings at this link, else None."""
        if not url.startswith(self.recordings):
            return None
        sid = url.removeprefix(self.recordings).removesuffix(".json")
        return sid if _SID.match(sid) else None


class RecordingUnavailable(Exception):
    """Twilio did not give the recording (gone, refused, unreachable)."""


class Recordings:
    """Voicemails' recordings at Twilio: which one a task holds, its audio, its deletion."""

    def __init__(self, *, units: UnitsOfWork, cipher: DataCipher, account: TwilioAccount) -> None:
        self._units = units
        self.cipher = cipher
        self.account = account

    async def of(self, escalation_id: str) -> str | None:
        """The task's recording SID; "" for a link that is not this account's; None for a
        task without a recording (a callback request) or one closed."""
        async with self._units() as uow:
            task = await uow.tasks.get(escalation_id)
        if task is None or task.recording_url is None:
            return None
        return self.account.recording_sid(self.cipher.decrypt(task.recording_url)) or ""

    def _auth(self) -> aiohttp.BasicAuth:
        return aiohttp.BasicAuth(self.account.sid, self.account.token)

    async def fetch(self, sid: str) -> bytes:
        """The recording as MP3; RecordingUnavailable when Twilio does not give it."""
        if not sid:
            raise RecordingUnavailable("the link is not one of this Twilio account's recordings")
        timeout = aiohttp.ClientTimeout(total=FETCH_TIMEOUT_S)
        try:
            async with (
                aiohttp.ClientSession(timeout=timeout) as session,
                session.get(f"{self.account.recordings}{sid}.mp3", auth=self._auth()) as answer,
            ):
                if answer.status != 200:
                    raise RecordingUnavailable(f"Twilio answered {answer.status}")
                audio = await answer.content.read(MAX_BYTES + 1)
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise RecordingUnavailable(f"Twilio unreachable ({type(exc).__name__})") from None
        if len(audio) > MAX_BYTES:
            raise RecordingUnavailable("the recording is larger than Telegram takes")
        return audio

    async def delete(self, sid: str) -> bool:
        """Delete the recording at Twilio; a failure is one line, the recording stays."""
        timeout = aiohttp.ClientTimeout(total=FETCH_TIMEOUT_S)
        try:
            async with (
                aiohttp.ClientSession(timeout=timeout) as session,
                session.delete(f"{self.account.recordings}{sid}.json", auth=self._auth()) as a,
            ):
                if a.status in (204, 404):
                    return True
                log.warning("recording %s not deleted at Twilio: it answered %s", sid, a.status)
        except (aiohttp.ClientError, TimeoutError) as exc:
            log.warning("recording %s not deleted at Twilio (%s)", sid, type(exc).__name__)
        return False


class VoicemailAudio:
    """Sends a voicemail's recording to whoever took it on Telegram, and deletes it at Twilio
    after if the deployment asks."""

    def __init__(
        self,
        *,
        recordings: Recordings,
        bot: Callable[[], Bot],
        outbox: TelegramOutbox,
        delete_after: bool,
    ) -> None:
        self.recordings = recordings
        self._bot = bot
        self.outbox = outbox
        self.delete_after = delete_after

    def send_to(self, chat_id: int, escalation_id: str, *, caption: str, unavailable: str) -> None:
        """Queue the recording for this chat, after what is queued for it already: the
        recording with `caption`, or `unavailable` when Twilio does not give it. A callback
        request without a recording sends nothing."""

        async def send() -> None:
            sid = await self.recordings.of(escalation_id)
            if sid is None:
                return
            try:
                audio = await self.recordings.fetch(sid)
            except RecordingUnavailable as exc:
                log.warning("voicemail recording %s not fetched from Twilio: %s", sid or "?", exc)
                await self._bot().send_message(chat_id, unavailable)
                return
            await self._bot().send_audio(
                chat_id,
                audio=InputFile(audio, filename="voicemail.mp3"),
                caption=caption[:1024],
            )
            if self.delete_after:
                await self.recordings.delete(sid)

        self.outbox.enqueue(chat_id, send)
