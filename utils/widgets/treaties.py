"""Notebooks 02 and 07: which treaties of the USSR were in force, when, and with whom (a Gantt chart)."""
from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes

from ..display import at_precision
from ..plots import fit_margins, label
from ..style import LIGHT_GREY, TREATY_STYLES
from ..tables import in_force_between, treaties_with_spans
from ..wording import count, short_country, years_phrase
from .base import ALL, Chart, CourseWidget, Key, View, choice, dropdown, no_match, year_slider, valid_years

FIRST_YEAR, LAST_YEAR = 1922, 1953
MAX_BARS = 15


def bar_label(partners: list[str]) -> str:
    """A short label for a treaty's bar: its partner, or how many partners a multilateral treaty had."""
    return short_country(partners[0]) if len(partners) == 1 else f"{len(partners) + 1} states"


def year_step(years: int) -> int:
    """A step between year ticks that gives at most about nine of them."""
    return next(step for step in (1, 2, 4, 5, 10, 20) if years / step <= 9)


class TreatiesInForce(CourseWidget):
    """Treaties in force in a range of years, filtered by type and partner: one bar per treaty.

    ``TreatiesInForce(years=(1934, 1938), treaty_type=ALL, partner=ALL)``.
    """

    figsize = (7.8, 4.6)

    def __init__(self, years: tuple[int, int] = (1934, 1938), treaty_type: str = ALL, partner: str = ALL):
        self.treaties = treaties_with_spans()
        partners = sorted({c for p in self.treaties["partners"] for c in p})
        types = sorted(self.treaties["type"].unique())
        self.colours = {t: TREATY_STYLES[t][0] for t in types}
        controls = {
            "years": year_slider("In force", valid_years("years", years, FIRST_YEAR, LAST_YEAR), FIRST_YEAR, LAST_YEAR),
            "type": dropdown("Type", [("all types", ALL)] + [(t, t) for t in types],
                             choice("treaty_type", treaty_type, [ALL, *types])),
            "partner": dropdown("Partner", [("all partners", ALL)] + [(p, p) for p in partners],
                                choice("partner", partner, [ALL, *partners]), width="330px"),
        }
        super().__init__(controls)

    def selection(self) -> pd.DataFrame:
        chosen = in_force_between(self.treaties, *self.controls["years"].value)
        if self.controls["type"].value != ALL:
            chosen = chosen[chosen["type"] == self.controls["type"].value]
        if self.controls["partner"].value != ALL:
            chosen = chosen[chosen["partners"].map(lambda p: self.controls["partner"].value in p)]
        return chosen

    def render(self) -> View:
        first, last = self.controls["years"].value
        kind, partner = self.controls["type"].value, self.controls["partner"].value
        span = years_phrase(first, last, between=True)
        what = "treaty" if kind == ALL else f"{kind} treaty"
        with_whom = "" if partner == ALL else f" with {partner}"
        chosen = self.selection()
        if chosen.empty:
            return no_match(f"No {what.replace('treaty', 'treaties')}{with_whom} were in force {span}. Try a wider "
                            "range of years, another type or another partner.", count=0)
        shown = chosen.tail(MAX_BARS)
        verb = "was" if len(chosen) == 1 else "were"
        more = (f" The chart shows the {MAX_BARS} signed last; the table lists all {len(chosen)}."
                if len(chosen) > MAX_BARS else "")
        message = (f"{count(len(chosen), what)}{with_whom} {verb} in force {span}. Each bar runs from entry into "
                   f"force to the treaty's end, or to Stalin's death if it outlived him; the grey band marks the "
                   f"years chosen.{more}")
        table = pd.DataFrame({"treaty": chosen["name"], "signed": at_precision(chosen["signed"]),
                              "type": chosen["type"], "partners": chosen["partners"],
                              "ended": at_precision(chosen["end_date"]), "how": chosen["end_manner"]})
        types = [t for t in TREATY_STYLES if t in set(shown["type"])]
        return View(message, table,
                    Chart((first, last, kind, partner), lambda ax: self._draw(ax, shown, first, last, what, with_whom)),
                    facts={"count": len(chosen), "names": list(chosen["treaty_id"])},
                    key=tuple(Key(t, self.colours[t], "square") for t in types), key_title="Colour: type")

    def _draw(self, ax: Axes, shown: pd.DataFrame, first: int, last: int, what: str, with_whom: str) -> None:
        labels = [bar_label(p) for p in shown["partners"]]
        ax.barh(range(len(shown)), (shown["finish"] - shown["start"]).dt.days.clip(lower=25),
                left=mdates.date2num(shown["start"]), height=0.7, color=[self.colours[t] for t in shown["type"]],
                zorder=2)
        ax.axvspan(pd.Timestamp(first, 1, 1), pd.Timestamp(last, 12, 31), color="#eeeeee", zorder=0)
        ax.set_yticks(range(len(shown)), labels)
        ax.set_ylim(MAX_BARS - 0.4 if len(shown) > 12 else 11.6, -0.6)  # earliest at the top, as in the table
        start, end = min(first, shown["start"].min().year), max(last, shown["finish"].max().year) + 1
        ax.set_xlim(pd.Timestamp(start, 1, 1), pd.Timestamp(end, 1, 1))
        ax.xaxis.set_major_locator(mdates.YearLocator(base=year_step(end - start)))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.grid(axis="x", color=LIGHT_GREY, zorder=1)
        label(ax, f"Soviet {what.replace('treaty', 'treaties')}{with_whom} in force", "Years in force", "",
              "course dataset treaties.csv")
        fit_margins(ax, left_labels=labels)
