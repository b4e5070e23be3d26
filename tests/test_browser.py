"""A real browser: JupyterLab (and Voilà) in headless Chromium, opening the learner edition as a learner does.

Every notebook runs top to bottom; every widget is driven and answers (its time from a control change to the new
picture on screen is recorded for the benchmark); every control is readable at 1024x768; one exercise is answered
by typing in a cell; the claim checker judges a typed claim and a pasted paragraph. Skipped, with the reason in
the test summary, where Chromium or Playwright is missing (CI installs Chromium: see .ci/run). Screenshots go to
tests/browser/screenshots/ and the response times to benchmarks/results/browser.json (neither is committed).
"""
from __future__ import annotations

import json
import re
import shutil
import sys
from pathlib import Path

import nbformat
import pytest

from browsing import BROWSER_MARKS, SHOTS, free_port, start, stop
from utils.course import filenames
from utils.paths import NOTEBOOKS_DIR, PROJECT_ROOT

try:
    from playwright.sync_api import expect
except ImportError:  # pragma: no cover
    expect = None

pytestmark = BROWSER_MARKS
NOTEBOOKS = filenames()
VOILA_NOTEBOOKS = [n for n in NOTEBOOKS if n.startswith(("00_", "07_"))]
TIMINGS = PROJECT_ROOT / "benchmarks" / "results" / "browser.json"
TOKEN = "course-browser-test"
CHANGES = 12  # control changes timed per widget
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
# JupyterLab asks the kernel for a subshell for the widgets' comms as it connects; a restart before the reply cancels
# that request, and JupyterLab reports the cancelled request as an uncaught error. The kernel answers control
# requests in order, so once a request of ours is answered, any earlier one is answered too.
CONTROL_SETTLED = """async () => {
    const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session.kernel;
    if (kernel.supportsSubshells) {
        await kernel.requestListSubshell({}).done;
    }
}"""
# Timing in the page itself: the learner's action (captured before any handler) to the last change of the widget's
# output, and, if its picture changed, until the new picture is decoded and ready to paint.
ARM_TIMER = """(widget) => {
    if (!window.__courseTimer) {
        window.__courseTimer = true;
        for (const type of ['keydown', 'change', 'input', 'click']) {
            document.addEventListener(type, (event) => { window.__courseT0 = event.timeStamp; }, true);
        }
    }
    window.__courseT0 = null;
    window.__courseDone = new Promise((resolve) => {
        let last = null, timer = null, decoding = Promise.resolve();
        const image = widget.querySelector('img');
        let shown = image ? image.src : null;
        const settle = async () => {
            observer.disconnect();
            await decoding;
            resolve(last === null || window.__courseT0 === null ? null : last - window.__courseT0);
        };
        const observer = new MutationObserver(() => {
            last = Math.max(last || 0, performance.now());
            if (image && image.src !== shown) {  // a new picture: done when it is decoded, ready to paint
                shown = image.src;
                decoding = image.decode().catch(() => null).then(() => { last = Math.max(last, performance.now()); });
            }
            clearTimeout(timer);
            timer = setTimeout(settle, 400);
        });
        observer.observe(widget, {subtree: true, childList: true, characterData: true, attributes: true,
                                  attributeFilter: ['src']});
        setTimeout(() => { if (last === null) settle(); }, 8000);
    });
}"""
timings: dict[str, list[float]] = {}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory) -> Path:
    """A copy of the learner edition (JupyterLab must not rewrite the real one) and a clean home."""
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


@pytest.fixture(scope="module", autouse=True)
def record_timings():
    """Write the response times measured here for the benchmark (benchmarks/run.py --only browser)."""
    yield
    if timings:
        TIMINGS.parent.mkdir(parents=True, exist_ok=True)
        TIMINGS.write_text(json.dumps(timings, indent=1))


def open_page(browser, url: str, width: int = 1400, height: int = 1000):
    page = browser.new_page(viewport={"width": width, "height": height})
    page.set_default_timeout(60_000)
    page.uncaught = []
    page.on("pageerror", lambda error: page.uncaught.append(str(error)))
    page.goto(url)
    return page


