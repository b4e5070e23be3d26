"""Checks of how learners meet the course outside pytest: Binder builds it, and it needs no network."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

from utils.paths import PROJECT_ROOT

NBVAL = ["--nbval", "--nbval-current-env", "--nbval-sanitize-with", "tests/nbval_sanitize.cfg",
         "-p", "no:cacheprovider", "-q"]


def tracked_copy(target) -> None:
    """The files git tracks (what Binder sees), without local environments or build outputs."""
    files = subprocess.run(["git", "ls-files"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True)
    for name in files.stdout.splitlines():
        destination = target / name
        destination.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(PROJECT_ROOT / name, destination)


@pytest.mark.skipif(shutil.which("git") is None or shutil.which("jupyter-repo2docker",
                    path=os.path.dirname(sys.executable)) is None, reason="repo2docker or git missing")
def test_binder_builds_from_environment_yml(tmp_path):
    tracked_copy(tmp_path)
    repo2docker = os.path.join(os.path.dirname(sys.executable), "jupyter-repo2docker")
    result = subprocess.run([repo2docker, "--no-build", "--debug", "."], cwd=tmp_path,
                            capture_output=True, text=True, timeout=300)
    dockerfile = result.stdout + result.stderr
    assert "Building conda environment for python=3.11" in dockerfile
    assert re.search(r'env update .*--file "environment\.yml"', dockerfile)
    assert "requirements.txt" not in re.findall(r'--file "([^"]+)"', dockerfile)


def test_local_environments_and_build_outputs_are_kept_out_of_binder():
    ignored = (PROJECT_ROOT / ".dockerignore").read_text().split()
    for path in (".venv/", "release/", "build/", "__pycache__/"):
        assert path in ignored


def test_binder_link_opens_start_here():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    link = re.search(r"\(https://mybinder\.org/v2/gh/[^)]+\)", readme).group(0)
    assert "urlpath=lab/tree/notebooks/00_start_here.ipynb" in link


@pytest.mark.skipif(os.geteuid() != 0 or shutil.which("unshare") is None or shutil.which("ip") is None,
                    reason="no-network test skipped: needs root, unshare and ip (as on CI)")
def test_notebooks_run_with_outbound_connections_refused():
    """Every notebook passes strict nbval in a network namespace that has only loopback."""
    probe = f"{sys.executable} -c \"import socket; socket.create_connection(('1.1.1.1', 443), timeout=3)\""
    nbval = " ".join([sys.executable, "-m", "pytest", "notebooks", *NBVAL])
    script = f"ip link set lo up && ! {probe} 2>/dev/null && {nbval}"
    result = subprocess.run(["unshare", "-n", "sh", "-c", script], cwd=PROJECT_ROOT,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert re.search(r"\d+ passed", result.stdout)
