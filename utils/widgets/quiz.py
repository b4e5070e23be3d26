"""A practice question: choose an option, press Check, read the feedback. Never graded: a click is not saved."""
from __future__ import annotations

from typing import Callable

import ipywidgets as w

from ..exercises import NOTHING_CHOSEN, Feedback

PRACTICE_NOTE = ("<i>Practice: your click is not saved in the notebook and is not graded. "
                 "The graded questions are the ones you answer in a code cell.</i>")


class Quiz:
    """Radio buttons for a ``choice`` exercise, a Check button, a Start again button and the feedback."""

    def __init__(self, exercise: dict, evaluate: Callable[[str, object], Feedback]):
        if exercise["kind"] != "choice":
            raise ValueError(f"quiz() shows choice exercises; '{exercise['id']}' is a {exercise['kind']} exercise: "
                             "answer it in a code cell with check()")
        self.exercise = exercise
        self._evaluate = evaluate
        self.last: Feedback | None = None
        self.prompt = w.HTML(f"<b>{exercise['prompt']}</b>")
        self.answer = w.RadioButtons(options=exercise["options"], value=None, layout=w.Layout(width="auto"))
        self.button = w.Button(description="Check", button_style="primary")
        self.reset = w.Button(description="Start again")
        self.feedback = w.HTML()
        self.feedback.add_class("course-feedback")
        self.button.on_click(self._check)
        self.reset.on_click(self._reset)
        self.widget = w.VBox([self.prompt, self.answer, w.HBox([self.button, self.reset]), self.feedback,
                              w.HTML(PRACTICE_NOTE)])
        self.widget.add_class("course-quiz")

    def current_answer(self) -> str | None:
        """The option chosen so far (None if nothing yet)."""
        return self.answer.value

    def _check(self, _button=None) -> None:
        if self.answer.value is None:
            self.last = Feedback(self.exercise["id"], "unanswered", NOTHING_CHOSEN)
        else:
            self.last = self._evaluate(self.exercise["id"], self.answer.value)
        self.feedback.value = self.last._repr_html_()

    def _reset(self, _button=None) -> None:
        self.answer.value = None
        self.feedback.value = ""
        self.last = None

    def _repr_mimebundle_(self, **kwargs) -> dict:
        bundle = self.widget._repr_mimebundle_(**kwargs)
        bundle["text/plain"] = f"Practice question: {self.exercise['prompt']}"
        return bundle
