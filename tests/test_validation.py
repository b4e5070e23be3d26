"""Broken copies of every dataset fail with a message naming the file, the row and the field."""
from __future__ import annotations

import csv
import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from utils import data
from utils.paths import DATAPACKAGE
from utils.validation import DataValidationError

PACKAGE = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))
RESOURCES = {r["name"]: r for r in PACKAGE["resources"]}


def fields_of(name: str, kind: str | None = None) -> list[str]:
    return [f["name"] for f in RESOURCES[name]["schema"]["fields"] if kind is None or f.get("type") == kind]


def read(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def write(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows(rows)


def set_cell(path: Path, row: int, field: str, value: str) -> None:
    rows = read(path)
    rows[row][rows[0].index(field)] = value
    write(path, rows)


def failure(name: str, package: Path) -> str:
    with pytest.raises(DataValidationError) as caught:
        data.load(name, package)
    return str(caught.value)


@pytest.mark.parametrize("name", list(RESOURCES))
def test_missing_column_is_named(name, data_copy):
    path = data_copy.parent / RESOURCES[name]["path"]
    rows = read(path)
    dropped = rows[0][1]
    write(path, [r[:1] + r[2:] for r in rows])
    message = failure(name, data_copy)
    assert f"data/{name}.csv" in message and f"field '{dropped}'" in message and "missing" in message


@pytest.mark.parametrize("name", [n for n in RESOURCES if fields_of(n, "date")])
def test_bad_date_is_named_with_row_and_field(name, data_copy):
    field = fields_of(name, "date")[0]
    set_cell(data_copy.parent / RESOURCES[name]["path"], 3, field, "1939-02-30")
    message = failure(name, data_copy)
    assert f"data/{name}.csv, row 3 (line 4), field '{field}'" in message
    assert "'1939-02-30' is not a date written YYYY-MM-DD" in message


@pytest.mark.parametrize("name", [n for n in RESOURCES if RESOURCES[n]["schema"].get("foreignKeys")])
def test_unknown_country_is_named(name, data_copy):
    field = RESOURCES[name]["schema"]["foreignKeys"][0]["fields"]
    set_cell(data_copy.parent / RESOURCES[name]["path"], 2, field, "Atlantis")
    message = failure(name, data_copy)
    assert f"row 2 (line 3), field '{field}': 'Atlantis' is not in countries.csv" in message


@pytest.mark.parametrize("name", list(RESOURCES))
def test_duplicate_key_is_named(name, data_copy):
    path = data_copy.parent / RESOURCES[name]["path"]
    rows = read(path)
    write(path, rows + [rows[1]])
    message = failure(name, data_copy)
    assert f"row {len(rows)} (line {len(rows) + 1})" in message and "duplicate key" in message
    assert "already used in row 1" in message


@pytest.mark.parametrize("name", list(RESOURCES))
def test_empty_file_is_reported(name, data_copy):
    (data_copy.parent / RESOURCES[name]["path"]).write_text("", encoding="utf-8")
    assert f"data/{name}.csv: is empty" in failure(name, data_copy)


@pytest.mark.parametrize("name", list(RESOURCES))
def test_wrong_encoding_is_reported(name, data_copy):
    path = data_copy.parent / RESOURCES[name]["path"]
    text = path.read_text(encoding="utf-8")
    lines = text.split("\n")
    lines[2] = lines[2] + "Krak\u00f3w"  # the third line, saved as Latin-1 below
    path.write_bytes("\n".join(lines).encode("latin-1", errors="replace"))
    message = failure(name, data_copy)
    assert f"data/{name}.csv" in message and "is not UTF-8 text" in message


@pytest.mark.parametrize("name", [n for n in RESOURCES if any(
    "enum" in f.get("constraints", {}) for f in RESOURCES[n]["schema"]["fields"])])
def test_value_outside_its_list_is_named(name, data_copy):
    field = next(f["name"] for f in RESOURCES[name]["schema"]["fields"] if "enum" in f.get("constraints", {}))
    set_cell(data_copy.parent / RESOURCES[name]["path"], 1, field, "banana")
    message = failure(name, data_copy)
    assert f"row 1 (line 2), field '{field}': 'banana' is not one of the allowed values" in message


@pytest.mark.parametrize("name", [n for n in RESOURCES if RESOURCES[n]["schema"].get("x-ordered")])
def test_end_before_start_is_named(name, data_copy):
    lower, upper = RESOURCES[name]["schema"]["x-ordered"][0]
    path = data_copy.parent / RESOURCES[name]["path"]
    rows = read(path)
    header = rows[0]
    row = next(i for i, r in enumerate(rows[1:], 1) if r[header.index(lower)] and r[header.index(upper)])
    low = rows[row][header.index(lower)]
    smaller = str(int(low) - 1) if low.isdigit() else (date.fromisoformat(low) - timedelta(days=1)).isoformat()
    set_cell(path, row, upper, smaller)
    message = failure(name, data_copy)
    assert f"row {row} (line {row + 1}), field '{upper}'" in message and f"comes before {lower}" in message


def test_a_row_with_too_few_cells_is_named(data_copy):
    path = data_copy.parent / "events.csv"
    rows = read(path)
    write(path, rows[:5] + [rows[5][:3]] + rows[6:])
    assert "data/events.csv, row 5 (line 6): has 3 cells" in failure("events", data_copy)


def test_unknown_dataset_lists_the_real_ones():
    with pytest.raises(DataValidationError, match="no dataset called 'treaty'.*treaties"):
        data.load("treaty")


def test_error_shows_as_a_message_in_ipython(data_copy):
    set_cell(data_copy.parent / "events.csv", 1, "date", "not a date")
    with pytest.raises(DataValidationError) as caught:
        data.load("events", data_copy)
    rendered = caught.value._render_traceback_()
    assert rendered[0].startswith("DataValidationError: 1 problem in the course data")
    assert "Traceback" not in "".join(rendered)


def test_events_are_stored_in_date_order():
    """Readers scan events.csv by eye: keep it sorted by date."""
    from utils import load

    dates = load("events")["date"]
    assert dates.is_monotonic_increasing, "sort data/events.csv by date"


@pytest.mark.parametrize("name", ["conflicts", "support"])
def test_a_row_flagged_wrongly_as_after_stalin_is_named(name, data_copy):
    path = data_copy.parent / RESOURCES[name]["path"]
    set_cell(path, 1, "after_stalin", "true")  # the first rows begin in the 1920s
    message = failure(name, data_copy)
    assert "row 1 (line 2), field 'after_stalin': is true but the row begins on" in message
    assert "before Stalin's death on 1953-03-05" in message


def test_a_claim_with_a_verdict_outside_the_five_is_named(data_copy):
    set_cell(data_copy.parent / "claims.csv", 1, "verdict", "true")
    assert "row 1 (line 2), field 'verdict': 'true' is not one of the allowed values" in failure("claims", data_copy)
