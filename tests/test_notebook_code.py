"""The code cells of the notebooks stay short and readable by a history student, and lint clean."""
from __future__ import annotations

import re
import shutil
import subprocess

import nbformat
import pytest

from utils.paths import PROJECT_ROOT

NOTEBOOKS = sorted((PROJECT_ROOT / "teacher" / "notebooks").glob("*.ipynb"))
# Constructs that the course's helpers exist to spare a learner: use show(), treaties_with(), alliance_or_not() …
HARD_TO_READ = {r"\blambda\b": "a lambda", r"\.map\(\{\s*True": "a .map({True: …}) switch",
                r"subplots_adjust|tight_layout|set_position": "figure layout plumbing",
                r"\.apply\(": "an .apply() call", r"^\s*(?:def|class) ": "a function or class definition"}
MAX_LINE = 100
MAX_LINES = 12


def code_cells(path):
    return [c for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_code_cells_are_short_and_plain(path):
    problems = []
    for number, cell in enumerate(code_cells(path), start=1):
        lines = [line for line in cell.source.splitlines() if not line.startswith("### ")]
        for pattern, name in HARD_TO_READ.items():
            if re.search(pattern, cell.source, re.M):
                problems.append(f"code cell {number} uses {name}")
        problems += [f"code cell {number} has a line of {len(line)} characters" for line in lines
                     if len(line) > MAX_LINE]
        if len(lines) > MAX_LINES:
            problems.append(f"code cell {number} has {len(lines)} lines")
    assert not problems, "\n".join(problems)


def test_notebook_code_lints_clean():
    ruff = shutil.which("ruff")
    assert ruff, "ruff is a pinned test requirement"
    paths = [str(p) for p in NOTEBOOKS] + [str(p) for p in sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb"))]
    result = subprocess.run([ruff, "check", "--no-cache", "--select", "F,E9", "--output-format", "concise", *paths],
                            capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_course_code_lints_clean():
    result = subprocess.run([shutil.which("ruff"), "check", "--no-cache", "--select", "F,E9", "--output-format",
                             "concise", "utils", "tools", "tests", "benchmarks", "site/conf.py"],
                            capture_output=True, text=True, cwd=PROJECT_ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
