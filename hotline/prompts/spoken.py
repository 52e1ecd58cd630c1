"""Any text, spoken on demand: a message with variables in a language without a Twilio voice.

A date, a time, a number of days or a phone number cannot be recorded in advance for every
value. Such a text is rendered the first time a caller needs it and kept on disk, named by its
content (language, voice, synthesizer version and text), so the same text is rendered once and
its URL never changes (`/audio/spoken/<lang>/<key>.wav`, cached by Twilio for a year). The
folder has a size cap: the least recently used files go first, but never one played in the
last few minutes (Twilio may still be fetching it). The render runs off the event loop, one at
a time (the synthesizer is not thread-safe), and the caller waits for it only within a budget;
a render that misses it goes on and is there for the next caller.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import logging
import os
import re
import time
from collections import OrderedDict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from aiohttp import web

from hotline.prompts.library import IMMUTABLE
from hotline.prompts.render import write_whole
from hotline.prompts.speech import Synthesizer
from hotline.prompts.telephone import PIPELINE, telephone_wav

SPOKEN_PATH = "/audio/spoken"
STATS = "stats.json"
PINNED_S = 600.0  # a file in a TwiML answer this recently is not evicted: Twilio may fetch it
_FILE = re.compile(r"^[0-9a-f]{24}\.wav$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}$")

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SpokenFile:
    """A rendered text on disk."""

    language: str
    key: str
    path: Path
    size: int

    @property
    def url_path(self) -> str:
        """The path under our public URL; the name is the content's hash, so it never changes."""
        return f"{SPOKEN_PATH}/{self.language}/{self.key}.wav"


@dataclass
class LanguageStats:
    """The cache of one language: files and bytes now, hits and renders since it was made."""

    files: int = 0
    bytes: int = 0
    hits: int = 0
    renders: int = 0


