"""Every chart is legible in every state: no text cut or overlapping, no legend on the data, text of 8 points or more.

Widgets are driven through the benchmark's plan of control changes; the charts
of the notebooks are checked when the notebook calls plt.show().
"""
from __future__ import annotations

import re

import ipywidgets as w
import nbformat
import pytest
from nbclient import NotebookClient

from utils.course import filenames
from utils.paths import NOTEBOOKS_DIR
from utils.plots import layout_problems, new_figure, title_text
from utils.widgets.states import walk, widget_classes
from utils.widgets.treaties import FIRST_YEAR, LAST_YEAR, TreatiesInForce

CLASSES = widget_classes()
STATES = 36
CHECK_SHOW = """import matplotlib.pyplot as plt
from utils.plots import layout_problems as _problems
_show = plt.show
def _checked_show(*args, **kwargs):
    for number in plt.get_fignums():
        for problem in _problems(plt.figure(number)):
            print("LAYOUT PROBLEM:", problem)
    return _show(*args, **kwargs)
plt.show = _checked_show"""


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_widget_charts_are_legible_in_every_state(cls):
    widget = cls()
    states = [("default", None)] + list(walk(widget, STATES))
    checked = 0
    fresh = cls()
    for name, value in states:
        if name != "default":
            fresh.controls[name].value = value
        problems = fresh.layout_problems()
        assert not problems, f"{cls.__name__} with {name}={value!r}: {problems[:3]}"
        checked += fresh.view_state.chart is not None
    assert checked, "the widget never showed a chart"


def test_the_checker_finds_what_it_should():
    figure = new_figure(3, 2)
    ax = figure.add_subplot()
    ax.plot([0, 1], [0, 1])
    ax.set_title("A title far too long to fit inside a figure only three inches wide, so it is cut")
    ax.text(0.5, 0.5, "small", fontsize=6)
    ax.text(0.5, 0.5, "small")
    ax.legend(["line"], loc="center")
    problems = " | ".join(layout_problems(figure))
    assert "cut at the edge" in problems and "smaller than 8 points" in problems
    assert "texts overlap" in problems and "legend covers data" in problems


@pytest.mark.parametrize("name", [n for n in filenames() if "plt.show()" in (NOTEBOOKS_DIR / n).read_text()
                                  or "stacked_bars(" in (NOTEBOOKS_DIR / n).read_text()])
def test_notebook_charts_are_legible(name):
    notebook = nbformat.read(NOTEBOOKS_DIR / name, as_version=4)
    notebook.cells.insert(0, nbformat.v4.new_code_cell(CHECK_SHOW))
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOKS_DIR)}}).execute()
    printed = "".join(o.get("text", "") for c in notebook.cells if c.cell_type == "code" for o in c.outputs)
    shown = sum("image/png" in o.get("data", {}) for c in notebook.cells if c.cell_type == "code" for o in c.outputs)
    assert shown, "no chart was drawn"
    assert not re.findall(r"LAYOUT PROBLEM: .*", printed), re.findall(r"LAYOUT PROBLEM: .*", printed)


def shortened_title(widget) -> str | None:
    """The widget's chart title if ``retitle`` had to shorten it to fit the width, else None."""
    if widget.view_state.chart is None:
        return None
    title = title_text(widget.figure).get_text()
    return title if title.endswith("…") else None


@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_no_title_is_ever_shortened_to_fit(cls):
    """Titles that change with the controls are set on one line over a kept frame: every menu choice fits."""
    for name, control in cls().controls.items():
        if not isinstance(control, w.Dropdown):
            continue
        widget = cls()
        for _, value in control.options:
            widget.controls[name].value = value
            assert not shortened_title(widget), f"{cls.__name__} with {name}={value!r}: {shortened_title(widget)}"


def test_no_treaty_title_is_shortened_for_any_type_and_partner():
    widget = TreatiesInForce(years=(FIRST_YEAR, LAST_YEAR))
    for _, kind in widget.controls["type"].options:
        for _, partner in widget.controls["partner"].options:
            widget.set_controls(type=kind, partner=partner)
            assert not shortened_title(widget), shortened_title(widget)
