"""The simple one-sheet CSV a coordinator fills in a spreadsheet: one row per service at a place.

Columns (header row; any order; blank cells allowed except the required ones):

- `organization`, `service` (required), `description`, `eligibility`, and their translations
  `organization_<lang>`, `service_<lang>`, `description_<lang>`, `eligibility_<lang>`;
- `categories` (required: this program's categories, separated by spaces or commas);
- `region` (required: a region code of the deployment, or the country code for all of it);
- `status` (`active` by default), `phone`, `email`, `url`, `languages` (codes spoken);
- `place`, `address`, `city`, `postal_code`, `country`, `latitude`, `longitude`;
- `hours` (`Mo-Fr 09:00-17:00; Sa 10:00-13:00`, or `24/7`), `hours_note` (+ `_<lang>`),
  `timezone` (IANA; the country's by default);
- `last_checked_on` (`YYYY-MM-DD`), `last_checked_by`, `sample`, `example` (`yes`/`no`);
- `service_id`, `organization_id`, `location_id`: HSDS UUIDs, made from the names when blank.

Rows with the same service (id, or organization and name) are one service at several places.
"""

from __future__ import annotations

import csv
import re
import uuid
from collections.abc import Callable
from datetime import date
from pathlib import Path

from hotline.directory.errors import DirectoryError, Problem
from hotline.directory.hours import DAYS, parse_time
from hotline.directory.hsds import check
from hotline.directory.model import Category, Row, Status, Tables
from hotline.directory.regions import Regions

LANGUAGES = ("ka", "ru", "hr", "cs", "sl", "en")
NAMESPACE = uuid.UUID("6f1d3c0e-6a8b-4c2e-9a55-2b1f0f1d0c15")  # ids made from names
TRANSLATED = {  # column -> (HSDS table, field)
    "organization": ("organizations", "name"),
    "service": ("services", "name"),
    "description": ("services", "description"),
    "eligibility": ("services", "eligibility_description"),
    "hours_note": ("schedules", "notes"),
}
COLUMNS = (
    "service_id",
    "organization_id",
    "location_id",
    "organization",
    "service",
    "description",
    "eligibility",
    "categories",
    "status",
    "region",
    "phone",
    "email",
    "url",
    "languages",
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
    "last_checked_on",
    "last_checked_by",
    "sample",
    "example",
    *(f"{column}_{lang}" for column in TRANSLATED for lang in LANGUAGES),
)
REQUIRED = ("organization", "service", "categories", "region")
_HOURS = re.compile(
    r"^(?P<days>[A-Za-z]{2}(?:-[A-Za-z]{2})?(?:,[A-Za-z]{2}(?:-[A-Za-z]{2})?)*)\s+"
    r"(?P<opens>\d{1,2}:\d{2})-(?P<closes>\d{1,2}:\d{2})$"
)
_YES = {
    "yes": True,
    "y": True,
    "true": True,
    "1": True,
    "no": False,
    "n": False,
    "false": False,
    "0": False,
    "": False,
}


def made_id(*parts: str) -> str:
    """A stable UUID made from names, so the same sheet imported twice gives the same ids."""
    return str(uuid.uuid5(NAMESPACE, "\x1f".join(parts)))


def read_simple(
    path: Path, regions: Regions, *, progress: Callable[[int], None] | None = None
) -> Tables:
    """A simple CSV as HSDS tables; DirectoryError listing every bad row (file, line, field)."""
    problems: list[Problem] = []
    tables = Tables()
    services: dict[str, Row] = {}
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            header = [name.strip() for name in reader.fieldnames or []]
            for name in header:
                if name not in COLUMNS:
                    problems.append(Problem(path.name, 1, name, "not a column of the sheet"))
            for name in REQUIRED:
                if name not in header:
                    problems.append(Problem(path.name, 1, name, "column missing"))
            if problems:
                raise DirectoryError(problems)
            for row in reader:
                cells = {k.strip(): (v or "").strip() for k, v in row.items() if k}
                if not any(cells.values()):
                    continue
                _row(cells, path.name, reader.line_num, regions, tables, services, problems)
                if progress:
                    progress(1)
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DirectoryError(
            [Problem(path.name, None, "", f"not a UTF-8 CSV file: {exc}")]
        ) from None
    if problems:
        raise DirectoryError(problems)
    return tables


