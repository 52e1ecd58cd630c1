"""`hotline services import | export | list`: the services directory from and to files."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Awaitable, Callable
from datetime import time
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from hotline.bootstrap import core
from hotline.cli.common import SubParsers, table, with_database
from hotline.clock import utc_now
from hotline.config import load_settings
from hotline.directory import files
from hotline.directory.errors import DirectoryError
from hotline.directory.model import Opening
from hotline.directory.service import DirectoryService

if TYPE_CHECKING:
    from tqdm import tqdm

_T = TypeVar("_T")
FORMATS = [fmt.value for fmt in files.Format]


def add_parser(sub: SubParsers) -> None:
    """The commands' arguments."""
    commands = sub.add_parser(
        "services", help="the services directory (HSDS 3.0): import, export, list"
    ).add_subparsers(required=True, metavar="ACTION")

    load = commands.add_parser(
        "import",
        help="add or replace services from a file: all of it, or nothing",
        description="Import HSDS 3.0 JSON (.json), an HSDS tabular data package (a folder "
        "with datapackage.json) or the simple one-sheet CSV (.csv; see the README). Every bad "
        "row is listed with its file, line and field, and then nothing is imported. Your own "
        "data replaces the shipped sample directory.",
    )
    load.add_argument("path", metavar="FILE|DIR", type=Path)
    load.add_argument("--format", choices=FORMATS, help="default: by the file's name")
    load.set_defaults(func=_import)

    export = commands.add_parser("export", help="write the whole directory to a file")
    export.add_argument("--format", choices=FORMATS, required=True)
    export.add_argument(
        "-o",
        "--output",
        type=Path,
        metavar="PATH",
        help="a file (a folder for hsds-csv, default ./directory); default: standard output",
    )
    export.set_defaults(func=_export)

    listing = commands.add_parser("list", help="a quick look: services, their regions, today")
    listing.add_argument("--region", help="a region code, e.g. GE-TB")
    listing.add_argument("--category", help="e.g. housing")
    listing.add_argument("--language", default="en", help="the language to show (default en)")
    listing.add_argument("--text", help="words in the name or description")
    listing.add_argument("--limit", type=int, default=50)
    listing.set_defaults(func=_list)


def _import(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    fmt = files.Format(args.format) if args.format else None

    async def work(directory: DirectoryService) -> tuple[int, int]:
        total = files.lines(args.path, fmt) or None
        # On a terminal only (disable=None): a log or a pipe gets the report, not the bar.
        with tqdm(total=total, desc="checking", unit=" services", disable=None) as bar:
            tables = files.read(args.path, directory.regions, fmt, progress=_bar(bar))
        stored = await directory.store(tables)
        return stored.services, stored.sample_removed

    try:
        services, removed = _run(work, sample=False)
    except DirectoryError as exc:
        print(f"hotline services import: {args.path}: nothing imported", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    print(f"hotline services import: {services} services imported from {args.path}")
    if removed:
        print(f"hotline services import: the shipped sample ({removed} services) was removed")
    return 0


def _bar(bar: tqdm[Any]) -> Callable[[int], None]:
    def step(count: int) -> None:
        bar.update(count)

    return step


def _export(args: argparse.Namespace) -> int:
    fmt = files.Format(args.format)
    tables = _run(lambda directory: directory.export())
    files.write(tables, fmt, args.output)
    if args.output is not None or fmt is files.Format.HSDS_CSV:
        where = args.output or Path("directory")
        print(
            f"hotline services export: {tables.count('services')} services to {where}",
            file=sys.stderr,
        )
    return 0


def _list(args: argparse.Namespace) -> int:
    async def work(directory: DirectoryService) -> list[list[str]]:
        found = await directory.find(
            region=args.region,
            category=args.category,
            language=args.language,
            now=utc_now(),
            limit=args.limit,
            text=args.text,
        )
        rows = []
        for entry in found.entries:
            hours = ", ".join(_span(o) for o in entry.hours_today) or "closed today"
            rows.append(
                [
                    entry.name[:48] + ("*" if entry.example else ""),
                    entry.region or "",
                    " ".join(entry.categories)[:40],
                    entry.phone or "",
                    hours,
                ]
            )
        rows.append([f"({found.total} in all; * an example entry)", "", "", "", ""])
        return rows

    rows = _run(work)
    for line in table(["service", "region", "categories", "phone", "today"], rows):
        print(line)
    return 0


def _span(opening: Opening) -> str:
    """An opening as `09:00-17:00`; one that ends at midnight ends at 24:00."""
    midnight = opening.closes.date() > opening.opens.date() and opening.closes.time() == time(0)
    return f"{opening.opens:%H:%M}-{'24:00' if midnight else format(opening.closes, '%H:%M')}"


def _run(work: Callable[[DirectoryService], Awaitable[_T]], *, sample: bool = True) -> _T:
    """`work` on the directory of the configured database (a new one gets the sample first,
    as `serve` gives it)."""
    base = core(load_settings())

    async def run(directory: DirectoryService) -> _T:
        if sample:
            await directory.load_sample_if_empty()
        return await work(directory)

    return with_database(base, lambda database: run(base.directory))
