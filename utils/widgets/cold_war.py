"""Notebook 06: an action-reaction timeline of Soviet and Western moves, 1945-1953."""
from __future__ import annotations

import ipywidgets as w
import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes

from ..data import load
from ..display import at_precision
from ..plots import date_axis, fit_margins, label, retitle, title_text
from ..style import LIGHT_GREY, OKABE_ITO
from ..wording import count, join_names, years_phrase
from .base import Chart, CourseWidget, View, choice, no_match, year_slider, valid_years

ACTORS = {"Soviet": OKABE_ITO["vermillion"], "Western": OKABE_ITO["blue"], "Other": OKABE_ITO["orange"],
          "Joint": OKABE_ITO["bluish green"]}
FIRST_YEAR, LAST_YEAR = 1945, 1953


class ActionReaction(CourseWidget):
    """Moves of each side, in the years and by the actors the learner chooses, on parallel lanes.

    ``ActionReaction(years=(1946, 1953), actors=("Soviet", "Western"))``.
    """

    figsize = (7.8, 2.9)

    def __init__(self, years: tuple[int, int] = (1946, 1953), actors: tuple[str, ...] = ("Soviet", "Western")):
        events = load("events")
        in_era = (events["date"].dt.year >= FIRST_YEAR) & (events["period"] != "after_stalin")
        self.events = events[in_era].sort_values("date", kind="stable")
        controls = {
            "years": year_slider("Years", valid_years("years", years, FIRST_YEAR, LAST_YEAR), FIRST_YEAR, LAST_YEAR),
            "actors": w.SelectMultiple(options=list(ACTORS), value=tuple(choice("actors", a, ACTORS) for a in actors),
                                       rows=4, description="Moves by"),
        }
        super().__init__(controls)

    def render(self) -> View:
        first, last = self.controls["years"].value
        actors = [a for a in ACTORS if a in self.controls["actors"].value]
        span = years_phrase(first, last)
        if not actors:
            return no_match("Choose at least one side under 'Moves by' (hold Ctrl or Cmd to pick several).")
        years = self.events["date"].dt.year
        chosen = self.events[(years >= first) & (years <= last) & self.events["actor"].isin(actors)]
        if chosen.empty:
            return no_match(f"The course data has no {join_names(actors, 'or')} moves {span}. Try wider years.",
                            count=0)
        counts = chosen["actor"].value_counts()
        parts = ", ".join(f"{counts.get(a, 0)} {a}" for a in actors)
        message = f"{count(len(chosen), 'move')} {span} ({parts}). Read the list in order: what answered what?"
        table = pd.DataFrame({"date": at_precision(chosen["date"], chosen["date_precision"]), "who": chosen["actor"],
                              "move": chosen["title"]})
        return View(message, table, Chart((first, last, tuple(actors)), lambda ax: self._draw(ax, chosen, actors, span),
                                          frame=tuple(actors), draw_frame=lambda ax: self._draw_frame(ax, actors)),
                    facts={"count": len(chosen), "ids": list(chosen["event_id"]),
                           "by_actor": {a: int(counts.get(a, 0)) for a in actors}})

    @staticmethod
    def _draw_frame(ax: Axes, actors: list[str]) -> list:
        """One lane per side chosen; the dates (x-axis) and the title change with the years."""
        ax.set_yticks(range(len(actors)), actors)
        ax.set_ylim(len(actors) - 0.4, -0.6)
        ax.grid(axis="x", color=LIGHT_GREY, zorder=0)
        label(ax, "Moves", "Date", "", "course dataset events.csv")
        fit_margins(ax, left_labels=actors)
        return [ax.xaxis, title_text(ax.figure)]

    @staticmethod
    def _draw(ax: Axes, chosen: pd.DataFrame, actors: list[str], span: str) -> None:
        lanes = {actor: i for i, actor in enumerate(actors)}
        ax.scatter(mdates.date2num(chosen["date"]), chosen["actor"].map(lanes), c=list(chosen["actor"].map(ACTORS)),
                   s=42, edgecolor="black", linewidth=0.4, zorder=3)
        start = pd.Timestamp(chosen["date"].min().year, 1, 1) - pd.Timedelta(days=30)
        end = pd.Timestamp(chosen["date"].max().year, 12, 31) + pd.Timedelta(days=30)
        date_axis(ax, start, end)
        retitle(ax.figure, f"{join_names(actors)} moves {span}")
