"""What the anonymous call log records of a session when it ends."""

from hotline.escalation.ports import LogSummary
from hotline.flows.state import SessionState

# The form field a simulator (`hotline call`) adds to every webhook it signs, "yes": the
# call's log row is marked simulated. Twilio never sends it, and it is signed with the rest.
SIMULATED_FIELD = "HotlineSimulated"


def summarise(state: SessionState) -> LogSummary:
    """The outcome, the path and the language of a session, as the call log keeps them."""
    return LogSummary(
        outcome=state.final_outcome().value, path=list(state.path), language=state.language
    )
