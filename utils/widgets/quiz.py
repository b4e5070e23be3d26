"""Interactive form of an exercise: choose an answer, press Check, read the feedback."""
from __future__ import annotations

from typing import Callable

import ipywidgets as w


class Quiz:
    """Radio buttons (``choice``) or a list to reorder (``order``), a Check button and feedback."""

    def __init__(self, exercise: dict, evaluate: Callable):
        self.exercise = exercise
        self._evaluate = evaluate
        self.prompt = w.HTML(f"<b>{exercise['prompt']}</b>")
        if exercise["kind"] == "choice":
            self.answer = w.RadioButtons(options=exercise["options"], value=None, layout=w.Layout(width="auto"))
        elif exercise["kind"] == "order":
            self._order: list[str] = []
            self.picker = w.ToggleButtons(options=exercise["options"], value=None, style={"button_width": "auto"})
            self.picker.observe(self._pick, names="value")
        else:
            raise ValueError(f"quiz() works for choice and order exercises, not {exercise['kind']!r}: use check()")
        self.button = w.Button(description="Check", button_style="primary", icon="check")
        self.reset = w.Button(description="Start again")
        self.feedback = w.HTML()
        self.feedback.add_class("course-feedback")
        self.button.on_click(self._check)
        self.reset.on_click(self._reset)
        body = [self.prompt]
        if exercise["kind"] == "order":
            self.chosen = w.HTML("<i>Click the items, earliest first.</i>")
            body += [self.picker, self.chosen]
        else:
            body.append(self.answer)
        self.widget = w.VBox(body + [w.HBox([self.button, self.reset]), self.feedback])
        self.widget.add_class("course-quiz")

    def _pick(self, change: dict) -> None:
        item = change["new"]
        if item is not None and item not in self._order:
            self._order.append(item)
        self.chosen.value = " → ".join(self._order) or "<i>Click the items, earliest first.</i>"
        self.picker.unobserve(self._pick, names="value")
        self.picker.value = None
        self.picker.observe(self._pick, names="value")

    def current_answer(self):
        """The answer as the learner has given it so far (None if nothing yet)."""
        if self.exercise["kind"] == "order":
            return list(self._order) or None
        return self.answer.value

    def _check(self, _button=None) -> None:
        result = self._evaluate(self.exercise["id"], self.current_answer())
        self.last = result
        self.feedback.value = result._repr_html_()

    def _reset(self, _button=None) -> None:
        if self.exercise["kind"] == "order":
            self._order = []
            self.chosen.value = "<i>Click the items, earliest first.</i>"
        else:
            self.answer.value = None
        self.feedback.value = ""

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = f"Quiz: {self.exercise['prompt']}"
        return bundle
