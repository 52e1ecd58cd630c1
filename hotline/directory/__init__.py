"""The services directory (issue 15): HSDS 3.0 data, regions, import/export, queries, read API."""

from hotline.directory.errors import DirectoryError, Problem
from hotline.directory.model import Category, Entry, Opening, Status, Tables
from hotline.directory.regions import Region, Regions, load_regions

__all__ = [
    "Category",
    "DirectoryError",
    "Entry",
    "Opening",
    "Problem",
    "Region",
    "Regions",
    "Status",
    "Tables",
    "load_regions",
]
