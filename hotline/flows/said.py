"""What a flow can say: a waiting node's prompts, and every Say a flow can produce.

The one place prompts and their arguments are made: the engine says them when a node asks,
and `spoken` lists them all, so recorded audio can be checked for every one in advance.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from hotline.flows.actions import Say
from hotline.flows.model import (
    CallbackNode,
    ChoiceNode,
    EscalateNode,
    Flow,
    GatherNode,
    HangupNode,
    LanguageMenuNode,
    ListNode,
    MenuNode,
    RecordNode,
    SayNode,
    WaitingNode,
)

if TYPE_CHECKING:
    from hotline.flows.engine import Languages


def prompts(
    node: WaitingNode, language: str, languages: Languages, *, first: bool = False
) -> tuple[Say, ...]:
    """What a waiting node says when it asks (`first`: on entering it, not on a repeat).

    The one place prompts and their arguments are made: the engine says them and
    `spoken` lists them, so recorded audio can be checked for every one in advance.
    """
    match node:
        case MenuNode() | GatherNode() | ListNode():
            return tuple(Say(m, language) for m in node.prompt)
        case ChoiceNode():
            # The items are the deployment's data: said with their names, on demand.
            return tuple(Say(m, language) for m in (*node.prompt, *node.after))
        case LanguageMenuNode():
            intro = tuple(Say(m, language) for m in node.intro) if first else ()
            return intro + tuple(
                Say(node.option_message, code, (("key", i),))
                for i, code in enumerate(languages.offered, start=1)
            )
        case RecordNode():
            minutes = max(1, node.max_seconds // 60)
            return tuple(Say(m, language, (("minutes", minutes),)) for m in node.prompt)
        case EscalateNode():
            return tuple(Say(m, language) for m in node.hold)


def spoken(flow: Flow, languages: Languages) -> frozenset[Say]:
    """Every Say this flow can produce in the deployment's languages, arguments included."""
    said: set[Say] = set()
    for language in languages.offered:
        said.update(Say(m, language) for m in (flow.messages.invalid, flow.messages.no_input))
        for node in flow.nodes.values():
            match node:
                case SayNode() | HangupNode() | CallbackNode():
                    said.update(Say(m, language) for m in node.messages)
                case LanguageMenuNode() | MenuNode() | GatherNode() | RecordNode() | EscalateNode():
                    said.update(prompts(node, language, languages, first=True))
                case ChoiceNode() | ListNode():
                    said.update(prompts(node, language, languages, first=True))
            if isinstance(node, EscalateNode):
                said.update(Say(m, language) for m in node.retry)
    return frozenset(said)