def open_notebook(browser, lab: str, name: str, width: int = 1400, height: int = 1000):
    """Open a notebook of the learner edition in JupyterLab and run it top to bottom in a fresh kernel."""
    page = open_page(browser, f"{lab}/lab/workspaces/{Path(name).stem}/tree/notebooks/{name}?reset&token={TOKEN}",
                     width, height)
    page.wait_for_selector(".jp-NotebookPanel .jp-Notebook .jp-Cell")
    page.wait_for_function("window.jupyterapp !== undefined")
    page.wait_for_function(KERNEL_READY, timeout=120_000)
    page.evaluate(CONTROL_SETTLED)
    page.evaluate("window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs')")
    page.evaluate("window.jupyterapp.commands.execute('notebook:restart-run-all')")
    page.wait_for_timeout(500)
    if page.locator(".jp-Dialog .jp-mod-accept").count():
        page.locator(".jp-Dialog .jp-mod-accept").click()
    cells = sum(c.cell_type == "code" for c in nbformat.read(NOTEBOOKS_DIR / name, as_version=4).cells)
    try:
        page.wait_for_function(
            """(n) => {
                const ps = [...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')].map(e => e.textContent);
                return ps.length === n && ps.every((t, i) => t.includes(`[${i + 1}]`));
            }""", arg=cells, timeout=180_000)
    except Exception:
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"FAILED_{Path(name).stem}.png"), full_page=True)
        prompts = page.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()
        raise AssertionError(f"not every cell ran; prompts: {prompts}")
    page.wait_for_function(KERNEL_READY)
    return page


def expected_widgets(name: str) -> int:
    notebook = nbformat.read(NOTEBOOKS_DIR / name, as_version=4)
    return sum("application/vnd.jupyter.widget-view+json" in output.get("data", {})
               for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs)


def message_of(widget) -> str:
    return widget.locator(".course-message").first.inner_text()


def actions(widget) -> list:
    """Control changes a learner can make, as functions: every other option of each menu, slider steps."""
    found = []
    for select in widget.locator(".widget-dropdown select").all():
        values = [o.get_attribute("value") for o in select.locator("option").all()]
        found += [lambda s=select, v=value: s.select_option(v) for value in values[1:] + values[:1]]
    for handle in widget.locator(".noUi-handle").all():
        found += [lambda h=handle, k=key: (h.focus(), h.press(k)) for key in ("ArrowLeft", "ArrowLeft", "ArrowRight")]
    for box in widget.locator(".widget-checkbox input").all():
        found += [lambda b=box: b.click()] * 2
    return found


def timed_changes(page, widget, changes: int) -> list[float]:
    """Make ``changes`` control changes and return the time each took to show (ms)."""
    handle = widget.element_handle()
    steps = actions(widget)
    samples = []
    for index in range(changes):
        page.evaluate(ARM_TIMER, handle)
        steps[index % len(steps)]()
        elapsed = page.evaluate("() => window.__courseDone")
        if elapsed is not None:
            samples.append(elapsed)
    return samples


def stretched_pictures(widget) -> list[str]:
    """Pictures shown wider than they were drawn (a stretched picture has blurred text), with both widths."""
    return widget.evaluate("""w => [...w.querySelectorAll('img')]
        .filter(img => img.naturalWidth > 0 && img.getBoundingClientRect().width > img.naturalWidth + 1)
        .map(img => `${img.naturalWidth} px picture shown ${img.getBoundingClientRect().width.toFixed(0)} px wide`)""")


def cut_texts(page) -> list[str]:
    """Labels and slider readouts whose text does not fit their box (the learner cannot read them)."""
    return page.evaluate("""() => [...document.querySelectorAll(
            '.course-widget .widget-readout, .course-widget .widget-label, .course-widget .widget-dropdown select')]
        .filter(e => e.offsetParent !== null && e.scrollWidth > e.clientWidth + 1)
        .map(e => `${e.className}: ${e.textContent || e.value}`)""")


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_and_widgets_respond_in_jupyterlab(name, lab, browser):
    page = open_notebook(browser, lab, name)
    errors = page.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
    assert errors.count() == 0, errors.first.inner_text()[:500]
    widgets, quizzes = page.locator(".course-widget"), page.locator(".course-quiz")
    assert widgets.count() + quizzes.count() == expected_widgets(name)
    for number, widget in enumerate(widgets.all()):
        widget.scroll_into_view_if_needed()
        expect(widget).to_be_visible()
        assert stretched_pictures(widget) == []
        before = message_of(widget)
        samples = timed_changes(page, widget, CHANGES) if actions(widget) else []
        if samples:
            assert message_of(widget) != before or len(samples) >= CHANGES // 2
            timings[f"{Path(name).stem} widget {number + 1}"] = samples
    for quiz in quizzes.all():
        quiz.scroll_into_view_if_needed()
        quiz.locator("button", has_text="Check").click()
        expect(quiz.locator(".course-feedback")).to_contain_text("Choose one of the options first")
        quiz.locator(".widget-radio-box input").first.check()
        quiz.locator("button", has_text="Check").click()
        expect(quiz.locator(".course-feedback")).to_contain_text(re.compile(r"Correct\.|Not quite\."))
    SHOTS.mkdir(parents=True, exist_ok=True)
    (widgets.first if widgets.count() else page.locator(".jp-Cell").first).evaluate(
        "element => element.scrollIntoView({block: 'start'})")
    page.screenshot(path=str(SHOTS / f"{Path(name).stem}_1400x1000.png"))
    assert page.uncaught == [], page.uncaught
    page.close()


