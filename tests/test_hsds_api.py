"""The HSDS read API through the real app: pages, filters, one service, errors, token, limit."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import AppClient, FixedClock, make_settings, start_app

TOKEN = "a-deployment-token-0123456789"
Client = Callable[..., Awaitable[AppClient]]


@pytest.fixture
async def api(
    aiohttp_client: Client, database_url: str, tmp_path: Path, clock: FixedClock
) -> AppClient:
    """The app on a fresh database: the Georgian sample is loaded at start."""
    return await start_app(aiohttp_client, make_settings(tmp_path, database_url), clock)


async def get(client: AppClient, path: str, **headers: str) -> tuple[int, Any]:
    response = await client.get(path, headers=headers)
    assert response.content_type == "application/json"
    return response.status, await response.json()


async def test_the_root_says_which_hsds_it_serves(api: AppClient) -> None:
    status, body = await get(api, "/api/hsds/")
    assert status == 200
    assert body["version"] == "3.0"
    assert body["openapi_url"].endswith("/schema/openapi.json")


async def test_services_come_in_pages(api: AppClient) -> None:
    status, first = await get(api, "/api/hsds/services?per_page=3")
    assert status == 200
    assert (first["total_items"], first["total_pages"], first["page_number"]) == (8, 3, 1)
    assert (first["size"], first["first_page"], first["last_page"]) == (3, True, False)
    _, last = await get(api, "/api/hsds/services?per_page=3&page=3")
    assert (last["size"], last["last_page"], last["empty"]) == (2, True, False)
    _, beyond = await get(api, "/api/hsds/services?per_page=3&page=4")
    assert (beyond["size"], beyond["empty"]) == (0, True)
    ids = set()
    for page in (1, 2, 3):
        _, body = await get(api, f"/api/hsds/services?per_page=3&page={page}")
        ids |= {service["id"] for service in body["contents"]}
    assert len(ids) == 8  # every service once


async def test_a_page_holds_hsds_shaped_services(api: AppClient) -> None:
    _, body = await get(api, "/api/hsds/services?region=GE-TB&category=housing")
    (service,) = body["contents"]
    assert service["name"] == "Example: night shelter"
    assert service["status"] == "active"
    assert service["organization"]["name"] == "Example organisation (invented)"
    (place,) = service["service_at_locations"]
    assert place["location"]["x_region"] == "GE-TB"
    assert place["phones"][0]["number"] == "+995 000 000 000"
    assert place["schedules"][0]["byday"] == "MO,TU,WE,TH,FR,SA,SU"
    assert service["x_translations"]["ka"]["name"] == "მაგალითი: ღამის თავშესაფარი"


@pytest.mark.parametrize(
    ("query", "total"),
    [("region=GE-IM", 1), ("region=ge-tb", 8), ("category=support-groups", 1),
     ("language=ka", 8), ("language=ru", 0), ("text=shelter", 1), ("search=ХОСТЕЛ", 0),
     ("region=GE-TB&category=legal-aid&text=debt", 1), ("region=GE", 1)],
)  # fmt: skip
async def test_filters_narrow_the_services(api: AppClient, query: str, total: int) -> None:
    status, body = await get(api, f"/api/hsds/services?{query}")
    assert status == 200
    assert body["total_items"] == total


async def test_one_service_in_full_and_an_unknown_one(api: AppClient) -> None:
    _, page = await get(api, "/api/hsds/services?category=support-groups")
    service_id = page["contents"][0]["id"]
    status, service = await get(api, f"/api/hsds/services/{service_id}")
    assert status == 200
    assert service["id"] == service_id
    assert service["service_at_locations"][0]["location"]["addresses"][0]["city"] == "Tbilisi"
    missing = uuid.uuid4()
    assert await get(api, f"/api/hsds/services/{missing}") == (
        404,
        {"error": f"no service {missing}"},
    )


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/api/hsds/services?page=0", "page: a whole number from 1 to 1000000, not '0'"),
        ("/api/hsds/services?per_page=500", "per_page: a whole number from 1 to 100, not '500'"),
        ("/api/hsds/services?page=two", "page: a whole number from 1 to 1000000, not 'two'"),
        ("/api/hsds/services?region=XX-1", "region 'XX-1' is not one of GE, GE-TB"),
        ("/api/hsds/services?category=jobs", "category 'jobs' is not one of employment"),
        ("/api/hsds/services?language=english", "language 'english' is not an ISO 639 code"),
        ("/api/hsds/services?taxonomy_id=1", "unknown parameter 'taxonomy_id'"),
        ("/api/hsds/services/42", "'42' is not a service id (a UUID)"),
    ],
)
async def test_bad_parameters_are_a_clear_400(api: AppClient, path: str, message: str) -> None:
    status, body = await get(api, path)
    assert status == 400
    assert body["error"].startswith(message)


async def test_a_deployment_token_is_required_when_set(
    aiohttp_client: Client, tmp_path: Path, clock: FixedClock
) -> None:
    settings = make_settings(tmp_path, HOTLINE_HSDS_API_TOKEN=TOKEN)
    client = await start_app(aiohttp_client, settings, clock)
    status, body = await get(client, "/api/hsds/services")
    assert (status, body["error"]) == (401, "this API needs a token: Authorization: Bearer <token>")
    assert (await get(client, "/api/hsds/services", Authorization="Bearer wrong-token"))[0] == 401
    status, body = await get(client, "/api/hsds/services", Authorization=f"Bearer {TOKEN}")
    assert (status, body["total_items"]) == (200, 8)


async def test_an_address_asking_too_often_is_told_when_to_come_back(
    aiohttp_client: Client, tmp_path: Path, clock: FixedClock
) -> None:
    settings = make_settings(tmp_path, HOTLINE_HSDS_RATE_LIMIT="3")
    client = await start_app(aiohttp_client, settings, clock)
    for _ in range(3):
        assert (await get(client, "/api/hsds/"))[0] == 200
    response = await client.get("/api/hsds/services")
    assert response.status == 429
    assert 1 <= int(response.headers["Retry-After"]) <= 60
    assert (await response.json())["error"].startswith("too many requests")
