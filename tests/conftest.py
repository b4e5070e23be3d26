"""Shared fixtures: a scratch copy of the course data that a test may corrupt; headless Chromium."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from utils import data, paths


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A copy of data/ in a temporary folder; returns the path of its datapackage.json."""
    target = tmp_path / "data"
    shutil.copytree(paths.DATA_DIR, target)
    yield target / "datapackage.json"
    data.clear_cache()


@pytest.fixture(autouse=True)
def _fresh_cache():
    yield
    data.clear_cache()


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium of the machine (the browser tests skip themselves where it is missing)."""
    from browsing import launch, sync_playwright

    with sync_playwright() as playwright:
        chromium = launch(playwright)
        yield chromium
        chromium.close()
