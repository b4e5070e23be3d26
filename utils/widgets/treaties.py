"""Notebooks 02 and 07: which treaties of the USSR were in force, when, and with whom (a Gantt chart)."""
from __future__ import annotations

import ipywidgets as w
import matplotlib.dates as mdates
from matplotlib.patches import Patch
import pandas as pd

from ..plots import colour_map, label
from .base import CourseWidget, View, no_match, years_phrase
from .treaty_spans import in_force_between, treaties_with_spans

ALL = "all"


class TreatiesInForce(CourseWidget):
    """Treaties in force in a range of years, filtered by type and partner: one bar per treaty."""

    figsize = (8.5, 5.0)
    margins = {"left": 0.36, "right": 0.98, "top": 0.93, "bottom": 0.25}
    max_bars = 30
    cached_text = True  # faster drawing, opted into (see base.py)
    reuse_figure = True
    png_cache_size = 32

    def __init__(self, years: tuple[int, int] = (1934, 1938), treaty_type: str = ALL, partner: str = ALL):
        self.treaties = treaties = treaties_with_spans()
        partners = sorted({c for p in treaties["partners"] for c in p})
        controls = {
            "years": w.IntRangeSlider(value=years, min=1922, max=1953, description="In force",
                                      continuous_update=False),
            "type": w.Dropdown(options=[("all types", ALL)] + [(t, t) for t in sorted(treaties["type"].unique())],
                               value=treaty_type, description="Type"),
            "partner": w.Dropdown(options=[("all partners", ALL)] + [(p, p) for p in partners],
                                  value=partner, description="Partner"),
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
        what = "treaties" if kind == ALL else f"{kind} treaties"
        with_whom = "" if partner == ALL else f" with {partner}"
        chosen = self.selection()
        if chosen.empty:
            return no_match(f"No {what}{with_whom} were in force {span}. Try a wider range of years, "
                            f"another type or another partner.")
        shown = chosen.tail(self.max_bars)
        title = f"Soviet {what}{with_whom} in force {span} (grey band)"
        verb = "was" if len(chosen) == 1 else "were"
        what_counted = what if len(chosen) != 1 else what.replace("treaties", "treaty")
        more = f" The chart shows the latest {self.max_bars}." if len(chosen) > self.max_bars else ""
        message = (f"{len(chosen)} {what_counted}{with_whom} {verb} in force {span}. Each bar runs from entry "
                   f"into force to the treaty's end, or to Stalin's death if it outlived him.{more}")
        table = pd.DataFrame({"treaty": chosen["name"], "signed": chosen["signed"].dt.strftime("%Y-%m-%d"),
                              "type": chosen["type"], "partners": chosen["partners"].map(", ".join),
                              "ended": chosen["end_date"].dt.strftime("%Y-%m-%d").fillna("—"),
                              "how": chosen["end_manner"]})
        return View(message, table, chart=True, facts={"count": len(chosen), "names": list(chosen["treaty_id"])},
                    chart_key=(first, last, kind, partner), draw=lambda: self._draw(shown, first, last, title))

    def _draw(self, shown: pd.DataFrame, first: int, last: int, title: str) -> None:
        """Draw the Gantt chart, reusing the Axes (and its ticks) of the previous one."""
        colours = colour_map(sorted(shown["type"].unique()))  # unique colours within one chart
        ax = self.reused_axes()
        for artist in getattr(self, "_artists", []):
            artist.remove()
        ax.relim()
        bars = ax.barh(range(len(shown)), (shown["finish"] - shown["start"]).dt.days,
                       left=mdates.date2num(shown["start"]), height=0.7, color=[colours[t] for t in shown["type"]])
        ax.xaxis_date()
        ax.set_yticks(range(len(shown)), [n if len(n) <= 45 else n[:44] + "…" for n in shown["name"]], fontsize=7)
        band = ax.axvspan(pd.Timestamp(first, 1, 1), pd.Timestamp(last, 12, 31), color="#eeeeee", zorder=0)
        ax.legend([Patch(color=c) for c in colours.values()], list(colours), fontsize=7, frameon=False,
                  loc="upper left", bbox_to_anchor=(0, -0.12), ncols=4)
        label(ax, title, "Years in force (entry into force to end)", "Treaty", "course dataset treaties.csv",
              fixed_title=True)
        self._artists = [bars, band]
