"""The directory's pure model: HSDS 3.0 tables as rows, this program's extensions, and entries.

A directory is held as HSDS's tabular form: one list of rows per HSDS table (`services`,
`locations`, `phones`, ...), each row a JSON object with HSDS's field names and UUIDs, so
nothing of an imported file is lost. What HSDS lacks is added as extension fields, all named
`x_...` (HSDS allows extra properties):

- `x_translations` (organization, service, location, schedule): `{lang: {field: text}}` for
  `name`, `description`, `eligibility_description`, `notes`, `description` of a schedule;
- `x_categories` (service): this program's categories, `Category` values;
- `x_region` (location, service_area): a region code of the deployment, or its country code
  (the whole country);
- `x_last_checked_on`, `x_last_checked_by` (service): when and by whom it was last checked;
- `x_timezone` (location, schedule): the IANA zone opening hours are kept in (HSDS's numeric
  `timezone` cannot follow daylight saving);
- `x_sample`, `x_example` (organization, service): part of the shipped sample directory, and
  an invented example entry with obviously fake data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import TypeAlias

Json: TypeAlias = "str | int | float | bool | list[Json] | dict[str, Json] | None"
Row: TypeAlias = dict[str, Json]

HSDS_VERSION = "3.0"
# The tables of HSDS 3.0 in the order a tabular package lists them (parents first).
TABLES: tuple[str, ...] = (
    "organizations",
    "programs",
    "services",
    "taxonomies",
    "taxonomy_terms",
    "locations",
    "service_at_location",
    "contacts",
    "phones",
    "addresses",
    "schedules",
    "funding",
    "service_areas",
    "required_documents",
    "languages",
    "accessibility",
    "attributes",
    "metadata",
    "meta_table_descriptions",
    "cost_options",
    "organization_identifiers",
)
# The schema (in schema/) of each table's rows, and the table of each nested field.
SCHEMA_OF: Mapping[str, str] = {
    "organizations": "organization",
    "programs": "program",
    "services": "service",
    "taxonomies": "taxonomy",
    "taxonomy_terms": "taxonomy_term",
    "locations": "location",
    "service_at_location": "service_at_location",
    "contacts": "contact",
    "phones": "phone",
    "addresses": "address",
    "schedules": "schedule",
    "funding": "funding",
    "service_areas": "service_area",
    "required_documents": "required_document",
    "languages": "language",
    "accessibility": "accessibility",
    "attributes": "attribute",
    "metadata": "metadata",
    "meta_table_descriptions": "meta_table_description",
    "cost_options": "cost_option",
    "organization_identifiers": "organization_identifier",
}
TABLE_OF_FIELD: Mapping[str, str] = {
    **{table: table for table in SCHEMA_OF},
    "service_at_locations": "service_at_location",
    "organization": "organizations",
    "program": "programs",
    "location": "locations",
    "taxonomy_term": "taxonomy_terms",
    "taxonomy": "taxonomies",
}
# Which field of a child row names its parent, per parent kind.
TRANSLATED = ("name", "description", "eligibility_description", "notes")


class Status(StrEnum):
    """A service's status, as HSDS names it."""

    ACTIVE = "active"
    INACTIVE = "inactive"
    DEFUNCT = "defunct"
    TEMPORARILY_CLOSED = "temporarily closed"


class Category(StrEnum):
    """What a service helps with, in this program's words (extension `x_categories`)."""

    EMPLOYMENT = "employment"
    EDUCATION = "education-training"
    SOCIAL_BENEFITS = "social-benefits-rights"
    HOUSING = "housing"
    HEALTH = "health"
    ADDICTION = "addiction-aftercare"
    MENTAL_HEALTH = "mental-health"
    LEGAL_AID = "legal-aid"
    FAMILY = "family-and-children"
    DEBT = "debt"
    DOCUMENTS = "documents-id"
    SUPPORT_GROUPS = "support-groups"


@dataclass
class Tables:
    """A directory (or part of one) in HSDS's tabular form: rows per table."""

    rows: dict[str, list[Row]] = field(default_factory=dict)

    def of(self, table: str) -> list[Row]:
        """The rows of one table (created empty)."""
        return self.rows.setdefault(table, [])

    def add(self, table: str, row: Row) -> None:
        """Add a row to a table."""
        self.of(table).append(row)

    def count(self, table: str) -> int:
        """How many rows a table has."""
        return len(self.rows.get(table, []))

    def sorted(self) -> Tables:
        """The same rows, tables in HSDS order and rows by id: for comparing two directories."""
        return Tables(
            {
                name: sorted(self.rows[name], key=lambda row: str(row.get("id")))
                for name in sorted(self.rows, key=_table_order)
                if self.rows[name]
            }
        )


def _table_order(name: str) -> tuple[int, str]:
    return (TABLES.index(name) if name in TABLES else len(TABLES), name)


def text(row: Mapping[str, Json], name: str, language: str | None = None) -> str:
    """A row's field in `language` if translated, else as HSDS has it ("" when absent)."""
    if language:
        translations = row.get("x_translations")
        if isinstance(translations, dict):
            own = translations.get(language)
            if isinstance(own, dict) and isinstance(own.get(name), str) and own[name]:
                return str(own[name])
    value = row.get(name)
    return value if isinstance(value, str) else ""


def strings(row: Mapping[str, Json], name: str) -> list[str]:
    """A list-of-strings field (an extension), [] when absent."""
    value = row.get(name)
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


@dataclass(frozen=True)
class Opening:
    """One opening of a service on a day, as instants (aware, in the schedule's zone)."""

    opens: datetime
    closes: datetime


@dataclass(frozen=True)
class Entry:
    """A service at a location as a person is shown it, in one language."""

    service_id: str
    name: str
    description: str
    organization: str
    phone: str | None
    address: str | None
    region: str | None
    latitude: float | None
    longitude: float | None
    hours_today: tuple[Opening, ...]
    open_now: bool
    hours_note: str
    day: date  # "today" in the entry's own zone
    zone: str
    categories: tuple[Category, ...]
    example: bool
    distance_km: float | None = None
    scheduled: bool = False  # has opening hours on some day (none today: closed today)

    @property
    def map_link(self) -> str | None:
        """An OpenStreetMap link to the place, when its coordinates are known."""
        if self.latitude is None or self.longitude is None:
            return None
        lat, lon = f"{self.latitude:.5f}", f"{self.longitude:.5f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}"
