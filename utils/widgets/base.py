"""What every course widget shares: controls on top, then a sentence, a chart and a table.

A widget subclasses ``CourseWidget`` and implements ``render()``, which reads
the controls and returns a ``View``. Changing any control re-renders. Tests
drive a widget by setting ``widget.controls[name].value`` and reading
``widget.view_state`` (or ``widget.text()``), exactly what a learner sees.

Faster drawing is opt-in, per widget (a widget that sets none of this behaves
exactly as before: the figure is cleared, ``render()`` draws into it, the PNG is
made from it):

- ``cached_text = True``: the figure's canvas rasterises each string once and
  reuses it (``plots.CachedTextCanvasAgg``); the PNG is encoded with Pillow.
- ``reuse_figure = True``: ``refresh()`` does not clear the figure; the widget
  keeps its Axes (``reused_axes()``) and updates its artists in place.
- ``View.draw`` and ``View.chart_key``: ``render()`` may return the drawing as a
  callable instead of drawing, with a key naming everything the chart depends
  on. The base class then draws and encodes only when the key differs from the
  chart on show, and (``png_cache_size`` > 0) keeps that many recent PNGs by key.
"""
from __future__ import annotations

import base64
import html
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Callable, Hashable

import pandas as pd
import ipywidgets as w
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..plots import DEFAULT_MARGINS, fast_png_bytes, new_figure, png_bytes


@dataclass
class View:
    """What a widget shows: a sentence, optionally a table and whether the figure was drawn."""

    message: str
    table: pd.DataFrame | None = None
    chart: bool = False
    facts: dict = field(default_factory=dict)  # numbers behind the message, for tests
    # Opt-in (see the module docstring): what the chart depends on, and a callable that draws it.
    chart_key: Hashable | None = None
    draw: Callable[[], None] | None = field(default=None, compare=False, repr=False)


class CourseWidget:
    """Base class: subclasses set ``controls`` and implement ``render``."""

    figsize: tuple[float, float] = (8.0, 3.8)
    margins: dict | None = None  # subplots_adjust arguments; None for the default
    max_rows: int = 25
    cached_text: bool = False  # opt-in: rasterise each string once (plots.CachedTextCanvasAgg)
    reuse_figure: bool = False  # opt-in: refresh() keeps the figure; the widget updates its artists in place
    png_cache_size: int = 0  # opt-in: recent PNGs kept by View.chart_key (0: none)

    def __init__(self, controls: dict[str, w.Widget]):
        self.controls = controls
        self.figure: Figure = new_figure(*self.figsize, margins=self.margins, cached_text=self.cached_text)
        self._chart_key: Hashable | None = None  # key of the chart on show, if the widget gives keys
        self._png_cache: OrderedDict = OrderedDict()
        self.message = w.HTML(layout=w.Layout(margin="4px 0"))
        self.message.add_class("course-message")
        self.image = w.Image(format="png", layout=w.Layout(max_width="100%"))
        self.table = w.HTML()
        self.view_state = View("")
        self.widget = w.VBox([w.HBox(list(controls.values()), layout=w.Layout(flex_flow="row wrap")),
                              self.message, self.image, self.table],
                             layout=w.Layout(border="1px solid #ddd", padding="6px"))
        self.widget.add_class("course-widget")
        for control in controls.values():
            control.observe(self.refresh, names="value")
        self.refresh()

    def render(self) -> View:  # pragma: no cover - abstract
        raise NotImplementedError

    def refresh(self, _change: dict | None = None) -> None:
        """Re-read the controls and redraw."""
        if not self.reuse_figure:
            self.figure.clear()  # also resets the margins: set them again
            self.figure.subplots_adjust(**(self.margins or DEFAULT_MARGINS))
        view = self.render()
        self.view_state = view
        self.message.value = f"<p>{html.escape(view.message)}</p>"
        self.table.value = self._table_html(view.table)
        if view.chart:
            self._show_chart(view)
        else:
            self.image.value = b""
            self._chart_key = None
        self.image.layout.display = None if view.chart else "none"

    def _show_chart(self, view: View) -> None:
        key = view.chart_key
        if key is not None and key == self._chart_key:
            return  # the chart on show is already this one (e.g. only the table changed)
        png = self._png_cache.get(key) if key is not None else None
        if png is None:
            if view.draw is not None:
                view.draw()
            png = (fast_png_bytes if self.cached_text else png_bytes)(self.figure)
            if key is not None and self.png_cache_size > 0:
                self._png_cache[key] = png
                while len(self._png_cache) > self.png_cache_size:
                    self._png_cache.popitem(last=False)
        else:
            self._png_cache.move_to_end(key)
        self.image.value = png
        self._chart_key = key

    def reused_axes(self) -> Axes:
        """The figure's one Axes, created on first use (for ``reuse_figure`` widgets)."""
        return self.figure.axes[0] if self.figure.axes else self.figure.add_subplot()

    def _table_html(self, table: pd.DataFrame | None) -> str:
        if table is None or table.empty:
            return ""
        shown = table.head(self.max_rows)
        more = len(table) - len(shown)
        note = f"<p><i>… and {more} more rows.</i></p>" if more > 0 else ""
        return shown.to_html(index=False, border=0, classes="course-table", escape=True) + note

    def text(self) -> str:
        """The message and table as plain text (what a screen reader or a test reads)."""
        parts = [self.view_state.message]
        if self.view_state.table is not None and not self.view_state.table.empty:
            parts.append(self.view_state.table.head(self.max_rows).to_string(index=False))
        return "\n".join(parts)

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = self.text()
        # A static copy for viewers without a kernel (GitHub, nbviewer): the default state.
        image = ""
        if self.view_state.chart:
            encoded = base64.b64encode(self.image.value).decode()
            image = f'<img src="data:image/png;base64,{encoded}" alt="{html.escape(self.view_state.message)}"/>'
        bundle["text/html"] = self.message.value + image + self.table.value
        return bundle


def years_phrase(first: int, last: int, between: bool = False) -> str:
    """'in 1948' for one year, 'from 1946 to 1953' (or 'between 1946 and 1953') for a range."""
    if first == last:
        return f"in {first}"
    return f"between {first} and {last}" if between else f"from {first} to {last}"


def no_match(message: str) -> View:
    """The view for a selection that matches nothing: a plain sentence, no chart."""
    return View(message)
