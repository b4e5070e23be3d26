"""Notebook 05: what Tehran, Yalta and Potsdam decided, who pressed for it, and what became of it by 1953."""
from __future__ import annotations

import ipywidgets as w
import pandas as pd

from ..data import load
from ..plots import OKABE_ITO, label
from .base import CourseWidget, View, no_match

ALL = "all"
CONFERENCES = ["Tehran", "Yalta", "Potsdam"]
STATUS_COLOURS = {"carried out": OKABE_ITO["bluish green"], "partly carried out": OKABE_ITO["sky blue"],
                  "not carried out": OKABE_ITO["vermillion"], "overtaken by events": OKABE_ITO["orange"]}


class ConferenceExplorer(CourseWidget):
    """Choose a conference and a topic: the decisions, who pressed for them and their fate by 1953."""

    figsize = (7.5, 2.6)
    margins = {"left": 0.25, "right": 0.97, "top": 0.85, "bottom": 0.22}
    cached_text = True  # faster drawing, opted into (see base.py)
    reuse_figure = True
    png_cache_size = 32

    def __init__(self, conference: str = "Yalta", topic: str = ALL):
        self.decisions = load("conference_decisions")
        topics = sorted(self.decisions["topic"].unique())
        controls = {
            "conference": w.Dropdown(options=[("all three", ALL)] + [(c, c) for c in CONFERENCES],
                                     value=conference, description="Conference"),
            "topic": w.Dropdown(options=[("all topics", ALL)] + [(t, t) for t in topics], value=topic,
                                description="Topic"),
        }
        super().__init__(controls)

    def render(self) -> View:
        conference, topic = self.controls["conference"].value, self.controls["topic"].value
        chosen = self.decisions
        if conference != ALL:
            chosen = chosen[chosen["conference"] == conference]
        if topic != ALL:
            chosen = chosen[chosen["topic"] == topic]
        where = "the three conferences" if conference == ALL else conference
        about = "" if topic == ALL else f" on {topic}"
        if chosen.empty:
            return no_match(f"The course data records no decision{about} at {where}. Try another topic or conference.")
        counts = chosen["outcome_status"].value_counts().reindex(list(STATUS_COLOURS), fill_value=0)
        parts = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
        noun = "decision" if len(chosen) == 1 else "decisions"
        message = f"{len(chosen)} {noun}{about} at {where}: {parts}."
        table = pd.DataFrame({"conference": chosen["conference"], "topic": chosen["topic"],
                              "decision": chosen["decision"], "pressed by": chosen["pressed_by"].map(", ".join),
                              "by 1953": chosen["outcome_by_1953"], "verdict": chosen["outcome_status"]})
        return View(message, table, chart=True, facts={"count": len(chosen), "ids": list(chosen["decision_id"]),
                                                       "status": counts.to_dict()},
                    chart_key=(conference, topic), draw=lambda: self._draw(counts, about, where))

    def _draw(self, counts: pd.Series, about: str, where: str) -> None:
        """One bar per verdict; the bars are made once and then only change length."""
        ax = self.reused_axes()
        if getattr(self, "_bars", None) is None:
            self._bars = ax.barh(list(counts.index), counts.values, color=list(STATUS_COLOURS.values()))
            ax.invert_yaxis()
            ax.xaxis.get_major_locator().set_params(integer=True)
        else:
            for bar, width in zip(self._bars, counts.values):
                bar.set_width(width)
            ax.relim()
            ax.autoscale_view()
        label(ax, f"Decisions{about} at {where}: what became of them by 1953", "Number of decisions", "",
              "course dataset conference_decisions.csv", fixed_title=True)
