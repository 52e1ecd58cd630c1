"""The directory as staff read and edit it: list rows, a service's whole page, the edit form's
cells and "not checked for six months". Pure: the dashboard renders what this returns."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from hotline.directory.entries import TreeIndex
from hotline.directory.hours import DAYS, openings, zone_of
from hotline.directory.index import iso_date
from hotline.directory.model import Category, Opening, Row, Tables, strings, text
from hotline.directory.simple import COLUMNS, LANGUAGES, TRANSLATED
from hotline.reminders.offsets import Offset

__all__ = [
    "PLACE_COLUMNS",
    "SERVICE_COLUMNS",
    "Detail",
    "Listed",
    "Place",
    "Wording",
    "detail",
    "edited_rows",
    "listed",
    "months_before",
]

STALE_MONTHS = 6
# The sheet's columns a form edits once for the service, and once for its (first) place.
PLACE_COLUMNS = (
    "region",
    "phone",
    "place",
    "address",
    "city",
    "postal_code",
    "country",
    "latitude",
    "longitude",
    "hours",
    "hours_note",
    "timezone",
    *(f"hours_note_{lang}" for lang in LANGUAGES),
)
_KEPT = (
    "service_id",
    "organization_id",
    "location_id",
    "sample",
    "example",
    "last_checked_on",
    "last_checked_by",
)
SERVICE_COLUMNS = tuple(c for c in COLUMNS if c not in PLACE_COLUMNS and c not in _KEPT)


def months_before(day: date, months: int = STALE_MONTHS) -> date:
    """The same day `months` calendar months earlier (the month's last day when it is
    shorter), counted as a campaign's offsets count."""
    return Offset(months=-months).apply(day)


@dataclass(frozen=True)
class Listed:
    """A service as one row of the staff's list."""

    id: str
    name: str
    organization: str
    regions: tuple[str, ...]
    categories: tuple[Category, ...]
    phone: str
    status: str
    last_checked_on: date | None
    example: bool


def listed(tables: Tables, ids: list[str], language: str) -> list[Listed]:
    """The rows of these services, in the order of `ids`, named in `language` when translated."""
    index = TreeIndex(tables)
    out = []
    for service_id in ids:
        service = index.get("services", service_id)
        if service is None:
            continue
        organization = index.get("organizations", service.get("organization_id")) or {}
        places = _places(index, service_id)
        phones = index.children("phones", "service_id", service_id)
        out.append(
            Listed(
                id=service_id,
                name=text(service, "name", language),
                organization=text(organization, "name", language),
                regions=tuple(dict.fromkeys(text(loc, "x_region") for _, loc in places if loc)),
                categories=_categories(service),
                phone=text(phones[0], "number") if phones else "",
                status=text(service, "status") or "active",
                last_checked_on=iso_date(service.get("x_last_checked_on")),
                example=service.get("x_example") is True,
            )
        )
    return out


@dataclass(frozen=True)
class Wording:
    """A service's words in one language (the original when `language` is empty)."""

    language: str
    organization: str
    name: str
    description: str
    eligibility: str


@dataclass(frozen=True)
class Place:
    """A place where a service is given, with its hours of today and of this week."""

    name: str
    region: str
    address: str
    phones: tuple[str, ...]
    zone: str
    today: tuple[Opening, ...]
    week: tuple[tuple[date, tuple[Opening, ...]], ...]  # Monday to Sunday
    note: str

    @property
    def has_hours(self) -> bool:
        """Whether it opens on any day of the week."""
        return any(spans for _, spans in self.week)


@dataclass(frozen=True)
class Detail:
    """Everything about one service, for its page."""

    id: str
    name: str
    status: str
    categories: tuple[Category, ...]
    wordings: tuple[Wording, ...]
    email: str
    url: str
    languages: tuple[str, ...]
    places: tuple[Place, ...]
    last_checked_on: date | None
    last_checked_by: str
    sample: bool
    example: bool


