"""Notebook 07: the USSR's treaty partners in a chosen year, drawn as a network around Moscow."""
from __future__ import annotations

import math

import ipywidgets as w
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection

from ..display import at_precision
from ..style import OKABE_ITO, TITLE_POINTS, TREATY_STYLES, TICK_POINTS
from ..plots import label, retitle, title_text
from ..tables import ALLIANCE_TYPES, in_force_between, state_ends, treaties_with_spans
from ..wording import count, join_names, short_country
from .base import Chart, CourseWidget, Key, View, choice, no_match, valid_years

FIRST_YEAR, LAST_YEAR = 1922, 1953
LINE_STYLES = {"-": "solid", "--": "dashed", ":": "dotted", "-.": "dashed"}


class AllianceNetwork(CourseWidget):
    """The USSR in the centre, its treaty partners of one year on a circle, one line per kind of treaty.

    ``AllianceNetwork(year=1950, types=None, multilateral=True)`` (types: None for every kind).
    """

    figsize = (7.8, 5.0)

    def __init__(self, year: int = 1950, types: tuple[str, ...] | None = None, multilateral: bool = True):
        self.treaties = treaties_with_spans()
        self.state_ends = state_ends()
        all_types = [t for t in TREATY_STYLES if t in set(self.treaties["type"])]
        types = all_types if types is None else [choice("types", t, all_types) for t in types]
        controls = {
            "year": w.IntSlider(value=valid_years("year", year, FIRST_YEAR, LAST_YEAR)[0], min=FIRST_YEAR,
                                max=LAST_YEAR, description="Year", continuous_update=False,
                                layout=w.Layout(width="400px")),
            "types": w.SelectMultiple(options=all_types, value=tuple(types), rows=6, description="Types"),
            "multilateral": w.Checkbox(value=bool(multilateral), description="include multilateral treaties"),
        }
        super().__init__(controls)

    def selection(self) -> pd.DataFrame:
        year = self.controls["year"].value
        chosen = in_force_between(self.treaties, year, year)
        chosen = chosen[chosen["type"].isin(self.controls["types"].value)]
        if not self.controls["multilateral"].value:
            chosen = chosen[chosen["scope"] == "bilateral"]
        return chosen

    def render(self) -> View:
        year, types = self.controls["year"].value, list(self.controls["types"].value)
        if not types:
            return no_match("Choose at least one treaty type under 'Types' (hold Ctrl or Cmd to pick several).")
        chosen = self.selection()
        until = " (up to Stalin's death on 5 March)" if year == LAST_YEAR else ""
        if chosen.empty:
            return no_match(f"The course data has no treaty of the chosen types in force in {year}{until}. "
                            "Choose another year or more types.", states=[], allies=[])
        first_day = pd.Timestamp(year, 1, 1)
        gone = sorted({p for ps in chosen["partners"] for p in ps if self.state_ends.get(p, first_day) < first_day})
        edges: dict[str, set[str]] = {}
        for partners, kind in zip(chosen["partners"], chosen["type"]):
            for partner in partners:
                if partner not in gone:
                    edges.setdefault(partner, set()).add(kind)
        states = sorted(edges)
        if not states:
            return no_match(f"The treaties of the chosen types in force in {year} name only states that no longer "
                            f"existed ({join_names(gone)}). Choose another year or more types.",
                            states=[], allies=[], left_out=gone)
        allies = [s for s in states if edges[s] & set(ALLIANCE_TYPES)]
        alliance_text = (f" Allies (a treaty of alliance or mutual assistance in force): {join_names(allies)}."
                         if allies else " None of them was an ally: no treaty of alliance or mutual assistance.")
        message = f"In {year}{until} the USSR had treaties of the chosen types in force with {count(len(states), 'state')}: " \
                  f"{join_names(states)}.{alliance_text}"
        if gone:
            message += (f" Left out: {join_names(gone)}, which no longer existed as states (annexed or dissolved), "
                        "although multilateral pacts they had signed were never formally ended.")
        table = pd.DataFrame({"treaty": chosen["name"], "signed": at_precision(chosen["signed"]),
                              "type": chosen["type"], "partners": chosen["partners"],
                              "ended": at_precision(chosen["end_date"])})
        kinds = [t for t in TREATY_STYLES if any(t in e for e in edges.values())]
        key = tuple(Key(t, TREATY_STYLES[t][0], "line", LINE_STYLES.get(TREATY_STYLES[t][1], "dashed"))
                    for t in kinds) + (Key("ally (name in bold)", OKABE_ITO["vermillion"]),)
        return View(message, table, Chart((year, tuple(types), self.controls["multilateral"].value),
                                          lambda ax: self._draw(ax, year, states, edges, allies),
                                          frame="circle", draw_frame=self._draw_frame),
                    facts={"year": year, "count": len(chosen), "names": list(chosen["treaty_id"]), "states": states,
                           "allies": allies, "left_out": gone, "edges": {s: sorted(edges[s]) for s in states}},
                    key=key, key_title="Treaties")

    @staticmethod
    def _draw_frame(ax: Axes) -> list:
        """The circle's space and the source; the partners (and Moscow, drawn over their lines) and the year in the
        title change."""
        ax.figure.subplots_adjust(left=0.02, right=0.98, top=0.92, bottom=0.07)
        ax.set_aspect("equal")
        ax.set_xlim(-2.1, 2.1)
        ax.set_ylim(-1.3, 1.25)
        ax.axis("off")
        label(ax, f"Treaties of the USSR in force in {LAST_YEAR}", "", "", "course dataset treaties.csv")
        return [title_text(ax.figure)]

    def _draw(self, ax: Axes, year: int, states: list[str], edges: dict[str, set[str]], allies: list[str]) -> None:
        segments: dict[str, list] = {}
        places = circle(len(states))
        for (x, y), state in zip(places, states):
            ha = "left" if x > 0.15 else "right" if x < -0.15 else "center"
            va = "bottom" if y > 0.15 else "top" if y < -0.15 else "center"
            ax.text(1.08 * x, 1.08 * y, short_country(state), ha=ha, va=va, fontsize=TICK_POINTS,
                    fontweight="bold" if state in allies else "normal")
            kinds = [t for t in TREATY_STYLES if t in edges[state]]
            for k, kind in enumerate(kinds):  # parallel lines, side by side, one per kind
                shift = (k - (len(kinds) - 1) / 2) * 0.035
                dx, dy = -y * shift, x * shift
                segments.setdefault(kind, []).append([(dx * 0.3, dy * 0.3), (x + dx, y + dy)])
        for kind in TREATY_STYLES:
            if kind in segments:
                colour, style, width = TREATY_STYLES[kind]
                ax.add_collection(LineCollection(segments[kind], colors=colour, linestyles=[style], linewidths=width,
                                                 zorder=1))
        ax.scatter([x for x, _ in places], [y for _, y in places], s=[90 if s in allies else 40 for s in states],
                   c=[OKABE_ITO["vermillion"] if s in allies else "white" for s in states],
                   edgecolors="black", linewidths=0.8, zorder=3)
        ax.scatter([0], [0], s=420, c=OKABE_ITO["vermillion"], marker="*", edgecolors="black", zorder=4)
        ax.text(0, -0.13, "USSR", ha="center", va="top", fontsize=TITLE_POINTS - 1, fontweight="bold")
        retitle(ax.figure, f"Treaties of the USSR in force in {year}")


def circle(count: int) -> list[tuple[float, float]]:
    """Where ``count`` partners sit on the unit circle, clockwise from the top."""
    angles = [math.pi / 2 - 2 * math.pi * i / count for i in range(count)]
    return [(math.cos(a), math.sin(a)) for a in angles]
