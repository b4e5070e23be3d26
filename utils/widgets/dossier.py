"""Notebook 07: a country's dossier: its treaties with the USSR, relations, events, wars and support, on one timeline."""
from __future__ import annotations

import re
from typing import Callable

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib.axes import Axes

from ..data import load
from ..display import at_precision
from ..plots import bars, date_axis, dots, fit_margins, label, retitle, title_text
from ..style import LIGHT_GREY, OKABE_ITO, TREATY_STYLES
from ..tables import DEATH, SOVIET_UNION, country_names, events_involving, treaties_with, treaties_with_spans
from ..wording import count, join_names, on_date, year_span, years_phrase
from .base import Chart, CourseWidget, Key, View, choice, dropdown, no_match

UP = ("de facto recognition", "de jure recognition", "relations established", "relations restored")
START = pd.Timestamp(1922, 1, 1)


def dated(name: str, year: int) -> str:
    """'1950; ' to put before more words in brackets, unless the name already gives its years ('… (1945-1955)')."""
    return "" if re.search(r"\(\d{4}", name) else f"{year}; "
MAX_TREATIES = 10
LANES = ["Relations", "Events", "Wars and occupations", "Soviet support"]
COLUMNS = {
    "treaties": ["treaty_id", "name", "type", "parties", "signed", "start", "finish", "end_date", "end_manner",
                 "alliance"],
    "events": ["event_id", "title", "date", "date_precision", "countries"],
    "recognitions": ["country", "action", "initiator", "date", "date_precision"],
    "conflicts": ["conflict_id", "name", "opponents", "location", "soviet_side", "start", "start_precision", "end"],
    "support": ["support_id", "recipient", "recipient_country", "forms", "start", "start_precision", "end"],
}
FRAME_STARTS = (1944, 1936, 1922)  # the timeline starts at the latest of these before the country's first entry
#                                     (at 1922 for entries as early as 1920)


def role(country: str, opponents: list[str] | None, soviet_side: list[str] | None) -> str:
    """How a country took part in a conflict of the USSR: against it, on its side, or as the ground fought on."""
    if country in (opponents or []):
        return "against the USSR or occupied by it"
    if country in (soviet_side or []):
        return "on the Soviet side"
    return "fought on its territory"


def roles(country: str, conflicts: pd.DataFrame) -> list[str]:
    """``role`` of the country in each of these conflicts."""
    return [role(country, o, s) for o, s in zip(conflicts["opponents"], conflicts["soviet_side"])]