class SpokenCache:
    """Texts rendered on demand, kept on disk under a size cap, least recently used out first."""

    def __init__(
        self,
        directory: Path,
        synthesizer: Synthesizer,
        *,
        cap_bytes: int,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.directory = directory
        self.synthesizer = synthesizer
        self.cap_bytes = cap_bytes
        self.clock = clock
        self._files: OrderedDict[tuple[str, str], SpokenFile] = OrderedDict()  # oldest first
        self._used: dict[tuple[str, str], float] = {}  # when a TwiML answer last named it
        self._pending: dict[tuple[str, str], asyncio.Future[SpokenFile]] = {}
        self._speaker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="speech")
        self._counts: dict[str, LanguageStats] = {}
        self._load()

    def key(self, language: str, voice: str, text: str) -> str:
        """The file name of a text: a hash of everything that makes it sound as it does."""
        content = f"{language}|{voice}|{self.synthesizer.version}|{PIPELINE}|{text}"
        return hashlib.sha256(content.encode()).hexdigest()[:24]

    def lookup(self, language: str, voice: str, text: str) -> SpokenFile | None:
        """The file of a text rendered before (a hit), or None."""
        found = self._files.get((language, self.key(language, voice, text)))
        if found is not None:
            self._touch(found)
            self._count(language).hits += 1
        return found

    async def get(
        self, language: str, voice: str, text: str, *, timeout_s: float
    ) -> SpokenFile | None:
        """The text's file, rendered now if need be; None when the render misses `timeout_s`
        (it goes on, and the next caller gets the file)."""
        found = self.lookup(language, voice, text)
        if found is not None:
            return found
        slot = (language, self.key(language, voice, text))
        pending = self._pending.get(slot)
        if pending is None:
            loop = asyncio.get_running_loop()
            pending = loop.run_in_executor(self._speaker, self.render, language, voice, text)
            self._pending[slot] = pending
            pending.add_done_callback(lambda _: self._pending.pop(slot, None))
        try:
            return await asyncio.wait_for(asyncio.shield(pending), timeout_s)
        except TimeoutError:
            log.warning("a text in %s was not rendered within %.2f s", language, timeout_s)
            return None

    def render(self, language: str, voice: str, text: str) -> SpokenFile:
        """Render a text now (blocking) and keep it; the cache's own file if already there."""
        key = self.key(language, voice, text)
        known = self._files.get((language, key))
        if known is not None:
            return known
        wav = telephone_wav(self.synthesizer.speak(text, voice))
        folder = self.directory / language
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"{key}.wav"
        write_whole(path, wav)
        made = SpokenFile(language, key, path, len(wav))
        self._files[(language, key)] = made
        self._touch(made)
        counts = self._count(language)
        counts.renders += 1
        self._evict()
        return made

    def stats(self) -> dict[str, LanguageStats]:
        """Per language: files and bytes now, hits and renders so far."""
        result = {
            lang: LanguageStats(hits=c.hits, renders=c.renders) for lang, c in self._counts.items()
        }
        for spoken in self._files.values():
            entry = result.setdefault(spoken.language, LanguageStats())
            entry.files += 1
            entry.bytes += spoken.size
        return result

    def save_stats(self) -> None:
        """Keep the hit and render counts for `hotline prompts status` (another process)."""
        self.directory.mkdir(parents=True, exist_ok=True)
        counts = {
            lang: {"hits": c.hits, "renders": c.renders} for lang, c in sorted(self._counts.items())
        }
        write_whole(self.directory / STATS, json.dumps(counts, indent=1).encode())

    def close(self) -> None:
        """Save the counts; let a render under way finish."""
        try:
            self.save_stats()
        except OSError as exc:
            log.warning("the counts of spoken texts were not saved: %s", exc)
        self._speaker.shutdown(wait=True)

    async def serve(self, request: web.Request) -> web.StreamResponse:
        """GET /audio/spoken/{lang}/{file}: only files the cache holds."""
        name = request.match_info["file"]
        if not _FILE.match(name):
            raise web.HTTPNotFound(text="no such audio file\n")
        language, key = request.match_info["lang"], name.removesuffix(".wav")
        found = self._files.get((language, key)) or self._rendered_elsewhere(language, key)
        if found is None or not found.path.is_file():
            raise web.HTTPNotFound(text="no such audio file\n")
        return web.FileResponse(found.path, headers={"Cache-Control": IMMUTABLE})

    def _rendered_elsewhere(self, language: str, key: str) -> SpokenFile | None:
        """A file another worker process rendered into the shared folder (the TwiML that named
        it came from that worker; Twilio's fetch may reach this one): kept from now on."""
        if not _LANGUAGE.match(language):
            return None
        path = self.directory / language / f"{key}.wav"
        try:
            size = path.stat().st_size
        except OSError:
            return None
        found = SpokenFile(language, key, path, size)
        self._files[(language, key)] = found
        self._used[(language, key)] = self.clock()  # Twilio is fetching it: not evicted now
        return found

    def _touch(self, spoken: SpokenFile) -> None:
        slot = (spoken.language, spoken.key)
        self._files.move_to_end(slot)
        self._used[slot] = self.clock()
        with contextlib.suppress(OSError):  # the order of use survives a restart
            os.utime(spoken.path)

    def _count(self, language: str) -> LanguageStats:
        return self._counts.setdefault(language, LanguageStats())

    def _evict(self) -> None:
        """Remove the least recently used files until the folder fits its cap."""
        total = sum(f.size for f in self._files.values())
        now = self.clock()
        for slot, spoken in list(self._files.items()):
            if total <= self.cap_bytes:
                break
            if now - self._used.get(slot, float("-inf")) < PINNED_S:
                continue  # a caller may be hearing it now
            spoken.path.unlink(missing_ok=True)
            del self._files[slot]
            self._used.pop(slot, None)
            total -= spoken.size
            log.debug("spoken text %s/%s evicted", spoken.language, spoken.key)

    def _load(self) -> None:
        """The files already on disk, oldest use first (a hit touches the file's mtime)."""
        for spoken in _on_disk(self.directory):
            self._files[(spoken.language, spoken.key)] = spoken
        self._counts = _saved_counts(self.directory)
        self._evict()


def spoken_stats(directory: Path) -> dict[str, LanguageStats]:
    """What a cache folder holds, and its counts as the server last saved them (for
    `hotline prompts status`, which must not evict anything a running server serves)."""
    result = _saved_counts(directory)
    for spoken in _on_disk(directory):
        entry = result.setdefault(spoken.language, LanguageStats())
        entry.files += 1
        entry.bytes += spoken.size
    return result


def _on_disk(directory: Path) -> list[SpokenFile]:
    """The rendered files in a cache folder, least recently used first."""
    if not directory.is_dir():
        return []
    found: list[tuple[float, SpokenFile]] = []
    for path in directory.glob("*/*.wav"):
        if _FILE.match(path.name):
            stat = path.stat()
            found.append(
                (stat.st_mtime, SpokenFile(path.parent.name, path.stem, path, stat.st_size))
            )
    return [spoken for _, spoken in sorted(found, key=lambda item: item[0])]


def _saved_counts(directory: Path) -> dict[str, LanguageStats]:
    stats = directory / STATS
    counts: dict[str, LanguageStats] = {}
    if not stats.is_file():
        return counts
    try:
        saved = json.loads(stats.read_text(encoding="utf-8"))
        for lang, numbers in saved.items():
            counts[lang] = LanguageStats(
                hits=int(numbers.get("hits", 0)), renders=int(numbers.get("renders", 0))
            )
    except (ValueError, AttributeError) as exc:
        log.warning("%s is unreadable (%s); counting anew", stats, exc)
    return counts
