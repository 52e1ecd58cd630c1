"""Entries as a person is shown them: a service at its place, in one language, hours of today."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from hotline.directory.hours import open_at, openings, zone_of
from hotline.directory.model import Category, Entry, Opening, Row, Tables, strings, text


class TreeIndex:
    """The rows of some services' trees, by id and by parent, to build entries from."""

    def __init__(self, tables: Tables) -> None:
        self.tables = tables
        self.by_id: dict[tuple[str, str], Row] = {
            (table, str(row.get("id"))): row for table, rows in tables.rows.items() for row in rows
        }
        self.by_key: dict[tuple[str, str, str], list[Row]] = {}
        for table, rows in tables.rows.items():
            for row in rows:
                for key in (
                    "service_id",
                    "location_id",
                    "service_at_location_id",
                    "organization_id",
                ):
                    value = row.get(key)
                    if isinstance(value, str):
                        self.by_key.setdefault((table, key, value), []).append(row)

    def children(self, table: str, key: str, value: str) -> list[Row]:
        """Rows of `table` whose `key` is `value`."""
        return self.by_key.get((table, key, value), [])

    def get(self, table: str, row_id: object) -> Row | None:
        """A row by table and id."""
        return self.by_id.get((table, str(row_id)))


def entry(
    index: TreeIndex,
    service: Row,
    *,
    language: str,
    now: datetime,
    default_zone: str,
    region: str | None = None,
    location_id: str | None = None,
    origin: tuple[float, float] | None = None,
) -> Entry:
    """One service as an entry: at the place in `region` (or `location_id`), else its first."""
    service_id = str(service["id"])
    links = index.children("service_at_location", "service_id", service_id)
    chosen: tuple[Row, Row] | None = None
    for link in links:
        location = index.get("locations", link.get("location_id"))
        if location is None:
            continue
        if location_id and str(location.get("id")) != location_id:
            continue
        if region and text(location, "x_region").upper() not in (region.upper(), ""):
            continue
        chosen = (link, location)
        break
    if chosen is None and links and not location_id:
        first = index.get("locations", links[0].get("location_id"))
        chosen = (links[0], first) if first is not None else None
    link, location = chosen if chosen else ({}, {})
    link_id, loc_id = str(link.get("id", "")), str(location.get("id", ""))
    organization = index.get("organizations", service.get("organization_id")) or {}
    phone = _first(
        index.children("phones", "service_at_location_id", link_id),
        index.children("phones", "service_id", service_id),
        index.children("phones", "location_id", loc_id),
        index.children("phones", "organization_id", str(organization.get("id", ""))),
    )
    schedules = (
        index.children("schedules", "service_at_location_id", link_id)
        or [
            s
            for s in index.children("schedules", "service_id", service_id)
            if not s.get("service_at_location_id")
        ]
        or index.children("schedules", "location_id", loc_id)
    )
    timed = [s for s in schedules if s.get("opens_at")]
    zone_name = next((text(s, "x_timezone") for s in timed if text(s, "x_timezone")), "")
    zone = zone_of(zone_name or text(location, "x_timezone"), default_zone)
    day = now.astimezone(zone).date()
    today = tuple(openings(timed, day, zone))
    note = next((text(s, "notes", language) for s in schedules if text(s, "notes", language)), "")
    address = _first(index.children("addresses", "location_id", loc_id))
    latitude, longitude = _number(location.get("latitude")), _number(location.get("longitude"))
    distance = None
    if origin and latitude is not None and longitude is not None:
        distance = kilometres(origin, (latitude, longitude))
    return Entry(
        service_id=service_id,
        name=text(service, "name", language),
        description=text(service, "description", language),
        organization=text(organization, "name", language),
        phone=(text(phone, "number") or None) if phone else None,
        address=_address(address) if address else None,
        region=text(location, "x_region") or None,
        latitude=latitude,
        longitude=longitude,
        hours_today=today,
        open_now=open_at(today, now) or open_at(_yesterday(timed, day, zone), now),
        hours_note=note,
        day=day,
        zone=zone.key,
        categories=tuple(
            Category(c)
            for c in strings(service, "x_categories")
            if c in Category._value2member_map_
        ),
        example=service.get("x_example") is True,
        distance_km=distance,
        scheduled=bool(timed),
    )


def _yesterday(timed: list[Row], day: date, zone: ZoneInfo) -> list[Opening]:
    """Yesterday's openings: a night shift that began then may still be open."""
    return openings(timed, day - timedelta(days=1), zone)


def _first(*groups: list[Row]) -> Row | None:
    for group in groups:
        if group:
            return group[0]
    return None


def _address(row: Mapping[str, object]) -> str:
    street = " ".join(str(row.get(k) or "") for k in ("address_1", "address_2")).strip()
    town = " ".join(str(row.get(k) or "") for k in ("postal_code", "city")).strip()
    return ", ".join(part for part in (street, town) if part)


def _number(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def kilometres(a: tuple[float, float], b: tuple[float, float]) -> float:
    """The great-circle distance between two (latitude, longitude) points, in km."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0088 * 2 * math.asin(math.sqrt(h))
