"""Notebook 07: the USSR's treaty partners in a chosen year, drawn as a network around Moscow."""
from __future__ import annotations

import math

import ipywidgets as w
import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PolyCollection

from ..display import at_precision
from ..style import OKABE_ITO, TICK_POINTS, TITLE_POINTS, TREATY_STYLES
from ..plots import dots, label, retitle, title_text
from ..tables import ALLIANCE_TYPES, directions_from_moscow, in_force_between, state_ends, treaties_with_spans
from ..wording import count, join_names, short_country
from .base import Chart, CourseWidget, Key, View, choice, no_match, valid_years

FIRST_YEAR, LAST_YEAR = 1922, 1953
LINE_STYLES = {"-": "solid", "--": "dashed", ":": "dotted", "-.": "dashed"}
MIN_GAP = 13.0  # degrees between neighbours on the circle: their names never touch
NAME_RADIUS, HUB_RADIUS = 1.08, 0.27  # names just outside the circle; lines start outside the star and "USSR"
VEIL = 0.75  # how much a white veil fades the names of the states that were not partners in the year shown


class AllianceNetwork(CourseWidget):
    """The USSR in the centre, its treaty partners of one year on a circle, one line per kind of treaty.

    Every state that was a partner at some time in the era keeps one place, in the direction of its capital from
    Moscow (spread out so that names do not touch); the names of the states that were not partners that year are
    faded.

    ``AllianceNetwork(year=1950, types=None, multilateral=True)`` (types: None for every kind).
    """

    figsize = (6.0, 5.0)

    def __init__(self, year: int = 1950, types: tuple[str, ...] | None = None, multilateral: bool = True):
        self.treaties = treaties_with_spans()
        self.state_ends = state_ends()
        era = in_force_between(self.treaties, FIRST_YEAR, LAST_YEAR)
        directions, partners = directions_from_moscow(), {p for ps in era["partners"] for p in ps}
        if partners - set(directions):
            raise ValueError(f"countries.csv gives no capital coordinates for {join_names(sorted(partners - set(directions)))}: "
                             "add their capital_lat and capital_lon")
        self.places = around_moscow({p: directions[p] for p in partners})
        self.name_boxes: dict[str, np.ndarray] = {}  # set by the frame: where each name is drawn, in data units
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
        faded = [s for s in self.places if s not in edges]
        kinds = [t for t in TREATY_STYLES if any(t in e for e in edges.values())]
        key = tuple(Key(t, TREATY_STYLES[t][0], "line", LINE_STYLES.get(TREATY_STYLES[t][1], "dashed"))
                    for t in kinds) + (Key("ally (large dot, name boxed)", OKABE_ITO["vermillion"]),)
        return View(message, table, Chart((year, tuple(types), self.controls["multilateral"].value),
                                          lambda ax: self._draw(ax, year, states, edges, allies, faded),
                                          frame="circle", draw_frame=self._draw_frame),
                    facts={"year": year, "count": len(chosen), "names": list(chosen["treaty_id"]), "states": states,
                           "allies": allies, "left_out": gone, "edges": {s: sorted(edges[s]) for s in states},
                           "faded": faded},
                    key=key, key_title="Treaties")

    def _draw_frame(self, ax: Axes) -> list:
        """Every partner of the era in its place, the USSR in the centre and the source; the lines, the dots, the
        veils over the names of the year's non-partners, the boxes round the allies' names and the year change."""
        ax.figure.subplots_adjust(left=0.01, right=0.99, top=0.92, bottom=0.07)
        ax.set_aspect("equal")
        ax.set_xlim(-1.75, 1.75)
        ax.set_ylim(-1.3, 1.25)
        ax.axis("off")
        label(ax, f"Treaties of the USSR in force in {LAST_YEAR}", "", "", "course dataset treaties.csv")
        names = {}
        for state, (x, y) in self.places.items():
            ha = "left" if x > 0.15 else "right" if x < -0.15 else "center"
            va = "bottom" if y > 0.15 else "top" if y < -0.15 else "center"
            names[state] = ax.text(NAME_RADIUS * x, NAME_RADIUS * y, short_country(state), ha=ha, va=va,
                                   fontsize=TICK_POINTS)
        dots(ax, [0], [0], OKABE_ITO["vermillion"], size=420, marker="*", edge_width=0.8)
        ax.text(0, -0.13, "USSR", ha="center", va="top", fontsize=TITLE_POINTS - 1, fontweight="bold")
        ax.apply_aspect()
        renderer, to_data = ax.figure.canvas.get_renderer(), ax.transData.inverted()
        self.name_boxes = {state: to_data.transform(text.get_window_extent(renderer).padded(2).get_points())
                           for state, text in names.items()}
        return [title_text(ax.figure)]

    def _draw(self, ax: Axes, year: int, states: list[str], edges: dict[str, set[str]], allies: list[str],
              faded: list[str]) -> None:
        segments: dict[str, list] = {}
        for state in states:
            x, y = self.places[state]
            kinds = [t for t in TREATY_STYLES if t in edges[state]]
            for k, kind in enumerate(kinds):  # parallel lines, side by side, one per kind
                shift = (k - (len(kinds) - 1) / 2) * 0.035
                dx, dy = -y * shift, x * shift
                segments.setdefault(kind, []).append([(HUB_RADIUS * x + dx, HUB_RADIUS * y + dy), (x + dx, y + dy)])
        for kind in TREATY_STYLES:
            if kind in segments:
                colour, style, width = TREATY_STYLES[kind]
                ax.add_collection(LineCollection(segments[kind], colors=colour, linestyles=[style], linewidths=width,
                                                 zorder=1))
        for group, colour, size in (([s for s in states if s not in allies], "white", 40),
                                    (allies, OKABE_ITO["vermillion"], 90)):
            dots(ax, [self.places[s][0] for s in group], [self.places[s][1] for s in group], colour, size=size,
                 edge_width=0.8)
        ax.add_collection(PolyCollection([box_corners(self.name_boxes[s]) for s in faded], facecolors="white",
                                         alpha=VEIL, edgecolors="none", zorder=4))
        ax.add_collection(PolyCollection([box_corners(self.name_boxes[s]) for s in allies], facecolors="none",
                                         edgecolors=OKABE_ITO["vermillion"], linewidths=1.4, zorder=4))
        retitle(ax.figure, f"Treaties of the USSR in force in {year}")


