"""Exercises with instant feedback ("Try it" cells).

In a notebook::

    answer = 1933
    check("01.us_recognition", answer)

or, for a question with options, ``quiz("01.rapallo_partner")`` shows radio
buttons and a *Check* button. Answers live in ``utils/exercise_bank/*.json``
only as salted digests (see ``utils.sealing``); the feedback for an answer is
sealed with that answer. The readable sources are in ``teacher/exercises``.

Kinds of exercise and the answers they take:

- ``choice``: one of the options (text).
- ``number``: a number; right within the exercise's tolerance.
- ``year``: a whole year such as 1939.
- ``date``: a date, as ``"YYYY-MM-DD"`` text, ``datetime.date`` or a pandas Timestamp.
- ``order``: a list of the given items, earliest first.
- ``items``: a set of names: a list, a Series, or a DataFrame (its ``column``).
"""
from __future__ import annotations

import html
import json
import math
import numbers
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from .sealing import digest, unseal

BANK_DIR = Path(__file__).resolve().parent / "exercise_bank"
NOT_ANSWERED = "You have not answered yet: replace None with your answer and run the cell again."


class AnswerFormatError(ValueError):
    """The answer is of the wrong kind (text for a year, an empty list …)."""


@dataclass(frozen=True)
class Feedback:
    """What ``check`` says about an answer; shows as a coloured box in the notebook."""

    exercise: str
    status: str  # "correct", "wrong", "invalid"
    message: str

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    _LOOK = {"correct": ("✅ Correct.", "#e6f4ea", "#1e7b34"),
             "wrong": ("❌ Not quite.", "#fdecea", "#b3261e"),
             "invalid": ("⚠️ Check the form of your answer.", "#fff4e5", "#8a5300")}

    def __repr__(self) -> str:
        return f"{self._LOOK[self.status][0]} {self.message}"

    def _repr_html_(self) -> str:
        title, background, border = self._LOOK[self.status]
        return (f'<div style="border-left:4px solid {border};background:{background};padding:6px 10px">'
                f"<b>{html.escape(title)}</b> {html.escape(self.message)}</div>")


# ----------------------------------------------------------------- normalising answers

def _text(value: str) -> str:
    return " ".join(str(value).split()).casefold()


def _describe(value: Any) -> str:
    if isinstance(value, str):
        return f"the text '{value}'"
    return f"a {type(value).__name__}"


def _as_number(value: Any, what: str = "a number") -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        if isinstance(value, str):
            try:
                return float(value.replace(",", "").strip())
            except ValueError:
                pass
        raise AnswerFormatError(f"Your answer should be {what}, but it is {_describe(value)}.")
    number = float(value)
    if math.isnan(number) or math.isinf(number):
        raise AnswerFormatError(f"Your answer should be {what}, not {value}.")
    return number


def _as_year(value: Any) -> int:
    number = _as_number(value, "a year written as a number, e.g. 1939")
    if number != int(number) or not 1000 <= number <= 2100:
        raise AnswerFormatError(f"Your answer should be a whole year such as 1939, not {value}.")
    return int(number)


def _as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if hasattr(value, "to_pydatetime"):  # pandas Timestamp
        return value.to_pydatetime().date()
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            pass
    raise AnswerFormatError(f"Your answer should be a date written like \"1939-08-23\", but it is {_describe(value)}.")


def _as_list(value: Any, column: str | None = None) -> list[str]:
    if hasattr(value, "columns"):  # a DataFrame
        if column and column in value.columns:
            value = value[column]
        elif column and value.index.name == column:
            value = value.index
        else:
            raise AnswerFormatError(f"Your table should have a column '{column}'.")
    if isinstance(value, (str, bytes)) or not hasattr(value, "__iter__"):
        raise AnswerFormatError(f"Your answer should be a list such as [\"A\", \"B\"], but it is {_describe(value)}.")
    items = [str(v) for v in value]
    if not items:
        raise AnswerFormatError("Your answer is an empty list: put at least one item in it.")
    return items


def normalise(exercise: dict, answer: Any) -> list[str]:
    """The normalised forms of an answer that the bank's digests are made from.

    Numbers with a tolerance give their bucket; the other kinds give one string.
    """
    kind = exercise["kind"]
    if kind == "choice":
        if not isinstance(answer, str):
            raise AnswerFormatError(f"Your answer should be one of the options as text, but it is {_describe(answer)}.")
        options = {_text(o): o for o in exercise["options"]}
        if _text(answer) not in options:
            listed = "; ".join(exercise["options"])
            raise AnswerFormatError(f"'{answer}' is not one of the options: {listed}.")
        return [_text(answer)]
    if kind == "number":
        return [str(round(_as_number(answer) / exercise["step"]))]
    if kind == "year":
        return [str(_as_year(answer))]
    if kind == "date":
        return [_as_date(answer).isoformat()]
    if kind == "order":
        items = _as_list(answer)
        expected = {_text(i) for i in exercise["options"]}
        given = [_text(i) for i in items]
        if sorted(given) != sorted(expected):
            listed = "; ".join(exercise["options"])
            raise AnswerFormatError(f"Put each of these items in your list exactly once: {listed}.")
        return ["\x1e".join(given)]
    if kind == "items":
        return ["\x1e".join(sorted({_text(i) for i in _as_list(answer, exercise.get("column"))}))]
    raise ValueError(f"unknown exercise kind {kind!r}")


# ----------------------------------------------------------------- the bank

@lru_cache(maxsize=None)
def _bank(prefix: str) -> dict[str, dict]:
    path = BANK_DIR / f"{prefix}.json"
    if not path.exists():
        return {}
    return {e["id"]: e for e in json.loads(path.read_text(encoding="utf-8"))}


def get_exercise(exercise_id: str) -> dict:
    """The stored (sealed) exercise with this id, e.g. ``"01.us_recognition"``."""
    prefix = exercise_id.split(".", 1)[0]
    bank = _bank(prefix)
    if exercise_id not in bank:
        raise KeyError(f"There is no exercise '{exercise_id}'. Check the name in the cell.")
    return bank[exercise_id]


def evaluate(exercise_id: str, answer: Any) -> Feedback:
    """Judge an answer without displaying anything."""
    exercise = get_exercise(exercise_id)
    if answer is None or answer is Ellipsis:
        return Feedback(exercise_id, "invalid", NOT_ANSWERED)
    try:
        forms = normalise(exercise, answer)
    except AnswerFormatError as problem:
        return Feedback(exercise_id, "invalid", str(problem))
    salt = exercise["id"]
    for form in forms:
        key = digest(salt, form)
        if key in exercise["accepted"]:
            return Feedback(exercise_id, "correct", unseal(exercise["accepted"][key], form))
        if key in exercise.get("wrong", {}):
            return Feedback(exercise_id, "wrong", unseal(exercise["wrong"][key], form))
    return Feedback(exercise_id, "wrong", exercise["hint"])


def check(exercise_id: str, answer: Any) -> Feedback:
    """Check an answer and show the feedback (a wrong kind of answer gets a message, not an error)."""
    return evaluate(exercise_id, answer)


def quiz(exercise_id: str):
    """An interactive version of a ``choice`` or ``order`` exercise: pick, press *Check*, read the feedback."""
    from .widgets.quiz import Quiz

    return Quiz(get_exercise(exercise_id), evaluate)
