"""Every exercise is driven with its right answer, wrong answers and malformed answers."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import tomllib

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st

from utils import exercises
from utils.exercises import evaluate, quiz
from utils.paths import PROJECT_ROOT

SOURCES = sorted((PROJECT_ROOT / "teacher" / "exercises").glob("*.toml"))
SPECS = [spec for path in SOURCES for spec in tomllib.loads(path.read_text(encoding="utf-8"))["exercise"]]
IDS = [spec["id"] for spec in SPECS]
MALFORMED = [None, "", [], {}, object(), float("nan"), "nineteen thirty", True, b"bytes", {"a": 1}]


def wrong_answers(spec: dict) -> list:
    kind, answer = spec["kind"], spec["answer"]
    if kind == "choice":
        return [o for o in spec["options"] if o != answer]
    if kind == "year":
        return [answer - spec.get("tolerance", 0) - 1, answer + spec.get("tolerance", 0) + 5]
    if kind == "number":
        return [answer + spec.get("tolerance", 0) * 1.5 + 1, answer * 3 + 10]
    if kind == "date":
        day = dt.date.fromisoformat(str(answer))
        return [(day + dt.timedelta(days=spec.get("tolerance", 0) + 1)).isoformat(), "1900-01-01"]
    if kind == "order":
        return [list(reversed(answer))]
    if kind == "items":
        return [answer[:-1] or ["Atlantis"], answer + ["Atlantis"]]
    raise AssertionError(kind)


def test_the_bank_is_built_from_the_sources():
    result = subprocess.run([sys.executable, "tools/build_exercises.py", "--check"], cwd=PROJECT_ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_answers_are_not_in_plain_text_in_the_bank_or_utils():
    shipped = "".join(p.read_text(encoding="utf-8") for p in (PROJECT_ROOT / "utils").rglob("*")
                      if p.is_file() and p.suffix in (".json", ".py"))
    for spec in SPECS:
        assert spec["right"] not in shipped, f"{spec['id']}: feedback readable in plain text"
        if spec["kind"] in ("year", "number", "date"):
            assert f'"{spec["answer"]}"' not in shipped


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_right_answer_is_accepted_with_its_explanation(spec):
    result = evaluate(spec["id"], spec["answer"])
    assert result.correct and result.message == spec["right"]
    assert "Correct" in repr(result) and "Correct" in result._repr_html_()


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_wrong_answers_get_feedback(spec):
    for answer in wrong_answers(spec):
        result = evaluate(spec["id"], answer)
        assert result.status == "wrong", answer
        assert result.message in list(spec.get("wrong", {}).values()) + [spec["hint"]]


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_malformed_answers_get_a_clear_message(spec):
    for answer in MALFORMED:
        result = evaluate(spec["id"], answer)
        if result.status != "invalid":  # some kinds accept text: then it must be judged, not crash
            assert result.status == "wrong"
        else:
            assert result.message and "Traceback" not in result.message
    assert evaluate(spec["id"], None).message == exercises.NOT_ANSWERED


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(IDS), st.one_of(st.none(), st.text(), st.integers(), st.floats(), st.dates(),
                                       st.lists(st.text(), max_size=4), st.booleans()))
def test_no_answer_of_any_kind_raises(exercise_id, answer):
    assert evaluate(exercise_id, answer).status in ("correct", "wrong", "invalid")


def test_answers_in_other_forms_are_accepted():
    year = next(s for s in SPECS if s["kind"] == "year")
    assert evaluate(year["id"], str(year["answer"])).correct
    assert evaluate(year["id"], float(year["answer"])).correct
    date_spec = next((s for s in SPECS if s["kind"] == "date"), None)
    if date_spec:
        day = dt.date.fromisoformat(str(date_spec["answer"]))
        assert evaluate(date_spec["id"], pd.Timestamp(day)).correct
        assert evaluate(date_spec["id"], day).correct
    items = next((s for s in SPECS if s["kind"] == "items"), None)
    if items:
        column = items.get("column", "x")
        assert evaluate(items["id"], pd.DataFrame({column: items["answer"]})).correct
        assert evaluate(items["id"], pd.Series(list(reversed(items["answer"])))).correct


def test_unknown_exercise_is_named():
    with pytest.raises(KeyError, match="no exercise '01.nope'"):
        evaluate("01.nope", 1)


@pytest.mark.parametrize("spec", [s for s in SPECS if s["kind"] in ("choice", "order")],
                         ids=[s["id"] for s in SPECS if s["kind"] in ("choice", "order")])
def test_quiz_widget_checks_what_the_learner_picked(spec):
    widget = quiz(spec["id"])
    widget.button.click()
    assert "not answered yet" in widget.feedback.value
    if spec["kind"] == "choice":
        widget.answer.value = spec["answer"]
    else:
        for item in spec["answer"]:
            widget.picker.value = item
        assert widget.current_answer() == spec["answer"]
    widget.button.click()
    assert widget.last.correct and "Correct" in widget.feedback.value
    widget.reset.click()
    assert widget.feedback.value == "" and widget.current_answer() is None
    wrong = wrong_answers(spec)[0]
    if spec["kind"] == "choice":
        widget.answer.value = wrong
    else:
        for item in wrong:
            widget.picker.value = item
    widget.button.click()
    assert widget.last.status == "wrong" and "Not quite" in widget.feedback.value


def test_bank_entries_match_their_sources():
    for path in SOURCES:
        bank = json.loads((PROJECT_ROOT / "utils" / "exercise_bank" / f"{path.stem}.json").read_text())
        assert [e["id"] for e in bank] == [s["id"] for s in tomllib.loads(path.read_text())["exercise"]]
