"""The simple sheet written back: one row per service at a place (see `simple` for columns)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from hotline.directory.hours import DAYS
from hotline.directory.model import Json, Row, Tables, strings, text
from hotline.directory.simple import COLUMNS, LANGUAGES


def write_simple(tables: Tables, out: TextIO) -> None:
    """The directory as the simple sheet: one row per service at a place (HSDS fields the sheet
    has no column for are left out: use hsds-json or hsds-csv to keep everything)."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(simple_rows(tables))


def simple_rows(tables: Tables) -> list[dict[str, str]]:
    """The sheet's rows of these tables: one per service at a place, in the services' order."""
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
    out = []
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
            out.append(cells)
    return out


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
