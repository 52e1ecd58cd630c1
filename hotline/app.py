"""create_app: wires settings, storage, flows and channels into one aiohttp application."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from datetime import UTC, datetime, timedelta

from aiohttp import web
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine

from hotline import housekeeping
from hotline.catalog import FALLBACK_LANGUAGE, Catalog
from hotline.channels.callbacks import CallbackCalls
from hotline.channels.chat import ChatCases, ChatConversations, ChatTexts
from hotline.channels.staff_desk import PersonSide, StaffDesk
from hotline.channels.telegram import CHANNEL as TELEGRAM
from hotline.channels.telegram import TelegramChannel, build_application
from hotline.channels.telegram import running as telegram_running
from hotline.channels.telegram_outbox import TelegramOutbox
from hotline.channels.twilio_rest import TwilioRest
from hotline.channels.twilio_signature import TwilioSignatureCheck
from hotline.channels.twilio_sms import CHANNEL as SMS
from hotline.channels.twilio_sms import SmsChannel
from hotline.channels.twilio_voice import VoiceChannel, VoiceConfig
from hotline.channels.voice_escalation import VoiceEscalation
from hotline.channels.voice_spool import VoiceSpool
from hotline.channels.voice_twiml import VoiceRenderer
from hotline.clock import utc_now
from hotline.config import Settings
from hotline.crypto import DataCipher
from hotline.errors import BadRequest, ConfigError, Forbidden
from hotline.escalation.board import DutyBoard, DutySnapshot
from hotline.flows.engine import Languages
from hotline.flows.loader import load_builtin_flows
from hotline.flows.model import Flow
from hotline.http_log import quiet_malformed_http
from hotline.messages import MessageId
from hotline.prompts.library import AudioLibrary, audio_name
from hotline.prompts.required import voice_prompts
from hotline.storage import db
from hotline.storage.chats import DELIVERY_MEMORY
from hotline.storage.spool import Spool
from hotline.storage.staff import StaffDirectory
from hotline.storage.unit_of_work import SqlUnitsOfWork

log = logging.getLogger(__name__)

SETTINGS = web.AppKey("settings", Settings)
ENGINE = web.AppKey("engine", AsyncEngine)
UNITS = web.AppKey("units", SqlUnitsOfWork)
STAFF = web.AppKey("staff", StaffDirectory)
BOARD = web.AppKey("board", DutyBoard)
DESK = web.AppKey("desk", StaffDesk)
VOICE_SPOOL = web.AppKey("voice_spool", VoiceSpool)
ALERT_TICK_SECONDS = 15
TELEGRAM_CHANNEL = web.AppKey("telegram", TelegramChannel)
CHAT_FLOW = "family"
HEALTH_TIMEOUT_S = 1.0
SWEEP_MINUTES = 5
SPOOL_REPLAY_SECONDS = 15
NOTICE_MEMORY = timedelta(days=30)  # staff messages of ended escalations, for late replies


def deployment_languages(
    settings: Settings, catalog: Catalog, audio: AudioLibrary, flows: Mapping[str, Flow]
) -> Languages:
    """The languages callers are offered on the phone, the default first.

    Configured with HOTLINE_LANGUAGES; otherwise every shipped locale a caller can hear.
    A locale without a Twilio voice is heard only through audio files, so it is offered
    only once every one of its prompts has a recording or a placeholder: otherwise a caller
    would hear silence, or a voice of another language.
    """
    wanted = settings.languages or (
        settings.default_language,
        *(lang for lang in catalog.languages if lang != settings.default_language),
    )
    unknown = [lang for lang in wanted if lang not in catalog.languages]
    if unknown:
        raise ConfigError(
            f"HOTLINE_LANGUAGES: no locale for {', '.join(unknown)} in {catalog.directory}; "
            f"available: {', '.join(catalog.languages)}"
        )
    offered = wanted
    for _ in range(len(wanted)):  # dropping a language moves the others' menu keys: recheck
        languages = Languages(default=settings.default_language, offered=offered)
        gaps = {
            lang: gap
            for lang in offered
            if not catalog.voice(lang).say_language
            and (
                gap := audio.missing(
                    s for s in voice_prompts(flows, languages) if s.language == lang
                )
            )
        }
        if not gaps:
            return languages
        explicit = settings.default_language in gaps or bool(settings.languages)
        if explicit:
            lang, gap = next(iter(gaps.items()))
            raise ConfigError(
                f"HOTLINE_LANGUAGES: {lang} has no Twilio voice, and {len(gap)} of its voice "
                f"prompts have no audio in {settings.audio_dir / lang} (first: "
                f"{audio_name(gap[0])}); run `hotline prompts render {lang}` for placeholders, "
                "or add recordings"
            )
        for lang in gaps:
            log.info(
                "%s is not offered on the phone: no Twilio voice and no audio yet "
                "(`hotline prompts render %s` makes placeholders)",
                lang,
                lang,
            )
        offered = tuple(lang for lang in offered if lang not in gaps)
    raise ConfigError("HOTLINE_LANGUAGES: no language can be offered on the phone")


def create_app(
    settings: Settings,
    *,
    clock: Callable[[], datetime] = utc_now,
    catalog: Catalog | None = None,
    flows: dict[str, Flow] | None = None,
) -> web.Application:
    """The application; the database opens and closes with it."""
    catalog = catalog or Catalog()
    flows = flows or load_builtin_flows(known_message=lambda m: catalog.has(FALLBACK_LANGUAGE, m))
    audio = AudioLibrary(settings.audio_dir)
    languages = deployment_languages(settings, catalog, audio, flows)

    app = web.Application(middlewares=[_errors])
    app[SETTINGS] = settings
    app.cleanup_ctx.append(quiet_malformed_http)
    renderer = VoiceRenderer(catalog, settings.public_url, audio)
    signature = TwilioSignatureCheck(settings.twilio_auth_token, settings.public_url)
    cipher = DataCipher(settings.data_key)
    units = app[UNITS] = SqlUnitsOfWork(lambda: app[ENGINE])  # the engine opens at startup
    board = DutyBoard(lambda: duty_snapshot(app[STAFF]), clock)
    app[BOARD] = board
    escalation = VoiceEscalation(
        board=board,
        units=units,
        policy=settings.escalation,
        cipher=cipher,
        renderer=renderer,
        languages=languages,
        signature=signature,
        clock=clock,
        default_region=settings.default_region,
    )
    # What the voice fallback hears while the database is down waits here, on local disk.
    voice_spool = VoiceSpool(
        spool=Spool(settings.data_dir / "spool" / "voice.spool", cipher),
        units=units,
        escalation=escalation,
        languages=languages,
        pseudonym_key=settings.pseudonym_key,
        default_region=settings.default_region,
        clock=clock,
    )
    app[VOICE_SPOOL] = voice_spool
    voice = VoiceChannel(
        config=VoiceConfig(
            languages=languages,
            pseudonym_key=settings.pseudonym_key,
            default_region=settings.default_region,
            deadline_s=settings.step_deadline_s,
            fallback_number=settings.fallback_number,
            show_caller_number=settings.show_caller_number,
        ),
        flows=flows,
        units=units,
        signature=signature,
        renderer=renderer,
        escalation=escalation,
        spool=voice_spool,
        clock=clock,
    )
    chat_languages = Languages(
        default=settings.default_language,
        offered=settings.languages
        or (
            settings.default_language,
            *(lang for lang in catalog.languages if lang != settings.default_language),
        ),
    )
    app.cleanup_ctx.append(_database)
    rest = (
        TwilioRest(
            settings.twilio_account_sid,
            settings.twilio_auth_token,
            settings.phone_number,
            settings.twilio_api_url,
        )
        if settings.twilio_account_sid and settings.phone_number
        else None
    )
    callbacks = None
    if rest is not None:
        callbacks = CallbackCalls(
            rest=rest,
            units=units,
            board=board,
            cipher=cipher,
            renderer=renderer,
            signature=signature,
            languages=languages,
            clock=clock,
        )
        app.router.add_routes(callbacks.routes())
    else:
        log.info(
            "callbacks through the hotline are off: set HOTLINE_TWILIO_ACCOUNT_SID and "
            "HOTLINE_PHONE_NUMBER to turn them on"
        )
    if CHAT_FLOW in flows:
        _add_chat_channels(
            app, settings, catalog, flows[CHAT_FLOW], chat_languages, clock, board, rest, callbacks
        )
    else:
        log.warning("no %r flow: SMS and Telegram are off", CHAT_FLOW)
    app.cleanup_ctx.append(_housekeeping(clock, renderer))
    app.cleanup_ctx.append(_replaying(voice_spool))
    app.router.add_routes([*voice.routes(), audio.route()])
    app.router.add_get("/healthz", _healthz)
    return app


def _add_chat_channels(
    app: web.Application,
    settings: Settings,
    catalog: Catalog,
    flow: Flow,
    chat_languages: Languages,
    clock: Callable[[], datetime],
    board: DutyBoard,
    rest: TwilioRest | None,
    callbacks: CallbackCalls | None,
) -> None:
    """SMS always (it needs only the Twilio webhook), Telegram when a bot token is set.

    The staff desk lives on the Telegram bot: without it, chats cannot reach a specialist
    live (they leave a question) and waiting work is not alerted.
    """
    cipher = DataCipher(settings.data_key)
    telegram_on = bool(settings.telegram_token and settings.telegram_webhook_secret)

    def conversations(channel: str, texts: ChatTexts) -> ChatConversations:
        # Questions are always filed for staff; a live chat needs the desk, and on SMS
        # Twilio's REST API to carry a specialist's replies.
        cases = ChatCases(
            board=board,
            policy=settings.escalation,
            desk=(lambda: app[DESK]) if telegram_on else None,
            live=telegram_on and (channel == TELEGRAM or rest is not None),
        )
        return ChatConversations(
            channel=channel,
            flow=flow,
            units=app[UNITS],
            catalog=catalog,
            languages=chat_languages,
            cipher=cipher,
            texts=texts,
            clock=clock,
            cases=cases,
        )

    sms_conversations = conversations(SMS, ChatTexts(MessageId.SMS_HELP, MessageId.SMS_STOPPED))
    sms = SmsChannel(
        conversations=sms_conversations,
        signature=TwilioSignatureCheck(settings.twilio_auth_token, settings.public_url),
        catalog=catalog,
        pseudonym_key=settings.pseudonym_key,
        default_region=settings.default_region,
        transliterate_languages=settings.sms_transliterate,
    )
    app.router.add_routes(sms.routes())
    if settings.telegram_token and settings.telegram_webhook_secret:
        application = build_application(settings.telegram_token, settings.telegram_api_url)
        outbox = TelegramOutbox()
        desk = StaffDesk(
            bot=lambda: application.bot,
            outbox=outbox,
            board=board,
            units=app[UNITS],
            catalog=catalog,
            languages=chat_languages,
            cipher=cipher,
            ref_key=settings.pseudonym_key,
            policy=settings.escalation,
            clock=clock,
            staff_chat_id=settings.staff_chat_id,
            callbacks=callbacks,
        )
        app[DESK] = desk
        telegram_conversations = conversations(
            TELEGRAM, ChatTexts(MessageId.CHAT_HELP, MessageId.CHAT_STOPPED)
        )
        telegram = TelegramChannel(
            application=application,
            secret=settings.telegram_webhook_secret,
            conversations=telegram_conversations,
            pseudonym_key=settings.pseudonym_key,
            outbox=outbox,
            board=board,
            desk=desk,
        )
        desk.people[TELEGRAM] = PersonSide(
            telegram.send_text,
            telegram_conversations.case_ended,
            telegram_conversations.leave_flow,
        )
        if rest is not None:
            desk.people[SMS] = PersonSide(
                _sms_sender(rest), sms_conversations.case_ended, sms_conversations.leave_flow
            )
        app[TELEGRAM_CHANNEL] = telegram
        app.router.add_routes(telegram.routes())

        async def bot(app: web.Application) -> AsyncIterator[None]:
            async with telegram_running(application, outbox):
                scheduler = AsyncIOScheduler(timezone=UTC)
                scheduler.add_job(
                    _guarded_tick(desk),
                    "interval",
                    seconds=ALERT_TICK_SECONDS,
                    id="escalation-alerts",
                    name="escalation alerts",
                    max_instances=1,
                    coalesce=True,
                )
                scheduler.start()
                yield
                scheduler.shutdown(wait=False)

        app.cleanup_ctx.append(bot)


def _sms_sender(rest: TwilioRest) -> Callable[[str, str], Awaitable[None]]:
    async def send(address: str, text: str) -> None:
        await rest.send_sms(address, text)

    return send


def _guarded_tick(desk: StaffDesk) -> Callable[[], Awaitable[None]]:
    async def tick() -> None:
        try:
            await desk.tick()
        except Exception:
            log.exception("escalation alerts failed; trying again in %d s", ALERT_TICK_SECONDS)

    return tick


async def duty_snapshot(directory: StaffDirectory) -> DutySnapshot:
    """The roster and every staff member's contacts, decrypted, as one snapshot."""
    contacts = await directory.list()
    return DutySnapshot(
        roster=await directory.roster(),
        phones={c.staff.id: c.phone for c in contacts if c.phone},
        telegram={c.staff.id: c.telegram_id for c in contacts if c.telegram_id is not None},
    )


