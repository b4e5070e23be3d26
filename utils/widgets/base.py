"""What every course widget shares: controls on top, then a sentence, a chart and a table.

One protocol for every widget:

- The constructor builds ``controls`` (a dict of ipywidgets) from its arguments,
  checked with ``choice`` and ``valid_years`` (an argument that is not valid gets
  a message naming the valid values), and calls ``CourseWidget.__init__``.
- ``render()`` reads the controls and returns a ``View``: the sentence, a table,
  and a ``Chart`` (a key naming everything the picture depends on, and a function
  that draws it on an empty figure). It draws nothing itself and changes nothing.
- The base class alone owns the figure and its one Axes: it draws a chart only
  when its key is not the one on show (after removing what the last chart drew,
  so the Axes and its ticks are reused), keeps the last few PNGs by key, and
  shows sentence, table and picture. Tests set ``widget.controls[name].value``
  and read ``widget.view_state``.

Constructor convention: years as ``years=(first, last)`` (or ``year=`` for a
single year), other values as the keys the data uses, and ``ALL`` for "all".
"""
from __future__ import annotations

import base64
import html
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any, Callable, Hashable, Iterable, Mapping

import ipywidgets as w
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..answers import closest
from ..display import table_html, table_text
from ..plots import layout_problems, new_figure, png_bytes
from ..style import CONTROLS_CSS

ALL = "all"
PNG_CACHE_SIZE = 24


class WidgetArgumentError(ValueError):
    """A widget was given an argument it cannot take; the message names the valid values."""

    def _render_traceback_(self) -> list[str]:
        return [f"WidgetArgumentError: {self}"]


@dataclass(frozen=True)
class Chart:
    """A picture: ``draw(ax)`` draws it on the widget's Axes, emptied of the last chart's data; ``key`` names
    everything the picture depends on. ``draw`` sets what it needs of the Axes (ticks, limits, labels, margins)."""

    key: Hashable
    draw: Callable[[Axes], None] = field(compare=False, repr=False)


@dataclass(frozen=True)
class Key:
    """One entry of a chart's key, shown in HTML under the chart: a coloured mark and what it means."""

    label: str
    colour: str
    mark: str = "dot"  # dot, square, line, triangle-up, triangle-down
    line: str = "solid"  # for a line: solid, dashed, dotted
    outlined: bool = False  # a thick black outline (e.g. alliances)


@dataclass(frozen=True)
class View:
    """What a widget shows: a sentence, optionally a table, a chart and its key, and the facts behind them."""

    message: str
    table: pd.DataFrame | None = None
    chart: Chart | None = None
    facts: Mapping[str, Any] = field(default_factory=dict)
    key: tuple[Key, ...] = ()
    key_title: str = ""


_MARKS = {
    "dot": "display:inline-block;width:10px;height:10px;border-radius:50%;background:{c};border:1px solid #000",
    "square": "display:inline-block;width:12px;height:10px;background:{c};border:1px solid #000",
    "line": "display:inline-block;width:26px;height:0;border-top:3px {line} {c};vertical-align:middle",
    "triangle-up": "display:inline-block;width:0;height:0;border-left:6px solid transparent;"
                   "border-right:6px solid transparent;border-bottom:10px solid {c}",
    "triangle-down": "display:inline-block;width:0;height:0;border-left:6px solid transparent;"
                     "border-right:6px solid transparent;border-top:10px solid {c}",
}


def key_html(entries: Iterable[Key], title: str = "") -> str:
    """The key of a chart as a line of coloured marks and labels (HTML: never cut, never over the data)."""
    items = []
    for entry in entries:
        style = _MARKS[entry.mark].format(c=entry.colour, line=entry.line)
        if entry.outlined:
            style = style.replace("1px solid #000", "3px solid #000")
        items.append(f'<span style="white-space:nowrap;margin-right:14px"><span style="{style}"></span> '
                     f"{html.escape(entry.label)}</span>")
    if not items:
        return ""
    head = f"<b>{html.escape(title)}:</b> " if title else ""
    return f'<div style="font-size:0.9em;line-height:1.9;margin:2px 0 6px">{head}{" ".join(items)}</div>'


def no_match(message: str, **facts: Any) -> View:
    """The view for a selection that matches nothing: a plain sentence, no chart."""
    return View(message, facts=facts)


def choice(name: str, value: Any, valid: Iterable[Any]) -> Any:
    """``value`` if it is one of ``valid``; else a clear message naming the valid values (and a close match)."""
    valid = list(valid)
    if value in valid:
        return value
    close = closest(str(value), [str(v) for v in valid]) if isinstance(value, str) else None
    guess = f" Did you mean {close!r}?" if close else ""
    listed = ", ".join(repr(v) for v in valid[:40]) + (", …" if len(valid) > 40 else "")
    raise WidgetArgumentError(f"{name}={value!r} is not one of the choices.{guess} Valid values: {listed}.")