class CountryDossier(CourseWidget):
    """One country with the USSR, to Stalin's death: treaties (bars, alliances outlined), relations (triangles),
    events (dots), wars and occupations, and Soviet support (bars).

    ``CountryDossier(country="Yugoslavia")``.
    """

    figsize = (7.8, 4.3)

    def __init__(self, country: str = "Yugoslavia"):
        # Only the columns the dossier reads: every change selects a country's rows, column by column.
        self.treaties = treaties_with_spans()[COLUMNS["treaties"]]
        self.events = load("events").sort_values("date", kind="stable")[COLUMNS["events"]]
        self.recognitions = load("recognitions").sort_values("date")[COLUMNS["recognitions"]]
        self.conflicts = load("conflicts").sort_values("start")[COLUMNS["conflicts"]]
        self.support = load("support").sort_values("start")[COLUMNS["support"]]
        names = [c for c in country_names() if c != SOVIET_UNION]
        controls = {"country": dropdown("Country", [(n, n) for n in names], choice("country", country, names),
                                        width="420px")}
        super().__init__(controls)
        self.keep_frames({year: self._frame_drawer(year) for year in FRAME_STARTS})

    def _rows_of(self, country: str) -> dict[str, pd.DataFrame]:
        conflicts = self.conflicts[[country in (o or []) + (l or []) + (s or []) for o, l, s in
                                    zip(self.conflicts["opponents"], self.conflicts["location"],
                                        self.conflicts["soviet_side"])]]
        return {"treaties": treaties_with(country, self.treaties), "events": events_involving(country, self.events),
                "acts": self.recognitions[self.recognitions["country"] == country],
                "conflicts": conflicts, "support": self.support[self.support["recipient_country"] == country]}

    def render(self) -> View:
        country = self.controls["country"].value
        rows = self._rows_of(country)
        before = {name: frame[frame[self._date(name)] <= DEATH] for name, frame in rows.items()}
        later = sum(len(frame) - len(before[name]) for name, frame in rows.items())
        if all(frame.empty for frame in before.values()):
            acts = rows["acts"]
            after = ""
            if not acts.empty:
                first = acts.iloc[0]
                after = f" Relations came only after Stalin's death: {first['action']} {on_date(first['date'], first['date_precision'])}."
            return no_match(f"The course data holds no treaty, event, war, support or diplomatic act of the USSR with "
                            f"{country} in Stalin's lifetime.{after} Choose another country.", country=country)
        treaties, acts, events = before["treaties"], before["acts"], before["events"]
        allied = treaties[treaties["alliance"]]
        message = self._message(country, treaties, allied, acts, events, before["conflicts"], before["support"], later)
        table = self._table(country, before)
        first_year = self._first_year(before)
        return View(message, table, Chart(country, lambda ax: self._draw(ax, country, before), frame=first_year,
                                          draw_frame=self._frame_drawer(first_year)),
                    facts={"country": country, "treaties": list(treaties["treaty_id"]),
                           "events": list(events["event_id"]), "acts": list(acts["action"]),
                           "alliances": list(allied["treaty_id"]), "conflicts": list(before["conflicts"]["conflict_id"]),
                           "support": list(before["support"]["support_id"])},
                    key=self._key(treaties), key_title="Key (alliance treaties outlined in black)")

    @staticmethod
    def _date(name: str) -> str:
        return {"treaties": "signed", "events": "date", "acts": "date", "conflicts": "start", "support": "start"}[name]

    def _message(self, country, treaties, allied, acts, events, conflicts, support, later) -> str:
        parts = []
        ups = acts[acts["action"].isin(UP)]
        if not ups.empty:
            first = ups.iloc[0]
            who = "the USSR" if first["initiator"] == SOVIET_UNION else country
            parts.append(f"First diplomatic act in the data: {first['action']} by {who} "
                         f"{on_date(first['date'], first['date_precision'])}.")
        else:
            parts.append("The course data records no recognition or establishment of relations with the USSR "
                         "in Stalin's lifetime.")
        breaks = acts[~acts["action"].isin(UP)]
        if not breaks.empty:
            parts.append("Breaks: " + "; ".join(f"{action} {on_date(date, precision)}" for action, date, precision
                                                in zip(breaks["action"], breaks["date"], breaks["date_precision"])) + ".")
        if treaties.empty:
            parts.append("No treaty with the USSR in the data.")
        else:
            first, last = treaties["signed"].min().year, treaties["signed"].max().year
            parts.append(f"{count(len(treaties), 'treaty')} with the USSR, signed {years_phrase(first, last, True)}.")
        if allied.empty:
            parts.append("Never an ally of the USSR by the course's definition (no treaty of alliance or mutual "
                         "assistance) in Stalin's lifetime.")
        else:
            spans = [f"{name} ({year_span(start.year, None if pd.isna(end) or end > DEATH else end.year)})"
                     .replace("–)", ", still in force in 1953)")
                     for name, start, end in zip(allied["name"], allied["start"], allied["end_date"])]
            parts.append("Ally by " + join_names(spans) + ".")
        if not conflicts.empty:
            parts.append("Wars and occupations: " + join_names(
                [f"{name} ({dated(name, start.year)}{how})"
                 for name, start, how in zip(conflicts["name"], conflicts["start"], roles(country, conflicts))]) + ".")
        if not support.empty:
            parts.append("Soviet support: " + join_names([recipient + (f" ({start.year})" if dated(recipient, 0) else "")
                                                          for recipient, start in zip(support["recipient"],
                                                                                      support["start"])]) + ".")
        parts.append(f"{count(len(events), 'event')} in the data up to March 1953.")
        if later:
            parts.append(f"({count(later, 'later entry')}, after Stalin's death, not shown.)")
        return " ".join(parts)

    @staticmethod
    def _table(country: str, before: dict[str, pd.DataFrame]) -> pd.DataFrame:
        t, a, e, c, s = (before[k] for k in ("treaties", "acts", "events", "conflicts", "support"))
        ended = t[t["end_date"].notna() & (t["end_date"] <= DEATH)]
        rows = [(date, "day", "treaty signed", f"{name} ({kind})")
                for date, name, kind in zip(t["signed"], t["name"], t["type"])]
        rows += [(date, "day", "treaty ended", f"{name}: {manner}")
                 for date, name, manner in zip(ended["end_date"], ended["name"], ended["end_manner"])]
        rows += [(date, precision, "event", title)
                 for date, precision, title in zip(e["date"], e["date_precision"], e["title"])]
        rows += [(date, precision, "relations", f"{action} (step taken by {who})")
                 for date, precision, action, who in zip(a["date"], a["date_precision"], a["action"], a["initiator"])]
        rows += [(date, precision, "war or occupation", f"{name} ({how})")
                 for date, precision, name, how in zip(c["start"], c["start_precision"], c["name"], roles(country, c))]
        rows += [(date, precision, "Soviet support", f"{recipient}: {', '.join(forms)}")
                 for date, precision, recipient, forms in zip(s["start"], s["start_precision"], s["recipient"],
                                                              s["forms"])]
        rows.sort(key=lambda row: row[0])  # stable: same-day entries keep the order above
        table = pd.DataFrame(rows, columns=["date", "precision", "kind", "what"])
        return pd.DataFrame({"date": at_precision(table["date"], table["precision"]), "kind": table["kind"],
                             "what": table["what"]})

    @staticmethod
    def _key(treaties: pd.DataFrame) -> tuple[Key, ...]:
        kinds = [t for t in TREATY_STYLES if t in set(treaties["type"])]
        return tuple(Key(f"treaty: {t}", TREATY_STYLES[t][0], "square", outlined=t in {"war alliance",
                         "mutual assistance", "friendship and alliance"}) for t in kinds) + (
            Key("relations opened or restored", OKABE_ITO["bluish green"], "triangle-up"),
            Key("relations broken", OKABE_ITO["vermillion"], "triangle-down"),
            Key("event", OKABE_ITO["black"]),
            Key("war or occupation", OKABE_ITO["vermillion"], "line"),
            Key("Soviet support", OKABE_ITO["blue"], "line"))

    @staticmethod
    def _first_year(before: dict[str, pd.DataFrame]) -> int:
        """Where the timeline starts: 1922, or later (1936, 1944) for a country whose dealings with the USSR began
        later, so that its years are not squeezed into the right-hand edge."""
        first = min(d for frame, column in (("treaties", "start"), ("events", "date"), ("acts", "date"),
                                            ("conflicts", "start"), ("support", "start"))
                    for d in before[frame][column]).year
        return next((start for start in FRAME_STARTS if first > start), FRAME_STARTS[-1])

    def _frame_drawer(self, first_year: int) -> Callable[[Axes], list]:
        """The ``draw_frame`` of the timeline that starts in ``first_year``."""
        return lambda ax: self._draw_frame(ax, first_year)

    @staticmethod
    def _draw_frame(ax: Axes, first_year: int) -> list:
        """The years from ``first_year`` to 1953, margins for any lane of any country, and the source; the lanes
        (the y-axis) and the title change with the country."""
        start, end = pd.Timestamp(first_year, 1, 1), DEATH + pd.Timedelta(days=200)
        date_axis(ax, start, end)
        ax.grid(axis="x", color=LIGHT_GREY, zorder=0)
        label(ax, "A country and the USSR, to March 1953", "Year", "",
              "course datasets treaties, recognitions, events, conflicts and support")
        fit_margins(ax, left_labels=LANES + [f"1953 {kind}" for kind in TREATY_STYLES])
        return [ax.yaxis, title_text(ax.figure)]

    def _draw(self, ax: Axes, country: str, before: dict[str, pd.DataFrame]) -> None:
        treaties = before["treaties"].tail(MAX_TREATIES)
        labels = LANES + [f"{signed.year} {kind}" for signed, kind in zip(treaties["signed"], treaties["type"])]
        acts, events = before["acts"], before["events"]
        up = acts["action"].isin(UP).to_numpy()
        when = mdates.date2num(acts["date"])
        dots(ax, when[up], np.zeros(up.sum()), OKABE_ITO["bluish green"], size=60, marker="^")
        dots(ax, when[~up], np.zeros((~up).sum()), OKABE_ITO["vermillion"], size=60, marker="v")
        dots(ax, mdates.date2num(events["date"]), np.ones(len(events)), OKABE_ITO["black"])
        for lane, frame, colour in ((2, before["conflicts"], OKABE_ITO["vermillion"]),
                                    (3, before["support"], OKABE_ITO["blue"])):
            starts = mdates.date2num(frame["start"])
            bars(ax, np.full(len(frame), lane), spans(starts, mdates.date2num(frame["end"].fillna(DEATH))), colour,
                 width=0.35, starts=starts, horizontal=True, alpha=0.8, zorder=2)
        starts = mdates.date2num(treaties["start"])
        bars(ax, np.arange(len(LANES), len(labels)), spans(starts, mdates.date2num(treaties["finish"])),
             [TREATY_STYLES[t][0] for t in treaties["type"]], width=0.6, starts=starts, horizontal=True,
             edgecolors="black", linewidths=[2.0 if a else 0.3 for a in treaties["alliance"]], zorder=2)
        ax.set_yticks(range(len(labels)), labels)
        ax.set_ylim(max(len(labels), 6) - 0.4, -0.6)
        retitle(ax.figure, f"{country} and the USSR, to March 1953")


def spans(starts: np.ndarray, ends: np.ndarray) -> np.ndarray:
    """Days from start to end (cut at Stalin's death), at least 60 so that a short span stays visible."""
    return np.clip(np.minimum(ends, mdates.date2num(DEATH)) - starts, 60, None)
