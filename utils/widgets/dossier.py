"""Notebook 07: a country's dossier: its treaties with the USSR, relations, events, wars and support, on one timeline."""
from __future__ import annotations

import re

import matplotlib.dates as mdates
import pandas as pd
from matplotlib.axes import Axes

from ..data import load
from ..display import at_precision
from ..plots import fit_margins, label
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


def role(country: str, conflict) -> str:
    """How a country took part in a conflict of the USSR: against it, on its side, or as the ground fought on."""
    if country in (conflict.opponents or []):
        return "against the USSR or occupied by it"
    if country in (conflict.soviet_side or []):
        return "on the Soviet side"
    return "fought on its territory"


class CountryDossier(CourseWidget):
    """One country with the USSR, to Stalin's death: treaties (bars, alliances outlined), relations (triangles),
    events (dots), wars and occupations, and Soviet support (bars).

    ``CountryDossier(country="Yugoslavia")``.
    """

    figsize = (7.8, 4.3)

    def __init__(self, country: str = "Yugoslavia"):
        self.treaties = treaties_with_spans()
        self.events = load("events").sort_values("date", kind="stable")
        self.recognitions = load("recognitions").sort_values("date")
        self.conflicts = load("conflicts").sort_values("start")
        self.support = load("support").sort_values("start")
        names = [c for c in country_names() if c != SOVIET_UNION]
        controls = {"country": dropdown("Country", [(n, n) for n in names], choice("country", country, names),
                                        width="420px")}
        super().__init__(controls)

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
        return View(message, table, Chart(country, lambda ax: self._draw(ax, country, before)),
                    facts={"country": country, "treaties": list(treaties["treaty_id"]),
                           "events": list(events["event_id"]), "acts": list(acts["action"]),
                           "alliances": list(allied["treaty_id"]), "conflicts": list(before["conflicts"]["conflict_id"]),
                           "support": list(before["support"]["support_id"])},
                    key=self._key(treaties))

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
            parts.append("Breaks: " + "; ".join(f"{a.action} {on_date(a.date, a.date_precision)}"
                                                for a in breaks.itertuples()) + ".")
        if treaties.empty:
            parts.append("No treaty with the USSR in the data.")
        else:
            first, last = treaties["signed"].min().year, treaties["signed"].max().year
            parts.append(f"{count(len(treaties), 'treaty')} with the USSR, signed {years_phrase(first, last, True)}.")
        if allied.empty:
            parts.append("Never an ally of the USSR by the course's definition (no treaty of alliance or mutual "
                         "assistance) in Stalin's lifetime.")
        else:
            spans = [f"{t.name} ({year_span(t.start.year, None if pd.isna(t.end_date) or t.end_date > DEATH else t.end_date.year)})"
                     .replace("–)", ", still in force in 1953)") for t in allied.itertuples()]
            parts.append("Ally by " + join_names(spans) + ".")
        if not conflicts.empty:
            parts.append("Wars and occupations: " + join_names([f"{c.name} ({dated(c.name, c.start.year)}{role(country, c)})"
                                                                for c in conflicts.itertuples()]) + ".")
        if not support.empty:
            parts.append("Soviet support: " + join_names([s.recipient + (f" ({s.start.year})" if dated(s.recipient, 0) else "")
                                                          for s in support.itertuples()]) + ".")
        parts.append(f"{count(len(events), 'event')} in the data up to March 1953.")
        if later:
            parts.append(f"({count(later, 'later entry')}, after Stalin's death, not shown.)")
        return " ".join(parts)

    @staticmethod
    def _table(country: str, before: dict[str, pd.DataFrame]) -> pd.DataFrame:
        t, a, e, c, s = (before[k] for k in ("treaties", "acts", "events", "conflicts", "support"))
        parts = [
            pd.DataFrame({"date": t["signed"], "precision": "day", "kind": "treaty signed",
                          "what": t["name"] + " (" + t["type"] + ")"}),
            pd.DataFrame({"date": t["end_date"], "precision": "day", "kind": "treaty ended",
                          "what": t["name"] + ": " + t["end_manner"]})[t["end_date"].notna() & (t["end_date"] <= DEATH)],
            pd.DataFrame({"date": e["date"], "precision": e["date_precision"], "kind": "event", "what": e["title"]}),
            pd.DataFrame({"date": a["date"], "precision": a["date_precision"], "kind": "relations",
                          "what": a["action"] + " (step taken by " + a["initiator"] + ")"}),
            pd.DataFrame({"date": c["start"], "precision": c["start_precision"], "kind": "war or occupation",
                          "what": [f"{x.name} ({role(country, x)})" for x in c.itertuples()]}),
            pd.DataFrame({"date": s["start"], "precision": s["start_precision"], "kind": "Soviet support",
                          "what": s["recipient"] + ": " + s["forms"].map(", ".join)}),
        ]
        table = pd.concat([p for p in parts if not p.empty], ignore_index=True).sort_values("date", kind="stable")
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

    def _draw(self, ax: Axes, country: str, before: dict[str, pd.DataFrame]) -> None:
        treaties = before["treaties"].tail(MAX_TREATIES)
        labels = LANES + [f"{t.signed.year} {t.type}" for t in treaties.itertuples()]
        acts, events = before["acts"], before["events"]
        up = acts["action"].isin(UP)
        ax.scatter(acts.loc[up, "date"], [0] * int(up.sum()), s=60, c=OKABE_ITO["bluish green"], marker="^",
                   edgecolors="black", linewidths=0.5, zorder=3)
        ax.scatter(acts.loc[~up, "date"], [0] * int((~up).sum()), s=60, c=OKABE_ITO["vermillion"], marker="v",
                   edgecolors="black", linewidths=0.5, zorder=3)
        ax.scatter(events["date"], [1] * len(events), s=30, c=OKABE_ITO["black"], zorder=3)
        for lane, frame, colour in ((2, before["conflicts"], OKABE_ITO["vermillion"]),
                                    (3, before["support"], OKABE_ITO["blue"])):
            ends = frame["end"].fillna(DEATH).clip(upper=DEATH)
            ax.barh([lane] * len(frame), (ends - frame["start"]).dt.days.clip(lower=25),
                    left=mdates.date2num(frame["start"]), height=0.35, color=colour, alpha=0.8, zorder=2)
        ax.barh(range(len(LANES), len(labels)), (treaties["finish"] - treaties["start"]).dt.days.clip(lower=25),
                left=mdates.date2num(treaties["start"]), height=0.6,
                color=[TREATY_STYLES[t][0] for t in treaties["type"]], edgecolor="black",
                linewidth=[2.0 if a else 0.3 for a in treaties["alliance"]], zorder=2)
        ax.set_yticks(range(len(labels)), labels)
        ax.set_ylim(max(len(labels), 6) - 0.4, -0.6)
        dates = [d for frame, column in ((treaties, "start"), (events, "date"), (acts, "date"),
                                         (before["conflicts"], "start"), (before["support"], "start"))
                 for d in frame[column]]
        first_year = max(1922, min(min(dates).year - 1, 1949))
        ax.set_xlim(pd.Timestamp(first_year, 1, 1), DEATH + pd.Timedelta(days=200))
        span = 1953 - first_year
        ax.xaxis.set_major_locator(mdates.YearLocator(1 if span <= 8 else 2 if span <= 16 else 4))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y"))
        ax.grid(axis="x", color=LIGHT_GREY, zorder=0)
        label(ax, f"{country} and the USSR, to March 1953", "Year (alliances outlined in black)", "",
              "course datasets treaties, recognitions, events, conflicts and support")
        fit_margins(ax, left_labels=labels)
