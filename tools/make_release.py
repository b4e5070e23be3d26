"""Build (or update in place) the student release of the course: the learner edition and what it needs to run.

    python tools/make_release.py [--out release] [--repo-url https://github.com/OWNER/REPO] [--hub https://your.hub]

The release holds the learner edition of the notebooks (no solutions, no
stored "correct" feedback), the data, ``utils``, the environment files, a
README with the Binder and nbgitpuller links and a small Makefile. Teacher
material (teacher/, tests/, tools/, benchmarks/) stays out.

Running it again updates the release in place: it rewrites the files it
made, removes those of its files that are no longer part of the course
(listed in ``.course-release-files``), and leaves everything else alone,
such as a ``.git`` folder or a file the teacher added.
"""
from __future__ import annotations

import argparse
import filecmp
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from links import PLACEHOLDER_HUB, PLACEHOLDER_REPO, binder_link, is_configured, links_table  # noqa: E402
from utils.course import COURSE  # noqa: E402

COPIED = ["notebooks", "data", "utils", "environment.yml", "requirements.txt", "pyproject.toml", "postBuild",
          "LICENSE", ".gitignore"]
SKIPPED = {"__pycache__", ".ipynb_checkpoints"}
MANIFEST = ".course-release-files"

STUDENT_MAKEFILE = """# Set-up for the student release: `make lab` creates .venv from the pinned requirements and opens the course.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: lab

$(VENV)/.installed: requirements.txt pyproject.toml
\t$(PYTHON) -m venv $(VENV)
\t$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
\t$(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .
\t$(PY) -m utils.hints --install
\ttouch $@

lab: $(VENV)/.installed
\t$(VENV)/bin/jupyter lab notebooks/{first}
"""

STUDENT_README = """# Soviet foreign policy under Stalin, 1924–1953 — student edition

[![Binder](https://mybinder.org/badge_logo.svg)]({binder})

Open `notebooks/{first}` and work through the notebooks in order. In each
"Try it" cell, replace `None` with your answer (text and dates in quotes)
and run the cell: the feedback appears under it. Questions with buttons are
practice: a click is not saved. Your answers are your own work: save the
notebook, and on Binder download it (File → Download) before you close the
tab, as a Binder session is temporary.

## Three ways in

- **Binder** (nothing to install): click the badge above, or a link below.
- **Your school's JupyterHub**: your teacher gives you a link of the form
  `{hub}/hub/user-redirect/git-pull?repo=…`. The first click copies the
  course into your home folder; later clicks bring your teacher's updates and
  keep your own work.
- **Your own computer** (Python 3.11 or newer and `make`): `make lab`. With
  conda instead: `conda env create -f environment.yml`, `conda activate
  stalin-foreign-policy`, `jupyter lab notebooks/{first}`.

{table}
"""


def release_files() -> list[tuple[Path, Path]]:
    """(source, relative target) for every file copied from the course into the release."""
    found = []
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            for path in sorted(source.rglob("*")):
                relative = path.relative_to(ROOT)
                if path.is_file() and path.suffix != ".pyc" and not SKIPPED & set(relative.parts):
                    found.append((path, relative))
        elif source.exists():
            found.append((source, Path(name)))
    return found


def generated_files(repo_url: str, hub: str) -> dict[Path, str]:
    first = COURSE[0].filename
    readme = STUDENT_README.format(binder=binder_link(repo_url, first), first=first, hub=hub.rstrip("/"),
                                   table=links_table(repo_url, hub))
    if not is_configured(repo_url):
        readme += ("\n*Teachers: build the release with `make release REPO_URL=https://github.com/you/your-copy "
                   "HUB=https://your.hub` to fill in these links.*\n")
    return {Path("README.md"): readme, Path("Makefile"): STUDENT_MAKEFILE.format(first=first)}


def build(out: Path, repo_url: str = PLACEHOLDER_REPO, hub: str = PLACEHOLDER_HUB) -> list[Path]:
    """Write or update the release in ``out``; return the notebooks it holds."""
    out.mkdir(parents=True, exist_ok=True)
    previous = set()
    if (out / MANIFEST).exists():
        previous = set((out / MANIFEST).read_text(encoding="utf-8").split("\n")) - {""}
    written: set[str] = set()
    for source, relative in release_files():
        target = out / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if not target.exists() or not filecmp.cmp(source, target, shallow=False):
            shutil.copy2(source, target)
        written.add(relative.as_posix())
    for relative, text in generated_files(repo_url, hub).items():
        target = out / relative
        if not target.exists() or target.read_text(encoding="utf-8") != text:
            target.write_text(text, encoding="utf-8")
        written.add(relative.as_posix())
    for stale in sorted(previous - written):  # only files an earlier release wrote
        (out / stale).unlink(missing_ok=True)
    (out / MANIFEST).write_text("\n".join(sorted(written)) + "\n", encoding="utf-8")
    return sorted(out.joinpath("notebooks").glob("*.ipynb"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "release")
    parser.add_argument("--repo-url", default=PLACEHOLDER_REPO, help="where the release will be published")
    parser.add_argument("--hub", default=PLACEHOLDER_HUB, help="your JupyterHub, for nbgitpuller links")
    args = parser.parse_args()
    notebooks = build(args.out, args.repo_url, args.hub)
    print(f"student release: {len(notebooks)} notebooks in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
