"""Turn the engine's actions into chat messages: text paragraphs and a menu's choices.

The same flows as voice, read instead of heard: a menu's prompt is shown once, and its
choices become buttons (Telegram) or numbered lines (SMS), labelled by the prompt message's
`.option-<key>` attributes. In the language menu (prompts with a `key` argument, one per
language) each language's line is shown once, and each choice is the language's own name.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from hotline.catalog import Catalog
from hotline.flows import actions as act

PARAGRAPH = "\n\n"


@dataclass(frozen=True)
class ChatMessage:
    """One message to send: text, and the choices (key, label) it offers, if any."""

    text: str
    choices: tuple[tuple[str, str], ...] = ()

    def as_plain_text(self) -> str:
        """The message with its choices as numbered lines, for channels without buttons."""
        lines = [f"{key} - {label}" for key, label in self.choices]
        return PARAGRAPH.join(p for p in (self.text, "\n".join(lines)) if p)


def render_chat(catalog: Catalog, actions: Sequence[act.Action]) -> tuple[ChatMessage, ...]:
    """The messages for one step: paragraphs up to each menu, the menu closing its message."""
    out: list[ChatMessage] = []
    paragraphs: list[str] = []
    for action in actions:
        match action:
            case act.Say():
                paragraphs.append(_text(catalog, action))
            case act.Gather():
                text, choices = _menu(catalog, action)
                paragraphs.append(text)
                out.append(ChatMessage(PARAGRAPH.join(paragraphs), choices))
                paragraphs = []
    if paragraphs:
        out.append(ChatMessage(PARAGRAPH.join(paragraphs)))
    return tuple(out)


def _text(catalog: Catalog, say: act.Say) -> str:
    return catalog.format(say.language, say.message, dict(say.args)).strip()


def _menu(catalog: Catalog, gather: act.Gather) -> tuple[str, tuple[tuple[str, str], ...]]:
    keyed = [p for p in gather.prompts if any(name == "key" for name, _ in p.args)]
    named = [p for p in keyed if any(name == "name" for name, _ in p.args)]
    if named:
        # A list given at step time (regions, kinds of help): a button per item, its name;
        # the fixed keys (back, more) labelled by the prompts' attributes.
        plain = [_text(catalog, p) for p in gather.prompts if p not in keyed]
        items = [(str(dict(p.args)["key"]), str(dict(p.args)["name"])) for p in named]
        taken = {key for key, _ in items}
        rest = [key for key in gather.options if key not in taken]
        return PARAGRAPH.join(plain), (*items, *_labelled(catalog, gather.prompts, rest))
    if keyed:
        # The language menu: "Choose your language." in each language, a button per language.
        plain = [_text(catalog, p) for p in gather.prompts if p not in keyed]
        lines = "\n".join(dict.fromkeys(_text(catalog, p) for p in keyed))
        choices = tuple((str(dict(p.args)["key"]), catalog.voice(p.language).name) for p in keyed)
        return PARAGRAPH.join([*plain, lines]), choices
    prompts = gather.prompts
    text = PARAGRAPH.join(_text(catalog, p) for p in prompts)
    return text, _labelled(catalog, prompts, gather.options)


def _labelled(
    catalog: Catalog, prompts: Sequence[act.Say], keys: Sequence[str]
) -> tuple[tuple[str, str], ...]:
    """Each key with its label: the last prompt's `.option-<key>` attribute that has one."""
    labelled: list[tuple[str, str]] = []
    for key in keys:
        label = None
        for prompt in reversed(prompts):
            label = catalog.format_attribute(prompt.language, prompt.message, f"option-{key}")
            if label is not None:
                break
        labelled.append((key, label or key))
    return tuple(labelled)
