"""`hotline flows check`: every flow valid, every message present in every locale."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from hotline.catalog import Catalog
from hotline.errors import FlowError
from hotline.flows.loader import BUILTIN_DIR, all_message_ids, load_flow


def check(
    catalog: Catalog,
    flows_dir: Path = BUILTIN_DIR,
    code_messages: Mapping[str, str] | None = None,
) -> list[str]:
    """Every problem found, each naming the file, the node or code, and the locale."""
    problems: list[str] = []
    used: dict[str, list[str]] = {}
    for path in sorted(flows_dir.glob("*.yaml")):
        try:
            flow = load_flow(path)  # messages are checked below, for every locale
        except FlowError as exc:
            problems.extend(str(exc).splitlines())
            continue
        for message, nodes in all_message_ids(flow).items():
            where = ", ".join(f"node {n!r}" if n != "*" else "flow messages" for n in nodes)
            used.setdefault(message, []).append(f"{path}: {where}")
    for message, where in (code_messages or {}).items():
        used.setdefault(message, []).append(where)
    for language in catalog.languages:
        for message in sorted(used):
            if not catalog.has(language, message):
                problems.append(
                    f"{catalog.directory / language}: message {message!r} is missing "
                    f"(used by {'; '.join(used[message])})"
                )
    return problems
