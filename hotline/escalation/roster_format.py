"""The roster file's format as operators read it (`hotline roster import --help`): an
example with every key, and the rules; `roster_file` reads and writes it."""

from __future__ import annotations

ROSTER_FORMAT = """\
An example, with every key the format has::

    # Times are wall-clock times in `timezone` (an IANA name).
    timezone: Europe/Zagreb
    staff:                      # the order is the order of preference among equals
      - id: ana                 # a short slug: a-z, 0-9, '-', '_'
        name: Ana Horvat
        role: specialist        # specialist | supervisor | admin
        languages: [hr, en]     # from the hotline's languages
      - id: marko
        name: "Marko Novak"
        role: supervisor
        languages: [hr, sl, ru]
    weekly:
      - staff: ana
        days: [mon, tue, wed, thu, fri]   # mon tue wed thu fri sat sun
        from: "09:00"
        to: "17:00"
      - staff: marko
        days: [sat, sun]
        from: "22:00"
        to: "06:00"             # not after `from`: runs to 06:00 the next day
    once:                       # wall-clock date-times, no offset
      - staff: marko
        from: 2026-12-31T20:00
        to: 2027-01-01T08:00
    holidays: [2026-12-25, 2026-12-26]   # no weekly shift starts on these days

`timezone` and `staff` are required; `weekly`, `once` and `holidays` may be left out. Quoting
is optional: every value is read as text first (YAML 1.1 would otherwise read 17:00 as the
number 1020 and `no` as false). There is no place for contact data: phone numbers and chat
ids are kept encrypted in the database. A shift that ends at or before it starts runs past
midnight; a holiday stops only the weekly shifts that would start on it; the times follow
daylight saving.
"""