def box_corners(box) -> list[tuple[float, float]]:
    """The four corners of a box given as its lower-left and upper-right corners."""
    (x0, y0), (x1, y1) = box
    return [(x0, y0), (x1, y0), (x1, y1), (x0, y1)]


def around_moscow(directions: dict[str, float], gap: float = MIN_GAP) -> dict[str, tuple[float, float]]:
    """Places on the unit circle for these states, each as near the direction of its capital from Moscow
    (degrees clockwise from north) as it can be while neighbours stay at least ``gap`` degrees apart, in the same
    order round the circle (the least squared shift: neighbours pushed apart together, as blocks)."""
    names = sorted(directions, key=lambda name: (directions[name], name))
    angles = [directions[name] for name in names]
    widest = max(range(len(angles)), key=lambda i: (angles[i] - angles[i - 1]) % 360)
    names, angles = names[widest:] + names[:widest], angles[widest:] + [a + 360 for a in angles[:widest]]
    blocks: list[list[float]] = []  # [first angle of the block, number of states in it]
    for angle in angles:
        blocks.append([angle, 1])
        while len(blocks) > 1 and blocks[-2][0] + blocks[-2][1] * gap > blocks[-1][0]:
            (first, size), (later, more) = blocks[-2], blocks.pop()
            blocks[-1] = [(size * first + more * (later - size * gap)) / (size + more), size + more]
    placed = [first + k * gap for first, size in blocks for k in range(int(size))]
    return {name: (math.sin(math.radians(a)), math.cos(math.radians(a))) for name, a in zip(names, placed)}
