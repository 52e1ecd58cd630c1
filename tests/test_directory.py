"""The directory on both databases: stored, found, exported, and what a person is shown."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy.ext.asyncio import AsyncEngine

from hotline.directory import Category, load_regions
from hotline.directory.files import Format, read, write
from hotline.directory.service import DirectoryService
from hotline.storage import db
from hotline.storage.unit_of_work import SqlUnitsOfWork
from tests.conftest import make_settings

DATA = Path(__file__).parent / "directory_data"
GEORGIA = load_regions("GE")
# A Tuesday, 10:00 in Tbilisi (UTC+4 all year).
TUESDAY_MORNING = datetime(2027, 3, 23, 6, 0, tzinfo=UTC)


@pytest.fixture
async def engine(database_url: str, tmp_path: Path) -> AsyncIterator[AsyncEngine]:
    settings = make_settings(tmp_path, database_url)
    engine = db.create_engine(settings.database_url)
    await db.upgrade(engine)
    yield engine
    await engine.dispose()


@pytest.fixture
def directory(engine: AsyncEngine) -> DirectoryService:
    return DirectoryService(SqlUnitsOfWork(engine), GEORGIA)


async def test_an_hsds_file_stored_and_exported_gives_the_same_rows(
    directory: DirectoryService, tmp_path: Path
) -> None:
    first = read(DATA / "hsds-service.json", GEORGIA)
    await directory.store(first)
    exported = await directory.export()
    assert exported.sorted() == first.sorted()
    write(exported, Format.HSDS_JSON, tmp_path / "out.json")
    await directory.store(read(tmp_path / "out.json", GEORGIA))  # imported again: replaced
    assert (await directory.export()).sorted() == first.sorted()
    assert await directory.count() == 1


async def test_a_tabular_package_stored_round_trips(
    directory: DirectoryService, tmp_path: Path
) -> None:
    first = read(DATA / "hsds-package", GEORGIA)
    await directory.store(first)
    write(await directory.export(), Format.HSDS_CSV, tmp_path / "package")
    await directory.store(read(tmp_path / "package", GEORGIA))
    assert (await directory.export()).sorted() == first.sorted()


async def test_the_nested_service_has_its_organization_places_phones_and_hours(
    directory: DirectoryService,
) -> None:
    tables = read(DATA / "hsds-service.json", GEORGIA)
    await directory.store(tables)
    service_id = str(tables.of("services")[0]["id"])
    nested = await directory.service(service_id)
    assert nested is not None
    assert nested["organization"]["name"] == "Example Organization Inc."
    (place,) = nested["service_at_locations"]
    assert place["location"]["id"]
    assert nested["phones"]
    assert nested["schedules"]


async def test_the_sample_loads_into_an_empty_directory_once(
    directory: DirectoryService, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO):
        loaded = await directory.load_sample_if_empty()
    assert loaded == 8
    assert "loaded the shipped sample for GE" in caplog.text
    assert await directory.load_sample_if_empty() == 0
    assert await directory.count() == 8


async def test_three_servers_starting_at_once_on_a_new_database_load_the_sample_once(
    postgres_url: str, tmp_path: Path
) -> None:
    """Replicas starting together each find the directory empty: one loads, none fails."""
    url = make_settings(tmp_path, postgres_url).database_url
    engines = [db.create_engine(url) for _ in range(3)]
    try:
        await db.upgrade(engines[0])
        services = [DirectoryService(SqlUnitsOfWork(e), GEORGIA) for e in engines]
        loaded = await asyncio.gather(*(s.load_sample_if_empty() for s in services))
        assert sorted(loaded) == [0, 0, 8]
        assert await services[0].count() == 8
    finally:
        for engine in engines:
            await engine.dispose()


async def test_a_deployment_s_own_data_replaces_the_sample(
    directory: DirectoryService, tmp_path: Path
) -> None:
    await directory.load_sample_if_empty()
    own = tmp_path / "own.csv"
    own.write_text(
        "organization,service,description,categories,region,phone,hours\n"
        "Our office,Job club,Weekly job club,employment,GE-IM,+995 431 00 00 00,Th 10:00-12:00\n",
        encoding="utf-8",
    )
    stored = await directory.store(read(own, GEORGIA))
    assert stored.sample_removed == 8
    exported = await directory.export()
    assert [s["name"] for s in exported.of("services")] == ["Job club"]
    assert exported.count("phones") == 1  # nothing of the sample is left


async def test_find_gives_real_entries_first_with_today_s_hours_in_the_language(
    directory: DirectoryService,
) -> None:
    await directory.load_sample_if_empty()
    found = await directory.find(
        region="GE-TB", category=None, language="ka", now=TUESDAY_MORNING, limit=3
    )
    assert found.total == 8  # the national hotline counts in every region
    first = found.entries[0]
    assert first.name.startswith("ყოფილ პატიმართა")
    assert first.phone == "2 145 145"
    assert first.open_now  # 24/7
    assert not first.example
    assert all(entry.example for entry in found.entries[1:])
    assert all(entry.name.startswith("მაგალითი") for entry in found.entries[1:])


async def test_a_category_narrows_the_search_and_hours_are_today_s(
    directory: DirectoryService,
) -> None:
    await directory.load_sample_if_empty()
    found = await directory.find(
        region="GE-TB", category="legal-aid", language="en", now=TUESDAY_MORNING
    )
    (entry,) = found.entries
    assert entry.name == "Example: free legal aid and debt advice"
    assert [f"{o.opens:%H:%M}-{o.closes:%H:%M}" for o in entry.hours_today] == ["10:00-17:00"]
    assert entry.zone == "Asia/Tbilisi"
    assert entry.open_now  # 10:00 in Tbilisi, when it opens
    assert entry.map_link is not None
    assert entry.map_link.startswith("https://www.openstreetmap.org/?mlat=41.")
    wednesday = await directory.find(
        region="GE-TB", category="legal-aid", language="en",
        now=datetime(2027, 3, 24, 8, 0, tzinfo=UTC),
    )  # fmt: skip
    assert wednesday.entries[0].hours_today == ()  # Tuesdays and Thursdays only


async def test_categories_lists_only_those_with_services(directory: DirectoryService) -> None:
    await directory.load_sample_if_empty()
    categories = await directory.categories("GE-IM")  # only the national hotline there
    assert categories == [Category.SOCIAL_BENEFITS, Category.FAMILY]
    assert len(await directory.categories("GE-TB")) == 12


async def test_nearest_lists_places_by_distance(directory: DirectoryService) -> None:
    await directory.load_sample_if_empty()
    nearby = await directory.nearest(41.6934, 44.8015, language="ru", now=TUESDAY_MORNING)
    assert len(nearby) == 3
    distances = [entry.distance_km for entry in nearby]
    assert distances == sorted(distances)
    assert nearby[0].name == "Пример: центр занятости и обучения"
    housing = await directory.nearest(
        41.70, 44.80, language="en", now=TUESDAY_MORNING, category="housing"
    )
    assert [entry.name for entry in housing] == ["Example: night shelter"]


async def test_a_text_search_finds_words_in_any_language(directory: DirectoryService) -> None:
    await directory.load_sample_if_empty()
    total, services = await directory.page(page=1, per_page=10, text="ПРИЮТ")
    assert total == 1
    assert services[0]["name"] == "Example: night shelter"