def valid_years(name: str, years: Any, first: int, last: int) -> tuple[int, int]:
    """``years`` as a (first, last) pair inside [first, last]; a single year is the pair (year, year)."""
    if isinstance(years, int) and not isinstance(years, bool):
        years = (years, years)
    try:
        low, high = (int(y) for y in years)
    except (TypeError, ValueError):
        raise WidgetArgumentError(f"{name}={years!r}: give two years, e.g. {name}=({first}, {last}).") from None
    if not first <= low <= high <= last:
        raise WidgetArgumentError(f"{name}={years!r}: the years must run from {first} to {last}, first year first.")
    return low, high


def year_slider(description: str, years: tuple[int, int], first: int, last: int) -> w.IntRangeSlider:
    """The course's range-of-years slider: a readout wide enough for '1922 – 1953'."""
    return w.IntRangeSlider(value=years, min=first, max=last, description=description, continuous_update=False,
                            layout=w.Layout(width="440px"), style={"description_width": "initial"})


def dropdown(description: str, options: list[tuple[str, Any]], value: Any, width: str = "auto") -> w.Dropdown:
    """A drop-down whose values are keys and whose labels are words."""
    return w.Dropdown(options=options, value=value, description=description,
                      layout=w.Layout(width=width), style={"description_width": "initial"})


class CourseWidget:
    """Base class: subclasses build ``controls`` and implement a pure ``render``."""

    figsize: tuple[float, float] = (7.8, 3.8)
    max_rows: int = 25

    def __init__(self, controls: dict[str, w.Widget], shortcuts: dict[str, w.Widget] | None = None):
        """``controls`` are read by ``render``; ``shortcuts`` only set controls (e.g. a period sets the years)."""
        self.controls = controls
        self.shortcuts = shortcuts or {}
        self._holding = False
        self.figure: Figure = new_figure(*self.figsize)
        self.axes: Axes = self.figure.add_subplot()
        self._drawn: list[Artist] = []
        self._key_on_show: Hashable | None = None
        self._pngs: OrderedDict[Hashable, bytes] = OrderedDict()
        self.message = w.HTML(layout=w.Layout(margin="4px 0"))
        self.message.add_class("course-message")
        self.image = w.Image(format="png", layout=w.Layout(max_width="100%", height="auto"))
        self.key = w.HTML()
        self.key.add_class("course-key")
        self.table = w.HTML()
        self.view_state = View("")
        self.widget = w.VBox([w.HTML(CONTROLS_CSS),
                              w.HBox([*controls.values(), *self.shortcuts.values()],
                                     layout=w.Layout(flex_flow="row wrap")),
                              self.message, self.image, self.key, self.table],
                             layout=w.Layout(border="1px solid #ddd", padding="6px"))
        self.widget.add_class("course-widget")
        for control in controls.values():
            control.observe(self.refresh, names="value")
        self.refresh()

    def render(self) -> View:  # pragma: no cover - abstract
        raise NotImplementedError

    def set_controls(self, **values: Any) -> None:
        """Set several controls at once, with one refresh at the end."""
        self._holding = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._holding = False
        self.refresh()

    def refresh(self, _change: dict | None = None) -> None:
        """Re-read the controls and show the new view (the chart only if it changed)."""
        if self._holding:
            return
        view = self.render()
        self.view_state = view
        self.message.value = f"<p>{html.escape(view.message)}</p>"
        self.table.value = table_html(view.table, self.max_rows) if view.table is not None else ""
        self.key.value = key_html(view.key, view.key_title) if view.chart is not None else ""
        self._show(view.chart)

    def _show(self, chart: Chart | None) -> None:
        if chart is None:
            self.image.value, self._key_on_show = b"", None
            self.image.layout.display = "none"
            return
        self.image.layout.display = None
        if chart.key == self._key_on_show:
            return
        png = self._pngs.pop(chart.key, None) or self._png_of(chart)
        self._pngs[chart.key] = png
        while len(self._pngs) > PNG_CACHE_SIZE:
            self._pngs.popitem(last=False)
        self.image.value, self._key_on_show = png, chart.key

    def _png_of(self, chart: Chart) -> bytes:
        ax = self.axes
        for artist in self._drawn:  # what the last chart drew: the Axes, its ticks and spines stay
            artist.remove()
        ax.relim()
        ax.autoscale(enable=True)
        before = {id(artist) for artist in ax.get_children()}
        chart.draw(ax)
        self._drawn = [artist for artist in ax.get_children() if id(artist) not in before]
        return png_bytes(self.figure)

    def layout_problems(self) -> list[str]:
        """What makes the chart on show hard to read (see ``utils.plots.layout_problems``); [] if no chart."""
        chart = self.view_state.chart
        if chart is None:
            return []
        self._png_of(chart)
        return layout_problems(self.figure)

    def text(self) -> str:
        """The message and table as plain text (what a screen reader or a test reads)."""
        parts = [self.view_state.message]
        if self.view_state.table is not None:
            parts.append(table_text(self.view_state.table, self.max_rows))
        return "\n".join(p for p in parts if p)

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = self.text()
        # A static copy for viewers without a kernel (GitHub, nbviewer): the default state.
        image = ""
        if self.view_state.chart is not None:
            encoded = base64.b64encode(self.image.value).decode()
            image = f'<img src="data:image/png;base64,{encoded}" alt="{html.escape(self.view_state.message)}"/>'
        bundle["text/html"] = self.message.value + image + self.key.value + self.table.value
        return bundle
