"""Every HTTP route of the server, in one place: the Twilio and Telegram webhooks, audio, health,
readiness and metrics, the HSDS read API."""

from __future__ import annotations

from aiohttp import web

from hotline.bootstrap import Hotline
from hotline.channels.callbacks import CALLBACK_PATH
from hotline.channels.outbound import REMINDER_STATUS_PATH
from hotline.channels.telegram import WEBHOOK_PATH as TELEGRAM_PATH
from hotline.channels.twilio_sms import SMS_PATH
from hotline.channels.voice_twiml import FALLBACK_PATH, OUTBOUND_PATH, STEP_PATH, WHISPER_PATH
from hotline.observe.endpoints import HEALTH_PATH, LIVE_PATH, READY_PATH, Observability
from hotline.observe.readiness import ReadinessProbe
from hotline.prompts.library import AUDIO_PATH
from hotline.prompts.spoken import SPOKEN_PATH
from hotline.web.hsds_api import HsdsApi

VOICE_PATH = "/twilio/voice"  # the number's "a call comes in" webhook
STATUS_PATH = "/twilio/voice/status"  # the number's call status callback
__all__ = ["HEALTH_PATH", "LIVE_PATH", "READY_PATH", "STATUS_PATH", "VOICE_PATH", "routes"]


def routes(hotline: Hotline) -> list[web.RouteDef]:
    """The routes of every channel that is on."""
    voice = hotline.voice
    table = [
        web.post(VOICE_PATH, voice.incoming),
        web.post(STEP_PATH, voice.step),
        web.post(STATUS_PATH, voice.status),
        web.post(FALLBACK_PATH, voice.fallback),
        web.post(OUTBOUND_PATH, voice.outbound),  # a call the dispatcher placed was answered
        web.post(WHISPER_PATH, voice.whisper.handle),  # on the specialist's leg
        web.get(AUDIO_PATH + "/{lang}/{file}", hotline.audio.serve),
        web.get(SPOKEN_PATH + "/{lang}/{file}", hotline.spoken.serve),
        *observability(hotline).routes(),
        *HsdsApi(hotline.core.directory, hotline.settings.directory).routes(),
    ]
    if hotline.callbacks is not None:
        table.append(web.post(CALLBACK_PATH, hotline.callbacks.leg))
    if hotline.sms is not None:
        table.append(web.post(SMS_PATH, hotline.sms.incoming))
    if hotline.reminder_status is not None:
        table.append(web.post(REMINDER_STATUS_PATH, hotline.reminder_status.handle))
    if hotline.telegram is not None:
        table.append(web.post(TELEGRAM_PATH, hotline.telegram.channel.webhook))
    return table


def observability(hotline: Hotline) -> Observability:
    """/healthz, /livez, /readyz and /metrics on the server's database and data folder."""
    database, settings = hotline.database, hotline.settings
    return Observability(
        lambda: database.engine,
        ReadinessProbe(lambda: database.engine, settings.data_dir),
        settings.observe,
        forwarded_for=settings.forwarded_for,
        clock=hotline.clock,
    )
