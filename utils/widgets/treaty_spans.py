"""When each Soviet treaty was in force, the one rule the treaty widgets share (notebooks 02 and 07)."""
from __future__ import annotations

import pandas as pd

from ..data import load
from ..periods import STALIN_DEATH

SOVIET_UNION = "Soviet Union"
ALLIANCE_TYPES = ("friendship and alliance", "mutual assistance")


def treaties_with_spans() -> pd.DataFrame:
    """The treaties with ``start`` (entry into force, else signature), ``finish`` (end, capped at
    Stalin's death) and ``partners`` (the parties other than the USSR), in order of signature."""
    treaties = load("treaties")
    stalin_death = pd.Timestamp(STALIN_DEATH)
    treaties["start"] = treaties["in_force"].fillna(treaties["signed"])
    treaties["finish"] = treaties["end_date"].fillna(stalin_death).clip(upper=stalin_death)
    treaties["partners"] = treaties["parties"].map(lambda p: sorted(c for c in p if c != SOVIET_UNION))
    return treaties.sort_values(["signed", "treaty_id"]).reset_index(drop=True)


def in_force_between(treaties: pd.DataFrame, first: int, last: int) -> pd.DataFrame:
    """Treaties in force at some point between 1 January of ``first`` and 31 December of ``last``."""
    return treaties[(treaties["start"] <= pd.Timestamp(last, 12, 31)) & (treaties["finish"] >= pd.Timestamp(first, 1, 1))]