def detail(tables: Tables, service_id: str, language: str, now: datetime, zone: str) -> Detail:
    """A service's page: its words per language, its places with today's and the week's hours
    (each in its place's zone, `zone` when it has none); KeyError when it is not in `tables`."""
    index = TreeIndex(tables)
    service = index.get("services", service_id)
    if service is None:
        raise KeyError(service_id)
    organization = index.get("organizations", service.get("organization_id")) or {}
    wordings = [_wording(service, organization, "")]
    for lang in LANGUAGES:
        own = _wording(service, organization, lang)
        if any((own.organization, own.name, own.description, own.eligibility)):
            wordings.append(own)
    places = tuple(
        _place(index, service_id, link, location, language, now, zone)
        for link, location in _places(index, service_id)
    )
    return Detail(
        id=service_id,
        name=text(service, "name", language),
        status=text(service, "status") or "active",
        categories=_categories(service),
        wordings=tuple(wordings),
        email=text(service, "email"),
        url=text(service, "url"),
        languages=tuple(
            text(row, "code") for row in index.children("languages", "service_id", service_id)
        ),
        places=places,
        last_checked_on=iso_date(service.get("x_last_checked_on")),
        last_checked_by=text(service, "x_last_checked_by"),
        sample=service.get("x_sample") is True,
        example=service.get("x_example") is True,
    )


def edited_rows(stored: list[dict[str, str]], form: dict[str, str]) -> list[dict[str, str]]:
    """The sheet rows of a service after an edit: the form's service columns in every row, its
    place columns in the first (other places kept as they are); ids and flags kept."""
    if not stored:
        return [{name: form.get(name, "") for name in (*SERVICE_COLUMNS, *PLACE_COLUMNS)}]
    rows = []
    for number, row in enumerate(stored):
        changed = dict(row)
        changed.update({name: form.get(name, "") for name in SERVICE_COLUMNS})
        if number == 0:
            changed.update({name: form.get(name, "") for name in PLACE_COLUMNS})
        rows.append(changed)
    return rows


def _wording(service: Row, organization: Row, lang: str) -> Wording:
    if not lang:
        return Wording(
            "",
            text(organization, "name"),
            text(service, "name"),
            text(service, "description"),
            text(service, "eligibility_description"),
        )
    columns = {column: field for column, (_, field) in TRANSLATED.items()}
    return Wording(
        lang,
        _own(organization, lang, columns["organization"]),
        _own(service, lang, "name"),
        _own(service, lang, "description"),
        _own(service, lang, "eligibility_description"),
    )


def _own(row: Row, lang: str, field: str) -> str:
    translations = row.get("x_translations")
    own = translations.get(lang) if isinstance(translations, dict) else None
    value = own.get(field) if isinstance(own, dict) else None
    return value if isinstance(value, str) else ""


def _places(index: TreeIndex, service_id: str) -> list[tuple[Row, Row]]:
    out = []
    for link in index.children("service_at_location", "service_id", service_id):
        location = index.get("locations", link.get("location_id"))
        if location is not None:
            out.append((link, location))
    return out


def _place(
    index: TreeIndex,
    service_id: str,
    link: Row,
    location: Row,
    language: str,
    now: datetime,
    default_zone: str,
) -> Place:
    link_id, location_id = str(link.get("id")), str(location.get("id"))
    schedules = index.children("schedules", "service_at_location_id", link_id) or [
        s
        for s in index.children("schedules", "service_id", service_id)
        if not s.get("service_at_location_id")
    ]
    timed = [s for s in schedules if s.get("opens_at")]
    zone_name = next((text(s, "x_timezone") for s in timed if text(s, "x_timezone")), "")
    zone = zone_of(zone_name or text(location, "x_timezone"), default_zone)
    today = now.astimezone(zone).date()
    monday = today - timedelta(days=today.weekday())
    week = tuple(
        (day, tuple(openings(timed, day, zone)))
        for day in (monday + timedelta(days=n) for n in range(len(DAYS)))
    )
    phones = [
        text(p, "number")
        for p in (
            index.children("phones", "service_at_location_id", link_id)
            or index.children("phones", "location_id", location_id)
        )
    ]
    address = next(iter(index.children("addresses", "location_id", location_id)), {})
    street = " ".join(text(address, k) for k in ("address_1", "address_2")).strip()
    town = " ".join(text(address, k) for k in ("postal_code", "city")).strip()
    note = next((text(s, "notes", language) for s in schedules if text(s, "notes", language)), "")
    return Place(
        name=text(location, "name", language),
        region=text(location, "x_region"),
        address=", ".join(part for part in (street, town) if part),
        phones=tuple(p for p in phones if p),
        zone=zone.key,
        today=tuple(openings(timed, today, zone)),
        week=week,
        note=note,
    )


def _categories(service: Row) -> tuple[Category, ...]:
    return tuple(
        Category(c) for c in strings(service, "x_categories") if c in Category._value2member_map_
    )
