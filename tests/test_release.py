"""The student release: the learner edition and what it needs, updated in place without touching the teacher's files."""
from __future__ import annotations

import os
import subprocess
import sys

import nbformat
import pytest

from utils.course import filenames
from utils.paths import NOTEBOOKS_DIR, PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "tools"))
import make_release  # noqa: E402

pytestmark = pytest.mark.slow
REPO = "https://github.com/a-teacher/stalin-course"
HUB = "https://hub.example.edu"


def git(*args: str, cwd) -> str:
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True).stdout


@pytest.fixture(scope="module")
def release(tmp_path_factory):
    out = tmp_path_factory.mktemp("release")
    make_release.build(out, REPO, HUB)
    return out


def test_release_holds_the_learner_edition_and_no_teacher_material(release):
    assert sorted(p.name for p in (release / "notebooks").glob("*.ipynb")) == sorted(filenames())
    for name in filenames():
        assert (release / "notebooks" / name).read_bytes() == (NOTEBOOKS_DIR / name).read_bytes()
    for teacher_only in ("teacher", "tests", "tools", "benchmarks"):
        assert not (release / teacher_only).exists()
    assert (release / "utils" / "exercise_bank").is_dir() and (release / "data" / "datapackage.json").exists()
    assert not list(release.rglob("__pycache__"))


def test_release_readme_gives_binder_and_nbgitpuller_links_and_a_working_make_lab(release):
    readme = (release / "README.md").read_text(encoding="utf-8")
    assert f"https://mybinder.org/v2/gh/a-teacher/stalin-course/HEAD?urlpath=lab/tree/notebooks/{filenames()[0]}" in readme
    assert f"{HUB}/hub/user-redirect/git-pull?repo=https%3A%2F%2Fgithub.com%2Fa-teacher%2Fstalin-course" in readme
    assert readme.count("open on Binder") == len(filenames())
    makefile = (release / "Makefile").read_text(encoding="utf-8")
    result = subprocess.run(["make", "-n", "lab"], cwd=release, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "jupyter lab notebooks/00_start_here.ipynb" in result.stdout and "utils.hints --install" in makefile


def test_release_twice_keeps_the_teachers_repository_and_files(tmp_path):
    out = tmp_path / "release"
    make_release.build(out, REPO, HUB)
    git("init", "-q", "-b", "main", cwd=out)
    git("-c", "user.name=T", "-c", "user.email=t@example.edu", "add", "-A", cwd=out)
    git("-c", "user.name=T", "-c", "user.email=t@example.edu", "commit", "-q", "-m", "first release", cwd=out)
    (out / "CLASS_NOTES.md").write_text("Week 3: read 03 before class.\n")
    (out / "notebooks" / "my_extra_notebook.ipynb").write_text("{}")
    old = out / "utils" / "retired_helper.py"
    old.write_text("# a file an earlier release shipped\n")
    manifest = out / make_release.MANIFEST
    manifest.write_text(manifest.read_text() + "utils/retired_helper.py\n")
    (out / "notebooks" / filenames()[0]).write_text("stale")

    make_release.build(out, REPO, HUB)

    assert git("log", "--oneline", cwd=out).count("\n") == 1, "the teacher's repository and history survive"
    assert (out / "CLASS_NOTES.md").read_text() == "Week 3: read 03 before class.\n"
    assert (out / "notebooks" / "my_extra_notebook.ipynb").exists()
    assert not old.exists(), "a file of an earlier release that is no longer in the course is removed"
    assert (out / "notebooks" / filenames()[0]).read_bytes() == (NOTEBOOKS_DIR / filenames()[0]).read_bytes()
    status = git("status", "--porcelain", cwd=out)
    assert "CLASS_NOTES.md" in status and filenames()[0] not in status, "updated in place: unchanged files stay"


def test_release_notebooks_run_on_the_release_copy_of_utils(release):
    """The release is self-contained: its notebooks run against the release's own utils and data."""
    first = nbformat.read(release / "notebooks" / filenames()[0], as_version=4)
    first.cells.insert(0, nbformat.v4.new_code_cell("import utils; print(utils.__file__)"))
    from nbclient import NotebookClient

    env_before = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = str(release)
    try:
        NotebookClient(first, timeout=300, kernel_name="python3",
                       resources={"metadata": {"path": str(release / "notebooks")}}).execute()
    finally:
        if env_before is None:
            os.environ.pop("PYTHONPATH")
        else:
            os.environ["PYTHONPATH"] = env_before
    assert str(release / "utils") in first.cells[0].outputs[0]["text"]
    assert not [o for c in first.cells if c.cell_type == "code" for o in c.outputs if o["output_type"] == "error"]
