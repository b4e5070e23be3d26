"""Two editions, one source: the learner edition is what the teacher edition gives, and shows no answer."""
from __future__ import annotations

import sys

import nbformat
import pytest

from utils.course import COURSE, filenames
from utils.paths import NOTEBOOKS_DIR, PROJECT_ROOT, TEACHER_NOTEBOOKS_DIR

sys.path.insert(0, str(PROJECT_ROOT / "tools"))
import build_exercises  # noqa: E402
import editions  # noqa: E402

SPECS = build_exercises.all_specs()
LEARNER_FILES = ([*NOTEBOOKS_DIR.glob("*.ipynb"), PROJECT_ROOT / "README.md"]
                 + [p for folder in ("utils", "data") for p in (PROJECT_ROOT / folder).rglob("*")
                    if p.is_file() and p.suffix in (".py", ".json", ".csv", ".md")])


def teacher(name: str) -> nbformat.NotebookNode:
    return nbformat.read(TEACHER_NOTEBOOKS_DIR / name, as_version=4)


def learner(name: str) -> nbformat.NotebookNode:
    return nbformat.read(NOTEBOOKS_DIR / name, as_version=4)


def test_both_editions_hold_the_whole_course_and_nothing_else():
    assert sorted(p.name for p in TEACHER_NOTEBOOKS_DIR.glob("*.ipynb")) == sorted(filenames())
    assert sorted(p.name for p in NOTEBOOKS_DIR.glob("*.ipynb")) == sorted(filenames())


def test_the_learner_edition_is_generated_from_the_teacher_edition():
    assert editions.stale(filenames()) == [], "run `make notebooks` (tools/editions.py)"


def test_a_changed_teacher_cell_makes_the_learner_edition_stale(tmp_path, monkeypatch):
    """The check really compares: edit a teacher cell in a copy and the learner copy no longer matches."""
    name = COURSE[3].filename
    monkeypatch.setattr(editions, "TEACHER_NOTEBOOKS_DIR", tmp_path)
    changed = teacher(name)
    changed.cells[2].source += "\n# a teacher's edit"
    nbformat.write(changed, tmp_path / name)
    assert editions.stale([name]) == [name]


@pytest.mark.parametrize("name", filenames())
def test_every_solution_becomes_a_stub_and_every_rubric_a_place_to_write(name):
    source, made = teacher(name), learner(name)
    exercises = [c for c in source.cells if editions.exercise_id(c)]
    written = [c for c in source.cells if editions.written_answer(c)]
    assert exercises, "every notebook has Try it exercises"
    assert 1 <= len(written) <= 2, "one or two written answers per notebook"
    for cell in exercises:
        assert editions.SOLUTION.search(cell.source), f"exercise without a marked solution: {cell.source[:60]}"
    learner_code = [c.source for c in made.cells if c.cell_type == "code" and editions.exercise_id(c)]
    assert len(learner_code) == len(exercises)
    assert all(editions.ANSWER_STUB in c for c in learner_code)
    texts = "\n".join(c.source for c in made.cells)
    assert texts.count(editions.WRITTEN_STUB) == len(written)
    assert "BEGIN SOLUTION" not in texts and "Rubric for the teacher" not in texts


@pytest.mark.parametrize("name", filenames())
def test_learner_exercise_cells_store_the_not_answered_feedback(name):
    for cell in learner(name).cells:
        if editions.exercise_id(cell):
            shown = " ".join(str(o.get("data", {}).get("text/plain", "")) for o in cell.outputs)
            assert "Not answered yet" in shown, cell.source
            assert "Correct." not in shown


def test_no_learner_file_holds_an_answer_in_readable_form():
    solutions = {line for name in filenames() for cell in teacher(name).cells
                 for line in editions.solution_lines(cell.source)}
    feedback = {spec["right"] for spec in SPECS} | {text for spec in SPECS for text in spec.get("wrong", {}).values()}
    assert solutions and feedback
    for path in LEARNER_FILES:
        text = path.read_text(encoding="utf-8")
        for line in solutions:
            assert line not in text or not line.startswith(("answer =", "**Rubric")), f"{path.name}: {line!r}"
        for message in feedback:
            assert message not in text, f"{path.name} shows the feedback {message[:60]!r}"
        assert "Rubric for the teacher" not in text


def test_stub_replaces_a_solution_and_keeps_the_lines_around_it():
    source = ('territories = load("x")\n### BEGIN SOLUTION\nanswer = territories[territories["a"] == 1]\n'
              '### END SOLUTION\ncheck("03.x", answer)')
    assert editions.without_solution(source, editions.ANSWER_STUB) == (
        'territories = load("x")\nanswer = None  # YOUR ANSWER HERE\ncheck("03.x", answer)')
