"""The audit log's actions in words: `participant:contacts` → "Viewed the contact details".

Pure. Every action the dashboard writes (grep `.audit(`) has a message here; an action this
module does not know gets `None`, and the page shows a generic line with the code itself.
"""

from __future__ import annotations

from collections.abc import Mapping

from hotline.dashboard_texts import DashboardText

__all__ = ["Words", "words_of"]

Words = tuple[DashboardText, dict[str, str]]  # a message and its arguments

_FIXED = {
    "participant:contacts": DashboardText.DASH_AUDIT_CONTACTS,
    "participant:enrol": DashboardText.DASH_AUDIT_ENROL,
    "participant:release": DashboardText.DASH_AUDIT_RELEASE,
    "participant:withdraw": DashboardText.DASH_AUDIT_WITHDRAW,
    "participant:export": DashboardText.DASH_AUDIT_EXPORT,
    "participant:erase": DashboardText.DASH_AUDIT_ERASE,
    "caller:export": DashboardText.DASH_AUDIT_CALLER_EXPORT,
    "caller:erase": DashboardText.DASH_AUDIT_CALLER_ERASE,
    "calendar:new": DashboardText.DASH_AUDIT_CALENDAR_NEW,
    "calendar:revoke": DashboardText.DASH_AUDIT_CALENDAR_REVOKE,
    "service:add": DashboardText.DASH_AUDIT_SERVICE_ADD,
    "service:edit": DashboardText.DASH_AUDIT_SERVICE_EDIT,
    "service:checked": DashboardText.DASH_AUDIT_SERVICE_CHECKED,
    "voicemail:listen": DashboardText.DASH_AUDIT_VOICEMAIL,
    "data:purge": DashboardText.DASH_AUDIT_PURGE,  # written by retention.purge
}
_ROSTER = {  # roster:<change>-<kind>, as the roster page writes it
    "weekly": DashboardText.DASH_AUDIT_ROSTER_WEEKLY,
    "once": DashboardText.DASH_AUDIT_ROSTER_ONCE,
    "holiday": DashboardText.DASH_AUDIT_ROSTER_HOLIDAY,
}
_CHANGES = ("add", "change", "remove")
_ABOUT_SOMEONE = {  # <action>:<staff id>, as the accounts page writes it
    "invite": DashboardText.DASH_AUDIT_INVITE,
    "sign-out": DashboardText.DASH_AUDIT_SIGN_OUT,
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
