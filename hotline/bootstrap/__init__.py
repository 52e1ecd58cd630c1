"""One bootstrap: a deployment's pieces built once, in dependency order, for serve, CLI and tests.

`core(settings)` is what every command needs (catalogue, chat languages, cipher, database);
`build(settings, clock=...)` adds the flows, the voice languages, the channels and the
periodic jobs: the whole server. `Hotline.running()` opens what needs the event loop (the
database engine, the Telegram bot, the scheduler) and closes it again, in reverse order.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from hotline.bootstrap import jobs
from hotline.bootstrap.audio import PhoneAudio
from hotline.bootstrap.channels import (
    Later,
    Shared,
    TelegramParts,
    build_chat,
    build_dispatcher,
    build_voice,
    recordings_of,
    twilio_rest,
)
from hotline.bootstrap.database import Database
from hotline.bootstrap.directory_speech import speak_directory_lists
from hotline.bootstrap.languages import (
    LiveLanguages,
    chat_languages,
    shipped_flows,
    wanted_voice_languages,
)
from hotline.bootstrap.retention import run_purge
from hotline.catalog import Catalog
from hotline.channels.callbacks import CallbackCalls
from hotline.channels.outbound import ReminderStatus
from hotline.channels.telegram import running as telegram_running
from hotline.channels.twilio_rest import TwilioRest
from hotline.channels.twilio_signature import TwilioSignatureCheck
from hotline.channels.twilio_sms import SmsChannel
from hotline.channels.twilio_voice import VoiceChannel
from hotline.channels.voice_twiml import SPOKEN_SHARE, VoiceRenderer
from hotline.channels.voicemail_audio import Recordings
from hotline.clock import utc_now
from hotline.config import Settings
from hotline.conversations.crisis import CrisisWords, load_crisis_words
from hotline.conversations.directory_talk import DirectoryTalk
from hotline.conversations.voice_spool import VoiceSpool
from hotline.crypto import DataCipher
from hotline.directory.regions import load_regions
from hotline.directory.service import DirectoryService
from hotline.escalation.board import DutyBoard
from hotline.escalation.case_chat import CaseChat, CaseLines
from hotline.escalation.program_tasks import ProgramTasks
from hotline.escalation.reach import Reach
from hotline.escalation.service import EscalationService
from hotline.flows.check import broken_promises
from hotline.flows.engine import Languages
from hotline.flows.model import Flow
from hotline.flows.step_inputs import Staffing
from hotline.prompts.library import AudioLibrary
from hotline.prompts.speech import EspeakSynthesizer, Synthesizer
from hotline.prompts.spoken import SpokenCache
from hotline.reminders.answers import CheckinActions
from hotline.reminders.campaign import Campaign, Channel
from hotline.reminders.dispatcher import Dispatcher
from hotline.reminders.loader import load_campaigns
from hotline.reminders.replanning import shipped_campaigns

__all__ = ["Core", "Database", "Hotline", "TelegramParts", "build", "core", "shipped_flows"]

log = logging.getLogger("hotline")


class Core:
    """What every command needs: settings, catalogue, chat languages, cipher and database.

    The catalogue (and the languages worked out from it) is read on first use: a command on
    the staff list needs only the database.
    """

    def __init__(self, settings: Settings, *, catalog: Catalog | None = None) -> None:
        self.settings = settings
        self._catalog = catalog
        self.cipher = DataCipher(settings.data_key, settings.data_keys_old)
        self.database = Database(settings, self.cipher)

    @cached_property
    def catalog(self) -> Catalog:
        """Every locale's messages."""
        return self._catalog or Catalog(overrides=self.settings.locale_overrides)

    @cached_property
    def crisis(self) -> CrisisWords:
        """Every locale's words of crisis (a deployment's overrides replace a locale's)."""
        return load_crisis_words(self.catalog.languages, overrides=self.settings.locale_overrides)

    @cached_property
    def campaigns(self) -> Mapping[str, Campaign]:
        """Every campaign by name: the shipped ones and the deployment's."""
        if self.settings.campaigns_dir is None:
            return shipped_campaigns()
        return load_campaigns(deployment=self.settings.campaigns_dir)

    @cached_property
    def directory(self) -> DirectoryService:
        """The services directory, in the deployment's country's (or its own) regions."""
        directory = self.settings.directory
        regions = load_regions(directory.country, directory.regions_file)
        return DirectoryService(self.database.units, regions)

    @cached_property
    def chat_languages(self) -> Languages:
        """The languages chats are offered (and staff should speak), the default first."""
        return chat_languages(self.settings, self.catalog)


