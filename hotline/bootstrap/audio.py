"""The phone's audio at start: placeholders for every voiceless language the deployment wants.

A locale without a Twilio voice (Georgian, Slovenian, Croatian) is heard only through audio
files. `build` renders the default language's missing placeholders before anything is served
(it greets every caller); `running` renders the others in the background, and each language
is offered on the phone the moment its last prompt exists (worker processes of one server
take turns, so each language is rendered once). Recordings still win: a prompt that
has one is rendered anyway (it is cheap) but never played. The housekeeping rescans the folder
and offers a language whose recordings have all arrived.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import logging
import os
from collections.abc import AsyncIterator, Mapping
from pathlib import Path

from hotline.bootstrap.languages import LiveLanguages, voice_languages
from hotline.catalog import Catalog
from hotline.channels.voice_twiml import VoiceRenderer
from hotline.errors import ConfigError
from hotline.flows.engine import Languages
from hotline.flows.model import Flow
from hotline.prompts.library import AudioLibrary
from hotline.prompts.render import RenderReport, render_placeholders
from hotline.prompts.speech import Synthesizer

log = logging.getLogger("hotline.audio")
RENDER_WAIT_S = 0.5  # how often a worker looks whether another has rendered a language


class PhoneAudio:
    """Renders the placeholders a deployment needs and keeps the offered languages in step."""

    def __init__(
        self,
        *,
        catalog: Catalog,
        flows: Mapping[str, Flow],
        audio: AudioLibrary,
        renderer: VoiceRenderer,
        wanted: Languages,
        synthesizer: Synthesizer,
    ) -> None:
        self.catalog = catalog
        self.flows = flows
        self.audio = audio
        self.renderer = renderer
        self.wanted = wanted
        self.synthesizer = synthesizer
        self.reports: list[RenderReport] = []
        self._task: asyncio.Task[None] | None = None
        self._done = asyncio.Event()
        voiceless = [lang for lang in wanted.offered if not catalog.voice(lang).say_language]
        self._todo = sorted(voiceless, key=lambda lang: lang != wanted.default)  # default first
        self.languages = LiveLanguages(self.prepare_default())

    def prepare_default(self) -> Languages:
        """Render the default language's audio if it has none (it greets every caller); the
        languages that can be offered now."""
        if self._todo and self._todo[0] == self.wanted.default:
            language = self._todo.pop(0)
            try:
                self._render(language)
            except Exception as exc:  # said once, below, with what it means
                log.error("%s: placeholders could not be rendered: %s", language, exc)
            self.renderer.refresh_audio()
        languages, left_out = voice_languages(self.wanted, self.catalog, self.audio, self.flows)
        if languages.default != self.wanted.default:
            gap = left_out[self.wanted.default]
            raise ConfigError(
                f"the default language {self.wanted.default} has no Twilio voice, and "
                f"{len(gap)} of its voice prompts have no audio in "
                f"{self.audio.directory}/{self.wanted.default}, and none could be rendered; "
                "see the log above"
            )
        return languages

    async def start(self) -> None:
        """Render the other languages' audio in the background."""
        if self._task is None:
            self._done = asyncio.Event()  # of this event loop
            self._task = asyncio.create_task(self._render_the_rest(), name="start-up render")

    async def stop(self) -> None:
        """Stop the background render (a prompt being rendered finishes first)."""
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def finished(self) -> None:
        """Wait until the start-up render has done what it could."""
        if self._task is not None:
            await self._done.wait()

    async def refresh(self) -> None:
        """Rescan the audio folder; offer the languages whose audio is complete now."""
        await asyncio.to_thread(self.renderer.refresh_audio)
        languages, left_out = voice_languages(self.wanted, self.catalog, self.audio, self.flows)
        if self.languages.set(languages):
            log.info("on the phone now: %s", ", ".join(languages.offered))
        for lang, gap in left_out.items():
            log.debug("%s waits for audio: %d prompts lack it", lang, len(gap))

    async def _render_the_rest(self) -> None:
        try:
            while self._todo:
                language = self._todo.pop(0)
                try:
                    async with self._alone(language):
                        await asyncio.to_thread(self._render, language)
                except Exception:
                    log.exception("%s: placeholders could not be rendered; not offered", language)
                await self.refresh()
        finally:
            self._done.set()

    @contextlib.asynccontextmanager
    async def _alone(self, language: str) -> AsyncIterator[None]:
        """While no other process renders this language into the same folder: worker
        processes starting together render it once, and the others find it up to date."""
        directory = self.audio.directory
        if directory is None:
            yield
            return
        path = Path(directory) / f".rendering-{language}.lock"
        fd: int | None = None
        with contextlib.suppress(OSError):  # else the render says what is wrong with the folder
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            while fd is not None:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    await asyncio.sleep(RENDER_WAIT_S)
                except OSError:  # a file system without locks: render alongside
                    break
            yield
        finally:
            if fd is not None:
                os.close(fd)  # and with it the lock

    def _render(self, language: str) -> None:
        """Render one language's missing or outdated placeholders (off the event loop)."""
        directory = self.audio.directory
        if directory is None:
            return
        log.info("%s: rendering the placeholders it lacks", language)
        report = render_placeholders(
            self.catalog,
            self.flows,
            language,
            Path(directory),
            self.synthesizer,
            recorded=lambda say: self.audio.find(say, placeholders=False) is not None,
        )
        self.reports.append(report)
        log.info(
            "%s: %d placeholders rendered (%d up to date, %d removed) in %.1f s",
            language,
            report.rendered,
            report.unchanged,
            report.removed,
            report.seconds,
        )
