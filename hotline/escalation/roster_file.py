"""The roster's YAML file: load_roster(text) -> Roster and dump_roster(roster) -> str.

The format, as operators read it (`hotline roster import --help`), is ROSTER_FORMAT (in
`roster_format`). The rules (midnight, holidays, daylight saving) are those of
hotline.escalation.roster.

dump_roster writes one canonical form (keys in ROSTER_FORMAT's order, days in week order,
holidays sorted, names quoted only when needed), so load_roster(dump_roster(r)) == r and
dump_roster(load_roster(x)) is a fixed point. The problems of a file are reported together,
each naming the entry (section, index and line) and the fix.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Iterable
from datetime import date, datetime, time
from typing import TypeVar

import yaml

from hotline.escalation.roster import (
    LANGUAGES,
    OneOffShift,
    Role,
    Roster,
    RosterError,
    Staff,
    Weekday,
    WeeklyShift,
    find_problems,
)
from hotline.escalation.roster_format import ROSTER_FORMAT

__all__ = [
    "ROSTER_FORMAT",
    "dump_roster",
    "holiday_entry",
    "load_roster",
    "once_entry",
    "weekly_entry",
]


_DAY_NAMES = {day.name.lower(): day for day in Weekday}
_TIME_RE = re.compile(r"^(\d{1,2}):(\d{2})$")
_DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}$")
_DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Scalars written unquoted: safe in YAML's plain style and read back as the same text.
_PLAIN_WORD_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_+./-]*$")
_PLAIN_NAME_RE = re.compile(r"^[^\W\d_](?:[\w .'-]*[\w.])?$")
# Deep enough for the format; a limit keeps a self-referencing alias from recursing forever.
_MAX_DEPTH = 6

_SECTIONS = ("timezone", "staff", "weekly", "once", "holidays")
_STAFF_KEYS = ("id", "name", "role", "languages")
_WEEKLY_KEYS = ("staff", "days", "from", "to")
_ONCE_KEYS = ("staff", "from", "to")

_Value = str | list["_Value"] | dict[str, "_Value"]
_T = TypeVar("_T")


class _Problems:
    """Collects every problem of one file, so an author sees them all at once."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, text: str) -> None:
        self.items.append(f"{where}: {text}")


def load_roster(
    text: str, *, languages: Collection[str] = LANGUAGES, source: str = "roster"
) -> Roster:
    """Read a roster file's text; raise RosterError listing every problem, each named."""
    problems = _Problems()
    root = _compose(text, source)
    sections = _top_level(root, problems)

    timezone = ""
    if "timezone" not in sections:
        problems.add("timezone", "missing; name the IANA zone, like Europe/Zagreb")
    else:
        value = _value(sections["timezone"])
        if isinstance(value, str):
            timezone = value
        else:
            problems.add("timezone", "must be one name, like Europe/Zagreb")
    if "staff" not in sections:
        problems.add("staff", "missing; list the people who take calls")

    staff: list[tuple[str, Staff]] = []
    known_ids: set[str] = set()
    for where, entry in _entries(sections, "staff", _STAFF_KEYS, problems):
        if isinstance(entry.get("id"), str):
            known_ids.add(str(entry["id"]))  # its shifts are not "unknown" if the rest is off
        person = _staff(where, entry, problems)
        if person is not None:
            staff.append((where, person))

    weekly: list[tuple[str, WeeklyShift]] = []
    for where, entry in _entries(sections, "weekly", _WEEKLY_KEYS, problems):
        shift = _weekly(where, entry, problems)
        if shift is not None:
            weekly.append((where, shift))

    once: list[tuple[str, OneOffShift]] = []
    for where, entry in _entries(sections, "once", _ONCE_KEYS, problems):
        one = _once(where, entry, problems)
        if one is not None:
            once.append((where, one))

    holidays = _holidays(sections, problems)

    found = problems.items + find_problems(
        timezone, staff, weekly, once, holidays, languages=languages, known_ids=known_ids
    )
    if found:
        raise RosterError([f"{source}: {problem}" for problem in found])
    return Roster(
        timezone=timezone,
        staff=tuple(p for _, p in staff),
        weekly=tuple(s for _, s in weekly),
        once=tuple(s for _, s in once),
        holidays=holidays,
    )


def dump_roster(roster: Roster) -> str:
    """Write a roster in the file's canonical form (load_roster reads it back equal)."""
    lines = [f"timezone: {_word(roster.timezone)}"]
    lines.append("staff:" if roster.staff else "staff: []")
    for person in roster.staff:
        lines += [
            f"  - id: {_word(person.id)}",
            f"    name: {_name(person.name)}",
            f"    role: {Role(person.role).value}",
            f"    languages: {_flow(_word(lang) for lang in person.languages)}",
        ]
    lines.append("weekly:" if roster.weekly else "weekly: []")
    for shift in roster.weekly:
        lines += [
            f"  - staff: {_word(shift.staff_id)}",
            f"    days: {_flow(Weekday(day).name.lower() for day in sorted(shift.days))}",
            f'    from: "{shift.start.strftime("%H:%M")}"',
            f'    to: "{shift.end.strftime("%H:%M")}"',
        ]
    lines.append("once:" if roster.once else "once: []")
    for one in roster.once:
        lines += [
            f"  - staff: {_word(one.staff_id)}",
            f"    from: {one.start.isoformat(timespec='minutes')}",
            f"    to: {one.end.isoformat(timespec='minutes')}",
        ]
    lines.append(f"holidays: {_flow(day.isoformat() for day in sorted(roster.holidays))}")
    return "\n".join(lines) + "\n"


