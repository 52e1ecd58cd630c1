"""The deployment's regions, as data: one YAML file per country, or the deployment's own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from hotline.errors import ConfigError

REGIONS_DIR = Path(__file__).parent / "regions"
FALLBACK = "en"


def shipped_countries() -> list[str]:
    """The countries whose regions ship (`GE`, `CZ`, ...)."""
    return sorted(path.stem for path in REGIONS_DIR.glob("*.yaml"))


@dataclass(frozen=True)
class Region:
    """A region of the deployment's country, with its names by language."""

    code: str
    names: dict[str, str]

    def name(self, language: str) -> str:
        """Its name in `language`, else the local or English one."""
        return (
            self.names.get(language) or self.names.get(FALLBACK) or next(iter(self.names.values()))
        )


@dataclass(frozen=True)
class Regions:
    """A country's regions, in the order menus list them, and its time zone."""

    country: str
    zone: str
    regions: tuple[Region, ...]

    def get(self, code: str) -> Region | None:
        """The region of a code (case-insensitive), or None."""
        wanted = code.strip().upper()
        return next((region for region in self.regions if region.code.upper() == wanted), None)

    def knows(self, code: str) -> bool:
        """Whether the code is a region here or the country itself (the whole country)."""
        return code.strip().upper() == self.country or self.get(code) is not None


def load_regions(country: str, file: Path | None = None) -> Regions:
    """The regions of a shipped country, or of a deployment's own file in the same format."""
    path = file or REGIONS_DIR / f"{country.upper()}.yaml"
    if not path.exists():
        raise ConfigError(
            f"no regions for country {country!r}: ship one of {', '.join(shipped_countries())}"
            " or give a regions file"
        )
    try:
        data = yaml.safe_load(path.read_text("utf-8"))
        regions = tuple(
            Region(
                code=str(item["code"]),
                names={str(k): str(v) for k, v in item.items() if k != "code"},
            )
            for item in data["regions"]
        )
        zone = str(data.get("zone") or "UTC")
        country_code = str(data.get("country") or country).upper()
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: not a regions file ({exc})") from None
    if not regions:
        raise ConfigError(f"{path}: lists no regions")
    return Regions(country=country_code, zone=zone, regions=regions)
