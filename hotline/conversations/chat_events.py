"""What a chat message means to the flow a conversation is in: the event it is."""

from __future__ import annotations

from hotline.conversations.chat_types import ChatInput
from hotline.flows.events import DigitsReceived, Event, JumpRequested, RecordingSaved
from hotline.flows.model import Flow, RecordNode
from hotline.flows.state import SessionState

__all__ = ["REPEAT", "chat_event"]

REPEAT = "*"  # the key that says the current step again


def chat_event(
    flow: Flow, language_node: str | None, given: ChatInput, state: SessionState
) -> Event:
    """The flow event of a message: a choice, a written question, a command, or a miss.
    `language_node` is the flow's language menu, where "change language" goes (if any)."""
    node = flow.nodes.get(state.node_id)
    match given.kind:
        case "help" | "start":
            return DigitsReceived(REPEAT)  # show where they are again
        case "language" if language_node is not None:
            return JumpRequested(language_node)
        case "language":
            return DigitsReceived(REPEAT)
    text = given.text.strip()
    if isinstance(node, RecordNode) and given.kind == "text" and text:
        return RecordingSaved(duration_s=0)  # a written question
    # "3", "3." or "3)" choose 3; anything else is not one of the choices.
    key = text.rstrip(".)")
    return DigitsReceived(key if len(key) == 1 else "?")
