"""The whole nbgrader loop, with the real nbgrader: generate, submit, autograde, grade by hand, export, feedback.

Four simulated students hand in every assignment: one with every answer right,
one partly right with answers of the wrong type, one blank, and one who
answers one exercise and rewrites the locked tests to get the points anyway.
Autograding must give each the score stated here.
"""
from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from utils.course import COURSE
from utils.paths import PROJECT_ROOT, TEACHER_NOTEBOOKS_DIR

sys.path.insert(0, str(PROJECT_ROOT / "tools"))
import editions  # noqa: E402
import nbgrader_course  # noqa: E402

api = pytest.importorskip("nbgrader.api")
pytestmark = pytest.mark.slow
BIN = Path(sys.executable).parent
ENV = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}"}  # nbgrader runs alembic as a subprocess
ALL = [n.slug for n in COURSE]
SOME = [COURSE[3].slug, COURSE[8].slug]  # where the partly-right and the cheating students hand in
WRONG_TYPE = 'answer = {"not": "sure"}'  # a dictionary: the wrong type for every kind of exercise


def nbgrader(*args: str, cwd: Path) -> str:
    result = subprocess.run([str(BIN / "nbgrader"), *args], cwd=cwd, env=ENV, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout + result.stderr


def teacher_solutions(slug: str) -> dict[str, str]:
    """grade_id of each answer cell -> the teacher's solution code."""
    solutions = {}
    for cell in nbformat.read(TEACHER_NOTEBOOKS_DIR / f"{slug}.ipynb", as_version=4).cells:
        exercise = editions.exercise_id(cell)
        if exercise:
            solutions[nbgrader_course.grade_id("ex", exercise)] = editions.SOLUTION.search(cell.source).group(2)
    return solutions


def hand_in(course: Path, student: str, slug: str, edit) -> None:
    """Copy the released assignment into the student's submission and let ``edit`` change the notebook's cells."""
    folder = course / "submitted" / student / slug
    shutil.copytree(course / "release" / slug, folder)
    path = folder / f"{slug}.ipynb"
    notebook = nbformat.read(path, as_version=4)
    for cell in notebook.cells:
        edit(cell, cell.metadata.get("nbgrader", {}))
    nbformat.write(notebook, path)


def answer_cells(slug: str) -> list[str]:
    return list(teacher_solutions(slug))


def students(slug: str) -> dict:
    solutions = teacher_solutions(slug)
    first = next(iter(solutions))

    def all_right(cell, meta):
        if meta.get("grade_id") in solutions:
            cell.source = cell.source.replace(editions.ANSWER_STUB, solutions[meta["grade_id"]].rstrip("\n"))
        elif meta.get("grade_id", "").startswith("wr"):
            cell.source = "In my view the evidence points both ways; here is why, with three dated events."

    def partly_right(cell, meta):
        if meta.get("grade_id") == first:
            cell.source = cell.source.replace(editions.ANSWER_STUB, solutions[first].rstrip("\n"))
        elif meta.get("grade_id") in solutions:
            cell.source = cell.source.replace(editions.ANSWER_STUB, WRONG_TYPE)

    def blank(cell, meta):
        pass

    def rewrites_the_tests(cell, meta):
        partly_right(cell, meta) if meta.get("grade_id") == first else None
        if meta.get("locked") and meta.get("grade"):
            cell.source = "print('all tests passed')"

    found = {"ada": all_right, "cy": blank}
    if slug in SOME:
        found.update({"ben": partly_right, "dee": rewrites_the_tests})
    return found


def expected_scores(slug: str) -> dict[str, float]:
    tests = len(teacher_solutions(slug))
    scores = {"ada": float(tests), "cy": 0.0}
    if slug in SOME:
        scores.update({"ben": 1.0, "dee": 1.0})
    return scores


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    """The course as an nbgrader course: every assignment generated, handed in, autograded and given feedback."""
    root = tmp_path_factory.mktemp("nbgrader-course")
    nbgrader_course.build(root, feedback=True)
    for slug in ALL:
        nbgrader("generate_assignment", slug, "--force", cwd=root)
        for student, edit in students(slug).items():
            hand_in(root, student, slug, edit)
        nbgrader("autograde", slug, "--create", cwd=root)
    with api.Gradebook(f"sqlite:///{root / 'gradebook.db'}") as gradebook:  # the teacher marks ada's essays
        for slug in ALL:
            for notebook in gradebook.find_submission(slug, "ada").notebooks:
                for grade in notebook.grades:
                    if grade.name.startswith("wr"):
                        grade.manual_score = grade.max_score - 1
        gradebook.db.commit()
    for slug in ALL:
        nbgrader("generate_feedback", slug, cwd=root)
    nbgrader("export", cwd=root)
    return root


def test_every_notebook_becomes_an_assignment_with_valid_metadata(course):
    for slug in ALL:
        released = nbformat.read(course / "release" / slug / f"{slug}.ipynb", as_version=4)
        ids = [c.metadata["nbgrader"]["grade_id"] for c in released.cells if "nbgrader" in c.metadata]
        assert len(ids) == len(set(ids)) and all(i.replace("_", "").replace("-", "").isalnum() for i in ids)
        answers = [c for c in released.cells if c.metadata.get("nbgrader", {}).get("solution")
                   and c.cell_type == "code"]
        assert answers and all(editions.ANSWER_STUB in c.source for c in answers)
        tests = [c for c in released.cells if c.metadata.get("nbgrader", {}).get("grade")
                 and c.cell_type == "code"]
        assert len(tests) == len(answers), "one locked, autograded test per answer"
        assert all(c.metadata["nbgrader"]["locked"] and c.metadata["nbgrader"]["points"] == 1 for c in tests)
        written = [c for c in released.cells if c.cell_type == "markdown" and c.metadata.get("nbgrader", {}).get("grade")]
        assert 1 <= len(written) <= 2 and all(editions.WRITTEN_STUB in c.source for c in written)
        text = "\n".join(c.source for c in released.cells)
        assert "BEGIN SOLUTION" not in text and "Rubric for the teacher" not in text
        assert (course / "release" / slug / "utils" / "exercise_bank").is_dir()


def test_autograde_gives_each_student_the_expected_score(course):
    with api.Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for slug in ALL:
            for student, expected in expected_scores(slug).items():
                submission = gradebook.find_submission(slug, student)
                auto = sum(g.auto_score or 0 for nb in submission.notebooks for g in nb.grades
                           if g.name.startswith("ex"))
                assert auto == expected, f"{student} on {slug}: {auto} points, expected {expected}"


def test_autograde_restores_the_locked_tests_a_student_rewrote(course):
    for slug in SOME:
        graded = nbformat.read(course / "autograded" / "dee" / slug / f"{slug}.ipynb", as_version=4)
        tests = [c.source for c in graded.cells if c.metadata.get("nbgrader", {}).get("locked")
                 and c.metadata["nbgrader"].get("grade")]
        assert tests and all(s.startswith("grade(") for s in tests)
        assert "all tests passed" not in "\n".join(tests)


def written_points(slug: str) -> list[int]:
    return [int(editions.written_answer(c)["points"])
            for c in nbformat.read(TEACHER_NOTEBOOKS_DIR / f"{slug}.ipynb", as_version=4).cells
            if editions.written_answer(c)]


def test_export_writes_the_gradebook_with_manual_and_automatic_scores(course):
    rows = list(csv.DictReader((course / "grades.csv").open()))
    assert {(r["assignment"], r["student_id"]) for r in rows} >= {(s, "ada") for s in ALL}
    for row in rows:
        if row["student_id"] == "ada":  # every test passed, and each essay marked one point short of full
            slug = row["assignment"]
            expected = expected_scores(slug)["ada"] + sum(points - 1 for points in written_points(slug))
            assert float(row["score"]) == expected, row
            assert float(row["max_score"]) == expected_scores(slug)["ada"] + sum(written_points(slug))


def test_feedback_shows_results_but_no_answer_rubric_or_solution(course):
    solutions = {line for slug in ALL for code in teacher_solutions(slug).values()
                 for line in code.splitlines() if line.strip()}
    for slug in ALL:
        for student in ("cy", *(("ben",) if slug in SOME else ())):
            html = (course / "feedback" / student / slug / f"{slug}.html").read_text(encoding="utf-8")
            assert "Rubric for the teacher" not in html and "BEGIN SOLUTION" not in html
            assert "Not yet right" in html, "the feedback says which tests failed"
            leaked = [line for line in solutions if line in html and not line.startswith("territories = ")]
            if student == "ben":  # his one right answer is his own work
                leaked = [line for line in leaked if line not in teacher_solutions(slug)[answer_cells(slug)[0]]]
            assert not leaked, f"{student}/{slug} feedback shows a solution: {leaked[:2]}"


@pytest.fixture(scope="module")
def graded_course(tmp_path_factory) -> Path:
    """Feedback off (graded work): one assignment, the tests hidden until autograding."""
    root = tmp_path_factory.mktemp("nbgrader-graded")
    nbgrader_course.build(root, feedback=False)
    slug = SOME[0]
    nbgrader("generate_assignment", slug, "--force", cwd=root)
    for student in ("ada", "cy"):
        hand_in(root, student, slug, students(slug)[student])
    nbgrader("autograde", slug, "--create", cwd=root)
    nbgrader("generate_feedback", slug, cwd=root)
    return root


def test_graded_work_gives_no_instant_feedback_and_hides_the_tests(graded_course):
    slug = SOME[0]
    released = nbformat.read(graded_course / "release" / slug / f"{slug}.ipynb", as_version=4)
    answers = [c.source for c in released.cells if c.metadata.get("nbgrader", {}).get("solution")
               and c.cell_type == "code"]
    assert answers and not any("check(" in s for s in answers), "no instant feedback in graded work"
    tests = [c.source for c in released.cells if c.metadata.get("nbgrader", {}).get("grade") and c.cell_type == "code"]
    assert tests and not any("grade(" in s for s in tests), "the tests are hidden from the student"
    with api.Gradebook(f"sqlite:///{graded_course / 'gradebook.db'}") as gradebook:
        for student, expected in (("ada", expected_scores(slug)["ada"]), ("cy", 0.0)):
            submission = gradebook.find_submission(slug, student)
            assert sum(g.auto_score or 0 for nb in submission.notebooks for g in nb.grades
                       if g.name.startswith("ex")) == expected
    html = (graded_course / "feedback" / "cy" / slug / f"{slug}.html").read_text(encoding="utf-8")
    assert "HIDDEN TESTS" not in html and "grade(&quot;" not in html and 'grade("' not in html
    assert "Not yet right" in html
