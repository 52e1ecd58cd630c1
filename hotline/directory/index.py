"""What each service is found by (regions, categories, languages, words), and each row's parent."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from hotline.directory.model import TRANSLATED, Json, Row, Tables, strings, text

# A row's parent, in order of preference: the first of these it names.
PARENT_FIELDS = (
    "service_at_location_id",
    "service_id",
    "location_id",
    "contact_id",
    "phone_id",
    "organization_id",
    "link_id",
    "resource_id",
    "taxonomy_id",
)
# Tables whose rows are not children of another (a location is shared by services).
ROOTS = frozenset(
    {
        "organizations",
        "services",
        "locations",
        "programs",
        "taxonomies",
        "taxonomy_terms",
        "meta_table_descriptions",
    }
)


def parent_of(table: str, row: Row) -> str | None:
    """The id of the row a row belongs to, or None for a row that stands on its own."""
    if table in ROOTS:
        return None
    for name in PARENT_FIELDS:
        value = row.get(name)
        if isinstance(value, str) and value:
            return value
    return None


@dataclass(frozen=True)
class Summary:
    """A service as searches see it."""

    id: str
    name: str
    status: str
    sample: bool
    example: bool
    last_checked_on: date | None
    search: str
    facets: frozenset[tuple[str, str]]  # (kind, value): region, category, language


def summaries(tables: Tables) -> list[Summary]:
    """The summary of every service in `tables` (its places and languages from `tables` too)."""
    locations = {str(row.get("id")): row for row in tables.of("locations")}
    organizations = {str(row.get("id")): row for row in tables.of("organizations")}
    places: dict[str, list[Row]] = {}
    for link in tables.of("service_at_location"):
        location = locations.get(str(link.get("location_id")))
        if location is not None:
            places.setdefault(str(link.get("service_id")), []).append(location)
    areas: dict[str, list[Row]] = {}
    for area in tables.of("service_areas"):
        areas.setdefault(str(area.get("service_id")), []).append(area)
    spoken: dict[str, set[str]] = {}
    for language in tables.of("languages"):
        code = language.get("code")
        if isinstance(code, str) and isinstance(language.get("service_id"), str):
            spoken.setdefault(str(language["service_id"]), set()).add(code.lower())
    out = []
    for service in tables.of("services"):
        service_id = str(service["id"])
        regions = {
            text(row, "x_region").upper()
            for row in (*places.get(service_id, []), *areas.get(service_id, []))
            if text(row, "x_region")
        }
        organization = organizations.get(str(service.get("organization_id")), {})
        facets = {("region", code) for code in regions}
        facets |= {("category", code) for code in strings(service, "x_categories")}
        facets |= {("language", code) for code in spoken.get(service_id, set())}
        out.append(
            Summary(
                id=service_id,
                name=text(service, "name"),
                status=text(service, "status") or "active",
                sample=service.get("x_sample") is True,
                example=service.get("x_example") is True,
                last_checked_on=iso_date(service.get("x_last_checked_on")),
                search=_words((service, organization, *places.get(service_id, []))),
                facets=frozenset(facets),
            )
        )
    return out


def _words(rows: Iterable[Row]) -> str:
    words: list[str] = []
    for row in rows:
        words.extend(text(row, name) for name in TRANSLATED)
        translations = row.get("x_translations")
        if isinstance(translations, dict):
            for own in translations.values():
                if isinstance(own, dict):
                    words.extend(str(value) for value in own.values() if isinstance(value, str))
    return " ".join(word for word in words if word).casefold()


def iso_date(value: Json) -> date | None:
    """A stored ISO date (or the date of an ISO time); None for anything else."""
    if isinstance(value, str):
        try:
            return date.fromisoformat(value[:10])
        except ValueError:
            return None
    return None
