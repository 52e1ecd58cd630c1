"""Every word a caller hears or reads: Fluent catalogues under hotline/locales/<lang>/."""

from __future__ import annotations

import functools
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import yaml
from fluent.runtime import FluentBundle, FluentResource
from fluent.syntax import FluentParser, ast
from fluent.syntax.visitor import Visitor

from hotline.arg_forms import spoken, written
from hotline.errors import ConfigError
from hotline.flows.actions import Arg
from hotline.messages import MessageId

LOCALES_DIR = Path(__file__).parent / "locales"
FALLBACK_LANGUAGE = "en"

log = logging.getLogger(__name__)


def shipped_languages(directory: Path = LOCALES_DIR) -> tuple[str, ...]:
    """The locales that ship, in alphabetical order, without parsing them (as `languages`
    of a Catalog of the same folder: a deployment's overrides add none)."""
    return tuple(sorted(p.name for p in directory.iterdir() if p.is_dir() and any(p.glob("*.ftl"))))


@dataclass(frozen=True)
class VoiceSettings:
    """How a locale is spoken on the phone."""

    name: str
    say_language: str | None
    voice: str | None
    placeholder_voice: str | None = None  # espeak-ng's voice for placeholder recordings


class Catalog:
    """Formats messages in any shipped locale, falling back to English message by message.

    `overrides` is a deployment's folder of `<lang>/*.ftl` files whose messages and terms
    replace the shipped ones of the same id, e.g. the program's name (`-program`).
    """

    def __init__(self, directory: Path = LOCALES_DIR, overrides: Path | None = None) -> None:
        self.directory = directory
        self.overrides = overrides
        if overrides is not None and not overrides.is_dir():
            raise ConfigError(f"{overrides}: the folder of locale overrides does not exist")
        self._bundles: dict[str, FluentBundle] = {}
        self._ids: dict[str, set[str]] = {}
        self._variables: dict[str, dict[str, frozenset[str]]] = {}
        self._attributes: dict[str, dict[str, frozenset[str]]] = {}
        self._voices: dict[str, VoiceSettings] = {}
        self._keywords: dict[str, dict[str, frozenset[str]]] = {}
        for locale_dir in sorted(p for p in directory.iterdir() if p.is_dir()):
            files = sorted(locale_dir.glob("*.ftl"))
            if not files:
                continue
            lang = locale_dir.name
            # Isolation marks (U+2068/9) would be read aloud or sent as SMS characters.
            bundle = FluentBundle([lang], use_isolating=False)
            variables: dict[str, frozenset[str]] = {}
            attributes: dict[str, frozenset[str]] = {}
            shipped: set[str] = set()
            for path in files:
                source = _shipped(path)
                bundle.add_resource(source.resource)
                variables.update(source.variables)
                attributes.update(source.attributes)
                shipped.update(source.ids)
            for resource in _overrides(overrides, lang, shipped):
                bundle.add_resource(resource, allow_overrides=True)
                variables.update(message_variables(resource))
                attributes.update(message_attributes(resource))
            self._bundles[lang] = bundle
            self._ids[lang] = set(variables)
            self._variables[lang] = variables
            self._attributes[lang] = attributes
            self._voices[lang] = _voice_settings(locale_dir)
            self._keywords[lang] = _keywords(locale_dir)
        if FALLBACK_LANGUAGE not in self._bundles:
            raise ConfigError(f"{directory}: the {FALLBACK_LANGUAGE!r} locale is missing")
        if overrides is not None:
            self._check_overrides(overrides)

    def _check_overrides(self, overrides: Path) -> None:
        """Every override folder names a shipped locale, and its messages still format."""
        for extra in sorted(p for p in overrides.iterdir() if p.is_dir()):
            if extra.name not in self._bundles:
                if any(extra.glob("*.ftl")):
                    raise ConfigError(
                        f"{extra}: no shipped locale {extra.name!r} to override; "
                        f"the folders are named {', '.join(self._bundles)}"
                    )
                continue
            for message in sorted(self._ids[extra.name]):
                for problem in self.format_problems(extra.name, message):
                    raise ConfigError(f"{extra}: with these overrides, {problem}")

    @property
    def languages(self) -> tuple[str, ...]:
        """The locales that ship, in alphabetical order."""
        return tuple(self._bundles)

    def has(self, language: str, message: str) -> bool:
        """True when the locale itself (not the fallback) has the message."""
        return message in self._ids.get(language, set())

    def ids(self, language: str) -> frozenset[str]:
        """Every message id of a locale."""
        return frozenset(self._ids.get(language, set()))

    def variables(self, language: str, message: str) -> frozenset[str]:
        """The variables ($name) a locale's message uses."""
        return self._variables.get(language, {}).get(message, frozenset())

    def attributes(self, language: str, message: str) -> frozenset[str]:
        """The attributes (.name) a locale's message has."""
        return self._attributes.get(language, {}).get(message, frozenset())

    def format_attribute(
        self,
        language: str,
        message: str,
        attribute: str,
        args: Mapping[str, str | int] | None = None,
    ) -> str | None:
        """A message attribute's text (e.g. a button label), English where the locale lacks it."""
        return self._format(language, message, attribute, args)

    def sms_keywords(self, language: str) -> dict[str, frozenset[str]]:
        """The locale's SMS keywords by meaning (stop, start, help), in capitals."""
        return self._keywords.get(language, {})

    def voice(self, language: str) -> VoiceSettings:
        """The locale's voice settings (English's when the locale has none)."""
        return self._voices.get(language) or self._voices[FALLBACK_LANGUAGE]

    def format_problems(self, language: str, message: str) -> list[str]:
        """What goes wrong formatting a locale's own message and its attributes (e.g. a term
        the locale lacks), with a stand-in value for each variable; empty when nothing does."""
        bundle = self._bundles.get(language)
        if bundle is None or not bundle.has_message(message):
            return []
        entry = bundle.get_message(message)
        # Every variable of the locale, so those of a message this one includes are given too.
        names = set().union(*self._variables[language].values())
        args: dict[str, str | int | date] = dict.fromkeys(sorted(names), 1)
        problems: list[str] = []
        for name, pattern in [(None, entry.value), *entry.attributes.items()]:
            if pattern is not None:
                problems.extend(
                    f"{message}{'.' + name if name else ''}: {error}"
                    for error in bundle.format_pattern(pattern, args)[1]
                )
        return problems

    def format(self, language: str, message: str, args: Mapping[str, Arg] | None = None) -> str:
        """The message's text in a language, English where the locale lacks it."""
        return self._text(language, message, written(language, args or {}))

    def spoken(self, language: str, message: str, args: Mapping[str, Arg] | None = None) -> str:
        """The message's text as a caller hears it: dates, times and numbers made speakable."""
        return self._text(
            language,
            message,
            spoken(language, args or {}, lambda day: self.say_date(language, day)),
        )

    def say_date(self, language: str, day: date) -> str | None:
        """A date in the locale's own words (`spoken-date`), if the locale has them."""
        bundle = self._bundles.get(language)
        if bundle is None or not bundle.has_message(MessageId.SPOKEN_DATE):
            return None
        pattern = bundle.get_message(MessageId.SPOKEN_DATE).value
        if pattern is None:
            return None
        text, errors = bundle.format_pattern(pattern, {"day": day.day, "month": day.month})
        return None if errors else str(text)

    def _text(self, language: str, message: str, args: Mapping[str, str | int | date]) -> str:
        text = self._format(language, message, None, args)
        if text is None:
            log.error("message %s is in no locale", message)
            return message
        return text

    def _format(
        self,
        language: str,
        message: str,
        attribute: str | None,
        args: Mapping[str, str | int | date] | None,
    ) -> str | None:
        """The message's value (or one attribute), from the locale or else from English."""
        for lang in (language, FALLBACK_LANGUAGE):
            bundle = self._bundles.get(lang)
            if bundle is None or not bundle.has_message(message):
                continue
            entry = bundle.get_message(message)
            pattern = entry.value if attribute is None else entry.attributes.get(attribute)
            if pattern is None:
                continue
            text, errors = bundle.format_pattern(pattern, dict(args or {}))
            if errors:
                log.warning(
                    "%s %s in %s formatted with errors: %s", message, attribute, lang, errors
                )
            return str(text)
        return None


