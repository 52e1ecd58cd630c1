"""Read flow files (YAML) into validated Flows; every problem names the file and the node."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import yaml

from hotline.errors import FlowError
from hotline.flows.graph import loops_without_wait, reachable, waits_after
from hotline.flows.load_lists import (
    CHOOSE_KEYS,
    LIST_KEYS,
    choice_node,
    list_node,
    menu_options,
)
from hotline.flows.model import (
    ABILITIES,
    DEFAULT_REPEATS,
    DEFAULT_SILENCE_LIMIT,
    DEFAULT_TIMEOUT_S,
    BranchNode,
    CallbackNode,
    EscalateNode,
    Flow,
    FlowMessages,
    GatherNode,
    GotoNode,
    HangupNode,
    LanguageMenuNode,
    MenuNode,
    Node,
    RecordNode,
    SayNode,
    SetLanguageNode,
    message_ids,
    targets,
    waits,
)

BUILTIN_DIR = Path(__file__).parent / "builtin"
VOICE_FLOW = "hotline"  # the built-in flow a call runs
VOICE_FLOWS = (VOICE_FLOW,)  # the flows a caller hears: the others are for chat
MAX_SILENCE_LIMIT = 40
_TOP_LEVEL = frozenset(
    {"flow", "start", "on_failure", "on_silence", "silence_limit", "messages", "nodes", "voice"}
)
VOICE_USER = "*voice"  # where a message said only on a call is used (`voice:` of a flow)

# The key that names a node's kind, and the other keys that kind accepts.
_KINDS: dict[str, frozenset[str]] = {
    "say": frozenset({"next"}),
    "goto": frozenset(),
    "set_language": frozenset({"next"}),
    "choose_language": frozenset({"intro", "always", "next", "timeout", "repeats", "on_failure"}),
    "menu": frozenset({"options", "timeout", "repeats", "on_failure"}),
    "gather": frozenset(
        {"store", "min_digits", "max_digits", "next", "timeout", "repeats", "on_failure"}
    ),
    "record": frozenset({"max_seconds", "next", "on_empty"}),
    "escalate": frozenset({"reason", "answered", "next", "after_hours", "retry"}),
    "callback": frozenset({"next", "no_number"}),
    "if": frozenset({"then", "else"}),
    "choose": CHOOSE_KEYS | {"timeout", "repeats", "on_failure"},
    "list": LIST_KEYS | {"timeout", "repeats", "on_failure"},
    "hangup": frozenset(),
}


class _Problems:
    """Collects every problem of one file, so an author sees them all at once."""

    def __init__(self, source: Path) -> None:
        self.source = source
        self.items: list[str] = []

    def add(self, node: str | None, text: str) -> None:
        where = f"{self.source}: node {node!r}: " if node else f"{self.source}: "
        self.items.append(where + text)


def load_flow(path: Path, known_message: Callable[[str], bool] | None = None) -> Flow:
    """Load and validate one flow file; raise FlowError listing every problem found."""
    problems = _Problems(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise FlowError(f"{path}: cannot read the flow: {exc}") from None
    if not isinstance(data, dict):
        raise FlowError(f"{path}: a flow file is a mapping with 'flow', 'start' and 'nodes'")

    flow_id = _text(data, "flow", problems, None)
    start = _text(data, "start", problems, None)
    on_failure = _text(data, "on_failure", problems, None)
    on_silence = _text(data, "on_silence", problems, None)
    silence_limit = _int(
        data, "silence_limit", DEFAULT_SILENCE_LIMIT, 1, MAX_SILENCE_LIMIT, problems, None
    )
    raw_messages = data.get("messages") or {}
    messages = FlowMessages(
        invalid=str(raw_messages.get("invalid", "")) if isinstance(raw_messages, dict) else "",
        no_input=str(raw_messages.get("no_input", "")) if isinstance(raw_messages, dict) else "",
    )
    if not messages.invalid or not messages.no_input:
        problems.add(None, "'messages' needs 'invalid' and 'no_input' message ids")
    raw_nodes = data.get("nodes")
    if not isinstance(raw_nodes, dict) or not raw_nodes:
        problems.add(None, "'nodes' must be a mapping of node ids to nodes")
        raw_nodes = {}
    unknown = set(data) - _TOP_LEVEL
    if unknown:
        problems.add(None, f"unknown top-level keys: {', '.join(sorted(unknown))}")

    nodes: dict[str, Node] = {}
    for node_id, raw in raw_nodes.items():
        node = _node(str(node_id), raw, problems)
        if node is not None:
            nodes[str(node_id)] = node

    flow = Flow(
        id=flow_id,
        source=path,
        start=start,
        on_failure=on_failure,
        messages=messages,
        nodes=nodes,
        on_silence=on_silence,
        silence_limit=silence_limit,
        voice=_voice(data.get("voice"), problems),
    )
    if not problems.items:
        _check_graph(flow, problems)
        _check_voice(flow, problems)
        if known_message is not None:
            _check_messages(flow, known_message, problems)
    if problems.items:
        raise FlowError("\n".join(problems.items))
    return flow


def load_builtin_flows(
    directory: Path = BUILTIN_DIR, known_message: Callable[[str], bool] | None = None
) -> dict[str, Flow]:
    """Load every flow file of a directory, keyed by flow id."""
    flows: dict[str, Flow] = {}
    errors: list[str] = []
    for path in sorted(directory.glob("*.yaml")):
        try:
            flow = load_flow(path, known_message)
        except FlowError as exc:
            errors.append(str(exc))
            continue
        if flow.id in flows:
            errors.append(f"{path}: flow id {flow.id!r} is used by another file too")
        flows[flow.id] = flow
    if errors:
        raise FlowError("\n".join(errors))
    return flows


def all_message_ids(flow: Flow) -> dict[str, list[str]]:
    """Each message id the flow uses, with the nodes that use it ('*' for flow-wide ones)."""
    used: dict[str, list[str]] = {}
    for node in flow.nodes.values():
        for message in message_ids(node):
            used.setdefault(message, []).append(node.id)
    for message in (flow.messages.invalid, flow.messages.no_input):
        used.setdefault(message, []).append("*")
    for message in flow.voice.values():
        used.setdefault(message, []).append(VOICE_USER)
    return used


def _voice(raw: Any, p: _Problems) -> dict[str, str]:
    """`voice:` maps a message id to the one said instead on a call."""
    if raw is None:
        return {}
    if not isinstance(raw, dict) or not all(
        isinstance(k, str) and k and isinstance(v, str) and v for k, v in raw.items()
    ):
        p.add(None, "'voice' must map message ids to the message ids said instead on a call")
        return {}
    return dict(raw)


def _check_voice(flow: Flow, p: _Problems) -> None:
    said = {m for m, users in all_message_ids(flow).items() if users != [VOICE_USER]}
    for message in flow.voice:
        if message not in said:
            p.add(None, f"voice: {message!r} is not a message this flow says")


def _text(data: Mapping[str, Any], key: str, problems: _Problems, node: str | None) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value:
        problems.add(node, f"{key!r} must be given as a non-empty text")
        return ""
    return value


def _messages(value: Any, key: str, problems: _Problems, node: str) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(x, str) and x for x in items):
        problems.add(node, f"{key!r} must be a message id or a list of message ids")
        return ()
    return tuple(items)


def _int(
    raw: Mapping[str, Any],
    key: str,
    default: int,
    low: int,
    high: int,
    p: _Problems,
    node: str | None,
) -> int:
    value = raw.get(key, default)
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        p.add(node, f"{key!r} must be a whole number from {low} to {high}")
        return default
    return value


def _node(node_id: str, raw: Any, p: _Problems) -> Node | None:
    if not isinstance(raw, dict):
        p.add(node_id, "a node is a mapping, e.g. {say: [message-id], next: other-node}")
        return None
    kinds = [k for k in raw if k in _KINDS]
    if len(kinds) != 1:
        p.add(node_id, f"a node has exactly one of {', '.join(_KINDS)}; found {kinds or 'none'}")
        return None
    kind = kinds[0]
    extra = set(raw) - {kind} - _KINDS[kind]
    if extra:
        p.add(node_id, f"unknown keys for a {kind} node: {', '.join(sorted(extra))}")
    failure = raw.get("on_failure")
    if failure is not None and not isinstance(failure, str):
        p.add(node_id, "'on_failure' must be a node id")
        failure = None
    timeout = _int(raw, "timeout", DEFAULT_TIMEOUT_S, 1, 60, p, node_id)
    repeats = _int(raw, "repeats", DEFAULT_REPEATS, 0, 5, p, node_id)

    match kind:
        case "say":
            return SayNode(
                node_id, _messages(raw["say"], "say", p, node_id), _text(raw, "next", p, node_id)
            )
        case "goto":
            return GotoNode(node_id, _text(raw, "goto", p, node_id))
        case "set_language":
            return SetLanguageNode(
                node_id, _text(raw, "set_language", p, node_id), _text(raw, "next", p, node_id)
            )
        case "choose_language":
            always = raw.get("always", False)
            if not isinstance(always, bool):
                p.add(node_id, "'always' must be true or false")
                always = False
            return LanguageMenuNode(
                node_id,
                _text(raw, "choose_language", p, node_id),
                _text(raw, "next", p, node_id),
                timeout,
                repeats,
                failure,
                _messages(raw["intro"], "intro", p, node_id) if "intro" in raw else (),
                always,
            )
        case "menu":
            clean = menu_options(raw, p, node_id)
            if not clean:
                p.add(node_id, "'options' must map keys to node ids, e.g. {'1': about}")
            return MenuNode(
                node_id,
                _messages(raw["menu"], "menu", p, node_id),
                clean,
                timeout,
                repeats,
                failure,
            )
        case "gather":
            low = _int(raw, "min_digits", 1, 1, 32, p, node_id)
            high = _int(raw, "max_digits", 32, low, 32, p, node_id)
            return GatherNode(
                node_id,
                _messages(raw["gather"], "gather", p, node_id),
                _text(raw, "store", p, node_id),
                low,
                high,
                _text(raw, "next", p, node_id),
                timeout,
                repeats,
                failure,
            )
        case "record":
            return RecordNode(
                node_id,
                _messages(raw["record"], "record", p, node_id),
                _int(raw, "max_seconds", 120, 5, 600, p, node_id),
                _text(raw, "next", p, node_id),
                str(raw.get("on_empty") or raw.get("next") or ""),
            )
        case "escalate":
            next_id = _text(raw, "next", p, node_id)
            return EscalateNode(
                node_id,
                _messages(raw["escalate"], "escalate", p, node_id),
                str(raw.get("reason") or "caller-request"),
                str(raw.get("answered") or next_id),
                next_id,
                str(raw["after_hours"]) if raw.get("after_hours") else None,
                _messages(raw["retry"], "retry", p, node_id) if raw.get("retry") else (),
            )
        case "if":
            ability = str(raw["if"])
            if ability not in ABILITIES:
                p.add(node_id, f"'if' names what a deployment can do: {', '.join(ABILITIES)}")
            return BranchNode(
                node_id, ability, _text(raw, "then", p, node_id), _text(raw, "else", p, node_id)
            )
        case "callback":
            next_id = _text(raw, "next", p, node_id)
            return CallbackNode(
                node_id,
                _messages(raw["callback"], "callback", p, node_id),
                next_id,
                str(raw.get("no_number") or next_id),
            )
        case "choose":
            return choice_node(node_id, raw, p, _messages, _text, (timeout, repeats, failure))
        case "list":
            return list_node(node_id, raw, p, _messages, (timeout, repeats, failure))
        case _:
            return HangupNode(node_id, _messages(raw["hangup"], "hangup", p, node_id))


def _check_graph(flow: Flow, p: _Problems) -> None:
    roots = (
        ("start", flow.start),
        ("on_failure", flow.on_failure),
        ("on_silence", flow.on_silence),
    )
    for label, root in roots:
        if root not in flow.nodes:
            p.add(None, f"{label} names {root!r}, which is not a node")
    for node in flow.nodes.values():
        for target in targets(node):
            if target not in flow.nodes:
                p.add(node.id, f"leads to {target!r}, which is not a node")
    if p.items:
        return
    # Any waiting node can lead to on_silence: it is reached whenever the flow can wait.
    seen = reachable(flow, [flow.start])
    if any(waits(flow.nodes[n]) for n in seen):
        seen |= reachable(flow, [flow.on_silence])
    for node_id in flow.nodes:
        if node_id not in seen:
            p.add(node_id, "cannot be reached from the start")
    for cycle in loops_without_wait(flow):
        p.add(
            cycle[0],
            f"is on a loop that never waits for the caller: {' → '.join((*cycle, cycle[0]))}",
        )
    waiting = waits_after(flow, flow.on_silence)
    if waiting is not None:
        p.add(
            None,
            f"on_silence {flow.on_silence!r} must end the call without waiting, but "
            f"{' → '.join(waiting)} waits for the caller",
        )


def _check_messages(flow: Flow, known: Callable[[str], bool], p: _Problems) -> None:
    for message, users in all_message_ids(flow).items():
        if not known(message):
            p.add(
                None if users[0].startswith("*") else users[0],
                f"message {message!r} is not in the catalogue",
            )
