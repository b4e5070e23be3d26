"""The course website (make site): built from the learner edition, opened page by page in headless Chromium.

Every page loads with no request outside the site and no console error, every widget of a notebook renders in its
saved state, every internal link resolves, and no solution or stored "correct" feedback appears anywhere.
"""
from __future__ import annotations

import html
import sys
import urllib.parse
import urllib.request

import nbformat
import pytest

from browsing import BROWSER_MARKS, SHOTS, free_port, start, stop
from utils.course import COURSE
from utils.paths import NOTEBOOKS_DIR, PROJECT_ROOT, TEACHER_NOTEBOOKS_DIR

sys.path.insert(0, str(PROJECT_ROOT / "tools"))
import build_exercises  # noqa: E402
import build_site  # noqa: E402
import editions  # noqa: E402

pytestmark = [pytest.mark.slow, *BROWSER_MARKS]
PAGES = ["index.html", "data.html", "teaching.html", "search.html"] + [f"{n.slug}.html" for n in COURSE]
WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> str:
    """The site built into a scratch folder and served on localhost; yields its address."""
    out = tmp_path_factory.mktemp("site")
    html_dir = build_site.build(out)
    port = free_port()
    process = start([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1", "--directory",
                     str(html_dir)], f"http://127.0.0.1:{port}/index.html", out)
    yield f"http://127.0.0.1:{port}"
    stop(process)


def visit(browser, url: str, width: int = 1024, height: int = 768):
    """Open a page; record every request it makes, and its console errors."""
    page = browser.new_page(viewport={"width": width, "height": height})
    page.requests, page.errors = [], []
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.goto(url, wait_until="networkidle")
    return page


def saved_widgets(slug: str) -> int:
    notebook = nbformat.read(NOTEBOOKS_DIR / f"{slug}.ipynb", as_version=4)
    return sum(WIDGET_VIEW in output.get("data", {}) for cell in notebook.cells if cell.cell_type == "code"
               for output in cell.outputs)


def forbidden_texts() -> list[str]:
    """What must never appear on the site: every stored 'right' feedback, solution markers, rubrics, solutions."""
    texts = ["BEGIN SOLUTION", "END SOLUTION", "Rubric for the teacher", "Correct."]
    texts += [" ".join(spec["right"].split()) for spec in build_exercises.all_specs()]
    for path in sorted(TEACHER_NOTEBOOKS_DIR.glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            solution = editions.SOLUTION.search(cell.source)
            if solution and cell.cell_type == "code":  # the whole solution, and its lines that assign the answer
                texts.append(" ".join(solution.group(2).split()))
                texts += [line.strip() for line in solution.group(2).splitlines() if line.startswith("answer")]
    return texts


@pytest.mark.parametrize("page_name", PAGES)
def test_a_page_loads_from_the_site_alone_without_errors(site, browser, page_name):
    page = visit(browser, f"{site}/{page_name}")
    outside = [url for url in page.requests if not url.startswith(site) and not url.startswith(("data:", "blob:"))]
    assert not outside, f"{page_name} asked for {outside}"
    assert not page.errors, f"{page_name}: console errors {page.errors}"
    slug = page_name.removesuffix(".html")
    if slug in {n.slug for n in COURSE}:
        expected = saved_widgets(slug)
        page.wait_for_function(f"document.querySelectorAll('.course-widget, .course-quiz').length >= {expected}")
        assert page.locator(".course-widget, .course-quiz").count() == expected
        for image in page.locator(".course-widget img").all():  # the saved picture of each widget, decoded
            assert image.evaluate("img => img.complete && img.naturalWidth > 0")
        notice = page.locator(".site-notice")
        assert "The controls come alive when you open the notebook in JupyterLab or on Binder" in notice.inner_text()
        assert notice.locator("a", has_text="Download the notebook").count() == 1
    page.close()


def test_every_internal_link_resolves(site, browser):
    broken, seen = [], set()
    for page_name in PAGES:
        page = visit(browser, f"{site}/{page_name}")
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            target = href.split("#")[0]
            if not target.startswith(site) or target in seen:
                continue
            seen.add(target)
            try:
                urllib.request.urlopen(target, timeout=10)
            except Exception as error:
                broken.append(f"{page_name} -> {urllib.parse.unquote(href)}: {error}")
        page.close()
    assert not broken, "\n".join(broken)
    assert any(target.endswith(".ipynb") for target in seen), "the notebooks can be downloaded"


def test_no_solution_or_stored_feedback_anywhere_in_the_site(site, browser):
    found = []
    forbidden = forbidden_texts()
    for page_name in PAGES:
        page = visit(browser, f"{site}/{page_name}")
        text = " ".join(page.inner_text("body").split())
        source = html.unescape(page.content())
        found += [f"{page_name}: {t[:60]!r}" for t in forbidden if t in text]
        found += [f"{page_name}: a stored correct-feedback box" for _ in [1] if "course-correct" in source]
        page.close()
    assert not found, "\n".join(found)


def test_search_finds_a_notebook(site, browser):
    page = visit(browser, f"{site}/search.html?q=Rapallo")
    page.wait_for_selector("#search-results li", timeout=20_000)
    assert "Socialism in one country" in page.inner_text("#search-results")
    page.close()


@pytest.mark.parametrize("page_name, width, height", [("index.html", 1024, 768), ("03_nazi_soviet_pact.html", 1024, 768),
                                                      ("07_stalins_allies.html", 1024, 768),
                                                      ("07_stalins_allies.html", 390, 844)])
def test_pages_fit_a_projector_and_a_phone(site, browser, page_name, width, height):
    page = visit(browser, f"{site}/{page_name}", width, height)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 1, f"{page_name} is {overflow} px wider than a {width} px screen"
    widget = page.locator(".course-widget").first
    if widget.count():
        widget.scroll_into_view_if_needed()
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"site_{page_name.removesuffix('.html')}_{width}x{height}.png"))
    page.close()
