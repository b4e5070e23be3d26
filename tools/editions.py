"""Make the learner edition (notebooks/) from the teacher edition (teacher/notebooks/), its single source.

    python tools/editions.py                 # write every learner notebook and execute it, top to bottom
    python tools/editions.py 03_nazi_soviet_pact.ipynb   # some of them
    python tools/editions.py --check         # fail if a learner notebook is not what the teacher edition gives

The teacher edition holds the solutions, nbgrader-style:

- a **Try it** code cell has its solution between ``### BEGIN SOLUTION`` and
  ``### END SOLUTION`` and then ``check("NN.id", answer)``; in the learner
  edition the solution becomes ``answer = None  # YOUR ANSWER HERE``;
- a **written answer** is a markdown cell with ``metadata.course.written``
  (its id and points) whose rubric sits between the same markers; in the
  learner edition it becomes a place to write.

Everything else is copied as it is. The learner edition is then executed, so
its exercise cells store the "not answered yet" feedback like any other output.
"""
from __future__ import annotations

import argparse
import copy
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from utils.course import filenames  # noqa: E402
from utils.paths import NOTEBOOKS_DIR, TEACHER_NOTEBOOKS_DIR  # noqa: E402

SOLUTION = re.compile(r"^([ \t]*)### BEGIN SOLUTION[^\n]*\n(.*?)^[ \t]*### END SOLUTION[^\n]*(\n|$)", re.M | re.S)
ANSWER_STUB = "answer = None  # YOUR ANSWER HERE"
WRITTEN_STUB = "*Write your answer here, in your own words.*"
EXERCISE_CALL = re.compile(r"\bcheck\(\"(\d\d\.[a-z0-9_]+)\", answer\)")
KEPT_METADATA = ("tags",)


def exercise_id(cell: nbformat.NotebookNode) -> str | None:
    """The id of the exercise a code cell checks ('03.pact_date'), or None."""
    if cell.cell_type != "code":
        return None
    found = EXERCISE_CALL.search(cell.source)
    return found.group(1) if found else None


def written_answer(cell: nbformat.NotebookNode) -> dict | None:
    """``{"id": "03.why_sign", "points": 5}`` for a written-answer cell, else None."""
    return cell.metadata.get("course", {}).get("written") if cell.cell_type == "markdown" else None


def solution_lines(source: str) -> list[str]:
    """The non-empty lines between the solution markers of a cell."""
    return [line.strip() for match in SOLUTION.finditer(source) for line in match.group(2).splitlines()
            if line.strip()]


def without_solution(source: str, stub: str) -> str:
    """The source with every solution region replaced by the stub (indented as the region was)."""
    return SOLUTION.sub(lambda m: f"{m.group(1)}{stub}{m.group(3)}", source)


def learner_cell(cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The learner's version of one teacher cell: no solution, no outputs, no course metadata."""
    cell = copy.deepcopy(cell)
    stub = WRITTEN_STUB if written_answer(cell) else ANSWER_STUB
    cell.source = without_solution(cell.source, stub)
    cell.metadata = {key: value for key, value in cell.metadata.items() if key in KEPT_METADATA}
    if cell.cell_type == "code":
        cell.outputs = []
        cell.execution_count = None
    return cell


def learner_notebook(teacher: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The learner edition of a teacher notebook, not yet executed."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata = {k: copy.deepcopy(v) for k, v in teacher.metadata.items() if k in ("kernelspec", "language_info")}
    notebook.cells = [learner_cell(cell) for cell in teacher.cells]
    return notebook


def comparable(notebook: nbformat.NotebookNode) -> list[tuple]:
    """What must agree between an edition and the one generated from its source: cell kinds, sources, tags."""
    return [(c.cell_type, c.source, tuple(c.metadata.get("tags", ()))) for c in notebook.cells]


def stale(names: list[str]) -> list[str]:
    """The learner notebooks that differ from what their teacher notebook gives (or are missing)."""
    found = []
    for name in names:
        expected = learner_notebook(nbformat.read(TEACHER_NOTEBOOKS_DIR / name, as_version=4))
        path = NOTEBOOKS_DIR / name
        if not path.exists() or comparable(nbformat.read(path, as_version=4)) != comparable(expected):
            found.append(name)
    return found


def write(names: list[str]) -> None:
    from execute_notebooks import execute

    NOTEBOOKS_DIR.mkdir(exist_ok=True)
    for name in names:
        target = NOTEBOOKS_DIR / name
        nbformat.write(learner_notebook(nbformat.read(TEACHER_NOTEBOOKS_DIR / name, as_version=4)), target)
        print(f"learner edition {name}: executed in {execute(target):.1f} s", flush=True)


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", help="file names (default: the whole course)")
    parser.add_argument("--check", action="store_true", help="only check that notebooks/ is up to date")
    args = parser.parse_args(arguments)
    names = [Path(n).name for n in args.notebooks] or filenames()
    if args.check:
        out_of_date = stale(names)
        if out_of_date:
            print("learner edition out of date (run: python tools/editions.py):", ", ".join(out_of_date))
            return 1
        print(f"learner edition up to date ({len(names)} notebooks)")
        return 0
    write(names)
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    sys.exit(main(sys.argv[1:]))
