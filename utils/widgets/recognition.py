"""Notebook 01: who recognised the USSR (or opened relations with it), year by year."""
from __future__ import annotations

import ipywidgets as w
import pandas as pd

from ..data import load
from ..plots import GREY, OKABE_ITO, label
from .base import CourseWidget, View, no_match

ACTIONS = {
    "recognised or opened relations": ("de jure recognition", "relations established"),
    "broke off relations": ("relations broken", "relations suspended"),
    "restored relations": ("relations restored",),
}


class RecognitionByYear(CourseWidget):
    """Bar chart of recognitions (or breaks, or restorations) per year, with the chosen year's states listed."""

    figsize = (8.0, 3.2)
    cached_text = True  # faster drawing, opted into (see base.py)
    reuse_figure = True
    png_cache_size = 32

    def __init__(self, year: int = 1924, action: str = "recognised or opened relations",
                 first_year: int = 1921, last_year: int = 1953):
        acts = load("recognitions")
        self.acts = acts[(acts["date"].dt.year >= first_year) & (acts["date"].dt.year <= last_year)]
        self.first_year, self.last_year = first_year, last_year
        controls = {
            "action": w.Dropdown(options=list(ACTIONS), value=action, description="States that"),
            "year": w.IntSlider(value=year, min=first_year, max=last_year, description="Year",
                                continuous_update=False),
        }
        controls["action"].style.description_width = "initial"
        super().__init__(controls)

    def render(self) -> View:
        action, year = self.controls["action"].value, self.controls["year"].value
        acts = self.acts[self.acts["action"].isin(ACTIONS[action])]
        if acts.empty:
            return no_match(f"No state {action} with the USSR between {self.first_year} and {self.last_year}.")
        per_year = acts["date"].dt.year.value_counts().reindex(range(self.first_year, self.last_year + 1), fill_value=0)
        draw = lambda: self._draw(per_year, action, year)  # noqa: E731
        this_year = acts[acts["date"].dt.year == year].sort_values("date")
        so_far = acts[acts["date"].dt.year <= year]["country"].nunique()
        if this_year.empty:
            message = f"No state {action} with the USSR in {year}. By the end of {year}, {so_far} had done so since {self.first_year}."
            return View(message, chart=True, facts={"count": 0, "so_far": so_far}, chart_key=(action, year), draw=draw)
        names = ", ".join(this_year["country"])
        noun = "state" if len(this_year) == 1 else "states"
        message = (f"In {year}, {len(this_year)} {noun} {action} with the USSR: {names}. "
                   f"By the end of {year}, {so_far} had done so since {self.first_year}.")
        table = pd.DataFrame({"date": this_year["date"].dt.strftime("%Y-%m-%d"), "state": this_year["country"],
                              "what happened": this_year["action"], "note": this_year["note"].fillna("")})
        return View(message, table, chart=True, facts={"count": len(this_year), "so_far": so_far},
                    chart_key=(action, year), draw=draw)

    def _draw(self, per_year: pd.Series, action: str, year: int) -> None:
        """One bar per year; the bars are made once and then only change height and colour."""
        colours = [OKABE_ITO["vermillion"] if y == year else GREY for y in per_year.index]
        ax = self.reused_axes()
        if getattr(self, "_bars", None) is None:
            self._bars = ax.bar(per_year.index, per_year.values, color=colours)
            ax.yaxis.get_major_locator().set_params(integer=True)
        else:
            for bar, height, colour in zip(self._bars, per_year.values, colours):
                bar.set_height(height)
                bar.set_color(colour)
            ax.relim()
            ax.autoscale_view()
        label(ax, f"States that {action} with the USSR, per year ({year} highlighted)", "Year",
              "Number of states", "course dataset recognitions.csv", fixed_title=True)
