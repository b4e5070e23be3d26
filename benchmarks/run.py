"""Benchmark what learners and CI wait for, and print a small table (medians over repeated runs).

    python benchmarks/run.py [--repeats 3] [--changes 40] [--skip-nbval] [--only widgets] [--png-cache]

1. Course validation vs its floor: strict nbval over every course notebook,
   against the same number of notebooks that only import pandas, matplotlib,
   ipywidgets and utils (kernel start and imports: the floor).
2. Widget response: for every widget in utils.widgets, the time from a
   control change to the widget's output being rebuilt, in the kernel's process.
3. Import cost of ``import utils`` on top of pandas, matplotlib and ipywidgets,
   and of the first dataset load.
4. Footprint of the runtime environment (requirements.txt and what it pulls in).
"""
from __future__ import annotations

import argparse
import importlib
import inspect
import itertools
import pkgutil
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
PARTS = ("nbval", "widgets", "import", "footprint")
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
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
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


def widget_classes() -> list[type]:
    import utils.widgets
    from utils.widgets.base import CourseWidget

    found = []
    for module_info in pkgutil.iter_modules(utils.widgets.__path__):
        module = importlib.import_module(f"utils.widgets.{module_info.name}")
        for _, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, CourseWidget) and cls is not CourseWidget and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def control_values(control) -> list:
    """A cycle of values for one control: every option, or steps along a slider."""
    import ipywidgets as w

    if isinstance(control, (w.Dropdown, w.RadioButtons, w.ToggleButtons, w.SelectionSlider)):
        return list(control._options_values)
    if isinstance(control, w.SelectMultiple):
        values = list(control._options_values)
        return [tuple(values[: i + 1]) for i in range(len(values))] + [tuple(values)]
    if isinstance(control, w.IntRangeSlider):
        low, high = control.min, control.max
        return [(a, min(high, a + span)) for a in range(low, high + 1, max(1, (high - low) // 8))
                for span in (0, 3, high - low)]
    if isinstance(control, w.IntSlider):
        return list(range(control.min, control.max + 1, max(1, (control.max - control.min) // 20)))
    if isinstance(control, (w.Checkbox, w.ToggleButton)):
        return [True, False]
    return []


def bench_widgets(changes: int, png_cache: bool = False) -> list[dict]:
    """Time each change. Widgets that keep recent PNGs (``png_cache_size``) have that cache turned off
    unless ``png_cache``: the plan revisits some states, and the figure should be the cost of a new state."""
    rows = []
    for cls in widget_classes():
        widget = cls()
        if not png_cache and getattr(widget, "png_cache_size", 0):
            widget.png_cache_size = 0
            widget._png_cache.clear()
        cycles = [(name, values) for name, control in widget.controls.items()
                  if (values := control_values(control))]
        plan = list(itertools.islice(itertools.cycle(
            [(name, value) for name, values in cycles for value in values]), changes))
        samples = []
        for name, value in plan:
            control = widget.controls[name]
            if control.value == value:
                continue
            started = time.perf_counter()
            control.value = value
            samples.append((time.perf_counter() - started) * 1000)
        if samples:
            median, p95 = median_p95(samples)
            rows.append({"widget": cls.__name__, "changes": len(samples), "median_ms": median, "p95_ms": p95})
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
                  f"{row['median_ms']:.1f} / {row['p95_ms']:.1f} ms | < 30 / < 80 ms |")
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
