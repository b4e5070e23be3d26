"""Reading a learner's answer: the normalised form the exercise bank compares, or a plain message on its form.

Every message says what was wrong with the form of the answer and what to
write instead; none of them gives the answer away.
"""
from __future__ import annotations

import difflib
import math
import numbers
import re
from datetime import date, datetime
from typing import Any

from .wording import join_names

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
SHOWN_CHARACTERS = 40


class AnswerFormatError(ValueError):
    """The answer is of the wrong kind (text for a year, an empty table …); the message says what to write."""


def shown(value: Any) -> str:
    """A value as a learner would recognise it, cut short if it is long."""
    text = repr(value) if isinstance(value, str) else str(value)
    return text if len(text) <= SHOWN_CHARACTERS else text[: SHOWN_CHARACTERS - 1] + "…"


def describe(value: Any) -> str:
    """What kind of thing an answer is, in plain words: 'the text 'abc'', 'a number', 'a table (DataFrame)'."""
    if isinstance(value, str):
        return f"the text {shown(value)}"
    if isinstance(value, bool):
        return f"the truth value {value}"
    if isinstance(value, numbers.Number):
        return f"the number {shown(value)}"
    if hasattr(value, "columns"):
        return "a table (DataFrame)"
    if hasattr(value, "dtype") and hasattr(value, "index"):
        return "a column of a table (Series)"
    if isinstance(value, (list, tuple, set)):
        return "a list"
    if isinstance(value, dict):
        return "a dictionary"
    if isinstance(value, bytes):
        return "bytes"
    return f"a Python object of type {type(value).__name__}"


def _text(value: Any) -> str:
    return " ".join(str(value).split()).casefold()


def as_number(value: Any, what: str = "a number") -> float:
    if isinstance(value, str):
        try:
            value = float(value.replace(",", "").strip())
        except ValueError:
            raise AnswerFormatError(f"Your answer should be {what}, but it is {describe(value)}. "
                                    "Write the number without quotes.") from None
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise AnswerFormatError(f"Your answer should be {what}, but it is {describe(value)}.")
    number = float(value)
    if math.isnan(number) or math.isinf(number):
        raise AnswerFormatError(f"Your answer should be {what}, not {shown(value)}.")
    return number


def as_year(value: Any) -> int:
    number = as_number(value, "a year, written as a number without quotes, e.g. 1939")
    if number != int(number) or not 1000 <= number <= 2100:
        raise AnswerFormatError(f"Your answer should be a whole year such as 1939, not {shown(value)}.")
    return int(number)


def _date_problem(text: str) -> str:
    """Why a text is not a date written YYYY-MM-DD."""
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if not match:
        return f"{shown(text)} is not written like \"1939-08-23\" (year, month, day, joined by dashes)"
    year, month, day = map(int, match.groups())
    if not 1 <= month <= 12:
        return f"there is no month {month}: months run from 01 to 12"
    length = next(d for d in (31, 30, 29, 28) if _exists(year, month, d))
    if not 1 <= day <= length:
        return f"{text} does not exist: {MONTHS[month - 1]} {year} has {length} days"
    return f"write the month and the day with two digits each, e.g. \"{year}-{month:02d}-{day:02d}\""


def _exists(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
        return True
    except ValueError:
        return False


def as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if hasattr(value, "to_pydatetime"):  # a pandas Timestamp
        return value.to_pydatetime().date()
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text) and _exists(*map(int, text.split("-"))):
            return date.fromisoformat(text)
        raise AnswerFormatError(f"That is not a date: {_date_problem(text)}.")
    if isinstance(value, numbers.Number) and not isinstance(value, bool):
        raise AnswerFormatError(f"Your answer is the number {shown(value)}: a date needs quotes, "
                                "\"1939-08-23\". Without them Python subtracts the numbers.")
    raise AnswerFormatError(f"Your answer should be a date written like \"1939-08-23\", but it is {describe(value)}.")


def closest(text: str, candidates: list[str]) -> str | None:
    """The candidate a misspelt text most likely meant (case and spaces ignored), or None."""
    folded = {_text(c): c for c in candidates}
    match = difflib.get_close_matches(_text(text), list(folded), n=1, cutoff=0.6)
    return folded[match[0]] if match else None


