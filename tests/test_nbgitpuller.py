"""nbgitpuller, as a JupyterHub runs it: a student's edits survive the teacher's updates (TEACHING.md's promise)."""
from __future__ import annotations

import json
import subprocess
import sys

import nbformat
import pytest

from utils.course import filenames
from utils.paths import PROJECT_ROOT

sys.path.insert(0, str(PROJECT_ROOT / "tools"))
import make_release  # noqa: E402

nbgitpuller_pull = pytest.importorskip("nbgitpuller.pull")
pytestmark = pytest.mark.slow
IDENTITY = ["-c", "user.name=Teacher", "-c", "user.email=teacher@example.edu"]


def git(*args: str, cwd) -> None:
    subprocess.run(["git", *IDENTITY, *args], cwd=cwd, check=True, capture_output=True, text=True)


def pull(repo, folder) -> None:
    for _line in nbgitpuller_pull.GitPuller(str(repo), str(folder), branch="main").pull():
        pass


def published_release(tmp_path):
    """The teacher's release, committed to a git repository, and the student's folder after a first pull."""
    teacher = tmp_path / "course-release"
    make_release.build(teacher)
    git("init", "-q", "-b", "main", cwd=teacher)
    git("add", "-A", cwd=teacher)
    git("commit", "-q", "-m", "release 1", cwd=teacher)
    student = tmp_path / "home" / "course-release"
    pull(teacher, student)  # first click on the link: a clone
    return teacher, student


def answer_first_exercise(path) -> str:
    """The student answers the first Try it cell of a notebook (in the file, as JupyterLab saves it)."""
    notebook = nbformat.read(path, as_version=4)
    cell = next(c for c in notebook.cells if c.cell_type == "code" and "YOUR ANSWER HERE" in c.source)
    cell.source = cell.source.replace("answer = None  # YOUR ANSWER HERE", "answer = 1939  # my answer")
    nbformat.write(notebook, path)
    return cell.source


def test_a_second_pull_keeps_the_students_edit_and_brings_the_teachers_update(tmp_path):
    teacher, student = published_release(tmp_path)
    assert sorted(p.name for p in (student / "notebooks").glob("*.ipynb")) == sorted(filenames())

    edited, untouched = student / "notebooks" / filenames()[0], filenames()[5]
    my_cell = answer_first_exercise(edited)

    # The teacher publishes an update: a correction in another notebook, and a new file.
    other = teacher / "notebooks" / untouched
    notebook = nbformat.read(other, as_version=4)
    notebook.cells[0].source += "\n\n*Corrected on 1 December.*"
    nbformat.write(notebook, other)
    (teacher / "notebooks" / "reading_list.md").write_text("Extra reading for week 5.\n")
    git("add", "-A", cwd=teacher)
    git("commit", "-q", "-m", "release 2", cwd=teacher)

    pull(teacher, student)  # second click

    kept = nbformat.read(edited, as_version=4)
    assert any(c.source == my_cell for c in kept.cells), "the student's answer survives the update"
    assert "*Corrected on 1 December.*" in nbformat.read(student / "notebooks" / untouched, as_version=4).cells[0].source
    assert (student / "notebooks" / "reading_list.md").read_text() == "Extra reading for week 5.\n"
    json.loads(edited.read_text())  # still a valid notebook


def test_when_both_change_the_same_notebook_the_students_version_wins(tmp_path):
    teacher, student = published_release(tmp_path)

    name = filenames()[3]
    my_cell = answer_first_exercise(student / "notebooks" / name)
    notebook = nbformat.read(teacher / "notebooks" / name, as_version=4)
    notebook.cells[0].source += "\n\n*Teacher's change.*"
    nbformat.write(notebook, teacher / "notebooks" / name)
    git("commit", "-q", "-am", "release 2", cwd=teacher)

    pull(teacher, student)

    kept = nbformat.read(student / "notebooks" / name, as_version=4)
    assert any(c.source == my_cell for c in kept.cells), "nbgitpuller never overwrites the student's work"
