"""Notebook 04: what the Allies sent the USSR, by kind of goods and by route."""
from __future__ import annotations

import re

import ipywidgets as w
import pandas as pd
from matplotlib.ticker import StrMethodFormatter

from ..data import load
from ..plots import colour_map, label
from .base import CourseWidget, View, no_match

ALL = "all suppliers"
# Plain "tons" (the sources do not say which) are taken as metric: the three kinds differ by under 12%.
TONNES_PER = {"short tons": 0.907185, "long tons": 1.016047, "metric tons": 1.0, "tonnes": 1.0, "tons": 1.0}
COUNTED = ["aircraft", "tanks", "vehicles", "rail"]
VIEWS = {
    "weapons and vehicles (number)": "count",
    "food, fuel and materials (tonnes)": "weight",
    "shipping routes (tonnes)": "route",
}


SUPPLIER_SHORT = {"United States": "US", "United Kingdom": "UK", "Canada": "Canada", "All Allies": "Allies"}


def short_name(item: str) -> str:
    """A chart label: the item without its dates and details ('Trucks (incl. jeeps) delivered …' -> 'Trucks')."""
    return re.split(r" \(| delivered| supplied| sent to| shipped", item, maxsplit=1)[0]


def tonnes(quantity: float, unit: str) -> float | None:
    """The quantity in metric tonnes, or None if the unit is not a weight ('thousand short tons' works too)."""
    words = unit.lower()
    factor = 1000.0 if words.startswith("thousand ") else 1e6 if words.startswith("million ") else 1.0
    for name, per in TONNES_PER.items():
        if words.endswith(name):
            return quantity * factor * per
    return None


def aid_rows() -> pd.DataFrame:
    """The Lend-Lease rows with a 'view' column (count, weight, route, total or other) and weights in tonnes."""
    aid = load("lend_lease")
    aid["tonnes"] = [tonnes(q, u) for q, u in zip(aid["quantity"], aid["unit"])]
    aid["view"] = "other"  # e.g. boots in pairs: in the table of the notebook, not in a chart
    aid.loc[aid["category"].isin(COUNTED), "view"] = "count"
    aid.loc[aid["tonnes"].notna(), "view"] = "weight"
    aid.loc[aid["breakdown"] == "route", "view"] = "route"
    aid.loc[aid["breakdown"] == "total", "view"] = "total"
    return aid


class LendLease(CourseWidget):
    """Bars of Allied deliveries to the USSR: weapons and vehicles, supplies by weight, or tonnage by route."""

    cached_text = True  # strings rasterised once (see CourseWidget)
    figsize = (8.0, 4.2)
    margins = {"left": 0.3, "right": 0.95, "top": 0.9, "bottom": 0.16}

    def __init__(self, view: str = "weapons and vehicles (number)", supplier: str = ALL):
        self.aid = aid_rows()
        suppliers = sorted(set(self.aid["supplier"]) - {"All Allies"})
        controls = {
            "view": w.Dropdown(options=list(VIEWS), value=view, description="Show",
                               layout=w.Layout(width="340px")),
            "supplier": w.Dropdown(options=[ALL, *suppliers], value=supplier, description="Supplier"),
        }
        super().__init__(controls)

    def render(self) -> View:
        view, supplier = self.controls["view"].value, self.controls["supplier"].value
        subject = view.split(" (")[0]  # 'shipping routes (tonnes)' -> 'shipping routes'
        chosen = self.aid[self.aid["view"] == VIEWS[view]]
        if supplier != ALL:
            chosen = chosen[chosen["supplier"] == supplier]
        if chosen.empty:
            return no_match(f"The course data has no rows on {subject} from {supplier}. "
                            f"Choose another supplier or 'all suppliers'.")
        weighed = VIEWS[view] != "count"
        values = chosen["tonnes"] / 1000 if weighed else chosen["quantity"]
        chosen = chosen.assign(value=values).sort_values("value")
        names = [f"{short_name(item)} ({SUPPLIER_SHORT[who]})" for item, who in zip(chosen["item"], chosen["supplier"])]
        colours = colour_map(sorted(self.aid["supplier"].unique()))
        ax = self.figure.add_subplot()
        bars = ax.barh(range(len(chosen)), chosen["value"], color=[colours[s] for s in chosen["supplier"]])
        ax.bar_label(bars, labels=[f"{v:,.0f}" for v in chosen["value"]], fontsize=7, padding=2)
        ax.set_yticks(range(len(chosen)), names, fontsize=7)
        ax.margins(x=0.18)
        ax.xaxis.set_major_formatter(StrMethodFormatter("{x:,.0f}"))
        unit = "Thousand tonnes (metric)" if weighed else "Number delivered"
        label(ax, f"Allied aid to the USSR, 1941–1945: {subject}", unit, "",
              "course dataset lend_lease.csv (sources per row)")
        top = chosen.iloc[-1]
        amount = f"{top['value']:,.0f} thousand tonnes" if weighed else f"{top['quantity']:,.0f} {top['unit']}"
        message = (f"{len(chosen)} {'row' if len(chosen) == 1 else 'rows'} on {subject} from "
                   f"{'all suppliers' if supplier == ALL else supplier}. The largest: {top['item']} "
                   f"({top['supplier']}), {amount}.")
        if VIEWS[view] == "route":
            share = 100 * top["value"] / chosen["value"].sum()
            message += f" That route carried {share:.0f}% of the tonnage shown."
        table = pd.DataFrame({"supplier": chosen["supplier"], "item": chosen["item"],
                              "quantity": chosen["quantity"].map("{:,.0f}".format), "unit": chosen["unit"],
                              "source": chosen["source"]}).iloc[::-1]
        return View(message, table, chart=True,
                    facts={"rows": list(chosen["row_id"][::-1]), "largest": top["row_id"]})