@pytest.mark.parametrize("name", [n for n in NOTEBOOKS if expected_widgets(n)])
def test_every_control_is_readable_on_a_1024x768_projector(name, lab, browser):
    page = open_notebook(browser, lab, name, 1024, 768)
    widgets = page.locator(".course-widget")
    for widget in widgets.all():
        widget.scroll_into_view_if_needed()
        box = widget.bounding_box()
        assert box["width"] <= 1024, f"a widget is {box['width']:.0f} px wide"
        for image in widget.locator("img").all():
            assert image.evaluate("img => img.getBoundingClientRect().right <= window.innerWidth + 1")
    assert cut_texts(page) == []
    SHOTS.mkdir(parents=True, exist_ok=True)
    for number, widget in enumerate(widgets.all(), start=1):
        widget.evaluate("element => element.scrollIntoView({block: 'start'})")
        page.screenshot(path=str(SHOTS / f"{Path(name).stem}_widget{number}_1024x768.png"))
    page.close()


def cell_with(page, text: str):
    return page.locator(".jp-CodeCell", has=page.locator(".jp-InputArea", has_text=text)).first


def type_into(page, cell, source: str) -> None:
    """Replace a cell's code by typing, as a learner does, then run it with Shift+Enter."""
    cell.scroll_into_view_if_needed()
    editor = cell.locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(source)
    page.keyboard.press("Shift+Enter")


def test_an_exercise_answered_in_the_browser(lab, browser):
    page = open_notebook(browser, lab, "03_nazi_soviet_pact.ipynb")
    cell = cell_with(page, 'check("03.pact_date"')
    expect(cell.locator(".jp-OutputArea")).to_contain_text("Not answered yet.")
    type_into(page, cell, 'answer = 1939-08-23\ncheck("03.pact_date", answer)')
    expect(cell.locator(".jp-OutputArea")).to_contain_text("A date must be written in quotes", timeout=20_000)
    assert "Traceback" not in cell.locator(".jp-OutputArea").inner_text()
    type_into(page, cell, 'answer = "1939-02-30"\ncheck("03.pact_date", answer)')
    expect(cell.locator(".jp-OutputArea")).to_contain_text("1939-02-30 does not exist", timeout=20_000)
    type_into(page, cell, 'answer = "1939-08-23"\ncheck("03.pact_date", answer)')
    expect(cell.locator(".jp-OutputArea")).to_contain_text("Correct.", timeout=20_000)
    page.screenshot(path=str(SHOTS / "exercise_answered.png"))
    page.close()


def test_the_claim_checker_judges_typed_and_pasted_claims(lab, browser):
    page = open_notebook(browser, lab, "08_legacy_and_sources.ipynb")
    checker = page.locator(".course-widget", has=page.locator("textarea")).first
    checker.scroll_into_view_if_needed()
    box, check = checker.locator("textarea"), checker.locator("button", has_text="Check")
    box.fill("The USSR signed a neutrality pact with Japan in 1941.")
    check.click()
    expect(checker.locator(".course-message")).to_contain_text("1 sentence read: 1 supported.", timeout=20_000)
    expect(checker.locator(".course-table, table").first).to_contain_text("Soviet-Japanese Neutrality Pact")
    box.fill("China was Stalin's key ally throughout his rule. He backed Fidel Castro's revolution. "
             "Stalin loved cats.")
    check.click()
    expect(checker.locator(".course-message")).to_contain_text("3 sentences read: 1 misleading, 1 outside "
                                                               "Stalin's lifetime, 1 not in the course data.",
                                                               timeout=20_000)
    samples = []
    for text in ("Stalin blockaded West Berlin in 1948.", "The USSR recognised Israel in 1948.") * 5:
        page.evaluate(ARM_TIMER, checker.element_handle())
        box.fill(text)
        check.click()
        elapsed = page.evaluate("() => window.__courseDone")
        if elapsed is not None:
            samples.append(elapsed)
    timings["08_legacy_and_sources claim checker (fill + Check)"] = samples
    page.screenshot(path=str(SHOTS / "claim_checker_paragraph.png"))
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
        before = message_of(widget)
        actions(widget)[0]()
        expect(widget.locator(".course-message").first).not_to_have_text(before, timeout=20_000)
        assert "BEGIN SOLUTION" not in page.inner_text("body") and "Correct." not in page.inner_text("body")
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / f"voila_{Path(name).stem}.png"))
        assert page.uncaught == [], page.uncaught
        page.close()
    finally:
        stop(process)