class _VariableNames(Visitor):
    """Collects the names of the variables a Fluent entry references."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()

    def visit_VariableReference(self, node: ast.VariableReference) -> None:  # noqa: N802
        self.names.add(node.id.name)


def message_variables(resource: ast.Resource) -> dict[str, frozenset[str]]:
    """Each public message (not term) of a Fluent resource, with the variables it uses."""
    found: dict[str, frozenset[str]] = {}
    for entry in resource.body:
        if isinstance(entry, ast.Message):
            names = _VariableNames()
            names.visit(entry)
            found[entry.id.name] = frozenset(names.names)
    return found


def message_attributes(resource: ast.Resource) -> dict[str, frozenset[str]]:
    """Each public message of a Fluent resource, with the names of its attributes."""
    return {
        entry.id.name: frozenset(a.id.name for a in entry.attributes)
        for entry in resource.body
        if isinstance(entry, ast.Message)
    }


def entry_ids(resource: ast.Resource) -> set[str]:
    """The ids of a Fluent resource's messages and terms (a term's with its leading dash)."""
    ids = set()
    for entry in resource.body:
        if isinstance(entry, ast.Message):
            ids.add(entry.id.name)
        elif isinstance(entry, ast.Term):
            ids.add(f"-{entry.id.name}")
    return ids


@dataclass(frozen=True)
class _Source:
    """A shipped Fluent file, parsed, with what the catalogue reads of it."""

    resource: ast.Resource
    variables: Mapping[str, frozenset[str]]
    attributes: Mapping[str, frozenset[str]]
    ids: frozenset[str]


def _shipped(path: Path) -> _Source:
    """A shipped Fluent file, parsed once a process for as long as the file is unchanged
    (every app built in one process, e.g. a test suite's, shares it; a bundle only reads it)."""
    stat = path.stat()
    return _parse_file(path, stat.st_mtime_ns, stat.st_size)


@functools.lru_cache(maxsize=512)
def _parse_file(path: Path, _mtime_ns: int, _size: int) -> _Source:
    resource = FluentResource(path.read_text(encoding="utf-8"))
    return _Source(
        resource=resource,
        variables=message_variables(resource),
        attributes=message_attributes(resource),
        ids=frozenset(entry_ids(resource)),
    )


def _overrides(folder: Path | None, language: str, shipped: set[str]) -> list[ast.Resource]:
    """A deployment's override files of one locale, each checked: it parses, and every
    message or term in it is one the locale ships (a misspelt id would change nothing)."""
    if folder is None or not (folder / language).is_dir():
        return []
    found = []
    for path in sorted((folder / language).glob("*.ftl")):
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"{path}: cannot be read as UTF-8 text ({exc})") from None
        resource = FluentParser().parse(text)
        for entry in resource.body:
            if isinstance(entry, ast.Junk):
                line = text.count("\n", 0, entry.span.start if entry.span else 0) + 1
                what = entry.annotations[0].message if entry.annotations else "not Fluent"
                raise ConfigError(f"{path}, line {line}: {what}")
        unknown = sorted(entry_ids(resource) - shipped)
        if unknown:
            raise ConfigError(
                f"{path}: {', '.join(unknown)} is not a message or term of the shipped "
                f"{language!r} locale; an override replaces one of those, e.g. -program"
            )
        found.append(resource)
    return found


def _voice_settings(locale_dir: Path) -> VoiceSettings:
    path = locale_dir / "locale.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: expected a mapping with name, say_language and voice")
    return VoiceSettings(
        name=str(data.get("name", locale_dir.name)),
        say_language=data.get("say_language"),
        voice=data.get("voice"),
        placeholder_voice=data.get("placeholder_voice"),
    )


def _keywords(locale_dir: Path) -> dict[str, frozenset[str]]:
    path = locale_dir / "locale.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else {}
    raw = (data or {}).get("sms_keywords") or {}
    if not isinstance(raw, dict):
        raise ConfigError(f"{path}: sms_keywords maps stop, start and help to lists of words")
    return {
        str(meaning): frozenset(str(word).upper() for word in words or ())
        for meaning, words in raw.items()
    }
