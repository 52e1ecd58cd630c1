"""Read the list nodes of a flow file: `choose` (a list given at step time: the regions, the
directory's kinds of help) and `list` (a page of the directory's entries), and the keys of
a menu, which all three share."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, Protocol

from hotline.flows.model import ChoiceNode, ListNode

MENU_KEYS = frozenset("0123456789#")
CHOICE_FIXED_KEYS = frozenset("0#")  # 1-8 are the list's items, 9 its next page
CHOOSE_KEYS = frozenset(
    {"prompt", "option", "after", "more", "options", "next", "empty", "remember", "always"}
)
LIST_KEYS = frozenset({"options", "more", "send", "page_size"})


class Problems(Protocol):
    """Where the loader collects a file's problems."""

    def add(self, node: str | None, text: str) -> None:
        """Note one problem of a node."""


Messages = Callable[..., tuple[str, ...]]  # the loader's: (value, key, problems, node)
Text = Callable[..., str]  # the loader's: (mapping, key, problems, node)


def menu_options(
    raw: Mapping[str, Any], p: Problems, node_id: str, keys: frozenset[str] = MENU_KEYS
) -> dict[str, str]:
    """A node's `options`: keys to node ids, every key checked."""
    options = raw.get("options", {})
    if not isinstance(options, dict):
        p.add(node_id, "'options' must map keys to node ids, e.g. {'1': about}")
        return {}
    clean: dict[str, str] = {}
    for key, target in options.items():
        key_text = str(key)
        if key_text not in keys:
            shown = ", ".join(sorted(keys))
            p.add(node_id, f"option key {key_text!r} must be one of {shown} (* repeats)")
        elif not isinstance(target, str):
            p.add(node_id, f"option {key_text!r} must lead to a node id")
        else:
            clean[key_text] = target
    return clean


def choice_node(
    node_id: str,
    raw: Mapping[str, Any],
    p: Problems,
    messages: Messages,
    text: Text,
    timing: tuple[int, int, str | None],
) -> ChoiceNode:
    """A `choose` node."""
    flags = {}
    for flag in ("remember", "always"):
        value = raw.get(flag, False)
        if not isinstance(value, bool):
            p.add(node_id, f"{flag!r} must be true or false")
            value = False
        flags[flag] = value
    more = raw.get("more")
    if more is not None and not isinstance(more, str):
        p.add(node_id, "'more' must be a message id (said with the key of the next page)")
        more = None
    timeout, repeats, failure = timing
    return ChoiceNode(
        node_id,
        text(raw, "choose", p, node_id),
        messages(raw.get("prompt", ()), "prompt", p, node_id) if "prompt" in raw else (),
        text(raw, "option", p, node_id),
        text(raw, "next", p, node_id),
        text(raw, "empty", p, node_id),
        menu_options(raw, p, node_id, CHOICE_FIXED_KEYS),
        messages(raw["after"], "after", p, node_id) if "after" in raw else (),
        more,
        flags["remember"],
        flags["always"],
        timeout,
        repeats,
        failure,
    )


def list_node(
    node_id: str,
    raw: Mapping[str, Any],
    p: Problems,
    messages: Messages,
    timing: tuple[int, int, str | None],
) -> ListNode:
    """A `list` node."""
    options = menu_options(raw, p, node_id)
    keys: dict[str, str | None] = {}
    for name in ("more", "send"):
        value = raw.get(name)
        if value is not None and (str(value) not in MENU_KEYS or str(value) in options):
            p.add(node_id, f"{name!r} must be a key (0-9, #) that no option uses")
            value = None
        keys[name] = None if value is None else str(value)
    if keys["more"] is not None and keys["more"] == keys["send"]:
        p.add(node_id, "'more' and 'send' must be different keys")
    page_size = raw.get("page_size", 3)
    if not isinstance(page_size, int) or isinstance(page_size, bool) or not 1 <= page_size <= 8:
        p.add(node_id, "'page_size' must be a whole number from 1 to 8")
        page_size = 3
    timeout, repeats, failure = timing
    return ListNode(
        node_id,
        messages(raw["list"], "list", p, node_id),
        options,
        keys["more"],
        keys["send"],
        page_size,
        timeout,
        repeats,
        failure,
    )
