"""The resident memory of a server under test and its worker processes, read from /proc."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
MB = 1024 * 1024


@dataclass(frozen=True)
class Memory:
    """RSS before a run and at its peak of calls in progress."""

    idle_bytes: int
    peak_bytes: int
    peak_calls: int  # calls in progress when the peak sample was taken

    @property
    def per_thousand_calls_mb(self) -> float | None:
        """What 1,000 calls in progress add to the RSS, in MB; None without calls."""
        if self.peak_calls <= 0:
            return None
        return (self.peak_bytes - self.idle_bytes) / MB * 1000 / self.peak_calls


def _parent(pid: int) -> int | None:
    """The parent of a process, or None when it is gone."""
    try:
        stat = (PROC / str(pid) / "stat").read_text()
    except OSError:
        return None
    # "pid (comm) state ppid ...": comm may hold spaces and parentheses, so split after it.
    fields = stat[stat.rfind(")") + 2 :].split()
    return int(fields[1]) if len(fields) > 1 else None


def family(pid: int) -> list[int]:
    """A process and all its descendants (a server's workers), from one pass over /proc."""
    children: dict[int, list[int]] = {}
    for entry in PROC.iterdir():
        if entry.name.isdigit():
            parent = _parent(int(entry.name))
            if parent is not None:
                children.setdefault(parent, []).append(int(entry.name))
    found: list[int] = []
    todo = [pid]
    while todo and len(found) < 1000:  # bounded, whatever /proc says
        current = todo.pop()
        found.append(current)
        todo.extend(children.get(current, []))
    return found


def rss_bytes(pid: int) -> int:
    """The summed RSS of a process and its descendants (0 for those already gone)."""
    total = 0
    for member in family(pid):
        try:
            status = (PROC / str(member) / "status").read_text()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1]) * 1024
                break
    return total
