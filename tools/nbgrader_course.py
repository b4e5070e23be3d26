"""Write the course as an nbgrader course: source/<assignment>/ folders with nbgrader metadata, and nbgrader_config.py.

    python tools/nbgrader_course.py [--out nbgrader] [--feedback on|off]

One assignment per notebook, named like the notebook (``03_nazi_soviet_pact``);
each folder holds the notebook with the data and helpers it needs. Made from
the teacher edition:

- each **Try it** cell becomes an autograded answer cell (its solution between
  the markers, which ``nbgrader generate_assignment`` replaces by
  ``answer = None  # YOUR ANSWER HERE``), followed by a locked test cell worth
  1 point: ``grade("03.pact_date", answer)``, checked against the sealed bank;
- each **written answer** becomes a manually graded answer cell, worth the
  points its metadata gives; its rubric is the solution, removed from the
  student's copy;
- click quizzes stay as they are: practice, not graded.

``--feedback on`` (practice, the default): the student sees the feedback of
every Try it cell at once and can run the tests. ``--feedback off`` (graded
work): no instant feedback in the student's copy, and the tests are hidden
until autograding (feedback after grading shows the result, not the tests).
"""
from __future__ import annotations

import argparse
import copy
import re
import shutil
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from editions import ANSWER_STUB, WRITTEN_STUB, exercise_id, written_answer  # noqa: E402
from utils.course import COURSE  # noqa: E402
from utils.paths import TEACHER_NOTEBOOKS_DIR  # noqa: E402

COURSE_ID = "soviet-foreign-policy-under-stalin"
COPIED = ["data", "utils"]
IMPORT_LINE = re.compile(r"^from utils import (.+)$", re.M)
CONFIG = '''"""nbgrader configuration of the course (written by tools/nbgrader_course.py; feedback {feedback})."""
import os

c = get_config()  # noqa: F821
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.course_id = "{course_id}"
# Every answer cell's stub defines the name its test reads.
c.ClearSolutions.code_stub = {{"python": "{code_stub}"}}
c.ClearSolutions.text_stub = "{text_stub}"
# Feedback shows results, never the hidden tests.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "nbgrader.preprocessors.ClearHiddenTests",
]
c.Execute.timeout = 300
'''


def grade_id(kind: str, exercise: str) -> str:
    """A valid nbgrader grade_id for an exercise id: ('ex', '03.pact_date') -> 'ex03_pact_date'."""
    return kind + re.sub(r"[^A-Za-z0-9_-]", "_", exercise)


def nbgrader_meta(grade_id_: str, *, grade: bool, solution: bool, locked: bool, points: int | None = None) -> dict:
    meta = {"schema_version": 3, "grade": grade, "solution": solution, "locked": locked, "task": False,
            "grade_id": grade_id_}
    if points is not None:
        meta["points"] = points
    return meta


def test_source(exercise: str, feedback: bool) -> str:
    line = f'grade("{exercise}", answer)'
    if feedback:
        return line
    return f"# This cell is graded when you hand in your work.\n### BEGIN HIDDEN TESTS\n{line}\n### END HIDDEN TESTS"


def assignment_notebook(teacher: nbformat.NotebookNode, feedback: bool) -> nbformat.NotebookNode:
    """The nbgrader source notebook of one teacher notebook."""
    notebook = copy.deepcopy(teacher)
    notebook.metadata.pop("widgets", None)
    cells = []
    for cell in notebook.cells:
        cell.metadata.pop("course", None) if False else None
        exercise = exercise_id(cell)
        written = written_answer(cell)
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
            if IMPORT_LINE.search(cell.source) and "grade" not in IMPORT_LINE.search(cell.source).group(1):
                cell.source = IMPORT_LINE.sub(lambda m: f"from utils import {m.group(1)}, grade", cell.source, count=1)
        if exercise:
            if not feedback:
                cell.source = re.sub(r"\n?check\(\"[^\"]+\", answer\)\s*$", "", cell.source)
            cell.metadata["nbgrader"] = nbgrader_meta(grade_id("ex", exercise), grade=False, solution=True,
                                                      locked=False)
            cells.append(cell)
            cells.append(nbformat.v4.new_code_cell(test_source(exercise, feedback), metadata={
                "nbgrader": nbgrader_meta(grade_id("ex", exercise) + "_test", grade=True, solution=False,
                                          locked=True, points=1)}))
            continue
        if written:
            cell.metadata.pop("course")
            cell.metadata["nbgrader"] = nbgrader_meta(grade_id("wr", written["id"]), grade=True, solution=True,
                                                      locked=False, points=int(written["points"]))
        cells.append(cell)
    notebook.cells = cells
    return notebook


def build(out: Path, feedback: bool = True) -> list[Path]:
    """Write the nbgrader course into ``out``; return the source notebooks written."""
    out.mkdir(parents=True, exist_ok=True)
    (out / "nbgrader_config.py").write_text(CONFIG.format(
        feedback="on" if feedback else "off", course_id=COURSE_ID, code_stub=ANSWER_STUB, text_stub=WRITTEN_STUB),
        encoding="utf-8")
    written = []
    for entry in COURSE:
        folder = out / "source" / entry.slug
        if folder.exists():
            shutil.rmtree(folder)  # the source folders are generated: the teacher's work lives in the gradebook
        folder.mkdir(parents=True)
        for name in COPIED:
            shutil.copytree(ROOT / name, folder / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        teacher = nbformat.read(TEACHER_NOTEBOOKS_DIR / entry.filename, as_version=4)
        target = folder / entry.filename
        nbformat.write(assignment_notebook(teacher, feedback), target)
        written.append(target)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "nbgrader")
    parser.add_argument("--feedback", choices=("on", "off"), default="on",
                        help="on: practice with instant feedback; off: graded work, tests hidden until grading")
    args = parser.parse_args()
    written = build(args.out, args.feedback == "on")
    print(f"nbgrader course in {args.out}: {len(written)} assignments in source/ (feedback {args.feedback}).")
    print(f"Next: cd {args.out} && nbgrader generate_assignment {COURSE[0].slug}   (and so on for each)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
