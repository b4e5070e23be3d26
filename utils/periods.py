"""The periods of the course: one per notebook, plus the years before and after Stalin."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Period:
    key: str
    label: str
    start: date
    end: date
    notebook: str | None

    @property
    def years(self) -> str:
        return f"{self.start.year}–{self.end.year}"


PERIODS: tuple[Period, ...] = (
    Period("before_1924", "Lenin's last years", date(1922, 1, 1), date(1923, 12, 31), "01_socialism_in_one_country"),
    Period("socialism_in_one_country", "Socialism in one country", date(1924, 1, 1), date(1933, 12, 31), "01_socialism_in_one_country"),
    Period("collective_security", "Collective security", date(1934, 1, 1), date(1938, 12, 31), "02_collective_security"),
    Period("nazi_soviet_pact", "The Nazi–Soviet pact", date(1939, 1, 1), date(1941, 6, 21), "03_nazi_soviet_pact"),
    Period("grand_alliance", "The Grand Alliance", date(1941, 6, 22), date(1944, 12, 31), "04_grand_alliance"),
    Period("yalta_potsdam", "Yalta and Potsdam", date(1945, 1, 1), date(1945, 12, 31), "05_yalta_and_potsdam"),
    Period("cold_war", "The early Cold War", date(1946, 1, 1), date(1953, 3, 5), "06_cold_war"),
    Period("after_stalin", "After Stalin", date(1953, 3, 6), date(1991, 12, 26), "08_legacy_and_sources"),
)
PERIOD_BY_KEY = {p.key: p for p in PERIODS}

STALIN_ERA_START = date(1924, 1, 21)  # Lenin's death
STALIN_DEATH = date(1953, 3, 5)


def period_of(day: date) -> Period:
    """The course period a date falls in (dates before 1922 belong to the first period)."""
    for period in PERIODS:
        if day <= period.end:
            return period
    return PERIODS[-1]


def periods_table():
    """The periods as a table: name, first and last day, the notebook that covers it."""
    import pandas as pd

    return pd.DataFrame([(p.label, pd.Timestamp(p.start), pd.Timestamp(p.end), p.notebook) for p in PERIODS],
                        columns=["period", "from", "to", "notebook"])
