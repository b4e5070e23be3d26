"""Notebook 01: who recognised the USSR, broke with it or restored relations, year by year."""
from __future__ import annotations

import ipywidgets as w
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from ..data import load
from ..display import at_precision
from ..plots import bars, fit_margins, label, retitle, title_text
from ..style import GREY, OKABE_ITO
from ..wording import count, join_names
from .base import Chart, CourseWidget, Key, View, choice, dropdown, no_match, valid_years

ACTIONS = {
    "recognised": ("recognised the USSR or opened relations", ("de facto recognition", "de jure recognition",
                                                                "relations established")),
    "broke": ("broke off or suspended relations", ("relations broken", "relations suspended")),
    "restored": ("restored relations", ("relations restored",)),
}
FIRST_YEAR, LAST_YEAR = 1920, 1953


class RecognitionByYear(CourseWidget):
    """Bars of recognitions (or breaks, or restorations) per year, and the chosen year's states listed.

    ``RecognitionByYear(year=1924, action="recognised", years=(1920, 1953))``.
    """

    figsize = (7.8, 3.3)

    def __init__(self, year: int = 1924, action: str = "recognised", years: tuple[int, int] = (FIRST_YEAR, LAST_YEAR)):
        self.first_year, self.last_year = valid_years("years", years, FIRST_YEAR, LAST_YEAR)
        year = valid_years("year", year, self.first_year, self.last_year)[0]
        acts = load("recognitions")
        self.acts = acts[acts["date"].dt.year.between(self.first_year, self.last_year)].sort_values("date")
        self.per_year = {key: self._per_year(actions) for key, (_, actions) in ACTIONS.items()}
        controls = {
            "action": dropdown("States that", [(words, key) for key, (words, _) in ACTIONS.items()],
                               choice("action", action, ACTIONS), width="380px"),
            "year": w.IntSlider(value=year, min=self.first_year, max=self.last_year, description="Year",
                                continuous_update=False, layout=w.Layout(width="400px")),
        }
        super().__init__(controls)

    def render(self) -> View:
        key, year = self.controls["action"].value, self.controls["year"].value
        words, actions = ACTIONS[key]
        acts = self.acts[self.acts["action"].isin(actions)]
        if acts.empty:
            return no_match(f"No state {words} between {self.first_year} and {self.last_year}.", count=0)
        per_year = self.per_year[key]
        this_year = acts[acts["date"].dt.year == year]
        so_far = acts[acts["date"].dt.year <= year]["country"].nunique()
        since = f"By the end of {year}, {count(so_far, 'state')} had done so since {self.first_year}."
        chart = Chart((key, year), lambda ax: self._draw(ax, per_year, words, year), frame="years",
                      draw_frame=self._draw_frame)
        key_entries = (Key(f"{year}", OKABE_ITO["vermillion"], "square"), Key("other years", GREY, "square"))
        if this_year.empty:
            return View(f"No state {words} in {year}. {since}", chart=chart, facts={"count": 0, "so_far": so_far},
                        key=key_entries)
        names = join_names(this_year["country"])
        message = f"In {year}, {count(len(this_year), 'state')} {words}: {names}. {since}"
        table = pd.DataFrame({"date": at_precision(this_year["date"], this_year["date_precision"]),
                              "state": this_year["country"], "what happened": this_year["action"],
                              "step taken by": this_year["initiator"], "note": this_year["note"].fillna("")})
        return View(message, table, chart, facts={"count": len(this_year), "so_far": so_far,
                                                  "states": list(this_year["country"])}, key=key_entries)

    def _per_year(self, actions: tuple[str, ...]) -> pd.Series:
        years = self.acts.loc[self.acts["action"].isin(actions), "date"].dt.year
        return years.value_counts().reindex(range(self.first_year, self.last_year + 1), fill_value=0)

    def _draw_frame(self, ax: Axes) -> list:
        """The years and one scale for the three kinds of act, so that their bars compare; the title changes."""
        most = max(per_year.max() for per_year in self.per_year.values())
        ax.set_xlim(self.first_year - 0.8, self.last_year + 0.8)
        ax.set_ylim(0, most * 1.05)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=8, integer=True))
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
        label(ax, self._title(ACTIONS["recognised"][0]), "Year", "States", "course dataset recognitions.csv")
        fit_margins(ax, left_labels=[str(most)], ylabel=True)
        return [title_text(ax.figure)]

    @staticmethod
    def _title(words: str) -> str:
        return f"States that {words}, per year"

    def _draw(self, ax: Axes, per_year: pd.Series, words: str, year: int) -> None:
        colours = [OKABE_ITO["vermillion"] if y == year else GREY for y in per_year.index]
        bars(ax, per_year.index, per_year.values, colours)
        retitle(ax.figure, self._title(words))