def choice(options: list[str], answer: Any) -> str:
    if not isinstance(answer, str):
        raise AnswerFormatError(f"Your answer should be one of the options, as text in quotes, but it is "
                                f"{describe(answer)}.")
    known = {_text(o): o for o in options}
    if _text(answer) not in known:
        close = closest(answer, options)
        guess = f" Did you mean \"{close}\"?" if close else ""
        raise AnswerFormatError(f"{shown(answer)} is not one of the options.{guess} "
                                f"The options are: {'; '.join(options)}.")
    return _text(answer)


def as_items(value: Any, column: str | None = None) -> list[str]:
    """The items of a list, a Series, or a table's ``column``, as text; explains a table or column of the wrong form."""
    if hasattr(value, "columns"):  # a DataFrame
        if value.empty:
            raise AnswerFormatError("Your table is empty: the filter matched no rows. Check the spelling and the "
                                    "capital letters of each value you compare with, and the year.")
        if column and column in value.columns:
            value = value[column]
        elif column and value.index.name == column:
            value = value.index
        else:
            raise AnswerFormatError(f"Your table has no column '{column}', which the check reads. Keep whole rows: "
                                    "filter the table with [...] and do not pick columns from it.")
    elif hasattr(value, "dtype") and hasattr(value, "index"):  # a Series
        if str(value.dtype) in ("bool", "boolean"):
            raise AnswerFormatError("Your answer is a column of True/False values: the test itself, not the rows it "
                                    "picks. Put the test inside the brackets of the table, e.g. "
                                    "treaties[treaties[\"type\"] == \"trade\"], to keep the matching rows.")
        if column and value.name not in (column, None):
            raise AnswerFormatError(f"Your answer is one column of a table ('{value.name}'). The check reads the "
                                    f"column '{column}': give the whole filtered table, without picking a column.")
    if isinstance(value, (str, bytes, dict)) or not hasattr(value, "__iter__"):
        raise AnswerFormatError(f"Your answer should be a list such as [\"A\", \"B\"], but it is {describe(value)}.")
    items = [str(v) for v in value]
    if not items:
        raise AnswerFormatError("Your answer is empty: put at least one item in it.")
    return items


def order(options: list[str], answer: Any) -> list[str]:
    """The items of an ordering answer, each named exactly once; unknown, missing or repeated items are named."""
    items = as_items(answer)
    known = {_text(o): o for o in options}
    given = [_text(i) for i in items]
    problems = []
    unknown = [i for i, g in zip(items, given) if g not in known]
    for item in unknown:
        close = closest(item, options)
        problems.append(f"\"{item}\" is not one of the items" + (f" (did you mean \"{close}\"?)" if close else ""))
    repeated = sorted({known[g] for g in given if g in known and given.count(g) > 1})
    if repeated:
        problems.append(f"{join_names(repeated)} {'is' if len(repeated) == 1 else 'are'} there more than once")
    missing = [o for o in options if _text(o) not in given and not unknown]
    if missing:
        problems.append(f"{join_names(missing)} {'is' if len(missing) == 1 else 'are'} missing")
    if problems:
        message = "; ".join(problems)
        raise AnswerFormatError(message[0].upper() + message[1:] + ". Use each of these items once, in quotes: "
                                + "; ".join(options) + ".")
    return given


def items_forms(answer: Any, column: str | None) -> list[str]:
    """The set of items of an answer, normalised (sorted, case and spaces folded)."""
    return sorted({_text(i) for i in as_items(answer, column)})


def normalise(exercise: dict, answer: Any) -> list[str]:
    """The normalised forms of an answer that the bank's digests are made from.

    Numbers with a tolerance give their bucket; the other kinds give one string.
    """
    kind = exercise["kind"]
    if kind == "choice":
        return [choice(exercise["options"], answer)]
    if kind == "number":
        return [str(round(as_number(answer) / exercise["step"]))]
    if kind == "year":
        return [str(as_year(answer))]
    if kind == "date":
        return [as_date(answer).isoformat()]
    if kind == "order":
        return ["\x1e".join(order(exercise["options"], answer))]
    if kind == "items":
        return ["\x1e".join(items_forms(answer, exercise.get("column")))]
    raise ValueError(f"unknown exercise kind {kind!r}")
