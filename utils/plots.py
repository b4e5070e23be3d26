"""Shared figure conventions: a colour-blind-safe palette, titles, axis labels and a source line."""
from __future__ import annotations

import io
import math
from collections import OrderedDict

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.font_manager import fontManager, get_font
from PIL import Image

try:  # private parts of matplotlib's Agg text path, as of 3.11: without them text is drawn the plain way
    from matplotlib.backends.backend_agg import get_hinting_flag
    from matplotlib.ft2font import RenderMode
except ImportError:  # pragma: no cover - depends on the matplotlib release
    get_hinting_flag = RenderMode = None

# Okabe & Ito (2008), safe for the common forms of colour blindness.
OKABE_ITO = {
    "orange": "#E69F00", "sky blue": "#56B4E9", "bluish green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish purple": "#CC79A7", "black": "#000000",
}
PALETTE = [OKABE_ITO[c] for c in ("blue", "orange", "bluish green", "vermillion", "reddish purple",
                                  "sky blue", "yellow", "black")]
GREY = "#999999"

PERIOD_COLOURS = dict(zip(
    ["before_1924", "socialism_in_one_country", "collective_security", "nazi_soviet_pact",
     "grand_alliance", "yalta_potsdam", "cold_war", "after_stalin"],
    [GREY, *PALETTE[:6], GREY]))


def colour_map(keys: list[str]) -> dict[str, str]:
    """A stable palette colour for each key, in order (cycles after eight)."""
    return {key: PALETTE[i % len(PALETTE)] for i, key in enumerate(keys)}


def label(ax: Axes, title: str, xlabel: str, ylabel: str, source: str, fixed_title: bool = False) -> Axes:
    """Give a chart its title, axis labels (with units) and a source line below it.

    ``fixed_title=True`` pins the title just above the Axes instead of letting matplotlib re-measure
    every tick label on each draw to place it (the same place for charts without ticks on top).
    """
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold", **({"y": 1.0} if fixed_title else {}))
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    source_line = next((t for t in ax.figure.texts if t.get_gid() == "course-source"), None)
    if source_line is None:  # a figure kept between refreshes (CourseWidget.reuse_figure) already has one
        ax.figure.text(0.01, 0.005, f"Source: {source}", fontsize=7.5, color="#444444", ha="left", va="bottom",
                       gid="course-source")
    else:
        source_line.set_text(f"Source: {source}")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


DEFAULT_MARGINS = {"left": 0.1, "right": 0.97, "top": 0.9, "bottom": 0.16}


class _TextCache:
    """Rasterised strings, least recently used first out (shared by every cached-text canvas)."""

    def __init__(self, size: int = 4096):
        self.size = size
        self.items: OrderedDict = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key):
        item = self.items.get(key)
        if item is None:
            self.misses += 1
        else:
            self.hits += 1
            self.items.move_to_end(key)
        return item

    def put(self, key, item) -> None:
        self.items[key] = item
        if len(self.items) > self.size:
            self.items.popitem(last=False)


TEXT_CACHE = _TextCache()


def _font_key(prop) -> tuple:
    return (tuple(prop.get_family()), prop.get_style(), prop.get_variant(), prop.get_weight(), prop.get_stretch(),
            prop.get_size_in_points(), prop.get_file())


