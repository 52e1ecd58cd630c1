"""A flow as a caller hears it: the messages its `voice:` names said instead of the others.

One flow can run on chat and on a call (a check-in goes out by Telegram, SMS or a voice
call). Chat shows a menu's choices as buttons or numbered lines, labelled from the prompt's
`.option-N` attributes; a call must say its keys ("if you are fine, press 1"), and a text
that says "write to us" should say "call us". The flow file names those spoken forms in
`voice:`, message for message; the voice conversation runs the flow this module returns,
and the audio check lists its prompts. Node ids and routes stay the same, so an answer is
the same node on every channel.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from hotline.flows.model import (
    BranchNode,
    CallbackNode,
    ChoiceNode,
    EscalateNode,
    Flow,
    FlowMessages,
    GatherNode,
    GotoNode,
    HangupNode,
    LanguageMenuNode,
    ListNode,
    MenuNode,
    Node,
    RecordNode,
    SayNode,
    SetLanguageNode,
)

__all__ = ["on_phone"]


def on_phone(flow: Flow) -> Flow:
    """The flow as said on a call: every message with a spoken form replaced by it (the
    flow itself when it names none)."""
    if not flow.voice:
        return flow
    swap = flow.voice
    nodes = {node_id: _spoken(node, swap) for node_id, node in flow.nodes.items()}
    messages = FlowMessages(
        invalid=swap.get(flow.messages.invalid, flow.messages.invalid),
        no_input=swap.get(flow.messages.no_input, flow.messages.no_input),
    )
    return replace(flow, nodes=nodes, messages=messages, voice={})


def _spoken(node: Node, swap: Mapping[str, str]) -> Node:
    def each(messages: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(swap.get(m, m) for m in messages)

    match node:
        case SayNode() | HangupNode() | CallbackNode():
            return replace(node, messages=each(node.messages))
        case MenuNode() | GatherNode() | RecordNode() | ListNode():
            return replace(node, prompt=each(node.prompt))
        case ChoiceNode():
            option = swap.get(node.option_message, node.option_message)
            more = swap.get(node.more_message, node.more_message) if node.more_message else None
            return replace(
                node,
                prompt=each(node.prompt),
                option_message=option,
                after=each(node.after),
                more_message=more,
            )
        case LanguageMenuNode():
            option = swap.get(node.option_message, node.option_message)
            return replace(node, intro=each(node.intro), option_message=option)
        case EscalateNode():
            return replace(node, hold=each(node.hold), retry=each(node.retry))
        case GotoNode() | SetLanguageNode() | BranchNode():
            return node
