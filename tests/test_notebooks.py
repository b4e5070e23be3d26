"""Both editions are stored executed, follow the course skeleton, keep code cells short, and match the course map.

nbval silently skips cells saved without an execution count, so these checks
make sure strict nbval really compares every code cell.
"""
from __future__ import annotations

import re
import subprocess
import sys

import nbformat
import pytest

from utils.course import COURSE, filenames
from utils.paths import NOTEBOOKS_DIR, PROJECT_ROOT, TEACHER_NOTEBOOKS_DIR

EDITIONS = {"learner": NOTEBOOKS_DIR, "teacher": TEACHER_NOTEBOOKS_DIR}
EVERY = [(edition, name) for edition in EDITIONS for name in filenames()]
IDS = [f"{edition}-{name[:2]}" for edition, name in EVERY]
MAX_CODE_LINES = 15


def cells(edition: str, name: str) -> list:
    return nbformat.read(EDITIONS[edition] / name, as_version=4).cells


def markdown(edition: str, name: str) -> str:
    return "\n".join(c.source for c in cells(edition, name) if c.cell_type == "markdown")


def code(edition: str, name: str) -> list:
    return [c for c in cells(edition, name) if c.cell_type == "code"]


@pytest.mark.parametrize("edition, name", EVERY, ids=IDS)
def test_stored_executed_top_to_bottom_without_errors(edition, name):
    counts = [c.execution_count for c in code(edition, name)]
    assert counts, "a notebook without code cells"
    assert counts == list(range(1, len(counts) + 1)), "execution counts must be 1..n: re-run with `make notebooks`"
    for cell in code(edition, name):
        for output in cell.outputs:
            assert output["output_type"] != "error", f"error output in cell: {cell.source[:80]}"
            assert output.get("name") != "stderr", f"stderr output (a warning?) in cell: {cell.source[:80]}"


@pytest.mark.parametrize("name", filenames())
def test_code_cells_are_short(name):
    for cell in code("teacher", name):
        lines = [line for line in cell.source.splitlines() if line.strip()]
        assert len(lines) <= MAX_CODE_LINES, f"{len(lines)}-line code cell: {cell.source[:80]}"


@pytest.mark.parametrize("name", filenames())
def test_follows_the_course_skeleton(name):
    text = markdown("teacher", name)
    first = cells("teacher", name)[0].source
    entry = COURSE[filenames().index(name)]
    assert first.startswith(f"# {entry.label}"), "the first cell is the title, as in the course map"
    for needed in ("Estimated time", "Prerequisites"):
        assert needed in first, f"the title cell names '{needed}'"
    for heading in ("Learning objectives", "Key points", "Further reading"):
        assert re.search(rf"^##+ .*{heading}", text, re.M), f"no '{heading}' section"
    section = re.search(r"^##+ Learning objectives\n(.*?)(?=^#|\Z)", text, re.M | re.S).group(1)
    assert 3 <= len(re.findall(r"^\s*(?:[-*]|\d+\.)\s", section, re.M)) <= 5, "3 to 5 learning objectives"


@pytest.mark.parametrize("name", [n for n in filenames() if not n.startswith("00")])
def test_primary_sources_widgets_and_exercises(name):
    text = markdown("teacher", name)
    quotes = re.findall(r"^> .+", text, re.M)
    assert len([q for q in quotes if "—" in q or "Source:" in q]) >= 2, "at least two attributed quotations"
    all_code = "\n".join(c.source for c in code("teacher", name))
    assert re.search(r"from utils\.widgets\.\w+ import", all_code), "at least one widget"
    assert len(re.findall(r"\b(check|quiz)\(\"\d\d\.", all_code)) >= 3, "at least three exercises"


@pytest.mark.parametrize("name", filenames())
def test_exercise_cells_mark_their_solutions_and_use_one_name(name):
    for cell in code("teacher", name):
        if re.search(r"\bcheck\(\"\d\d\.", cell.source):
            assert "### BEGIN SOLUTION" in cell.source and "### END SOLUTION" in cell.source, cell.source[:80]
            assert re.search(r"check\(\"\d\d\.[a-z0-9_]+\", answer\)", cell.source), "exercises read `answer`"


def test_the_course_map_parts_are_up_to_date():
    """Navigation cells, the map in 00 and the README and TEACHING tables are made from utils/course.py."""
    result = subprocess.run([sys.executable, "tools/course_map.py", "--check"], cwd=PROJECT_ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", filenames())
def test_navigation_links_point_to_the_neighbours_in_the_map(name):
    tagged = [c.source for c in cells("learner", name) if "course-navigation" in c.metadata.get("tags", [])]
    assert len(tagged) == 2, "one navigation cell at the top, one at the bottom"
    index = filenames().index(name)
    neighbours = {filenames()[i] for i in (index - 1, index + 1) if 0 <= i < len(COURSE)}
    for text in tagged:
        links = set(re.findall(r"\]\((\d\d_[a-z_]+\.ipynb)\)", text))
        assert neighbours <= links
        assert all((NOTEBOOKS_DIR / link).exists() for link in links)


@pytest.mark.parametrize("name", filenames())
def test_every_teacher_solution_is_stored_as_correct(name):
    """Each solution of the teacher edition passes its own check (a data change would show here first)."""
    for cell in code("teacher", name):
        if re.search(r"\bcheck\(\"\d\d\.", cell.source):
            shown = " ".join(str(o.get("data", {}).get("text/plain", "")) for o in cell.outputs)
            assert shown.startswith("Correct."), f"{cell.source[-60:]}: {shown[:200]}"
