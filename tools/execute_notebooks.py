"""Re-execute course notebooks in place, top to bottom in a fresh kernel, and store their outputs.

    python tools/execute_notebooks.py                            # every notebook of the teacher edition
    python tools/execute_notebooks.py 01_socialism_in_one_country.ipynb   # one (a name: teacher/notebooks/…; or a path)

Widget state is stored so that JupyterLab shows the widgets before the kernel
runs; per-cell timing metadata is not recorded, to keep diffs small.
"""
from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from utils.course import filenames  # noqa: E402
from utils.paths import TEACHER_NOTEBOOKS_DIR  # noqa: E402


def execute(path: Path) -> float:
    """Execute one notebook in place; return the seconds it took."""
    started = time.perf_counter()
    notebook = nbformat.read(path, as_version=4)
    client = NotebookClient(notebook, timeout=600, kernel_name="python3", record_timing=False,
                            store_widget_state=True, resources={"metadata": {"path": str(path.parent)}})
    client.execute()
    for cell in notebook.cells:
        cell.metadata.pop("execution", None)
    nbformat.write(notebook, path)
    return time.perf_counter() - started


def main(arguments: list[str]) -> int:
    os.environ.setdefault("PYTHONHASHSEED", "0")
    paths = [Path(a) if Path(a).parent != Path(".") else TEACHER_NOTEBOOKS_DIR / a for a in arguments] \
        or [TEACHER_NOTEBOOKS_DIR / name for name in filenames()]
    for path in paths:
        print(f"{path.name}: {execute(path):.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
