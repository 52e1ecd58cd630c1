"""Paths through a flow's graph: what can be reached, loops that never wait, and whether a
route ends the call without waiting. The loader's checks and `flows check` read them."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from hotline.flows.model import BranchNode, Flow, may_pass, targets, waits

__all__ = ["loops_without_wait", "reachable", "reachable_where", "waits_after"]


def reachable(flow: Flow, roots: Iterable[str]) -> set[str]:
    seen: set[str] = set()
    todo = list(roots)
    while todo:
        node_id = todo.pop()
        if node_id in seen:
            continue
        seen.add(node_id)
        todo.extend(targets(flow.nodes[node_id], flow.on_failure))
    return seen


def loops_without_wait(flow: Flow) -> list[tuple[str, ...]]:
    """Cycles made only of nodes that can pass straight through, each as its node ids.

    Each node's shortest such cycle, skipping nodes already named in one, so a loop is
    reported once and every report is a path an author can follow.
    """
    passing = {node_id for node_id, node in flow.nodes.items() if may_pass(node)}
    found: list[tuple[str, ...]] = []
    named: set[str] = set()
    for node_id in flow.nodes:
        if node_id not in passing or node_id in named:
            continue
        cycle = _shortest_cycle(flow, node_id, passing)
        if cycle is not None:
            found.append(cycle)
            named.update(cycle)
    return found


def _shortest_cycle(flow: Flow, start: str, allowed: set[str]) -> tuple[str, ...] | None:
    """The shortest cycle from start back to it through allowed nodes (start not repeated
    at the end), by breadth-first search; None when there is none."""
    parent: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following: list[str] = []
        for current in frontier:
            for target in targets(flow.nodes[current]):
                if target == start:
                    path = [current]
                    while path[-1] != start:
                        path.append(parent[path[-1]])
                    return tuple(reversed(path))
                if target in allowed and target not in parent:
                    parent[target] = current
                    following.append(target)
        frontier = following
    return None


def waits_after(flow: Flow, root: str) -> tuple[str, ...] | None:
    """A path from root to a node that may wait for the caller, or None when every path
    from root reaches a hangup through nodes that never wait."""
    parent: dict[str, str | None] = {root: None}
    todo = [root]
    while todo:
        node_id = todo.pop()
        if waits(flow.nodes[node_id]):
            path = [node_id]
            while (previous := parent[path[-1]]) is not None:
                path.append(previous)
            return tuple(reversed(path))
        for target in targets(flow.nodes[node_id]):
            if target not in parent:
                parent[target] = node_id
                todo.append(target)
    return None


def reachable_where(flow: Flow, can: Callable[[str], bool]) -> set[str]:
    """The nodes a call can reach in a deployment that can do what `can` says yes to: an
    `if` node leads only the way it would go there (on_silence included, as any wait can
    lead to it)."""
    seen: set[str] = set()
    todo = [flow.start, flow.on_silence]
    while todo:
        node_id = todo.pop()
        if node_id in seen:
            continue
        seen.add(node_id)
        node = flow.nodes[node_id]
        if isinstance(node, BranchNode):
            todo.append(node.then if can(node.ability) else node.otherwise)
        else:
            todo.extend(targets(node, flow.on_failure))
    return seen
