"""The conda/Binder environment and the pip requirements describe the same runtime."""
from __future__ import annotations

import re

from utils.paths import PROJECT_ROOT

TEST_ONLY = {"pytest", "nbval", "nbclient", "nbformat", "hypothesis", "playwright", "voila", "jupyter-repo2docker",
             "nbgrader", "nbgitpuller", "ruff", "sphinx", "myst-nb", "sphinx-book-theme"}


def pins(lines: list[str], pattern: str) -> dict[str, str]:
    found = {}
    for line in lines:
        match = re.match(pattern, line)
        if match:
            found[match.group(1).lower()] = match.group(2)
    return found


def requirements(name: str) -> dict[str, str]:
    return pins((PROJECT_ROOT / name).read_text().splitlines(), r"^([A-Za-z0-9_.\-]+)==([^\s#]+)")


def conda_pins() -> dict[str, str]:
    lines = (PROJECT_ROOT / "environment.yml").read_text().splitlines()
    return pins(lines, r"^\s+-\s+([A-Za-z0-9_.\-]+)=([^=\s#]+)\s*$")


def test_conda_and_pip_pin_the_same_runtime():
    conda = conda_pins()
    conda.pop("python")
    assert conda == requirements("requirements.txt")


def test_every_runtime_pin_is_exact():
    for line in (PROJECT_ROOT / "requirements.txt").read_text().splitlines():
        if line.strip() and not line.startswith("#"):
            assert "==" in line, f"requirements.txt: '{line}' is not pinned with =="


def test_test_only_packages_stay_out_of_the_runtime():
    runtime = set(requirements("requirements.txt")) | set(conda_pins())
    assert not runtime & TEST_ONLY
    assert TEST_ONLY <= set(requirements("requirements-test.txt"))


def test_binder_installs_the_course_package():
    text = (PROJECT_ROOT / "environment.yml").read_text()
    assert re.search(r"^\s+-\s+-e \.\s*$", text, re.M), "environment.yml must pip-install the course (-e .)"
    assert "conda-forge" in text
