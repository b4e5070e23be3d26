"""Every exercise driven with its right answer, wrong answers and malformed answers, and the feedback a learner reads.

The cases of "feedback a learner can act on" each have a test here that sets the answer and reads the message;
the slips Python itself reports (NameError, SyntaxError, KeyError) are run in a real kernel at the end.
"""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import nbformat
import pandas as pd
import pytest
from hypothesis import given, settings, strategies as st
from nbclient import NotebookClient

from utils import load
from utils.exercises import NOT_ANSWERED, NOTHING_CHOSEN, NotYetRight, UnknownExercise, evaluate, grade, quiz
from utils.paths import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "tools"))
import build_exercises  # noqa: E402

SOURCES = sorted(build_exercises.SOURCE_DIR.glob("*.toml"))
SPECS = build_exercises.all_specs()
IDS = [spec["id"] for spec in SPECS]
BY_ID = dict(zip(IDS, SPECS))
MALFORMED = ["", [], {}, object(), float("nan"), "nineteen thirty", True, b"bytes", {"a": 1}]
STATUSES = {"correct", "wrong", "invalid", "unanswered"}


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
        return [answer[:-1], answer + ["an item that does not belong"]]
    raise AssertionError(kind)


# ----------------------------------------------------------------- the bank

def test_the_bank_is_built_from_the_sources():
    result = subprocess.run([sys.executable, "tools/build_exercises.py", "--check"], cwd=PROJECT_ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_bank_entries_match_their_sources():
    for path in SOURCES:
        bank = json.loads((PROJECT_ROOT / "utils" / "exercise_bank" / f"{path.stem}.json").read_text())
        assert [e["id"] for e in bank] == [s["id"] for s in build_exercises.read_specs(path)]


def test_answers_are_not_in_plain_text_in_the_bank_or_utils():
    shipped = "".join(p.read_text(encoding="utf-8") for p in (PROJECT_ROOT / "utils").rglob("*")
                      if p.is_file() and p.suffix in (".json", ".py"))
    for spec in SPECS:
        assert spec["right"] not in shipped, f"{spec['id']}: feedback readable in plain text"
        if spec["kind"] in ("year", "number", "date"):
            assert f'"{spec["answer"]}"' not in shipped


# ----------------------------------------------------------------- every exercise

@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_right_answer_is_accepted_with_its_explanation(spec):
    result = evaluate(spec["id"], spec["answer"])
    assert result.correct and result.message == spec["right"]
    assert repr(result).startswith("Correct.") and "Correct." in result._repr_html_()


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_wrong_answers_get_feedback(spec):
    for answer in wrong_answers(spec):
        result = evaluate(spec["id"], answer)
        if spec["kind"] == "items" and "does not belong" in str(answer):
            assert result.status == "wrong" and "an item that does not belong does not belong" in result.message
            continue
        assert result.status == "wrong", answer
        assert result.message in spec.get("wrong", {}).values() or result.message.endswith(spec["hint"])
        assert "Not quite" not in result.message  # the title says it once, the message does not repeat it


@pytest.mark.parametrize("spec", SPECS, ids=IDS)
def test_malformed_answers_get_a_clear_message(spec):
    for answer in MALFORMED:
        result = evaluate(spec["id"], answer)
        assert result.status in ("invalid", "wrong"), answer  # some kinds accept any text: then it is judged
        assert result.message and "Traceback" not in result.message


@pytest.mark.parametrize("exercise_id", IDS)
def test_the_stub_says_what_to_do(exercise_id):
    result = evaluate(exercise_id, None)
    assert result.status == "unanswered" and result.message == NOT_ANSWERED
    assert repr(result).startswith("Not answered yet.")


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(IDS), st.one_of(st.none(), st.text(), st.integers(), st.floats(), st.dates(),
                                       st.lists(st.text(), max_size=4), st.booleans()))
def test_no_answer_of_any_kind_raises(exercise_id, answer):
    assert evaluate(exercise_id, answer).status in STATUSES


def test_answers_in_other_forms_are_accepted():
    year = next(s for s in SPECS if s["kind"] == "year")
    assert evaluate(year["id"], str(year["answer"])).correct
    assert evaluate(year["id"], float(year["answer"])).correct
    date_spec = next(s for s in SPECS if s["kind"] == "date")
    day = dt.date.fromisoformat(str(date_spec["answer"]))
    assert evaluate(date_spec["id"], pd.Timestamp(day)).correct
    assert evaluate(date_spec["id"], day).correct
    items = next(s for s in SPECS if s["kind"] == "items" and s.get("column"))
    assert evaluate(items["id"], pd.DataFrame({items["column"]: items["answer"]})).correct
    assert evaluate(items["id"], pd.Series(list(reversed(items["answer"])))).correct
    assert evaluate(items["id"], pd.DataFrame({"x": 1}, index=pd.Index(items["answer"], name=items["column"]))).correct


