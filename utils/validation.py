"""Check a CSV file against its Table Schema in ``data/datapackage.json``.

A small, fast subset of the Frictionless Table Schema: the field types
``string``, ``integer``, ``number``, ``boolean``, ``date``, ``year`` and
``list`` (items joined by ``delimiter``); the constraints ``required``,
``unique``, ``enum``, ``minimum``, ``maximum``, ``pattern``, ``maxLength``;
``primaryKey``; and ``foreignKeys`` (a list field checks every item).
Every problem is reported with the file, the row and the field.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable

MAX_LISTED = 10


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a data file. ``row`` counts data rows from 1 (the header is line 1)."""

    file: str
    row: int | None
    field: str | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.row is not None:
            where.append(f"row {self.row} (line {self.row + 1})")
        if self.field is not None:
            where.append(f"field '{self.field}'")
        return ", ".join(where) + ": " + self.message


class DataValidationError(ValueError):
    """A data file does not match its schema. ``problems`` lists every problem found."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        shown = "\n".join(f"  - {p}" for p in problems[:MAX_LISTED])
        more = f"\n  … and {len(problems) - MAX_LISTED} more" if len(problems) > MAX_LISTED else ""
        noun = "problem" if len(problems) == 1 else "problems"
        super().__init__(f"{len(problems)} {noun} in the course data:\n{shown}{more}")

    def _render_traceback_(self) -> list[str]:
        # IPython shows this instead of a traceback: the learner sees what is wrong, not our internals.
        return [f"DataValidationError: {self}"]


def read_rows(path: Path, label: str) -> tuple[list[str], list[list[str]]]:
    """Header and rows of a UTF-8 CSV file; encoding and emptiness problems are reported by line."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DataValidationError([Problem(label, line - 1 if line > 1 else None, None,
                                           f"is not UTF-8 text (bad byte at line {line}); save it as UTF-8")]) from None
    rows = list(csv.reader(io.StringIO(text, newline="")))
    rows = [r for r in rows if r]  # csv gives [] for blank lines
    if not rows:
        raise DataValidationError([Problem(label, None, None, "is empty: expected a header row and data rows")])
    return rows[0], rows[1:]


def _parse_date(text: str) -> date:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        raise ValueError
    return date.fromisoformat(text)


def _parse_bool(text: str) -> bool:
    lowered = text.lower()
    if lowered in ("true", "yes"):
        return True
    if lowered in ("false", "no"):
        return False
    raise ValueError


PARSERS: dict[str, tuple[Callable[[str], Any], str]] = {
    "string": (str, "text"),
    "integer": (int, "a whole number"),
    "number": (float, "a number"),
    "year": (int, "a year such as 1939"),
    "date": (_parse_date, "a date written YYYY-MM-DD"),
    "boolean": (_parse_bool, "true or false"),
}


def _items(field: dict, text: str) -> list[str]:
    return [item.strip() for item in text.split(field.get("delimiter", ";"))]


def _check_value(field: dict, text: str) -> tuple[Any, str | None]:
    """The parsed value of one non-empty cell, or an explanation of what is wrong with it."""
    kind = field.get("type", "string")
    constraints = field.get("constraints", {})
    if kind == "list":
        items = _items(field, text)
        if any(not item for item in items):
            return None, f"'{text}' has an empty item (items are separated by '{field.get('delimiter', ';')}')"
        enum = constraints.get("enum")
        bad = [item for item in items if enum and item not in enum]
        if bad:
            return None, f"'{bad[0]}' is not one of the allowed values"
        return items, None
    parse, expected = PARSERS[kind]
    try:
        value = parse(text)
    except ValueError:
        return None, f"'{text}' is not {expected}"
    if "enum" in constraints and value not in constraints["enum"]:
        allowed = ", ".join(map(str, constraints["enum"]))
        return None, f"'{text}' is not one of the allowed values ({allowed})"
    if "pattern" in constraints and not re.fullmatch(constraints["pattern"], text):
        return None, f"'{text}' does not match the pattern {constraints['pattern']}"
    if "maxLength" in constraints and len(text) > constraints["maxLength"]:
        return None, f"is {len(text)} characters long (at most {constraints['maxLength']})"
    for bound, ok in (("minimum", lambda v, b: v >= b), ("maximum", lambda v, b: v <= b)):
        if bound in constraints:
            limit = constraints[bound]
            limit = _parse_date(limit) if kind == "date" else limit
            if not ok(value, limit):
                return None, f"'{text}' is {'below the minimum' if bound == 'minimum' else 'above the maximum'} {constraints[bound]}"
    return value, None


def validate_table(label: str, header: list[str], rows: list[list[str]], schema: dict) -> tuple[list[dict], list[Problem]]:
    """Parse rows against a Table Schema: the typed records, and every problem found."""
    problems: list[Problem] = []
    fields = schema["fields"]
    names = [f["name"] for f in fields]
    missing = [n for n in names if n not in header]
    unknown = [h for h in header if h not in names]
    for name in missing:
        problems.append(Problem(label, None, name, "column is missing from the header"))
    for name in unknown:
        problems.append(Problem(label, None, name, "is not a column of this dataset (check the spelling)"))
    if missing or unknown:
        return [], problems

    position = {name: header.index(name) for name in names}
    records: list[dict] = []
    for number, row in enumerate(rows, start=1):
        if len(row) != len(header):
            problems.append(Problem(label, number, None, f"has {len(row)} cells, the header has {len(header)}"))
            continue
        record: dict[str, Any] = {}
        for field in fields:
            text = row[position[field["name"]]].strip()
            if not text:
                if field.get("constraints", {}).get("required"):
                    problems.append(Problem(label, number, field["name"], "is empty but required"))
                record[field["name"]] = None
                continue
            value, error = _check_value(field, text)
            if error:
                problems.append(Problem(label, number, field["name"], error))
            record[field["name"]] = value
        records.append(record)
    problems += _check_uniqueness(label, records, schema)
    return records, problems


def _check_uniqueness(label: str, records: list[dict], schema: dict) -> list[Problem]:
    problems = []
    keys = [[f["name"]] for f in schema["fields"] if f.get("constraints", {}).get("unique")]
    primary = schema.get("primaryKey")
    if primary:
        keys.append([primary] if isinstance(primary, str) else list(primary))
    for key in keys:
        seen: dict[tuple, int] = {}
        for number, record in enumerate(records, start=1):
            value = tuple(str(record[k]) for k in key)
            if value in seen:
                shown = ", ".join(value)
                problems.append(Problem(label, number, "+".join(key),
                                        f"duplicate key '{shown}' (already used in row {seen[value]})"))
            else:
                seen[value] = number
    return problems


def check_foreign_keys(label: str, records: list[dict], schema: dict,
                       lookup: Callable[[str, str], set]) -> list[Problem]:
    """Every value (every item, for list fields) must exist in the referenced dataset's column."""
    problems = []
    for fk in schema.get("foreignKeys", []):
        field = fk["fields"] if isinstance(fk["fields"], str) else fk["fields"][0]
        ref = fk["reference"]
        ref_field = ref["fields"] if isinstance(ref["fields"], str) else ref["fields"][0]
        known = lookup(ref["resource"], ref_field)
        for number, record in enumerate(records, start=1):
            value = record.get(field)
            values = value if isinstance(value, list) else [value]
            for item in values:
                if item is not None and item not in known:
                    problems.append(Problem(label, number, field,
                                            f"'{item}' is not in {ref['resource']}.csv ({ref_field})"))
    return problems
