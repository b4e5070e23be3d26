"""Notebook 08: a claim checker. A popular claim → the evidence in the course data, its dates and a verdict.

Choose a claim from ``claims.csv`` to see its verdict, the explanation and the
rows of the other datasets that bear on it; or build your own claim (a
country, a kind of relationship, years) to see what the data holds for it and
whether any of it falls within Stalin's lifetime.
"""
from __future__ import annotations

from datetime import date

import ipywidgets as w
import pandas as pd

from ..data import load
from ..periods import STALIN_DEATH, STALIN_ERA_START
from ..plots import OKABE_ITO, label
from .base import CourseWidget, View, no_match, years_phrase

OWN = ""  # the value of the claim dropdown for "build your own claim"
ANY = "any"
DATASETS = {"events": OKABE_ITO["blue"], "treaties": OKABE_ITO["orange"], "recognitions": OKABE_ITO["bluish green"],
            "conference_decisions": OKABE_ITO["reddish purple"]}
CONFERENCE_EVENTS = {"Tehran": "1943_tehran_conference", "Yalta": "1945_yalta_conference",
                     "Potsdam": "1945_potsdam_conference"}
# What each kind of relationship of a learner's own claim looks for in the data.
# (label, event categories, recognition actions (None: none), words that place an after-1953 'legacy' event)
KINDS = {
    ANY: ("treaties, events or recognitions", None, None, None),
    "treaty": ("treaties and agreements", {"treaty"}, None, ("treaty", "pact", "armistice", "declaration", "agreement")),
    "relations": ("diplomatic relations", {"recognition", "diplomacy"}, set(), ("relations", "declaration", "belgrade")),
    "conflict": ("wars, crises or occupations", {"war", "crisis", "occupation"}, {"relations broken"},
                 ("crisis", "crush", "war", "recall")),
}
YEARS = (1922, 1970)
DEATH = pd.Timestamp(STALIN_DEATH)


def evidence_table() -> pd.DataFrame:
    """Every row of events, treaties, recognitions and conference decisions as one table indexed 'dataset:key'."""
    events, treaties = load("events"), load("treaties")
    recognitions, decisions = load("recognitions"), load("conference_decisions")
    opening = events.set_index("event_id")["date"]
    parts = [
        pd.DataFrame({"key": "events:" + events["event_id"], "date": events["date"], "dataset": "events",
                      "kind": events["category"], "what": events["title"], "countries": events["countries"]}),
        pd.DataFrame({"key": "treaties:" + treaties["treaty_id"], "date": treaties["signed"], "dataset": "treaties",
                      "kind": "treaty: " + treaties["type"], "what": treaties["name"],
                      "countries": treaties["parties"]}),
        pd.DataFrame({"key": "recognitions:" + recognitions["country"] + "@" + recognitions["date"].dt.strftime("%Y-%m-%d"),
                      "date": recognitions["date"], "dataset": "recognitions", "kind": recognitions["action"],
                      "what": recognitions["country"] + ": " + recognitions["action"],
                      "countries": recognitions["country"].map(lambda c: [c])}),
        pd.DataFrame({"key": "conference_decisions:" + decisions["decision_id"],
                      "date": decisions["conference"].map(lambda c: opening.get(CONFERENCE_EVENTS.get(c))),
                      "dataset": "conference_decisions", "kind": decisions["conference"] + " decision",
                      "what": decisions["decision"], "countries": decisions["pressed_by"]}),
    ]
    return pd.concat(parts, ignore_index=True).set_index("key", drop=False)


