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
from typing import NamedTuple

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
from hotline.flows.choosing import (
    NO_CHOICES,
    Ask,
    Choices,
    Pass,
    ask_choice,
    ask_list,
    choice_key,
    enter_choice,
    enter_list,
    list_key,
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
    BranchNode,
    CallbackNode,
    ChoiceNode,
    EscalateNode,
    Flow,
    GatherNode,
    GotoNode,
    HangupNode,
    LanguageMenuNode,
    ListNode,
    MenuNode,
    RecordNode,
    SayNode,
    SetLanguageNode,
    WaitingNode,
)
from hotline.flows.said import prompts
from hotline.flows.state import Outcome, SessionState
from hotline.flows.step_inputs import (
    BEFORE_A_SESSION,
    REACHABLE,
    Languages,
    LanguageSource,
    Staffing,
    is_idle,
    language_for_key,
)

__all__ = [
    "BEFORE_A_SESSION",
    "REACHABLE",
    "LanguageSource",
    "Languages",
    "Staffing",
    "Step",
    "advance",
    "start",
]

REPEAT_KEY = "*"
HIDDEN_NUMBER = "caller.hidden"  # a session variable: the caller cannot be called back
FINISH_KEY = "#"
# The reason of an escalation the caller reached through silence alone: an open line, maybe.
SILENT_LINE = "silent-line"


class _Given(NamedTuple):
    """What one step is told besides the session."""

    languages: Languages
    staffing: Staffing
    choices: Choices


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
    choices: Choices = NO_CHOICES,
    callbacks: bool = True,
) -> Step:
    """Begin a session at the flow's start node.

    Nobody can be asked for before the session exists (there is no record yet to keep an
    escalation in): a flow that escalates at once passes it as unanswered. `callbacks`:
    whether the deployment can call a caller back (an `if: callbacks` node routes by it).
    """
    state = SessionState(
        flow_id=flow.id,
        node_id=flow.start,
        language=event.language or languages.default,
        language_chosen=event.language is not None,
        misses=0,
        path=(),
        variables=(*event.remembered, *(() if event.reachable else ((HIDDEN_NUMBER, "yes"),))),
        outcome=None,
        finished=False,
        started_at=now,
    )
    staffing = replace(BEFORE_A_SESSION, callbacks=callbacks)
    return _run(flow, state, flow.start, [], _Given(languages, staffing, choices))


