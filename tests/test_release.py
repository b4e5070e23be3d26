"""The student release has no solutions and no exercise outputs, and still runs top to bottom."""
from __future__ import annotations

import sys

import nbformat
import pytest
from nbclient import NotebookClient

from utils.paths import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "tools"))
import make_release  # noqa: E402


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    out = tmp_path_factory.mktemp("release")
    make_release.build(out)
    return out


def teacher_solutions() -> list[str]:
    found = []
    for path in sorted((PROJECT_ROOT / "notebooks").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            for match in make_release.SOLUTION.finditer(cell.source):
                found += [line.strip() for line in match.group(2).splitlines() if line.strip()]
    return found


def test_release_has_every_notebook_and_no_teacher_material(release):
    names = sorted(p.name for p in (release / "notebooks").glob("*.ipynb"))
    assert names == sorted(p.name for p in (PROJECT_ROOT / "notebooks").glob("*.ipynb"))
    for teacher_only in ("teacher", "tests", "tools", "benchmarks"):
        assert not (release / teacher_only).exists()
    assert (release / "utils" / "exercise_bank").is_dir() and (release / "data" / "datapackage.json").exists()


def test_release_contains_no_solution_text(release):
    solutions = teacher_solutions()
    assert solutions, "the teacher edition has solutions to strip"
    text = "\n".join(p.read_text(encoding="utf-8") for p in (release / "notebooks").glob("*.ipynb"))
    assert "BEGIN SOLUTION" not in text and "END SOLUTION" not in text
    for path in (release / "notebooks").glob("*.ipynb"):
        sources = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
        for line in solutions:
            assert line not in sources, f"{path.name} still holds the solution line {line!r}"


def test_exercise_cells_are_cleared_and_others_keep_outputs(release):
    for path in sorted((release / "notebooks").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            if make_release.EXERCISE_CALL.search(cell.source) or "YOUR ANSWER HERE" in cell.source:
                assert cell.outputs == [] and cell.execution_count is None
            else:
                assert cell.execution_count is not None, f"{path.name}: a non-exercise cell lost its output"


def test_stub_keeps_the_variable_and_drops_the_value():
    source = 'answer_year = 1933  # hmm\n### BEGIN SOLUTION\nanswer = 1933\n### END SOLUTION\ncheck("01.x", answer)'
    assert make_release.SOLUTION.sub(make_release.stub, source) == (
        'answer_year = 1933  # hmm\nanswer = None  # YOUR ANSWER HERE\ncheck("01.x", answer)')


def test_release_notebooks_run_top_to_bottom(release):
    """All release notebooks, one after another in one kernel (a fresh namespace for each)."""
    combined = nbformat.v4.new_notebook()
    for path in sorted((release / "notebooks").glob("*.ipynb")):
        combined.cells.append(nbformat.v4.new_code_cell(f"%reset -f\n# --- {path.name}"))
        combined.cells += [nbformat.v4.new_code_cell(c.source) for c in nbformat.read(path, as_version=4).cells
                           if c.cell_type == "code"]
    client = NotebookClient(combined, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(release / "notebooks")}})
    client.execute()
    outputs = [o for c in combined.cells for o in c.outputs]
    assert not [o for o in outputs if o["output_type"] == "error"]
    feedback = [o for o in outputs if "not answered yet" in str(o.get("data", {}).get("text/plain", ""))]
    assert feedback, "exercise cells in the release answer None with a friendly message"
