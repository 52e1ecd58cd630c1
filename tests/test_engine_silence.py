"""The engine's idle budget: a call with no input ends, and a person is asked for it once."""

from __future__ import annotations

from pathlib import Path

from hotline.catalog import FALLBACK_LANGUAGE, Catalog
from hotline.flows import actions as act
from hotline.flows import engine
from hotline.flows.events import (
    CallStarted,
    DigitsReceived,
    EscalationEnded,
    Event,
    NoInputReceived,
    RecordingEmpty,
)
from hotline.flows.loader import BUILTIN_DIR, load_builtin_flows, load_flow
from hotline.flows.model import Flow
from hotline.flows.state import SessionState
from tests.conftest import FixedClock

EN = engine.Languages(default="en", offered=("en",))
SILENCE = NoInputReceived()
UNANSWERED = EscalationEnded(answered=False)


def hotline_flow() -> Flow:
    catalog = Catalog()
    flows = load_builtin_flows(known_message=lambda m: catalog.has(FALLBACK_LANGUAGE, m))
    return flows["hotline"]


def hotline_with_limit(tmp_path: Path, limit: int) -> Flow:
    """The shipped voice flow with another silence limit."""
    text = (BUILTIN_DIR / "hotline.yaml").read_text(encoding="utf-8")
    assert "silence_limit: 8\n" in text
    path = tmp_path / "hotline.yaml"
    path.write_text(text.replace("silence_limit: 8\n", f"silence_limit: {limit}\n"), "utf-8")
    return load_flow(path)


class Call:
    """One call through the pure engine, keeping every action it produced."""

    def __init__(self, flow: Flow, start: CallStarted | None = None) -> None:
        self.flow = flow
        self.clock = FixedClock()
        step = engine.start(flow, start or CallStarted(), languages=EN, now=self.clock())
        self.state = step.state
        self.actions: list[act.Action] = list(step.actions)
        self.last = step.actions

    def __call__(self, *events: Event) -> tuple[act.Action, ...]:
        for event in events:
            self.clock.advance(seconds=7)
            step = engine.advance(self.flow, self.state, event, languages=EN, now=self.clock())
            self.state, self.last = step.state, step.actions
            self.actions.extend(step.actions)
        return self.last

    def said(self, message: str) -> bool:
        return any(isinstance(a, act.Say) and a.message == message for a in self.last)

    @property
    def escalations(self) -> list[act.Escalate]:
        return [a for a in self.actions if isinstance(a, act.Escalate)]

    @property
    def ended(self) -> bool:
        return bool(self.last) and isinstance(self.last[-1], act.Hangup)


def test_the_budget_spans_nodes_and_ends_the_call_with_the_silent_goodbye() -> None:
    call = Call(hotline_flow())
    call(SILENCE, SILENCE, SILENCE, SILENCE)  # the main menu gives up: a person
    assert call.escalations == [act.Escalate(reason=engine.SILENT_LINE, language="en")]
    call(UNANSWERED)
    assert call.said("specialist-unavailable")
    call(SILENCE, SILENCE)
    assert not call.ended
    # The callback menu has heard two silences of its own, but the call eight in a row.
    call(SILENCE)
    assert call.said("silent-goodbye")
    assert not call.said("menu-no-input")
    assert call.ended
    assert call.state.final_outcome().value == "silent"


def test_an_escalate_node_reached_twice_in_one_silence_asks_for_a_person_once(
    tmp_path: Path,
) -> None:
    call = Call(hotline_with_limit(tmp_path, 30))
    call(SILENCE, SILENCE, SILENCE, SILENCE)
    call(UNANSWERED)
    call(SILENCE, SILENCE, SILENCE, SILENCE)  # the callback menu gives up: a message
    call(RecordingEmpty())  # nothing at the beep: back to the main menu
    assert call.said("message-empty")
    call(SILENCE, SILENCE, SILENCE)
    last = call(SILENCE)  # the main menu gives up again: the specialist node once more
    assert [e.reason for e in call.escalations] == [engine.SILENT_LINE]
    assert not call.said("specialist-connecting")  # nobody is being connected
    assert call.said("specialist-unavailable")
    assert isinstance(last[-1], act.Gather)  # the callback menu
    for _ in range(60):
        if call.ended:
            break
        call(SILENCE if call.state.node_id != "message" else RecordingEmpty())
    assert call.ended
    assert call.said("silent-goodbye")
    assert len(call.escalations) == 1
    assert call.state.final_outcome().value == "silent"


def test_a_key_pressed_in_between_makes_the_budget_whole_again() -> None:
    call = Call(hotline_flow())
    for key in ("1", "0", "1", "0"):  # a slow caller: main menu, about, main menu, ...
        call(SILENCE, SILENCE, SILENCE, DigitsReceived(key))
        assert not call.ended
    assert not call.escalations  # 12 silences, never 8 in a row
    # A wrong key counts too: someone is there (a lost caller, passed to a person).
    call(SILENCE, SILENCE, SILENCE, DigitsReceived("7"))
    assert [e.reason for e in call.escalations] == ["caller-request"]
    call(UNANSWERED, SILENCE, SILENCE, SILENCE, SILENCE)  # the callback menu gives up
    call(RecordingEmpty(), SILENCE)
    assert not call.ended  # 7 idle events since the 7
    call(SILENCE)
    assert call.ended
    assert call.said("silent-goodbye")


def test_an_answered_escalation_counts_as_input() -> None:
    call = Call(hotline_flow())
    call(SILENCE, SILENCE, SILENCE, SILENCE)
    call(EscalationEnded(answered=True))  # someone took the open line, then hung up
    assert call.said("goodbye")
    assert call.state.final_outcome().value == "escalated"


def test_wrong_keys_then_silence_are_a_lost_caller_not_a_silent_line() -> None:
    call = Call(hotline_flow())
    call(DigitsReceived("7"), SILENCE, DigitsReceived("8"), SILENCE)
    assert [e.reason for e in call.escalations] == ["caller-request"]


def test_a_session_stored_before_the_budget_existed_still_advances() -> None:
    call = Call(hotline_flow())
    call(SILENCE)
    stored = call.state.to_json()
    for key in ("idle", "silent_escalated"):
        del stored[key]
    call.state = SessionState.from_json(stored)
    call(SILENCE, SILENCE, SILENCE)  # counted from the time it was loaded
    assert call.escalations
    call(UNANSWERED, SILENCE, SILENCE, SILENCE)
    assert not call.ended
    call(SILENCE)
    assert call.ended
