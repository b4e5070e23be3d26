"""Build the student release of the course into release/ (not committed).

    python tools/make_release.py [--out release]

The notebooks in notebooks/ are the teacher edition. In the release:
- the code between ``### BEGIN SOLUTION`` and ``### END SOLUTION`` becomes a
  stub (``answer = None  # YOUR ANSWER HERE``), the nbgrader convention;
- exercise cells (those with a solution, and ``quiz(...)`` cells) lose their
  outputs, so no feedback gives the answer away; every other cell keeps its output;
- teacher-only folders (teacher/, tests/, tools/, benchmarks/) are left out.
Publish release/ as its own repository (or branch) and point Binder or
nbgitpuller at it.
"""
from __future__ import annotations

import argparse
import re
import shutil
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
COPIED = ["data", "utils", "environment.yml", "requirements.txt", "pyproject.toml", "LICENSE", ".gitignore"]
SOLUTION = re.compile(r"^([ \t]*)### BEGIN SOLUTION[^\n]*\n(.*?)^[ \t]*### END SOLUTION[^\n]*(\n|$)", re.M | re.S)
ASSIGNMENT = re.compile(r"^([ \t]*)([A-Za-z_]\w*)\s*=(?!=)")
EXERCISE_CALL = re.compile(r"\b(check|quiz)\(\"\d\d\.")

STUDENT_README = """# Soviet foreign policy under Stalin, 1924–1953 — student edition

Open `notebooks/00_start_here.ipynb` and work through the notebooks in order.
In each "Try it" cell, replace `None` with your answer and run the cell: the
feedback appears under it. Your answers are your own work: save the notebook
(and, on Binder, download it before you close the tab — a Binder session is
temporary).

Set-up on your own machine: `python3 -m venv .venv && .venv/bin/pip install -r requirements.txt -e .`
then `.venv/bin/jupyter lab notebooks/00_start_here.ipynb`; or with conda:
`conda env create -f environment.yml`.
"""


def stub(match: re.Match) -> str:
    indent, body = match.group(1), match.group(2)
    names = []
    for line in body.splitlines():
        assigned = ASSIGNMENT.match(line)
        if assigned and assigned.group(2) not in names:
            names.append(assigned.group(2))
    if not names:
        return f"{indent}# YOUR CODE HERE\n"
    return "".join(f"{indent}{name} = None  # YOUR ANSWER HERE\n" for name in names)


def student_cell(cell: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The student version of one cell."""
    if cell.cell_type != "code":
        return cell
    text = cell.source
    is_exercise = bool(SOLUTION.search(text) or EXERCISE_CALL.search(text))
    cell.source = SOLUTION.sub(stub, text).rstrip("\n")
    if is_exercise:
        cell.outputs = []
        cell.execution_count = None
    return cell


def build(out: Path) -> list[Path]:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, out / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        elif source.exists():
            shutil.copy2(source, out / name)
    (out / "README.md").write_text(STUDENT_README, encoding="utf-8")
    (out / "notebooks").mkdir()
    written = []
    for path in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")):
        notebook = nbformat.read(path, as_version=4)
        notebook.cells = [student_cell(c) for c in notebook.cells]
        target = out / "notebooks" / path.name
        nbformat.write(notebook, target)
        written.append(target)
    return written


def main() -> int:
    parser = argparse.ArgumentParser(description="Build the student release.")
    parser.add_argument("--out", type=Path, default=ROOT / "release")
    args = parser.parse_args()
    written = build(args.out)
    print(f"student release: {len(written)} notebooks in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
