"""create_app: the aiohttp application of a built hotline; it runs while the app runs."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from datetime import datetime

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncEngine

from hotline.bootstrap import Hotline, build
from hotline.catalog import Catalog
from hotline.channels.telegram import TelegramChannel
from hotline.clock import utc_now
from hotline.config import Settings
from hotline.conversations.voice_spool import VoiceSpool
from hotline.errors import BadRequest, DatabaseUnavailable, Forbidden
from hotline.escalation.board import DutyBoard
from hotline.escalation.service import EscalationService
from hotline.flows.model import Flow
from hotline.http_log import quiet_malformed_http
from hotline.observe.endpoints import timing
from hotline.request_ids import request_ids
from hotline.routes import routes
from hotline.storage.staff import StaffDirectory
from hotline.storage.unit_of_work import SqlUnitsOfWork
from hotline.web import dashboard

log = logging.getLogger(__name__)

HOTLINE = web.AppKey("hotline", Hotline)
SETTINGS = web.AppKey("settings", Settings)
BOARD = web.AppKey("board", DutyBoard)
VOICE_SPOOL = web.AppKey("voice_spool", VoiceSpool)
ESCALATIONS = web.AppKey("escalations", EscalationService)
TELEGRAM_CHANNEL = web.AppKey("telegram", TelegramChannel)  # with the Telegram bot only
# While the app runs (the database opens with it):
ENGINE = web.AppKey("engine", AsyncEngine)
UNITS = web.AppKey("units", SqlUnitsOfWork)
STAFF = web.AppKey("staff", StaffDirectory)


def create_app(
    settings: Settings,
    *,
    clock: Callable[[], datetime] = utc_now,
    catalog: Catalog | None = None,
    flows: Mapping[str, Flow] | None = None,
    hotline: Hotline | None = None,
) -> web.Application:
    """The application of `hotline` (built from the other arguments unless given)."""
    hotline = hotline or build(settings, clock=clock, catalog=catalog, flows=flows)
    # The request id first: the lines of every later middleware and handler carry it.
    app = web.Application(middlewares=[request_ids, timing, _errors])
    app[HOTLINE] = hotline
    app[SETTINGS] = hotline.settings
    app[BOARD] = hotline.board
    app[VOICE_SPOOL] = hotline.voice_spool
    app[ESCALATIONS] = hotline.escalations
    if hotline.telegram is not None:
        app[TELEGRAM_CHANNEL] = hotline.telegram.channel
    app.cleanup_ctx.append(quiet_malformed_http)
    app.cleanup_ctx.append(_running)
    app.router.add_routes(routes(hotline))
    dashboard.register(app, hotline)
    return app


async def _running(app: web.Application) -> AsyncIterator[None]:
    """The database, the Telegram bot and the scheduler, for the app's lifetime."""
    async with app[HOTLINE].running() as hotline:
        database = hotline.database
        app[ENGINE] = database.engine
        app[UNITS] = database.units
        app[STAFF] = database.staff()
        yield


async def tidy(app: web.Application, now: datetime) -> None:
    """Housekeeping of the database: close what was left open, forget what is past keeping."""
    await app[HOTLINE].tidy(now)


@web.middleware
async def _errors(
    request: web.Request, handler: Callable[[web.Request], Awaitable[web.StreamResponse]]
) -> web.StreamResponse:
    """Domain errors become HTTP answers here, and only here."""
    try:
        return await handler(request)
    except Forbidden as exc:
        log.warning("403 on %s: %s", request.path, exc)
        return web.Response(status=403, text=f"forbidden: {exc}\n")
    except BadRequest as exc:
        log.warning("400 on %s: %s", request.path, exc)
        return web.Response(status=400, text=f"bad request: {exc}\n")
    except DatabaseUnavailable as exc:  # Telegram redelivers on a non-2xx; one line, no trace
        log.error("503 on %s: %s", request.path, exc)
        return web.Response(status=503, text="the hotline's database does not answer\n")
