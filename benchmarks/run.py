"""Benchmark what learners and CI wait for, and print a small table (medians over repeated runs).

    python benchmarks/run.py [--repeats 3] [--changes 40] [--skip-nbval] [--only widgets] [--png-cache] [--browser-as-recorded]

1. Course validation vs its floor: strict nbval over every course notebook (both editions),
   against the same number of notebooks that only import pandas, matplotlib,
   ipywidgets and utils (kernel start and imports: the floor).
2. Widget response: for every widget in utils.widgets, the time from a
   control change to the widget's output being rebuilt, in the kernel's process
   (``browser``: the same in JupyterLab, from the learner's action to the new
   picture decoded, as tests/test_browser.py records it).
3. The claim engine on a paragraph of ten claims.
4. Import cost of ``import utils`` on top of pandas, matplotlib and ipywidgets,
   and of the first dataset load.
5. Footprint of the runtime environment (requirements.txt and what it pulls in).
"""
from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
NBVAL = ["--nbval", "--nbval-current-env", "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"),
         "-p", "no:cacheprovider", "-q"]
PARTS = ("nbval", "widgets", "browser", "claims", "import", "footprint")
BROWSER_TIMINGS = ROOT / "benchmarks" / "results" / "browser.json"
FLOOR_CELL = "import pandas, matplotlib.pyplot, ipywidgets, utils\nprint('ready')"


def median_p95(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def timed(command: list[str], cwd: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(command)}\n{result.stdout[-2000:]}")
    return elapsed


def floor_notebooks(folder: Path, count: int) -> None:
    import nbformat
    from nbclient import NotebookClient

    for index in range(count):
        notebook = nbformat.v4.new_notebook()
        notebook.cells = [nbformat.v4.new_code_cell(FLOOR_CELL)]
        notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
        NotebookClient(notebook, kernel_name="python3").execute()
        nbformat.write(notebook, folder / f"floor_{index:02d}.ipynb")


def bench_validation(repeats: int) -> dict:
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb")) + sorted(
        (ROOT / "teacher" / "notebooks").glob("[0-9][0-9]_*.ipynb"))  # both editions, as make test validates
    course, floor = [], []
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        floor_notebooks(folder, len(notebooks))
        for _ in range(repeats):
            course.append(timed([sys.executable, "-m", "pytest", *map(str, notebooks), *NBVAL], ROOT))
            floor.append(timed([sys.executable, "-m", "pytest", str(folder), *NBVAL], ROOT))
    course_median, floor_median = statistics.median(course), statistics.median(floor)
    return {"notebooks": len(notebooks), "course_s": course_median, "floor_s": floor_median,
            "ratio": course_median / floor_median}


def bench_widgets(changes: int, png_cache: bool = False) -> list[dict]:
    """Time each control change of every widget, through the plan the legibility tests also check.

    The PNG cache of the widgets is off unless ``png_cache``: the plan revisits some states, and a change should
    cost what a new state costs."""
    from utils.widgets import base
    from utils.widgets.states import walk, widget_classes

    if not png_cache:
        base.PNG_CACHE_SIZE = 0
    rows = []
    for cls in widget_classes():
        widget = cls()
        samples = []
        started = time.perf_counter()
        for _ in walk(widget, changes):  # walk yields right after each change has been shown
            samples.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
        if samples:
            median, p95 = median_p95(samples)
            rows.append({"widget": cls.__name__, "changes": len(samples), "median_ms": median, "p95_ms": p95})
    return rows


PARAGRAPH = ("Stalin supported communist insurgencies in Korea, Vietnam and Cuba. China was Stalin's key ally "
             "throughout his rule. The USSR was neutral towards Germany until 1941. Yalta and Potsdam divided Europe "
             "into spheres of influence. The Sino-Soviet relationship soured only after Stalin died. Stalin built "
             "strong relations with communist Vietnam, Laos and Cambodia. Britain and the Soviet Union became allies "
             "in July 1941. The USSR signed a non-aggression pact with Japan in 1941. Stalin blockaded West Berlin "
             "in 1948. Stalin crushed the Hungarian revolution.")


def bench_claims(repeats: int) -> dict:
    """The claim engine on a ten-sentence paragraph: the first call in a fresh process (data loaded and indexed)
    and later calls."""
    script = ("import time\nfrom utils.claims import judge\ntext = " + repr(PARAGRAPH) + "\n"
              "t = time.perf_counter(); judge(text); a = time.perf_counter() - t\n"
              "t = time.perf_counter(); [judge(text) for _ in range(5)]; b = (time.perf_counter() - t) / 5\n"
              "print(a * 1000, b * 1000)")
    samples = [tuple(map(float, subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                               cwd=ROOT, check=True).stdout.split())) for _ in range(repeats)]
    return {"first_ms": statistics.median(s[0] for s in samples), "later_ms": statistics.median(s[1] for s in samples)}


