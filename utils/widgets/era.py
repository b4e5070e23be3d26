"""Notebook 00: the whole era on one timeline, by years and kind of event, coloured by period."""
from __future__ import annotations

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes

from ..data import load
from ..display import at_precision
from ..periods import PERIODS, PERIOD_BY_KEY
from ..plots import date_axis, fit_margins, label, retitle, title_text
from ..style import LIGHT_GREY, PERIOD_COLOURS
from ..wording import count, years_phrase
from .base import ALL, Chart, Key, CourseWidget, View, choice, dropdown, no_match, year_slider, valid_years

FIRST_YEAR, LAST_YEAR = 1922, 1953
NO_PERIOD = ""


class EraTimeline(CourseWidget):
    """Events of a range of years, as a timeline by kind of event and as a list.

    ``EraTimeline(years=(1939, 1941), kind="war")``, or ``EraTimeline(period="cold_war")`` for a period's years.
    """

    figsize = (7.8, 3.9)

    def __init__(self, years: tuple[int, int] | None = None, kind: str = ALL, period: str | None = None):
        events = load("events")
        events = events[events["date"].dt.year <= LAST_YEAR].sort_values("date", kind="stable")
        self.kinds = sorted(events["category"].unique())
        rows = {kind: i for i, kind in enumerate(self.kinds)}
        self.events = events.assign(x=mdates.date2num(events["date"]), row=events["category"].map(rows),
                                    colour=events["period"].map(PERIOD_COLOURS))  # where and how each is drawn
        periods = [p for p in PERIODS if p.key != "after_stalin"]
        if period is not None:
            chosen = PERIOD_BY_KEY[choice("period", period, [p.key for p in periods])]
            span = (chosen.start.year, chosen.end.year)
            if years is not None and tuple(years) != span:
                raise ValueError(f"period={period!r} covers {span[0]}–{span[1]}: give the period or the years, "
                                 "not both")
            years = span
        years = valid_years("years", years or (FIRST_YEAR, LAST_YEAR), FIRST_YEAR, LAST_YEAR)
        self.period_spans = {p.key: (p.start.year, p.end.year) for p in periods}
        self.legend_periods = [key for key in PERIOD_COLOURS if key in set(self.events["period"])]  # always all
        jump = dropdown("Jump to", [("a period…", NO_PERIOD)] + [(f"{p.label} ({p.years})", p.key) for p in periods],
                        period or NO_PERIOD, width="330px")
        controls = {
            "years": year_slider("Years", years, FIRST_YEAR, LAST_YEAR),
            "kind": dropdown("Kind", [("all kinds", ALL)] + [(k, k) for k in self.kinds],
                             choice("kind", kind, [ALL, *self.kinds])),
        }
        jump.observe(self._jump, names="value")
        controls["years"].observe(self._forget_period, names="value")
        super().__init__(controls, shortcuts={"period": jump})

    def _jump(self, change: dict) -> None:
        if change["new"] != NO_PERIOD:
            self.set_controls(years=self.period_spans[change["new"]])

    def _forget_period(self, change: dict) -> None:
        period = self.shortcuts["period"]
        if period.value != NO_PERIOD and self.period_spans[period.value] != tuple(change["new"]):
            period.value = NO_PERIOD

    def selection(self) -> pd.DataFrame:
        first, last = self.controls["years"].value
        kind = self.controls["kind"].value
        years = self.events["date"].dt.year
        chosen = self.events[(years >= first) & (years <= last)]
        return chosen if kind == ALL else chosen[chosen["category"] == kind]

    def render(self) -> View:
        first, last = self.controls["years"].value
        kind = self.controls["kind"].value
        chosen = self.selection()
        span = years_phrase(first, last)
        of_kind = "" if kind == ALL else f" of the kind '{kind}'"
        if chosen.empty:
            return no_match(f"The course data has no events{of_kind} {span}. Try a wider range of years or "
                            "another kind.", count=0)
        table = pd.DataFrame({"date": at_precision(chosen["date"], chosen["date_precision"]), "event": chosen["title"],
                              "kind": chosen["category"], "countries": chosen["countries"]})
        message = (f"{count(len(chosen), 'event')}{of_kind} {span}. Each dot is one event, placed by date and kind "
                   "and coloured by period; the list below gives them in order.")
        title = f"Events{of_kind} {span}"
        return View(message, table,
                    Chart((first, last, kind), lambda ax: self._draw(ax, chosen, first, last, title),
                          frame="kinds", draw_frame=self._draw_frame),
                    facts={"count": len(chosen), "ids": list(chosen["event_id"])},
                    key=tuple(Key(PERIOD_BY_KEY[k].label, PERIOD_COLOURS[k]) for k in self.legend_periods),
                    key_title="Colour: period")

    def _draw_frame(self, ax: Axes) -> list:
        """One row per kind of event; the years (the x-axis) and the title change with each picture."""
        ax.set_yticks(range(len(self.kinds)), self.kinds)
        ax.set_ylim(-0.7, len(self.kinds) - 0.3)
        ax.grid(axis="x", color=LIGHT_GREY, zorder=0)
        label(ax, "Events", "Date", "", "course dataset events.csv")
        fit_margins(ax, left_labels=self.kinds)
        return [ax.xaxis, title_text(ax.figure)]

    def _draw(self, ax: Axes, chosen: pd.DataFrame, first: int, last: int, title: str) -> None:
        ax.scatter(chosen["x"], chosen["row"], s=30, c=list(chosen["colour"]), edgecolor="black", linewidth=0.4,
                   zorder=3)
        start, end = pd.Timestamp(first, 1, 1) - pd.Timedelta(days=40), pd.Timestamp(last, 12, 31) + pd.Timedelta(days=40)
        date_axis(ax, start, end)
        retitle(ax.figure, title)
