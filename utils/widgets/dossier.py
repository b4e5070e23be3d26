"""Notebook 07: a country's dossier: its treaties with the USSR, events, recognitions, on one timeline."""
from __future__ import annotations

import ipywidgets as w
import matplotlib.dates as mdates
import pandas as pd
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from ..data import load
from ..periods import STALIN_DEATH
from ..plots import OKABE_ITO, label
from .base import CourseWidget, View, no_match, years_phrase
from .network import TYPE_STYLES, join_names
from .treaty_spans import ALLIANCE_TYPES, SOVIET_UNION, treaties_with_spans

UP = ("de facto recognition", "de jure recognition", "relations established", "relations restored")
START, END = pd.Timestamp(1922, 1, 1), pd.Timestamp(STALIN_DEATH)


def when(day: pd.Timestamp, precision: str = "day") -> str:
    """'on 30 January 1950', 'in October 1949' or 'in 1926', as precise as the data is."""
    if precision == "year":
        return f"in {day.year}"
    if precision == "month":
        return "in " + day.strftime("%B %Y")
    return f"on {day.day} {day.strftime('%B %Y')}"


class CountryDossier(CourseWidget):
    """One country: its treaties with the USSR (bars), events (dots) and diplomatic acts (triangles)."""

    cached_text = True  # strings rasterised once (see CourseWidget)
    figsize = (8.5, 4.2)
    margins = {"left": 0.33, "right": 0.98, "top": 0.92, "bottom": 0.27}
    max_bars = 12

    def __init__(self, country: str = "Yugoslavia"):
        self.treaties = treaties_with_spans()
        events = load("events")
        self.events = events.sort_values("date")
        self.recognitions = load("recognitions").sort_values("date")
        names = [c for c in load("countries")["country"] if c != SOVIET_UNION]
        controls = {"country": w.Dropdown(options=sorted(names), value=country, description="Country",
                                          layout=w.Layout(width="420px"))}
        super().__init__(controls)

    def render(self) -> View:
        country = self.controls["country"].value
        treaties = self.treaties[self.treaties["partners"].map(lambda p: country in p)]
        events = self.events[self.events["countries"].map(lambda c: country in c)]
        later_events = events[events["date"] > END]
        events = events[events["date"] <= END]
        acts = self.recognitions[self.recognitions["country"] == country]
        later_acts, acts = acts[acts["date"] > END], acts[acts["date"] <= END]
        if treaties.empty and events.empty and acts.empty:
            later = ""
            if not later_acts.empty:
                first = later_acts.iloc[0]
                later = f" Relations came only after Stalin's death: {first['action']} {when(first['date'], first['date_precision'])}."
            return no_match(f"The course data holds no treaty, event or diplomatic act of the USSR with {country} "
                            f"in Stalin's lifetime.{later} Choose another country.")
        allied = treaties[treaties["type"].isin(ALLIANCE_TYPES)]
        message = self._message(country, treaties, allied, events, acts, later_acts, later_events)
        self._draw(country, treaties, events, acts)
        rows = [(t.signed, "treaty signed", f"{t.name} ({t.type})") for t in treaties.itertuples()]
        rows += [(t.end_date, "treaty ended", f"{t.name}: {t.end_manner}") for t in treaties.itertuples()
                 if pd.notna(t.end_date) and t.end_date <= END]
        rows += [(e.date, "event", e.title) for e in events.itertuples()]
        rows += [(a.date, "relations", f"{a.action} (by {a.initiator})") for a in acts.itertuples()]
        table = pd.DataFrame(rows, columns=["date", "kind", "what"]).sort_values("date", kind="stable")
        table["date"] = table["date"].dt.strftime("%Y-%m-%d")
        return View(message, table, chart=True,
                    facts={"country": country, "treaties": list(treaties["treaty_id"]), "events": list(events["event_id"]),
                           "acts": list(acts["action"]), "alliances": list(allied["treaty_id"])})

    def _message(self, country, treaties, allied, events, acts, later_acts, later_events) -> str:
        parts = []
        ups = acts[acts["action"].isin(UP)]
        if not ups.empty:
            first = ups.iloc[0]
            who = "the USSR" if first["initiator"] == SOVIET_UNION else country
            parts.append(f"First diplomatic act in the data: {first['action']} by {who} "
                         f"{when(first['date'], first['date_precision'])}.")
        else:
            parts.append("The course data records no recognition or establishment of relations with the USSR "
                         "in Stalin's lifetime.")
        breaks = acts[~acts["action"].isin(UP)]
        if not breaks.empty:
            parts.append("Breaks: " + "; ".join(f"{a.action} {when(a.date, a.date_precision)}"
                                                for a in breaks.itertuples()) + ".")
        if treaties.empty:
            parts.append("No treaty with the USSR in the data.")
        else:
            first, last = treaties["signed"].min().year, treaties["signed"].max().year
            parts.append(f"{len(treaties)} treat{'y' if len(treaties) == 1 else 'ies'} with the USSR, "
                         f"signed {years_phrase(first, last, between=True)}.")
        if allied.empty:
            parts.append("No alliance (mutual assistance or friendship and alliance) with the USSR in Stalin's lifetime.")
        else:
            spans = [f"{t.name} ({t.start.year}–{'' if pd.isna(t.end_date) or t.end_date > END else t.end_date.year})"
                     .replace("–)", ", still in force in 1953)") for t in allied.itertuples()]
            parts.append("Alliance: " + join_names(spans) + ".")
        parts.append(f"{len(events)} event{'s' if len(events) != 1 else ''} in the data up to March 1953.")
        after = len(later_events) + len(later_acts)
        if after:
            parts.append(f"({after} later entr{'y' if after == 1 else 'ies'}, after Stalin's death, not shown.)")
        return " ".join(parts)

    def _draw(self, country, treaties, events, acts) -> None:
        ax = self.figure.add_subplot()
        shown = treaties.tail(self.max_bars)
        n = len(shown)
        colours = [TYPE_STYLES[t][0] for t in shown["type"]]
        ax.barh(range(n), (shown["finish"] - shown["start"]).dt.days.clip(lower=20),
                left=mdates.date2num(shown["start"]), height=0.6, color=colours,
                edgecolor="black", linewidth=[1.6 if t in ALLIANCE_TYPES else 0.3 for t in shown["type"]])
        ax.scatter(events["date"], [n] * len(events), s=36, c=OKABE_ITO["black"], marker="o", zorder=3)
        up = acts["action"].isin(UP)
        ax.scatter(acts.loc[up, "date"], [n + 1] * int(up.sum()), s=60, c=OKABE_ITO["bluish green"], marker="^",
                   edgecolors="black", linewidths=0.5, zorder=3)
        ax.scatter(acts.loc[~up, "date"], [n + 1] * int((~up).sum()), s=60, c=OKABE_ITO["vermillion"], marker="v",
                   edgecolors="black", linewidths=0.5, zorder=3)
        names = [x if len(x) <= 42 else x[:41] + "…" for x in shown["name"]]
        ax.set_yticks(range(n + 2), names + ["Events", "Relations"], fontsize=7)
        ax.set_ylim(-0.7, n + 1.7)
        earliest = min(d.min() for d in (shown["start"], events["date"], acts["date"]) if len(d))
        first_year = max(1922, min(earliest.year - 1, 1949))
        ax.set_xlim(pd.Timestamp(first_year, 1, 1), END + pd.Timedelta(days=200))
        years = 1953 - first_year
        ax.xaxis.set_major_locator(mdates.YearLocator(1 if years <= 8 else 2 if years <= 16 else 4))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.grid(axis="x", color="#dddddd", zorder=0)
        handles = [Patch(facecolor=TYPE_STYLES[t][0], edgecolor="black", linewidth=1.6 if t in ALLIANCE_TYPES else 0.3,
                         label=t) for t in TYPE_STYLES if t in set(shown["type"])]
        handles += [
                   Line2D([], [], marker="o", color="none", markerfacecolor="black", label="event"),
                   Line2D([], [], marker="^", color="none", markerfacecolor=OKABE_ITO["bluish green"],
                          markeredgecolor="black", label="recognition / relations"),
                   Line2D([], [], marker="v", color="none", markerfacecolor=OKABE_ITO["vermillion"],
                          markeredgecolor="black", label="break")]
        ax.legend(handles=handles, fontsize=7, frameon=False, loc="upper left", bbox_to_anchor=(-0.45, -0.16), ncols=5)
        title = f"{country} and the USSR, to March 1953"
        label(ax, title, "Year (alliance treaties outlined in black)", "", "course datasets treaties.csv, "
              "events.csv, recognitions.csv")
        ax.set_title(title, loc="left", fontsize=11, fontweight="bold", x=-0.48)  # start at the names' edge
