"""The registry of message ids said by code: the only way code names one, read by both checks."""

from __future__ import annotations

import ast
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fluent.syntax import FluentParser, FluentSerializer
from fluent.syntax import ast as ftl

import hotline
from hotline.bootstrap import build
from hotline.catalog import LOCALES_DIR, Catalog
from hotline.dashboard_texts import DashboardText
from hotline.flows.check import check
from hotline.messages import Audience, MessageId
from tests.audio import record_everything
from tests.conftest import make_settings

PACKAGE = Path(hotline.__file__).parent
REGISTRIES = {PACKAGE / "messages.py": MessageId, PACKAGE / "dashboard_texts.py": DashboardText}
EVERY = [m for registry in REGISTRIES.values() for m in registry]
PHONE = [m for m in MessageId if m.heard_on_phone]
# Strings of code that happen to be a message's id, and are not said.
NOT_SAID = {"after-hours"}  # an escalation's outcome; the flow's message says it to the caller


def code() -> Iterator[tuple[Path, ast.AST]]:
    """Every syntax node of `hotline/`, outside the registry, with its file."""
    for path in sorted(PACKAGE.rglob("*.py")):
        if path not in REGISTRIES:
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                yield path, node


def test_code_names_message_ids_only_through_the_registry() -> None:
    """A message id written as a string in code would slip past both checks: there is none."""
    catalog = Catalog()
    ids = set().union(*(catalog.ids(language) for language in catalog.languages)) - NOT_SAID
    found = [
        f"{path.relative_to(PACKAGE.parent)}:{node.lineno}: {node.value!r}"
        for path, node in code()
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in ids
    ]
    assert found == [], "say these through hotline.messages.MessageId (or DashboardText)"


def test_every_registry_message_is_named_by_code() -> None:
    """A message no code says any more leaves the registry (and the locales)."""
    named = {
        node.attr
        for _, node in code()
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id in {r.__name__ for r in REGISTRIES.values()}
    }
    # The dashboard's templates name theirs as `M.NAME` (Jinja2's StrictUndefined: a typo fails).
    for template in (PACKAGE / "web" / "templates").glob("*.html"):
        named.update(re.findall(r"\bM\.([A-Z][A-Z0-9_]*)", template.read_text(encoding="utf-8")))
    unnamed = [m for m in EVERY if m.name not in named]
    # Only a message said inside others (`{ staff-language-name }`) may go unnamed by code.
    assert [m for m in unnamed if m.audience != Audience.INSIDE] == []
    assert MessageId.STAFF_LANGUAGE_NAME in unnamed


def test_flows_check_requires_every_registry_message_in_every_locale(tmp_path: Path) -> None:
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, locales)
    registered = {m.value for m in EVERY}
    for path in (locales / "sl").glob("*.ftl"):
        resource = FluentParser().parse(path.read_text(encoding="utf-8"))
        resource.body = [
            entry
            for entry in resource.body
            if not (isinstance(entry, ftl.Message) and entry.id.name in registered)
        ]
        path.write_text(FluentSerializer(with_junk=True).serialize(resource), encoding="utf-8")

    problems = check(Catalog(locales))

    for message in EVERY:
        # Used by code (and perhaps by a flow too, named first).
        missing = f"{locales / 'sl'}: message {message.value!r} is missing (used by "
        registry = f"{type(message).__module__}.{type(message).__name__}"
        code = f"code: {registry}.{message.name} ({message.audience}))"
        assert any(p.startswith(missing) and p.endswith(code) for p in problems), message
    assert all(p.startswith(f"{locales / 'sl'}: ") for p in problems), problems


@pytest.mark.parametrize("message", PHONE, ids=[m.value for m in PHONE])
def test_a_phone_message_without_a_recording_is_rendered_at_start(
    tmp_path: Path, message: MessageId
) -> None:
    """Georgian has no Twilio voice: every phone message the code says needs its audio, and
    the server makes a placeholder of each one nobody recorded."""
    audio = tmp_path / "audio"
    record_everything(audio, "ka")
    recordings = [p for p in (audio / "ka").glob("*.wav") if p.stem.split("--")[0] == message.value]
    assert recordings  # the recording script asked for it
    for path in recordings:
        path.unlink()
    settings = make_settings(tmp_path, HOTLINE_LANGUAGES="ka,en", HOTLINE_AUDIO_DIR=str(audio))

    hotline = build(settings)

    assert hotline.voice_languages.current.offered == ("ka", "en")
    for path in recordings:  # whispers name the caller's language: one file per language
        assert (audio / "ka" / "placeholders" / path.name).is_file(), path.name
    rendered = sorted(p.name for p in (audio / "ka" / "placeholders").glob("*.wav"))
    assert rendered == sorted(p.name for p in recordings)  # only what was missing
