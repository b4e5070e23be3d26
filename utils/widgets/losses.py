"""Notebook 04: Second World War deaths by state, as a range from the low to the high estimate."""
from __future__ import annotations

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ..plots import fit_margins, label
from ..style import LIGHT_GREY, OKABE_ITO
from ..tables import loss_ranges
from ..wording import in_sentence, join_names, millions, short_country, span_of
from .base import Chart, CourseWidget, Key, View, choice, dropdown, no_match

KINDS = {"total": ("all deaths", "total_deaths"), "military": ("military deaths", "military_deaths"),
         "civilian": ("civilian deaths", "civilian_deaths")}
SCALES = {"people": "number of people", "share": "share of pre-war population"}


class WarLosses(CourseWidget):
    """Low-to-high ranges of war dead for the chosen states, in people or as a share of the population.

    ``WarLosses(scale="people", kind="total", countries=("Soviet Union", "Poland"))`` (no countries: all of them).
    """

    figsize = (7.8, 4.3)

    def __init__(self, scale: str = "people", kind: str = "total", countries: tuple[str, ...] = ()):
        self.ranges = {key: loss_ranges(column) for key, (_, column) in KINDS.items()}
        states = sorted(self.ranges["total"].index)
        countries = tuple(choice("countries", c, states) for c in countries) or tuple(states)
        controls = {
            "scale": w.ToggleButtons(options=[(words, key) for key, words in SCALES.items()],
                                     value=choice("scale", scale, SCALES), description="Show",
                                     style={"button_width": "auto"}),
            "kind": dropdown("Deaths", [(words, key) for key, (words, _) in KINDS.items()],
                             choice("kind", kind, KINDS)),
            "countries": w.SelectMultiple(options=states, value=countries, rows=6, description="States",
                                          layout=w.Layout(width="330px")),
        }
        super().__init__(controls)

    def render(self) -> View:
        scale, kind = self.controls["scale"].value, self.controls["kind"].value
        words = KINDS[kind][0]
        chosen = list(self.controls["countries"].value)
        if not chosen:
            return no_match("No state is selected. Pick one or more states in the list (Ctrl- or Cmd-click).")
        ranges = self.ranges[kind]
        known = ranges.loc[[c for c in chosen if c in ranges.index]]
        missing = sorted(set(chosen) - set(known.index))
        if known.empty:
            return no_match(f"No source in the course data separates {words} for {join_names(missing)}. "
                            "Choose 'all deaths' instead.", missing=missing)
        low, high = ("low", "high") if scale == "people" else ("low_share", "high_share")
        known = known.sort_values(high)
        top = known.index[-1]
        if scale == "people":
            what = span_of(millions(known.loc[top, "low"]), millions(known.loc[top, "high"]))
        else:
            what = span_of(f"{known.loc[top, 'low_share']:.1f}%", f"{known.loc[top, 'high_share']:.1f}%") \
                + " of its people"
        lead = f"{top}: {what}" if len(known) == 1 else f"Of the {len(known)} states shown, {in_sentence(top)} lost the most: {what}"
        message = f"{lead} ({words}). Each bar runs from the lowest to the highest published estimate in the data."
        single = list(known.index[known["estimates"] == 1])
        if single:
            message += f" Only one source in the data separates {words} for {join_names(single)}: one point, no range."
        if missing:
            message += f" Not shown: {join_names(missing)} (no source in the data separates {words})."
        table = pd.DataFrame({"state": known.index, "low estimate": known["low"], "high estimate": known["high"],
                              "% of population": [f"{a:.1f}–{b:.1f}" for a, b in zip(known["low_share"],
                                                                                     known["high_share"])],
                              "low estimate by": known["low_by"], "high estimate by": known["high_by"]}).iloc[::-1]
        return View(message, table,
                    Chart((scale, kind, tuple(known.index)), lambda ax: self._draw(ax, known, low, high, scale),
                          frame=kind, draw_frame=lambda ax: self._draw_frame(ax, words)),
                    facts={"top": top, "shown": list(known.index[::-1]), "missing": missing,
                           "low": float(known.loc[top, low]), "high": float(known.loc[top, high])},
                    key=(Key("low estimate", OKABE_ITO["blue"]), Key("high estimate", OKABE_ITO["vermillion"]),
                         Key("range between them", OKABE_ITO["sky blue"], "line")))

    def _draw_frame(self, ax: Axes, words: str) -> list:
        """Title and margins for any state; the scale (x-axis) and the states (y-axis) change."""
        ax.grid(axis="x", color=LIGHT_GREY, zorder=0)
        label(ax, f"Second World War {words}: low and high estimates", "", "",
              "course dataset war_losses.csv (sources per row)")
        fit_margins(ax, left_labels=[short_country(c) for c in self.ranges["total"].index])
        return [ax.xaxis, ax.yaxis]

    @staticmethod
    def _draw(ax: Axes, known: pd.DataFrame, low: str, high: str, scale: str) -> None:
        factor = 1e6 if scale == "people" else 1
        positions = np.arange(len(known))
        lows, highs = known[low].to_numpy() / factor, known[high].to_numpy() / factor
        ax.hlines(positions, lows, highs, color=OKABE_ITO["sky blue"], linewidth=6, zorder=2)
        ax.plot(lows, positions, "o", color=OKABE_ITO["blue"], zorder=3)
        ax.plot(highs, positions, "D", color=OKABE_ITO["vermillion"], zorder=3)
        ax.set_yticks(positions, [short_country(c) for c in known.index])
        ax.set_ylim(-0.7, len(known) - 0.3)
        ax.set_xlim(0, highs.max() * 1.08)
        ax.set_xlabel("Dead (millions)" if scale == "people" else "Dead (% of pre-war population)")