def core(settings: Settings, *, catalog: Catalog | None = None) -> Core:
    """The pieces every command shares; the database opens only in `database.opened()`."""
    return Core(settings, catalog=catalog)


@dataclass(frozen=True)
class Hotline:
    """The whole server: the core, the flows, the channels and their periodic jobs."""

    core: Core
    clock: Callable[[], datetime]
    flows: Mapping[str, Flow]
    audio: AudioLibrary
    spoken: SpokenCache
    phone_audio: PhoneAudio
    renderer: VoiceRenderer
    signature: TwilioSignatureCheck
    board: DutyBoard
    escalations: EscalationService
    case_chat: CaseChat  # the chat cases and questions on the dashboard
    voice: VoiceChannel
    voice_spool: VoiceSpool
    callbacks: CallbackCalls | None
    sms: SmsChannel | None
    telegram: TelegramParts | None
    dispatcher: Dispatcher
    reminder_status: ReminderStatus | None
    jobs: tuple[jobs.Job, ...]
    scheduler: AsyncIOScheduler
    talk: DirectoryTalk  # the services directory as conversations speak it
    recordings: Recordings | None  # voicemails' recordings at Twilio, for the dashboard
    # Set once the directory's lists are spoken ahead (or found needless) after a start.
    lists_spoken: asyncio.Event = field(default_factory=asyncio.Event)

    @property
    def settings(self) -> Settings:
        """The settings it was built from."""
        return self.core.settings

    @property
    def voice_languages(self) -> LiveLanguages:
        """The languages offered on the phone: they grow as the start-up render goes on."""
        return self.phone_audio.languages

    @property
    def database(self) -> Database:
        """The database (open while running)."""
        return self.core.database

    @asynccontextmanager
    async def running(self) -> AsyncIterator[Hotline]:
        """Open the database, start the bot and the scheduler; stop them in reverse order."""
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(self.database.opened())
            await self.core.directory.load_sample_if_empty()
            if self.telegram is not None:
                await stack.enter_async_context(
                    telegram_running(
                        self.telegram.application, self.telegram.outbox, self.telegram.sends
                    )
                )
            if self.callbacks is not None:  # Twilio's REST client, closed after the jobs stop
                stack.push_async_callback(self.callbacks.rest.close)
                probe = asyncio.create_task(_ask_twilio(self.callbacks.rest), name="twilio")
                stack.push_async_callback(_cancelled, probe)
            jobs.start(self.scheduler, self.jobs)
            stack.callback(self.scheduler.shutdown, wait=False)
            stack.callback(self.spoken.save_stats)
            await stack.enter_async_context(self.voice.admission.watching())
            await self.phone_audio.start()
            stack.push_async_callback(self.phone_audio.stop)
            warm = asyncio.create_task(self._speak_directory_lists(), name="directory speech")
            stack.push_async_callback(_cancelled, warm)
            yield self

    async def settled(self) -> None:
        """Wait until the start-up's background work is done: the placeholders rendered and
        the directory's lists spoken ahead."""
        await self.phone_audio.finished()
        await self.lists_spoken.wait()

    async def _speak_directory_lists(self) -> None:
        """After the placeholders: the directory's lists in the voiceless languages offered."""
        try:
            await self._speak_lists()
        finally:
            self.lists_spoken.set()

    async def _speak_lists(self) -> None:
        await self.phone_audio.finished()
        catalog = self.core.catalog
        offered = self.voice_languages.current.offered
        voiceless = [lang for lang in offered if not catalog.voice(lang).say_language]
        if not voiceless:
            return
        try:
            async with self.database.units() as uow:
                choices = await self.talk.choices(offered, uow)
            spoken = await speak_directory_lists(
                self.flows, choices, voiceless, catalog, self.spoken
            )
        except Exception as exc:  # the callers' own renders still happen on demand
            log.warning("the directory's lists were not spoken ahead: %s", exc)
            return
        log.info("the directory's lists are spoken in %s (%d texts)", ", ".join(voiceless), spoken)

    async def tidy(self, now: datetime) -> None:
        """The housekeeping of the database, as the periodic job runs it."""
        await jobs.tidy(self.database, self.settings.escalation.callback_keep, now)


async def _ask_twilio(rest: TwilioRest) -> None:
    """Say in one line at start when Twilio cannot be used; the hotline runs either way."""
    problem = await rest.account_problem()
    if problem is not None:
        log.warning("twilio: %s", problem)


