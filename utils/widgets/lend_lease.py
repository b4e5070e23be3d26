"""Notebook 04: what the Allies sent the USSR, by kind of goods and by route."""
from __future__ import annotations

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.ticker import StrMethodFormatter

from ..plots import bars, fit_margins, label
from ..style import colour_map
from ..tables import aid_rows
from ..wording import count
from .base import ALL, Chart, CourseWidget, Key, View, choice, dropdown, no_match

VIEWS = {"count": ("weapons and vehicles", "number"), "weight": ("food, fuel and materials", "tonnes"),
         "route": ("shipping routes", "tonnes")}
SHORT_SUPPLIERS = {"United States": "US", "United Kingdom": "UK", "Canada": "Canada", "All Allies": "all Allies"}


class LendLease(CourseWidget):
    """Bars of Allied deliveries to the USSR: weapons and vehicles, supplies by weight, or tonnage by route.

    ``LendLease(view="count", supplier=ALL)``; views: count, weight, route.
    """

    figsize = (7.8, 3.9)

    def __init__(self, view: str = "count", supplier: str = ALL):
        self.aid = aid_rows()
        suppliers = sorted(set(self.aid["supplier"]) - {"All Allies"})
        self.colours = colour_map(sorted(self.aid["supplier"].unique()))
        controls = {
            "view": dropdown("Show", [(f"{words} ({unit})", key) for key, (words, unit) in VIEWS.items()],
                             choice("view", view, VIEWS), width="340px"),
            "supplier": dropdown("Supplier", [("all suppliers", ALL)] + [(s, s) for s in suppliers],
                                 choice("supplier", supplier, [ALL, *suppliers])),
        }
        super().__init__(controls)

    def render(self) -> View:
        view, supplier = self.controls["view"].value, self.controls["supplier"].value
        subject = VIEWS[view][0]
        from_whom = "all suppliers" if supplier == ALL else supplier
        chosen = self.aid[self.aid["view"] == view]
        if supplier != ALL:
            chosen = chosen[chosen["supplier"] == supplier]
        if chosen.empty:
            return no_match(f"The course data has no rows on {subject} from {from_whom}. "
                            "Choose another supplier or 'all suppliers'.")
        weighed = view != "count"
        chosen = chosen.assign(value=chosen["tonnes"] / 1000 if weighed else chosen["quantity"]).sort_values("value")
        top = chosen.iloc[-1]
        amount = f"{top['value']:,.0f} thousand tonnes" if weighed else f"{top['quantity']:,.0f} {top['unit']}"
        message = (f"{count(len(chosen), 'row')} on {subject} from {from_whom}. The largest: {top['item']} "
                   f"({top['supplier']}), {amount}.")
        if view == "route":
            message += f" That route carried {100 * top['value'] / chosen['value'].sum():.0f}% of the tonnage shown."
        table = pd.DataFrame({"supplier": chosen["supplier"], "item": chosen["item"], "quantity": chosen["quantity"],
                              "unit": chosen["unit"], "source": chosen["source"]}).iloc[::-1]
        suppliers = sorted(chosen["supplier"].unique())
        return View(message, table, Chart((view, supplier), lambda ax: self._draw(ax, chosen, weighed), frame=view,
                                          draw_frame=lambda ax: self._draw_frame(ax, view, subject, weighed)),
                    facts={"rows": list(chosen["row_id"][::-1]), "largest": top["row_id"]},
                    key=tuple(Key(s, self.colours[s], "square") for s in suppliers), key_title="Supplier")

    def _draw_frame(self, ax: Axes, view: str, subject: str, weighed: bool) -> list:
        """Title and margins for any row of the view; the scale (x-axis) and the rows (y-axis) change."""
        ax.xaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
        label(ax, f"Allied aid to the USSR, 1941–1945: {subject}",
              "Thousand tonnes (metric)" if weighed else "Number delivered", "",
              "course dataset lend_lease.csv (sources per row)")
        fit_margins(ax, left_labels=self._names(self.aid[self.aid["view"] == view]))
        return [ax.xaxis, ax.yaxis]

    @staticmethod
    def _names(rows: pd.DataFrame) -> list[str]:
        return [f"{item} ({SHORT_SUPPLIERS[who]})" for item, who in zip(rows["short_item"], rows["supplier"])]

    def _draw(self, ax: Axes, chosen: pd.DataFrame, weighed: bool) -> None:
        values = chosen["value"].to_numpy()
        bars(ax, range(len(chosen)), values, [self.colours[s] for s in chosen["supplier"]], horizontal=True)
        for position, value in enumerate(values):
            ax.text(value, position, f" {value:,.0f}", fontsize=8.5, va="center", ha="left")
        ax.set_yticks(range(len(chosen)), self._names(chosen))
        ax.set_ylim(-0.6, len(chosen) - 0.4)
        ax.set_xlim(0, values.max() * 1.22)