def bench_browser(run: bool) -> list[dict]:
    """Response in JupyterLab: from a control change to the new picture decoded, per widget, as the browser test
    (tests/test_browser.py) records it; ``run`` runs that test first, else the last recorded run is read."""
    if run:
        subprocess.run([sys.executable, "-m", "pytest", "tests/test_browser.py", "-q", "-p", "no:cacheprovider",
                        "-k", "respond_in_jupyterlab or claim_checker"], cwd=ROOT, check=False, capture_output=True)
    if not BROWSER_TIMINGS.exists():
        return []
    rows = []
    for label, samples in json.loads(BROWSER_TIMINGS.read_text()).items():
        if samples:
            median, p95 = median_p95(samples)
            rows.append({"widget": label, "changes": len(samples), "median_ms": median, "p95_ms": p95})
    return rows


def bench_import(repeats: int) -> dict:
    script = ("import time, pandas, matplotlib, matplotlib.pyplot, ipywidgets\n"
              "t = time.perf_counter(); import utils; a = time.perf_counter() - t\n"
              "t = time.perf_counter(); utils.load('events'); b = time.perf_counter() - t\n"
              "print(a * 1000, b * 1000)")
    samples = [tuple(map(float, subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                                               cwd=ROOT, check=True).stdout.split())) for _ in range(repeats)]
    return {"import_ms": statistics.median(s[0] for s in samples),
            "first_load_ms": statistics.median(s[1] for s in samples)}


def requirement_names(path: Path) -> list[str]:
    names = []
    for line in path.read_text().splitlines():
        match = re.match(r"^([A-Za-z0-9_.\-]+)==", line)
        if match:
            names.append(match.group(1))
    return names


def bench_footprint() -> dict:
    def key(name: str) -> str:
        return re.sub(r"[-_.]+", "-", name).lower()

    seen, todo = set(), [key(n) for n in requirement_names(ROOT / "requirements.txt")]
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        seen.add(name)
        for requirement in dist.requires or []:
            if "extra ==" in requirement:
                continue
            todo.append(key(re.split(r"[\s;<>=!~\[(]", requirement, maxsplit=1)[0]))
    size = 0
    for name in seen:
        dist = metadata.distribution(name)
        for file in dist.files or []:
            located = Path(dist.locate_file(file))
            if located.is_file():
                size += located.stat().st_size
    return {"direct": len(requirement_names(ROOT / "requirements.txt")), "with_dependencies": len(seen),
            "size_mb": size / 1e6}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--changes", type=int, default=40)
    parser.add_argument("--skip-nbval", action="store_true", help="skip the (slow) course validation timing")
    parser.add_argument("--only", choices=PARTS, action="append",
                        help="run only this part (repeatable), e.g. --only widgets")
    parser.add_argument("--png-cache", action="store_true",
                        help="time widgets with their PNG cache on (repeated states then cost almost nothing)")
    parser.add_argument("--browser-as-recorded", action="store_true",
                        help="read the browser timings of the last browser test run instead of running it")
    args = parser.parse_args()
    parts = set(args.only or PARTS)
    if args.skip_nbval:
        parts.discard("nbval")

    print("| measure | figure | target |\n| --- | --- | --- |")
    if "nbval" in parts:
        v = bench_validation(args.repeats)
        print(f"| strict nbval, {v['notebooks']} course notebooks (median of {args.repeats}) | {v['course_s']:.1f} s | |")
        print(f"| floor: {v['notebooks']} notebooks importing pandas, matplotlib, ipywidgets, utils | {v['floor_s']:.1f} s | |")
        print(f"| ratio course / floor | {v['ratio']:.2f} | ≤ 1.3 |")
    if "widgets" in parts:
        for row in bench_widgets(args.changes, args.png_cache):
            cache = ", PNG cache on" if args.png_cache else ""
            print(f"| widget {row['widget']}: {row['changes']} changes{cache}, median / p95 | "
                  f"{row['median_ms']:.1f} / {row['p95_ms']:.1f} ms | p95 < 100 ms |")
    if "browser" in parts:
        for row in bench_browser(not args.browser_as_recorded):
            print(f"| browser: {row['widget']}, {row['changes']} changes, median / p95 | "
                  f"{row['median_ms']:.0f} / {row['p95_ms']:.0f} ms | well under 100 ms |")
    if "claims" in parts:
        c = bench_claims(max(args.repeats, 3))
        print(f"| claim engine, 10-sentence paragraph: first call in a new kernel / later calls | "
              f"{c['first_ms']:.0f} / {c['later_ms']:.0f} ms | < 300 / < 100 ms |")
    if "import" in parts:
        i = bench_import(max(args.repeats, 5))
        print(f"| `import utils` after pandas, matplotlib, ipywidgets | {i['import_ms']:.1f} ms | < 50 ms |")
        print(f"| first `utils.load('events')` (parse and validate) | {i['first_load_ms']:.1f} ms | |")
    if "footprint" in parts:
        f = bench_footprint()
        print(f"| runtime packages: direct / with dependencies | {f['direct']} / {f['with_dependencies']} | |")
        print(f"| runtime environment size (installed files) | {f['size_mb']:.0f} MB | |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