def advance(
    flow: Flow,
    state: SessionState,
    event: Event,
    *,
    languages: Languages,
    now: datetime,
    staffing: Staffing = REACHABLE,
    choices: Choices = NO_CHOICES,
) -> Step:
    """Move a waiting session on by one event. `now` is for time-aware nodes to come;
    `choices` are the lists choice nodes offer now."""
    del now  # no node reads the clock yet; the signature keeps engines comparable in tests
    given = _Given(languages, staffing, choices)
    if state.finished:
        return Step(state, (Hangup(),))
    node = flow.nodes.get(state.node_id)
    if not isinstance(node, WaitingNode):
        raise FlowError(f"{flow.source}: node {state.node_id!r} is not a waiting node of the flow")
    idle = is_idle(event)
    if idle:
        state = state.idled()
        if state.idle >= flow.silence_limit:  # nobody there, it seems: end the call
            return _run(flow, state.with_outcome(Outcome.SILENT), flow.on_silence, [], given)
    elif idle is not None:
        state = state.heard()

    match node, event:
        case EscalateNode(), EscalationContinues():
            # Nobody took this round and another is tried: the flow says so, then waits on.
            said: list[Action] = [Say(m, state.language) for m in node.retry]
            return _wait(flow, state, node, said, languages, hold=False)
        case _, JumpRequested(node=target) if target in flow.nodes:
            return _run(flow, replace(state, misses=0), target, [], given)
        case MenuNode(), DigitsReceived(digits=digits):
            key = digits[:1]
            if key == REPEAT_KEY:
                return _wait(flow, state, node, [], languages, choices=choices)
            if key in node.options:
                return _run(flow, state, node.options[key], [], given)
            return _miss(flow, state, node, flow.messages.invalid, given)
        case ChoiceNode() | ListNode(), DigitsReceived(digits=digits):
            key = digits[:1]
            if isinstance(node, ChoiceNode):
                picked = (
                    Ask(state, (ask_choice(node, state, choices),))
                    if key == REPEAT_KEY
                    else choice_key(node, state, key, choices)
                )
            else:
                picked = list_key(node, state, key)
            match picked:
                case Pass():
                    return _run(flow, picked.state, picked.target, list(picked.actions), given)
                case Ask():
                    return Step(picked.state, picked.actions)
            return _miss(flow, state, node, flow.messages.invalid, given)
        case LanguageMenuNode(), DigitsReceived(digits=digits):
            key = digits[:1]
            if key == REPEAT_KEY:
                return _wait(flow, state, node, [], languages, choices=choices)
            chosen = language_for_key(key, languages.offered)
            if chosen is None:
                return _miss(flow, state, node, flow.messages.invalid, given)
            state = replace(state, language=chosen, language_chosen=True, misses=0)
            return _run(flow, state, node.next, [RememberLanguage(chosen)], given)
        case GatherNode(), DigitsReceived(digits=digits):
            entered = digits.rstrip(FINISH_KEY)
            if entered == REPEAT_KEY:
                return _wait(flow, state, node, [], languages, choices=choices)
            if entered.isdigit() and node.min_digits <= len(entered) <= node.max_digits:
                kept = [v for v in state.variables if v[0] != node.store]
                state = replace(state, variables=(*kept, (node.store, entered)))
                return _run(flow, state, node.next, [], given)
            return _miss(flow, state, node, flow.messages.invalid, given)
        case MenuNode() | LanguageMenuNode() | GatherNode() | ChoiceNode() | ListNode(), (
            NoInputReceived()
        ):
            # Silent throughout this node's prompts (no wrong key either, which would have
            # started the idle count again): if it gives up, the caller got there in silence.
            silent = state.idle > state.misses
            return _miss(flow, state, node, flow.messages.no_input, given, silent=silent)
        case RecordNode(), RecordingSaved():
            return _run(flow, state.with_outcome(Outcome.VOICEMAIL), node.next, [], given)
        case RecordNode(), RecordingEmpty():
            return _run(flow, state, node.on_empty, [], given, silent=True)
        case EscalateNode(), EscalationEnded(answered=answered, closed=closed):
            if answered:
                return _run(flow, state.with_outcome(Outcome.ESCALATED), node.answered, [], given)
            target = node.after_hours if closed and node.after_hours else node.next
            return _run(flow, state, target, [], given)
        case _:
            # An event the node does not expect (a late redirect, a stray key): ask again.
            return _wait(flow, state, node, [], languages, choices=choices)


def _miss(
    flow: Flow,
    state: SessionState,
    node: MenuNode | LanguageMenuNode | GatherNode | ChoiceNode | ListNode,
    message: str,
    given: _Given,
    *,
    silent: bool = False,
) -> Step:
    """A wrong key or silence: say so and repeat, or after the repeats, go somewhere safe."""
    misses = state.misses + 1
    if misses > node.repeats:
        target = flow.failure_target(node)
        return _run(flow, state, target, [], given, silent=silent)
    state = replace(state, misses=misses)
    said: list[Action] = [Say(message, state.language)]
    return _wait(flow, state, node, said, given.languages, choices=given.choices)


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
    given: _Given,
    *,
    silent: bool = False,
) -> Step:
    """Enter nodes from node_id until one waits for the caller or the session ends.

    `silent`: the caller got here through silence alone (an escalation says so to staff).
    """
    languages, staffing, choices = given
    for _ in range(sprint_limit(flow)):
        node = flow.nodes[node_id]
        state = state.visit(node_id)
        match node:
            case SayNode():
                actions.extend(Say(m, state.language) for m in node.messages)
                node_id = node.next
            case GotoNode():
                node_id = node.next
            case BranchNode():
                node_id = node.then if staffing.can(node.ability) else node.otherwise
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
                return _wait(flow, state, node, actions, languages, first=True, choices=choices)
            case ChoiceNode():
                entered = enter_choice(node, state, choices)
                if isinstance(entered, Pass):
                    state = entered.state
                    actions.extend(entered.actions)
                    node_id = entered.target
                elif isinstance(entered, Ask):
                    return Step(entered.state, (*actions, *entered.actions))
            case ListNode():
                listed = enter_list(node, state)
                return Step(listed.state, (*actions, *listed.actions))
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
    choices: Choices = NO_CHOICES,
) -> Step:
    """The actions that put a waiting node's question to the caller (an escalation's hold
    message only with `hold`: not again for a further round)."""
    del flow
    lang = state.language
    match node:
        case ChoiceNode():
            return Step(state, (*actions, ask_choice(node, state, choices)))
        case ListNode():
            return Step(state, (*actions, ask_list(node, state)))
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
