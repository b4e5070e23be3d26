"""Notebook 08: the claim checker. Type or paste a claim (or a paragraph), or pick a built-in one: each claim found
is shown with how it was read, a verdict, why, and the rows of evidence with their dates against Stalin's lifetime.

The judging is done by ``utils.claims.judge``; this widget only shows it.
"""
from __future__ import annotations

import ipywidgets as w
import pandas as pd
from matplotlib.axes import Axes
import matplotlib.dates as mdates

from ..claims import VERDICTS, evidence_table, judge
from ..data import load
from ..display import at_precision
from ..periods import STALIN_DEATH, STALIN_ERA_START
from ..plots import date_axis, fit_margins, label
from ..style import GREY, LIGHT_GREY, OKABE_ITO
from ..wording import count
from .base import Chart, CourseWidget, Key, View, WidgetArgumentError, dropdown, no_match

OWN = ""
DEATH = pd.Timestamp(STALIN_DEATH)
VERDICT_COLOURS = dict(zip(VERDICTS, [OKABE_ITO["bluish green"], OKABE_ITO["vermillion"], OKABE_ITO["orange"],
                                      OKABE_ITO["reddish purple"], GREY]))
MAX_TEXT = 3000


class ClaimChecker(CourseWidget):
    """A claim, or a paragraph of claims, and the course data's verdict on each.

    ``ClaimChecker(text="…")`` or ``ClaimChecker(claim="germany_neutral_until_1941")`` (an id of claims.csv).
    """

    figsize = (7.8, 3.0)
    max_rows = 40

    def __init__(self, text: str | None = None, claim: str | None = "germany_neutral_until_1941"):
        self.claims = load("claims").set_index("claim_id", drop=False)
        if text is not None and claim not in (None, "germany_neutral_until_1941"):
            raise WidgetArgumentError("give either text= (your own claim) or claim= (a built-in one), not both")
        if text is None:
            if claim not in self.claims.index:
                valid = ", ".join(self.claims.index)
                raise WidgetArgumentError(f"claim={claim!r} is not a claim of claims.csv; valid ids: {valid}")
            text = self.claims.loc[claim, "claim"]
        box = w.Textarea(value=text[:MAX_TEXT], description="Claim", continuous_update=False,
                         placeholder="Type or paste a claim about Stalin's foreign policy, or a whole paragraph",
                         layout=w.Layout(width="100%", height="90px"))
        picker = dropdown("Or pick one", [("built-in claims…", OWN)] +
                          [(c, cid) for cid, c in self.claims["claim"].items()], OWN, width="100%")
        self.button = w.Button(description="Check", button_style="primary")
        picker.observe(self._pick, names="value")
        self.button.on_click(self._check)
        self._judged = None
        super().__init__({"text": box}, shortcuts={"check": self.button, "picker": picker})

    def sample_values(self) -> dict[str, list[str]]:
        """Texts to drive the widget through (tests and the benchmark): every built-in claim."""
        return {"text": list(self.claims["claim"])}

    def _pick(self, change: dict) -> None:
        if change["new"] != OWN:
            self.controls["text"].value = self.claims.loc[change["new"], "claim"]

    def _check(self, _button=None) -> None:
        if self.controls["text"].value != self._judged:
            self.refresh()

    def render(self) -> View:
        text = self.controls["text"].value.strip()[:MAX_TEXT]
        self._judged = self.controls["text"].value
        if not text:
            return no_match("Type or paste a claim in the box (a sentence or a paragraph), or pick a built-in one, "
                            "then press Check.", findings=[])
        findings = judge(text)
        counts = pd.Series([f.verdict for f in findings]).value_counts()
        parts = ", ".join(f"{n} {verdict}" for verdict, n in counts.items())
        message = (f"{count(len(findings), 'sentence')} read: {parts}. Each row below gives how the checker read "
                   "the sentence, its verdict and why; the chart shows when the evidence dates from.")
        keys = [k for f in findings for k in f.evidence]
        evidence = evidence_table(keys).assign(finding=[i + 1 for i, f in enumerate(findings) for _ in f.evidence],
                                               verdict=[f.verdict for f in findings for _ in f.evidence])
        table = pd.DataFrame({"#": range(1, len(findings) + 1), "sentence": [f.sentence for f in findings],
                              "read as": [f.reading for f in findings], "verdict": [f.verdict for f in findings],
                              "why": [f.explanation for f in findings],
                              "evidence": [self._evidence_text(evidence[evidence["finding"] == i + 1])
                                           for i in range(len(findings))]})
        facts = {"verdicts": [f.verdict for f in findings], "evidence": [list(f.evidence) for f in findings],
                 "readings": [f.reading for f in findings]}
        if not keys:
            return View(message, table, facts=facts)
        key = tuple(Key(v, VERDICT_COLOURS[v]) for v in VERDICTS if v in set(evidence["verdict"])) + (
            Key("Stalin's rule, to 5 March 1953", "#F7F0B0", "square"),)
        lanes = tuple(sorted(set(evidence["finding"])))
        years = (min(evidence["date"].min().year, STALIN_ERA_START.year) - 1,
                 max(evidence["date"].max().year, STALIN_DEATH.year) + 2)
        return View(message, table, Chart(tuple(keys), lambda ax: self._draw(ax, evidence, lanes), frame=years,
                                          draw_frame=lambda ax: self._draw_frame(ax, years)),
                    facts=facts, key=key, key_title="Evidence, by the verdict of its sentence")

    @staticmethod
    def _evidence_text(rows: pd.DataFrame) -> str:
        """The evidence rows of one sentence: date at its precision, what, who took part, and the dataset."""
        dates = at_precision(rows["date"], rows["precision"])
        return "; ".join(f"{d} {what} [{who}] ({dataset}.csv)" for d, what, who, dataset in
                         zip(dates, rows["what"], rows["who"], rows["dataset"]))

    @staticmethod
    def _draw_frame(ax: Axes, years: tuple[int, int]) -> list:
        """The years (most claims need 1923-1955), Stalin's rule shaded and his death marked; the sentences with
        evidence (the y-axis) change with the claim."""
        start, end = pd.Timestamp(years[0], 1, 1), pd.Timestamp(years[1], 1, 1)
        date_axis(ax, start, end)
        ax.grid(axis="x", color=LIGHT_GREY, zorder=0)
        ax.axvspan(mdates.date2num(STALIN_ERA_START), mdates.date2num(DEATH), color=OKABE_ITO["yellow"], alpha=0.25,
                   zorder=0)
        ax.axvline(mdates.date2num(DEATH), color=OKABE_ITO["vermillion"], linewidth=1.5, zorder=1)
        label(ax, "When the evidence dates from (red line: Stalin's death, 5 March 1953)", "Year", "",
              "course datasets (rows named in the table)")
        fit_margins(ax, left_labels=[f"sentence {MAX_TEXT}"])  # wider than any sentence number
        return [ax.yaxis]

    @staticmethod
    def _draw(ax: Axes, evidence: pd.DataFrame, lanes: tuple[int, ...]) -> None:
        """A dot per row of evidence, on the lane of its sentence."""
        ax.scatter(mdates.date2num(evidence["date"]), evidence["finding"], c=list(evidence["verdict"].map(VERDICT_COLOURS)),
                   s=46, edgecolor="black", linewidth=0.5, zorder=3)
        ax.set_yticks(lanes, [f"sentence {n}" for n in lanes])
        ax.set_ylim(max(lanes) + 0.6, min(lanes) - 0.6)
