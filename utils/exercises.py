"""Exercises with instant feedback ("Try it" cells), and the one-line tests nbgrader scores them with.

In a notebook::

    answer = ...   # the learner's answer: a number, a text in quotes, a list, a table
    check("NN.exercise_id", answer)

``quiz("NN.exercise_id")`` shows a choice question as radio buttons and a
*Check* button: practice only (a click is not saved in the notebook, so it is
never graded). ``grade("NN.exercise_id", answer)`` is the test nbgrader
runs: it shows the feedback when the answer is right, and fails with the
feedback when it is not.

Answers live in ``utils/exercise_bank/*.json`` only as salted digests (see
``utils.sealing``); the feedback for an answer is sealed with that answer.
The readable sources are in ``teacher/exercises``. The kinds of exercise and
the answers they take are in ``utils.answers``.
"""
from __future__ import annotations

import ast
import html
import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .answers import AnswerFormatError, closest, normalise
from .sealing import digest, unseal
from .wording import count, join_names, plural

BANK_DIR = Path(__file__).resolve().parent / "exercise_bank"
NOT_ANSWERED = "Replace None with your answer and run the cell again."
NOTHING_CHOSEN = "Choose one of the options first, then press Check."


@dataclass(frozen=True)
class Feedback:
    """What ``check`` says about an answer; shows as a coloured box in the notebook."""

    exercise: str
    status: str  # "correct", "wrong", "invalid" (an answer of the wrong form) or "unanswered"
    message: str

    @property
    def correct(self) -> bool:
        return self.status == "correct"

    _LOOK = {"correct": ("Correct.", "#e6f4ea", "#1e7b34"),
             "wrong": ("Not quite.", "#fdecea", "#b3261e"),
             "invalid": ("Check the form of your answer.", "#fff4e5", "#8a5300"),
             "unanswered": ("Not answered yet.", "#eef3f8", "#4a6785")}

    @property
    def title(self) -> str:
        return self._LOOK[self.status][0]

    def __repr__(self) -> str:
        return f"{self.title} {self.message}"

    def _repr_html_(self) -> str:
        title, background, border = self._LOOK[self.status]
        return (f'<div class="course-feedback-box course-{self.status}" style="border-left:6px solid {border};'
                f'background:{background};padding:6px 10px;color:#1b1b1b">'
                f"<b>{html.escape(title)}</b> {html.escape(self.message)}</div>")


class NotYetRight(AssertionError):
    """Raised by ``grade`` when an answer is not right: nbgrader then gives the test cell no points."""

    def __init__(self, feedback: Feedback):
        super().__init__(repr(feedback))
        self.feedback = feedback

    def _render_traceback_(self) -> list[str]:
        # IPython shows this instead of a traceback: the feedback, not the test's code.
        return [f"Not yet right ({self.feedback.exercise}, no points). {self.feedback.message}"]


class UnknownExercise(KeyError):
    """The exercise id in a cell is not in the bank (a typo, usually)."""

    def __str__(self) -> str:
        return str(self.args[0])

    def _render_traceback_(self) -> list[str]:
        return [f"UnknownExercise: {self}"]


# ----------------------------------------------------------------- the bank

@lru_cache(maxsize=None)
def _bank(prefix: str) -> dict[str, dict]:
    path = BANK_DIR / f"{prefix}.json"
    if not path.exists():
        return {}
    return {e["id"]: e for e in json.loads(path.read_text(encoding="utf-8"))}


def get_exercise(exercise_id: str) -> dict:
    """The stored (sealed) exercise with this id, e.g. ``"03.pact_date"``."""
    prefix = str(exercise_id).split(".", 1)[0]
    bank = _bank(prefix)
    if exercise_id not in bank:
        close = closest(str(exercise_id), list(bank)) if bank else None
        guess = f" Did you mean '{close}'?" if close else ""
        raise UnknownExercise(f"There is no exercise '{exercise_id}'.{guess} Check the name in the cell.")
    return bank[exercise_id]


# ----------------------------------------------------------------- judging an answer

