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
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import TextIO

from hotline.directory.errors import DirectoryError, Problem
from hotline.directory.hours import DAYS, parse_time
from hotline.directory.hsds import check
from hotline.directory.model import Category, Json, Row, Status, Tables, strings, text
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


def write_simple(tables: Tables, out: TextIO) -> None:
    """The directory as the simple sheet: one row per service at a place (HSDS fields the sheet
    has no column for are left out: use hsds-json or hsds-csv to keep everything)."""
    by_id = {
        (table, str(row.get("id"))): row for table, rows in tables.rows.items() for row in rows
    }
    links: dict[str, list[Row]] = {}
    for link in tables.of("service_at_location"):
        links.setdefault(str(link.get("service_id")), []).append(link)
    children: dict[tuple[str, str], list[Row]] = {}
    for table in ("phones", "schedules", "addresses", "languages"):
        for row in tables.of(table):
            for key in ("service_at_location_id", "location_id", "service_id"):
                if isinstance(row.get(key), str):
                    children.setdefault((table, str(row[key])), []).append(row)
                    break
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for service in tables.of("services"):
        service_id = str(service["id"])
        organization = by_id.get(("organizations", str(service.get("organization_id"))), {})
        base = _service_cells(service, organization)
        languages = [str(r.get("code")) for r in children.get(("languages", service_id), [])]
        base["languages"] = " ".join(languages)
        places: list[Row | None] = [*links.get(service_id, [])] or [None]
        for at in places:
            cells = dict(base)
            if at is not None:
                location = by_id.get(("locations", str(at.get("location_id")))) or {}
                cells.update(_place_cells(location, at, children))
            writer.writerow(cells)


def _service_cells(service: Row, organization: Row) -> dict[str, str]:
    cells = {
        "service_id": str(service["id"]),
        "organization_id": str(service.get("organization_id") or ""),
        "organization": text(organization, "name"),
        "service": text(service, "name"),
        "description": text(service, "description"),
        "eligibility": text(service, "eligibility_description"),
        "categories": " ".join(strings(service, "x_categories")),
        "status": text(service, "status"),
        "email": text(service, "email"),
        "url": text(service, "url"),
        "last_checked_on": text(service, "x_last_checked_on"),
        "last_checked_by": text(service, "x_last_checked_by"),
        "sample": "yes" if service.get("x_sample") else "",
        "example": "yes" if service.get("x_example") else "",
    }
    for lang in LANGUAGES:
        cells[f"organization_{lang}"] = _translated(organization, lang, "name")
        cells[f"service_{lang}"] = _translated(service, lang, "name")
        cells[f"description_{lang}"] = _translated(service, lang, "description")
        cells[f"eligibility_{lang}"] = _translated(service, lang, "eligibility_description")
    return cells


def _place_cells(
    location: Row, link: Row, children: dict[tuple[str, str], list[Row]]
) -> dict[str, str]:
    link_id, location_id = str(link["id"]), str(location.get("id"))
    address = next(iter(children.get(("addresses", location_id), [])), {})
    phone = next(iter(children.get(("phones", link_id), [])), {})
    schedules = children.get(("schedules", link_id), [])
    timed = [s for s in schedules if s.get("opens_at")]
    noted = next((s for s in schedules if s.get("notes") or s.get("x_translations")), {})
    cells = {
        "location_id": location_id,
        "region": text(location, "x_region"),
        "place": text(location, "name"),
        "latitude": _number(location.get("latitude")),
        "longitude": _number(location.get("longitude")),
        "timezone": text(location, "x_timezone"),
        "address": text(address, "address_1"),
        "city": text(address, "city"),
        "postal_code": text(address, "postal_code"),
        "country": text(address, "country"),
        "phone": text(phone, "number"),
        "hours": format_hours(timed),
        "hours_note": text(noted, "notes"),
    }
    for lang in LANGUAGES:
        cells[f"hours_note_{lang}"] = _translated(noted, lang, "notes")
    return cells


def format_hours(schedules: Iterable[Row]) -> str:
    """Weekly schedules as the sheet writes them: `Mo-Fr 09:00-17:00; Sa 10:00-13:00`."""
    parts = []
    for schedule in schedules:
        days = [d for d in str(schedule.get("byday") or "").split(",") if d in DAYS]
        opens, closes = str(schedule.get("opens_at")), str(schedule.get("closes_at"))
        if len(days) == 7 and opens.startswith("00:00") and closes.startswith("24:00"):
            return "24/7"
        parts.append(f"{_days(days)} {opens[:5]}-{closes[:5]}")
    return "; ".join(parts)


def _days(days: list[str]) -> str:
    indexes = sorted(DAYS.index(d) for d in days)
    runs: list[list[int]] = []
    for index in indexes:
        if runs and index == runs[-1][-1] + 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    name = [d.title() for d in DAYS]
    return ",".join(
        f"{name[run[0]]}-{name[run[-1]]}" if len(run) > 2 else ",".join(name[i] for i in run)
        for run in runs
    )


def _translated(row: Json, lang: str, field: str) -> str:
    if not isinstance(row, dict):
        return ""
    translations = row.get("x_translations")
    own = translations.get(lang) if isinstance(translations, dict) else None
    value = own.get(field) if isinstance(own, dict) else None
    return value if isinstance(value, str) else ""


def _number(value: Json) -> str:
    return "" if value is None or isinstance(value, bool) else str(value)
