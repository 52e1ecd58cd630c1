"""The whisper: what a specialist hears when their phone rings for a call, before the caller
is put through ("Hotline call. Language: Georgian. To take the call, press 1.").

Who took a call is decided here, not by Twilio's DialCallStatus: a personal voicemail that
picks up never presses 1, so it is never "answered". A silent-line escalation's whisper says
the line may be silent.
"""

from __future__ import annotations

import logging
import re

from aiohttp import web
from twilio.twiml.voice_response import Gather, VoiceResponse

from hotline.channels.twilio_signature import TwilioSignatureCheck
from hotline.channels.voice_twiml import WHISPER_PATH, VoiceRenderer
from hotline.errors import BadRequest
from hotline.escalation.board import DutyBoard
from hotline.escalation.calls import whisper_language
from hotline.escalation.service import EscalationService
from hotline.flows.actions import Say
from hotline.flows.engine import SILENT_LINE, LanguageSource
from hotline.messages import MessageId

log = logging.getLogger(__name__)

WHISPER_TIMEOUT_S = 8  # seconds a specialist has to press 1 after each offer
WHISPER_OFFERS = 2  # the offer is said this often before the whisper hangs up
ACCEPT_KEY = "1"
_ID = re.compile(r"^[0-9a-f-]{36}$")
_STAFF = re.compile(r"^[a-z0-9][a-z0-9_-]{0,31}$")


class VoiceWhisper:
    """The whisper webhook (Twilio runs it on the specialist's leg)."""

    def __init__(
        self,
        *,
        board: DutyBoard,
        escalations: EscalationService,
        renderer: VoiceRenderer,
        languages: LanguageSource,
        signature: TwilioSignatureCheck,
    ) -> None:
        self.board = board
        self.escalations = escalations
        self.renderer = renderer
        self.languages = languages
        self.signature = signature

    async def handle(self, request: web.Request) -> web.Response:
        """The specialist picked up: offer the call; on 1, take it (first one wins)."""
        params = await self.signature.verify(request)
        escalation_id = request.query.get("esc", "")
        staff_id = request.query.get("staff", "")
        if not _ID.match(escalation_id) or not _STAFF.match(staff_id):
            raise BadRequest("esc and staff must name an escalation and a staff member")
        caller_language = request.query.get("lang", "")
        if caller_language not in self.languages.current.offered:
            raise BadRequest("lang must be one of the hotline's languages")
        snapshot = await self.board.current()
        language = whisper_language(snapshot, staff_id, self.languages)
        response = VoiceResponse()
        if request.query.get("stage") == "key" and params.get("Digits") == ACCEPT_KEY:
            holder = await self.escalations.take_call(escalation_id, staff_id)
            if holder is None:
                log.info("escalation %s taken by %s", escalation_id, staff_id)
                return _twiml(response)  # an empty answer: Twilio puts the call through
            self.renderer.say(response, Say(MessageId.WHISPER_TAKEN_ELSEWHERE, language))
            response.hangup()
            return _twiml(response)
        record = await self.escalations.get(escalation_id)
        silent = record is not None and record.reason == SILENT_LINE
        offer_message = MessageId.WHISPER_OFFER_SILENT if silent else MessageId.WHISPER_OFFER
        offer = Say(offer_message, language, (("code", caller_language),))
        for _ in range(WHISPER_OFFERS):
            gather = Gather(
                action=self.renderer.url(
                    WHISPER_PATH,
                    esc=escalation_id,
                    staff=staff_id,
                    lang=caller_language,
                    stage="key",
                ),
                method="POST",
                input="dtmf",
                num_digits=1,
                timeout=WHISPER_TIMEOUT_S,
                action_on_empty_result=False,
            )
            self.renderer.say(gather, offer)
            response.append(gather)
        response.hangup()  # no key: not put through, so the next round rings someone else
        return _twiml(response)


def _twiml(response: VoiceResponse) -> web.Response:
    return web.Response(text=str(response), content_type="text/xml")
