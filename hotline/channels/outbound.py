"""Outbound senders of planned messages: SMS through Twilio's REST API (with a status
callback naming our row), Telegram through the outbox, a voice call through Twilio's REST
API; and the status callback's webhook.

A voice call is placed with answering-machine detection. When it is answered, Twilio asks
`OUTBOUND_PATH?row=ID` what to say (`VoiceChannel.outbound`): a machine hears a short
neutral message and the row is recorded as not answered; a person hears the step's flow, a
check-in ("press 1 if you are fine"), run by the voice conversation like any call. Its
status callback is the SMS one, `REMINDER_STATUS_PATH?row=ID`: a call nobody took (busy,
no-answer, failed) is recorded as such, and a call that ended closes its call log row.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from urllib.parse import urlencode

from aiohttp import web
from telegram import InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden
from twilio.base.exceptions import TwilioRestException

from hotline.channels.telegram import PtbApplication, keyboard
from hotline.channels.telegram_outbox import TelegramOutbox
from hotline.channels.twilio_rest import TwilioRest
from hotline.channels.twilio_signature import TwilioSignatureCheck
from hotline.channels.twilio_voice import FINAL_STATUSES
from hotline.channels.voice_twiml import OUTBOUND_PATH
from hotline.conversations.chat_render import PARAGRAPH
from hotline.errors import BadRequest as BadInput
from hotline.reminders.dispatcher import Dispatcher
from hotline.reminders.outbound import Outbound, SendError, SendFailure

__all__ = ["REMINDER_STATUS_PATH", "ReminderStatus", "SmsSender", "TelegramSender", "VoiceSender"]

log = logging.getLogger(__name__)

REMINDER_STATUS_PATH = "/twilio/reminders/status"
OPTED_OUT = 21610  # the recipient texted STOP to the carrier
NOT_REACHABLE = frozenset({21211, 21614, 21612, 21408})  # invalid, not mobile, unroutable
CLOCK_SKEW = timedelta(minutes=2)  # between our clock and Twilio's date_created
_ROW = re.compile(r"^[0-9]{1,18}$")
_DURATION = re.compile(r"^[0-9]{1,9}$")
# (call sid, seconds) -> whether a conversation was closed: VoiceConversations.finish
CallEnded = Callable[[str, int | None], Awaitable[bool]]


class SmsSender:
    """Sends a planned message as one SMS from the hotline's number."""

    confirms = True

    def __init__(self, rest: TwilioRest, public_url: str) -> None:
        self.rest = rest
        self.public_url = public_url.rstrip("/")

    async def find(self, out: Outbound, since: datetime) -> str | None:
        """The sid of this message among the latest Twilio sent to the number (the same
        text, created since `since`); the gap rule leaves one such message at most."""
        body = _body(out)
        try:
            latest = await self.rest.sent_to(out.address)
        except (TwilioRestException, OSError) as exc:
            raise _unreachable(exc) from None
        for sid, text, created in latest:
            if text == body and (created is None or created >= since - CLOCK_SKEW):
                return sid
        return None

    async def send(self, out: Outbound) -> str | None:
        """Twilio's message sid; SendError as Twilio's error code says."""
        body = _body(out)
        callback = f"{self.public_url}{REMINDER_STATUS_PATH}?row={out.row_id}"
        try:
            return await self.rest.send_sms(out.address, body, status_callback=callback)
        except TwilioRestException as exc:
            raise _twilio_error(exc) from None
        except OSError as exc:
            raise _unreachable(exc) from None


