"""HSDS 3.0 files: validation against the shipped schemas, nested JSON and tabular packages."""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, TextIO, cast

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from hotline.directory.errors import DirectoryError, Problem
from hotline.directory.model import (
    HSDS_VERSION,
    SCHEMA_OF,
    TABLE_OF_FIELD,
    TABLES,
    Json,
    Row,
    Tables,
)

SCHEMA_DIR = Path(__file__).parent / "schema"
PROFILE = "https://openreferral.org/specification/3.0/"
# Extension fields and their JSON types (a tabular file holds objects and lists as JSON).
EXTENSION_TYPES = {
    "x_translations": "object",
    "x_categories": "array",
    "x_sample": "boolean",
    "x_example": "boolean",
}
# Which key a nested child gets from its parent, by the parent's table.
_PARENT_KEY = {
    "organizations": "organization_id",
    "services": "service_id",
    "locations": "location_id",
    "service_at_location": "service_at_location_id",
    "phones": "phone_id",
    "contacts": "contact_id",
    "programs": "program_id",
}
# Nested fields that hold a parent, not a child: not nested again under it on export.
_CHILDREN_OF = {
    "services": (
        "phones",
        "schedules",
        "service_areas",
        "languages",
        "funding",
        "cost_options",
        "required_documents",
        "contacts",
        "attributes",
        "metadata",
    ),
    "organizations": (
        "funding",
        "contacts",
        "phones",
        "locations",
        "programs",
        "organization_identifiers",
        "attributes",
        "metadata",
    ),
    "locations": (
        "languages",
        "addresses",
        "contacts",
        "accessibility",
        "phones",
        "schedules",
        "attributes",
        "metadata",
    ),
    "service_at_location": ("contacts", "phones", "schedules", "attributes", "metadata"),
    "phones": ("languages", "attributes", "metadata"),
    "contacts": ("phones", "attributes", "metadata"),
}


@cache
def _registry() -> Registry[Any]:
    resources = (
        (path.name, Resource.from_contents(json.loads(path.read_text("utf-8")), DRAFT202012))
        for path in sorted(SCHEMA_DIR.glob("*.json"))
    )
    return Registry().with_resources(resources)


@cache
def schema(name: str) -> dict[str, Any]:
    """One HSDS schema (`service`, `phone`, ...) as shipped."""
    return cast(dict[str, Any], json.loads((SCHEMA_DIR / f"{name}.json").read_text("utf-8")))


@cache
def validator(name: str) -> Draft202012Validator:
    """A validator of one HSDS schema, its references resolved among the shipped ones."""
    return Draft202012Validator(schema(name), registry=_registry(), format_checker=FormatChecker())


def check(name: str, document: Json, *, file: str, line: int | None) -> list[Problem]:
    """Every way `document` breaks HSDS schema `name`, as problems (none when it is valid)."""
    problems = []
    for error in sorted(validator(name).iter_errors(document), key=lambda e: list(e.path)):
        where = ".".join(str(part) for part in error.absolute_path)
        if error.validator == "required":
            missing = error.message.split("'")[1] if "'" in error.message else ""
            where = f"{where}.{missing}" if where else missing
            reason = "is required"
        else:
            reason = error.message
        problems.append(Problem(file, line, where, reason))
    return problems


# -- nested JSON (the API's and files' form) ------------------------------------------------


def services_of(document: Json, *, file: str) -> list[Row]:
    """The services of an HSDS JSON file: one service, a list, or a page with `contents`."""
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        document = document["contents"]
    if isinstance(document, dict):
        return [document]
    if isinstance(document, list) and all(isinstance(item, dict) for item in document):
        return [cast(Row, item) for item in document]
    raise DirectoryError(
        [Problem(file, None, "", "expected an HSDS service, a list of services or a page")]
    )


def read_json(path: Path, *, progress: Callable[[int], None] | None = None) -> Tables:
    """An HSDS 3.0 JSON file as tables, every service validated; DirectoryError if any is bad."""
    try:
        document = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DirectoryError([Problem(path.name, None, "", f"not readable JSON: {exc}")]) from None
    services = services_of(document, file=path.name)
    problems: list[Problem] = []
    tables = Tables()
    seen: set[tuple[str, str]] = set()
    for number, service in enumerate(services, start=1):
        found = check("service", service, file=path.name, line=number)
        problems.extend(found)
        if not found:
            flatten("services", service, None, tables, seen)
        if progress:
            progress(1)
    if problems:
        raise DirectoryError(problems)
    return tables


