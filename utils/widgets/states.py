"""Every widget of the course, and a plan of control changes that drives each through its states.

The legibility tests and the benchmark both use the same plan, so the states
that are timed are the states that are checked.
"""
from __future__ import annotations

import importlib
import inspect
import itertools
import pkgutil

import ipywidgets as w


def widget_classes() -> list[type]:
    """Every CourseWidget class in utils.widgets, in module order."""
    from . import __path__ as package_path
    from .base import CourseWidget

    found = []
    for module_info in pkgutil.iter_modules(package_path):
        module = importlib.import_module(f"utils.widgets.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, CourseWidget) and cls is not CourseWidget and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def control_values(control: w.Widget) -> list:
    """A cycle of values for one control: every option, or steps along a slider and its ends."""
    if isinstance(control, (w.Dropdown, w.RadioButtons, w.ToggleButtons, w.SelectionSlider)):
        return [value for _, value in control.options] if control.options and isinstance(control.options[0], tuple) \
            else list(control.options)
    if isinstance(control, w.SelectMultiple):
        values = list(control.options)
        return [tuple(values[: i + 1]) for i in range(len(values))] + [(values[-1],), tuple(values)]
    if isinstance(control, w.IntRangeSlider):
        low, high = control.min, control.max
        return [(a, min(high, a + span)) for a in range(low, high + 1, max(1, (high - low) // 8))
                for span in (0, 3, high - low)]
    if isinstance(control, w.IntSlider):
        return list(range(control.min, control.max + 1, max(1, (control.max - control.min) // 20))) + [control.max]
    if isinstance(control, (w.Checkbox, w.ToggleButton)):
        return [False, True]
    return []


def plan(widget, changes: int) -> list[tuple[str, object]]:
    """``changes`` control changes (name, value) that walk the widget through its controls' values in turn."""
    samples = widget.sample_values() if hasattr(widget, "sample_values") else {}
    cycles = [(name, samples.get(name) or control_values(control)) for name, control in widget.controls.items()]
    cycles = [(name, values) for name, values in cycles if values]
    steps = [(name, value) for name, values in cycles for value in values]
    return list(itertools.islice(itertools.cycle(steps), changes)) if steps else []


def walk(widget, changes: int):
    """Apply the plan to a widget, yielding after each change that changed something."""
    for name, value in plan(widget, changes):
        control = widget.controls[name]
        if control.value != value:
            control.value = value
            yield name, value
