"""The pure flow engine: a session state and one event in, the new state and actions out.

No I/O and no clock of its own: the time and the deployment's languages are passed in.
A session moves in one "sprint" per event, through nodes that need no answer, until it
reaches a node that waits for the caller or hangs up.

Silence is budgeted per call, not per node: each idle event (no key before the timeout, an
empty recording, an escalation nobody answered) counts, any input starts the count again,
and at the flow's `silence_limit` the call goes to its `on_silence` node, which hangs up
(see hotline.flows.check for why that ends every call that gives no input).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime
from typing import Protocol

from hotline.errors import FlowError
from hotline.flows.actions import (
    Action,
    Escalate,
    Gather,
    Hangup,
    NoteUnreached,
    Record,
    RememberLanguage,
    RequestCallback,
    Say,
)
from hotline.flows.events import (
    CallStarted,
    DigitsReceived,
    EscalationContinues,
    EscalationEnded,
    Event,
    JumpRequested,
    NoInputReceived,
    RecordingEmpty,
    RecordingSaved,
)
from hotline.flows.model import (
    CallbackNode,
    EscalateNode,
    Flow,
    GatherNode,
    GotoNode,
    HangupNode,
    LanguageMenuNode,
    MenuNode,
    RecordNode,
    SayNode,
    SetLanguageNode,
    WaitingNode,
)
from hotline.flows.said import prompts
from hotline.flows.state import Outcome, SessionState

REPEAT_KEY = "*"
HIDDEN_NUMBER = "caller.hidden"  # a session variable: the caller cannot be called back
FINISH_KEY = "#"
# The reason of an escalation the caller reached through silence alone: an open line, maybe.
SILENT_LINE = "silent-line"


@dataclass(frozen=True)
class Languages:
    """The deployment's languages: the default first, then the order of the language menu."""

    default: str
    offered: tuple[str, ...]

    @property
    def current(self) -> Languages:
        """Itself: a fixed set of languages is a `LanguageSource` that never changes."""
        return self


class LanguageSource(Protocol):
    """The languages offered now: fixed (a `Languages`), or a set that grows while a
    server renders the audio of its languages at start. Read `current` once per request."""

    @property
    def current(self) -> Languages:
        """The languages offered at this moment."""
        ...


@dataclass(frozen=True)
class Staffing:
    """What the engine must know of the people behind the flow right now: a plain value,
    passed in like the languages, so an escalate node routes within one step.

    `on_duty`: someone is on duty (else it is after hours: night, a holiday).
    `reachable`: someone on duty can be reached on this channel now; when nobody can, an
    escalate node is passed as unanswered at once, without its hold message.
    """

    on_duty: bool = True
    reachable: bool = True


REACHABLE = Staffing()
BEFORE_A_SESSION = Staffing(on_duty=True, reachable=False)


@dataclass(frozen=True)
class Step:
    """The result of one event: the new state and what the channel must do."""

    state: SessionState
    actions: tuple[Action, ...]


def start(
    flow: Flow,
    event: CallStarted,
    *,
    languages: Languages,
    now: datetime,
) -> Step:
    """Begin a session at the flow's start node.

    Nobody can be asked for before the session exists (there is no record yet to keep an
    escalation in): a flow that escalates at once passes it as unanswered.
    """
    state = SessionState(
        flow_id=flow.id,
        node_id=flow.start,
        language=event.language or languages.default,
        language_chosen=event.language is not None,
        misses=0,
        path=(),
        variables=() if event.reachable else ((HIDDEN_NUMBER, "yes"),),
        outcome=None,
        finished=False,
        started_at=now,
    )
    return _run(flow, state, flow.start, [], languages, BEFORE_A_SESSION)


