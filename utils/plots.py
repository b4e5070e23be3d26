"""Figures the course's way: a new figure, a title, axis labels and a source line, a PNG, and a legibility check.

Everything here uses matplotlib's public API only.
"""
from __future__ import annotations

import io
from datetime import datetime
from functools import lru_cache
from itertools import combinations
from typing import Iterable

import matplotlib.dates as mdates
import numpy as np
import pandas as pd
from matplotlib import rc_context
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import Bbox
from PIL import Image

from .style import GREY, LABEL_POINTS, MIN_TEXT_POINTS, OKABE_ITO, PALETTE, PERIOD_COLOURS, SOURCE_COLOUR, \
    SOURCE_POINTS, TICK_POINTS, TITLE_POINTS, colour_map  # noqa: F401  (re-exported for notebooks)

DPI = 96
SOURCE_ID = "course-source"
TITLE_ID = "course-title"
# Glyphs drawn without hinting: a third faster than matplotlib's default, and as legible at 96 dpi.
DRAWING = {"text.hinting": "no_hinting"}


def new_figure(width: float = 7.8, height: float = 3.8) -> Figure:
    """A figure not managed by pyplot (for widgets: it is never shown twice and never leaks)."""
    figure = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(figure)
    return figure


def text_width(figure: Figure, text: str, points: float = TICK_POINTS, bold: bool = False) -> float:
    """How wide a text is on this figure, in inches (measured once per text, size and dpi: widgets lay out
    their frames with the same labels again and again)."""
    return _text_width(text, points, bold, figure.dpi)


@lru_cache(maxsize=4096)
def _text_width(text: str, points: float, bold: bool, dpi: float) -> float:
    prop = FontProperties(size=points, weight="bold" if bold else "normal")
    width, _, _ = _measuring_renderer(dpi).get_text_width_height_descent(text, prop, ismath=False)
    return width / dpi


@lru_cache(maxsize=4)
def _measuring_renderer(dpi: float):
    """A renderer of a small figure of this dpi, kept to measure texts with."""
    return FigureCanvasAgg(Figure(figsize=(1, 1), dpi=dpi)).get_renderer()


def fit_margins(ax: Axes, left_labels=(), right_labels=(), right_title: str = "", ylabel: bool = False,
                xlabel: bool = True, legend_below: float = 0.0) -> None:
    """Margins (in inches) that fit the longest tick label on the left, a legend on the right, and the axis label
    and source line below: a fixed layout, measured, without a layout engine (``label`` sets the top)."""
    figure = ax.figure
    width, height = figure.get_size_inches()
    left = 0.15 + max((text_width(figure, t) for t in _longest(left_labels)), default=0.3) + (0.25 if ylabel else 0)
    right = 0.15
    if right_labels or right_title:
        right += 0.45 + max([text_width(figure, t) for t in _longest(right_labels)]
                            + [text_width(figure, right_title, bold=True)])
    bottom = 0.38 + (0.22 if xlabel else 0) + legend_below
    figure.subplots_adjust(left=min(left / width, 0.6), right=1 - min(right / width, 0.5),
                           bottom=min(bottom / height, 0.6))


def _longest(texts, keep: int = 3) -> list[str]:
    return sorted((str(t) for t in texts), key=len, reverse=True)[:keep]


def label(ax: Axes, title: str, xlabel: str, ylabel: str, source: str | None = None) -> Axes:
    """Give a chart its title (from the figure's left edge, on two lines if it is long), axis labels (with units)
    and one source line at the foot of the figure."""
    figure = ax.figure
    width = figure.get_figwidth()
    lines = [title]
    if text_width(figure, title, TITLE_POINTS, bold=True) > width - 0.25:
        words, lines = title.split(), [""]
        for word in words:
            trial = f"{lines[-1]} {word}".strip()
            if lines[-1] and text_width(figure, trial, TITLE_POINTS, bold=True) > width - 0.25:
                lines.append(word)
            else:
                lines[-1] = trial
    height = figure.get_figheight()
    placed = {} if figure.get_layout_engine() else {"y": 1 - 0.08 / height}  # a layout engine places it itself
    figure.suptitle("\n".join(lines), x=0.08 / width, ha="left", va="top", fontsize=TITLE_POINTS,
                    fontweight="bold", gid=TITLE_ID, **placed)
    if not figure.get_layout_engine():
        figure.subplots_adjust(top=1 - (0.22 + 0.2 * len(lines)) / height)
    ax.set_xlabel(xlabel, fontsize=LABEL_POINTS)
    ax.set_ylabel(ylabel, fontsize=LABEL_POINTS)
    ax.tick_params(labelsize=TICK_POINTS)
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    if source is not None:
        line = next((t for t in figure.texts if t.get_gid() == SOURCE_ID), None)
        if line is None:
            line = figure.text(0.08 / width, 0.012, "", fontsize=SOURCE_POINTS, color=SOURCE_COLOUR, ha="left",
                               va="bottom", gid=SOURCE_ID)
        line.set_text(f"Source: {source}")
    return ax


