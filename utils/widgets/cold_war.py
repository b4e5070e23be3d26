"""Notebook 06: an action-reaction timeline of Soviet and Western moves, 1945-1953."""
from __future__ import annotations

import ipywidgets as w
import pandas as pd

from ..data import load
from ..plots import OKABE_ITO, label
from .base import CourseWidget, View, no_match, years_phrase

ACTORS = {"Soviet": OKABE_ITO["vermillion"], "Western": OKABE_ITO["blue"], "Other": OKABE_ITO["orange"],
          "Joint": OKABE_ITO["bluish green"]}


class ActionReaction(CourseWidget):
    """Moves of each side, year range and actors chosen by the learner, on parallel lanes."""

    figsize = (8.5, 3.0)
    margins = {"left": 0.1, "right": 0.98, "top": 0.86, "bottom": 0.18}
    cached_text = True  # faster drawing, opted into (see base.py)
    reuse_figure = True
    png_cache_size = 32

    def __init__(self, years: tuple[int, int] = (1946, 1953), actors: tuple[str, ...] = ("Soviet", "Western")):
        events = load("events")
        stalin_era = (events["date"].dt.year >= 1945) & (events["period"] != "after_stalin")
        self.events = events[stalin_era].sort_values("date")
        controls = {
            "years": w.IntRangeSlider(value=years, min=1945, max=1953, description="Years", continuous_update=False),
            "actors": w.SelectMultiple(options=list(ACTORS), value=actors, rows=4, description="Moves by"),
        }
        super().__init__(controls)

    def render(self) -> View:
        first, last = self.controls["years"].value
        actors = list(self.controls["actors"].value)
        span = years_phrase(first, last)
        if not actors:
            return no_match("Choose at least one side under 'Moves by' (hold Ctrl or Cmd to pick several).")
        years = self.events["date"].dt.year
        chosen = self.events[(years >= first) & (years <= last) & self.events["actor"].isin(actors)]
        if chosen.empty:
            return no_match(f"The course data has no {' or '.join(actors)} moves {span}. Try wider years.")
        counts = chosen["actor"].value_counts()
        parts = ", ".join(f"{counts.get(a, 0)} {a}" for a in actors)
        message = f"{len(chosen)} moves {span} ({parts}). Read the list in order: what answered what?"
        table = pd.DataFrame({"date": chosen["date"].dt.strftime("%Y-%m-%d"), "who": chosen["actor"],
                              "move": chosen["title"]})
        return View(message, table, chart=True, facts={"count": len(chosen), "ids": list(chosen["event_id"]),
                                                       "by_actor": {a: int(counts.get(a, 0)) for a in actors}},
                    chart_key=(first, last, tuple(actors)), draw=lambda: self._draw(chosen, actors, span))

    def _draw(self, chosen: pd.DataFrame, actors: list[str], span: str) -> None:
        """The lanes of dots; the Axes is kept between changes, the dots are replaced."""
        ax = self.reused_axes()
        if getattr(self, "_dots", None) is not None:
            self._dots.remove()
            ax.relim()
        lanes = {actor: i for i, actor in enumerate(actors)}
        self._dots = ax.scatter(chosen["date"], chosen["actor"].map(lanes), c=chosen["actor"].map(ACTORS), s=40,
                                edgecolor="black", linewidth=0.4, zorder=3)
        ax.set_yticks(range(len(actors)), actors)
        ax.set_ylim(-0.6, len(actors) - 0.4)
        ax.grid(axis="x", color="#dddddd", zorder=0)
        label(ax, f"Moves by {', '.join(actors)} {span}", "Date", "Who acted", "course dataset events.csv",
              fixed_title=True)
