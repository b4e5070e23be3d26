"""How the course writes numbers, names, years and dates in sentences (one place for every widget and message)."""
from __future__ import annotations

import re
from datetime import date
from typing import Iterable

import pandas as pd

IRREGULAR_PLURALS = {"treaty": "treaties", "entry": "entries", "territory": "territories", "country": "countries",
                     "is": "are", "was": "were", "has": "have", "falls": "fall", "it": "they"}


def plural(word: str, count: int) -> str:
    """The word for ``count`` things: 'treaty' for 1, 'treaties' for 2 (regular nouns add an 's')."""
    if count == 1:
        return word
    head, _, last = word.rpartition(" ")  # 'later entry' -> 'later entries'
    if last in IRREGULAR_PLURALS:
        last = IRREGULAR_PLURALS[last]
    elif re.search(r"[^aeiou]y$", last):
        last = last[:-1] + "ies"
    else:
        last += "s"
    return f"{head} {last}" if head else last


def count(number: int, word: str) -> str:
    """'1 treaty', '3 treaties', '12,400 events'."""
    return f"{number:,} {plural(word, number)}"


def join_names(names: Iterable[str], conjunction: str = "and") -> str:
    """'A', 'A and B', 'A, B and C' (empty for no names)."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {conjunction} " + names[-1]


def in_sentence(country: str) -> str:
    """A state's name as a sentence uses it: 'the Soviet Union', 'the United Kingdom', but 'Poland'."""
    definite = ("Soviet Union", "United States", "United Kingdom", "Netherlands", "Philippines")
    if country.startswith(("Republic", "People's", "Democratic", "Federal", "State of", "Kingdom", "Union")) \
            or country in definite:
        return "the " + country
    return country


def years_phrase(first: int, last: int, between: bool = False) -> str:
    """'in 1948' for one year, 'from 1946 to 1953' (or 'between 1946 and 1953') for a range."""
    if first == last:
        return f"in {first}"
    return f"between {first} and {last}" if between else f"from {first} to {last}"


def year_span(first: int, last: int | None) -> str:
    """'1939–1941', '1948' for one year, '1950–' for a span still open."""
    if last is None:
        return f"{first}–"
    return str(first) if first == last else f"{first}–{last}"


def date_text(day: date | pd.Timestamp | None, precision: str = "day") -> str:
    """A date written as precisely as it is known: '23 August 1939', 'May 1927' or '1952' ('' for no date)."""
    if day is None or pd.isna(day):
        return ""
    day = pd.Timestamp(day)
    if precision == "year":
        return str(day.year)
    if precision == "month":
        return day.strftime("%B %Y")
    return f"{day.day} {day.strftime('%B %Y')}"


def on_date(day: date | pd.Timestamp, precision: str = "day") -> str:
    """'on 23 August 1939', 'in May 1927' or 'in 1952'."""
    return ("on " if precision == "day" else "in ") + date_text(day, precision)


def millions(value: float) -> str:
    """'26.6 million' for large figures, '450,900' below a million."""
    return f"{value / 1e6:.1f} million" if value >= 1e6 else f"{value:,.0f}"


def span_of(low: str, high: str) -> str:
    """'between 8.7 and 11 million', or the one figure if both ends agree."""
    return low if low == high else f"between {low} and {high}"


def shorten(text: str, limit: int) -> str:
    """The text cut at a word boundary to at most ``limit`` characters, with '…' if it was cut."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return (cut or text[: limit - 1]) + "…"


# Shorter names for charts only (messages and tables use the canonical names of countries.csv).
SHORT_COUNTRIES = {
    "Democratic People's Republic of Korea": "North Korea (DPRK)",
    "Republic of Korea": "South Korea",
    "People's Republic of China": "PR China",
    "Republic of China": "Rep. of China",
    "Mongolian People's Republic": "Mongolia (MPR)",
    "Democratic Republic of Vietnam": "DR Vietnam",
    "German Democratic Republic": "East Germany (GDR)",
    "Federal Republic of Germany": "West Germany (FRG)",
    "Tuvan People's Republic": "Tuva",
    "United Kingdom": "Britain",
    "United States": "United States",
}


def short_country(name: str, limit: int = 22) -> str:
    """A country's name short enough for a chart label."""
    return SHORT_COUNTRIES.get(name) or shorten(name, limit)