def test_unknown_exercise_is_named_with_a_close_match():
    with pytest.raises(UnknownExercise, match=r"There is no exercise '03.pact_dat'\. Did you mean '03.pact_date'\?"):
        evaluate("03.pact_dat", 1)
    assert UnknownExercise("x")._render_traceback_() == ["UnknownExercise: x"]


# ----------------------------------------------------------------- feedback a learner can act on

def test_quiz_with_nothing_chosen_asks_for_an_option():
    widget = quiz("08.castro_verdict")
    widget.button.click()
    assert widget.last.status == "unanswered" and widget.last.message == NOTHING_CHOSEN
    assert "Choose one of the options first" in widget.feedback.value and "None" not in widget.feedback.value


@pytest.mark.parametrize("spec", [s for s in SPECS if s["kind"] == "choice"],
                         ids=[s["id"] for s in SPECS if s["kind"] == "choice"])
def test_quiz_widget_checks_what_the_learner_picked(spec):
    widget = quiz(spec["id"])
    widget.answer.value = spec["answer"]
    widget.button.click()
    assert widget.last.correct and "Correct." in widget.feedback.value
    widget.reset.click()
    assert widget.feedback.value == "" and widget.current_answer() is None
    widget.answer.value = wrong_answers(spec)[0]
    widget.button.click()
    assert widget.last.status == "wrong" and "Not quite." in widget.feedback.value
    assert "not saved in the notebook and is not graded" in widget.widget.children[-1].value


def test_a_quiz_is_only_for_choices():
    with pytest.raises(ValueError, match="answer it in a code cell with check"):
        quiz("08.order_after_stalin")


def test_a_filter_that_matches_nothing_says_the_table_is_empty():
    treaties = load("treaties")
    result = evaluate("04.treaties_1942", treaties[treaties["type"] == "mutual-assistance"])
    assert result.status == "invalid"
    assert result.message.startswith("Your table is empty: the filter matched no rows.")
    assert "empty list" not in result.message


def test_a_true_false_column_is_told_the_form_expected():
    treaties = load("treaties")
    result = evaluate("04.treaties_1942", treaties["signed"].dt.year == 1942)
    assert result.status == "invalid" and "a column of True/False values" in result.message
    assert "Put the test inside the brackets of the table" in result.message


def test_one_column_of_the_right_rows_is_told_the_form_expected():
    treaties = load("treaties")
    picked = treaties[treaties["signed"].dt.year == 1942]
    result = evaluate("04.treaties_1942", picked["name"])
    assert result.status == "invalid" and "one column of a table ('name')" in result.message
    result = evaluate("04.treaties_1942", picked[["name", "signed"]])
    assert result.status == "invalid" and "has no column 'treaty_id'" in result.message


def test_a_partial_answer_names_the_items_right_and_wrong():
    result = evaluate("08.fact_check_errors", [2, 3])
    assert result.status == "wrong"
    assert result.message.startswith("1 of your 2 items is right (2); 3 does not belong in the answer; "
                                     "2 more items are missing.")
    assert "Not quite" not in result.message
    treaties = load("treaties")
    result = evaluate("04.treaties_1942", treaties[treaties["signed"].dt.year == 1941])
    assert result.status == "wrong" and "0 of your" in result.message and "4 more items are missing" in result.message


def test_a_date_that_does_not_exist_is_named():
    result = evaluate("03.pact_date", "1939-02-30")
    assert result.status == "invalid"
    assert result.message == "That is not a date: 1939-02-30 does not exist: February 1939 has 28 days."
    assert "no month 13" in evaluate("03.pact_date", "1939-13-01").message
    assert "needs quotes" in evaluate("03.pact_date", 1939 - 8 - 23).message


def test_numbers_are_called_a_number_and_huge_ones_are_cut_short():
    result = evaluate("01.us_recognition", "a number")
    assert result.status == "invalid" and "it is the text 'a number'" in result.message and "a int" not in result.message
    huge = 10 ** 60
    result = evaluate("01.us_recognition", huge)
    assert result.status == "invalid" and str(huge) not in result.message and "…" in result.message
    assert "a whole year such as 1939" in result.message


