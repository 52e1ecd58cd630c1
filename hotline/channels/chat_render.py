"""Turn the engine's actions into chat messages: text paragraphs and a menu's choices.

The same flows as voice, read instead of heard: a menu's prompt is shown once, and its
choices become buttons (Telegram) or numbered lines (SMS), labelled by the prompt message's
`.option-<key>` attributes. A menu whose prompts are one message said in several languages
(the language menu) shows each language's line, and each choice is the language's own name.
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
    prompts = gather.prompts
    per_language = len({p.message for p in prompts}) == 1 and len({p.language for p in prompts}) > 1
    if per_language:
        # "Choose your language." in each offered language, then one button per language.
        lines = dict.fromkeys(_text(catalog, p) for p in prompts)
        choices = tuple(
            (str(dict(p.args).get("key", i)), catalog.voice(p.language).name)
            for i, p in enumerate(prompts, start=1)
        )
        return "\n".join(lines), choices
    text = PARAGRAPH.join(_text(catalog, p) for p in prompts)
    labelled: list[tuple[str, str]] = []
    for key in gather.options:
        label = None
        for prompt in reversed(prompts):
            label = catalog.format_attribute(prompt.language, prompt.message, f"option-{key}")
            if label is not None:
                break
        labelled.append((key, label or key))
    return text, tuple(labelled)
