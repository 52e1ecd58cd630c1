"""`hotline prompts render`: synthetic placeholder recordings with espeak-ng, for day one.

espeak-ng speaks every locale we ship (ka, ru, hr, cs, sl, en). It sounds robotic, but a
Georgian or Slovenian caller understands it, which is better than a voice of another language.
A manifest keeps the text each file was made from, so a second run renders only what changed.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import time
from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tqdm import tqdm

from hotline.catalog import Catalog
from hotline.errors import ConfigError
from hotline.flows.model import Flow
from hotline.prompts.library import PLACEHOLDERS, audio_name
from hotline.prompts.required import prompts_of_language

ESPEAK = "espeak-ng"
SPEED_WPM = 145  # a little slower than espeak's 175: callers are often stressed, lines poor
MANIFEST = "manifest.json"
TIMEOUT_S = 60  # one prompt; espeak-ng takes a few milliseconds


@dataclass(frozen=True)
class RenderReport:
    """What a render run did."""

    language: str
    directory: Path
    rendered: int
    unchanged: int
    removed: int
    seconds: float


def render_placeholders(
    catalog: Catalog,
    flows: Mapping[str, Flow],
    language: str,
    audio_dir: Path,
    *,
    jobs: int | None = None,
    progress: bool = True,
) -> RenderReport:
    """Render a placeholder of every voice prompt of a language into <audio_dir>/<lang>/."""
    if language not in catalog.languages:
        raise ConfigError(f"no locale {language!r}; available: {', '.join(catalog.languages)}")
    espeak = shutil.which(ESPEAK)
    if espeak is None:
        raise ConfigError(f"{ESPEAK} is not installed: on Debian or Ubuntu, `apt install {ESPEAK}`")
    started = time.perf_counter()
    voice = catalog.voice(language).placeholder_voice or language
    folder = audio_dir / language / PLACEHOLDERS
    folder.mkdir(parents=True, exist_ok=True)
    manifest_path = folder / MANIFEST
    manifest: dict[str, str] = (
        json.loads(manifest_path.read_text(encoding="utf-8")) if manifest_path.is_file() else {}
    )

    wanted: dict[str, str] = {}  # file name -> text
    for say in prompts_of_language(flows, language):
        wanted[audio_name(say)] = catalog.format(language, say.message, dict(say.args))
    todo = {
        name: text
        for name, text in wanted.items()
        if manifest.get(name) != _fingerprint(text, voice) or not (folder / f"{name}.wav").is_file()
    }

    def render(item: tuple[str, str]) -> str:
        name, text = item
        target = folder / f"{name}.wav"
        partial = folder / f".{name}.wav.partial"
        subprocess.run(  # noqa: S603 - a fixed program; the text goes in on stdin
            [espeak, "-v", voice, "-s", str(SPEED_WPM), "-w", str(partial), "--stdin"],
            input=text.encode("utf-8"),
            check=True,
            capture_output=True,
            timeout=TIMEOUT_S,
        )
        partial.replace(target)  # a crash never leaves half a file under the real name
        return name

    with (
        ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 2) as pool,
        tqdm(
            total=len(wanted),
            initial=len(wanted) - len(todo),
            desc=f"render {language}",
            unit="prompt",
            disable=not progress,
        ) as bar,
    ):
        for name in pool.map(render, sorted(todo.items())):
            manifest[name] = _fingerprint(wanted[name], voice)
            bar.update(1)

    removed = 0
    for stale in folder.glob("*.wav"):
        if stale.name.removesuffix(".wav") not in wanted:
            stale.unlink()
            manifest.pop(stale.name.removesuffix(".wav"), None)
            removed += 1
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    return RenderReport(
        language=language,
        directory=folder,
        rendered=len(todo),
        unchanged=len(wanted) - len(todo),
        removed=removed,
        seconds=time.perf_counter() - started,
    )


def _fingerprint(text: str, voice: str) -> str:
    return hashlib.sha256(f"{voice}|{SPEED_WPM}|{text}".encode()).hexdigest()[:16]