class ClaimChecker(CourseWidget):
    """A claim and its evidence: verdict, explanation, the rows of the data and their dates against Stalin's lifetime."""

    cached_text = True  # strings rasterised once (see CourseWidget)
    figsize = (8.5, 2.9)
    margins = {"left": 0.19, "right": 0.97, "top": 0.86, "bottom": 0.2}

    def __init__(self, claim: str = "germany_neutral_until_1941", country: str = "Cuba", kind: str = ANY,
                 years: tuple[int, int] = (1959, 1962)):
        self.claims = load("claims").set_index("claim_id", drop=False)
        self.evidence = evidence_table()
        countries = sorted(c for c in load("countries")["country"] if c != "Soviet Union")
        self._syncing = False
        controls = {
            "claim": w.Dropdown(options=[(text, cid) for cid, text in self.claims["claim"].items()]
                                + [("… or build your own claim with the controls on the right", OWN)],
                                value=claim, description="Claim", layout=w.Layout(width="100%")),
            "country": w.Dropdown(options=countries, value=country, description="Country"),
            "relationship": w.Dropdown(options=[(v[0], k) for k, v in KINDS.items()], value=kind,
                                       description="Relationship"),
            "years": w.IntRangeSlider(value=years, min=YEARS[0], max=YEARS[1], description="Years",
                                      continuous_update=False),
        }
        super().__init__(controls)
        controls["claim"].observe(self._follow_claim, names="value")
        for name in ("country", "relationship", "years"):
            controls[name].observe(self._own_claim, names="value")
        self._follow_claim()

    # --- keeping the two ways of using the widget in step -------------------------------
    def refresh(self, _change: dict | None = None) -> None:
        if not self._syncing:
            super().refresh(_change)

    def _follow_claim(self, _change: dict | None = None) -> None:
        """A chosen claim sets the country and years controls to what it is about."""
        cid = self.controls["claim"].value
        if cid == OWN:
            return
        row = self.claims.loc[cid]
        self._syncing = True
        try:
            self.controls["country"].value = row["country"][0]
            self.controls["relationship"].value = ANY
            first, last = (max(min(int(y), YEARS[1]), YEARS[0]) for y in (row["first_year"], row["last_year"]))
            self.controls["years"].value = (first, last)
        finally:
            self._syncing = False

    def _own_claim(self, _change: dict | None = None) -> None:
        """Moving the country, relationship or years controls turns the widget to the learner's own claim."""
        if not self._syncing and self.controls["claim"].value != OWN:
            self.controls["claim"].value = OWN

    # --- what the learner sees -----------------------------------------------------------
    def render(self) -> View:
        cid = self.controls["claim"].value
        return self._render_own() if cid == OWN else self._render_claim(self.claims.loc[cid])

    def _render_claim(self, row: pd.Series) -> View:
        found = [k for k in row["evidence"] if k in self.evidence.index]
        rows = self.evidence.loc[found].sort_values("date")
        after = int((rows["date"] > DEATH).sum())
        missing = len(row["evidence"]) - len(found)
        note = f" ({missing} cited row not found in the data.)" if missing else ""
        message = (f"Verdict: {row['verdict'].upper()}. {row['explanation']} Evidence: {len(rows)} rows of the "
                   f"course data, {after} of them after Stalin's death on 5 March 1953.{note}")
        if not rows.empty:
            self._draw(rows, "When the evidence for and against this claim dates from")
        return View(message, self._table(rows), chart=not rows.empty,
                    facts={"verdict": row["verdict"], "ids": list(rows.index), "after_death": after,
                           "missing": missing})

    def _render_own(self) -> View:
        country, kind = self.controls["country"].value, self.controls["relationship"].value
        first, last = self.controls["years"].value
        about, span = KINDS[kind][0], years_phrase(first, last)
        rows = self._select(country, kind, first, last)
        outside = date(first, 1, 1) > STALIN_DEATH
        if rows.empty:
            verdict = f" {'That year is' if first == last else 'Those years are'} outside Stalin's lifetime in any case." if outside else ""
            return no_match(f"The course data has no {about} involving the USSR and {country} {span}.{verdict} "
                            "Try wider years or another relationship.")
        before = int((rows["date"] <= DEATH).sum())
        if before == 0:
            verdict = "outside Stalin's lifetime"
            message = (f"OUTSIDE STALIN'S LIFETIME: all {len(rows)} rows ({about}) involving {country} {span} date from "
                       "after his death on 5 March 1953, so a claim about them is not a claim about Stalin's policy.")
        else:
            verdict = "within Stalin's lifetime"
            falls = "falls" if before == 1 else "fall"
            message = (f"{before} of the {len(rows)} rows ({about}) involving {country} {span} {falls} within Stalin's "
                       "lifetime (to 5 March 1953). Read them: do they support the claim, contradict it, or "
                       "support only part of it?")
        self._draw(rows, f"Your claim about {country}, {first}–{last}: when the evidence dates from")
        return View(message, self._table(rows), chart=True,
                    facts={"verdict": verdict, "ids": list(rows.index), "before_death": before,
                           "after_death": len(rows) - before})

    def _select(self, country: str, kind: str, first: int, last: int) -> pd.DataFrame:
        ev = self.evidence
        years = ev["date"].dt.year
        chosen = ev[ev["countries"].map(lambda cs: country in cs) & (years >= first) & (years <= last)
                    & (ev["dataset"] != "conference_decisions")]
        _, categories, actions, words = KINDS[kind]
        if categories is not None:
            events = chosen["dataset"].eq("events")
            legacy = events & chosen["kind"].eq("legacy") & chosen["what"].str.lower().str.contains("|".join(words))
            keep = (events & chosen["kind"].isin(categories)) | legacy
            if kind == "treaty":
                keep |= chosen["dataset"].eq("treaties")
            if actions is not None:  # recognitions: every action (an empty set), or only those named
                keep |= chosen["dataset"].eq("recognitions") & (chosen["kind"].isin(actions) if actions else True)
            chosen = chosen[keep]
        return chosen.sort_values("date")

    def _draw(self, rows: pd.DataFrame, title: str) -> None:
        ax = self.figure.add_subplot()
        lanes = [d for d in DATASETS if d in set(rows["dataset"])]
        ax.axvspan(pd.Timestamp(STALIN_ERA_START), DEATH, color=OKABE_ITO["yellow"], alpha=0.25, zorder=0,
                   label="Stalin's rule (1924 to 5 March 1953)")
        ax.axvline(DEATH, color=OKABE_ITO["vermillion"], linewidth=1.5, zorder=1, label="Stalin dies, 5 March 1953")
        ax.scatter(rows["date"], rows["dataset"].map(lanes.index), c=rows["dataset"].map(DATASETS), s=45,
                   edgecolor="black", linewidth=0.4, zorder=3)
        ax.set_yticks(range(len(lanes)), [d.replace("_", " ") for d in lanes])
        ax.set_ylim(-1.3, len(lanes) - 0.4)  # room for the legend under the lanes
        start = min(rows["date"].min(), pd.Timestamp(STALIN_ERA_START)) - pd.DateOffset(years=1)
        ax.set_xlim(start, max(rows["date"].max(), DEATH) + pd.DateOffset(years=2))
        ax.grid(axis="x", color="#dddddd", zorder=0)
        ax.legend(loc="lower left", fontsize=7.5, frameon=False, ncol=2)
        label(ax, title, "Date (year)", "",
              "course datasets claims.csv, events.csv, treaties.csv, recognitions.csv, conference_decisions.csv")

    @staticmethod
    def _table(rows: pd.DataFrame) -> pd.DataFrame:
        return pd.DataFrame({"date": rows["date"].dt.strftime("%Y-%m-%d"),
                             "when": rows["date"].map(lambda d: "after Stalin" if d > DEATH else "under Stalin"),
                             "kind": rows["kind"], "what": rows["what"],
                             "dataset": rows["dataset"].str.replace("_", " ") + ".csv"})