# One entry (a form's fields, as the file would write them) -----------------------------------


def weekly_entry(entry: dict[str, _Value], where: str) -> WeeklyShift:
    """A weekly shift from text fields staff, days, from, to; RosterError if malformed."""
    return _one(where, lambda problems: _weekly(where, entry, problems))


def once_entry(entry: dict[str, _Value], where: str) -> OneOffShift:
    """A one-off shift from text fields staff, from, to; RosterError if malformed."""
    return _one(where, lambda problems: _once(where, entry, problems))


def holiday_entry(text: str, where: str) -> date:
    """A holiday from its text YYYY-MM-DD; RosterError if malformed."""
    day = date.fromisoformat(text) if _DATE_RE.match(text) and _real_date(text) else None
    if day is None:
        raise RosterError([f"{where}: {text!r} is not a date YYYY-MM-DD"])
    return day


def _one(where: str, read: Callable[[_Problems], _T | None]) -> _T:
    problems = _Problems()
    found = read(problems)
    if problems.items or found is None:
        raise RosterError(problems.items or [f"{where}: incomplete"])
    return found


def _real_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True


# Reading ------------------------------------------------------------------------------------


def _compose(text: str, source: str) -> yaml.Node:
    try:
        # BaseLoader: every scalar stays text, so the format decides what 17:00 or no means.
        root = yaml.compose(text, Loader=yaml.BaseLoader)
    except yaml.YAMLError as exc:
        raise RosterError([f"{source}: not valid YAML: {exc}"]) from None
    if root is None:
        raise RosterError([f"{source}: the file is empty; it needs timezone and staff"])
    return root


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _top_level(root: yaml.Node, problems: _Problems) -> dict[str, yaml.Node]:
    if not isinstance(root, yaml.MappingNode):
        problems.add(f"line {_line(root)}", "a roster is a mapping of timezone, staff, ...")
        return {}
    sections: dict[str, yaml.Node] = {}
    for key_node, value_node in root.value:
        key = _value(key_node)
        where = f"line {_line(key_node)}"
        if not isinstance(key, str) or key not in _SECTIONS:
            problems.add(where, f"unknown key {key!r}; the keys are {', '.join(_SECTIONS)}")
        elif key in sections:
            problems.add(where, f"{key!r} appears twice")
        else:
            sections[key] = value_node
    return sections


def _value(node: yaml.Node, depth: int = 0) -> _Value:
    """A node as plain text, lists and mappings; a repeated key is an error, not a loss."""
    if depth > _MAX_DEPTH:
        raise RosterError([f"line {_line(node)}: nested too deeply for a roster"])
    if isinstance(node, yaml.SequenceNode):
        return [_value(item, depth + 1) for item in node.value]
    if isinstance(node, yaml.MappingNode):
        mapping: dict[str, _Value] = {}
        for key_node, value_node in node.value:
            key = _value(key_node, depth + 1)
            if not isinstance(key, str):
                raise RosterError([f"line {_line(key_node)}: a key must be a word"])
            if key in mapping:
                raise RosterError([f"line {_line(key_node)}: key {key!r} appears twice"])
            mapping[key] = _value(value_node, depth + 1)
        return mapping
    return str(node.value)


def _entries(
    sections: dict[str, yaml.Node],
    section: str,
    keys: tuple[str, ...],
    problems: _Problems,
) -> list[tuple[str, dict[str, _Value]]]:
    """A section's entries with their labels ("weekly[2] at line 14"), keys checked."""
    node = sections.get(section)
    if node is None or (isinstance(node, yaml.ScalarNode) and node.value == ""):
        return []
    if not isinstance(node, yaml.SequenceNode):
        problems.add(section, "must be a list of entries, each starting with '- '")
        return []
    entries: list[tuple[str, dict[str, _Value]]] = []
    for index, item in enumerate(node.value):
        where = f"{section}[{index}] at line {_line(item)}"
        entry = _value(item)
        if not isinstance(entry, dict):
            problems.add(where, f"must be a mapping with {', '.join(keys)}")
            continue
        unknown = [key for key in entry if key not in keys]
        missing = [key for key in keys if key not in entry]
        for key in unknown:
            hint = " (contact data is kept in the database)" if section == "staff" else ""
            problems.add(where, f"unknown key {key!r}; an entry has {', '.join(keys)}{hint}")
        if missing:
            problems.add(where, f"missing {', '.join(missing)}")
            continue
        entries.append((where, entry))
    return entries


