"""The engine's lists given at step time: a choice among the deployment's regions or the
directory's kinds of help, and a page of the directory's entries.

Pure: the lists come in as a `Choices` value (already worded in each language, like the
staffing), and what is found in the directory is the channel's to word (`ShowServices`).
Keys 1-8 pick an item of the page; 9 turns to the next page when there is one.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from hotline.flows.actions import Action, Gather, RememberChoice, Say, SendServices, ShowServices
from hotline.flows.model import ChoiceNode, ListNode
from hotline.flows.state import SessionState

PAGE_KEYS = 8  # items per page of a choice: keys 1-8
MORE_KEY = "9"  # the next page of a choice
REGION = "region"  # the session variables a list node reads
CATEGORY = "category"

Item = tuple[str, str]  # (value, label in the session's language)


@dataclass(frozen=True)
class Choices:
    """The lists choice nodes offer now: list name -> language -> items, in menu order."""

    lists: Mapping[str, Mapping[str, tuple[Item, ...]]] = field(default_factory=dict)

    def of(self, name: str, language: str) -> tuple[Item, ...]:
        """The items of one list, labelled in `language` (else in any language it has)."""
        by_language = self.lists.get(name, {})
        if language in by_language:
            return by_language[language]
        return next(iter(by_language.values()), ())


NO_CHOICES = Choices()


@dataclass(frozen=True)
class Pass:
    """The node is passed without asking: go to `target` with `state`."""

    state: SessionState
    target: str
    actions: tuple[Action, ...] = ()


@dataclass(frozen=True)
class Ask:
    """The node asks (again): `actions` end with its Gather."""

    state: SessionState
    actions: tuple[Action, ...]


class Miss:
    """A key that is not an option here."""


Outcome = Pass | Ask | Miss


def variable(state: SessionState, name: str) -> str | None:
    """A session variable, if set."""
    return dict(state.variables).get(name)


def with_variable(state: SessionState, name: str, value: str | None) -> SessionState:
    """The state with one variable set (or removed, for None)."""
    kept = tuple(v for v in state.variables if v[0] != name)
    return replace(state, variables=kept if value is None else (*kept, (name, value)))


def _page_var(node: ChoiceNode | ListNode) -> str:
    return f"page:{node.id}"


def enter_choice(node: ChoiceNode, state: SessionState, choices: Choices) -> Outcome:
    """On entering a choice node: skip it, or ask from its first page."""
    items = choices.of(node.choice, state.language)
    if not items:
        return Pass(state, node.empty)
    if len(items) == 1:
        return _chosen(node, state, items[0][0])
    known = variable(state, node.choice)
    if known is not None and not node.always and any(value == known for value, _ in items):
        return Pass(state, node.next)
    state = with_variable(state, _page_var(node), "0")
    return Ask(state, (ask_choice(node, state, choices),))


def choice_key(node: ChoiceNode, state: SessionState, key: str, choices: Choices) -> Outcome:
    """A key at a choice node: an item of this page, the next page, or a fixed option."""
    items = choices.of(node.choice, state.language)
    page = _page(state, node)
    if key in node.options:
        return Pass(with_variable(state, _page_var(node), None), node.options[key])
    if key == MORE_KEY and len(items) > PAGE_KEYS:
        pages = (len(items) + PAGE_KEYS - 1) // PAGE_KEYS
        state = with_variable(state, _page_var(node), str((page + 1) % pages))
        return Ask(state, (ask_choice(node, state, choices),))
    on_page = items[page * PAGE_KEYS : (page + 1) * PAGE_KEYS]
    if len(key) == 1 and key in "12345678" and int(key) <= len(on_page):
        return _chosen(node, with_variable(state, _page_var(node), None), on_page[int(key) - 1][0])
    return Miss()


def ask_choice(node: ChoiceNode, state: SessionState, choices: Choices) -> Gather:
    """The question of a choice node at its current page."""
    return _question(node, state.language, _page(state, node), choices)


def every_question(node: ChoiceNode, language: str, choices: Choices) -> tuple[Gather, ...]:
    """The node's question at each of its pages: all a call can hear of it (to render the
    speech of its items ahead of the first caller)."""
    items = choices.of(node.choice, language)
    pages = max(1, -(-len(items) // PAGE_KEYS))
    return tuple(_question(node, language, page, choices) for page in range(pages))


def _question(node: ChoiceNode, lang: str, page: int, choices: Choices) -> Gather:
    items = choices.of(node.choice, lang)
    on_page = items[page * PAGE_KEYS : (page + 1) * PAGE_KEYS]
    said = [Say(m, lang) for m in node.prompt]
    said += [
        Say(node.option_message, lang, (("key", i), ("name", label)))
        for i, (_, label) in enumerate(on_page, start=1)
    ]
    keys = [str(i) for i in range(1, len(on_page) + 1)]
    if len(items) > PAGE_KEYS:
        keys.append(MORE_KEY)
        if node.more_message:
            said.append(Say(node.more_message, lang, (("key", MORE_KEY),)))
    said += [Say(m, lang) for m in node.after]
    return Gather(
        prompts=tuple(said),
        max_digits=1,
        timeout_s=node.timeout_s,
        finish_on_key=None,
        options=(*keys, *node.options),
    )


def _chosen(node: ChoiceNode, state: SessionState, value: str) -> Pass:
    state = with_variable(state, node.choice, value)
    # A new region is a new search: the kind of help is asked again.
    if node.choice == REGION:
        state = with_variable(state, CATEGORY, None)
    remembered = (RememberChoice(node.choice, value),) if node.remember else ()
    return Pass(state, node.next, remembered)


def _page(state: SessionState, node: ChoiceNode | ListNode) -> int:
    raw = variable(state, _page_var(node)) or "0"
    return int(raw) if raw.isdigit() else 0


def enter_list(node: ListNode, state: SessionState) -> Ask:
    """On entering a list node: its first page, then its question."""
    state = with_variable(state, _page_var(node), "0")
    return Ask(state, (_show(node, state, 0), ask_list(node, state)))


def list_key(node: ListNode, state: SessionState, key: str) -> Outcome:
    """A key at a list node: more, send, say again, or a fixed option."""
    page = _page(state, node)
    if key in node.options:
        return Pass(with_variable(state, _page_var(node), None), node.options[key])
    if node.more is not None and key == node.more:
        state = with_variable(state, _page_var(node), str(page + 1))
        return Ask(state, (_show(node, state, page + 1), ask_list(node, state)))
    if node.send is not None and key == node.send:
        send = SendServices(
            variable(state, REGION),
            variable(state, CATEGORY),
            page * node.page_size,
            node.page_size,
            state.language,
        )
        return Ask(state, (send, ask_list(node, state)))
    if key == "*":
        return Ask(state, (_show(node, state, page, again=True), ask_list(node, state)))
    return Miss()


def ask_list(node: ListNode, state: SessionState) -> Gather:
    """What a list node asks after its entries."""
    keys = [k for k in (node.send, node.more) if k is not None]
    return Gather(
        prompts=tuple(Say(m, state.language) for m in node.prompt),
        max_digits=1,
        timeout_s=node.timeout_s,
        finish_on_key=None,
        options=(*keys, *node.options),
    )


def _show(node: ListNode, state: SessionState, page: int, *, again: bool = False) -> ShowServices:
    return ShowServices(
        variable(state, REGION),
        variable(state, CATEGORY),
        page * node.page_size,
        node.page_size,
        state.language,
        again,
    )
