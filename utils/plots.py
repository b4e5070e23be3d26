"""Shared figure conventions: a colour-blind-safe palette, titles, axis labels and a source line."""
from __future__ import annotations

import io

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

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


def label(ax: Axes, title: str, xlabel: str, ylabel: str, source: str) -> Axes:
    """Give a chart its title, axis labels (with units) and a source line below it."""
    ax.set_title(title, loc="left", fontsize=11, fontweight="bold")
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.figure.text(0.01, 0.005, f"Source: {source}", fontsize=7.5, color="#444444", ha="left", va="bottom")
    for side in ("top", "right"):
        ax.spines[side].set_visible(False)
    return ax


DEFAULT_MARGINS = {"left": 0.1, "right": 0.97, "top": 0.9, "bottom": 0.16}


def new_figure(width: float = 8.0, height: float = 4.0, margins: dict | None = None) -> Figure:
    """A figure not managed by pyplot (for widgets: it is never shown twice and never leaks).

    Fixed margins instead of a layout engine: constrained layout re-measures
    every text on each draw, which cost a widget a third of its response time.
    """
    figure = Figure(figsize=(width, height), dpi=80)
    figure.subplots_adjust(**(margins or DEFAULT_MARGINS))
    FigureCanvasAgg(figure)
    return figure


def png_bytes(figure: Figure) -> bytes:
    """Render a figure to PNG."""
    buffer = io.BytesIO()
    figure.canvas.print_png(buffer, pil_kwargs={"compress_level": 1})  # speed over a few kB
    return buffer.getvalue()
