"""Participants of the program: enrolment with consent, their contacts, Telegram enrolment links.

`model` is pure (participants, family contacts, consent, statuses, the rules), `fields`
reads them from text (an import file, the command's options), `service` enrols and changes
them, each change one unit of work, `enrolment` makes and redeems one-time Telegram links,
and `ports` is the repository they use (implemented in `storage/participants.py`).
"""

from hotline.participants.model import (
    Channel,
    Consent,
    FamilyContact,
    Participant,
    ParticipantError,
    Problem,
    Status,
)

__all__ = [
    "Channel",
    "Consent",
    "FamilyContact",
    "Participant",
    "ParticipantError",
    "Problem",
    "Status",
]