def read_rows(rows: list[dict[str, str]], regions: Regions, *, file: str) -> Tables:
    """Sheet rows given as cells (a form's) as HSDS tables: the same checks as a file's;
    DirectoryError listing every problem (line = the row's number, from 1)."""
    problems: list[Problem] = []
    tables = Tables()
    services: dict[str, Row] = {}
    for line, row in enumerate(rows, 1):
        cells = {name: value.strip() for name, value in row.items() if name in COLUMNS}
        _row(cells, file, line, regions, tables, services, problems)
    if problems:
        raise DirectoryError(problems)
    return tables


def _row(
    cells: dict[str, str],
    file: str,
    line: int,
    regions: Regions,
    tables: Tables,
    services: dict[str, Row],
    problems: list[Problem],
) -> None:
    """Add one sheet row to the tables, or the problems it has."""
    found: list[Problem] = []

    def bad(field: str, reason: str) -> None:
        found.append(Problem(file, line, field, reason))

    for name in REQUIRED:
        if not cells.get(name):
            bad(name, "is required")
    categories = cells.get("categories", "").replace(",", " ").split()
    for category in categories:
        if category not in Category._value2member_map_:
            bad("categories", f"{category!r} is not one of {', '.join(Category)}")
    status = cells.get("status") or Status.ACTIVE.value
    if status not in Status._value2member_map_:
        bad("status", f"{status!r} is not one of {', '.join(Status)}")
    region = cells.get("region", "")
    if region and not regions.knows(region):
        bad("region", f"{region!r} is not a region of {regions.country}")
    coordinates = {}
    for name in ("latitude", "longitude"):
        if cells.get(name):
            try:
                coordinates[name] = float(cells[name].replace(",", "."))
            except ValueError:
                bad(name, f"{cells[name]!r} is not a number")
    if ("latitude" in coordinates) != ("longitude" in coordinates):
        bad("latitude" if "latitude" not in coordinates else "longitude", "give both or neither")
    if cells.get("last_checked_on"):
        try:
            date.fromisoformat(cells["last_checked_on"])
        except ValueError:
            bad("last_checked_on", "write a date as YYYY-MM-DD")
    for name in ("sample", "example"):
        if cells.get(name, "").lower() not in _YES:
            bad(name, "write yes or no")
    hours = parse_hours(cells.get("hours", ""))
    if hours is None:
        bad("hours", "write e.g. 'Mo-Fr 09:00-17:00; Sa 10:00-13:00' or '24/7'")
    if cells.get("address") and not cells.get("city"):
        bad("city", "an address needs its city")
    for name in ("service_id", "organization_id", "location_id"):
        if cells.get(name):
            try:
                uuid.UUID(cells[name])
            except ValueError:
                bad(name, f"{cells[name]!r} is not a UUID")
    # HSDS itself must accept what the sheet gives of its own fields (an e-mail, a URL).
    own: Row = {"id": str(NAMESPACE), "name": "-", "status": "active"}
    own |= {column: cells[column] for column in ("email", "url") if cells.get(column)}
    found.extend(check("service", own, file=file, line=line))
    if found:
        problems.extend(found)
        return
    _add(
        cells,
        categories,
        status,
        region.upper(),
        coordinates,
        hours or [],
        regions,
        tables,
        services,
    )


def parse_hours(value: str) -> list[tuple[str, str, str]] | None:
    """`Mo-Fr 09:00-17:00; Sa 10:00-13:00` as (BYDAY, opens, closes); None when malformed."""
    value = value.strip()
    if not value:
        return []
    if value.replace(" ", "") == "24/7":
        return [(",".join(DAYS), "00:00", "24:00")]
    out = []
    for part in value.split(";"):
        match = _HOURS.match(part.strip())
        if not match:
            return None
        days: list[str] = []
        for span in match["days"].upper().split(","):
            first, _, last = span.partition("-")
            if first not in DAYS or (last and last not in DAYS):
                return None
            start, end = DAYS.index(first), DAYS.index(last or first)
            days.extend(DAYS[i % 7] for i in range(start, end + 1 if end >= start else end + 8))
        opens, closes = match["opens"].zfill(5), match["closes"].zfill(5)
        if parse_time(opens) is None or parse_time(closes) is None:
            return None
        out.append((",".join(days), opens, closes))
    return out


