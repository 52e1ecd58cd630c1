"""What a flow is made of: nodes with stable ids, each of one kind, and the flow around them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_REPEATS = 3  # a prompt is repeated this often after a wrong key or silence
DEFAULT_TIMEOUT_S = 6  # seconds of silence before a prompt counts as unanswered
# Idle events in a row (two full rounds of a menu's prompts) before the call is ended.
DEFAULT_SILENCE_LIMIT = 8


@dataclass(frozen=True)
class SayNode:
    """Say one or more messages, then go on."""

    id: str
    messages: tuple[str, ...]
    next: str


@dataclass(frozen=True)
class GotoNode:
    """Go to another node."""

    id: str
    next: str


# What a deployment may or may not be able to do, as an `if` node names it.
CALLBACKS = "callbacks"  # staff can call a caller back through the hotline's number
ABILITIES = frozenset({CALLBACKS})


@dataclass(frozen=True)
class BranchNode:
    """Go on one way when the deployment can do something now, another way when it cannot:
    a flow promises only what can happen (no "press 2 to be called back" where nobody can)."""

    id: str
    ability: str  # one of ABILITIES
    then: str
    otherwise: str


@dataclass(frozen=True)
class SetLanguageNode:
    """Switch the session to a language, then go on."""

    id: str
    language: str
    next: str


@dataclass(frozen=True)
class LanguageMenuNode:
    """Offer the deployment's languages, each announced in its own language.

    `intro` is said first, inside the same listening window, so a caller who knows the menu
    can press their key during it. With `always`, the menu is asked even when the language
    is already known (a caller who wants to change it); otherwise it is skipped then.
    """

    id: str
    option_message: str
    next: str
    timeout_s: int = DEFAULT_TIMEOUT_S
    repeats: int = DEFAULT_REPEATS
    on_failure: str | None = None
    intro: tuple[str, ...] = ()
    always: bool = False


@dataclass(frozen=True)
class MenuNode:
    """Say a prompt and route on one key press."""

    id: str
    prompt: tuple[str, ...]
    options: Mapping[str, str]
    timeout_s: int = DEFAULT_TIMEOUT_S
    repeats: int = DEFAULT_REPEATS
    on_failure: str | None = None


@dataclass(frozen=True)
class GatherNode:
    """Say a prompt and collect several digits (ended by #) into a session variable."""

    id: str
    prompt: tuple[str, ...]
    store: str
    min_digits: int
    max_digits: int
    next: str
    timeout_s: int = DEFAULT_TIMEOUT_S
    repeats: int = DEFAULT_REPEATS
    on_failure: str | None = None


@dataclass(frozen=True)
class RecordNode:
    """Say a prompt and record a voicemail."""

    id: str
    prompt: tuple[str, ...]
    max_seconds: int
    next: str
    on_empty: str


@dataclass(frozen=True)
class EscalateNode:
    """Hand the caller to a person; the channel decides how, and reports back."""

    id: str
    hold: tuple[str, ...]
    reason: str
    answered: str  # where the call goes after a person took it and hung up
    next: str  # where it goes when nobody took it
    after_hours: str | None = None  # where it goes when nobody is on duty (default: next)
    retry: tuple[str, ...] = ()  # said before each further round of trying


@dataclass(frozen=True)
class CallbackNode:
    """Ask for a call back on the caller's own number, say so, then go on.

    A caller whose number is withheld cannot be called back: they go to `no_number`.
    """

    id: str
    messages: tuple[str, ...]
    next: str
    no_number: str


@dataclass(frozen=True)
class ChoiceNode:
    """Offer a list given at step time (the deployment's regions, the directory's kinds of
    help), each item said with `option_message` and its key, eight to a page (9 turns it);
    the chosen value goes into the session variable named `choice`.

    Skipped when the list has one item (it is chosen) or, unless `always`, when the variable
    already holds one of its values (remembered from an earlier call, with `remember`); an
    empty list goes to `empty`. `options` are fixed keys (0, #) beside the list's.
    """

    id: str
    choice: str
    prompt: tuple[str, ...]
    option_message: str
    next: str
    empty: str
    options: Mapping[str, str] = field(default_factory=dict)
    after: tuple[str, ...] = ()  # said after the items (e.g. "to go back, press 0")
    more_message: str | None = None  # "for more, press 9", when there is another page
    remember: bool = False
    always: bool = False
    timeout_s: int = DEFAULT_TIMEOUT_S
    repeats: int = DEFAULT_REPEATS
    on_failure: str | None = None


@dataclass(frozen=True)
class ListNode:
    """Show a page of the directory's entries for the session's `region` and `category`
    (the channel words them), then ask what next: `more` shows the next page, `send`
    sends the page by SMS (on a call), `*` says the page again, `options` route on."""

    id: str
    prompt: tuple[str, ...]
    options: Mapping[str, str]
    more: str | None = None
    send: str | None = None
    page_size: int = 3
    timeout_s: int = DEFAULT_TIMEOUT_S
    repeats: int = DEFAULT_REPEATS
    on_failure: str | None = None


@dataclass(frozen=True)
class HangupNode:
    """Say goodbye and end the session."""

    id: str
    messages: tuple[str, ...]


Node = (
    SayNode
    | GotoNode
    | BranchNode
    | SetLanguageNode
    | LanguageMenuNode
    | MenuNode
    | GatherNode
    | RecordNode
    | EscalateNode
    | CallbackNode
    | ChoiceNode
    | ListNode
    | HangupNode
)
WaitingNode = (
    LanguageMenuNode | MenuNode | GatherNode | RecordNode | EscalateNode | ChoiceNode | ListNode
)


@dataclass(frozen=True)
class FlowMessages:
    """Flow-wide messages the engine says on its own."""

    invalid: str  # after a key that is not an option
    no_input: str  # after silence


@dataclass(frozen=True)
class Flow:
    """A validated flow: where it starts, its nodes, where a lost caller goes, and where
    a call goes after `silence_limit` idle events with no input between them.

    `voice`: messages said instead of others on a call (a flow run on chat and on the
    phone: a question with its keys, "call us" for "write to us"); see flows.on_phone.
    """

    id: str
    source: Path
    start: str
    on_failure: str
    messages: FlowMessages
    nodes: Mapping[str, Node]
    on_silence: str
    silence_limit: int = DEFAULT_SILENCE_LIMIT
    voice: Mapping[str, str] = field(default_factory=dict)

    def failure_target(
        self, node: LanguageMenuNode | MenuNode | GatherNode | ChoiceNode | ListNode
    ) -> str:
        """Where a caller goes once the repeats of this node's prompt have run out."""
        return node.on_failure or self.on_failure


def targets(node: Node, flow_on_failure: str | None = None) -> tuple[str, ...]:
    """Every node id this node can lead to (failure routes included)."""
    match node:
        case SayNode() | GotoNode() | SetLanguageNode():
            return (node.next,)
        case LanguageMenuNode():
            return (node.next, *_failure(node.on_failure, flow_on_failure))
        case MenuNode() | ListNode():
            return (*node.options.values(), *_failure(node.on_failure, flow_on_failure))
        case ChoiceNode():
            return (
                node.next,
                node.empty,
                *node.options.values(),
                *_failure(node.on_failure, flow_on_failure),
            )
        case GatherNode():
            return (node.next, *_failure(node.on_failure, flow_on_failure))
        case RecordNode():
            return (node.next, node.on_empty)
        case EscalateNode():
            return (node.answered, node.next, *((node.after_hours,) if node.after_hours else ()))
        case CallbackNode():
            return (node.next, node.no_number)
        case BranchNode():
            return (node.then, node.otherwise)
        case HangupNode():
            return ()


def _failure(own: str | None, flow_wide: str | None) -> tuple[str, ...]:
    target = own or flow_wide
    return (target,) if target else ()


def message_ids(node: Node) -> tuple[str, ...]:
    """Every Fluent message id a node uses."""
    match node:
        case SayNode() | HangupNode() | CallbackNode():
            return node.messages
        case LanguageMenuNode():
            return (*node.intro, node.option_message)
        case MenuNode() | GatherNode() | RecordNode() | ListNode():
            return node.prompt
        case ChoiceNode():
            more = (node.more_message,) if node.more_message else ()
            return (*node.prompt, node.option_message, *node.after, *more)
        case EscalateNode():
            return (*node.hold, *node.retry)
        case GotoNode() | SetLanguageNode() | BranchNode():
            return ()


def waits(node: Node) -> bool:
    """True for nodes that stop and wait for the caller."""
    return isinstance(node, WaitingNode)


def may_pass(node: Node) -> bool:
    """True for nodes the engine can go through without an event: the ones that never wait,
    and a language menu (skipped when the language is known)."""
    return not waits(node) or isinstance(node, LanguageMenuNode | ChoiceNode)
