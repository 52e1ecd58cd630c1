"""Directory files and opening hours, without a database: what a coordinator and a caller see."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from hotline.directory import DirectoryError, load_regions
from hotline.directory.files import Format, read, write
from hotline.directory.hours import open_at, openings
from hotline.directory.hsds import read_json, validator, write_json
from hotline.directory.model import Row, Tables
from hotline.directory.simple import read_simple
from hotline.directory.simple_export import write_simple

DATA = Path(__file__).parent / "directory_data"
GEORGIA = load_regions("GE")
CROATIA = load_regions("HR")
HEADER = "organization,service,description,categories,region,phone,email,hours,address,city\n"


def sheet(tmp_path: Path, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "coordinator.csv"
    path.write_text(header + "".join(row + "\n" for row in rows), encoding="utf-8")
    return path


def test_an_hsds_json_file_is_read_into_every_table_of_its_service() -> None:
    tables = read_json(DATA / "hsds-service.json")
    counts = {name: len(rows) for name, rows in tables.rows.items()}
    assert counts["services"] == 1
    assert counts["organizations"] == 1
    assert counts["locations"] == 1
    assert counts["phones"] >= 1
    assert counts["schedules"] >= 1
    (phone,) = [p for p in tables.of("phones") if p.get("service_id")]
    assert phone["service_id"] == tables.of("services")[0]["id"]  # the parent is kept


def test_a_tabular_package_is_read_table_by_table() -> None:
    tables = read(DATA / "hsds-package", GEORGIA)
    assert tables.count("services") == 1
    assert tables.count("service_at_location") == 1
    assert tables.count("taxonomy_terms") == 1


def test_an_hsds_json_round_trip_keeps_every_row(tmp_path: Path) -> None:
    first = read_json(DATA / "hsds-service.json")
    out = io.StringIO()
    write_json(first, out)
    (tmp_path / "again.json").write_text(out.getvalue(), encoding="utf-8")
    again = read_json(tmp_path / "again.json")
    assert again.sorted() == first.sorted()


def test_a_tabular_package_round_trip_keeps_every_row(tmp_path: Path) -> None:
    first = read(DATA / "hsds-package", GEORGIA)
    write(first, Format.HSDS_CSV, tmp_path / "package")
    again = read(tmp_path / "package", GEORGIA)
    assert again.sorted() == first.sorted()


def test_what_is_exported_as_json_is_valid_hsds() -> None:
    first = read(DATA / "hsds-package", GEORGIA)
    out = io.StringIO()
    write_json(first, out)
    for service in json.loads(out.getvalue()):
        assert list(validator("service").iter_errors(service)) == []


def test_a_bad_hsds_json_file_names_the_service_the_field_and_why(tmp_path: Path) -> None:
    service = json.loads((DATA / "hsds-service.json").read_text(encoding="utf-8"))
    broken = dict(service, status="open")
    del broken["name"]
    (tmp_path / "bad.json").write_text(json.dumps([service, broken]), encoding="utf-8")
    with pytest.raises(DirectoryError) as caught:
        read_json(tmp_path / "bad.json")
    reasons = {(p.line, p.field): p.reason for p in caught.value.problems}
    assert reasons[(2, "name")] == "is required"
    assert "is not one of" in reasons[(2, "status")]
    assert all(line == 2 for line, _ in reasons)  # the first service is fine


def test_a_broken_json_file_is_one_clear_problem(tmp_path: Path) -> None:
    (tmp_path / "bad.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(DirectoryError, match="not readable JSON"):
        read_json(tmp_path / "bad.json")


def test_a_simple_sheet_becomes_hsds_with_translations(tmp_path: Path) -> None:
    path = sheet(
        tmp_path,
        'Liga,Program resocijalizacije,Grupe podrške,"addiction-aftercare support-groups",'
        "HR-17,+385 21 314-412,liga@liga.hr,Mo-Fr 08:00-16:00,Ulica bana Josipa Jelačića 4,Split",
        header=HEADER.rstrip("\n") + ",service_en\n",
    )
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + ",Resocialization program\n")
    tables = read_simple(path, CROATIA)
    (service,) = tables.of("services")
    assert service["name"] == "Program resocijalizacije"
    assert service["x_translations"] == {"en": {"name": "Resocialization program"}}
    assert service["x_categories"] == ["addiction-aftercare", "support-groups"]
    (schedule,) = tables.of("schedules")
    assert (schedule["byday"], schedule["opens_at"], schedule["closes_at"]) == (
        "MO,TU,WE,TH,FR",
        "08:00",
        "16:00",
    )
    assert schedule["x_timezone"] == "Europe/Zagreb"
    (address,) = tables.of("addresses")
    assert address["state_province"] == "Split-Dalmatia County"
    for name, schema in (("services", "service"), ("locations", "location")):
        for row in tables.of(name):
            assert list(validator(schema).iter_errors(row)) == []


def test_a_sheet_with_bad_rows_reads_nothing_and_names_every_problem(tmp_path: Path) -> None:
    path = sheet(
        tmp_path,
        "Liga,Program,Opis,support-groups,HR-17,+385 21 314-412,liga@liga.hr,Mo-Fr 08:00-16:00,,",
        "Liga,,Opis,jobs,HR-99,,not-an-email,Mon 9-5,,",
        "Liga,Other,Opis,housing,HR-21,,,,Ilica 1,",
    )
    with pytest.raises(DirectoryError) as caught:
        read_simple(path, CROATIA)
    found = {(p.line, p.field): p.reason for p in caught.value.problems}
    assert set(found) == {
        (3, "service"),
        (3, "categories"),
        (3, "region"),
        (3, "hours"),
        (3, "email"),
        (4, "city"),
    }
    assert found[(3, "service")] == "is required"
    assert "'jobs' is not one of" in found[(3, "categories")]
    assert "'HR-99' is not a region of HR" in found[(3, "region")]
    message = str(caught.value)
    assert "coordinator.csv, line 3, region:" in message
    assert "nothing imported" in message


def test_a_sheet_with_an_unknown_column_is_refused_before_any_row(tmp_path: Path) -> None:
    path = sheet(tmp_path, "a,b,c,housing,HR-21,,,,,,x", header=HEADER.rstrip("\n") + ",phone2\n")
    with pytest.raises(DirectoryError) as caught:
        read_simple(path, CROATIA)
    assert [str(p) for p in caught.value.problems] == [
        "coordinator.csv, line 1, phone2: not a column of the sheet"
    ]


def test_an_invalid_email_is_caught_by_the_hsds_schema(tmp_path: Path) -> None:
    path = sheet(tmp_path, "Org,Service,Text,housing,HR-21,,not an email,,,")
    with pytest.raises(DirectoryError) as caught:
        read_simple(path, CROATIA)
    assert [(p.line, p.field) for p in caught.value.problems] == [(2, "email")]


def test_a_simple_sheet_round_trips(tmp_path: Path) -> None:
    first = read(Path("hotline/directory/sample/CZ.csv"), load_regions("CZ"))
    out = io.StringIO()
    write_simple(first, out)
    (tmp_path / "again.csv").write_text(out.getvalue(), encoding="utf-8")
    again = read(tmp_path / "again.csv", load_regions("CZ"))
    assert again.sorted() == first.sorted()


@pytest.mark.parametrize("country", ["GE", "CZ", "HR", "SI"])
def test_every_shipped_sample_reads_with_texts_in_all_six_languages(country: str) -> None:
    tables = read(Path(f"hotline/directory/sample/{country}.csv"), load_regions(country))
    assert tables.count("services") >= 4
    for service in tables.of("services"):
        assert service.get("x_sample") is True
        translations = service["x_translations"]
        assert isinstance(translations, dict)
        assert set(translations) == {"ka", "ru", "hr", "cs", "sl", "en"}
        for own in translations.values():
            assert isinstance(own, dict)
            assert own["name"]
            assert own["description"]


def test_example_entries_are_marked_and_have_obviously_fake_numbers() -> None:
    for country in ("GE", "CZ", "HR", "SI"):
        tables = read(Path(f"hotline/directory/sample/{country}.csv"), load_regions(country))
        examples = {str(s["id"]) for s in tables.of("services") if s.get("x_example")}
        assert examples
        for phone in tables.of("phones"):
            if phone["service_id"] in examples:
                digits = str(phone["number"]).split(" ", 1)[1]
                assert set(digits) <= {"0", " "}


@pytest.mark.parametrize(
    ("country", "count", "names"),
    [("GE", 12, {"ka", "en", "ru"}), ("CZ", 14, {"cs", "en"}), ("HR", 21, {"hr", "en"}),
     ("SI", 12, {"sl", "en"})],
)  # fmt: skip
def test_each_country_has_its_regions_named(country: str, count: int, names: set[str]) -> None:
    regions = load_regions(country)
    assert len(regions.regions) == count
    assert all(set(region.names) == names for region in regions.regions)
    assert regions.get(regions.regions[0].code.lower()) == regions.regions[0]


# -- opening hours --------------------------------------------------------------------------

WEEKDAYS: list[Row] = [{"id": "s", "freq": "WEEKLY", "byday": "MO,TU,WE,TH,FR",
                        "opens_at": "08:00", "closes_at": "16:00"}]  # fmt: skip
ZAGREB = ZoneInfo("Europe/Zagreb")


def test_opening_hours_are_local_wall_clock_times_on_both_sides_of_dst() -> None:
    # Summer time in Croatia began on Sunday 28 March 2027 at 02:00.
    before = openings(WEEKDAYS, date(2027, 3, 26), ZAGREB)  # Friday, CET (UTC+1)
    after = openings(WEEKDAYS, date(2027, 3, 29), ZAGREB)  # Monday, CEST (UTC+2)
    assert [o.opens.astimezone(UTC).hour for o in before] == [7]
    assert [o.opens.astimezone(UTC).hour for o in after] == [6]
    half_past_six_utc = datetime(2027, 3, 29, 6, 30, tzinfo=UTC)
    assert open_at(after, half_past_six_utc)  # 08:30 in Zagreb
    assert not open_at(before, datetime(2027, 3, 26, 6, 30, tzinfo=UTC))  # 07:30 in Zagreb


def test_a_night_shift_runs_into_the_next_morning_across_the_autumn_change() -> None:
    night: list[Row] = [{"id": "n", "byday": "SA", "opens_at": "19:00", "closes_at": "08:00"}]
    # Winter time began on Sunday 31 October 2027: that night is an hour longer.
    (opening,) = openings(night, date(2027, 10, 30), ZAGREB)
    assert (opening.closes.astimezone(UTC) - opening.opens.astimezone(UTC)).total_seconds() == (
        14 * 3600
    )
    assert open_at([opening], datetime(2027, 10, 31, 6, 30, tzinfo=UTC))  # 07:30 CET


def test_schedules_outside_their_validity_do_not_open() -> None:
    limited: list[Row] = [dict(WEEKDAYS[0], valid_to="2027-03-01")]
    assert openings(limited, date(2027, 3, 1), ZAGREB)
    assert not openings(limited, date(2027, 3, 2), ZAGREB)


def test_an_empty_directory_exports_as_empty_files(tmp_path: Path) -> None:
    out = io.StringIO()
    write_json(Tables(), out)
    assert out.getvalue() == "[]\n"
