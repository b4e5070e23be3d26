"""One widget protocol for every widget: pure render, the base class owns the figure, clear argument errors."""
from __future__ import annotations

import io
import re

import ipywidgets as w
import numpy as np
import pytest
from PIL import Image

from utils.paths import PROJECT_ROOT
from utils.plots import dots, new_figure, png_bytes
from utils.widgets import base
from utils.widgets.base import ALL, Chart, CourseWidget, View, WidgetArgumentError
from utils.widgets.dossier import CountryDossier
from utils.widgets.states import walk, widget_classes

CLASSES = widget_classes()
IDS = [cls.__name__ for cls in CLASSES]
PRIVATE = re.compile(r"_find_fonts_by_props|_prepare_font|_layout\(|_render_glyph|draw_text_image|_lastKey|"
                     r"_get_font_height_metrics|_renderer\.|\._set_transform|get_hinting_flag|RenderMode")


def pixels(widget) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(bytes(widget.image.value))).convert("RGB"))


def test_no_private_matplotlib_or_font_engine_name_is_used_in_utils():
    for path in (PROJECT_ROOT / "utils").rglob("*.py"):
        found = PRIVATE.findall(path.read_text(encoding="utf-8"))
        assert not found, f"{path.name} uses {found}"


@pytest.mark.parametrize("cls", CLASSES, ids=IDS)
def test_render_is_pure(cls):
    widget = cls()
    first, second = widget.render(), widget.render()
    assert first.message == second.message and first.facts == second.facts
    assert (first.chart is None) == (second.chart is None)
    if first.chart is not None:
        assert first.chart.key == second.chart.key
    assert len(widget.figure.axes) == 1, "the base class owns one Axes"


@pytest.mark.parametrize("cls", CLASSES, ids=IDS)
def test_after_any_changes_the_picture_is_what_a_fresh_widget_draws(cls):
    """The base class removes what the last chart drew: nothing piles up or leaks from one state to the next."""
    widget = cls()
    for step, _ in enumerate(walk(widget, 14)):
        if step % 4:
            continue
        fresh = cls()
        for name, control in widget.controls.items():
            fresh.controls[name].value = control.value
        assert widget.view_state.message == fresh.view_state.message
        assert widget.text() == fresh.text()
        if widget.view_state.chart is not None:
            widget._pngs.clear()
            widget._key_on_show = None
            widget.refresh()
            assert np.array_equal(pixels(widget), pixels(fresh)), f"{cls.__name__}: picture differs after changes"
        assert len(widget.figure.axes) == 1 and len(widget.figure.texts) == len(fresh.figure.texts) <= 2


@pytest.mark.parametrize("cls", CLASSES, ids=IDS)
def test_a_picture_drawn_over_its_frame_is_the_picture_drawn_in_one_pass(cls):
    """Blitting (the frame kept, the data drawn over a copy of it) changes the cost, never a pixel."""
    widget = cls()
    compared = 0
    for step, _ in enumerate(walk(widget, 16)):
        if widget.view_state.chart is None or step % 3:
            continue
        widget._pngs.clear()
        widget._key_on_show = None
        widget.refresh()  # drawn now, over the frame kept from earlier states
        shown = pixels(widget)
        once = np.asarray(Image.open(io.BytesIO(widget.picture_drawn_at_once())).convert("RGB"))
        assert np.array_equal(shown, once), f"{cls.__name__}: the picture differs from a one-pass drawing"
        compared += 1
    assert compared


class Framed(CourseWidget):
    """A widget with a frame (axes 0-10) and bars drawn over it; ``moving`` makes its x-axis change per picture."""

    def __init__(self, moving: bool = False, rescale: bool = False, two_frames: bool = False):
        self.moving, self.rescale, self.two_frames, self.frames = moving, rescale, two_frames, 0
        super().__init__({"n": w.IntSlider(value=1, min=1, max=9)})

    def render(self) -> View:
        n = self.controls["n"].value
        frame = n % 2 if self.two_frames else "axes"
        return View(f"{n} bars", chart=Chart(n, self._bars, frame=frame, draw_frame=lambda ax: self._frame(ax, frame)))

    def _frame(self, ax, frame):
        self.frames += 1
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 10 + 5 * (frame == 1))
        ax.set_title(f"bars, frame {frame}")
        return [ax.xaxis] if self.moving else []

    def _bars(self, ax):
        n = self.controls["n"].value
        ax.bar(range(n), range(1, n + 1), color="#0072B2")
        if self.rescale:
            ax.set_xlim(0, 10 + n)


def test_a_frame_is_drawn_once_and_the_data_over_it_for_each_picture():
    widget = Framed()
    for n in (2, 3, 4):
        widget.controls["n"].value = n
    assert widget.frames == 1
    assert len(widget.axes.patches) == 4, "each picture's bars replace the last picture's"


def test_a_frame_seen_before_is_restored_from_its_copy_and_looks_as_drawn_afresh():
    widget = Framed(two_frames=True)
    for n in (2, 3, 4, 5):  # frames 0, 1, 0, 1: the last two restored from their copies
        widget.controls["n"].value = n
        once = np.asarray(Image.open(io.BytesIO(widget.picture_drawn_at_once())).convert("RGB"))
        assert np.array_equal(pixels(widget), once), f"n={n}"
    assert widget.axes.get_title() == "bars, frame 1" and widget.axes.get_ylim() == (0, 15)


def test_data_that_moves_a_fixed_axis_is_a_clear_error_and_a_moving_axis_may_move():
    widget = Framed(moving=True, rescale=True)
    widget.controls["n"].value = 5
    assert widget.axes.get_xlim() == (0, 15)
    with pytest.raises(RuntimeError, match="changed the x limits of its frame"):
        Framed(rescale=True)