class CachedTextRendererAgg(RendererAgg):
    """The Agg renderer, but each plain string is rasterised once and then reused.

    Matplotlib 3.11 shapes a string (libraqm) and rasterises it glyph by glyph
    on every draw: about nine tenths of a widget's drawing time went to the
    tick labels, legends and titles, which mostly repeat from one control
    change to the next. Here the glyphs of a string are rendered once into one
    coverage bitmap (keyed by string, font, size, angle and dpi) and pasted at
    the text's position rounded to the whole pixel (at most half a pixel from
    where plain Agg puts it). Mathtext, TeX and text with font features or a
    language fall back to plain Agg.
    """

    _height_metrics: dict = {}

    def _get_font_height_metrics(self, prop):
        """Ascent, descent and line gap of a font at a size, as ``Text._get_layout`` computes them, cached."""
        key = (_font_key(prop), self.dpi)
        metrics = self._height_metrics.get(key)
        if metrics is None and not CachedTextRendererAgg.usable:
            return None, None, None  # Text then measures the font itself
        if metrics is None:
            metrics = (None, None, None)
            font = get_font(fontManager._find_fonts_by_props(prop))
            for table_name, gap, ascent, descent in (("OS/2", "sTypoLineGap", "sTypoAscender", "sTypoDescender"),
                                                     ("hhea", "lineGap", "ascent", "descent")):
                table = font.get_sfnt_table(table_name)
                if table is None:
                    continue
                scale = prop.get_size_in_points() * self.dpi / 72 / font.get_sfnt_table("head")["unitsPerEm"]
                metrics = (table[ascent] * scale, -table[descent] * scale, table[gap] * scale)
                break
            self._height_metrics[key] = metrics
        return metrics

    usable = RenderMode is not None  # set to False for good if the private text API misbehaves

    def draw_text(self, gc, x, y, s, prop, angle, ismath=False, mtext=None):
        if not CachedTextRendererAgg.usable or ismath or (
                mtext is not None and (mtext.get_fontfeatures() or mtext.get_language())):
            return super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)
        try:
            self._draw_cached_text(gc, x, y, s, prop, angle)
        except Exception:  # a matplotlib release whose internals differ: fall back, never fail a chart
            CachedTextRendererAgg.usable = False
            super().draw_text(gc, x, y, s, prop, angle, ismath, mtext)

    def _draw_cached_text(self, gc, x, y, s, prop, angle):
        antialiased = bool(gc.get_antialiased())
        key = (s, _font_key(prop), angle, self.dpi, antialiased, get_hinting_flag())
        item = TEXT_CACHE.get(key)
        if item is None:
            item = self._rasterise(s, prop, angle, antialiased)
            TEXT_CACHE.put(key, item)
        image, left, top = item
        if image is None:
            return
        ix, iy = round(x), round(self.height - y)  # y upwards, as FreeType's
        self._renderer.draw_text_image(image, ix + left, int(self.height) - (iy + top) + image.shape[0], 0, gc)

    def _rasterise(self, s, prop, angle, antialiased):
        """One coverage bitmap of the string drawn at the origin: (image, left, top), y upwards."""
        font = self._prepare_font(prop)
        size = prop.get_size_in_points()
        load_flags = get_hinting_flag()
        cos, sin = math.cos(math.radians(angle)), math.sin(math.radians(angle))
        matrix = (0x10000 * np.array([[cos, -sin], [sin, cos]])).round().astype(int)
        bitmaps = []
        for item in font._layout(s, flags=load_flags):
            glyph_font = item.ft_object
            glyph_font.set_size(size, self.dpi)
            glyph_font._set_transform(matrix, [round(0x40 * (item.x * cos - item.y * sin)),
                                               round(0x40 * (item.x * sin + item.y * cos))])
            bitmap = glyph_font._render_glyph(item.glyph_index, load_flags,
                                              RenderMode.NORMAL if antialiased else RenderMode.MONO)
            buffer = np.asarray(bitmap.buffer)
            if not antialiased:
                buffer = buffer * 0xff
            if buffer.size:
                bitmaps.append((buffer.astype(np.uint8), bitmap.left, bitmap.top))
        if not bitmaps:
            return None, 0, 0
        left = min(b[1] for b in bitmaps)
        right = max(b[1] + b[0].shape[1] for b in bitmaps)
        top = max(b[2] for b in bitmaps)
        bottom = min(b[2] - b[0].shape[0] for b in bitmaps)
        image = np.zeros((top - bottom, right - left), np.uint8)
        for buffer, x0, y0 in bitmaps:
            rows, cols = buffer.shape
            target = image[top - y0: top - y0 + rows, x0 - left: x0 - left + cols]
            np.maximum(target, buffer, out=target)
        return image, left, top


class CachedTextCanvasAgg(FigureCanvasAgg):
    """An Agg canvas whose renderer caches rasterised text (see ``CachedTextRendererAgg``)."""

    def get_renderer(self):
        w, h = self.get_width_height(physical=True)
        key = w, h, self.figure.dpi
        if self._lastKey != key:
            self.renderer = CachedTextRendererAgg(w, h, self.figure.dpi)
            self._lastKey = key
        return self.renderer


def new_figure(width: float = 8.0, height: float = 4.0, margins: dict | None = None,
               cached_text: bool = False) -> Figure:
    """A figure not managed by pyplot (for widgets: it is never shown twice and never leaks).

    Fixed margins instead of a layout engine: constrained layout re-measures
    every text on each draw, which cost a widget a third of its response time.
    ``cached_text=True`` draws on a canvas that rasterises each string once
    (``CachedTextCanvasAgg``): several times faster for text-heavy charts.
    """
    figure = Figure(figsize=(width, height), dpi=80)
    figure.subplots_adjust(**(margins or DEFAULT_MARGINS))
    (CachedTextCanvasAgg if cached_text else FigureCanvasAgg)(figure)
    return figure


def png_bytes(figure: Figure) -> bytes:
    """Render a figure to PNG."""
    buffer = io.BytesIO()
    figure.canvas.print_png(buffer, pil_kwargs={"compress_level": 1})  # speed over a few kB
    return buffer.getvalue()


def fast_png_bytes(figure: Figure) -> bytes:
    """Draw a figure and encode it as an RGB PNG with Pillow (compression level 1, no metadata).

    Same picture as ``png_bytes`` (the figures are opaque, so the alpha channel carries nothing),
    about a quarter faster to encode and a little smaller.
    """
    figure.canvas.draw()
    rgba = np.asarray(figure.canvas.buffer_rgba())
    buffer = io.BytesIO()
    Image.fromarray(rgba[..., :3]).save(buffer, format="png", compress_level=1)
    return buffer.getvalue()
