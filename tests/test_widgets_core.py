"""Widgets of notebooks 00 and 01, driven by setting their controls; and the shared widget machinery."""
from __future__ import annotations

from utils.data import load
from utils.widgets.era import EraTimeline
from utils.widgets.recognition import RecognitionByYear


def test_era_timeline_default_shows_the_whole_era():
    widget = EraTimeline()
    events = load("events")
    in_era = events[events["date"].dt.year <= 1953]
    assert widget.view_state.facts["count"] == len(in_era)
    assert widget.view_state.message.startswith(f"{len(in_era)} events from 1922 to 1953")
    assert widget.view_state.chart and bytes(widget.image.value).startswith(b"\x89PNG")


def test_era_timeline_period_sets_the_years():
    widget = EraTimeline()
    widget.controls["period"].value = "nazi_soviet_pact"
    assert widget.controls["years"].value == (1939, 1941)
    assert "from 1939 to 1941" in widget.view_state.message
    assert "1939-08-23" in widget.text()


def test_era_timeline_one_year_and_a_kind():
    widget = EraTimeline()
    widget.controls["years"].value = (1945, 1945)
    widget.controls["category"].value = "conference"
    text = widget.text()
    assert "of the kind 'conference' in 1945" in text
    assert "Yalta" in text and "Potsdam" in text


def test_era_timeline_nothing_matches_gives_a_sentence():
    widget = EraTimeline()
    widget.controls["years"].value = (1922, 1922)
    widget.controls["category"].value = "legacy"
    assert widget.view_state.message.startswith("The course data has no events of the kind 'legacy' in 1922")
    assert not widget.view_state.chart and bytes(widget.image.value) == b"" and widget.table.value == ""


def test_era_timeline_edges():
    widget = EraTimeline()
    for span in [(1922, 1922), (1953, 1953), (1922, 1953)]:
        widget.controls["years"].value = span
        assert widget.view_state.message


def test_recognition_default_is_1924():
    widget = RecognitionByYear()
    state = widget.view_state
    assert state.message.startswith("In 1924,") and "United Kingdom" in state.message and "France" in state.message
    assert state.chart


def test_recognition_us_1933_and_breaks():
    widget = RecognitionByYear()
    widget.controls["year"].value = 1933
    assert "United States" in widget.view_state.message
    widget.controls["action"].value = "broke off relations"
    widget.controls["year"].value = 1927
    assert "United Kingdom" in widget.view_state.message


def test_recognition_a_year_without_acts():
    widget = RecognitionByYear()
    widget.controls["action"].value = "restored relations"
    widget.controls["year"].value = 1921
    assert widget.view_state.message.startswith("No state restored relations with the USSR in 1921.")
    assert widget.table.value == ""


def test_widget_bundle_has_a_static_copy_for_github():
    bundle = EraTimeline()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"].startswith(tuple("0123456789"))
    assert "data:image/png;base64," in bundle["text/html"]


# --- Opt-in fast drawing (CourseWidget.cached_text / reuse_figure / View.chart_key) -----------------------

import io  # noqa: E402

import ipywidgets as w  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from PIL import Image  # noqa: E402

from utils.widgets.base import CourseWidget, View  # noqa: E402
from utils.widgets.cold_war import ActionReaction  # noqa: E402
from utils.widgets.conferences import ConferenceExplorer  # noqa: E402
from utils.widgets.territory import TerritorialSteps  # noqa: E402
from utils.widgets.treaties import TreatiesInForce  # noqa: E402


def pixels(widget) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(bytes(widget.image.value))).convert("RGB"))


CHANGES = [
    (EraTimeline, [("category", "conference"), ("years", (1939, 1941)), ("category", "all"), ("period", "cold_war")]),
    (RecognitionByYear, [("year", 1933), ("action", "broke off relations"), ("year", 1927)]),
    (TreatiesInForce, [("years", (1922, 1953)), ("type", "non-aggression"), ("years", (1940, 1940)),
                       ("partner", "Germany"), ("type", "all")]),
    (TerritorialSteps, [("month", pd.Timestamp("1939-09-01")), ("measure", "population (millions)"),
                        ("month", pd.Timestamp("1940-06-01"))]),
    (ConferenceExplorer, [("topic", "Germany"), ("conference", "all"), ("topic", "all")]),
    (ActionReaction, [("actors", ("Soviet",)), ("years", (1948, 1949)), ("actors", ("Soviet", "Western", "Joint"))]),
]


