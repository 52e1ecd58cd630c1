"""The audit log's actions in words: `participant:contacts` → "Viewed the contact details".

Pure. Every action the dashboard writes (grep `.audit(`) has a message here; an action this
module does not know gets `None`, and the page shows a generic line with the code itself.
"""

from __future__ import annotations

from collections.abc import Mapping

from hotline.messages import MessageId

__all__ = ["Words", "words_of"]

Words = tuple[MessageId, dict[str, str]]  # a message and its arguments

_FIXED = {
    "participant:contacts": MessageId.DASH_AUDIT_CONTACTS,
    "participant:enrol": MessageId.DASH_AUDIT_ENROL,
    "participant:release": MessageId.DASH_AUDIT_RELEASE,
    "participant:withdraw": MessageId.DASH_AUDIT_WITHDRAW,
    "calendar:new": MessageId.DASH_AUDIT_CALENDAR_NEW,
    "calendar:revoke": MessageId.DASH_AUDIT_CALENDAR_REVOKE,
}
_ROSTER = {  # roster:<change>-<kind>, as the roster page writes it
    "weekly": MessageId.DASH_AUDIT_ROSTER_WEEKLY,
    "once": MessageId.DASH_AUDIT_ROSTER_ONCE,
    "holiday": MessageId.DASH_AUDIT_ROSTER_HOLIDAY,
}
_CHANGES = ("add", "change", "remove")
_ABOUT_SOMEONE = {  # <action>:<staff id>, as the accounts page writes it
    "invite": MessageId.DASH_AUDIT_INVITE,
    "sign-out": MessageId.DASH_AUDIT_SIGN_OUT,
}


def words_of(action: str, names: Mapping[str, str]) -> Words | None:
    """The message saying what `action` did (with the name of the staff member it was done
    to, from `names` by id, else the id); None for an action not known here."""
    fixed = _FIXED.get(action)
    if fixed is not None:
        return fixed, {}
    area, _, detail = action.partition(":")
    if area == "roster":
        change, _, kind = detail.partition("-")
        if change in _CHANGES and kind in _ROSTER:
            return _ROSTER[kind], {"change": change}
        return None
    about = _ABOUT_SOMEONE.get(area)
    if about is not None and detail:
        return about, {"name": names.get(detail, detail)}
    return None
