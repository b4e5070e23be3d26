"""Notebook 03: the territories the USSR took in 1939–1940, month by month."""
from __future__ import annotations

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from ..display import at_precision
from ..plots import bars, fit_margins, label, retitle, title_text
from ..style import colour_map
from ..tables import territories_taken
from ..wording import count, shorten
from .base import Chart, CourseWidget, Key, View, WidgetArgumentError, choice, dropdown

MEASURES = {"area": ("area_km2", 1e3, "Area (thousand km²)"), "population": ("population", 1e6, "People (millions)")}
FIRST_MONTH, LAST_MONTH = "1939-09", "1940-08"


def month_range(first: str, last: str) -> list[pd.Timestamp]:
    """The first day of every month from ``first`` to ``last`` ('1939-09' to '1940-08')."""
    return list(pd.period_range(first, last, freq="M").to_timestamp())


def _month(name: str, value: str, months: list[pd.Timestamp]) -> pd.Timestamp:
    try:
        month = pd.Timestamp(value).to_period("M").to_timestamp()
    except ValueError:
        raise WidgetArgumentError(f"{name}={value!r}: write a month as 'YYYY-MM', e.g. '1940-08'.") from None
    if month not in months:
        raise WidgetArgumentError(f"{name}={value!r}: choose a month from {months[0]:%Y-%m} to {months[-1]:%Y-%m}.")
    return month


class TerritorialSteps(CourseWidget):
    """Step through the months: the territories held and annexed so far, by area or population.

    ``TerritorialSteps(month="1940-08", measure="area", months=("1939-09", "1940-08"))``.
    """

    figsize = (7.8, 3.7)

    def __init__(self, month: str = LAST_MONTH, measure: str = "area",
                 months: tuple[str, str] = (FIRST_MONTH, LAST_MONTH)):
        self.months = month_range(*months)
        territories = territories_taken()
        end = self.months[-1] + pd.offsets.MonthEnd(0)
        self.territories = territories[territories["taken"] <= end]
        self.colours = colour_map(list(self.territories["territory_id"]))
        self.short = {t: shorten(name, 40) for t, name in zip(self.territories["territory_id"],
                                                                self.territories["territory"])}
        controls = {
            "month": w.SelectionSlider(options=[(m.strftime("%b %Y"), m) for m in self.months],
                                       value=_month("month", month, self.months), description="Month",
                                       continuous_update=False, layout=w.Layout(width="440px")),
            "measure": dropdown("Measure", [("area (km²)", "area"), ("population", "population")],
                                choice("measure", measure, MEASURES)),
        }
        super().__init__(controls)

    def render(self) -> View:
        month, measure = self.controls["month"].value, self.controls["measure"].value
        month_end = month + pd.offsets.MonthEnd(0)
        taken = self.territories[self.territories["taken"] <= month_end]
        chart = Chart((month, measure), lambda ax: self._draw(ax, month, measure), frame="months",
                      draw_frame=self._draw_frame)
        when = month.strftime("%B %Y")
        if taken.empty:
            return View(f"By the end of {when} the USSR had taken no territory yet.", chart=chart,
                        facts={"count": 0, "area": 0, "population": 0})
        annexed = taken[taken["annexed"] <= month_end]
        area, people = int(taken["area_km2"].sum()), int(taken["population"].sum())
        message = (f"By the end of {when} the USSR had taken {count(len(taken), 'territory')} ({area:,} km², "
                   f"{people:,} people); {len(annexed) or 'none'} of them formally annexed by then. Each bar "
                   "stacks what was held that month.")
        table = pd.DataFrame({
            "territory": taken["territory"], "taken from": taken["previous_state"],
            "occupied": at_precision(taken["taken"], taken["date_precision"]),
            "annexed": at_precision(taken["annexed"], taken["date_precision"]).where(taken["annexed"] <= month_end,
                                                                                     "not yet"),
            "how": taken["method"], "area (km²)": taken["area_km2"], "people": taken["population"]})
        key = tuple(Key(self.short[t], self.colours[t], "square") for t in taken["territory_id"])
        return View(message, table, chart, facts={"count": len(taken), "annexed": len(annexed), "area": area,
                                                  "population": people}, key=key, key_title="Territory")

    def _draw_frame(self, ax: Axes) -> list:
        """The months; the scale (the y-axis) changes with the measure, the bars and the title with the month."""
        ax.set_xticks(range(len(self.months)), [m.strftime("%b\n%Y") if m.month in (1, 9) or i == 0 else
                                                m.strftime("%b") for i, m in enumerate(self.months)])
        ax.set_xlim(-0.6, len(self.months) - 0.4)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5))
        label(ax, self._title(self.months[-1]), "Month", "", "course dataset territorial_changes.csv")
        widest = [f"{self.territories[column].sum() / scale:.0f}" for column, scale, _ in MEASURES.values()]
        fit_margins(ax, left_labels=widest, ylabel=True, legend_below=0.2)
        return [ax.yaxis, title_text(ax.figure)]

    @staticmethod
    def _title(month: pd.Timestamp) -> str:
        return f"Territory taken by the USSR, month by month, to {month:%B %Y}"

    def _draw(self, ax: Axes, month: pd.Timestamp, measure: str) -> None:
        """One bar per month up to ``month``, stacking every territory held by the end of that month."""
        column, scale, axis = MEASURES[measure]
        month_ends = np.array([m + pd.offsets.MonthEnd(0) for m in self.months if m <= month], dtype="datetime64[ns]")
        held = self.territories["taken"].to_numpy()[:, None] <= month_ends[None, :]  # territory x month
        heights = np.where(held, self.territories[column].to_numpy()[:, None] / scale, 0.0)
        bottoms = heights.cumsum(axis=0) - heights
        colours = np.repeat([self.colours[t] for t in self.territories["territory_id"]], len(month_ends))
        months = np.tile(np.arange(len(month_ends)), len(self.territories))
        bars(ax, months[held.ravel()], heights[held], colours[held.ravel()], width=0.75, starts=bottoms[held])
        ax.set_ylim(0, self.territories[column].sum() / scale * 1.05)
        ax.set_ylabel(axis)
        retitle(ax.figure, self._title(month))
