"""The audio library: recorded (or placeholder) files for voice messages, served at stable URLs.

Layout under the audio folder (HOTLINE_AUDIO_DIR, default data/audio):

    <lang>/<name>.wav|.mp3               a real recording, made by a voice artist
    <lang>/placeholders/<name>.wav       a synthetic placeholder (`hotline prompts render`)

`<name>` is the message id, followed by its arguments for messages that have any:
`greeting-welcome`, `language-option--key-2`, `message-prompt--minutes-3`. A recording
always wins over a placeholder, so dropping a file in replaces a placeholder without code
changes. Each file's URL carries a hash of its content: a new recording gets a new URL, and
Twilio's media cache can keep the old one as long as it likes.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from aiohttp import web

from hotline.flows.actions import Say

AUDIO_PATH = "/audio"
PLACEHOLDERS = "placeholders"
EXTENSIONS = (".wav", ".mp3")  # formats Twilio <Play> takes; a recording's wav wins over mp3
_NAME = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_ARG = re.compile(r"^[A-Za-z0-9_]+$")
# A versioned URL never changes content: cache it for a year. Unversioned, check hourly.
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "public, max-age=3600"

Kind = Literal["recording", "placeholder"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AudioFile:
    """One playable file."""

    language: str
    name: str
    kind: Kind
    path: Path
    version: str  # a short hash of the content

    @property
    def url_path(self) -> str:
        """The path (and version) under our public URL."""
        return f"{AUDIO_PATH}/{self.language}/{self.path.name}?v={self.version}"


def audio_name(say: Say) -> str:
    """The file name (without extension) a message with these arguments is recorded under."""
    parts = [say.message]
    for name, value in sorted(say.args):
        text = str(value)
        if not _ARG.match(name) or not _ARG.match(text):
            raise ValueError(f"argument {name}={text!r} of {say.message} cannot name a file")
        parts.append(f"{name.replace('_', '-')}-{text}")
    return "--".join(parts)


class AudioLibrary:
    """Knows which files exist; rescanned at start and by housekeeping, never per request."""

    def __init__(self, directory: Path | None) -> None:
        self.directory = directory
        self._files: dict[tuple[str, str, Kind], AudioFile] = {}
        self._by_file: dict[tuple[str, str], AudioFile] = {}
        self._hashes: dict[Path, tuple[int, int, str]] = {}  # path -> (size, mtime_ns, hash)
        self.refresh()

    def refresh(self) -> bool:
        """Rescan the folder; True when any file came, went or changed."""
        files: dict[tuple[str, str, Kind], AudioFile] = {}
        if self.directory is not None and self.directory.is_dir():
            for lang_dir in sorted(p for p in self.directory.iterdir() if p.is_dir()):
                folders: tuple[tuple[Kind, Path], ...] = (
                    ("placeholder", lang_dir / PLACEHOLDERS),
                    ("recording", lang_dir),
                )
                for kind, folder in folders:
                    for ext in reversed(EXTENSIONS):  # .wav scanned last, so it wins
                        for path in sorted(folder.glob(f"*{ext}")):
                            name = path.name.removesuffix(ext)
                            if not _NAME.match(name):
                                log.warning("audio file %s ignored: not a message name", path)
                                continue
                            key = (lang_dir.name, name, kind)
                            files[key] = AudioFile(
                                lang_dir.name, name, kind, path, self._hash(path)
                            )
        changed = files != self._files
        self._files = files
        # Placeholders come first in `files`, so a recording of the same file name wins here.
        self._by_file = {(f.language, f.path.name): f for f in files.values()}
        return changed

    def find(self, say: Say, *, placeholders: bool = True) -> AudioFile | None:
        """The file to play for a message: the recording, else (if allowed) the placeholder.
        None for a message whose arguments cannot name a file (a date, a phone number)."""
        try:
            name = audio_name(say)
        except ValueError:
            return None
        found = self._files.get((say.language, name, "recording"))
        if found is None and placeholders:
            found = self._files.get((say.language, name, "placeholder"))
        return found

    def missing(self, says: Iterable[Say]) -> list[Say]:
        """The messages that have neither a recording nor a placeholder."""
        return sorted(
            (s for s in set(says) if self.find(s) is None),
            key=lambda s: (s.language, audio_name(s)),
        )

    async def serve(self, request: web.Request) -> web.StreamResponse:
        """GET /audio/{lang}/{file}: only files the scan found, never a path from the request."""
        best = self._by_file.get((request.match_info["lang"], request.match_info["file"]))
        if best is None:
            raise web.HTTPNotFound(text="no such audio file\n")
        cache = IMMUTABLE if request.query.get("v") == best.version else REVALIDATE
        return web.FileResponse(best.path, headers={"Cache-Control": cache})

    def _hash(self, path: Path) -> str:
        stat = path.stat()
        cached = self._hashes.get(path)
        if cached and cached[:2] == (stat.st_size, stat.st_mtime_ns):
            return cached[2]
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:12]
        self._hashes[path] = (stat.st_size, stat.st_mtime_ns, digest)
        return digest
