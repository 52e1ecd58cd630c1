"""Placeholder recordings of every voice prompt, made in-process with espeak-ng, for day one.

espeak-ng speaks every locale we ship (ka, ru, hr, cs, sl, en). It sounds robotic, but a
Georgian or Slovenian caller understands it, which is better than a voice of another language.
The server renders what is missing or out of date at start; `hotline prompts render` does the
same ahead of time. A manifest keeps the fingerprint (text, voice, engine, audio format) each
file was made from, so a second run renders only what changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from hotline.catalog import Catalog
from hotline.errors import ConfigError
from hotline.flows.actions import Say
from hotline.flows.model import Flow
from hotline.prompts.library import PLACEHOLDERS, audio_name
from hotline.prompts.required import prompts_of_language
from hotline.prompts.speech import Synthesizer
from hotline.prompts.telephone import PIPELINE, telephone_wav

MANIFEST = "manifest.json"

Progress = Callable[[int, int], None]  # (done, of): called after each file


@dataclass(frozen=True)
class RenderReport:
    """What a render run did."""

    language: str
    directory: Path
    rendered: int
    unchanged: int
    removed: int
    seconds: float
    audio_seconds: float = 0.0  # how long the rendered files play
    bytes: int = 0  # their size on disk


def voice_of(catalog: Catalog, language: str) -> str:
    """espeak-ng's voice for a locale (`placeholder_voice` in its locale.yaml)."""
    return catalog.voice(language).placeholder_voice or language


def render_placeholders(
    catalog: Catalog,
    flows: Mapping[str, Flow],
    language: str,
    audio_dir: Path,
    synthesizer: Synthesizer,
    *,
    progress: Progress | None = None,
    recorded: Callable[[Say], bool] | None = None,
) -> RenderReport:
    """Render a placeholder of every voice prompt of a language into <audio_dir>/<lang>/
    (but those `recorded` says have a recording: a recording always wins)."""
    if language not in catalog.languages:
        raise ConfigError(f"no locale {language!r}; available: {', '.join(catalog.languages)}")
    started = time.perf_counter()
    voice = voice_of(catalog, language)
    version = f"{synthesizer.version}|{PIPELINE}"
    folder = audio_dir / language / PLACEHOLDERS
    folder.mkdir(parents=True, exist_ok=True)
    manifest_path = folder / MANIFEST
    manifest: dict[str, str] = (
        json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
    )

    wanted: dict[str, str] = {}  # file name -> text
    skipped: set[str] = set()
    for say in prompts_of_language(flows, language):
        wanted[audio_name(say)] = catalog.spoken(language, say.message, dict(say.args))
        if recorded is not None and recorded(say):
            skipped.add(audio_name(say))
    todo = sorted(
        (name, text)
        for name, text in wanted.items()
        if name not in skipped
        and (
            manifest.get(name) != fingerprint(text, voice, version)
            or not (folder / f"{name}.wav").is_file()
        )
    )
    played = 0.0
    size = 0
    for done, (name, text) in enumerate(todo, start=1):
        pcm = synthesizer.speak(text, voice)
        wav = telephone_wav(pcm)
        write_whole(folder / f"{name}.wav", wav)
        manifest[name] = fingerprint(text, voice, version)
        played += pcm.seconds
        size += len(wav)
        if progress is not None:
            progress(len(wanted) - len(todo) + done, len(wanted))

    removed = 0
    for stale in folder.glob("*.wav"):
        if stale.name.removesuffix(".wav") not in wanted:
            stale.unlink(missing_ok=True)  # another server starting at once may be first
            manifest.pop(stale.name.removesuffix(".wav"), None)
            removed += 1
    if todo or removed or not manifest_path.is_file():
        write_whole(manifest_path, json.dumps(manifest, indent=1, sort_keys=True).encode())
    return RenderReport(
        language=language,
        directory=folder,
        rendered=len(todo),
        unchanged=len(wanted) - len(todo) - len(skipped),
        removed=removed,
        seconds=time.perf_counter() - started,
        audio_seconds=played,
        bytes=size,
    )


def write_whole(path: Path, data: bytes) -> None:
    """Write a file so that nobody ever reads half of it: a crash leaves the old file, and two
    servers starting at once on one folder each write a draft of their own."""
    partial = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.partial")
    partial.write_bytes(data)
    partial.replace(path)


def fingerprint(text: str, voice: str, version: str) -> str:
    """What a placeholder was made from: a change to any part renders it again."""
    return hashlib.sha256(f"{voice}|{version}|{text}".encode()).hexdigest()[:16]
