"""`hotline flows check`: every flow valid, every message present in every locale.

A flow that passes cannot keep a call going forever without input. Why:

1. The loader refuses any cycle made only of nodes that can pass without an event (say,
   goto, if, set_language, callback, and choose_language, which is skipped when the language is
   known), naming it (`a → b → a`). So every cycle holds a node that waits for an event:
   menu, gather, record or escalate. (An escalate node the engine treats as unanswered at
   once, without waiting, spends the idle budget of point 2 instead.)
2. The engine counts idle events per call, not per node: silence at a prompt, an empty
   recording, an escalation nobody answered, and an escalate node passed as unanswered. Only
   input starts the count again: a key (even a wrong one), a message, a person who took the
   call, a command. At the flow's `silence_limit` the engine goes to `on_silence`.
3. The loader requires `on_silence` to be a node from which every path reaches a hangup
   through nodes that never wait (and point 1 rules out a cycle among those).

So going once around any cycle consumes either input or one unit of a budget that is
bounded; when the budget is spent the call hangs up. Within one event, the engine passes
at most `engine.sprint_limit(flow)` nodes, for the same reasons.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from hotline.catalog import FALLBACK_LANGUAGE, Catalog
from hotline.conversations.crisis import CRISIS_FILE, load_crisis_words
from hotline.dashboard_texts import DashboardText
from hotline.errors import ConfigError, FlowError
from hotline.flows.graph import reachable_where
from hotline.flows.loader import BUILTIN_DIR, VOICE_USER, all_message_ids, load_flow
from hotline.flows.model import CallbackNode, Flow
from hotline.flows.step_inputs import Staffing
from hotline.messages import MessageId
from hotline.reminders.loader import campaign_files, campaign_messages

_USERS = {"*": "flow messages", VOICE_USER: "voice (said on a call)"}
_REGISTRIES = (MessageId, DashboardText)  # every message id the code says


def check(
    catalog: Catalog,
    flows_dir: Path = BUILTIN_DIR,
    also_used: Mapping[str, Sequence[str]] | None = None,
) -> list[str]:
    """Every problem found, each naming the file, the node or code, and the locale.

    The messages used are the flows', those of the registry of code (hotline.messages), and
    those the campaigns send (`also_used`, each with where: by default the shipped ones').
    """
    if also_used is None:
        also_used = campaign_messages(campaign_files().values())
    problems: list[str] = []
    used: dict[str, list[str]] = {m: list(w) for m, w in also_used.items()}
    for path in sorted(flows_dir.glob("*.yaml")):
        try:
            flow = load_flow(path)  # messages are checked below, for every locale
        except FlowError as exc:
            problems.extend(str(exc).splitlines())
            continue
        for message, nodes in all_message_ids(flow).items():
            where = ", ".join(_USERS.get(n, f"node {n!r}") for n in nodes)
            used.setdefault(message, []).append(f"{path}: {where}")
    for registry in _REGISTRIES:
        where = f"code: {registry.__module__}.{registry.__qualname__}"
        for said in registry:
            used.setdefault(said.value, []).append(f"{where}.{said.name} ({said.audience})")
    for language in catalog.languages:
        locale = catalog.directory / language
        for message in sorted(used):
            if not catalog.has(language, message):
                problems.append(
                    f"{locale}: message {message!r} is missing (used by {'; '.join(used[message])})"
                )
                continue
            problems.extend(
                f"{locale}: {problem}" for problem in catalog.format_problems(language, message)
            )
            if language != FALLBACK_LANGUAGE:
                # The same variables (a translation must not drop a date) and the same
                # attributes (a chat menu's button labels) as English.
                for verb, names, of in (
                    ("uses", _names, catalog.variables),
                    ("has attributes", _attrs, catalog.attributes),
                ):
                    ours, english = of(language, message), of(FALLBACK_LANGUAGE, message)
                    if ours != english:
                        problems.append(
                            f"{locale}: message {message!r} {verb} {names(ours)} where English "
                            f"{verb} {names(english)} (used by {'; '.join(used[message])})"
                        )
        for message in sorted(catalog.ids(language) - used.keys()):
            problems.append(
                f"{locale}: message {message!r} is not used by any flow, campaign or code"
            )
        problems.extend(_crisis_problems(catalog, language))
    return problems


def broken_promises(flows: Iterable[Flow], staffing: Staffing) -> list[str]:
    """What a flow would promise a caller that this deployment cannot keep, one warning a
    line: a callback offered where nobody can call back."""
    warnings: list[str] = []
    for flow in flows:
        if staffing.callbacks:
            continue
        for node_id in sorted(reachable_where(flow, staffing.can)):
            if isinstance(flow.nodes[node_id], CallbackNode):
                warnings.append(
                    f"{flow.source}: node {node_id!r} promises a callback, but nobody can call "
                    "back in this deployment: set HOTLINE_TWILIO_ACCOUNT_SID and "
                    "HOTLINE_PHONE_NUMBER, or lead to it through an 'if: callbacks' node"
                )
    return warnings


def loaded_flows(flows_dir: Path) -> list[Flow]:
    """The flows of a folder that load (the others are `check`'s to report)."""
    flows: list[Flow] = []
    for path in sorted(flows_dir.glob("*.yaml")):
        try:
            flows.append(load_flow(path))
        except FlowError:
            continue
    return flows


def _crisis_problems(catalog: Catalog, language: str) -> list[str]:
    """A locale's words of crisis are there and hold at least one phrase."""
    try:
        found = load_crisis_words(
            [language], directory=catalog.directory, overrides=catalog.overrides
        )
    except ConfigError as exc:
        return [str(exc)]
    if found.count == 0:
        return [f"{catalog.directory / language / CRISIS_FILE}: no words of crisis in it"]
    return []


def _names(variables: frozenset[str]) -> str:
    return ", ".join(f"${v}" for v in sorted(variables)) or "no variables"


def _attrs(attributes: frozenset[str]) -> str:
    return ", ".join(f".{a}" for a in sorted(attributes)) or "no attributes"
