"""Every course notebook is stored executed, follows the course skeleton, and keeps code cells short.

nbval silently skips cells saved without an execution count, so these checks
make sure strict nbval really compares every code cell.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from utils.paths import NOTEBOOKS_DIR

COURSE = [
    "00_start_here", "01_socialism_in_one_country", "02_collective_security", "03_nazi_soviet_pact",
    "04_grand_alliance", "05_yalta_and_potsdam", "06_cold_war", "07_stalins_allies", "08_legacy_and_sources",
]
PRESENT = [name for name in COURSE if (NOTEBOOKS_DIR / f"{name}.ipynb").exists()]
MAX_CODE_LINES = 15


def cells(name: str) -> list[dict]:
    return json.loads((NOTEBOOKS_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))["cells"]


def source(cell: dict) -> str:
    return "".join(cell["source"])


def markdown(name: str) -> str:
    return "\n".join(source(c) for c in cells(name) if c["cell_type"] == "markdown")


def code(name: str) -> list[dict]:
    return [c for c in cells(name) if c["cell_type"] == "code"]


def test_the_course_starts_with_its_first_notebooks():
    assert PRESENT[:2] == COURSE[:2], "the course opens with 00 and 01"


def test_no_stray_notebooks():
    stray = [p.name for p in NOTEBOOKS_DIR.glob("*.ipynb") if p.stem not in COURSE]
    assert not stray


@pytest.mark.parametrize("name", PRESENT)
def test_stored_executed_top_to_bottom_without_errors(name):
    counts = [c["execution_count"] for c in code(name)]
    assert counts, "a notebook without code cells"
    assert counts == list(range(1, len(counts) + 1)), "execution counts must be 1..n: re-run with `make execute`"
    for cell in code(name):
        for output in cell["outputs"]:
            assert output["output_type"] != "error", f"error output in cell: {source(cell)[:80]}"
            assert output.get("name") != "stderr", f"stderr output (a warning?) in cell: {source(cell)[:80]}"


@pytest.mark.parametrize("name", PRESENT)
def test_code_cells_are_short(name):
    for cell in code(name):
        lines = [line for line in source(cell).splitlines() if line.strip()]
        assert len(lines) <= MAX_CODE_LINES, f"{len(lines)}-line code cell: {source(cell)[:80]}"


@pytest.mark.parametrize("name", PRESENT)
def test_follows_the_course_skeleton(name):
    text = markdown(name)
    first = source(cells(name)[0])
    assert first.startswith("# "), "the first cell is the title"
    for needed in ("Estimated time", "Prerequisites"):
        assert needed in first, f"the title cell names '{needed}'"
    for heading in ("Learning objectives", "Key points", "Further reading"):
        assert re.search(rf"^##+ .*{heading}", text, re.M), f"no '{heading}' section"
    section = re.search(r"^##+ Learning objectives\n(.*?)(?=^#|\Z)", text, re.M | re.S).group(1)
    assert 3 <= len(re.findall(r"^\s*(?:[-*]|\d+\.)\s", section, re.M)) <= 5, "3 to 5 learning objectives"


@pytest.mark.parametrize("name", PRESENT)
def test_navigation_links_point_to_real_neighbours(name):
    links = re.findall(r"\]\((\d\d_[a-z_]+\.ipynb)\)", markdown(name))
    index = COURSE.index(name)
    neighbours = {f"{n}.ipynb" for n in COURSE[max(index - 1, 0): index + 2] if n != name and n in PRESENT}
    assert neighbours <= set(links), f"missing links to {neighbours - set(links)}"
    for link in links:
        assert (NOTEBOOKS_DIR / link).exists(), f"link to a missing notebook: {link}"


@pytest.mark.parametrize("name", [n for n in PRESENT if n != "00_start_here"])
def test_primary_sources_widgets_and_exercises(name):
    text = markdown(name)
    quotes = re.findall(r"^> .+", text, re.M)
    assert len([q for q in quotes if "—" in q or "Source:" in q]) >= 2, "at least two attributed quotations"
    all_code = "\n".join(source(c) for c in code(name))
    assert re.search(r"from utils\.widgets\.\w+ import", all_code), "at least one widget"
    assert len(re.findall(r"\b(check|quiz)\(\"\d\d\.", all_code)) >= 3, "at least three exercises"


@pytest.mark.parametrize("name", PRESENT)
def test_exercise_cells_mark_their_solutions(name):
    for cell in code(name):
        text = source(cell)
        if re.search(r"\bcheck\(\"\d\d\.", text):
            assert "### BEGIN SOLUTION" in text and "### END SOLUTION" in text, f"unmarked solution: {text[:80]}"
