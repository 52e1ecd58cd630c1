"""The directory's settings: the deployment's country or regions file, the read API's token."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from hotline.directory.regions import REGIONS_DIR, shipped_countries
from hotline.errors import ConfigError


@dataclass(frozen=True)
class DirectorySettings:
    """HOTLINE_COUNTRY, HOTLINE_REGIONS_FILE, HOTLINE_HSDS_API_TOKEN, HOTLINE_HSDS_RATE_LIMIT."""

    country: str = "GE"
    regions_file: Path | None = None  # the deployment's own regions instead of the country's
    api_token: str | None = None  # the HSDS read API asks for it when set
    api_rate_per_minute: int = 60  # requests per client address


def directory_settings(env: dict[str, str]) -> DirectorySettings:
    """The directory's settings from the environment; ConfigError names a bad one."""
    country = env.get("HOTLINE_COUNTRY", "GE").strip().upper() or "GE"
    regions_raw = env.get("HOTLINE_REGIONS_FILE", "").strip()
    regions_file = Path(regions_raw) if regions_raw else None
    if regions_file is not None and not regions_file.is_file():
        raise ConfigError(
            f"HOTLINE_REGIONS_FILE: {regions_raw!r} is not a file; give a YAML file like "
            f"{REGIONS_DIR / 'GE.yaml'}"
        )
    if regions_file is None and country not in shipped_countries():
        raise ConfigError(
            f"HOTLINE_COUNTRY: no regions ship for {country!r}; use one of "
            f"{', '.join(shipped_countries())} or set HOTLINE_REGIONS_FILE"
        )
    token = env.get("HOTLINE_HSDS_API_TOKEN", "").strip() or None
    if token is not None and not re.fullmatch(r"[A-Za-z0-9._~+/=-]{16,256}", token):
        raise ConfigError(
            "HOTLINE_HSDS_API_TOKEN: use 16-256 characters of A-Z a-z 0-9 . _ ~ + / = -, e.g. "
            "`python3 -c 'import secrets; print(secrets.token_urlsafe(32))'`"
        )
    rate_raw = env.get("HOTLINE_HSDS_RATE_LIMIT", "60").strip()
    if not rate_raw.isdigit() or not 1 <= int(rate_raw) <= 100_000:
        raise ConfigError("HOTLINE_HSDS_RATE_LIMIT: requests a minute per address, 1-100000")
    return DirectorySettings(country, regions_file, token, int(rate_raw))
