"""The HSDS 3.0 read API: `/api/hsds/`, `/api/hsds/services`, `/api/hsds/services/{id}`.

Read-only, so a ministry's own system can read the directory. Behind a bearer token when the
deployment sets one (`HOTLINE_HSDS_API_TOKEN`), and limited per client address (a fixed
window of a minute). Every answer is JSON, errors too: `{"error": "..."}`.
"""

from __future__ import annotations

import hmac
import json
import math
import re
import time
import uuid
from collections.abc import Callable
from typing import Any

from aiohttp import web

from hotline.directory.hsds import PROFILE
from hotline.directory.model import HSDS_VERSION, Category
from hotline.directory.service import DirectoryService
from hotline.directory.settings import DirectorySettings

API_PATH = "/api/hsds"
OPENAPI_URL = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
MAX_PER_PAGE = 100
DEFAULT_PER_PAGE = 20
WINDOW_S = 60.0
_PARAMETERS = ("page", "per_page", "region", "category", "language", "text", "search")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}")


class _Refused(Exception):
    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


class RateLimit:
    """At most `per_minute` requests per client address in each minute."""

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic) -> None:
        self.per_minute = per_minute
        self.clock = clock
        self._windows: dict[str, tuple[float, int]] = {}

    def admit(self, address: str) -> float | None:
        """None when admitted, else the seconds until the address may ask again."""
        now = self.clock()
        start, count = self._windows.get(address, (now, 0))
        if now - start >= WINDOW_S:
            start, count = now, 0
        if count >= self.per_minute:
            return WINDOW_S - (now - start)
        self._windows[address] = (start, count + 1)
        if len(self._windows) > 10_000:  # forget addresses whose window has passed
            self._windows = {a: w for a, w in self._windows.items() if now - w[0] < WINDOW_S}
        return None


class HsdsApi:
    """The read API's handlers, over the directory's service."""

    def __init__(
        self,
        directory: DirectoryService,
        settings: DirectorySettings,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.directory = directory
        self.token = settings.api_token
        self.limit = RateLimit(settings.api_rate_per_minute, clock)

    def routes(self) -> list[web.RouteDef]:
        """The API's routes."""
        return [
            web.get(API_PATH + "/", self.root),
            web.get(API_PATH, self.root),
            web.get(API_PATH + "/services", self.services),
            web.get(API_PATH + "/services/{id}", self.service),
        ]

    async def root(self, request: web.Request) -> web.Response:
        """The API's metadata, as HSDS's `/` describes it."""
        return await self._answer(request, self._root)

    async def services(self, request: web.Request) -> web.Response:
        """A page of services, filtered."""
        return await self._answer(request, self._services)

    async def service(self, request: web.Request) -> web.Response:
        """One service, fully nested."""
        return await self._answer(request, self._service)

    async def _answer(
        self, request: web.Request, handler: Callable[[web.Request], Any]
    ) -> web.Response:
        try:
            self._admit(request)
            body = await handler(request)
        except _Refused as refused:
            return _json({"error": str(refused)}, refused.status, refused.headers)
        return _json(body, 200)

    def _admit(self, request: web.Request) -> None:
        if self.token is not None:
            given = request.headers.get("Authorization", "")
            scheme, _, value = given.partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(
                value.strip().encode(), self.token.encode()
            ):
                raise _Refused(
                    401,
                    "this API needs a token: Authorization: Bearer <token>",
                    {"WWW-Authenticate": 'Bearer realm="hsds"'},
                )
        wait = self.limit.admit(request.remote or "unknown")
        if wait is not None:
            seconds = max(1, math.ceil(wait))
            raise _Refused(
                429, f"too many requests: try again in {seconds} s", {"Retry-After": str(seconds)}
            )

    async def _root(self, request: web.Request) -> dict[str, Any]:
        del request
        return {"version": HSDS_VERSION, "profile": PROFILE, "openapi_url": OPENAPI_URL}

    async def _services(self, request: web.Request) -> dict[str, Any]:
        query = request.query
        unknown = sorted(set(query) - set(_PARAMETERS))
        if unknown:
            raise _Refused(
                400, f"unknown parameter {unknown[0]!r}; this API takes " + ", ".join(_PARAMETERS)
            )
        page = _whole(query.get("page", "1"), "page", 1, 1_000_000)
        per_page = _whole(query.get("per_page", str(DEFAULT_PER_PAGE)), "per_page", 1, MAX_PER_PAGE)
        region = query.get("region") or None
        regions = self.directory.regions
        if region is not None and not regions.knows(region):
            codes = ", ".join(r.code for r in regions.regions)
            raise _Refused(400, f"region {region!r} is not one of {regions.country}, {codes}")
        category = query.get("category") or None
        if category is not None and category not in Category._value2member_map_:
            raise _Refused(400, f"category {category!r} is not one of {', '.join(Category)}")
        language = query.get("language") or None
        if language is not None and not _LANGUAGE.fullmatch(language):
            raise _Refused(400, f"language {language!r} is not an ISO 639 code such as ka or en")
        text = query.get("text") or query.get("search") or None
        if text is not None and len(text) > 200:
            raise _Refused(400, "text: at most 200 characters")
        total, contents = await self.directory.page(
            page=page,
            per_page=per_page,
            region=region,
            category=category,
            language=language,
            text=text,
        )
        pages = max(1, math.ceil(total / per_page))
        return {
            "total_items": total,
            "total_pages": pages,
            "page_number": page,
            "size": len(contents),
            "first_page": page == 1,
            "last_page": page >= pages,
            "empty": not contents,
            "contents": contents,
        }

    async def _service(self, request: web.Request) -> dict[str, Any]:
        service_id = request.match_info["id"]
        try:
            uuid.UUID(service_id)
        except ValueError:
            raise _Refused(400, f"{service_id!r} is not a service id (a UUID)") from None
        found = await self.directory.service(service_id)
        if found is None:
            raise _Refused(404, f"no service {service_id}")
        return found


def _whole(raw: str, name: str, low: int, high: int) -> int:
    if not raw.isdigit() or not low <= int(raw) <= high:
        raise _Refused(400, f"{name}: a whole number from {low} to {high}, not {raw!r}")
    return int(raw)


def _json(body: Any, status: int, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response(
        body,
        status=status,
        headers=headers,
        dumps=lambda value: json.dumps(value, ensure_ascii=False),
    )
