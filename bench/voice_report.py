"""The tables and verdicts bench/voice.py prints: the issue's table, the details, the aims."""

from __future__ import annotations

from collections.abc import Sequence

from voice_calls import KNEE_STEP, Result

NAMES = {"postgres": "hotline on PostgreSQL", "bare": "ceiling", "sqlite": "hotline on SQLite"}
Key = tuple[str, int, int]  # mode, load, workers


def _key(r: Result) -> Key:
    return (r.mode, r.load, r.workers)


def ceilings(results: Sequence[Result]) -> dict[Key, Result]:
    """The bare handler's result for each (mode, load, workers)."""
    return {_key(r): r for r in results if r.target == "bare"}


def ratio(r: Result, ceiling: Result | None) -> float | None:
    """Requests a second as a share of the ceiling's under the same load."""
    if ceiling is None or not ceiling.steps_per_s:
        return None
    return r.steps_per_s / ceiling.steps_per_s


def non_200(r: Result) -> int:
    """Answers with another HTTP status."""
    return sum(n for kind, n in r.errors.items() if kind.startswith("HTTP "))


def log_true(r: Result) -> bool | None:
    """Every call of the run in the call log, closed, and those that heard their goodbye
    as completed; None where the log was not read."""
    log = r.call_log
    if log is None:
        return None
    return log.rows >= r.calls and log.still_open == 0 and log.completed >= r.played_to_end


def _ms(value: float) -> str:
    return f"{value / 1000:.1f} s" if value >= 1000 else f"{value:.3g} ms"


def load_label(mode: str, load: int, think_ms: float, in_progress: int) -> str:
    """The first column: what the load was."""
    if mode == "closed":
        return f"closed loop, {load} callers, path about → … → back → end"
    return (
        f"open loop, {load} calls/s arriving, {think_ms:g} ms between a prompt and the next key"
        f" (~{in_progress:,} calls in progress)"
    )


def cell(r: Result | None, ceiling: Result | None) -> str:
    """One target's figures under one load, in words, as the issue's table has them."""
    if r is None:
        return "-"
    words = f"{r.steps_per_s:,.0f} req/s, p50 {_ms(r.p50_ms)}, p99 {_ms(r.p99_ms)}"
    if r.target == "bare":
        return words + (f", {r.error_count} errors" if r.error_count else ", no error")
    share = ratio(r, ceiling)
    if share is not None:
        words += f" ({share:.2f} of the ceiling)"
    words += f"; {r.fallbacks} fallbacks, {r.status_failed} failed status callbacks"
    if r.mode == "open":
        words += f", {r.late} answers over 1 s"
    return words


def summary(results: Sequence[Result], think_ms: float) -> str:
    """The issue's table: a row per load and worker count, a column per target."""
    rows: dict[Key, dict[str, Result]] = {}
    for r in results:
        if r.note != KNEE_STEP:
            rows.setdefault(_key(r), {})[r.target] = r
    lines = [
        "| load | workers | " + " | ".join(NAMES.values()) + " |",
        "|---|---|---|---|---|",
    ]
    for key, by_target in rows.items():
        mode, load, workers = key
        ceiling = by_target.get("bare")
        busiest = max(r.peak_in_progress for r in by_target.values())
        in_progress = busiest if ceiling is None else ceiling.peak_in_progress
        label = load_label(mode, load, think_ms, in_progress)
        notes = sorted({r.note for r in by_target.values() if r.note})
        label += "".join(f", {note}" for note in notes)
        cells = [cell(by_target.get(target), ceiling) for target in NAMES]
        lines.append(f"| {label} | {workers} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def details(results: Sequence[Result]) -> str:
    """Every figure of every row, one row per target, load and worker count."""
    lines = [
        "| target | workers | load | requests | req/s | p50 ms | p99 ms | vs ceiling | fallbacks "
        "| failed status | non-200 | transport | other errors | over 1 s | call log | RSS MB "
        "idle → peak | MB / 1,000 calls |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|",
    ]
    bare = ceilings(results)
    for r in results:
        share = ratio(r, bare.get(_key(r)))
        other = r.error_count - r.fallbacks - non_200(r) - r.errors["transport"]
        load = f"{r.load} callers" if r.mode == "closed" else f"{r.load} calls/s"
        log = "-"
        if r.call_log is not None:
            verdict = "true" if log_true(r) else "NOT true"
            log = f"{verdict}: {r.call_log.describe(r.played_to_end, r.calls)} of {r.calls}"
            if r.unfinished:
                log += f", {r.unfinished} calls unfinished"
        rss, per_k = "-", "-"
        if r.memory is not None:
            mb = 1024 * 1024
            rss = f"{r.memory.idle_bytes / mb:.0f} → {r.memory.peak_bytes / mb:.0f}"
            per = r.memory.per_thousand_calls_mb
            per_k = "-" if per is None else f"{per:.1f}"
        lines.append(
            f"| {r.target} | {r.workers} | {r.mode} {load} | {r.requests} | "
            f"{r.steps_per_s:.0f} | {r.p50_ms:.1f} | {r.p99_ms:.1f} | "
            f"{'-' if share is None else f'{share:.2f}'} | {r.fallbacks} | {r.status_failed} | "
            f"{non_200(r)} | {r.errors['transport']} | {other} | {r.late} | {log} | {rss} | "
            f"{per_k} |"
        )
    return "\n".join(lines)


def aims(results: Sequence[Result], closed_think_ms: float, open_think_ms: float) -> list[str]:
    """Issue 18's aims, judged on PostgreSQL where the run measured their loads."""
    bare = ceilings(results)
    verdicts = []
    for r in results:
        if r.target != "postgres" or r.note == KNEE_STEP:
            continue
        ceiling = bare.get(_key(r))
        if r.mode == "closed" and r.load == 50 and ceiling is not None and not closed_think_ms:
            share = ratio(r, ceiling) or 0.0
            met = share >= 0.40 and r.p99_ms <= 3 * ceiling.p99_ms
            verdicts.append(
                f"aim (closed loop, 50 callers, {r.workers} worker(s): >= 0.40 of the ceiling, "
                f"p99 within 3x its): {share:.2f}, p99 {_ms(r.p99_ms)} vs {_ms(ceiling.p99_ms)}"
                f" -> {'met' if met else 'NOT met'}"
            )
        if r.mode == "open" and r.load == 200 and open_think_ms == 1000:
            met = r.fallbacks == 0 and r.status_failed == 0 and r.p99_ms < 50
            verdicts.append(
                f"aim (open loop, 200 calls/s, 1 s think, {r.workers} worker(s): no fallback, "
                f"no failed status callback, p99 < 50 ms): {r.fallbacks} fallbacks, "
                f"{r.status_failed} failed, p99 {_ms(r.p99_ms)} -> {'met' if met else 'NOT met'}"
            )
    return verdicts


def overload_verdict(r: Result) -> str:
    """The aim at twice the knee: valid TwiML within 1 s for everyone, a true call log."""
    failed = non_200(r) + r.errors["transport"] + r.unfinished
    met = r.late == 0 and failed == 0 and bool(log_true(r))
    return (
        f"aim ({r.target}, {r.workers} worker(s), {r.load} calls/s = 2x the knee: every answer "
        f"valid TwiML within 1 s, fallback allowed; the call log true): {r.late} over 1 s, "
        f"{failed} failed or unfinished, call log {'true' if log_true(r) else 'NOT true'}"
        f" -> {'met' if met else 'NOT met'}"
    )
