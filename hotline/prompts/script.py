"""`hotline prompts script`: the recording script for a voice artist, as CSV.

One row per file to record: the file name (the id), the exact text, and a note on where the
caller hears it and how it should sound, taken from the comments of the Fluent catalogue.
"""

from __future__ import annotations

import csv
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TextIO

from fluent.syntax import FluentParser, ast

from hotline.catalog import FALLBACK_LANGUAGE, Catalog
from hotline.flows.model import Flow
from hotline.prompts.library import audio_name
from hotline.prompts.required import prompts_of_language

COLUMNS = ("id", "text", "note")
TONE = "Calm, warm and unhurried; many callers are stressed, tired or on a poor line."


@dataclass(frozen=True)
class ScriptLine:
    """One file for the voice artist to record."""

    id: str
    text: str
    note: str


def recording_script(
    catalog: Catalog, flows: Mapping[str, Flow], language: str
) -> list[ScriptLine]:
    """Every voice prompt of a language, with its text and a note for the recording."""
    notes = _notes(catalog, FALLBACK_LANGUAGE) | _notes(catalog, language)
    lines = []
    for say in prompts_of_language(flows, language):
        parts = [notes.get(say.message, ""), TONE]
        if say.args:
            values = ", ".join(f"{name} = {value}" for name, value in say.args)
            parts.append(f"One of several versions of {say.message} ({values}).")
        if not catalog.has(language, say.message):
            parts.append(f"Not yet translated: the text is the English one ({say.message}).")
        text = catalog.format(language, say.message, dict(say.args))
        lines.append(ScriptLine(audio_name(say), text, " ".join(p for p in parts if p)))
    return lines


def write_csv(lines: list[ScriptLine], out: TextIO) -> None:
    """The script as CSV with a header row."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS)
    for line in lines:
        writer.writerow((line.id, line.text, line.note))


def _notes(catalog: Catalog, language: str) -> dict[str, str]:
    """Each message's context: its section heading (##) and its own comment (#)."""
    notes: dict[str, str] = {}
    for path in sorted((catalog.directory / language).glob("*.ftl")):
        section = ""
        for entry in FluentParser().parse(path.read_text(encoding="utf-8")).body:
            if isinstance(entry, ast.GroupComment):
                section = (entry.content or "").strip()
            elif isinstance(entry, ast.Message):
                own = (entry.comment.content or "").strip() if entry.comment else ""
                notes[entry.id.name] = ". ".join(p.rstrip(".") for p in (section, own) if p) + (
                    "." if section or own else ""
                )
    return notes