@pytest.mark.parametrize("cls, changes", CHANGES, ids=[c.__name__ for c, _ in CHANGES])
def test_in_place_update_shows_what_a_full_rebuild_shows(cls, changes):
    """A widget that keeps its figure and updates its artists shows, after any changes, the same message,
    facts, table and picture as a new widget built straight into that state."""
    assert cls.reuse_figure and cls.cached_text
    widget = cls()
    widget.png_cache_size = 0
    for name, value in changes:
        widget.controls[name].value = value
        fresh = cls()
        for control_name, control in widget.controls.items():
            fresh.controls[control_name].value = control.value
        assert widget.view_state.message == fresh.view_state.message
        assert widget.view_state.facts == fresh.view_state.facts
        assert widget.text() == fresh.text() and widget.table.value == fresh.table.value
        assert widget.view_state.chart == fresh.view_state.chart
        if widget.view_state.chart:
            assert bytes(widget.image.value).startswith(b"\x89PNG")
            assert np.array_equal(pixels(widget), pixels(fresh))
        assert len(widget.figure.axes) == 1 and len(widget.figure.texts) == 1  # nothing piles up


class Plain(CourseWidget):
    """A widget written against the original API: it opts in to nothing."""

    def __init__(self):
        self.renders = 0
        super().__init__({"n": w.IntSlider(value=1, min=0, max=3)})

    def render(self) -> View:
        self.renders += 1
        assert not self.figure.axes  # the base class cleared the figure
        n = self.controls["n"].value
        if n == 0:
            return View("nothing")
        ax = self.figure.add_subplot()
        ax.bar(range(n), range(1, n + 1))
        return View(f"{n} bars", chart=True, facts={"n": n})


def test_a_widget_that_opts_in_to_nothing_behaves_as_before():
    assert (CourseWidget.cached_text, CourseWidget.reuse_figure, CourseWidget.png_cache_size) == (False, False, 0)
    widget = Plain()
    assert type(widget.figure.canvas).__name__ == "FigureCanvasAgg"
    first = bytes(widget.image.value)
    assert first.startswith(b"\x89PNG") and widget.view_state.message == "1 bars"
    widget.controls["n"].value = 2
    assert bytes(widget.image.value) != first and len(widget.figure.axes) == 1
    widget.controls["n"].value = 0
    assert bytes(widget.image.value) == b"" and widget.view_state.message == "nothing"
    widget.controls["n"].value = 1
    assert bytes(widget.image.value) == first and widget.renders == 4


class Keyed(CourseWidget):
    """Opts in to chart keys: the chart depends on 'n' only; 'note' changes only the message."""

    cached_text = reuse_figure = True
    png_cache_size = 4

    def __init__(self):
        self.draws = 0
        super().__init__({"n": w.IntSlider(value=1, min=1, max=3), "note": w.Text(value="a")})

    def render(self) -> View:
        n = self.controls["n"].value
        return View(f"{n} bars, note {self.controls['note'].value}", chart=True, chart_key=n,
                    draw=lambda: self._draw(n))

    def _draw(self, n: int) -> None:
        self.draws += 1
        ax = self.reused_axes()
        ax.clear()
        ax.bar(range(n), range(1, n + 1))


def test_chart_key_skips_redrawing_and_the_png_cache_returns_the_same_picture():
    widget = Keyed()
    one = bytes(widget.image.value)
    widget.controls["note"].value = "b"  # chart inputs unchanged: no drawing
    assert widget.draws == 1 and bytes(widget.image.value) == one and widget.view_state.message == "1 bars, note b"
    widget.controls["n"].value = 2
    assert widget.draws == 2 and bytes(widget.image.value) != one
    widget.controls["n"].value = 1  # a state seen before: from the PNG cache
    assert widget.draws == 2 and bytes(widget.image.value) == one
    widget.png_cache_size = 0
    widget._png_cache.clear()
    widget.controls["n"].value = 3
    widget.controls["n"].value = 1
    assert widget.draws == 4 and np.array_equal(
        np.asarray(Image.open(io.BytesIO(bytes(widget.image.value)))), np.asarray(Image.open(io.BytesIO(one))))


def test_charts_still_draw_if_the_cached_text_path_is_unavailable(monkeypatch):
    """The text cache leans on matplotlib internals: without them, text is drawn the plain way."""
    from utils import plots
    from utils.widgets.treaties import TreatiesInForce

    monkeypatch.setattr(plots.CachedTextRendererAgg, "usable", False)
    widget = TreatiesInForce()
    widget.controls["years"].value = (1940, 1945)
    assert widget.view_state.chart and bytes(widget.image.value).startswith(b"\x89PNG")
