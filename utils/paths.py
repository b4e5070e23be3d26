"""Where the course's files live, whichever way the course was installed."""
from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
DATAPACKAGE = DATA_DIR / "datapackage.json"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
TEACHER_DIR = PROJECT_ROOT / "teacher"
TEACHER_NOTEBOOKS_DIR = TEACHER_DIR / "notebooks"
