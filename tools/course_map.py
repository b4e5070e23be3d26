"""Write the parts of the course made from the course map (utils/course.py), or check that they are up to date.

    python tools/course_map.py          # write them
    python tools/course_map.py --check  # list the stale parts; exit 1 if there are any

Generated from the map:
- in every teacher notebook (and so in the learner edition): the navigation
  cells at the top and the bottom, the "Estimated time" line of the title
  cell, and in 00 the cell with the course map;
- the tables of the course in README.md and TEACHING.md, between
  ``<!-- course-map -->`` and ``<!-- /course-map -->``.
"""
from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from utils.course import BY_SLUG, COURSE, Notebook, neighbours  # noqa: E402
from utils.paths import TEACHER_NOTEBOOKS_DIR  # noqa: E402

NAVIGATION, MAP = "course-navigation", "course-map"
START, END = "<!-- course-map -->", "<!-- /course-map -->"
TIME_LINE = re.compile(r"^\*\*Estimated time:\*\* .*$", re.M)


def navigation(slug: str) -> str:
    """The navigation line of a notebook: previous, the course map in 00, next."""
    before, after = neighbours(slug)
    links = []
    if before:
        links.append(f"[← {before.label}]({before.filename})")
    if slug != COURSE[0].slug:
        links.append(f"[course map]({COURSE[0].filename})")
    if after:
        links.append(f"[{after.label} →]({after.filename})")
    return " · ".join(links)


def map_table(link_prefix: str = "") -> str:
    """The course as a markdown table: notebook (linked), period, the question."""
    rows = ["| notebook | period | the question |", "| --- | --- | --- |"]
    rows += [f"| [{n.label}]({link_prefix}{n.filename}) | {n.years} | {n.question} |" for n in COURSE]
    return "\n".join(rows)


def teaching_table() -> str:
    """The course for teachers: period, time, what students will be able to do."""
    rows = ["| notebook | period | time | students will be able to… |", "| --- | --- | --- | --- |"]
    rows += [f"| {n.label} | {n.years} | {n.minutes} min | {n.outcomes} |" for n in COURSE]
    return "\n".join(rows)


def _tagged(cell: nbformat.NotebookNode, tag: str) -> bool:
    return tag in cell.metadata.get("tags", [])


def _cell(text: str, tag: str) -> nbformat.NotebookNode:
    return nbformat.v4.new_markdown_cell(text, metadata={"tags": [tag]})


def generated_cells(notebook: Notebook, cells: list) -> list:
    """The cells of a teacher notebook with their generated parts made afresh from the map."""
    body = [c for c in cells if not (_tagged(c, NAVIGATION) or _tagged(c, MAP))]
    title = body[0]
    title.source = TIME_LINE.sub(f"**Estimated time:** {notebook.minutes} minutes  ", title.source)
    line = navigation(notebook.slug)
    result = [title, _cell(line, NAVIGATION)] + body[1:] + [_cell("---\n" + line, NAVIGATION)]
    if notebook.slug == COURSE[0].slug:
        anchor = next(i for i, c in enumerate(result) if c.cell_type == "markdown" and "## 2." in c.source)
        result.insert(anchor, _cell("## The course map\n\n" + map_table(), MAP))
    return result


def replace_between_markers(text: str, table: str, where: str) -> str:
    if START not in text or END not in text:
        raise SystemExit(f"{where}: no {START} … {END} markers")
    head, rest = text.split(START, 1)
    _, tail = rest.split(END, 1)
    return f"{head}{START}\n{table}\n{END}{tail}"


def documents() -> dict[Path, str]:
    readme, teaching = ROOT / "README.md", ROOT / "TEACHING.md"
    return {readme: replace_between_markers(readme.read_text(encoding="utf-8"), map_table("notebooks/"), "README.md"),
            teaching: replace_between_markers(teaching.read_text(encoding="utf-8"), teaching_table(), "TEACHING.md")}


def run(check: bool) -> list[str]:
    """Write (or only compare) every generated part; return the names of those that were stale."""
    stale = []
    for notebook in COURSE:
        path = TEACHER_NOTEBOOKS_DIR / notebook.filename
        nb = nbformat.read(path, as_version=4)
        before = [(c.cell_type, c.source) for c in nb.cells]
        nb.cells = generated_cells(notebook, nb.cells)
        if [(c.cell_type, c.source) for c in nb.cells] != before:
            stale.append(str(path.relative_to(ROOT)))
            if not check:
                nbformat.write(nb, path)
    for path, text in documents().items():
        if path.read_text(encoding="utf-8") != text:
            stale.append(path.name)
            if not check:
                path.write_text(text, encoding="utf-8")
    return stale


def main(arguments: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args(arguments)
    stale = run(args.check)
    if args.check and stale:
        print("made from the course map but out of date (run: python tools/course_map.py):", ", ".join(stale))
        return 1
    print(("stale: " if args.check else "written: ") + (", ".join(stale) or "none"))
    return 0


if __name__ == "__main__":
    assert set(BY_SLUG) == {p.stem for p in TEACHER_NOTEBOOKS_DIR.glob("*.ipynb")}, "the map and the notebooks differ"
    sys.exit(main(sys.argv[1:]))
