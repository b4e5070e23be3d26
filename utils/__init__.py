"""Helpers for the course "Soviet foreign policy under Stalin, 1924–1953".

Everything is imported lazily, so ``import utils`` costs almost nothing:

- ``utils.load(name)``: a dataset of ``data/`` as a DataFrame (see ``utils.data``).
- ``utils.check(exercise_id, answer)`` and ``utils.quiz(exercise_id)``: exercises.
- ``utils.widgets``: the interactive widgets; ``utils.plots``: figure conventions.

Imported in IPython, it also loads ``utils.hints`` (plain-words hints for common Python slips).
"""
from __future__ import annotations

import importlib
from typing import Any

__all__ = ["load", "describe", "list_datasets", "show", "check", "grade", "quiz", "judge", "data", "exercises", "plots",
           "widgets", "periods", "course"]

_LAZY = {
    "load": ("utils.data", "load"),
    "describe": ("utils.data", "describe"),
    "list_datasets": ("utils.data", "list_datasets"),
    "check": ("utils.exercises", "check"),
    "quiz": ("utils.exercises", "quiz"),
    "grade": ("utils.exercises", "grade"),
    "judge": ("utils.claims", "judge"),
    "show": ("utils.display", "show"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        module, attribute = _LAZY[name]
        return getattr(importlib.import_module(module), attribute)
    if name in ("data", "exercises", "plots", "widgets", "periods", "validation", "sealing", "rules", "paths", "course",
                "wording", "answers", "hints", "claims", "tables", "display", "style"):
        return importlib.import_module(f"utils.{name}")
    raise AttributeError(f"module 'utils' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)


def _register_hints() -> None:
    import sys

    ipython = sys.modules.get("IPython")
    shell = ipython.get_ipython() if ipython is not None else None
    if shell is not None:
        from .hints import register

        register(shell)


_register_hints()
