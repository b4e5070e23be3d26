"""Helpers for the course "Soviet foreign policy under Stalin, 1924–1953".

Everything is imported lazily, so ``import utils`` costs almost nothing:

- ``utils.load(name)``: a dataset of ``data/`` as a DataFrame (see ``utils.data``).
- ``utils.check(exercise_id, answer)`` and ``utils.quiz(exercise_id)``: exercises.
- ``utils.widgets``: the interactive widgets; ``utils.plots``: figure conventions.
"""
from __future__ import annotations

import importlib
from typing import Any

__all__ = ["load", "describe", "list_datasets", "check", "quiz", "data", "exercises", "plots", "widgets", "periods"]

_LAZY = {
    "load": ("utils.data", "load"),
    "describe": ("utils.data", "describe"),
    "list_datasets": ("utils.data", "list_datasets"),
    "check": ("utils.exercises", "check"),
    "quiz": ("utils.exercises", "quiz"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attribute = _LAZY[name]
        return getattr(importlib.import_module(module), attribute)
    if name in ("data", "exercises", "plots", "widgets", "periods", "validation", "sealing", "rules", "paths"):
        return importlib.import_module(f"utils.{name}")
    raise AttributeError(f"module 'utils' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
