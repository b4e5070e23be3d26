"""A real browser: JupyterLab (and Voilà) in headless Chromium run every notebook and click every widget.

Skipped, with a reason in the test summary, where Chromium or Playwright is
missing. CI installs Chromium (see .ci/run). Screenshots, one per notebook,
go to tests/browser/screenshots/ (not committed).
"""
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from utils.paths import NOTEBOOKS_DIR, PROJECT_ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
try:
    from playwright.sync_api import expect, sync_playwright
except ImportError:  # pragma: no cover
    sync_playwright = None

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="browser test skipped: Chromium is not installed "
                       "(apt-get install chromium)"),
    pytest.mark.skipif(sync_playwright is None, reason="browser test skipped: playwright is not installed"),
]

NOTEBOOKS = sorted(p.name for p in NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb"))
VOILA_NOTEBOOKS = [n for n in NOTEBOOKS if n.startswith(("00_", "07_"))]
SHOTS = PROJECT_ROOT / "tests" / "browser" / "screenshots"
TOKEN = "course-browser-test"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/apputils-extension:sessionDialogs": {"skipKernelRestartDialog": True},
    "@jupyterlab/docmanager-extension:plugin": {"autosave": False},
}


KERNEL_READY = """() => {
    const panel = window.jupyterapp.shell.currentWidget;
    const kernel = panel && panel.sessionContext && panel.sessionContext.session
        && panel.sessionContext.session.kernel;
    return Boolean(kernel) && kernel.status === 'idle';
}"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_http(url: str, process: subprocess.Popen, seconds: float = 90) -> None:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited early: {process.stdout.read() if process.stdout else ''}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except Exception:
            time.sleep(0.5)
    raise TimeoutError(url)


def start(command: list[str], url: str, home: Path) -> subprocess.Popen:
    env = {**os.environ, "HOME": str(home), "JUPYTER_CONFIG_DIR": str(home / ".jupyter"),
           "JUPYTER_RUNTIME_DIR": str(home / "runtime")}
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    wait_for_http(url, process)
    return process


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """A copy of the notebooks (JupyterLab must not rewrite the real ones) and a clean home."""
    root = tmp_path_factory.mktemp("lab")
    shutil.copytree(NOTEBOOKS_DIR, root / "notebooks")
    settings = root / "settings"
    settings.mkdir()
    (settings / "overrides.json").write_text(json.dumps(LAB_SETTINGS))
    return root


@pytest.fixture(scope="module")
def lab(workdir):
    port = free_port()
    command = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--allow-root",
               "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={port}", "--ServerApp.port_retries=0",
               f"--IdentityProvider.token={TOKEN}", f"--ServerApp.root_dir={workdir}",
               f"--LabApp.app_settings_dir={workdir / 'settings'}", "--LabApp.expose_app_in_browser=True"]
    process = start(command, f"http://127.0.0.1:{port}/api/status?token={TOKEN}", workdir)
    yield f"http://127.0.0.1:{port}"
    stop(process)


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def open_page(browser, url: str):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(60_000)
    page.uncaught = []
    page.on("pageerror", lambda error: page.uncaught.append(str(error)))
    page.goto(url)
    return page


def wait_all_executed(page, cells: int) -> None:
    page.wait_for_function(
        """(n) => {
            const ps = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].map(e => e.textContent);
            return ps.length === n && ps.every((t, i) => t.includes(`[${i + 1}]`));
        }""", arg=cells, timeout=180_000)


def expected_widgets(name: str) -> int:
    notebook = json.loads((NOTEBOOKS_DIR / name).read_text(encoding="utf-8"))
    return sum("application/vnd.jupyter.widget-view+json" in output.get("data", {})
               for cell in notebook["cells"] if cell["cell_type"] == "code" for output in cell["outputs"])


def message_of(widget) -> str:
    return widget.locator(".course-message").first.inner_text()


def changed(page, widget, before: str, seconds: float = 10) -> bool:
    deadline = time.time() + seconds
    while time.time() < deadline:
        if message_of(widget) != before:
            return True
        page.wait_for_timeout(100)
    return False


def interact_with(page, widget) -> None:
    """Change one control of a course widget and see its message change."""
    before = message_of(widget)
    for select in widget.locator(".widget-dropdown select").all():
        current = select.input_value()
        other = [o for o in select.locator("option").all() if o.get_attribute("value") != current]
        if other:
            select.select_option(other[-1].get_attribute("value"))
            if changed(page, widget, before):
                return
    for handle in widget.locator(".noUi-handle").all():
        handle.focus()
        for key in ("ArrowLeft", "ArrowRight", "ArrowRight"):
            handle.press(key)
            if changed(page, widget, before, seconds=3):
                return
    expect(widget.locator(".course-message").first).not_to_have_text(before, timeout=15_000)


def answer_quiz(quiz) -> None:
    radios = quiz.locator(".widget-radio-box input")
    if radios.count():
        radios.first.check()
    else:
        for count, button in enumerate(quiz.locator(".widget-toggle-button").all(), start=1):
            button.click()
            # each pick is echoed as "A → B → …": wait for it before the next click
            expect(quiz.locator(".widget-html").nth(1)).to_contain_text(button.inner_text().strip(), timeout=15_000)
    quiz.locator("button", has_text="Check").click()
    expect(quiz.locator(".course-feedback")).to_contain_text(re.compile("Correct|Not quite"), timeout=15_000)


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_and_widgets_respond_in_jupyterlab(name, lab, browser):
    page = open_page(browser, f"{lab}/lab/workspaces/{Path(name).stem}/tree/notebooks/{name}?reset&token={TOKEN}")
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell")
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook-ExecutionIndicator[data-status='idle']")
    page.wait_for_function("window.jupyterapp !== undefined")
    page.wait_for_function(KERNEL_READY, timeout=120_000)
    page.evaluate("window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    page.evaluate("window.jupyterapp.commands.execute('notebook:restart-run-all')")
    page.wait_for_timeout(500)
    if page.locator(".jp-Dialog .jp-mod-accept").count():
        page.locator(".jp-Dialog .jp-mod-accept").click()
    cells = sum(c["cell_type"] == "code" for c in json.loads((NOTEBOOKS_DIR / name).read_text())["cells"])
    try:
        wait_all_executed(page, cells)
    except Exception:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"FAILED_{Path(name).stem}.png"), full_page=True)
        prompts = page.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
        raise AssertionError(f"not every cell ran; prompts: {prompts}")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']")

    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.first.inner_text()[:500]
    widgets = page.locator(".course-widget")
    quizzes = page.locator(".course-quiz")
    assert widgets.count() + quizzes.count() == expected_widgets(name)
    for widget in widgets.all():
        widget.scroll_into_view_if_needed()
        expect(widget).to_be_visible()
        interact_with(page, widget)
    for quiz in quizzes.all():
        quiz.scroll_into_view_if_needed()
        expect(quiz).to_be_visible()
        answer_quiz(quiz)
    SHOTS.mkdir(parents=True, exist_ok=True)
    (widgets.first if widgets.count() else page.locator(".jp-Cell").first).scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"{Path(name).stem}.png"))
    assert page.uncaught == [], page.uncaught
    page.close()


@pytest.mark.parametrize("name", VOILA_NOTEBOOKS)
def test_notebook_renders_as_a_voila_app(name, workdir, browser):
    port = free_port()
    command = [sys.executable, "-m", "voila", str(workdir / "notebooks" / name), "--no-browser",
               f"--port={port}", "--Voila.ip=127.0.0.1"]
    process = start(command, f"http://127.0.0.1:{port}/", workdir)
    try:
        page = open_page(browser, f"http://127.0.0.1:{port}/")
        widget = page.locator(".course-widget").first
        expect(widget).to_be_visible(timeout=120_000)
        interact_with(page, widget)
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"voila_{Path(name).stem}.png"))
        assert page.uncaught == [], page.uncaught
        page.close()
    finally:
        stop(process)