def draw(figure: Figure) -> None:
    """Draw the whole figure on its canvas (leaving out animated artists, as matplotlib does)."""
    with rc_context(DRAWING):
        figure.canvas.draw()


def png_bytes(figure: Figure) -> bytes:
    """Draw the figure and encode it as an RGB PNG."""
    draw(figure)
    return canvas_png(figure)


def canvas_png(figure: Figure) -> bytes:
    """What the figure's canvas holds now, as an RGB PNG (compression level 1: speed over a few kilobytes)."""
    width, height = figure.canvas.get_width_height()
    image = Image.frombuffer("RGBA", (width, height), figure.canvas.buffer_rgba(), "raw", "RGBA", 0, 1)
    buffer = io.BytesIO()
    image.convert("RGB").save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def draw_over(figure: Figure, artists: Iterable[Artist]) -> None:
    """Draw only these artists over what the canvas holds (matplotlib's blitting: ``Figure.draw_artist``)."""
    with rc_context(DRAWING):
        for artist in artists:
            figure.draw_artist(artist)


def title_text(figure: Figure) -> Text:
    """The title ``label`` gave the figure."""
    return next(t for t in figure.texts if t.get_gid() == TITLE_ID)


def retitle(figure: Figure, title: str) -> Text:
    """Give a labelled figure a new one-line title in the place ``label`` made for it (shortened with '…' in the
    unlikely case it does not fit the width)."""
    text = title_text(figure)
    room = figure.get_figwidth() - 0.25
    while text_width(figure, title, TITLE_POINTS, bold=True) > room and len(title) > 10:
        title = title[: len(title) - 4].rstrip(" ,;:–") + "…"
    text.set_text(title)
    return text


def bars(ax: Axes, positions, lengths, colours, width: float = 0.8, starts=0.0, horizontal: bool = False,
         **style) -> PolyCollection:
    """Bars as one collection: what ``ax.bar`` (or ``ax.barh``) draws, made and drawn many times faster, for
    widgets that redraw their bars on every change. ``starts`` are the bottoms (or left ends) for stacked bars;
    ``style`` goes to the collection (``edgecolors``, ``linewidths``, ``alpha``, ``zorder``)."""
    positions, lengths = np.asarray(positions, dtype=float), np.asarray(lengths, dtype=float)
    starts = np.broadcast_to(np.asarray(starts, dtype=float), lengths.shape)
    low, high = positions - width / 2, positions + width / 2
    corners = [(low, starts), (low, starts + lengths), (high, starts + lengths), (high, starts)]
    verts = np.stack([np.column_stack((b, a) if horizontal else (a, b)) for a, b in corners], axis=1)
    collection = PolyCollection(verts, facecolors=colours, edgecolors=style.pop("edgecolors", "none"),
                                zorder=style.pop("zorder", 1), **style)
    ax.add_collection(collection, autolim=False)
    return collection


def dots(ax: Axes, x, y, colour: str, size: float = 30.0, marker: str = "o", edge: str = "black",
         edge_width: float = 0.5, zorder: float = 3) -> Line2D:
    """Markers of one colour and one size (``size`` in points squared, as for ``ax.scatter``), drawn as a line
    with markers only: what ``ax.scatter`` draws for one colour, made about five times faster, for widgets that
    redraw their markers on every change. Several colours: one call per colour."""
    line, = ax.plot(x, y, linestyle="none", marker=marker, markersize=size ** 0.5, markerfacecolor=colour,
                    markeredgecolor=edge, markeredgewidth=edge_width, zorder=zorder)
    return line