def test_an_unknown_order_item_is_named_with_a_close_match():
    spec = BY_ID["05.order_1943_1945"]
    if not any("Tehran" in item for item in spec["answer"]):
        pytest.skip("05.order_1943_1945 has no Tehran item")
    answer = [item.replace("Tehran", "Teheran") for item in spec["answer"]]
    result = evaluate(spec["id"], answer)
    wrong_item = next(item for item in answer if "Teheran" in item)
    right_item = next(item for item in spec["answer"] if "Tehran" in item)
    assert result.status == "invalid"
    assert f"\"{wrong_item}\" is not one of the items (did you mean \"{right_item}\"?)" in result.message


def test_every_ordering_exercise_takes_a_list_of_its_items():
    for spec in (s for s in SPECS if s["kind"] == "order"):
        repeated = evaluate(spec["id"], [spec["answer"][0]] * len(spec["answer"]))
        assert repeated.status == "invalid" and "more than once" in repeated.message


def test_grade_shows_the_feedback_when_right_and_fails_with_it_when_not(capsys):
    spec = BY_ID["03.pact_date"]
    assert grade(spec["id"], spec["answer"]) is None
    with pytest.raises(NotYetRight) as caught:
        grade(spec["id"], "1939-08-24")
    assert caught.value._render_traceback_()[0].startswith("Not yet right (03.pact_date, no points).")
    with pytest.raises(NotYetRight):
        grade(spec["id"], None)


# ----------------------------------------------------------------- prompts

def exercise_prompts() -> dict[str, str]:
    """For every exercise answered in a code cell: the markdown cell that asks the question."""
    prompts = {}
    for path in sorted((PROJECT_ROOT / "teacher" / "notebooks").glob("*.ipynb")):
        cells = nbformat.read(path, as_version=4).cells
        for before, cell in zip(cells, cells[1:]):
            if cell.cell_type == "code" and "check(\"" in cell.source:
                exercise_id = cell.source.split("check(\"", 1)[1].split("\"", 1)[0]
                prompts[exercise_id] = before.source
    return prompts


def test_every_prompt_says_when_the_answer_needs_quotes():
    prompts = exercise_prompts()
    assert set(prompts) == {s["id"] for s in SPECS if s["id"] in prompts} and len(prompts) >= 30
    for exercise_id, prompt in prompts.items():
        spec = BY_ID[exercise_id]
        needs_quotes = spec["kind"] in ("choice", "order", "date")
        if needs_quotes:
            assert "quote" in prompt.lower(), f"{exercise_id}: the prompt should say the answer goes in quotes"
        if spec["kind"] == "year":
            assert "without quotes" in prompt.lower() or "a number" in prompt.lower(), exercise_id


# ----------------------------------------------------------------- slips, in a real kernel

SLIPS = [
    ("answer = Germany", "Hint: if Germany is part of your answer in words, put it in quotes"),
    ("answer = Treaty of Rapallo", "Hint: text must be in quotes"),
    ("answer = 1939-08-23", "A date must be written in quotes, like \"1939-08-23\""),
    ("treaties = load(\"treaties\")\ntreaties[treaties[\"tpye\"] == \"trade\"]", "did you mean 'type'?"),
    ("treaties = load(\"treaties\")\nanswer = treaties[treaties[\"type\"] == \"mutual-assistance\"]\n"
     "check(\"04.treaties_1942\", answer)", "\"mutual-assistance\" is not a value in the data: did you mean "
                                             "\"mutual assistance\"?"),
]


def run_cells(sources: list[str]) -> list[str]:
    """Run cells in a fresh kernel of the course's environment; the text of each cell's outputs."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    NotebookClient(notebook, timeout=120, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(PROJECT_ROOT / "notebooks")}}).execute()
    texts = []
    for cell in notebook.cells:
        parts = []
        for output in cell.outputs:
            parts += output.get("traceback", []) + [output.get("text", "")]
            parts += [str(v) for v in output.get("data", {}).values()]
        texts.append("\n".join(parts))
    return texts


@pytest.mark.slow
def test_common_slips_get_a_hint_in_plain_words_in_the_kernel():
    before_import, *slips = run_cells(["check(\"03.pact_date\", \"1939-08-23\")", "from utils import check, load"]
                                      + [code for code, _ in SLIPS])
    assert "Hint: check comes from the first code cell of the notebook" in before_import
    assert "Traceback" not in before_import
    for (code, expected), output in zip(SLIPS, slips[1:]):
        assert expected in output, f"{code!r} showed:\n{output}"
        assert "Traceback (most recent call last)" not in output and "File \"" not in output
