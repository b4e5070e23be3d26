"""Notebooks 02 and 07: which treaties of the USSR were in force, when, and with whom (a Gantt chart)."""
from __future__ import annotations

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ..display import at_precision
from ..plots import bars, date_axis, fit_margins, label, retitle, title_text
from ..style import LIGHT_GREY, TREATY_STYLES
from ..tables import in_force_between, treaties_with_spans
from ..wording import count, short_country, years_phrase
from .base import ALL, Chart, CourseWidget, Key, View, choice, dropdown, no_match, year_slider, valid_years

FIRST_YEAR, LAST_YEAR = 1922, 1953
MAX_BARS = 15


def bar_label(partners: list[str]) -> str:
    """A short label for a treaty's bar: its partner, or how many partners a multilateral treaty had."""
    return short_country(partners[0]) if len(partners) == 1 else f"{len(partners) + 1} states"


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
        self.widest_labels = [bar_label([p]) for p in partners] + [bar_label(p) for p in self.treaties["partners"]]
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
                    Chart((first, last, kind, partner), lambda ax: self._draw(ax, shown, first, last, what, with_whom),
                          frame="treaties", draw_frame=self._draw_frame),
                    facts={"count": len(chosen), "names": list(chosen["treaty_id"])},
                    key=tuple(Key(t, self.colours[t], "square") for t in types), key_title="Colour: type")

    def _draw_frame(self, ax: Axes) -> list:
        """The whole era on the x-axis (the chosen years are shaded over it) and margins for any partner's label;
        the treaties (y-axis) and the title change."""
        start, end = pd.Timestamp(FIRST_YEAR, 1, 1), pd.Timestamp(LAST_YEAR + 1, 1, 1)
        date_axis(ax, start, end)
        label(ax, "Soviet treaties in force", "Years in force", "", "course dataset treaties.csv")
        fit_margins(ax, left_labels=self.widest_labels)
        return [ax.yaxis, title_text(ax.figure)]

    def _draw(self, ax: Axes, shown: pd.DataFrame, first: int, last: int, what: str, with_whom: str) -> None:
        starts = mdates.date2num(shown["start"])
        bars(ax, range(len(shown)), np.clip(mdates.date2num(shown["finish"]) - starts, 25, None),
             [self.colours[t] for t in shown["type"]], width=0.7, starts=starts, horizontal=True, zorder=2)
        ax.axvspan(mdates.date2num(pd.Timestamp(first, 1, 1)), mdates.date2num(pd.Timestamp(last, 12, 31)),
                   color="#eeeeee", zorder=0)
        ax.vlines(ax.get_xticks(), 0, 1, transform=ax.get_xaxis_transform(), color=LIGHT_GREY, linewidth=0.8,
                  zorder=1)  # the year grid, over the band (a grid of the frame would lie under it)
        ax.set_yticks(range(len(shown)), [bar_label(p) for p in shown["partners"]])
        ax.set_ylim(MAX_BARS - 0.4 if len(shown) > 12 else 11.6, -0.6)  # earliest at the top, as in the table
        retitle(ax.figure, f"Soviet {what.replace('treaty', 'treaties')}{with_whom} in force")
