"""Every HTTP route of the server, in one place: the Twilio and Telegram webhooks, audio, health,
the HSDS read API."""

from __future__ import annotations

import asyncio

from aiohttp import web
from sqlalchemy import text

from hotline.bootstrap import Database, Hotline
from hotline.channels.callbacks import CALLBACK_PATH
from hotline.channels.outbound import REMINDER_STATUS_PATH
from hotline.channels.telegram import WEBHOOK_PATH as TELEGRAM_PATH
from hotline.channels.twilio_sms import SMS_PATH
from hotline.channels.voice_twiml import FALLBACK_PATH, OUTBOUND_PATH, STEP_PATH, WHISPER_PATH
from hotline.prompts.library import AUDIO_PATH
from hotline.prompts.spoken import SPOKEN_PATH
from hotline.web.hsds_api import HsdsApi

VOICE_PATH = "/twilio/voice"  # the number's "a call comes in" webhook
STATUS_PATH = "/twilio/voice/status"  # the number's call status callback
HEALTH_PATH = "/healthz"
LIVE_PATH = "/livez"  # the process answers, whatever the database does
HEALTH_TIMEOUT_S = 1.0


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
        web.get(HEALTH_PATH, Health(hotline.database).check),
        web.get(LIVE_PATH, alive),
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


async def alive(request: web.Request) -> web.Response:
    """GET /livez: 200 while the process answers requests. A database outage does not count:
    calls are still answered then (the voice spool), so an orchestrator must neither restart
    nor unroute the server for it; /healthz tells monitoring about the database."""
    del request
    return web.json_response({"status": "alive"})


class Health:
    """GET /healthz: 200 while the database answers within a second, else 503."""

    def __init__(self, database: Database) -> None:
        self.database = database

    async def check(self, request: web.Request) -> web.Response:
        """Run SELECT 1 on the database."""
        del request
        try:
            async with asyncio.timeout(HEALTH_TIMEOUT_S):
                async with self.database.engine.connect() as conn:
                    await conn.execute(text("SELECT 1"))
        except Exception:
            return web.json_response({"status": "degraded", "database": "unreachable"}, status=503)
        return web.json_response({"status": "ok", "database": "ok"})
