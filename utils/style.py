"""The course's look: colours, text sizes, and the stylesheet of its tables and widget controls."""
from __future__ import annotations

# Okabe & Ito (2008), safe for the common forms of colour blindness.
OKABE_ITO = {
    "orange": "#E69F00", "sky blue": "#56B4E9", "bluish green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "reddish purple": "#CC79A7", "black": "#000000",
}
PALETTE = [OKABE_ITO[c] for c in ("blue", "orange", "bluish green", "vermillion", "reddish purple",
                                  "sky blue", "yellow", "black")]
GREY = "#999999"
LIGHT_GREY = "#dddddd"

# One colour per period of the course (utils.periods), none of them shared.
PERIOD_COLOURS = {
    "before_1924": GREY, "socialism_in_one_country": OKABE_ITO["blue"], "collective_security": OKABE_ITO["orange"],
    "nazi_soviet_pact": OKABE_ITO["bluish green"], "grand_alliance": OKABE_ITO["vermillion"],
    "yalta_potsdam": OKABE_ITO["reddish purple"], "cold_war": OKABE_ITO["sky blue"], "after_stalin": OKABE_ITO["black"],
}

# Text sizes on charts, in points at the stored size (nothing smaller than MIN_TEXT_POINTS).
MIN_TEXT_POINTS = 8
TICK_POINTS = 8.5
LABEL_POINTS = 9
TITLE_POINTS = 10.5
SOURCE_POINTS = 8
SOURCE_COLOUR = "#444444"


def colour_map(keys: list[str]) -> dict[str, str]:
    """A stable palette colour for each key, in order (cycles after eight)."""
    return {key: PALETTE[i % len(PALETTE)] for i, key in enumerate(keys)}


# Tables (in notebooks and in widgets): inline styles, which JupyterLab, Voilà and static pages all keep.
TABLE_STYLE = "border-collapse:collapse;font-size:0.92em;margin:4px 0;max-width:100%"
HEADER_STYLE = ("text-align:left;padding:4px 10px 4px 0;border-bottom:1px solid #888;vertical-align:bottom;"
                "font-weight:bold;white-space:nowrap")
CELL_STYLE = "text-align:left;padding:3px 10px 3px 0;border-bottom:1px solid #e3e3e3;vertical-align:top"
NUMBER_STYLE = CELL_STYLE.replace("text-align:left", "text-align:right") + ";white-space:nowrap"
DATE_STYLE = CELL_STYLE + ";white-space:nowrap"

# Widget controls: slider readouts wide enough for "1922 – 1953", descriptions not cut.
CONTROLS_CSS = """<style>
.course-widget .widget-readout, .course-widget .jupyter-widget-readout {min-width: 7.5em; max-width: none; flex-shrink: 0;}
.course-widget .widget-label, .course-widget .jupyter-widget-label {overflow: visible;}
.course-widget .course-message p {margin: 4px 0; line-height: 1.45;}
</style>"""

# One colour (and, for lines, one dash pattern and width) per kind of treaty: alliances warm, pacts cool.
TREATY_STYLES: dict[str, tuple[str, object, float]] = {
    "friendship and alliance": (OKABE_ITO["vermillion"], "-", 3.2),
    "mutual assistance": (OKABE_ITO["orange"], (0, (6, 2)), 2.6),
    "war alliance": (OKABE_ITO["reddish purple"], "-.", 2.4),
    "non-aggression": (OKABE_ITO["blue"], "--", 1.6),
    "neutrality": (OKABE_ITO["sky blue"], ":", 2.0),
    "peace": (OKABE_ITO["bluish green"], "-", 1.4),
    "armistice": ("#7FCDB4", ":", 1.6),
    "boundary": (OKABE_ITO["black"], (0, (1, 1)), 1.0),
    "trade": ("#777777", "-", 1.2),
    "credit": ("#AAAAAA", (0, (3, 1, 1, 1)), 1.2),
    "diplomatic": (OKABE_ITO["yellow"], "-", 1.2),
    "other": ("#CCCCCC", (0, (2, 3)), 1.0),
}
