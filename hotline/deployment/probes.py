"""What `hotline check` looks at outside the process: the data folder, the public URL, the
Twilio number and the Telegram webhook. Each answer is a fact for `judge`, or `Unreachable`
with the reason in an operator's words; nothing here raises for a network failure.
"""

from __future__ import annotations

import asyncio
import os
import ssl

import aiohttp
from telegram import Bot
from telegram.error import InvalidToken, NetworkError, TelegramError
from twilio.base.exceptions import TwilioException, TwilioRestException
from twilio.http.http_client import TwilioHttpClient
from twilio.rest import Client

from hotline.config import Settings
from hotline.deployment.model import Health, NumberWebhooks, Unreachable, WebhookState
from hotline.observe.folder import data_folder_problem as data_folder_problem
from hotline.routes import HEALTH_PATH

TIMEOUT_S = 10.0
_LISTENING = "is the proxy running, and port 443 open to the internet?"
_DNS = "point the name's DNS record at this machine"


async def health(public_url: str) -> Health | Unreachable:
    """GET <public URL>/healthz, as Twilio would reach it from outside."""
    url = public_url + HEALTH_PATH
    timeout = aiohttp.ClientTimeout(total=TIMEOUT_S)
    try:
        async with (
            aiohttp.ClientSession(timeout=timeout) as session,
            session.get(url, allow_redirects=False) as response,
        ):
            status = response.status
            try:
                body = await response.json(content_type=None)
            except ValueError:  # not JSON: a page of the proxy or of something else
                body = None
    except aiohttp.ClientConnectorCertificateError as exc:
        return Unreachable(
            f"its TLS certificate is not valid ({exc.certificate_error}): renew it "
            "(certbot renew), or point the proxy at the right one"
        )
    except aiohttp.ClientConnectorDNSError:
        return Unreachable(f"the name does not resolve: {_DNS}")
    except aiohttp.ClientConnectorError as exc:
        cause = exc.os_error  # aiohttp words it "Connect call failed (host, port)"
        said = os.strerror(cause.errno) if cause.errno else str(cause)
        return Unreachable(f"cannot connect ({said}); {_LISTENING}")
    except ssl.SSLError as exc:
        return Unreachable(f"TLS failed ({exc.reason}): is the proxy serving https there?")
    except (aiohttp.ClientError, TimeoutError) as exc:
        return Unreachable(
            f"no answer within {TIMEOUT_S:.0f} s ({type(exc).__name__}); {_LISTENING}"
        )
    from_hotline = isinstance(body, dict) and body.get("status") == "alive"
    return Health(status=status, from_hotline=from_hotline)


async def twilio_number(settings: Settings) -> NumberWebhooks | Unreachable | None:
    """The webhooks of HOTLINE_PHONE_NUMBER on the account (None: account or number unset)."""
    sid, number = settings.twilio_account_sid, settings.phone_number
    if not (sid and number):
        return None
    http = TwilioHttpClient(timeout=TIMEOUT_S)
    client = Client(sid, settings.twilio_auth_token, http_client=http)
    if settings.twilio_api_url is not None:
        client.api.base_url = settings.twilio_api_url
    try:
        found = await asyncio.to_thread(
            client.incoming_phone_numbers.list, phone_number=number, limit=1
        )
    except (TwilioException, OSError) as exc:
        status = _twilio_status(exc)
        if status == 401:
            return Unreachable(
                "Twilio refused HOTLINE_TWILIO_ACCOUNT_SID with HOTLINE_TWILIO_AUTH_TOKEN: copy "
                "both from the Twilio console (Account > API keys & tokens)"
            )
        if status is not None:
            return Unreachable(f"Twilio answered {status} when asked for the number")
        return Unreachable(f"cannot reach Twilio's API ({type(exc).__name__})")
    finally:
        if http.session is not None:
            http.session.close()
    if not found:
        return Unreachable(
            f"the account has no number {number}: fix HOTLINE_PHONE_NUMBER, or buy the number "
            "on this account"
        )
    record = found[0]
    return NumberWebhooks(
        phone_number=str(record.phone_number),
        voice_url=record.voice_url or "",
        voice_method=record.voice_method or "",
        status_callback=record.status_callback or "",
        voice_fallback_url=record.voice_fallback_url or "",
        sms_url=record.sms_url or "",
        voice_application_sid=record.voice_application_sid or "",
        sms_application_sid=record.sms_application_sid or "",
    )


def _twilio_status(exc: BaseException) -> int | None:
    """The HTTP status of Twilio's refusal: a REST error's, or a list page's ("Unable to fetch
    page", with the response), None when no answer came."""
    if isinstance(exc, TwilioRestException):
        return int(exc.status)
    response = exc.args[1] if isinstance(exc, TwilioException) and len(exc.args) > 1 else None
    status = getattr(response, "status_code", None)
    return status if isinstance(status, int) else None


async def telegram_webhook(settings: Settings) -> WebhookState | Unreachable | None:
    """The bot's webhook as Telegram reports it (None: Telegram is off)."""
    if not settings.telegram_token:
        return None
    api = settings.telegram_api_url
    bot = (
        Bot(settings.telegram_token)
        if api is None
        else Bot(settings.telegram_token, base_url=f"{api}/bot", base_file_url=f"{api}/file/bot")
    )
    try:
        async with asyncio.timeout(TIMEOUT_S), bot:
            info = await bot.get_webhook_info()
    except InvalidToken:
        return Unreachable(
            "Telegram refused HOTLINE_TELEGRAM_TOKEN: copy the token again from @BotFather"
        )
    except (NetworkError, TimeoutError) as exc:
        return Unreachable(f"cannot reach Telegram's Bot API ({type(exc).__name__})")
    except TelegramError as exc:
        return Unreachable(f"Telegram answered: {exc.message}")
    return WebhookState(
        url=info.url,
        pending_update_count=info.pending_update_count,
        last_error_date=info.last_error_date,
        last_error_message=info.last_error_message,
        allowed_updates=tuple(info.allowed_updates or ()) or None,
    )
