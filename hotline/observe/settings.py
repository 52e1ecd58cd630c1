"""Who may read /metrics and /readyz: HOTLINE_METRICS_ALLOW (address ranges) and
HOTLINE_METRICS_TOKEN (a bearer token)."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass, field

from hotline.errors import ConfigError

Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# Loopback and the private ranges: Prometheus on the same machine or inside the cluster.
# The proxies in deploy/ answer 404 for /metrics and /readyz from the internet.
DEFAULT_ALLOW = (
    "127.0.0.0/8",
    "::1/128",
    "10.0.0.0/8",
    "172.16.0.0/12",
    "192.168.0.0/16",
    "fc00::/7",
)
_TOKEN = re.compile(r"[A-Za-z0-9._~+/=-]{16,256}")


@dataclass(frozen=True)
class ObserveSettings:
    """Who is let in to /metrics and /readyz: an address in `allow`, with the token if set."""

    allow: tuple[Network, ...] = field(
        default_factory=lambda: tuple(ipaddress.ip_network(n) for n in DEFAULT_ALLOW)
    )
    token: str | None = None


def observe_settings(env: dict[str, str]) -> ObserveSettings:
    """The settings from the environment; ConfigError names a bad one."""
    raw = env.get("HOTLINE_METRICS_ALLOW", "").strip()
    allow = _networks(raw) if raw else ObserveSettings().allow
    token = env.get("HOTLINE_METRICS_TOKEN", "").strip() or None
    if token is not None and not _TOKEN.fullmatch(token):
        raise ConfigError(
            "HOTLINE_METRICS_TOKEN: use 16-256 characters of A-Z a-z 0-9 . _ ~ + / = -, e.g. "
            "`python3 -c 'import secrets; print(secrets.token_urlsafe(32))'`"
        )
    return ObserveSettings(allow=allow, token=token)


def _networks(raw: str) -> tuple[Network, ...]:
    if raw.lower() == "any":
        return (ipaddress.ip_network("0.0.0.0/0"), ipaddress.ip_network("::/0"))
    found: list[Network] = []
    for part in (p.strip() for p in raw.split(",")):
        if not part:
            continue
        try:
            found.append(ipaddress.ip_network(part, strict=False))
        except ValueError:
            raise ConfigError(
                f"HOTLINE_METRICS_ALLOW: {part!r} is not an address range; list ranges like "
                "127.0.0.1/32,10.0.0.0/8, or say any (then set HOTLINE_METRICS_TOKEN)"
            ) from None
    return tuple(found)