def _staff(where: str, entry: dict[str, _Value], problems: _Problems) -> Staff | None:
    person_id, name, role, languages = (entry[key] for key in _STAFF_KEYS)
    ok = True
    if not isinstance(person_id, str) or not isinstance(name, str):
        problems.add(where, "id and name must be text")
        ok = False
    roles = [r.value for r in Role]
    if role not in roles:
        problems.add(where, f"role {role!r} is not one of {', '.join(roles)}")
        # Checked on with a stand-in role so its other problems show too; the problem above
        # stops the load, so the stand-in never reaches a Roster.
        role = Role.SPECIALIST.value
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        problems.add(where, f"languages {languages!r} must be a list like [ka, ru]")
        ok = False
    if not ok:
        return None
    return Staff(
        id=str(person_id),
        name=str(name),
        role=Role(str(role)),
        languages=tuple(str(x) for x in languages if isinstance(x, str)),
    )


def _weekly(where: str, entry: dict[str, _Value], problems: _Problems) -> WeeklyShift | None:
    where = f"{where} (staff {entry['staff']!r})"
    days = entry["days"]
    chosen: list[Weekday] = []
    if not isinstance(days, list):
        problems.add(where, f"days {days!r} must be a list like [mon, tue]")
    elif not days:
        problems.add(where, "lists no days; give some of mon, tue, ..., sun")
    else:
        for day in days:
            if not isinstance(day, str) or day not in _DAY_NAMES:
                problems.add(
                    where, f"{day!r} is not a weekday; use mon, tue, wed, thu, fri, sat, sun"
                )
            elif _DAY_NAMES[day] in chosen:
                problems.add(where, f"day {day!r} is listed twice")
            else:
                chosen.append(_DAY_NAMES[day])
    start = _time(where, "from", entry["from"], problems)
    end = _time(where, "to", entry["to"], problems)
    staff_id = entry["staff"]
    if not isinstance(staff_id, str):
        problems.add(where, "staff must be one id")
        return None
    if start is None or end is None or not chosen:
        return None
    return WeeklyShift(staff_id=staff_id, days=frozenset(chosen), start=start, end=end)


def _once(where: str, entry: dict[str, _Value], problems: _Problems) -> OneOffShift | None:
    where = f"{where} (staff {entry['staff']!r})"
    start = _datetime(where, "from", entry["from"], problems)
    end = _datetime(where, "to", entry["to"], problems)
    staff_id = entry["staff"]
    if not isinstance(staff_id, str):
        problems.add(where, "staff must be one id")
        return None
    if start is None or end is None:
        return None
    return OneOffShift(staff_id=staff_id, start=start, end=end)


def _holidays(sections: dict[str, yaml.Node], problems: _Problems) -> frozenset[date]:
    node = sections.get("holidays")
    if node is None:
        return frozenset()
    value = _value(node)
    if value == "":
        return frozenset()
    if not isinstance(value, list):
        problems.add("holidays", "must be a list of dates like [2026-01-01, 2026-01-07]")
        return frozenset()
    days: set[date] = set()
    for item in value:
        day = None
        if isinstance(item, str) and _DATE_RE.match(item):
            try:
                day = date.fromisoformat(item)
            except ValueError:
                day = None
        if day is None:
            problems.add("holidays", f"{item!r} is not a date YYYY-MM-DD")
        elif day in days:
            problems.add("holidays", f"{item} is listed twice")
        else:
            days.add(day)
    return frozenset(days)


def _time(where: str, key: str, value: _Value, problems: _Problems) -> time | None:
    match = _TIME_RE.match(value) if isinstance(value, str) else None
    if match and int(match[1]) < 24 and int(match[2]) < 60:
        return time(int(match[1]), int(match[2]))
    hint = "; for midnight write 00:00" if value == "24:00" else ""
    problems.add(where, f"'{key}' {value!r} is not a time HH:MM from 00:00 to 23:59{hint}")
    return None


def _datetime(where: str, key: str, value: _Value, problems: _Problems) -> datetime | None:
    if isinstance(value, str) and _DATETIME_RE.match(value):
        try:
            # Naive on purpose: the wall clock of the roster's zone, as the file states it.
            return datetime.fromisoformat(value)
        except ValueError:
            pass
    problems.add(
        where,
        f"'{key}' {value!r} is not a date-time YYYY-MM-DDTHH:MM "
        "(wall-clock time in the roster's zone, no seconds, no offset)",
    )
    return None


# Writing ------------------------------------------------------------------------------------


def _word(text: str) -> str:
    return text if _PLAIN_WORD_RE.match(text) else _quoted(text)


def _name(text: str) -> str:
    return text if _PLAIN_NAME_RE.match(text) else _quoted(text)


def _quoted(text: str) -> str:
    # A JSON string is a YAML double-quoted scalar; names are printable, so no odd escapes.
    return json.dumps(text, ensure_ascii=False)


def _flow(items: Iterable[str]) -> str:
    return "[" + ", ".join(items) + "]"
