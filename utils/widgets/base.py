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
- A chart may name a *frame*: what stays the same from one picture to the next
  (title, a fixed axis, margins, source line), drawn by ``draw_frame`` and kept
  while its ``frame`` key is unchanged. The base class then draws only the
  chart's data over a copy of the frame (matplotlib's blitting:
  ``copy_from_bbox``, ``restore_region``, ``draw_artist``), which is what makes
  a change cheap: text is most of the cost of a picture, and the frame holds
  most of the text.

Constructor convention: years as ``years=(first, last)`` (or ``year=`` for a
single year), other values as the keys the data uses, and ``ALL`` for "all".
"""
from __future__ import annotations

import base64
import html
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, Callable, Hashable, Iterable, Mapping

import ipywidgets as w
import pandas as pd
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from ..answers import closest
from ..display import table_html, table_text
from ..plots import canvas_png, draw, draw_over, layout_problems, new_figure, png_bytes
from ..style import CONTROLS_CSS

ALL = "all"
PNG_CACHE_SIZE = 24
FRAME_CACHE_SIZE = 6


class WidgetArgumentError(ValueError):
    """A widget was given an argument it cannot take; the message names the valid values."""

    def _render_traceback_(self) -> list[str]:
        return [f"WidgetArgumentError: {self}"]


@dataclass(frozen=True)
class Chart:
    """A picture: ``draw(ax)`` draws it on the widget's Axes, emptied of the last chart's data; ``key`` names
    everything the picture depends on. ``draw`` sets what it needs of the Axes (ticks, limits, labels, margins).

    With a frame, ``draw_frame(ax)`` draws everything the pictures of one ``frame`` key share (it sets the limits)
    and returns the parts of it that ``draw`` changes for each picture, if any (``ax.xaxis`` when the years change,
    the title from ``plots.retitle``); ``draw`` then draws only the data, and may change the limits of an axis only
    if that axis is one of those parts.
    """

    key: Hashable
    draw: Callable[[Axes], None] = field(compare=False, repr=False)
    frame: Hashable = None
    draw_frame: Callable[[Axes], Iterable[Artist]] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self):
        if (self.frame is None) != (self.draw_frame is None):
            raise ValueError("a chart's frame needs both a frame key and draw_frame")


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
        self._frame_drawn: list[Artist] = []  # what the frame on the Axes drew
        self._moving: list[Artist] = []  # the parts of the frame drawn again with each picture
        self._data_drawn: list[Artist] = []  # what the last picture drew over its frame
        self._frame_on_show: Hashable | None = None
        self._backgrounds: OrderedDict[Hashable, Any] = OrderedDict()  # copies of the last few frames, by key
        self._key_on_show: Hashable | None = None
        self._pngs: OrderedDict[Hashable, bytes] = OrderedDict()
        self.message = w.HTML(layout=w.Layout(margin="4px 0"))
        self.message.add_class("course-message")
        # At its own size where there is room (a flex box would stretch it, blurring the text), smaller where not.
        self.image = w.Image(format="png", layout=w.Layout(width=f"{round(self.figsize[0] * self.figure.dpi)}px",
                                                           max_width="100%", height="auto"))
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

    def keep_frames(self, frames: Mapping[Hashable, Callable[[Axes], Iterable[Artist]]]) -> None:
        """Draw these frames now (frame key: its ``draw_frame``) and keep their copies, so that the first picture
        over each costs no full drawing: for a widget that switches between a few frames. The picture on show
        stays as it is; the next one restores the copy of its frame."""
        for frame, draw_frame in list(frames.items())[:FRAME_CACHE_SIZE - 1]:
            if frame not in self._backgrounds:
                self._new_frame(frame, draw_frame)

    def _png_of(self, chart: Chart) -> bytes:
        if chart.frame is None or chart.frame != self._frame_on_show:
            self._new_frame(chart.frame, chart.draw_frame)
        else:
            self._remove(self._data_drawn)
            self.figure.canvas.restore_region(self._backgrounds[chart.frame])
        if chart.frame is None:
            self._data_drawn = self._drawing(chart.draw)
            return png_bytes(self.figure)
        limits = self.axes.get_xlim(), self.axes.get_ylim()
        self._data_drawn = self._drawing(chart.draw)
        self._check_limits(limits)
        draw_over(self.figure, self._over_frame())
        return canvas_png(self.figure)

    def _new_frame(self, frame: Hashable, draw_frame: Callable[[Axes], Iterable[Artist]] | None) -> None:
        """Empty the Axes of the last chart; with a frame, set the Axes up for it and draw it, or restore the copy
        kept from the last time it was drawn (``draw_frame`` sets the same Axes for the same frame key)."""
        self._remove(self._data_drawn + self._frame_drawn)
        self._data_drawn, self._frame_drawn, self._frame_on_show = [], [], None
        for artist in self._moving:
            artist.set_animated(False)
        self._moving = []
        self.axes.relim()
        self.axes.autoscale(enable=True)
        if frame is None:
            return
        moving: list[Artist] = []
        self._frame_drawn = self._drawing(lambda ax: moving.extend(draw_frame(ax) or ()))
        if self.axes.axison and self.axes.get_frame_on():  # the spines may lie over the data: drawn after it
            moving += self.axes.spines.values()
        for artist in moving:
            artist.set_animated(True)  # left out of the frame's copy: drawn with each picture
        self._moving = moving
        self.axes.autoscale_view()  # what a drawing would do first, if the frame left the limits to autoscaling
        kept = self._backgrounds.pop(frame, None)
        if kept is None:
            draw(self.figure)
            kept = self.figure.canvas.copy_from_bbox(self.figure.bbox)
        else:
            self.figure.canvas.restore_region(kept)
        self._backgrounds[frame] = kept
        while len(self._backgrounds) > FRAME_CACHE_SIZE:
            self._backgrounds.popitem(last=False)
        self.axes.set_autoscale_on(False)  # the frame fixes the limits; the data drawn over it must not move them
        self._frame_on_show = frame

    def _drawing(self, drawer: Callable[[Axes], Any]) -> list[Artist]:
        """Call ``drawer`` on the Axes and return the artists it added."""
        before = {id(artist) for artist in self.axes.get_children()}
        drawer(self.axes)
        added = [artist for artist in self.axes.get_children() if id(artist) not in before]
        if self._frame_on_show is not None:  # drawn over the frame's copy, not into it
            for artist in added:
                artist.set_animated(True)
        return added

    @staticmethod
    def _remove(artists: list[Artist]) -> None:
        for artist in artists:  # the Axes, its ticks and spines stay
            artist.remove()

    def _check_limits(self, limits: tuple) -> None:
        for axis, before, after in ((self.axes.xaxis, limits[0], self.axes.get_xlim()),
                                    (self.axes.yaxis, limits[1], self.axes.get_ylim())):
            if before != after and axis not in self._moving:
                raise RuntimeError(f"{type(self).__name__}: the chart's draw changed the {axis.axis_name} limits "
                                   "of its frame; set them in draw_frame, or return the axis from draw_frame")

    def _over_frame(self) -> list[Artist]:
        """What to draw over the frame's copy, in the order a full draw would: the Axes' moving parts (with its
        spines, which may lie over the data) and the data by zorder, then the figure's moving texts."""
        ax = self.axes
        order = {id(a): i for i, a in enumerate(ax.get_children())}
        inside = sorted((a for a in self._moving + self._data_drawn if a.axes is ax),
                        key=lambda a: (a.get_zorder(), order.get(id(a), 0)))
        return inside + [a for a in self._moving if a.axes is not ax]

    @contextmanager
    def _drawn_at_once(self):
        """The figure with the chart on show as a plain figure, to be drawn in one pass (frame and data together)."""
        over_frame = self._moving + self._data_drawn if self._frame_on_show is not None else []
        for artist in over_frame:
            artist.set_animated(False)
        try:
            yield self.figure
        finally:
            for artist in over_frame:
                artist.set_animated(True)

    def picture_drawn_at_once(self) -> bytes:
        """The chart on show as a PNG drawn in one pass, without the frame's copy: what the widget shows must be
        exactly this picture (a test compares them)."""
        chart = self.view_state.chart
        if chart is None:
            return b""
        self._png_of(chart)
        with self._drawn_at_once() as figure:
            return png_bytes(figure)

    def layout_problems(self) -> list[str]:
        """What makes the chart on show hard to read (see ``utils.plots.layout_problems``); [] if no chart."""
        chart = self.view_state.chart
        if chart is None:
            return []
        self._png_of(chart)
        with self._drawn_at_once() as figure:
            return layout_problems(figure)

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
