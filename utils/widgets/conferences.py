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
        ax = self.figure.add_subplot()
        ax.barh(list(counts.index), counts.values, color=list(STATUS_COLOURS.values()))
        ax.invert_yaxis()
        ax.xaxis.get_major_locator().set_params(integer=True)
        label(ax, f"Decisions{about} at {where}: what became of them by 1953", "Number of decisions", "",
              "course dataset conference_decisions.csv")
        parts = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
        noun = "decision" if len(chosen) == 1 else "decisions"
        message = f"{len(chosen)} {noun}{about} at {where}: {parts}."
        table = pd.DataFrame({"conference": chosen["conference"], "topic": chosen["topic"],
                              "decision": chosen["decision"], "pressed by": chosen["pressed_by"].map(", ".join),
                              "by 1953": chosen["outcome_by_1953"], "verdict": chosen["outcome_status"]})
        return View(message, table, chart=True, facts={"count": len(chosen), "ids": list(chosen["decision_id"]),
                                                       "status": counts.to_dict()})
