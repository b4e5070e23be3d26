"""Notebook 00: the whole era on one timeline, by period, years and kind of event."""
from __future__ import annotations

import ipywidgets as w
import pandas as pd

from ..data import load
from ..periods import PERIODS, PERIOD_BY_KEY
from ..plots import PERIOD_COLOURS, label
from .base import CourseWidget, View, no_match, years_phrase

ALL = "all"
FIRST_YEAR, LAST_YEAR = 1922, 1953


class EraTimeline(CourseWidget):
    """Events of the chosen period or range of years, as a timeline by kind of event and as a list."""

    figsize = (8.5, 3.6)
    margins = {"left": 0.12, "right": 0.78, "top": 0.9, "bottom": 0.16}
    cached_text = True  # faster drawing, opted into (see base.py)
    reuse_figure = True
    png_cache_size = 32

    def __init__(self, period: str = ALL, years: tuple[int, int] = (FIRST_YEAR, LAST_YEAR)):
        events = load("events")
        self.events = events[events["date"].dt.year <= LAST_YEAR].sort_values("date")
        categories = sorted(self.events["category"].unique())
        period_options = [(f"Whole era ({FIRST_YEAR}–{LAST_YEAR})", ALL)] + [
            (f"{p.label} ({p.years})", p.key) for p in PERIODS if p.key != "after_stalin"]
        controls = {
            "period": w.Dropdown(options=period_options, value=period, description="Period"),
            "years": w.IntRangeSlider(value=years, min=FIRST_YEAR, max=LAST_YEAR, description="Years",
                                      continuous_update=False),
            "category": w.Dropdown(options=[("all kinds", ALL)] + [(c, c) for c in categories], value=ALL,
                                   description="Kind"),
        }
        controls["period"].observe(self._period_to_years, names="value")
        super().__init__(controls)

    def _period_to_years(self, change: dict) -> None:
        key = change["new"]
        span = (FIRST_YEAR, LAST_YEAR) if key == ALL else (PERIOD_BY_KEY[key].start.year, PERIOD_BY_KEY[key].end.year)
        self.controls["years"].value = span

    def selection(self) -> pd.DataFrame:
        first, last = self.controls["years"].value
        category = self.controls["category"].value
        years = self.events["date"].dt.year
        chosen = self.events[(years >= first) & (years <= last)]
        if category != ALL:
            chosen = chosen[chosen["category"] == category]
        return chosen

    def render(self) -> View:
        first, last = self.controls["years"].value
        category = self.controls["category"].value
        chosen = self.selection()
        span = years_phrase(first, last)
        kind = "" if category == ALL else f" of the kind '{category}'"
        if chosen.empty:
            return no_match(f"The course data has no events{kind} {span}. Try a wider range of years or another kind.")
        table = pd.DataFrame({"date": chosen["date"].dt.strftime("%Y-%m-%d"), "event": chosen["title"],
                              "kind": chosen["category"], "countries": chosen["countries"].map(", ".join)})
        noun = "event" if len(chosen) == 1 else "events"
        message = (f"{len(chosen)} {noun}{kind} {span}. Each dot is one event, placed by date and kind and "
                   f"coloured by period; the list below gives them in order.")
        return View(message, table, chart=True, facts={"count": len(chosen)}, chart_key=(first, last, category),
                    draw=lambda: self._draw(chosen, f"Events{kind} {span}"))

    def _draw(self, chosen: pd.DataFrame, title: str) -> None:
        ax = self.reused_axes()  # kept between changes: only the dots, ticks, legend and title change
        for artist in getattr(self, "_artists", []):
            artist.remove()
        ax.relim()
        self._artists = []
        kinds = sorted(chosen["category"].unique())
        rows = {kind: i for i, kind in enumerate(kinds)}
        for key, group in chosen.groupby("period", sort=False):
            self._artists.append(ax.scatter(group["date"], group["category"].map(rows), s=28, color=PERIOD_COLOURS[key],
                       edgecolor="black", linewidth=0.4, label=PERIOD_BY_KEY[key].label, zorder=3))
        ax.set_yticks(range(len(kinds)), kinds)
        ax.grid(axis="x", color="#dddddd", zorder=0)
        ax.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), fontsize=8, frameon=False, title="Period")
        label(ax, title, "Date", "Kind of event", "course dataset events.csv", fixed_title=True)
