"""Tables as a historian wants to read them: full text, no index numbers, dates at their precision.

In a notebook, ``show(table)`` displays a DataFrame (or a Series, such as a
``value_counts()``) this way; the widgets use ``table_html`` for theirs.
"""
from __future__ import annotations

import html
import re
from typing import Iterable

import pandas as pd

from .style import CELL_STYLE, DATE_STYLE, HEADER_STYLE, NUMBER_STYLE, TABLE_STYLE

NOT_SEPARATED = ("year", "cow_code", "existed_from", "existed_to")  # columns of years or codes: no 1,000 separators
ISO_AT_PRECISION = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def _precisions(frame: pd.DataFrame, column: str) -> pd.Series | None:
    for name in (f"{column}_precision", column.replace("_date", "") + "_precision", "date_precision"):
        if name in frame.columns and name != column:
            return frame[name]
    return None


def _date_cell(value, precision) -> str:
    if pd.isna(value):
        return ""
    return pd.Timestamp(value).strftime(ISO_AT_PRECISION.get(precision if isinstance(precision, str) else "day"))


def at_precision(dates: pd.Series, precisions: pd.Series | str = "day") -> pd.Series:
    """Dates written as precisely as they are known: '1939-08-23', '1927-05' (a month) or '1952' (a year)."""
    if isinstance(precisions, str):
        precisions = pd.Series(precisions, index=dates.index)
    return pd.Series([_date_cell(d, p) for d, p in zip(dates, precisions)], index=dates.index, dtype="str")


def _number_cell(value, separated: bool) -> str:
    if pd.isna(value):
        return ""
    if float(value).is_integer():
        return f"{int(value):,}" if separated else str(int(value))
    return f"{value:,.1f}" if separated else f"{value:.1f}"


ISO_TEXT = re.compile(r"\d{4}(?:-\d\d){0,2}")


def _text_cell(value) -> str:
    if isinstance(value, (list, tuple, set)):
        return ", ".join(map(str, value))
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def as_frame(data: pd.DataFrame | pd.Series, columns: Iterable[str] | None = None) -> pd.DataFrame:
    """A DataFrame from a table or a Series (a Series becomes two columns: its index and its values)."""
    if isinstance(data, pd.Series):
        label = data.index.name or "value"
        data = pd.DataFrame({label: data.index, data.name or "count": data.to_numpy()})
    elif data.index.name is not None or isinstance(data.index, pd.MultiIndex):
        data = data.copy()  # a named index (a crosstab's rows, say) becomes the first column
        data.columns = [str(c) for c in data.columns]
        data = data.reset_index()
    elif not isinstance(data.index, pd.RangeIndex):
        data = data.reset_index(drop=True)  # an unnamed index (row numbers left by a filter) means nothing to a reader
    return data if columns is None else data[list(columns)]


def cells(frame: pd.DataFrame) -> list[list[tuple[str, str]]]:
    """Each cell of the table as (text, style)."""
    columns = {}
    for column in frame.columns:
        series = frame[column]
        if pd.api.types.is_datetime64_any_dtype(series):
            precisions = _precisions(frame, column)
            texts = [_date_cell(v, p) for v, p in zip(series, precisions if precisions is not None
                                                     else ["day"] * len(series))]
            columns[column] = [(t, DATE_STYLE) for t in texts]
        elif pd.api.types.is_bool_dtype(series):
            columns[column] = [(_text_cell(bool(v)) if pd.notna(v) else "", CELL_STYLE) for v in series]
        elif pd.api.types.is_numeric_dtype(series):
            separated = not any(word in str(column) for word in NOT_SEPARATED)
            columns[column] = [(_number_cell(v, separated), NUMBER_STYLE) for v in series]
        else:
            texts = [_text_cell(v) for v in series]
            dated = all(ISO_TEXT.fullmatch(t) for t in texts if t) and any(texts)  # dates already written out
            columns[column] = [(t, DATE_STYLE if dated else CELL_STYLE) for t in texts]
    return [[columns[c][i] for c in frame.columns] for i in range(len(frame))]


def table_html(data: pd.DataFrame | pd.Series, max_rows: int | None = None) -> str:
    """The table as HTML with the course's style ('' for no table); a note says how many rows were left out."""
    frame = as_frame(data)
    if frame.empty:
        return ""
    shown = frame if max_rows is None else frame.head(max_rows)
    head = "".join(f'<th style="{HEADER_STYLE}">{html.escape(str(c))}</th>' for c in shown.columns)
    rows = "".join("<tr>" + "".join(f'<td style="{style}">{html.escape(text)}</td>' for text, style in row) + "</tr>"
                   for row in cells(shown))
    more = len(frame) - len(shown)
    note = f"<p><i>… and {more} more rows.</i></p>" if more > 0 else ""
    return (f'<table class="course-table" style="{TABLE_STYLE}"><thead><tr>{head}</tr></thead>'
            f"<tbody>{rows}</tbody></table>{note}")


def table_text(data: pd.DataFrame | pd.Series, max_rows: int | None = None) -> str:
    """The table as plain text, for readers without HTML (and for tests)."""
    frame = as_frame(data)
    if frame.empty:
        return ""
    shown = frame if max_rows is None else frame.head(max_rows)
    rows = [[str(c) for c in shown.columns]] + [[text for text, _ in row] for row in cells(shown)]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(text.ljust(width) for text, width in zip(row, widths)).rstrip() for row in rows)


class Table:
    """A table shown the course's way in a notebook (HTML), with a plain-text copy."""

    def __init__(self, data: pd.DataFrame | pd.Series, max_rows: int | None = None):
        self.frame = as_frame(data)
        self.max_rows = max_rows

    def _repr_html_(self) -> str:
        return table_html(self.frame, self.max_rows) or "<p><i>The table is empty: no row matches.</i></p>"

    def __repr__(self) -> str:
        return table_text(self.frame, self.max_rows) or "The table is empty: no row matches."


def show(data: pd.DataFrame | pd.Series, columns: Iterable[str] | None = None, max_rows: int | None = None) -> Table:
    """Show a table in full: every character of every cell, no index numbers, lists as 'A, B', dates at their
    precision ('1927-05' for a month). ``columns`` picks and orders columns; ``max_rows`` shortens long tables."""
    return Table(as_frame(data, columns), max_rows)
