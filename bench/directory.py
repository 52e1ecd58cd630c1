"""Benchmark of `hotline services import`: how long a whole directory of services takes.

What it measures
    A coordinator's sheet (the simple CSV) of --services generated services, each at its own
    place with an address, a phone, opening hours and its name and description in all six
    languages, spread over Georgia's regions and the program's categories, is imported by the
    real command, `hotline services import`, in a process of its own: every row checked,
    turned into HSDS rows, written in one transaction. Then the directory is exported as HSDS
    JSON and that file imported again (each service validated against the HSDS 3.0 schemas),
    and `hotline services list` runs one search by region and category. Printed per
    database: the wall time of each command and services/s.

How to run
    .venv/bin/python bench/directory.py                         # 10,000 services
    .venv/bin/python bench/directory.py --services 50000 --only sqlite

PostgreSQL is reached at HOTLINE_BENCH_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/test, loopback only), as in bench/participants.py.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from participants import hotline, postgres_database

from hotline.directory.model import Category
from hotline.directory.regions import load_regions
from hotline.directory.simple import LANGUAGES

HOURS = ("Mo-Fr 09:00-18:00", "Mo-Su 19:00-08:00", "Tu,Th 10:00-17:00", "24/7", "We 18:00-20:00")


def write_sheet(path: Path, count: int) -> None:
    """`count` services, each at a place of its own, texts in every language."""
    regions = [region.code for region in load_regions("GE").regions]
    categories = [category.value for category in Category]
    translated = [f"{column}_{lang}" for column in ("service", "description") for lang in LANGUAGES]
    header = ["organization", "service", "description", "categories", "region", "phone", "hours",
              "address", "city", "latitude", "longitude", "languages", *translated]  # fmt: skip
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for n in range(count):
            texts = [f"Service {n} ({lang})" for lang in LANGUAGES] + [
                f"What service {n} does, in a sentence or two ({lang})." for lang in LANGUAGES
            ]
            writer.writerow([
                f"Organisation {n // 5}", f"Service {n}", f"What service {n} does.",
                f"{categories[n % 12]} {categories[(n + 5) % 12]}", regions[n % len(regions)],
                f"+995 32 2{n:06}", HOURS[n % len(HOURS)], f"Street {n}", "Tbilisi",
                f"{41.5 + (n % 100) / 200:.4f}", f"{44.5 + (n // 100 % 100) / 200:.4f}", "ka en",
                *texts,
            ])  # fmt: skip


def run(target: str, database_url: str, sheet: Path, workdir: Path, count: int) -> None:
    """Import the sheet into one database, export and import again, search; print figures."""
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("HOTLINE_")},
        "HOTLINE_DATA_DIR": str(workdir / f"data-{target}"),
        "HOTLINE_DATABASE_URL": database_url,
    }
    hotline(env, "db", "upgrade")
    seconds, _ = hotline(env, "services", "import", str(sheet))
    print(f"{target:>8}: import of {count:,} services (simple CSV) in {seconds:.1f} s: "
          f"{count / seconds:,.0f} services/s")  # fmt: skip
    exported = workdir / f"{target}.json"
    seconds, _ = hotline(env, "services", "export", "--format", "hsds-json", "-o", str(exported))
    size = exported.stat().st_size / 1e6
    print(f"{target:>8}: export as HSDS JSON ({size:.1f} MB) in {seconds:.1f} s")
    seconds, _ = hotline(env, "services", "import", str(exported))
    print(f"{target:>8}: import of the HSDS JSON (every service validated) in {seconds:.1f} s: "
          f"{count / seconds:,.0f} services/s")  # fmt: skip
    seconds, out = hotline(env, "services", "list", "--region", "GE-IM", "--category", "housing",
                           "--limit", "3")  # fmt: skip
    found = out.strip().splitlines()[-1]
    print(f"{target:>8}: hotline services list (region + category) in {seconds:.2f} s {found}")


def main() -> None:
    """Import --services generated services into SQLite and PostgreSQL; print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--only", choices=("sqlite", "postgres"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        sheet = workdir / "directory.csv"
        write_sheet(sheet, args.services)
        size = sheet.stat().st_size / 1e6
        print(f"sheet: {args.services:,} services, texts in 6 languages, {size:.1f} MB")
        if args.only in (None, "sqlite"):
            run("sqlite", f"sqlite:///{workdir / 'bench.sqlite3'}", sheet, workdir, args.services)
        if args.only in (None, "postgres"):
            with postgres_database() as url:
                run("postgres", url, sheet, workdir, args.services)


if __name__ == "__main__":
    main()