async def _database(app: web.Application) -> AsyncIterator[None]:
    settings = app[SETTINGS]
    engine = db.create_engine(settings.database_url)
    if settings.is_sqlite:
        await db.upgrade(engine)  # the embedded default migrates itself
    else:
        await db.check_schema(engine)
    app[ENGINE] = engine
    app[STAFF] = StaffDirectory(engine, DataCipher(settings.data_key), settings.pseudonym_key)
    yield
    await engine.dispose()


def _housekeeping(
    clock: Callable[[], datetime], renderer: VoiceRenderer
) -> Callable[[web.Application], AsyncIterator[None]]:
    async def context(app: web.Application) -> AsyncIterator[None]:
        scheduler = AsyncIOScheduler(timezone=UTC)

        async def run() -> None:
            try:
                await tidy(app, clock())
                # New recordings replace placeholders without a restart.
                await asyncio.to_thread(renderer.refresh_audio)
            except Exception:
                log.exception("housekeeping failed; it runs again in %d minutes", SWEEP_MINUTES)

        scheduler.add_job(
            run,
            "interval",
            minutes=SWEEP_MINUTES,
            id="housekeeping",
            name="housekeeping",
            max_instances=1,
            coalesce=True,
        )
        scheduler.start()
        yield
        scheduler.shutdown(wait=False)

    return context


