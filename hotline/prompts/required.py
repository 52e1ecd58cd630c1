"""Which voice prompts a deployment needs: every Say its flows and its fallback can produce."""

from __future__ import annotations

from collections.abc import Mapping

from hotline.escalation.roster import LANGUAGES
from hotline.flows.actions import Say
from hotline.flows.engine import Languages
from hotline.flows.loader import VOICE_FLOWS
from hotline.flows.model import Flow
from hotline.flows.on_phone import on_phone
from hotline.flows.said import spoken
from hotline.messages import MessageId

MENU_KEYS = 9  # a language menu has keys 1..9: a language can sit at any of them


def voice_prompts(
    flows: Mapping[str, Flow], languages: Languages, codes: tuple[str, ...] | None = None
) -> frozenset[Say]:
    """Every message, with its arguments, a caller (or a specialist) can hear in this
    deployment: the voice flows' (and of each flow that names what it says on a call, as
    a check-in does), and the code's (hotline.messages); whispers name a caller's
    language, one of `codes` (default: the offered)."""
    said: set[Say] = set()
    for flow in flows.values():
        if flow.id in VOICE_FLOWS or flow.voice:
            said.update(spoken(on_phone(flow), languages))
    for language in languages.offered:
        said.update(
            Say(message, language, args)
            for message in MessageId
            if message.heard_on_phone
            for args in message.spoken_args(codes or languages.offered)
        )
    return frozenset(said)


def prompts_of_language(flows: Mapping[str, Flow], language: str) -> list[Say]:
    """Every prompt of one language in any deployment: its menu option under every key."""
    anywhere = Languages(default=language, offered=(language,) * MENU_KEYS)
    return sorted(voice_prompts(flows, anywhere, LANGUAGES), key=lambda s: (s.message, s.args))
