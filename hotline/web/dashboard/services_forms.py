"""What the directory pages read from a request (the list's filters, the edit form) and the
words they show for the directory's codes (statuses, categories)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from multidict import MultiMapping

from hotline.dashboard_texts import DashboardText
from hotline.directory.model import Category, Status
from hotline.directory.views import PLACE_COLUMNS, SERVICE_COLUMNS

__all__ = [
    "CATEGORIES",
    "LONG_FIELDS",
    "PLACE_FIELDS",
    "SERVICE_FIELDS",
    "STATUSES",
    "TRANSLATED_FIELDS",
    "Wanted",
    "form_cells",
    "wanted_of",
]

MAX_FIELD = 2000  # characters read of any one field (a description may be long)
MAX_QUERY = 100
STATUSES = {
    Status.ACTIVE.value: DashboardText.DASH_SERVICES_STATUS_ACTIVE,
    Status.INACTIVE.value: DashboardText.DASH_SERVICES_STATUS_INACTIVE,
    Status.DEFUNCT.value: DashboardText.DASH_SERVICES_STATUS_DEFUNCT,
    Status.TEMPORARILY_CLOSED.value: DashboardText.DASH_SERVICES_STATUS_CLOSED,
}
CATEGORIES = {
    Category.EMPLOYMENT: DashboardText.DASH_SERVICES_CAT_EMPLOYMENT,
    Category.EDUCATION: DashboardText.DASH_SERVICES_CAT_EDUCATION,
    Category.SOCIAL_BENEFITS: DashboardText.DASH_SERVICES_CAT_BENEFITS,
    Category.HOUSING: DashboardText.DASH_SERVICES_CAT_HOUSING,
    Category.HEALTH: DashboardText.DASH_SERVICES_CAT_HEALTH,
    Category.ADDICTION: DashboardText.DASH_SERVICES_CAT_ADDICTION,
    Category.MENTAL_HEALTH: DashboardText.DASH_SERVICES_CAT_MENTAL_HEALTH,
    Category.LEGAL_AID: DashboardText.DASH_SERVICES_CAT_LEGAL_AID,
    Category.FAMILY: DashboardText.DASH_SERVICES_CAT_FAMILY,
    Category.DEBT: DashboardText.DASH_SERVICES_CAT_DEBT,
    Category.DOCUMENTS: DashboardText.DASH_SERVICES_CAT_DOCUMENTS,
    Category.SUPPORT_GROUPS: DashboardText.DASH_SERVICES_CAT_SUPPORT_GROUPS,
}
# The form's fields with their labels; categories, status and region are lists of choices.
SERVICE_FIELDS = {
    "organization": DashboardText.DASH_SERVICES_ORGANIZATION,
    "service": DashboardText.DASH_SERVICES_NAME,
    "description": DashboardText.DASH_SERVICES_DESCRIPTION,
    "eligibility": DashboardText.DASH_SERVICES_ELIGIBILITY,
    "email": DashboardText.DASH_SERVICES_EMAIL,
    "url": DashboardText.DASH_SERVICES_WEBSITE,
    "languages": DashboardText.DASH_SERVICES_SPOKEN,
}
PLACE_FIELDS = {
    "place": DashboardText.DASH_SERVICES_PLACE_NAME,
    "address": DashboardText.DASH_SERVICES_ADDRESS,
    "city": DashboardText.DASH_SERVICES_CITY,
    "postal_code": DashboardText.DASH_SERVICES_POSTAL_CODE,
    "country": DashboardText.DASH_SERVICES_COUNTRY,
    "latitude": DashboardText.DASH_SERVICES_LATITUDE,
    "longitude": DashboardText.DASH_SERVICES_LONGITUDE,
    "phone": DashboardText.DASH_SERVICES_PHONE,
    "hours": DashboardText.DASH_SERVICES_HOURS,
    "hours_note": DashboardText.DASH_SERVICES_HOURS_NOTE,
    "timezone": DashboardText.DASH_SERVICES_ZONE,
}
TRANSLATED_FIELDS = {
    "organization": DashboardText.DASH_SERVICES_ORGANIZATION,
    "service": DashboardText.DASH_SERVICES_NAME,
    "description": DashboardText.DASH_SERVICES_DESCRIPTION,
    "eligibility": DashboardText.DASH_SERVICES_ELIGIBILITY,
    "hours_note": DashboardText.DASH_SERVICES_HOURS_NOTE,
}
LONG_FIELDS = frozenset({"description", "eligibility"})
_EDITED = frozenset((*SERVICE_COLUMNS, *PLACE_COLUMNS))


def _text(values: MultiMapping[Any], name: str, limit: int = MAX_FIELD) -> str:
    value = values.get(name, "")
    return value.strip()[:limit] if isinstance(value, str) else ""


@dataclass(frozen=True)
class Wanted:
    """The list's filters and page."""

    text: str = ""
    region: str = ""
    category: str = ""
    stale: bool = False
    page: int = 1

    def query(self) -> str:
        """The filters as a query string (for the page links), escaped by the template."""
        pairs = {
            "q": self.text,
            "region": self.region,
            "category": self.category,
            "stale": "1" if self.stale else "",
        }
        return urlencode({k: v for k, v in pairs.items() if v})


def wanted_of(query: MultiMapping[str], regions: set[str]) -> Wanted:
    """The list's filters from its query string (anything unknown is no filter)."""
    region = _text(query, "region", 16)
    category = _text(query, "category", 40)
    raw_page = _text(query, "page", 7)
    return Wanted(
        text=_text(query, "q", MAX_QUERY),
        region=region if region in regions else "",
        category=category if category in Category._value2member_map_ else "",
        stale=_text(query, "stale", 1) == "1",
        page=max(1, int(raw_page)) if raw_page.isdigit() and len(raw_page) < 6 else 1,
    )


def form_cells(form: MultiMapping[Any]) -> dict[str, str]:
    """The edit form as the simple sheet's cells (the categories' checkboxes joined)."""
    cells = {name: _text(form, name) for name in _EDITED if name != "categories"}
    chosen = [v for v in form.getall("categories", []) if isinstance(v, str)]
    cells["categories"] = " ".join(v.strip() for v in chosen[: len(Category)])
    return cells
