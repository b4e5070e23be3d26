"""Load the course's datasets by name: parsed, typed and validated against ``data/datapackage.json``."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import pandas as pd

from . import paths
from .rules import check_rows
from .validation import DataValidationError, Problem, check_foreign_keys, read_rows, validate_table

PANDAS_TYPES = {"integer": "Int64", "year": "Int64", "number": "float64", "boolean": "boolean", "string": "str"}


@lru_cache(maxsize=4)
def _package(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def _resources(package_path: Path) -> dict[str, dict]:
    return {r["name"]: r for r in _package(package_path)["resources"]}


def list_datasets(package_path: Path | None = None) -> list[str]:
    """The names of the course's datasets, e.g. ``['countries', 'events', ...]``."""
    return list(_resources(package_path or paths.DATAPACKAGE))


def describe(name: str | None = None, package_path: Path | None = None):
    """The data dictionary of one dataset (each column, its type and what it means), shown in full;
    without a name, the list of datasets with their titles."""
    from .display import show

    package_path = Path(package_path or paths.DATAPACKAGE)
    if name is None:
        return show(pd.DataFrame([(r["name"], r.get("title", ""), r.get("description", ""))
                                  for r in _resources(package_path).values()],
                                 columns=["dataset", "what it holds", "one row is"]))
    resource = _resource(name, package_path)
    return show(pd.DataFrame(
        [(f["name"], f.get("type", "string"), f.get("description", "")) for f in resource["schema"]["fields"]],
        columns=["column", "type", "meaning"]))


def _resource(name: str, package_path: Path) -> dict:
    resources = _resources(package_path)
    if name not in resources:
        known = ", ".join(resources)
        raise DataValidationError([Problem(f"{name}.csv", None, None,
                                           f"there is no dataset called '{name}'; the datasets are: {known}")])
    return resources[name]


@lru_cache(maxsize=64)
def _records(name: str, package_path: Path) -> tuple[dict, ...]:
    resource = _resource(name, package_path)
    csv_path = package_path.parent / resource["path"]
    label = f"data/{resource['path']}"
    if not csv_path.exists():
        raise DataValidationError([Problem(label, None, None, "file not found")])
    schema = resource["schema"]
    header, rows = read_rows(csv_path, label)
    records, problems = validate_table(label, header, rows, schema)
    if not problems:
        problems += check_rows(name, label, records, schema)
        problems += check_foreign_keys(label, records, schema,
                                       lambda res, col: {r[col] for r in _records(res, package_path)})
    if problems:
        raise DataValidationError(problems)
    return tuple(records)


@lru_cache(maxsize=64)
def _frame(name: str, package_path: Path) -> pd.DataFrame:
    fields = _resource(name, package_path)["schema"]["fields"]
    frame = pd.DataFrame.from_records(list(_records(name, package_path)), columns=[f["name"] for f in fields])
    for field in fields:
        kind, column = field.get("type", "string"), field["name"]
        if kind == "date":
            frame[column] = pd.to_datetime(frame[column])
        elif kind in PANDAS_TYPES:
            frame[column] = frame[column].astype(PANDAS_TYPES[kind])
    return frame


def load(name: str, package_path: Path | None = None) -> pd.DataFrame:
    """One dataset as a DataFrame, e.g. ``load("treaties")``.

    Dates are datetimes, whole numbers ``Int64``, list columns (such as the
    parties of a treaty) Python lists. A file that breaks its schema raises
    ``DataValidationError`` naming the file, the row and the field.
    The result is a fresh copy: change it freely.
    """
    return _frame(name, Path(package_path or paths.DATAPACKAGE).resolve()).copy()


def dataset_with_key(column: str, package_path: Path | None = None) -> str | None:
    """The dataset whose rows are identified by ``column`` (e.g. 'treaty_id' -> 'treaties'), or None."""
    for name, resource in _resources(package_path or paths.DATAPACKAGE).items():
        if resource["schema"].get("primaryKey") == column:
            return name
    return None


def row_key(record: dict, primary_key: str | list[str]) -> str:
    """The key of one row: its primary key, several fields joined by '@' (dates as YYYY-MM-DD)."""
    fields = [primary_key] if isinstance(primary_key, str) else primary_key
    return "@".join(str(record[f]) for f in fields)


def row_keys(name: str, package_path: Path | None = None) -> list[str]:
    """The keys of every row of a dataset, in file order (``'Cuba@1952-03-21'`` for recognitions)."""
    package_path = Path(package_path or paths.DATAPACKAGE).resolve()
    primary = _resource(name, package_path)["schema"]["primaryKey"]
    return [row_key(record, primary) for record in _records(name, package_path)]


def validate_all(package_path: Path | None = None) -> dict[str, int]:
    """Validate every dataset; return the number of rows of each."""
    package_path = Path(package_path or paths.DATAPACKAGE).resolve()
    return {name: len(_records(name, package_path)) for name in list_datasets(package_path)}


def clear_cache() -> None:
    """Forget loaded data (after editing a CSV file in the same session)."""
    for cached in (_package, _records, _frame):
        cached.cache_clear()
