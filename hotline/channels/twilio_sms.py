"""SMS through Twilio Messaging: the chat flow as numbered lines, keywords first, segments counted.

Inbound messages come to POST /twilio/sms, signed like voice webhooks. STOP, START and HELP
(and their equivalents in each locale) always take precedence over the running flow. The
answer goes back in the webhook's own TwiML as <Message> verbs, split where the text reads
well, each part's GSM-7 or UCS-2 segments counted and logged (never the text or the number).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from aiohttp import web
from twilio.twiml.messaging_response import MessagingResponse

from hotline.call_log import SIMULATED_FIELD
from hotline.catalog import Catalog
from hotline.channels.sms_encoding import measure
from hotline.channels.sms_split import split_for_sms
from hotline.channels.sms_transliteration import transliterate
from hotline.channels.twilio_signature import TwilioSignatureCheck
from hotline.conversations.chat import ChatConversations
from hotline.conversations.chat_types import ChatInput, InputKind, Subscriber
from hotline.errors import BadRequest
from hotline.privacy import normalise_number, pseudonym

log = logging.getLogger(__name__)

CHANNEL = "sms"
SMS_PATH = "/twilio/sms"
TWIML = "text/xml"
MAX_SEGMENTS_PER_MESSAGE = 3  # longer parts arrive as a wall of text on a basic phone
_MESSAGE_SID = re.compile(r"^(SM|MM)[0-9a-fA-F]{32}$")
# Understood in every locale: the carriers' and Twilio's own words.
_ALWAYS = {
    "stop": frozenset({"STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"}),
    "start": frozenset({"START", "UNSTOP"}),
    "help": frozenset({"HELP", "INFO"}),
}


class SmsChannel:
    """The SMS webhook."""

    def __init__(
        self,
        *,
        conversations: ChatConversations,
        signature: TwilioSignatureCheck,
        catalog: Catalog,
        pseudonym_key: bytes,
        default_region: str | None,
        transliterate_languages: Iterable[str] = (),
    ) -> None:
        self.conversations = conversations
        self.signature = signature
        self.catalog = catalog
        self.pseudonym_key = pseudonym_key
        self.default_region = default_region
        self.transliterate = frozenset(transliterate_languages)
        self.keywords: dict[str, InputKind] = {}
        for meaning, words in _ALWAYS.items():
            self.keywords.update(dict.fromkeys(words, _kind(meaning)))
        for language in catalog.languages:
            for meaning, words in catalog.sms_keywords(language).items():
                self.keywords.update(dict.fromkeys(words, _kind(meaning)))
        for language in catalog.languages:  # a language's code or name shows the language menu
            self.keywords[language.upper()] = "language"
            self.keywords[catalog.voice(language).name.upper()] = "language"

    async def incoming(self, request: web.Request) -> web.Response:
        """An inbound SMS: move the conversation and answer in TwiML."""
        params = await self.signature.verify(request)
        sid = params.get("MessageSid", "")
        if not _MESSAGE_SID.match(sid):
            raise BadRequest("MessageSid is missing or malformed")
        number = normalise_number(params.get("From", ""), self.default_region)
        if number is None:
            raise BadRequest("From is not a phone number")
        body = params.get("Body", "")
        word = body.strip().rstrip(".!").upper()
        kind = self.keywords.get(word)
        given = ChatInput(kind) if kind is not None else ChatInput("text", body)
        who = Subscriber(
            pseudonym=pseudonym(number, self.pseudonym_key) or "",
            address=number,
            # SMS starts in the deployment's language (or the one chosen last time).
            language_hint=self.conversations.languages.default,
            simulated=params.get(SIMULATED_FIELD) == "yes",  # signed: only `hotline chat`
        )
        reply = await self.conversations.handle(who, given, delivery_id=sid)
        response = MessagingResponse()
        if not reply.duplicate:
            text = "\n\n".join(m.as_plain_text() for m in reply.messages)
            if text and reply.language in self.transliterate:
                text = transliterate(text, reply.language)
            parts = split_for_sms(text, max_segments=MAX_SEGMENTS_PER_MESSAGE) if text else ()
            for part in parts:
                response.message(part)
            sizes = [measure(p) for p in parts]
            log.info(
                "sms answer: %d messages, %d segments (%s)",
                len(parts),
                sum(m.segments for m in sizes),
                ", ".join(sorted({m.encoding for m in sizes})) or "none",
            )
        return web.Response(text=str(response), content_type=TWIML)


def _kind(meaning: str) -> InputKind:
    match meaning:
        case "stop":
            return "stop"
        case "start":
            return "start"
        case _:
            return "help"
