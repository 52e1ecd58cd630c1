"""Reading and writing directory files in the three formats, chosen by name or by the user."""

from __future__ import annotations

import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path

from hotline.directory.errors import DirectoryError, Problem
from hotline.directory.hsds import read_json, read_package, write_json, write_package
from hotline.directory.model import Tables
from hotline.directory.regions import Regions
from hotline.directory.simple import read_simple
from hotline.directory.simple_export import write_simple


class Format(StrEnum):
    """A directory file's format."""

    HSDS_JSON = "hsds-json"  # services fully nested, as HSDS's API returns them
    HSDS_CSV = "hsds-csv"  # a tabular data package: a folder of CSVs with datapackage.json
    SIMPLE_CSV = "simple-csv"  # one sheet, one row per service at a place


def guess(path: Path) -> Format:
    """The format of a path: a folder or datapackage.json is a package, .json is HSDS JSON."""
    if path.is_dir() or path.name == "datapackage.json":
        return Format.HSDS_CSV
    if path.suffix.lower() == ".json":
        return Format.HSDS_JSON
    return Format.SIMPLE_CSV


def read(
    path: Path,
    regions: Regions,
    fmt: Format | None = None,
    *,
    progress: Callable[[int], None] | None = None,
) -> Tables:
    """A directory file as tables; DirectoryError (nothing read) listing every problem."""
    if not path.exists():
        raise DirectoryError([Problem(str(path), None, "", "no such file or folder")])
    fmt = fmt or guess(path)
    if fmt is Format.HSDS_CSV:
        return read_package(path if path.is_dir() else path.parent, progress=progress)
    if path.is_dir():
        raise DirectoryError([Problem(str(path), None, "", f"a folder is not {fmt.value}")])
    if fmt is Format.HSDS_JSON:
        return read_json(path, progress=progress)
    return read_simple(path, regions, progress=progress)


def lines(path: Path, fmt: Format | None = None) -> int:
    """About how many services a file holds, for a progress bar (0 when unknown)."""
    fmt = fmt or guess(path)
    try:
        if fmt is Format.SIMPLE_CSV and path.is_file():
            with path.open("rb") as handle:
                return max(sum(1 for _ in handle) - 1, 0)
        if fmt is Format.HSDS_CSV:
            services = (path if path.is_dir() else path.parent) / "services.csv"
            with services.open("rb") as handle:
                return max(sum(1 for _ in handle) - 1, 0)
    except OSError:
        return 0
    return 0


def write(tables: Tables, fmt: Format, path: Path | None) -> None:
    """Write the directory in a format: to a file (a folder for hsds-csv), or to stdout."""
    if fmt is Format.HSDS_CSV:
        write_package(tables, path or Path("directory"))
        return
    writer = write_json if fmt is Format.HSDS_JSON else write_simple
    if path is None:
        writer(tables, sys.stdout)
        return
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer(tables, handle)
