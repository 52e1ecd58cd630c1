"""The duty roster: staff, weekly and one-off shifts, holidays; who is on duty at an instant.

Pure: no I/O and no clock of its own; the instant is passed in, aware. The roster holds no
contact data (phone numbers, chat ids live encrypted in the database), only ids, names,
roles and languages.

The rules, in one place:

- Wall-clock times are in the roster's IANA time zone; every instant given out is aware UTC.
  An instant is on a shift from its start (inclusive) to its end (exclusive).
- Midnight: a weekly shift whose end is not after its start runs into the next day
  (22:00-06:00). It belongs to the day it starts: `days: [sun]` with 22:00-06:00 is Sunday
  22:00 to Monday 06:00. An end equal to the start (00:00-00:00) is a full day.
- Holidays: on a holiday no weekly shift starts. A night shift that started the evening
  before runs in full; one that would start on the holiday is cancelled whole, its hours
  after midnight too. One-off shifts apply on holidays as on any day.
- Daylight saving: a shift lasts from its start to its end in real time, so the 22:00-06:00
  night of the spring-forward change lasts 7 hours and that of the fall-back change 9. A
  wall-clock time the clocks skip (02:30 on a spring-forward day) means the first instant
  after the gap (03:00 new time); a wall-clock time that occurs twice means its first
  occurrence (PEP 495 fold=0). Starts and ends follow the same rule, so shifts that meet on
  the wall clock still meet in real time; a shift wholly inside a gap never applies.
- Duty: a person's overlapping or back-to-back shifts are one duty; `Duty.end` is when they
  stop being on duty (None when that is beyond HORIZON).
- Escalation order: see `candidates`.

The model (staff, shifts, the Roster and its checks) is in `model`, the questions asked of
it (on duty, candidates, next change) in `duty`; import both from here.
"""

from __future__ import annotations

from hotline.escalation.roster.duty import (
    HORIZON,
    Candidate,
    Duty,
    Occurrence,
    Tier,
    candidates,
    languages_covered,
    next_change,
    occurrences,
    on_duty,
    on_duty_ids,
)
from hotline.escalation.roster.model import (
    LANGUAGES,
    OneOffShift,
    Role,
    Roster,
    RosterError,
    Staff,
    Weekday,
    WeeklyShift,
    find_problems,
    validate_roster,
)

__all__ = [
    "HORIZON",
    "LANGUAGES",
    "Candidate",
    "Duty",
    "Occurrence",
    "OneOffShift",
    "Role",
    "Roster",
    "RosterError",
    "Staff",
    "Tier",
    "Weekday",
    "WeeklyShift",
    "candidates",
    "find_problems",
    "languages_covered",
    "next_change",
    "occurrences",
    "on_duty",
    "on_duty_ids",
    "validate_roster",
]
