"""The engine decides every word around an escalation, given who can be reached now.

Staffing comes in as a plain value, like the languages: with nobody to reach, an escalate
node routes within the same step and says no hold message; with nobody on duty it takes the
after-hours route; a further round of trying says the flow's own "still trying" words.
"""

from __future__ import annotations

from cryptography.fernet import Fernet

from hotline.catalog import FALLBACK_LANGUAGE, Catalog
from hotline.conversations.chat_cases import ChatCaseWork
from hotline.conversations.chat_types import ChatCases
from hotline.crypto import DataCipher
from hotline.escalation.board import DutyBoard, DutySnapshot
from hotline.escalation.policy import EscalationPolicy
from hotline.flows import actions as act
from hotline.flows import engine
from hotline.flows.events import CallStarted, DigitsReceived, EscalationContinues, Event
from hotline.flows.loader import load_builtin_flows
from hotline.flows.model import Flow
from hotline.flows.said import spoken
from hotline.flows.state import SessionState
from hotline.messages import MessageId
from tests.conftest import FixedClock

EN = engine.Languages(default="en", offered=("en",))
NOBODY_ON_DUTY = engine.Staffing(on_duty=False, reachable=False)
ON_DUTY_UNREACHABLE = engine.Staffing(on_duty=True, reachable=False)


def hotline_flow() -> Flow:
    catalog = Catalog()
    flows = load_builtin_flows(known_message=lambda m: catalog.has(FALLBACK_LANGUAGE, m))
    return flows["hotline"]


def at_main_menu(flow: Flow) -> SessionState:
    clock = FixedClock()
    return engine.start(flow, CallStarted(language="en"), languages=EN, now=clock()).state


def press(flow: Flow, state: SessionState, event: Event, staffing: engine.Staffing) -> engine.Step:
    return engine.advance(flow, state, event, languages=EN, now=FixedClock()(), staffing=staffing)


def said(step: engine.Step) -> list[str]:
    """The message ids a step says, prompts of a menu included, in order."""
    out: list[str] = []
    for action in step.actions:
        if isinstance(action, act.Say):
            out.append(action.message)
        elif isinstance(action, act.Gather):
            out.extend(p.message for p in action.prompts)
    return out


def test_a_reachable_specialist_is_asked_for_with_the_hold_message() -> None:
    flow = hotline_flow()
    step = press(flow, at_main_menu(flow), DigitsReceived("3"), engine.REACHABLE)
    assert said(step) == ["specialist-connecting"]
    assert isinstance(step.actions[-1], act.Escalate)
    assert step.state.node_id == "specialist"


def test_after_hours_the_caller_hears_it_at_once_and_no_hold_message() -> None:
    flow = hotline_flow()
    step = press(flow, at_main_menu(flow), DigitsReceived("3"), NOBODY_ON_DUTY)
    assert not any(isinstance(a, act.Escalate) for a in step.actions)
    assert said(step) == ["after-hours", "callback-menu"]
    # The channel keeps the anonymous record of it: asked for, nobody on duty.
    assert act.NoteUnreached("caller-request", "en", after_hours=True) in step.actions
    assert step.state.node_id == "callback-menu"
    assert step.state.path[-4:] == ("specialist", "after-hours", "leave-word", "callback-menu")


def test_where_nobody_can_call_back_no_callback_is_offered() -> None:
    """A deployment without callbacks (no Twilio account SID or hotline number) offers a
    message alone: no "press 2 to be called back" that staff could never keep."""
    flow = hotline_flow()
    no_callbacks = engine.Staffing(on_duty=False, reachable=False, callbacks=False)
    step = press(flow, at_main_menu(flow), DigitsReceived("3"), no_callbacks)
    assert said(step) == ["after-hours", "message-menu"]
    assert not any(isinstance(a, act.RequestCallback) for a in step.actions)
    two = press(flow, step.state, DigitsReceived("2"), no_callbacks)
    assert said(two)[0] == flow.messages.invalid  # 2 is no option here
    assert not any(isinstance(a, act.RequestCallback) for a in two.actions)
    one = press(flow, step.state, DigitsReceived("1"), no_callbacks)
    assert one.state.node_id == "message"
    assert isinstance(one.actions[-1], act.Record)


def test_on_duty_but_unreachable_is_unanswered_not_after_hours() -> None:
    flow = hotline_flow()
    step = press(flow, at_main_menu(flow), DigitsReceived("3"), ON_DUTY_UNREACHABLE)
    assert said(step) == ["specialist-unavailable", "callback-menu"]
    assert act.NoteUnreached("caller-request", "en", after_hours=False) in step.actions
    assert step.state.idle == 1  # nobody answering counts toward the silence budget


def test_a_further_round_says_the_flows_still_trying_words_and_asks_again() -> None:
    flow = hotline_flow()
    ringing = press(flow, at_main_menu(flow), DigitsReceived("3"), engine.REACHABLE)
    again = press(flow, ringing.state, EscalationContinues(), engine.REACHABLE)
    assert said(again) == ["specialist-still-trying"]  # no second hold message
    assert again.actions[-1] == act.Escalate(reason="caller-request", language="en")
    assert again.state == ringing.state  # the same wait, nothing spent


def test_the_retry_words_are_on_the_list_of_voice_prompts() -> None:
    flow = hotline_flow()
    assert act.Say("specialist-still-trying", "en") in spoken(flow, EN)


async def _no_roster() -> DutySnapshot:
    return DutySnapshot(roster=None)


def test_a_chat_channel_tells_the_engine_whether_anyone_can_call_back() -> None:
    """Chats route `if: callbacks` as calls do: by whether the hotline can place calls."""
    for callbacks in (True, False):
        cases = ChatCases(
            board=DutyBoard(_no_roster, FixedClock()),
            policy=EscalationPolicy(),
            staff=None,
            live=False,
            callbacks=callbacks,
        )
        work = ChatCaseWork(
            channel="sms",
            cases=cases,
            cipher=DataCipher(Fernet.generate_key()),
            say=lambda language, message: message.value,
            help_text=MessageId.STAFF_DESK_HELP,
        )
        assert work.staffing(None, FixedClock()()).callbacks is callbacks