def advance(
    flow: Flow,
    state: SessionState,
    event: Event,
    *,
    languages: Languages,
    now: datetime,
    staffing: Staffing = REACHABLE,
) -> Step:
    """Move a waiting session on by one event. `now` is for time-aware nodes to come."""
    del now  # no node reads the clock yet; the signature keeps engines comparable in tests
    if state.finished:
        return Step(state, (Hangup(),))
    node = flow.nodes.get(state.node_id)
    if not isinstance(node, WaitingNode):
        raise FlowError(f"{flow.source}: node {state.node_id!r} is not a waiting node of the flow")
    idle = _is_idle(event)
    if idle:
        state = state.idled()
        if state.idle >= flow.silence_limit:  # nobody there, it seems: end the call
            return _run(
                flow, state.with_outcome(Outcome.SILENT), flow.on_silence, [], languages, staffing
            )
    elif idle is not None:
        state = state.heard()

    match node, event:
        case EscalateNode(), EscalationContinues():
            # Nobody took this round and another is tried: the flow says so, then waits on.
            said: list[Action] = [Say(m, state.language) for m in node.retry]
            return _wait(flow, state, node, said, languages, hold=False)
        case _, JumpRequested(node=target) if target in flow.nodes:
            return _run(flow, replace(state, misses=0), target, [], languages, staffing)
        case MenuNode(), DigitsReceived(digits=digits):
            key = digits[:1]
            if key == REPEAT_KEY:
                return _wait(flow, state, node, [], languages)
            if key in node.options:
                return _run(flow, state, node.options[key], [], languages, staffing)
            return _miss(flow, state, node, flow.messages.invalid, languages, staffing)
        case LanguageMenuNode(), DigitsReceived(digits=digits):
            key = digits[:1]
            if key == REPEAT_KEY:
                return _wait(flow, state, node, [], languages)
            chosen = _language_for_key(key, languages.offered)
            if chosen is None:
                return _miss(flow, state, node, flow.messages.invalid, languages, staffing)
            state = replace(state, language=chosen, language_chosen=True, misses=0)
            return _run(flow, state, node.next, [RememberLanguage(chosen)], languages, staffing)
        case GatherNode(), DigitsReceived(digits=digits):
            entered = digits.rstrip(FINISH_KEY)
            if entered == REPEAT_KEY:
                return _wait(flow, state, node, [], languages)
            if entered.isdigit() and node.min_digits <= len(entered) <= node.max_digits:
                kept = [v for v in state.variables if v[0] != node.store]
                state = replace(state, variables=(*kept, (node.store, entered)))
                return _run(flow, state, node.next, [], languages, staffing)
            return _miss(flow, state, node, flow.messages.invalid, languages, staffing)
        case MenuNode() | LanguageMenuNode() | GatherNode(), NoInputReceived():
            # Silent throughout this node's prompts (no wrong key either, which would have
            # started the idle count again): if it gives up, the caller got there in silence.
            silent = state.idle > state.misses
            return _miss(
                flow, state, node, flow.messages.no_input, languages, staffing, silent=silent
            )
        case RecordNode(), RecordingSaved():
            return _run(
                flow, state.with_outcome(Outcome.VOICEMAIL), node.next, [], languages, staffing
            )
        case RecordNode(), RecordingEmpty():
            return _run(flow, state, node.on_empty, [], languages, staffing, silent=True)
        case EscalateNode(), EscalationEnded(answered=answered, closed=closed):
            if answered:
                return _run(
                    flow,
                    state.with_outcome(Outcome.ESCALATED),
                    node.answered,
                    [],
                    languages,
                    staffing,
                )
            target = node.after_hours if closed and node.after_hours else node.next
            return _run(flow, state, target, [], languages, staffing)
        case _:
            # An event the node does not expect (a late redirect, a stray key): ask again.
            return _wait(flow, state, node, [], languages)


def _is_idle(event: Event) -> bool | None:
    """True for an event in which the caller gave nothing, False for their input (a key, even
    a wrong one, means someone is there; a person who took the call counts as one), None
    for neither."""
    match event:
        case NoInputReceived() | RecordingEmpty():
            return True
        case EscalationEnded(answered=answered):
            return not answered
        case DigitsReceived() | RecordingSaved() | JumpRequested():
            return False
        case CallStarted() | EscalationContinues():
            return None


def _language_for_key(key: str, offered: tuple[str, ...]) -> str | None:
    if len(key) != 1 or key not in "123456789":  # "²".isdigit() is True, int("²") fails
        return None
    index = int(key) - 1
    return offered[index] if index < len(offered) else None


def _miss(
    flow: Flow,
    state: SessionState,
    node: MenuNode | LanguageMenuNode | GatherNode,
    message: str,
    languages: Languages,
    staffing: Staffing,
    *,
    silent: bool = False,
) -> Step:
    """A wrong key or silence: say so and repeat, or after the repeats, go somewhere safe."""
    misses = state.misses + 1
    if misses > node.repeats:
        return _run(flow, state, flow.failure_target(node), [], languages, staffing, silent=silent)
    state = replace(state, misses=misses)
    return _wait(flow, state, node, [Say(message, state.language)], languages)


def sprint_limit(flow: Flow) -> int:
    """Nodes one sprint may pass: a bound, not a guess, for any flow the loader accepts.

    Nodes that pass without an event form no cycle (the loader refuses one), so at most
    every node is passed between two escalations treated as unanswered at once; each of
    those spends the idle budget, and once it is spent the on_silence path ends the call.
    """
    return len(flow.nodes) * (flow.silence_limit + 2)


