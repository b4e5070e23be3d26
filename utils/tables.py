"""Tables derived from the datasets, which the widgets, the claim engine and the notebooks share.

Among them the course's one definition of an ally (``ALLIANCE_TYPES`` and
``ALLY_DEFINITION``) and the rule for when a treaty was in force.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from .data import load
from .periods import STALIN_DEATH

SOVIET_UNION = "Soviet Union"
DEATH = pd.Timestamp(STALIN_DEATH)

# The course's definition of an ally, used by notebooks 04 and 07, the widgets and the claim engine.
ALLIANCE_TYPES = ("war alliance", "mutual assistance", "friendship and alliance")
ALLY_DEFINITION = ("An ally of the USSR, in this course, is a state bound to it by a treaty in force that promises "
                   "military help: a pledge of joint action in a war already being fought (a war alliance), a treaty "
                   "of mutual assistance against attack, or a treaty of friendship and alliance. Non-aggression and "
                   "neutrality pacts, trade and credit agreements do not make allies.")


def treaties_with_spans() -> pd.DataFrame:
    """The treaties with ``start`` (entry into force, else signature), ``finish`` (end, capped at Stalin's death),
    ``partners`` (the parties other than the USSR) and ``alliance`` (True for the ally types), by signature."""
    treaties = load("treaties")
    treaties["start"] = treaties["in_force"].fillna(treaties["signed"])
    treaties["finish"] = treaties["end_date"].fillna(DEATH).clip(upper=DEATH)
    treaties["partners"] = treaties["parties"].map(lambda p: sorted(c for c in p if c != SOVIET_UNION))
    treaties["alliance"] = treaties["type"].isin(ALLIANCE_TYPES)
    return treaties.sort_values(["signed", "treaty_id"]).reset_index(drop=True)


def in_force_between(treaties: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """Treaties in force at some point between 1 January of ``first`` and 31 December of ``last``."""
    return treaties[(treaties["start"] <= pd.Timestamp(last, 12, 31)) & (treaties["finish"] >= pd.Timestamp(first, 1, 1))]


def treaties_with(country: str, treaties: pd.DataFrame | None = None) -> pd.DataFrame:
    """The treaties a country signed with the USSR (``country`` among the parties)."""
    treaties = load("treaties") if treaties is None else treaties
    return treaties[treaties["parties"].map(lambda parties: country in parties)]


def events_involving(country: str, events: pd.DataFrame | None = None) -> pd.DataFrame:
    """The events whose countries include ``country``."""
    events = load("events") if events is None else events
    return events[events["countries"].map(lambda countries: country in countries)]


def signed_between(treaties: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """The treaties signed from ``first`` to ``last`` (years, both included)."""
    return treaties[treaties["signed"].dt.year.between(first, last)]


def alliance_or_not(treaties: pd.DataFrame) -> pd.Series:
    """'alliance' or 'other treaty' for each treaty, by the course's definition of an ally."""
    return treaties["type"].isin(ALLIANCE_TYPES).map({True: "alliance", False: "other treaty"})


def state_ends() -> dict[str, pd.Timestamp]:
    """When a partner stopped existing as a state: annexation by the USSR (territorial_changes.csv, whole states
    such as the Baltic republics in August 1940) or the last year in countries.csv."""
    countries = load("countries")[["country", "existed_to"]].dropna()
    ends = {country: pd.Timestamp(int(year), 12, 31) for country, year in countries.values}
    changes = load("territorial_changes")
    whole = changes[(changes["territory"] == changes["previous_state"]) & changes["annexed"].notna()]
    ends.update(dict(zip(whole["previous_state"], whole["annexed"])))
    return ends


def territories_taken() -> pd.DataFrame:
    """The territories of territorial_changes.csv with ``taken`` (occupation, else annexation), in that order."""
    territories = load("territorial_changes")
    territories["taken"] = territories["occupied"].fillna(territories["annexed"])
    return territories.sort_values("taken").reset_index(drop=True)


def loss_ranges(kind: str = "total_deaths") -> pd.DataFrame:
    """One row per state: the smallest and largest estimate of one kind of death, with who made each.

    Columns low/high (people), low_share/high_share (% of the pre-war population), low_by/high_by and
    estimates (how many sources give this kind of death: 1 means low and high are the same figure).
    """
    losses = load("war_losses").dropna(subset=[kind])
    losses = losses.assign(value=losses[kind].astype(float),
                           share=100 * losses[kind].astype(float) / losses["prewar_population"].astype(float))
    rows = {}
    for country, estimates in losses.groupby("country"):
        ordered = estimates.sort_values("value")
        first, last = ordered.iloc[0], ordered.iloc[-1]
        rows[country] = {"low": first["value"], "high": last["value"],
                         "low_share": ordered["share"].min(), "high_share": ordered["share"].max(),
                         "low_by": first["estimate_by"], "high_by": last["estimate_by"], "estimates": len(ordered)}
    columns = ["low", "high", "low_share", "high_share", "low_by", "high_by", "estimates"]
    return pd.DataFrame.from_dict(rows, orient="index", columns=columns)


# Plain "tons" (the sources do not say which) are taken as metric: the three kinds differ by under 12%.
TONNES_PER = {"short tons": 0.907185, "long tons": 1.016047, "metric tons": 1.0, "tonnes": 1.0, "tons": 1.0}
COUNTED = ("aircraft", "tanks", "vehicles", "rail")


def tonnes(quantity: float, unit: str) -> float | None:
    """The quantity in metric tonnes, or None if the unit is not a weight ('thousand short tons' works too)."""
    words = unit.lower()
    factor = 1000.0 if words.startswith("thousand ") else 1e6 if words.startswith("million ") else 1.0
    for name, per in TONNES_PER.items():
        if words.endswith(name):
            return quantity * factor * per
    return None


def short_item(item: str) -> str:
    """An item without its dates and details: 'Trucks (incl. jeeps) delivered …' -> 'Trucks'."""
    return re.split(r" \(| delivered| supplied| sent to| shipped", item, maxsplit=1)[0]


def aid_rows() -> pd.DataFrame:
    """The Lend-Lease rows with ``view`` (count, weight, route, total or other), ``tonnes`` and ``short_item``."""
    aid = load("lend_lease")
    aid["tonnes"] = [tonnes(q, u) for q, u in zip(aid["quantity"], aid["unit"])]
    aid["view"] = "other"  # e.g. boots in pairs: in the table of the notebook, not in a chart
    aid.loc[aid["category"].isin(COUNTED), "view"] = "count"
    aid.loc[aid["tonnes"].notna(), "view"] = "weight"
    aid.loc[aid["breakdown"] == "route", "view"] = "route"
    aid.loc[aid["breakdown"] == "total", "view"] = "total"
    aid["short_item"] = aid["item"].map(short_item)
    return aid


@lru_cache(maxsize=1)
def country_names() -> tuple[str, ...]:
    """The canonical country names, the USSR first."""
    names = list(load("countries")["country"])
    return tuple([SOVIET_UNION] + sorted(n for n in names if n != SOVIET_UNION))


def directions_from_moscow() -> dict[str, float]:
    """For each country of countries.csv, the direction of its capital from Moscow on a map, in degrees clockwise
    from north (east is 90, west 270): east and north as the capitals' longitudes and latitudes (countries.csv)
    differ, with degrees of longitude shortened by the cosine of the latitude, as on a map that keeps angles."""
    countries = load("countries").dropna(subset=["capital_lat", "capital_lon"]).set_index("country")
    moscow_lat, moscow_lon = countries.loc[SOVIET_UNION, ["capital_lat", "capital_lon"]]
    north = countries["capital_lat"] - moscow_lat
    east = (countries["capital_lon"] - moscow_lon) * np.cos(np.radians((countries["capital_lat"] + moscow_lat) / 2))
    directions = np.degrees(np.arctan2(east, north)) % 360
    return {country: float(d) for country, d in directions.drop(SOVIET_UNION).items()}
