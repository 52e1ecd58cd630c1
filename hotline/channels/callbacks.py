"""Calling a caller back through the hotline: the specialist's phone first, then the caller's.

A specialist presses "Call back" on Telegram. The server asks Twilio to ring the
specialist's phone from the hotline's number; when they answer they hear which language the
caller speaks and press 1; then the caller is dialled, again from the hotline's number, and
the two are bridged. Neither sees the other's number. The caller's number is decrypted only
here, into the TwiML Twilio reads, and never logged.
"""

from __future__ import annotations

import logging
import re

from aiohttp import web
from twilio.twiml.voice_response import Dial, Gather, VoiceResponse

from hotline.channels.twilio_rest import TwilioRest
from hotline.channels.twilio_signature import TwilioSignatureCheck
from hotline.channels.voice_twiml import VoiceRenderer
from hotline.errors import BadRequest
from hotline.escalation.board import DutyBoard
from hotline.escalation.calls import whisper_language
from hotline.escalation.service import EscalationService
from hotline.flows.actions import Say
from hotline.flows.engine import LanguageSource
from hotline.messages import MessageId

log = logging.getLogger(__name__)

CALLBACK_PATH = "/twilio/voice/callback"
ACCEPT_KEY = "1"
OFFER_TIMEOUT_S = 10
DIAL_TIMEOUT_S = 40  # the caller's phone: give them time to find it
_ID = re.compile(r"^[0-9a-f-]{36}$")
_STAFF = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")


class CallbackCalls:
    """Places callbacks (the escalation service's `CallbackDialer`) and answers the TwiML of
    their legs."""

    def __init__(
        self,
        *,
        rest: TwilioRest,
        escalations: EscalationService,
        board: DutyBoard,
        renderer: VoiceRenderer,
        signature: TwilioSignatureCheck,
        languages: LanguageSource,
    ) -> None:
        self.rest = rest
        self.escalations = escalations
        self.board = board
        self.renderer = renderer
        self.signature = signature
        self.languages = languages

    async def ring(self, escalation_id: str, staff_id: str, staff_phone: str) -> str:
        """Ring the specialist; returns Twilio's call sid."""
        url = self.renderer.url(CALLBACK_PATH, esc=escalation_id, staff=staff_id)
        return await self.rest.call(staff_phone, url)

    async def leg(self, request: web.Request) -> web.Response:
        """The specialist answered (offer), pressed a key (dial the caller), or it ended."""
        params = await self.signature.verify(request)
        escalation_id = request.query.get("esc", "")
        staff_id = request.query.get("staff", "")
        if not _ID.match(escalation_id) or not _STAFF.match(staff_id):
            raise BadRequest("esc and staff must name a callback and a staff member")
        stage = request.query.get("stage", "offer")
        target = await self.escalations.callback_target(escalation_id, staff_id)
        if target is None:
            raise BadRequest("no such callback")
        record = target.record
        snapshot = await self.board.current()
        language = whisper_language(snapshot, staff_id, self.languages)
        response = VoiceResponse()
        if stage == "done":
            log.info(
                "callback %s: the call ended (%s)", escalation_id, params.get("DialCallStatus")
            )
            response.hangup()
            return _twiml(response)
        if target.number is None:
            self.renderer.say(response, Say(MessageId.CALLBACK_CLOSED, language))
            response.hangup()
            return _twiml(response)
        if stage == "key" and params.get("Digits") == ACCEPT_KEY:
            self.renderer.say(response, Say(MessageId.CALLBACK_DIALING, language))
            dial = Dial(
                action=self.renderer.url(
                    CALLBACK_PATH, esc=escalation_id, staff=staff_id, stage="done"
                ),
                method="POST",
                timeout=DIAL_TIMEOUT_S,
                caller_id=self.rest.from_number,
            )
            dial.number(target.number)
            response.append(dial)
            return _twiml(response)
        gather = Gather(
            action=self.renderer.url(CALLBACK_PATH, esc=escalation_id, staff=staff_id, stage="key"),
            method="POST",
            input="dtmf",
            num_digits=1,
            timeout=OFFER_TIMEOUT_S,
            action_on_empty_result=False,
        )
        self.renderer.say(
            gather, Say(MessageId.CALLBACK_WHISPER, language, (("code", record.language),))
        )
        response.append(gather)
        response.hangup()
        return _twiml(response)


def _twiml(response: VoiceResponse) -> web.Response:
    return web.Response(text=str(response), content_type="text/xml")