class Counting(CourseWidget):
    """A small widget that counts its renders and draws; its chart depends on 'n' only."""

    def __init__(self):
        self.renders = self.draws = 0
        super().__init__({"n": w.IntSlider(value=1, min=0, max=3), "note": w.Text(value="a")},
                         shortcuts={"jump": w.Dropdown(options=[0, 2], value=0)})

    def render(self) -> View:
        self.renders += 1
        n = self.controls["n"].value
        if n == 0:
            return View("nothing")
        return View(f"{n} bars, note {self.controls['note'].value}", chart=Chart(n, self._draw_bars))

    def _draw_bars(self, ax) -> None:
        self.draws += 1
        ax.bar(range(self.controls["n"].value), 1)


def test_a_chart_is_drawn_only_when_its_key_changes_and_recent_pictures_are_kept():
    widget = Counting()
    one = bytes(widget.image.value)
    widget.controls["note"].value = "b"  # the chart's inputs are unchanged: no drawing
    assert widget.draws == 1 and bytes(widget.image.value) == one and widget.view_state.message == "1 bars, note b"
    widget.controls["n"].value = 2
    assert widget.draws == 2 and bytes(widget.image.value) != one
    widget.controls["n"].value = 1  # seen before: from the kept pictures
    assert widget.draws == 2 and bytes(widget.image.value) == one
    widget.controls["n"].value = 0
    assert bytes(widget.image.value) == b"" and widget.image.layout.display == "none"


def test_set_controls_renders_once_and_shortcuts_do_not_render():
    widget = Counting()
    before = widget.renders
    widget.set_controls(n=3, note="c")
    assert widget.renders == before + 1
    widget.shortcuts["jump"].value = 2
    assert widget.renders == before + 1


@pytest.mark.parametrize("make, message", [
    (lambda: __import__("utils.widgets.dossier", fromlist=["x"]).CountryDossier(country="Narnia"),
     "country='Narnia' is not one of the choices"),
    (lambda: __import__("utils.widgets.dossier", fromlist=["x"]).CountryDossier(country="Yugoslvia"),
     "Did you mean 'Yugoslavia'?"),
    (lambda: __import__("utils.widgets.era", fromlist=["x"]).EraTimeline(years=(1960, 1950)), "first year first"),
    (lambda: __import__("utils.widgets.era", fromlist=["x"]).EraTimeline(period="cold war"),
     "Did you mean 'cold_war'?"),
    (lambda: __import__("utils.widgets.treaties", fromlist=["x"]).TreatiesInForce(treaty_type="alliance"),
     "Valid values"),
    (lambda: __import__("utils.widgets.territory", fromlist=["x"]).TerritorialSteps(month="1941-03"),
     "choose a month from 1939-09 to 1940-08"),
    (lambda: __import__("utils.widgets.losses", fromlist=["x"]).WarLosses(countries=("Atlantis",)),
     "is not one of the choices"),
    (lambda: __import__("utils.widgets.claims", fromlist=["x"]).ClaimChecker(claim="nope"), "claims.csv"),
])
def test_an_argument_takes_effect_or_gets_a_clear_message(make, message):
    with pytest.raises(WidgetArgumentError, match=re.escape(message)):
        make()


def test_every_constructor_argument_takes_effect():
    from utils.widgets.era import EraTimeline
    from utils.widgets.claims import ClaimChecker

    assert EraTimeline(period="cold_war").controls["years"].value == (1946, 1953)
    assert EraTimeline(kind="war").controls["kind"].value == "war"
    widget = ClaimChecker(text="The USSR signed a non-aggression pact with Germany in 1939.")
    assert widget.view_state.facts["verdicts"] == ["supported"]
    assert ALL == "all"


def test_dots_draw_what_scatter_draws_for_one_colour():
    def picture(draw) -> np.ndarray:
        figure = new_figure(4, 2)
        ax = figure.add_subplot()
        ax.set_xlim(0, 10)
        ax.set_ylim(0, 3)
        draw(ax)
        return np.asarray(Image.open(io.BytesIO(png_bytes(figure))).convert("RGB"))

    x, y = [1, 3, 5, 7.5], [1, 2, 1, 2]
    line = dots(new_figure(4, 2).add_subplot(), x, y, "#D55E00", size=30)
    assert line.get_linestyle() == "None" and list(line.get_xdata()) == x
    assert (picture(lambda ax: ax.scatter(x, y, s=30, c="#D55E00", edgecolors="black", linewidths=0.5))
            == picture(lambda ax: dots(ax, x, y, "#D55E00", size=30))).all()


def test_frames_kept_in_advance_are_not_drawn_in_full_again(monkeypatch):
    widget = Framed(two_frames=True)
    shown = widget.image.value
    widget.keep_frames({frame: lambda ax, frame=frame: widget._frame(ax, frame) for frame in (0, 1)})
    assert widget.image.value == shown
    full_drawings = []
    monkeypatch.setattr(base, "draw", full_drawings.append)
    for n in (2, 3, 4, 5):  # frames 0, 1, 0, 1, each restored from the copy kept in advance
        widget.controls["n"].value = n
        once = np.asarray(Image.open(io.BytesIO(widget.picture_drawn_at_once())).convert("RGB"))
        assert np.array_equal(pixels(widget), once), f"n={n}"
    assert full_drawings == []


def test_the_dossier_keeps_its_frames_from_the_start(monkeypatch):
    dossier = CountryDossier(country="Yugoslavia")
    full_drawings = []
    monkeypatch.setattr(base, "draw", full_drawings.append)
    for country in ("People's Republic of China", "Germany", "Mongolian People's Republic", "Poland"):
        dossier.controls["country"].value = country
    assert full_drawings == []
