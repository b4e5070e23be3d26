"""Checks across fields of one row that a Table Schema cannot express.

The schema names ordered pairs of fields under ``x-ordered`` (the first may not
exceed the second); the few rules specific to one dataset are below.
"""
from __future__ import annotations

from typing import Callable

from .periods import PERIOD_BY_KEY, STALIN_DEATH, period_of
from .validation import Problem

Rule = Callable[[dict], tuple[str, str] | None]


def ordered_pairs(label: str, records: list[dict], schema: dict) -> list[Problem]:
    problems = []
    for lower, upper in schema.get("x-ordered", []):
        for number, record in enumerate(records, start=1):
            low, high = record.get(lower), record.get(upper)
            if low is not None and high is not None and high < low:
                problems.append(Problem(label, number, upper, f"{high} comes before {lower} {low}"))
    return problems


def _event_period(record: dict) -> tuple[str, str] | None:
    day, key = record.get("date"), record.get("period")
    if day is None or key not in PERIOD_BY_KEY:
        return None
    expected = period_of(day).key
    return None if expected == key else ("period", f"'{key}' does not fit the date {day} (expected '{expected}')")


def _treaty_scope(record: dict) -> tuple[str, str] | None:
    parties, scope = record.get("parties"), record.get("scope")
    if not parties or scope is None:
        return None
    expected = "bilateral" if len(parties) == 2 else "multilateral"
    return None if scope == expected else ("scope", f"is '{scope}' but {len(parties)} parties are listed")


def _treaty_end(record: dict) -> tuple[str, str] | None:
    ended, manner = record.get("end_date"), record.get("end_manner")
    if manner == "not ended by 1953" and ended is not None:
        return ("end_manner", "says 'not ended by 1953' but an end date is given")
    if manner not in (None, "not ended by 1953") and ended is None:
        return ("end_date", f"is empty but the treaty ended ('{manner}')")
    return None


def _after_stalin(record: dict) -> tuple[str, str] | None:
    """The flag ``after_stalin`` is true exactly when the row begins after 5 March 1953."""
    start, flag = record.get("start"), record.get("after_stalin")
    if start is None or flag is None:
        return None
    expected = start > STALIN_DEATH
    if flag == expected:
        return None
    return ("after_stalin", f"is {str(flag).lower()} but the row begins on {start}, "
                            f"{'after' if expected else 'before'} Stalin's death on {STALIN_DEATH:%Y-%m-%d}")


ROW_RULES: dict[str, list[Rule]] = {
    "events": [_event_period],
    "treaties": [_treaty_scope, _treaty_end],
    "conflicts": [_after_stalin],
    "support": [_after_stalin],
}


def check_rows(name: str, label: str, records: list[dict], schema: dict) -> list[Problem]:
    """All cross-field problems of one dataset."""
    problems = ordered_pairs(label, records, schema)
    for rule in ROW_RULES.get(name, []):
        for number, record in enumerate(records, start=1):
            found = rule(record)
            if found:
                problems.append(Problem(label, number, found[0], found[1]))
    return problems