def _run(
    flow: Flow,
    state: SessionState,
    node_id: str,
    actions: list[Action],
    languages: Languages,
    staffing: Staffing,
    *,
    silent: bool = False,
) -> Step:
    """Enter nodes from node_id until one waits for the caller or the session ends.

    `silent`: the caller got here through silence alone (an escalation says so to staff).
    """
    for _ in range(sprint_limit(flow)):
        node = flow.nodes[node_id]
        state = state.visit(node_id)
        match node:
            case SayNode():
                actions.extend(Say(m, state.language) for m in node.messages)
                node_id = node.next
            case GotoNode():
                node_id = node.next
            case SetLanguageNode():
                state = replace(state, language=node.language, language_chosen=True)
                node_id = node.next
            case LanguageMenuNode():
                if len(languages.offered) <= 1 or (state.language_chosen and not node.always):
                    actions.extend(Say(m, state.language) for m in node.intro)
                    node_id = node.next
                else:
                    return _wait(flow, state, node, actions, languages, first=True)
            case EscalateNode() if state.silent_escalated:
                # A person was already asked for this silence and did not take it: asking
                # again would ring staff round after round for an open line. Nobody
                # answered, at once, which spends the idle budget like any unanswered try.
                state = state.idled()
                if state.idle >= flow.silence_limit:
                    node_id = flow.on_silence
                    state = state.with_outcome(Outcome.SILENT)
                else:
                    node_id = node.next
            case EscalateNode() if not staffing.reachable:
                # Nobody can be reached now: unanswered at once, without the hold message
                # (nobody is being connected); after hours, by the after-hours route.
                if silent:
                    state = replace(state, silent_escalated=True)
                    silent = False
                reason = SILENT_LINE if state.silent_escalated else node.reason
                actions.append(NoteUnreached(reason, state.language, not staffing.on_duty))
                state = state.idled()
                if state.idle >= flow.silence_limit:
                    node_id = flow.on_silence
                    state = state.with_outcome(Outcome.SILENT)
                elif not staffing.on_duty and node.after_hours:
                    node_id = node.after_hours
                else:
                    node_id = node.next
            case EscalateNode() if silent:
                state = replace(state, silent_escalated=True)
                return _wait(flow, state, node, actions, languages, first=True)
            case MenuNode() | GatherNode() | RecordNode() | EscalateNode():
                return _wait(flow, state, node, actions, languages, first=True)
            case CallbackNode():
                if dict(state.variables).get(HIDDEN_NUMBER):
                    node_id = node.no_number
                else:
                    actions.append(RequestCallback(state.language))
                    actions.extend(Say(m, state.language) for m in node.messages)
                    node_id = node.next
            case HangupNode():
                actions.extend(Say(m, state.language) for m in node.messages)
                actions.append(Hangup())
                state = replace(state, finished=True).with_outcome(Outcome.COMPLETED)
                return Step(state, tuple(actions))
    raise FlowError(
        f"{flow.source}: node {node_id!r}: {sprint_limit(flow)} nodes passed without "
        "waiting for the caller (a loop of say/goto nodes?)"
    )


def _wait(
    flow: Flow,
    state: SessionState,
    node: WaitingNode,
    actions: list[Action],
    languages: Languages,
    *,
    first: bool = False,
    hold: bool = True,
) -> Step:
    """The actions that put a waiting node's question to the caller (an escalation's hold
    message only with `hold`: not again for a further round)."""
    del flow
    lang = state.language
    said = prompts(node, lang, languages, first=first)
    match node:
        case MenuNode() | LanguageMenuNode():
            keys = (
                tuple(node.options)
                if isinstance(node, MenuNode)
                else tuple(str(i) for i in range(1, len(languages.offered) + 1))
            )
            actions.append(
                Gather(
                    prompts=said,
                    max_digits=1,
                    timeout_s=node.timeout_s,
                    finish_on_key=None,
                    options=keys,
                )
            )
        case GatherNode():
            actions.append(
                Gather(
                    prompts=said,
                    max_digits=node.max_digits,
                    timeout_s=node.timeout_s,
                    finish_on_key=FINISH_KEY,
                )
            )
        case RecordNode():
            actions.extend(said)
            actions.append(Record(max_seconds=node.max_seconds))
        case EscalateNode():
            if hold:
                actions.extend(said)
            reason = SILENT_LINE if state.silent_escalated else node.reason
            actions.append(Escalate(reason=reason, language=lang))
    return Step(state, tuple(actions))
