"""Notebook 03: the territories the USSR took in 1939–1940, month by month."""
from __future__ import annotations

import ipywidgets as w
import pandas as pd

from ..data import load
from ..plots import colour_map, label
from .base import CourseWidget, View

MEASURES = {"area (km²)": ("area_km2", 1, "Area (km²)"), "population (millions)": ("population", 1e6, "People (millions)")}


def month_range(first: str, last: str) -> list[pd.Timestamp]:
    return list(pd.period_range(first, last, freq="M").to_timestamp())


class TerritorialSteps(CourseWidget):
    """Step through the months: the territories held and annexed so far, by area or population."""

    figsize = (8.0, 3.8)
    margins = {"left": 0.1, "right": 0.98, "top": 0.9, "bottom": 0.24}
    cached_text = True  # faster drawing, opted into (see base.py)
    reuse_figure = True
    png_cache_size = 32

    def __init__(self, month: str = "1940-08", measure: str = "area (km²)",
                 months: tuple[str, str] = ("1939-09", "1940-08")):
        territories = load("territorial_changes")
        territories["taken"] = territories["occupied"].fillna(territories["annexed"])
        self.territories = territories.sort_values("taken")
        self.months = month_range(*months)
        self.colours = colour_map(list(self.territories["territory_id"]))
        controls = {
            "month": w.SelectionSlider(options=[(m.strftime("%b %Y"), m) for m in self.months],
                                       value=pd.Timestamp(month), description="Month", continuous_update=False),
            "measure": w.Dropdown(options=list(MEASURES), value=measure, description="Measure"),
        }
        super().__init__(controls)

    def render(self) -> View:
        month, measure = self.controls["month"].value, self.controls["measure"].value
        column, scale, axis = MEASURES[measure]
        month_end = month + pd.offsets.MonthEnd(0)
        shown_months = [m for m in self.months if m <= month]
        title = f"Territory taken by the USSR, September 1939 to {month.strftime('%B %Y')}: {measure}"
        draw = lambda: self._draw(shown_months, column, scale, axis, title)  # noqa: E731
        taken = self.territories[self.territories["taken"] <= month_end]
        if taken.empty:
            return View(f"By the end of {month.strftime('%B %Y')} the USSR had taken no territory yet.", chart=True,
                        facts={"count": 0, "area": 0, "population": 0}, chart_key=(month, measure), draw=draw)
        annexed = taken[taken["annexed"] <= month_end]
        area, people = int(taken["area_km2"].sum()), int(taken["population"].sum())
        message = (f"By the end of {month.strftime('%B %Y')} the USSR had taken {len(taken)} "
                   f"{'territory' if len(taken) == 1 else 'territories'} ({area:,} km², {people:,} people); "
                   f"{'none' if annexed.empty else len(annexed)} of them formally annexed by then. "
                   f"Each bar stacks what was held that month.")
        table = pd.DataFrame({"territory": taken["territory"], "taken from": taken["previous_state"],
                              "occupied": taken["taken"].dt.strftime("%Y-%m-%d"),
                              "annexed": taken["annexed"].map(lambda d: d.strftime("%Y-%m-%d") if d <= month_end else "not yet"),
                              "how": taken["method"], "area (km²)": taken["area_km2"], "people": taken["population"]})
        return View(message, table, chart=True,
                    facts={"count": len(taken), "annexed": len(annexed), "area": area, "population": people},
                    chart_key=(month, measure), draw=draw)

    def _draw(self, shown_months: list[pd.Timestamp], column: str, scale: float, axis: str, title: str) -> None:
        """Stacked bars, one stack per month shown; the Axes is kept between changes, the bars are replaced."""
        ax = self.reused_axes()
        for artist in getattr(self, "_artists", []):
            artist.remove()
        if ax.get_legend() is not None:
            ax.get_legend().remove()
        ax.relim()
        self._artists = []
        positions = range(len(shown_months))
        bottom = pd.Series(0.0, index=shown_months)
        for _, row in self.territories.iterrows():
            held = pd.Series([row[column] / scale if row["taken"] <= m + pd.offsets.MonthEnd(0) else 0.0
                              for m in shown_months], index=shown_months)
            if held.any():
                self._artists.append(ax.bar(positions, held, bottom=bottom,
                                            color=self.colours[row["territory_id"]], label=row["territory"]))
                bottom += held
        ax.set_xticks(positions, [m.strftime("%b %y") for m in shown_months])
        ax.set_xlim(-0.6, len(self.months) - 0.4)
        ax.tick_params(axis="x", labelrotation=60, labelsize=7)
        if bottom.any():
            ax.legend(fontsize=7, frameon=False, loc="upper left")
        label(ax, title, "Month", axis, "course dataset territorial_changes.csv", fixed_title=True)
