"""What every course widget shares: controls on top, then a sentence, a chart and a table.

A widget subclasses ``CourseWidget`` and implements ``render()``, which reads
the controls and returns a ``View``. Changing any control re-renders. Tests
drive a widget by setting ``widget.controls[name].value`` and reading
``widget.view_state`` (or ``widget.text()``), exactly what a learner sees.
"""
from __future__ import annotations

import base64
import html
from dataclasses import dataclass, field

import pandas as pd
import ipywidgets as w
from matplotlib.figure import Figure

from ..plots import DEFAULT_MARGINS, new_figure, png_bytes


@dataclass
class View:
    """What a widget shows: a sentence, optionally a table and whether the figure was drawn."""

    message: str
    table: pd.DataFrame | None = None
    chart: bool = False
    facts: dict = field(default_factory=dict)  # numbers behind the message, for tests


class CourseWidget:
    """Base class: subclasses set ``controls`` and implement ``render``."""

    figsize: tuple[float, float] = (8.0, 3.8)
    margins: dict | None = None  # subplots_adjust arguments; None for the default
    max_rows: int = 25

    def __init__(self, controls: dict[str, w.Widget]):
        self.controls = controls
        self.figure: Figure = new_figure(*self.figsize, margins=self.margins)
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
        self.figure.clear()  # also resets the margins: set them again
        self.figure.subplots_adjust(**(self.margins or DEFAULT_MARGINS))
        view = self.render()
        self.view_state = view
        self.message.value = f"<p>{html.escape(view.message)}</p>"
        self.table.value = self._table_html(view.table)
        self.image.value = png_bytes(self.figure) if view.chart else b""
        self.image.layout.display = None if view.chart else "none"

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


def years_phrase(first: int, last: int) -> str:
    """'in 1948' for one year, 'from 1946 to 1953' for a range."""
    return f"in {first}" if first == last else f"from {first} to {last}"


def no_match(message: str) -> View:
    """The view for a selection that matches nothing: a plain sentence, no chart."""
    return View(message)
