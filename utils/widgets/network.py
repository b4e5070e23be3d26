"""Notebook 07: the USSR's treaty partners in a chosen year, drawn as a network around Moscow."""
from __future__ import annotations

import math

import ipywidgets as w
import pandas as pd
from matplotlib.collections import LineCollection
from matplotlib.lines import Line2D

from ..data import load
from ..plots import GREY, OKABE_ITO, label
from .base import CourseWidget, View, no_match
from .treaty_spans import ALLIANCE_TYPES, SOVIET_UNION, in_force_between, treaties_with_spans


# One style per treaty type: colour, line style and width, so that the chart reads without colour too.
TYPE_STYLES: dict[str, tuple[str, object, float]] = {
    "friendship and alliance": (OKABE_ITO["vermillion"], "-", 3.2),
    "mutual assistance": (OKABE_ITO["orange"], (0, (6, 2)), 2.6),
    "military": (OKABE_ITO["reddish purple"], "-.", 2.0),
    "non-aggression": (OKABE_ITO["blue"], "--", 1.6),
    "neutrality": (OKABE_ITO["sky blue"], ":", 2.0),
    "peace": (OKABE_ITO["bluish green"], "-", 1.2),
    "armistice": (OKABE_ITO["bluish green"], ":", 1.4),
    "boundary": (OKABE_ITO["black"], (0, (1, 1)), 1.0),
    "trade": (OKABE_ITO["sky blue"], "-", 1.2),
    "credit": (OKABE_ITO["blue"], (0, (3, 1, 1, 1, 1, 1)), 1.2),
    "diplomatic": (GREY, "-", 1.0),
    "other": (GREY, (0, (2, 3)), 1.0),
}

# Shorter labels for the chart only (the message and table use the canonical names).
SHORT_NAMES = {
    "Democratic People's Republic of Korea": "North Korea (DPRK)",
    "People's Republic of China": "People's Rep. of China",
    "Mongolian People's Republic": "Mongolia (MPR)",
    "Democratic Republic of Vietnam": "DR Vietnam",
    "German Democratic Republic": "GDR",
    "Federal Republic of Germany": "FRG",
}


def state_ends() -> dict[str, pd.Timestamp]:
    """When a partner stopped existing as a state: annexation by the USSR (territorial_changes.csv,
    whole states such as the Baltic republics in August 1940) or the last year in countries.csv."""
    ends = {c: pd.Timestamp(int(y), 12, 31) for c, y in load("countries")[["country", "existed_to"]].dropna().values}
    changes = load("territorial_changes")
    whole = changes[(changes["territory"] == changes["previous_state"]) & changes["annexed"].notna()]
    ends.update(dict(zip(whole["previous_state"], whole["annexed"])))
    return ends


def in_force_in(treaties: pd.DataFrame, year: int) -> pd.DataFrame:
    """Treaties in force at some point of ``year`` (the rule of the treaties-in-force widget)."""
    return in_force_between(treaties, year, year)


