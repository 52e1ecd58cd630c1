"""Whether a request may read /metrics or /readyz: its address and its bearer token."""

from __future__ import annotations

import hmac
import ipaddress

from hotline.observe.settings import ObserveSettings


def refusal(
    settings: ObserveSettings, address: str | None, authorization: str | None
) -> str | None:
    """None when admitted, else why not (said in the 403, naming no secret)."""
    try:
        ip = ipaddress.ip_address((address or "").split("%", 1)[0])
    except ValueError:
        return "the client's address is unknown"
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if not any(ip in network for network in settings.allow):
        return "the client's address is not in HOTLINE_METRICS_ALLOW"
    if settings.token is not None:
        scheme, _, sent = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(
            sent.strip().encode(), settings.token.encode()
        ):
            return "a bearer token (HOTLINE_METRICS_TOKEN) is required"
    return None