async def tidy(app: web.Application, now: datetime) -> None:
    """Housekeeping of the database: close what was left open, forget what is past keeping."""
    units = app[UNITS]
    await housekeeping.sweep(units, now)
    async with units() as uow:
        await uow.chats.forget_deliveries(now - DELIVERY_MEMORY)
    # A callback number is kept only while its task is open, N days at most.
    expired = await housekeeping.expire_tasks(units, now)
    if expired:
        log.info("%d callback tasks expired; their numbers were deleted", expired)
    # So is a question's text, and the address its answer would go to.
    keep = app[SETTINGS].escalation.callback_keep
    questions = await housekeeping.expire_questions(units, now - keep, now)
    if questions:
        log.info("%d questions expired unanswered; their texts were deleted", questions)
    async with units() as uow:
        await uow.notices.forget(now - NOTICE_MEMORY)


def _replaying(spool: VoiceSpool) -> Callable[[web.Application], AsyncIterator[None]]:
    """Replay the voice spool into the database: at start, then every few seconds."""

    async def context(app: web.Application) -> AsyncIterator[None]:
        scheduler = AsyncIOScheduler(timezone=UTC)
        scheduler.add_job(
            spool.replay_logged,
            "interval",
            seconds=SPOOL_REPLAY_SECONDS,
            next_run_time=datetime.now(UTC),  # once at start: a restart after an outage
            id="voice-spool",
            name="voice spool replay",
            max_instances=1,
            coalesce=True,
        )
        scheduler.start()
        yield
        scheduler.shutdown(wait=False)

    return context


async def _healthz(request: web.Request) -> web.Response:
    try:
        async with asyncio.timeout(HEALTH_TIMEOUT_S):
            async with request.app[ENGINE].connect() as conn:
                await conn.execute(text("SELECT 1"))
    except Exception:
        return web.json_response({"status": "degraded", "database": "unreachable"}, status=503)
    return web.json_response({"status": "ok", "database": "ok"})


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