def join_names(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


class AllianceNetwork(CourseWidget):
    """The USSR in the centre, its treaty partners of one year on a circle, one edge per treaty type."""

    cached_text = True  # strings rasterised once (see CourseWidget)
    figsize = (8.5, 6.0)
    margins = {"left": 0.03, "right": 0.74, "top": 0.93, "bottom": 0.06}

    def __init__(self, year: int = 1950, types: tuple[str, ...] | None = None, multilateral: bool = True):
        self.treaties = treaties_with_spans()
        self.state_ends = state_ends()
        all_types = [t for t in TYPE_STYLES if t in set(self.treaties["type"])]
        controls = {
            "year": w.IntSlider(value=year, min=1922, max=1953, description="Year", continuous_update=False),
            "types": w.SelectMultiple(options=all_types, value=tuple(all_types if types is None else types),
                                      rows=6, description="Types"),
            "multilateral": w.Checkbox(value=multilateral, description="include multilateral treaties"),
        }
        super().__init__(controls)

    def selection(self) -> pd.DataFrame:
        chosen = in_force_in(self.treaties, self.controls["year"].value)
        chosen = chosen[chosen["type"].isin(self.controls["types"].value)]
        if not self.controls["multilateral"].value:
            chosen = chosen[chosen["scope"] == "bilateral"]
        return chosen

    def render(self) -> View:
        year, types = self.controls["year"].value, list(self.controls["types"].value)
        if not types:
            return no_match("Choose at least one treaty type under 'Types' (hold Ctrl or Cmd to pick several).")
        chosen = self.selection()
        until = " (up to Stalin's death on 5 March)" if year == 1953 else ""
        if chosen.empty:
            return no_match(f"The course data has no treaty of the chosen types in force in {year}{until}. "
                            f"Choose another year or more types.")
        edges: dict[str, set[str]] = {}
        first_day = pd.Timestamp(year, 1, 1)
        gone = sorted({p for ps in chosen["partners"] for p in ps if self.state_ends.get(p, first_day) < first_day})
        for partners, kind in zip(chosen["partners"], chosen["type"]):
            for partner in partners:
                if partner not in gone:
                    edges.setdefault(partner, set()).add(kind)
        states = sorted(edges)
        if not states:
            return no_match(f"The treaties of the chosen types in force in {year} name only states that no longer "
                            f"existed ({join_names(gone)}). Choose another year or more types.")
        allies = [s for s in states if edges[s] & set(ALLIANCE_TYPES)]
        self._draw(year, states, edges, allies)
        alliance_text = (f" Alliances (treaties of mutual assistance or of friendship and alliance) with "
                         f"{join_names(allies)}." if allies else
                         " None of them was an alliance (a treaty of mutual assistance or of friendship and alliance).")
        message = (f"In {year}{until} the USSR had treaties of the chosen types in force with {len(states)} "
                   f"state{'s' if len(states) != 1 else ''}: {join_names(states)}.{alliance_text}")
        if gone:
            message += (f" Left out: {join_names(gone)}, which no longer existed as states (annexed or dissolved), "
                        f"although multilateral pacts they had signed were never formally ended.")
        table = pd.DataFrame({"treaty": chosen["name"], "signed": chosen["signed"].dt.strftime("%Y-%m-%d"),
                              "type": chosen["type"], "partners": chosen["partners"].map(", ".join),
                              "ended": chosen["end_date"].dt.strftime("%Y-%m-%d").fillna("—")})
        return View(message, table, chart=True,
                    facts={"year": year, "count": len(chosen), "names": list(chosen["treaty_id"]), "states": states,
                           "allies": allies, "left_out": gone, "edges": {s: sorted(edges[s]) for s in states}})

    def _draw(self, year: int, states: list[str], edges: dict[str, set[str]], allies: list[str]) -> None:
        ax = self.figure.add_subplot()
        ax.set_aspect("equal")
        ax.set_xlim(-1.75, 1.7)
        ax.set_ylim(-1.3, 1.3)
        ax.axis("off")
        segments: dict[str, list] = {}
        n = len(states)
        xs, ys = [], []
        for i, state in enumerate(states):
            angle = math.pi / 2 - 2 * math.pi * i / n
            x, y = math.cos(angle), math.sin(angle)
            xs.append(x)
            ys.append(y)
            kinds = [t for t in TYPE_STYLES if t in edges[state]]
            for k, kind in enumerate(kinds):  # parallel edges, side by side, one per type
                shift = (k - (len(kinds) - 1) / 2) * 0.035
                dx, dy = -math.sin(angle) * shift, math.cos(angle) * shift
                segments.setdefault(kind, []).append([(dx * 0.3, dy * 0.3), (x + dx, y + dy)])
            ha = "left" if x > 0.15 else "right" if x < -0.15 else "center"
            va = "bottom" if y > 0.15 else "top" if y < -0.15 else "center"
            ax.text(1.09 * x, 1.09 * y, SHORT_NAMES.get(state, state), ha=ha, va=va, fontsize=8,
                    fontweight="bold" if state in allies else "normal")
        segments = {k: segments[k] for k in TYPE_STYLES if k in segments}  # legend in a fixed order
        for kind, lines in segments.items():
            colour, style, width = TYPE_STYLES[kind]
            ax.add_collection(LineCollection(lines, colors=colour, linestyles=[style], linewidths=width, zorder=1))
        ax.scatter(xs, ys, s=[90 if s in allies else 40 for s in states],
                   c=["white" if s not in allies else OKABE_ITO["vermillion"] for s in states],
                   edgecolors="black", linewidths=0.8, zorder=3)
        ax.scatter([0], [0], s=420, c=OKABE_ITO["vermillion"], marker="*", edgecolors="black", zorder=4)
        ax.text(0, -0.13, "USSR", ha="center", va="top", fontsize=9, fontweight="bold")
        handles = [Line2D([], [], color=TYPE_STYLES[k][0], linestyle=TYPE_STYLES[k][1], linewidth=TYPE_STYLES[k][2])
                   for k in segments]
        handles.append(Line2D([], [], marker="o", color="none", markerfacecolor=OKABE_ITO["vermillion"],
                              markeredgecolor="black", markersize=8))
        ax.legend(handles, [*segments, "ally (bold name)"], title="Treaty type", fontsize=8, title_fontsize=8,
                  frameon=False, loc="upper left", bbox_to_anchor=(1.02, 1.0))
        label(ax, f"Treaties of the USSR in force in {year}", "", "", "course dataset treaties.csv")