async def _cancelled(task: asyncio.Task[None]) -> None:
    """Cancel a background task and wait for it to end."""
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


def build(
    settings: Settings,
    *,
    clock: Callable[[], datetime] = utc_now,
    catalog: Catalog | None = None,
    flows: Mapping[str, Flow] | None = None,
    synthesizer: Synthesizer | None = None,
) -> Hotline:
    """Build every piece of the server once; nothing is opened until `running()`.

    The one thing done at once: the default language's placeholders, when it has no Twilio
    voice and no audio yet, are rendered here (a second or two), since it greets every caller.
    """
    base = core(settings, catalog=catalog)
    flows = flows or shipped_flows(base.catalog)
    for warning in broken_promises(flows.values(), Staffing(callbacks=settings.calls_out)):
        log.warning(warning)
    audio = AudioLibrary(settings.audio_dir)
    synthesizer = synthesizer or EspeakSynthesizer()
    spoken = SpokenCache(
        settings.data_dir / "spoken",
        synthesizer,
        cap_bytes=settings.spoken_cache_mb * 1_000_000,
    )
    renderer = VoiceRenderer(
        base.catalog,
        settings.public_url,
        audio,
        spoken,
        spoken_budget_s=settings.step_deadline_s * SPOKEN_SHARE,
    )
    phone_audio = PhoneAudio(
        catalog=base.catalog,
        flows=flows,
        audio=audio,
        renderer=renderer,
        wanted=wanted_voice_languages(settings, base.catalog),
        synthesizer=synthesizer,
    )
    languages = phone_audio.languages
    signature = TwilioSignatureCheck(settings.twilio_auth_token, settings.public_url)
    database = base.database
    board = DutyBoard(database.duty_snapshot, clock)
    reach: Later[Reach] = Later("what the escalation service reaches")
    escalations = EscalationService(
        units=database.units,
        board=board,
        catalog=base.catalog,
        cipher=base.cipher,
        policy=settings.escalation,
        reach=reach,
        clock=clock,
    )
    tasks = ProgramTasks(escalations)
    checkins = CheckinActions(board, tasks, base.campaigns)
    talk = DirectoryTalk(base.directory, base.catalog, clock)
    rest = twilio_rest(settings)
    shared = Shared(renderer, signature, board, escalations, clock, tasks, checkins, talk, rest)
    voice = build_voice(base, flows, languages, shared)
    chat = build_chat(base, flows, languages, shared)
    reach.set(chat.reach)
    lines = CaseLines(database.units, base.cipher, clock)
    case_chat = CaseChat(escalations, lines, frozenset(chat.reach.people))
    dispatcher = build_dispatcher(base, flows, chat, shared)
    periodic = (
        # Alerts go out while a notifier runs; until then their timers wait.
        *([jobs.alerts_job(escalations)] if chat.reach.notifiers else []),
        jobs.housekeeping_job(
            database, settings.escalation.callback_keep, _audio_sweep(phone_audio, spoken), clock
        ),
        jobs.spool_job(voice.spool.replay_logged),
        jobs.dispatch_job(dispatcher, settings.reminders_tick),
        jobs.purge_job(lambda: run_purge(base, database, clock())),
    )
    return Hotline(
        core=base,
        clock=clock,
        flows=flows,
        audio=audio,
        spoken=spoken,
        phone_audio=phone_audio,
        renderer=renderer,
        signature=signature,
        board=board,
        escalations=escalations,
        case_chat=case_chat,
        voice=voice.channel,
        voice_spool=voice.spool,
        callbacks=chat.callbacks,
        sms=chat.sms,
        telegram=chat.telegram,
        dispatcher=dispatcher,
        reminder_status=(
            ReminderStatus(dispatcher, signature, voice.channel.conversations.finish)
            if {Channel.SMS, Channel.VOICE} & dispatcher.senders.keys()
            else None
        ),
        jobs=periodic,
        scheduler=jobs.new_scheduler(),
        talk=talk,
        recordings=recordings_of(base),
    )


def _audio_sweep(phone_audio: PhoneAudio, spoken: SpokenCache) -> Callable[[], Awaitable[None]]:
    """The housekeeping of audio: new recordings in, the counts of spoken texts kept."""

    async def sweep() -> None:
        await phone_audio.refresh()
        await asyncio.to_thread(spoken.save_stats)

    return sweep
