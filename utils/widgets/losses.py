"""Notebook 04: Second World War deaths by state, as a range from the low to the high estimate."""
from __future__ import annotations

import ipywidgets as w
import pandas as pd

from ..data import load
from ..plots import OKABE_ITO, label
from .base import CourseWidget, View, no_match

KINDS = {"all deaths": "total_deaths", "military deaths": "military_deaths", "civilian deaths": "civilian_deaths"}
SCALES = {"number of people": "absolute", "share of pre-war population": "share"}


def loss_ranges(kind: str = "total_deaths") -> pd.DataFrame:
    """One row per state: the smallest and largest estimate of one kind of death, with who made each.

    Columns low/high (people), low_share/high_share (% of the pre-war population), low_by/high_by and
    estimates (how many sources give this kind of death: 1 means low and high are the same figure).
    """
    losses = load("war_losses").dropna(subset=[kind])
    losses = losses.assign(value=losses[kind].astype(float),
                           share=100 * losses[kind].astype(float) / losses["prewar_population"].astype(float))
    rows = {}
    for country, estimates in losses.groupby("country"):
        ordered = estimates.sort_values("value")
        first, last = ordered.iloc[0], ordered.iloc[-1]
        rows[country] = {"low": first["value"], "high": last["value"],
                         "low_share": ordered["share"].min(), "high_share": ordered["share"].max(),
                         "low_by": first["estimate_by"], "high_by": last["estimate_by"], "estimates": len(ordered)}
    columns = ["low", "high", "low_share", "high_share", "low_by", "high_by", "estimates"]
    return pd.DataFrame.from_dict(rows, orient="index", columns=columns)


def _span(low: str, high: str) -> str:
    return low if low == high else f"between {low} and {high}"


def _millions(value: float) -> str:
    return f"{value / 1e6:.1f} million" if value >= 1e6 else f"{value:,.0f}"


class WarLosses(CourseWidget):
    """Low-to-high ranges of war dead for the chosen states, in people or as a share of the population."""

    cached_text = True  # strings rasterised once (see CourseWidget)
    figsize = (8.0, 4.4)
    margins = {"left": 0.22, "right": 0.97, "top": 0.9, "bottom": 0.16}

    def __init__(self, scale: str = "number of people", kind: str = "all deaths", countries: tuple[str, ...] = ()):
        self.ranges = {column: loss_ranges(column) for column in KINDS.values()}
        states = sorted(self.ranges["total_deaths"].index)
        controls = {
            "scale": w.ToggleButtons(options=list(SCALES), value=scale, description="Show"),
            "kind": w.Dropdown(options=list(KINDS), value=kind, description="Deaths"),
            "countries": w.SelectMultiple(options=states, value=tuple(countries) or tuple(states),
                                          rows=6, description="States"),
        }
        super().__init__(controls)

    def render(self) -> View:
        scale, kind = SCALES[self.controls["scale"].value], self.controls["kind"].value
        chosen = list(self.controls["countries"].value)
        if not chosen:
            return no_match("No state is selected. Pick one or more states in the list (Ctrl- or Cmd-click).")
        ranges = self.ranges[KINDS[kind]]
        known = ranges.loc[[c for c in chosen if c in ranges.index]]
        missing = sorted(set(chosen) - set(known.index))
        if known.empty:
            return no_match(f"No source in the course data separates {kind} for "
                            f"{', '.join(missing)}. Choose 'all deaths' instead.")
        low, high = ("low", "high") if scale == "absolute" else ("low_share", "high_share")
        known = known.sort_values(high)
        factor = 1e6 if scale == "absolute" else 1
        ax = self.figure.add_subplot()
        positions = range(len(known))
        ax.hlines(positions, known[low] / factor, known[high] / factor, color=OKABE_ITO["sky blue"], linewidth=6)
        ax.plot(known[low] / factor, positions, "o", color=OKABE_ITO["blue"], label="low estimate")
        ax.plot(known[high] / factor, positions, "D", color=OKABE_ITO["vermillion"], label="high estimate")
        ax.set_yticks(list(positions), list(known.index), fontsize=8)
        ax.set_xlim(left=0)
        ax.legend(fontsize=8, frameon=False, loc="lower right")
        unit = "Dead (millions)" if scale == "absolute" else "Dead (% of pre-war population)"
        label(ax, f"Second World War {kind}: low and high estimates", unit, "State",
              "course dataset war_losses.csv (sources per row)")
        top = known.index[-1]
        if scale == "absolute":
            what = _span(_millions(known.loc[top, "low"]), _millions(known.loc[top, "high"]))
        else:
            what = _span(f"{known.loc[top, 'low_share']:.1f}%", f"{known.loc[top, 'high_share']:.1f}%") + " of its people"
        lead = (f"{top}: {what}" if len(known) == 1
                else f"Of the {len(known)} states shown, {top} lost the most: {what}")
        message = (f"{lead} ({kind}). Each bar runs from the lowest to the highest published estimate "
                   f"in the data.")
        single = list(known.index[known["estimates"] == 1])
        if single:
            message += f" Only one source in the data separates {kind} for {', '.join(single)}: one point, no range."
        if missing:
            message += f" Not shown: {', '.join(missing)} (no source in the data separates {kind})."
        table = pd.DataFrame({
            "state": known.index, "low": known["low"].map("{:,.0f}".format),
            "high": known["high"].map("{:,.0f}".format),
            "% of population": [f"{a:.1f}–{b:.1f}" for a, b in zip(known["low_share"], known["high_share"])],
            "low estimate by": known["low_by"], "high estimate by": known["high_by"],
        }).iloc[::-1]
        return View(message, table, chart=True,
                    facts={"top": top, "shown": list(known.index[::-1]), "missing": missing,
                           "low": float(known.loc[top, low]), "high": float(known.loc[top, high])})
