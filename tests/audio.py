"""Audio for tests: tiny WAV files dropped in as a voice artist's recordings would be."""

from __future__ import annotations

import wave
from pathlib import Path

from hotline.catalog import FALLBACK_LANGUAGE, Catalog
from hotline.flows.loader import load_builtin_flows
from hotline.prompts.script import recording_script


def tiny_wav(path: Path, tone: int = 0) -> None:
    """A tenth of a second of 8 kHz mono audio; `tone` makes files differ."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(bytes([tone % 256, 0]) * 800)


def record_everything(audio_dir: Path, language: str) -> list[str]:
    """A "recording" of every line of the language's recording script; returns the ids."""
    catalog = Catalog()
    flows = load_builtin_flows(known_message=lambda m: catalog.has(FALLBACK_LANGUAGE, m))
    ids = [line.id for line in recording_script(catalog, flows, language)]
    for name in ids:
        tiny_wav(audio_dir / language / f"{name}.wav")
    return ids
