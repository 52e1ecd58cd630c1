"""Outbound senders of planned messages: SMS through Twilio's REST API (with a status
callback naming our row), Telegram through the outbox; and the status callback's webhook.

A voice call is not among them yet: the check-in flow is written for chat only (a voice
version needs spoken prompts and audio in every locale); a step whose only channel is
voice is recorded as skipped by the dispatcher ("none of its channels is open here").
"""

from __future__ import annotations

import logging
import re
from datetime import datetime, timedelta

from aiohttp import web
from telegram import InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden
from twilio.base.exceptions import TwilioRestException

from hotline.channels.telegram import PtbApplication, keyboard
from hotline.channels.telegram_outbox import TelegramOutbox
from hotline.channels.twilio_rest import TwilioRest
from hotline.channels.twilio_signature import TwilioSignatureCheck
from hotline.conversations.chat_render import PARAGRAPH
from hotline.errors import BadRequest as BadInput
from hotline.reminders.dispatcher import Dispatcher
from hotline.reminders.outbound import Outbound, SendError, SendFailure

__all__ = ["REMINDER_STATUS_PATH", "ReminderStatus", "SmsSender", "TelegramSender"]

log = logging.getLogger(__name__)

REMINDER_STATUS_PATH = "/twilio/reminders/status"
OPTED_OUT = 21610  # the recipient texted STOP to the carrier
NOT_REACHABLE = frozenset({21211, 21614, 21612, 21408})  # invalid, not mobile, unroutable
CLOCK_SKEW = timedelta(minutes=2)  # between our clock and Twilio's date_created
_ROW = re.compile(r"^[0-9]{1,18}$")


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
            raise SendError(
                SendFailure.RETRY, f"Twilio unreachable ({type(exc).__name__})"
            ) from None
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
            raise SendError(
                SendFailure.RETRY, f"Twilio unreachable ({type(exc).__name__})"
            ) from None


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
    """POST /twilio/reminders/status?row=ID: Twilio's status callback of a planned SMS."""

    def __init__(self, dispatcher: Dispatcher, signature: TwilioSignatureCheck) -> None:
        self.dispatcher = dispatcher
        self.signature = signature

    async def handle(self, request: web.Request) -> web.Response:
        """Record the provider's word on the row; 204 in any case once signed."""
        params = await self.signature.verify(request)
        row = request.query.get("row", "")
        if not _ROW.match(row):
            raise BadInput("row must name a planned message")
        status = params.get("MessageStatus") or params.get("CallStatus") or ""
        await self.dispatcher.report(int(row), status, params.get("ErrorCode") or None)
        return web.Response(status=204)


def _body(out: Outbound) -> str:
    return PARAGRAPH.join(m.as_plain_text() for m in out.texts)


def _twilio_error(exc: TwilioRestException) -> SendError:
    code = exc.code if isinstance(exc.code, int) else None
    if code == OPTED_OUT:
        return SendError(SendFailure.OPTED_OUT, "opted out at the carrier", code)
    if code in NOT_REACHABLE:
        return SendError(SendFailure.NEXT_CHANNEL, "the number cannot take an SMS", code)
    if exc.status == 429 or exc.status >= 500:
        return SendError(SendFailure.RETRY, f"Twilio answered {exc.status}", code)
    return SendError(SendFailure.NEXT_CHANNEL, f"Twilio refused it ({exc.status})", code)
