"""Notebook 05: what Tehran, Yalta and Potsdam decided, who pressed for it, and what became of it by 1953."""
from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import MaxNLocator

from ..data import load
from ..plots import fit_margins, label
from ..style import OKABE_ITO
from ..wording import count
from .base import ALL, Chart, CourseWidget, View, choice, dropdown, no_match

CONFERENCES = ["Tehran", "Yalta", "Potsdam"]
STATUS_COLOURS = {"carried out": OKABE_ITO["bluish green"], "partly carried out": OKABE_ITO["sky blue"],
                  "not carried out": OKABE_ITO["vermillion"], "overtaken by events": OKABE_ITO["orange"]}


class ConferenceExplorer(CourseWidget):
    """Choose a conference and a topic: the decisions, who pressed for them and their fate by 1953.

    ``ConferenceExplorer(conference="Yalta", topic=ALL)``.
    """

    figsize = (7.8, 2.7)

    def __init__(self, conference: str = "Yalta", topic: str = ALL):
        self.decisions = load("conference_decisions")
        topics = sorted(self.decisions["topic"].unique())
        controls = {
            "conference": dropdown("Conference", [("all three", ALL)] + [(c, c) for c in CONFERENCES],
                                   choice("conference", conference, [ALL, *CONFERENCES])),
            "topic": dropdown("Topic", [("all topics", ALL)] + [(t, t) for t in topics],
                              choice("topic", topic, [ALL, *topics])),
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
            return no_match(f"The course data records no decision{about} at {where}. Try another topic or conference.",
                            count=0)
        counts = chosen["outcome_status"].value_counts().reindex(list(STATUS_COLOURS), fill_value=0)
        parts = ", ".join(f"{n} {status}" for status, n in counts.items() if n)
        message = f"{count(len(chosen), 'decision')}{about} at {where}: {parts}."
        table = pd.DataFrame({"conference": chosen["conference"], "topic": chosen["topic"],
                              "decision": chosen["decision"], "pressed by": chosen["pressed_by"],
                              "by 1953": chosen["outcome_by_1953"], "verdict": chosen["outcome_status"]})
        return View(message, table, Chart((tuple(counts), about, where), lambda ax: self._draw(ax, counts, about, where),
                                          frame="statuses", draw_frame=self._draw_frame),
                    facts={"count": len(chosen), "ids": list(chosen["decision_id"]), "status": counts.to_dict()})

    @staticmethod
    def _draw_frame(ax: Axes) -> list:
        """One row per fate; the scale (the x-axis, whose label names the conference and topic) changes."""
        ax.set_yticks(range(len(STATUS_COLOURS)), list(STATUS_COLOURS))
        ax.set_ylim(len(STATUS_COLOURS) - 0.5, -0.5)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        label(ax, "What became of the decisions by 1953", "Number of decisions", "",
              "course dataset conference_decisions.csv")
        fit_margins(ax, left_labels=list(STATUS_COLOURS))
        return [ax.xaxis]

    @staticmethod
    def _draw(ax: Axes, counts: pd.Series, about: str, where: str) -> None:
        ax.barh(range(len(counts)), counts.values, color=list(STATUS_COLOURS.values()))
        ax.set_xlim(0, max(counts.max(), 1) * 1.1)
        ax.set_xlabel(f"Number of decisions{about} at {where}")