def flatten(
    table: str, row: Row, parent: tuple[str, str] | None, into: Tables, seen: set[tuple[str, str]]
) -> None:
    """Add a nested HSDS object and everything nested in it to `into`, as rows of their tables."""
    own: Row = {}
    nested: list[tuple[str, Json]] = []
    for name, value in row.items():
        if value is None or value == "":
            continue  # HSDS has no difference between empty and absent; neither do we
        if name in TABLE_OF_FIELD and isinstance(value, list | dict):
            nested.append((name, value))
        else:
            own[name] = value
    if parent is not None:
        parent_table, parent_id = parent
        key = _PARENT_KEY.get(parent_table)
        properties = schema(SCHEMA_OF[table])["properties"]
        if key and key in properties and not own.get(key):
            own[key] = parent_id
        if table == "attributes" and not own.get("link_id"):
            own["link_id"], own["link_type"] = parent_id, parent_table
        if table == "metadata" and not own.get("resource_id"):
            own["resource_id"], own["resource_type"] = parent_id, parent_table
    identity = (table, str(own.get("id")))
    if identity not in seen:
        seen.add(identity)
        into.add(table, own)
    for name, value in nested:
        child_table = TABLE_OF_FIELD[name]
        children = value if isinstance(value, list) else [value]
        for child in children:
            if isinstance(child, dict):
                # A parent given inside a child (a service's organization) is not its child.
                link = None if name in _UPWARD else identity
                flatten(child_table, child, link, into, seen)
    for name, value in nested:
        if name in _UPWARD and isinstance(value, dict) and value.get("id") is not None:
            key = f"{name}_id"
            if key in schema(SCHEMA_OF[table])["properties"] and not own.get(key):
                own[key] = value["id"]


_UPWARD = frozenset({"organization", "program", "location", "taxonomy_term", "taxonomy"})


def nest(tables: Tables) -> list[Row]:
    """Each service of `tables` fully nested, as HSDS's `/services/{id}` returns it."""
    index = _Index(tables)
    return [index.service(row) for row in tables.of("services")]


class _Index:
    """Children of each row by table and parent key, to nest rows back."""

    def __init__(self, tables: Tables) -> None:
        self.by_id = {
            (table, str(row.get("id"))): row for table, rows in tables.rows.items() for row in rows
        }
        self.children: dict[tuple[str, str, str], list[Row]] = {}
        for table, rows in tables.rows.items():
            for row in rows:
                for parent_table, key in _PARENT_KEY.items():
                    value = row.get(key)
                    if isinstance(value, str) and parent_table != table:
                        self.children.setdefault((parent_table, value, table), []).append(row)
                for key in ("link_id", "resource_id"):
                    value = row.get(key)
                    kind = row.get("link_type" if key == "link_id" else "resource_type")
                    if isinstance(value, str) and isinstance(kind, str):
                        self.children.setdefault((kind, value, table), []).append(row)

    def nested(self, table: str, row: Row) -> Row:
        out = dict(row)
        row_id = str(row.get("id"))
        for name in _CHILDREN_OF.get(table, ()):
            child_table = TABLE_OF_FIELD[name]
            found = self.children.get((table, row_id, child_table), [])
            if found:
                out[name] = [self.nested(child_table, child) for child in found]
        if table == "attributes":  # an attribute names its taxonomy term
            term = self.by_id.get(("taxonomy_terms", str(row.get("taxonomy_term_id"))))
            if term is not None:
                out["taxonomy_term"] = dict(term)
        return out

    def service(self, row: Row) -> Row:
        out = self.nested("services", row)
        organization = self.by_id.get(("organizations", str(row.get("organization_id"))))
        if organization is not None:
            out["organization"] = self.nested("organizations", organization)
        program = self.by_id.get(("programs", str(row.get("program_id"))))
        if program is not None:
            out["program"] = dict(program)
        places: list[Json] = []
        for link in self.children.get(("services", str(row.get("id")), "service_at_location"), []):
            place = self.nested("service_at_location", link)
            location = self.by_id.get(("locations", str(link.get("location_id"))))
            if location is not None:
                place["location"] = self.nested("locations", location)
            places.append(place)
        if places:
            out["service_at_locations"] = places
        return out