class VoiceSender:
    """Places a planned message as a call from the hotline's number, with answering-machine
    detection; what is said is asked of `OUTBOUND_PATH` once someone (or something) answers."""

    confirms = True

    def __init__(self, rest: TwilioRest, public_url: str) -> None:
        self.rest = rest
        self.public_url = public_url.rstrip("/")

    async def send(self, out: Outbound) -> str | None:
        """Twilio's call sid; SendError as Twilio's error code says."""
        query = urlencode({"row": out.row_id, "lang": out.language})
        try:
            return await self.rest.call(
                out.address,
                f"{self.public_url}{OUTBOUND_PATH}?{query}",
                f"{self.public_url}{REMINDER_STATUS_PATH}?row={out.row_id}",
                machine_detection=True,
            )
        except TwilioRestException as exc:
            raise _twilio_error(exc) from None
        except OSError as exc:
            raise _unreachable(exc) from None

    async def find(self, out: Outbound, since: datetime) -> str | None:
        """The sid of a call placed to the number since `since` (the gap rule leaves one
        such call at most)."""
        try:
            latest = await self.rest.calls_to(out.address)
        except (TwilioRestException, OSError) as exc:
            raise _unreachable(exc) from None
        return next(
            (sid for sid, created in latest if created is None or created >= since - CLOCK_SKEW),
            None,
        )


class TelegramSender:
    """Sends a planned message to a linked chat through the outbox."""

    confirms = False

    def __init__(self, application: PtbApplication, outbox: TelegramOutbox) -> None:
        self.application = application
        self.outbox = outbox

    async def send(self, out: Outbound) -> str | None:
        """The id of the last message Telegram took; SendError when it refused. A check-in's
        choices are buttons of the conversation it opened (`seq`), else numbered lines."""
        chat_id = int(out.address)
        message_id: str | None = None
        for message in out.texts:
            markup = keyboard(message, out.seq) if out.seq is not None else None
            text = message.text if markup is not None else message.as_plain_text()

            async def send_one(
                text: str = text, markup: InlineKeyboardMarkup | None = markup
            ) -> object:
                return await self.application.bot.send_message(
                    chat_id=chat_id, text=text, reply_markup=markup
                )

            try:
                sent = await self.outbox.deliver(chat_id, send_one)
            except (Forbidden, BadRequest) as exc:
                raise SendError(SendFailure.NEXT_CHANNEL, type(exc).__name__) from None
            except Exception as exc:
                raise SendError(SendFailure.RETRY, type(exc).__name__) from None
            message_id = str(getattr(sent, "message_id", "")) or None
        return message_id

    async def find(self, out: Outbound, since: datetime) -> str | None:
        """Telegram cannot be asked what a bot sent: never known."""
        return None


class ReminderStatus:
    """POST /twilio/reminders/status?row=ID: Twilio's status callback of a planned SMS or
    call; a call's end also closes its conversation (`call_ended`), if one was held."""

    def __init__(
        self,
        dispatcher: Dispatcher,
        signature: TwilioSignatureCheck,
        call_ended: CallEnded | None = None,
    ) -> None:
        self.dispatcher = dispatcher
        self.signature = signature
        self.call_ended = call_ended

    async def handle(self, request: web.Request) -> web.Response:
        """Record the provider's word on the row; 204 in any case once signed."""
        params = await self.signature.verify(request)
        row = request.query.get("row", "")
        if not _ROW.match(row):
            raise BadInput("row must name a planned message")
        status = params.get("MessageStatus") or params.get("CallStatus") or ""
        await self.dispatcher.report(int(row), status, params.get("ErrorCode") or None)
        call_sid = params.get("CallSid", "")
        if self.call_ended is not None and call_sid and params.get("CallStatus") in FINAL_STATUSES:
            duration = params.get("CallDuration", "")
            await self.call_ended(call_sid, int(duration) if _DURATION.match(duration) else None)
        return web.Response(status=204)


def _body(out: Outbound) -> str:
    return PARAGRAPH.join(m.as_plain_text() for m in out.texts)


def _unreachable(exc: Exception) -> SendError:
    return SendError(SendFailure.RETRY, f"Twilio unreachable ({type(exc).__name__})")


def _twilio_error(exc: TwilioRestException) -> SendError:
    code = exc.code if isinstance(exc.code, int) else None
    if code == OPTED_OUT:
        return SendError(SendFailure.OPTED_OUT, "opted out at the carrier", code)
    if code in NOT_REACHABLE:
        return SendError(SendFailure.NEXT_CHANNEL, "the number cannot take it", code)
    if exc.status == 429 or exc.status >= 500:
        return SendError(SendFailure.RETRY, f"Twilio answered {exc.status}", code)
    return SendError(SendFailure.NEXT_CHANNEL, f"Twilio refused it ({exc.status})", code)