def date_axis(ax: Axes, first: pd.Timestamp, last: pd.Timestamp, most: int = 9) -> None:
    """The x-axis from ``first`` to ``last`` (dates, as matplotlib date numbers) with at most ``most`` fixed ticks:
    on 1 January of every 1st, 2nd, 4th, 5th or 10th year, labelled with the year, or for less than three years
    every few months ('Jan 1940', 'Apr', …). A fraction of the cost of matplotlib's date locators, which a widget
    pays on every change."""
    ax.set_xlim(mdates.date2num(first), mdates.date2num(last))
    if last.year - first.year >= 3:
        step = next(s for s in (1, 2, 4, 5, 10, 20) if (last.year - first.year) // s + 1 <= most)
        ticks = [datetime(y, 1, 1) for y in range(first.year + (-first.year) % step, last.year + 1, step)]
        ticks = [t for t in ticks if first <= t <= last]
        labels = [str(t.year) for t in ticks]
    else:
        months = pd.date_range(first, last, freq="MS")
        step = next(s for s in (1, 2, 3, 6, 12) if ((months.month - 1) % s == 0).sum() <= min(most, 6))
        ticks = list(months[(months.month - 1) % step == 0].to_pydatetime())
        labels = [t.strftime("%b %Y") if t.month == 1 or i == 0 else t.strftime("%b") for i, t in enumerate(ticks)]
    ax.xaxis.set_ticks(mdates.date2num(ticks), labels)


# ----------------------------------------------------------------- legibility

def _shown_texts(figure: Figure) -> list[Text]:
    """Every non-empty text drawn on the figure: tick labels only for ticks inside the view."""
    tick_labels, shown = set(), []
    for ax in figure.axes:
        for axis, (low, high) in ((ax.xaxis, sorted(ax.get_xlim())), (ax.yaxis, sorted(ax.get_ylim()))):
            for tick in axis.get_major_ticks() + axis.get_minor_ticks():
                tick_labels.update({id(tick.label1), id(tick.label2)})
                inside = low - 1e-9 <= tick.get_loc() <= high + 1e-9
                shown += [t for t in (tick.label1, tick.label2) if inside and t.get_visible()]
    shown += [t for t in figure.findobj(Text) if id(t) not in tick_labels and t.get_visible()]
    return [t for t in shown if t.get_text().strip()]


def _data_points(ax: Axes) -> np.ndarray:
    """Display coordinates of the data an Axes shows (markers, line vertices, bar corners)."""
    points = []
    for collection in ax.collections:
        offsets = collection.get_offsets()
        if len(offsets):
            points.append(collection.get_offset_transform().transform(offsets))
        for segment in getattr(collection, "get_segments", lambda: [])():
            points.append(_densified(collection.get_transform().transform(segment)))
        if isinstance(collection, PolyCollection):  # bars drawn by ``bars``
            points += [collection.get_transform().transform(path.vertices) for path in collection.get_paths()]
    for line in ax.lines:
        if line.get_visible() and len(line.get_xydata()):
            points.append(_densified(line.get_transform().transform(line.get_xydata())))
    for patch in ax.patches:
        extent = patch.get_window_extent()
        points.append(np.array([[extent.x0, extent.y0], [extent.x1, extent.y1], [extent.x0, extent.y1],
                                [extent.x1, extent.y0]]))
    return np.vstack(points) if points else np.empty((0, 2))


def _densified(points: np.ndarray, per_segment: int = 40) -> np.ndarray:
    """Points along a polyline, so that a legend over the middle of a line is found."""
    if len(points) < 2:
        return points
    steps = np.linspace(0, 1, per_segment)[:, None]
    return np.vstack([a + steps * (b - a) for a, b in zip(points[:-1], points[1:])])


def layout_problems(figure: Figure) -> list[str]:
    """What makes a drawn figure hard to read: text cut at the edge, text too small, texts on top of each other,
    a legend on top of the data. An empty list means none of these."""
    draw(figure)
    edge = figure.bbox.padded(1)
    problems = []
    texts = _shown_texts(figure)
    boxes = {id(t): t.get_window_extent() for t in texts}
    for text in texts:
        box = boxes[id(text)]
        if not (edge.contains(box.x0, box.y0) and edge.contains(box.x1, box.y1)):
            problems.append(f"text cut at the edge of the figure: {text.get_text()!r}")
        if text.get_fontsize() < MIN_TEXT_POINTS - 1e-6:
            problems.append(f"text smaller than {MIN_TEXT_POINTS} points ({text.get_fontsize():.1f}): "
                            f"{text.get_text()!r}")
    for first, second in combinations(texts, 2):
        a, b = boxes[id(first)].shrunk(0.98, 0.9), boxes[id(second)].shrunk(0.98, 0.9)
        if Bbox.intersection(a, b) is not None and a.overlaps(b):
            problems.append(f"texts overlap: {first.get_text()!r} and {second.get_text()!r}")
    legends = [(ax, legend) for ax in figure.axes for legend in [ax.get_legend()] if legend] + \
              [(ax, legend) for legend in figure.legends for ax in figure.axes]
    for ax, legend in legends:
        if not isinstance(legend, Legend) or not legend.get_visible():
            continue
        box = legend.get_window_extent().shrunk(0.98, 0.98)
        points = _data_points(ax)
        inside = (points[:, 0] > box.x0) & (points[:, 0] < box.x1) & (points[:, 1] > box.y0) & (points[:, 1] < box.y1)
        if inside.any():
            problems.append("the legend covers data")
    return problems


def stacked_bars(counts, title: str, xlabel: str, ylabel: str, source: str, colours: list[str] | None = None,
                 width: float = 7.8, height: float = 3.8) -> None:
    """A notebook chart: one stacked bar per row of ``counts`` (a crosstab), the key on the right, then shown."""
    import matplotlib.pyplot as plt

    figure, ax = plt.subplots(figsize=(width, height), dpi=DPI, layout="constrained")
    counts.plot.bar(stacked=True, ax=ax, width=0.8, color=colours or list(colour_map(list(counts.columns)).values()),
                    rot=90 if len(counts) > 14 else 0)
    ax.legend(title="", frameon=False, fontsize=TICK_POINTS, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.yaxis.get_major_locator().set_params(integer=True)
    label(ax, title, xlabel, ylabel)
    figure.get_layout_engine().set(rect=(0, 0.05, 1, 0.95))
    figure.text(0.01, 0.01, f"Source: {source}", fontsize=SOURCE_POINTS, color=SOURCE_COLOUR, gid=SOURCE_ID)
    plt.show()