def _add(
    cells: dict[str, str],
    categories: list[str],
    status: str,
    region: str,
    coordinates: dict[str, float],
    hours: list[tuple[str, str, str]],
    regions: Regions,
    tables: Tables,
    services: dict[str, Row],
) -> None:
    org_id = cells.get("organization_id") or made_id("organization", cells["organization"])
    service_id = cells.get("service_id") or made_id("service", org_id, cells["service"])
    sample, example = _YES[cells.get("sample", "").lower()], _YES[cells.get("example", "").lower()]
    if not any(row["id"] == org_id for row in tables.of("organizations")):
        organization: Row = {
            "id": org_id,
            "name": cells["organization"],
            "description": cells.get("description") or cells["organization"],
        }
        _translations(organization, cells, "organization", "name")
        _flags(organization, sample, example)
        tables.add("organizations", organization)
    service = services.get(service_id)
    if service is None:
        service = {
            "id": service_id,
            "organization_id": org_id,
            "name": cells["service"],
            "status": status,
            "x_categories": list(categories),
        }
        for column, field in (
            ("description", "description"),
            ("email", "email"),
            ("url", "url"),
            ("eligibility", "eligibility_description"),
        ):
            if cells.get(column):
                service[field] = cells[column]
        for column, field in (
            ("service", "name"),
            ("description", "description"),
            ("eligibility", "eligibility_description"),
        ):
            _translations(service, cells, column, field)
        if cells.get("last_checked_on"):
            service["x_last_checked_on"] = cells["last_checked_on"]
        if cells.get("last_checked_by"):
            service["x_last_checked_by"] = cells["last_checked_by"]
        _flags(service, sample, example)
        services[service_id] = service
        tables.add("services", service)
        for code in cells.get("languages", "").replace(",", " ").split():
            tables.add(
                "languages",
                {
                    "id": made_id(service_id, "language", code),
                    "service_id": service_id,
                    "code": code,
                },
            )
    place = cells.get("place") or cells.get("city") or ""
    location_id = cells.get("location_id") or made_id(
        "location", service_id, region, place, cells.get("address", "")
    )
    link_id = made_id("service_at_location", service_id, location_id)
    location: Row = {
        "id": location_id,
        "location_type": "physical",
        "organization_id": org_id,
        "x_region": region,
        **coordinates,
    }
    if place:
        location["name"] = place
    if cells.get("timezone"):
        location["x_timezone"] = cells["timezone"]
    tables.add("locations", location)
    tables.add(
        "service_at_location", {"id": link_id, "service_id": service_id, "location_id": location_id}
    )
    if cells.get("address"):
        tables.add(
            "addresses",
            {
                "id": made_id(location_id, "address"),
                "location_id": location_id,
                "address_1": cells["address"],
                "city": cells.get("city", ""),
                "state_province": _region_name(regions, region),
                "postal_code": cells.get("postal_code", ""),
                "country": cells.get("country") or regions.country,
                "address_type": "physical",
            },
        )
    if cells.get("phone"):
        tables.add(
            "phones",
            {
                "id": made_id(link_id, "phone"),
                "service_at_location_id": link_id,
                "service_id": service_id,
                "number": cells["phone"],
            },
        )
    for number, (byday, opens, closes) in enumerate(hours):
        schedule: Row = {
            "id": made_id(link_id, "schedule", str(number)),
            "service_at_location_id": link_id,
            "service_id": service_id,
            "freq": "WEEKLY",
            "byday": byday,
            "opens_at": opens,
            "closes_at": closes,
            "x_timezone": cells.get("timezone") or regions.zone,
        }
        if number == 0:
            if cells.get("hours_note"):
                schedule["notes"] = cells["hours_note"]
            _translations(schedule, cells, "hours_note", "notes")
        tables.add("schedules", schedule)
    if not hours and (
        cells.get("hours_note") or any(cells.get(f"hours_note_{x}") for x in LANGUAGES)
    ):
        note: Row = {
            "id": made_id(link_id, "schedule", "note"),
            "service_id": service_id,
            "service_at_location_id": link_id,
        }
        if cells.get("hours_note"):
            note["notes"] = cells["hours_note"]
        _translations(note, cells, "hours_note", "notes")
        tables.add("schedules", note)


def _region_name(regions: Regions, code: str) -> str:
    region = regions.get(code)
    return region.name("en") if region is not None else regions.country


def _translations(row: Row, cells: dict[str, str], column: str, field: str) -> None:
    for lang in LANGUAGES:
        value = cells.get(f"{column}_{lang}")
        if value:
            translations = row.setdefault("x_translations", {})
            if isinstance(translations, dict):
                own = translations.setdefault(lang, {})
                if isinstance(own, dict):
                    own[field] = value


def _flags(row: Row, sample: bool, example: bool) -> None:
    if sample:
        row["x_sample"] = True
    if example:
        row["x_example"] = True