def write_json(tables: Tables, out: TextIO) -> None:
    """Every service, fully nested, as an HSDS 3.0 JSON list."""
    out.write(json.dumps(nest(tables), ensure_ascii=False, indent=1) + "\n")


# -- tabular data package -------------------------------------------------------------------


def _column_type(table: str, column: str) -> str:
    if column in EXTENSION_TYPES:
        return EXTENSION_TYPES[column]
    spec = schema(SCHEMA_OF[table])["properties"].get(column, {})
    return str(spec.get("type") or ("object" if "$ref" in spec else "string"))


def _cell(table: str, column: str, value: str) -> Json:
    """A CSV cell as the JSON value its schema wants; ValueError when it is not one."""
    kind = _column_type(table, column)
    if kind == "number":
        number = float(value)
        return int(number) if number.is_integer() and "." not in value else number
    if kind == "integer":
        return int(value)
    if kind == "boolean":
        if value.lower() not in ("true", "false"):
            raise ValueError(f"{value!r} is not true or false")
        return value.lower() == "true"
    if kind in ("object", "array"):
        return cast(Json, json.loads(value))
    return value


def read_package(folder: Path, *, progress: Callable[[int], None] | None = None) -> Tables:
    """An HSDS tabular data package (a folder with datapackage.json and one CSV per table)."""
    manifest = folder / "datapackage.json"
    try:
        package = json.loads(manifest.read_text("utf-8"))
        resources = [(str(r["name"]), str(r["path"])) for r in package["resources"]]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        problem = Problem("datapackage.json", None, "", f"not a data package manifest ({exc})")
        raise DirectoryError([problem]) from None
    names = {Path(path).stem: path for _, path in resources}
    problems: list[Problem] = []
    tables = Tables()
    for table in TABLES:
        if table not in names:
            continue
        path = folder / names[table]
        if not path.exists():
            continue
        for line, row in _csv_rows(path, problems):
            parsed: Row = {}
            for column, value in row.items():
                if not value.strip() or column is None:
                    continue
                try:
                    parsed[column] = _cell(table, column, value)
                except ValueError as exc:
                    problems.append(Problem(path.name, line, column, str(exc)))
            problems.extend(check(SCHEMA_OF[table], parsed, file=path.name, line=line))
            tables.add(table, parsed)
            if progress and table == "services":
                progress(1)
    unknown = sorted(set(names) - set(TABLES))
    for name in unknown:
        problems.append(Problem("datapackage.json", None, name, "not a table of HSDS 3.0"))
    if problems:
        raise DirectoryError(problems)
    return tables


def _csv_rows(path: Path, problems: list[Problem]) -> Iterator[tuple[int, dict[str, str]]]:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            reader = csv.DictReader(handle)
            for row in reader:
                yield reader.line_num, {k: v or "" for k, v in row.items() if k}
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        problems.append(Problem(path.name, None, "", f"not a readable UTF-8 CSV file: {exc}"))


def write_package(tables: Tables, folder: Path) -> None:
    """The tables as an HSDS tabular data package: one CSV per table and datapackage.json."""
    folder.mkdir(parents=True, exist_ok=True)
    resources = []
    for table in TABLES:
        rows = tables.rows.get(table, [])
        if not rows:
            continue
        columns = _columns(table, rows)
        path = folder / f"{table}.csv"
        with path.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            writer.writerows([_out(row.get(column)) for column in columns] for row in rows)
        resources.append(
            {
                "name": SCHEMA_OF[table],
                "path": path.name,
                "format": "csv",
                "mediatype": "text/csv",
                "profile": "tabular-data-resource",
            }
        )
    package = {
        "name": "hotline-directory",
        "profile": "tabular-data-package",
        "hsds_version": HSDS_VERSION,
        "resources": resources,
    }
    (folder / "datapackage.json").write_text(json.dumps(package, indent=1) + "\n", "utf-8")


def _columns(table: str, rows: Iterable[Row]) -> list[str]:
    known = [
        name
        for name, spec in schema(SCHEMA_OF[table])["properties"].items()
        if spec.get("type") not in ("array", "object") and "$ref" not in spec and "type" in spec
    ]
    extra = sorted({name for row in rows for name in row} - set(known))
    return known + extra


def _out(value: Json) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)
