"""Check X-Twilio-Signature against the configured public URL, before anything else."""

from __future__ import annotations

from aiohttp import web
from multidict import MultiDict, MultiDictProxy
from twilio.request_validator import RequestValidator

from hotline.errors import BadRequest, Forbidden
from hotline.request_ids import current, follow, for_twilio

SIGNATURE_HEADER = "X-Twilio-Signature"


class TwilioSignatureCheck:
    """Validates Twilio webhooks as Twilio signs them: public URL + path + query, and the form.

    The URL is rebuilt from HOTLINE_PUBLIC_URL, never from the Host header or the scheme the
    request arrived with: a reverse proxy changes both, and an attacker controls the Host.
    """

    def __init__(self, auth_token: str, public_url: str) -> None:
        # No token (a Telegram-only deployment): no request is Twilio's, whatever it carries.
        self._open = bool(auth_token)
        self._validator = RequestValidator(auth_token)
        self._public_url = public_url.rstrip("/")

    def url_for(self, request: web.BaseRequest) -> str:
        """The URL Twilio requested, as it signed it."""
        return self._public_url + request.raw_path

    async def verify(self, request: web.BaseRequest) -> MultiDictProxy[str]:
        """The form parameters of a genuine Twilio request; Forbidden otherwise. A genuine
        request's log lines carry its call's id from here on (`request_ids.for_twilio`).

        A body that cannot be read as a form is BadRequest: it was not signed by anyone.
        """
        signature = request.headers.get(SIGNATURE_HEADER)
        if not signature:
            raise Forbidden("missing X-Twilio-Signature")
        if not self._open:
            raise Forbidden("this hotline takes no Twilio webhooks (no HOTLINE_TWILIO_AUTH_TOKEN)")
        try:
            content_type = request.content_type
        except Exception:  # the stdlib's header parser trips on some values (";0*"): only parsing
            raise BadRequest("the Content-Type header cannot be read") from None
        if content_type == "multipart/form-data":
            raise BadRequest("Twilio posts url-encoded forms, never multipart")
        try:
            form = await request.post()
        except (UnicodeDecodeError, LookupError):  # bytes not in the charset, or no such charset
            raise BadRequest("the form is not text in its charset") from None
        params: MultiDict[str] = MultiDict((k, v) for k, v in form.items() if isinstance(v, str))
        if len(params) != len(form) or not self._validator.validate(
            self.url_for(request), params, signature
        ):
            raise Forbidden("invalid X-Twilio-Signature")
        # Genuine: from here the log lines carry the call's (or the message's) id.
        follow(for_twilio(params) or current())
        return MultiDictProxy(params)
