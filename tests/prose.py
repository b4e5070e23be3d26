"""Reading the narrative of the notebooks against the data: dates written out, and what is said of allies.

``date_disagreements(text)`` finds every date the text writes out ("23 August
1939", "May 1927", "1939-08-23") and the data rows the sentence around it
names (two or more telling words of the row's title in the sentence, in the
same year); it reports a date the data gives otherwise, or more precisely than
the data knows it. ``ally_disagreements(text)`` reports sentences that say a
state became an ally in a year when the data's first alliance with it is in
another year.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from utils.data import load
from utils.tables import ALLIANCE_TYPES, SOVIET_UNION

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
DAY_DATE = re.compile(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (1[89]\d\d)\b")
MONTH_DATE = re.compile(r"(?<!\d )\b(" + "|".join(MONTHS) + r") (1[89]\d\d)\b")
ISO_DATE = re.compile(r"\b(1[89]\d\d)-(\d\d)-(\d\d)\b")
COMMON = set("""the a an of and in on at to by for with from into its his her their was were is are be been that this
these those which who as or not no but it he she they we our one two three four five six seven eight nine ten first
second third last new old after before during while than then there over under between against about soviet ussr
union moscow stalin treaty pact agreement conference signed signs sign war government state states relations
people's republic democratic minister ministers foreign union's soviet-""".split())


@dataclass(frozen=True)
class Row:
    key: str
    day: pd.Timestamp
    precision: str
    words: frozenset[str]
    title: str


def _words(text: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z][a-z'-]+", text.lower()) if w not in COMMON and len(w) > 2)


@lru_cache(maxsize=1)
def dated_rows() -> tuple[Row, ...]:
    """Every dated fact of the data, with the telling words of its title and the states it names."""
    rows = []
    events = load("events")
    for e in events.itertuples():
        names = " ".join(e.countries)
        rows.append(Row(f"events:{e.event_id}", e.date, e.date_precision, _words(e.title + " " + names), e.title))
        if pd.notna(e.end_date):
            rows.append(Row(f"events:{e.event_id}", e.end_date, "day", _words(e.title + " " + names), e.title))
    for t in load("treaties").itertuples():
        names = " ".join(p for p in t.parties if p != SOVIET_UNION)
        rows.append(Row(f"treaties:{t.treaty_id}", t.signed, "day", _words(t.name + " " + names), t.name))
        for other in (t.in_force, t.end_date):
            if pd.notna(other):
                rows.append(Row(f"treaties:{t.treaty_id}", other, "day", _words(t.name + " " + names), t.name))
    for a in load("recognitions").itertuples():
        rows.append(Row(f"recognitions:{a.country}@{a.date:%Y-%m-%d}", a.date, a.date_precision,
                        _words(a.country + " " + a.action), f"{a.country}: {a.action}"))
    for c in load("conflicts").itertuples():
        rows.append(Row(f"conflicts:{c.conflict_id}", c.start, c.start_precision, _words(c.name), c.name))
        if pd.notna(c.end):
            rows.append(Row(f"conflicts:{c.conflict_id}", c.end, c.end_precision, _words(c.name), c.name))
    return tuple(rows)


def sentences(text: str) -> list[str]:
    """Sentences of markdown text: lines (headings, list items) and sentences within them, markup removed."""
    found = []
    for line in text.splitlines():
        line = re.sub(r"[*_#`|]+", " ", line).strip(" -")
        found += [s.strip() for s in re.split(r"(?<=[.!?;])\s+(?=[A-Z(\"])", line) if s.strip()]
    return found


def narrative(cells) -> str:
    """The narrative of a notebook: markdown cells, without quotations and without invented examples."""
    parts = []
    for cell in cells:
        if cell.cell_type != "markdown" or "invented-example" in cell.metadata.get("tags", []):
            continue
        parts.append("\n".join(line for line in cell.source.splitlines() if not line.lstrip().startswith(">")))
    return "\n".join(parts)


def mentions(sentence: str) -> list[tuple[pd.Timestamp, str, int]]:
    """The dates a sentence writes out: (date, precision, position in the sentence)."""
    found = [(pd.Timestamp(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1))), "day", m.start())
             for m in DAY_DATE.finditer(sentence)]
    found += [(pd.Timestamp(int(m.group(1)), int(m.group(2)), int(m.group(3))), "day", m.start())
              for m in ISO_DATE.finditer(sentence) if 1 <= int(m.group(2)) <= 12 and 1 <= int(m.group(3)) <= 31]
    without_days = DAY_DATE.sub(lambda m: " " * len(m.group(0)), sentence)
    found += [(pd.Timestamp(int(m.group(2)), MONTHS.index(m.group(1)) + 1, 1), "month", m.start())
              for m in MONTH_DATE.finditer(without_days)]
    return found


def _window(sentence: str, position: int, words: int = 9) -> str:
    before, after = sentence[:position].split(), sentence[position:].split()
    return " ".join(before[-words:] + after[:words + 3])


@lru_cache(maxsize=1)
def _known_days() -> tuple[set, set]:
    days = {r.day for r in dated_rows()}
    months = {(r.day.year, r.day.month) for r in dated_rows()}
    return days, months


def date_disagreements(text: str, exceptions: dict[str, str] | None = None) -> list[str]:
    """Dates in ``text`` that the data row named beside them gives otherwise (or knows only less precisely)."""
    exceptions = exceptions or {}
    days, months = _known_days()
    problems = []
    for sentence in sentences(text):
        for day, precision, position in mentions(sentence):
            window = _window(sentence, position)
            words = _words(DAY_DATE.sub(" ", ISO_DATE.sub(" ", MONTH_DATE.sub(" ", window))))
            named = [r for r in dated_rows() if r.day.year == day.year and len(r.words & words) >= 2]
            if not named:
                continue  # the data holds nothing the text names beside this date
            best = max(named, key=lambda r: (len(r.words & words), -abs((r.day - day).days)))
            if precision == "day":
                if day in days and any(r.day == day for r in named):
                    continue
                if best.precision != "day" and best.day.month == day.month:
                    message = (f"{day:%-d %B %Y}: the data knows '{best.title}' only to the {best.precision} "
                               f"({best.key})")
                elif day in days:
                    continue  # another fact of the data falls on this day
                else:
                    message = f"{day:%-d %B %Y}: the data dates '{best.title}' {best.day:%-d %B %Y} ({best.key})"
            else:
                if (day.year, day.month) in months and any(r.day.month == day.month for r in named):
                    continue
                if (day.year, day.month) in months or abs((best.day - day).days) < 45:
                    continue
                message = f"{day:%B %Y}: the data dates '{best.title}' {best.day:%-d %B %Y} ({best.key})"
            if not any(key in message for key in exceptions):
                problems.append(f"{message} — in: {sentence.strip()[:160]}")
    return problems


@lru_cache(maxsize=1)
def first_alliances() -> dict[str, int]:
    """The year of each state's first alliance with the USSR, by the course's definition."""
    treaties = load("treaties")
    allied = treaties[treaties["type"].isin(ALLIANCE_TYPES)]
    first: dict[str, int] = {}
    for t in allied.sort_values("signed").itertuples():
        for party in t.parties:
            first.setdefault(party, t.signed.year)
    return first


ALLY_NAMES = {"Britain": "United Kingdom", "the United Kingdom": "United Kingdom", "France": "France",
              "Poland": "Poland", "Czechoslovakia": "Czechoslovakia", "Yugoslavia": "Yugoslavia",
              "Mongolia": "Mongolian People's Republic", "Finland": "Finland", "the United States": "United States"}


def ally_disagreements(text: str) -> list[str]:
    """Sentences saying a state 'became' an ally in a year that is not the year of its first alliance in the data."""
    problems = []
    for sentence in sentences(text):
        if not re.search(r"\bbecame (?:an )?all(?:y|ies)\b|\bbecame one\b|\bmade (?:them|it|this) (?:an )?all",
                         sentence):
            continue
        years = {int(y) for y in re.findall(r"\b(19[2-5]\d)\b", sentence)}
        for name, country in ALLY_NAMES.items():
            if re.search(rf"\b{re.escape(name)}\b", sentence) and country in first_alliances() and years \
                    and first_alliances()[country] not in years:
                problems.append(f"{name} became an ally in {first_alliances()[country]} by the data, the text says "
                                f"{sorted(years)}: {sentence.strip()[:160]}")
    return problems