def evaluate(exercise_id: str, answer: Any) -> Feedback:
    """Judge an answer without displaying anything."""
    exercise = get_exercise(exercise_id)
    if answer is None or answer is Ellipsis:
        return Feedback(exercise_id, "unanswered", NOT_ANSWERED)
    try:
        forms = normalise(exercise, answer)
    except AnswerFormatError as problem:
        return Feedback(exercise_id, "invalid", str(problem) + _spelling_hints(exercise, answer))
    for form in forms:
        key = digest(exercise["id"], form)
        if key in exercise["accepted"]:
            return Feedback(exercise_id, "correct", unseal(exercise["accepted"][key], form))
        if key in exercise.get("wrong", {}):
            return Feedback(exercise_id, "wrong", unseal(exercise["wrong"][key], form))
    return Feedback(exercise_id, "wrong", _partly_right(exercise, forms[0]) + exercise["hint"])


def _partly_right(exercise: dict, form: str) -> str:
    """For a set of items: which of the learner's items belong in the answer, which do not, how many are missing."""
    items = exercise.get("items")
    if not items:
        return ""
    given = form.split("\x1e")
    right = [i for i in given if digest(exercise["id"] + "\x1fitem", i) in items["digests"]]
    wrong = [i for i in given if i not in right]
    missing = items["count"] - len(right)
    parts = [f"{len(right)} of your {count(len(given), 'item')} {'is' if len(right) == 1 else 'are'} right"
             + (f" ({join_names(right)})" if right else "")]
    if wrong:
        parts.append(f"{join_names(wrong)} {'does' if len(wrong) == 1 else 'do'} not belong in the answer")
    if missing:
        parts.append(f"{missing} more {plural('item', missing)} {'is' if missing == 1 else 'are'} missing")
    return "; ".join(parts) + ". "


def _spelling_hints(exercise: dict, answer: Any) -> str:
    """For an empty table: the quoted values in the learner's cell that are not in the data, with what they may mean."""
    column = exercise.get("column")
    if not (column and hasattr(answer, "columns") and answer.empty):
        return ""
    values = _known_values(column)
    hints = []
    for literal in _quoted_in_current_cell():
        if literal in values or literal == exercise["id"] or len(literal) < 3:
            continue
        close = closest(literal, sorted(values))
        if close:
            hints.append(f"\"{literal}\" is not a value in the data: did you mean \"{close}\"?")
    return (" " + " ".join(hints)) if hints else ""


@lru_cache(maxsize=8)
def _known_values(key_column: str) -> frozenset[str]:
    """Every text value and column name of the dataset whose rows are identified by ``key_column``."""
    from .data import dataset_with_key, load

    name = dataset_with_key(key_column)
    if name is None:
        return frozenset()
    frame = load(name)
    values = set(frame.columns)
    for column in frame.columns:
        for value in frame[column].dropna():
            values.update(value if isinstance(value, list) else [value] if isinstance(value, str) else [])
    return frozenset(values)


def _quoted_in_current_cell() -> list[str]:
    """The string literals of the code cell running now (empty outside IPython)."""
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return []
    shell = get_ipython()
    if shell is None or not shell.user_ns.get("In"):
        return []
    try:
        tree = ast.parse(shell.user_ns["In"][-1])
    except SyntaxError:
        return []
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


# ----------------------------------------------------------------- what notebooks call

def check(exercise_id: str, answer: Any) -> Feedback:
    """Check an answer and show the feedback (a wrong kind of answer gets a message, not an error)."""
    return evaluate(exercise_id, answer)


def grade(exercise_id: str, answer: Any) -> None:
    """The graded test of an exercise (nbgrader's test cell): shows the feedback if right, else raises ``NotYetRight``.

    It returns nothing, so nbgrader never mistakes the feedback for a partial score.
    """
    feedback = evaluate(exercise_id, answer)
    if not feedback.correct:
        raise NotYetRight(feedback)
    try:
        from IPython.display import display
    except ImportError:  # pragma: no cover
        print(repr(feedback))
    else:
        display(feedback)


def quiz(exercise_id: str):
    """A practice version of a ``choice`` exercise: pick an option, press *Check*, read the feedback (never graded)."""
    from .widgets.quiz import Quiz

    return Quiz(get_exercise(exercise_id), evaluate)
