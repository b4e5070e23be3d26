"""Build the course website: the learner edition as static pages (Sphinx with myst-nb), into site/_build/html.

    python tools/build_site.py [--repo-url https://github.com/OWNER/REPO] [--out site/_build]

What it does:
1. stages the sources in ``<out>/source``: ``site/conf.py``, the learner notebooks of ``notebooks/`` (never the
   teacher edition) with one line on top saying that the controls come alive in JupyterLab or on Binder, a home page
   with the course map, the data dictionary, and the teacher's guide (TEACHING.md, which holds no answers);
2. fetches the widget JavaScript pinned in ``site/package.json`` from the npm registry (``npm ci``) and copies it
   into the site, so a page makes no request outside the site when it is viewed;
3. runs Sphinx (the notebooks are not executed: their stored outputs and widget states are shown).
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from course_map import map_table  # noqa: E402
from links import binder_link, is_configured  # noqa: E402
from utils.course import COURSE  # noqa: E402
from utils.paths import DATAPACKAGE, NOTEBOOKS_DIR  # noqa: E402

SITE = ROOT / "site"
DEFAULT_OUT = SITE / "_build"
WIDGET_FILES = {  # file in node_modules -> name on the site
    "requirejs/require.js": "require.js",
    "@jupyter-widgets/html-manager/dist/embed-amd.js": "embed-amd.js",
}
NOTICE_TAG = "site-notice"
CSS = """\
/* Widgets and tables of the course, readable from a phone to a 1024x768 projector. */
.cell_output .jupyter-widgets, .cell_output .widget-image img, .cell_output img { max-width: 100%; height: auto; }
.cell_output .course-widget { overflow-x: auto; }
.cell_output table { display: block; overflow-x: auto; max-width: 100%; }
.site-notice { border-left: 4px solid #0072B2; background: #eef3f8; padding: 0.4em 0.8em; }
"""


def notice(notebook_file: str, repo_url: str | None) -> str:
    """The line on top of every notebook page: static here, alive in JupyterLab or on Binder; and the links."""
    links = [f"{{download}}`Download the notebook <{notebook_file}>`"]
    if is_configured(repo_url):
        links.insert(0, f"[Open it on Binder]({binder_link(repo_url, notebook_file)})")
    return (f"<div class=\"site-notice\">\n\n*This page shows the notebook as it is stored: its tables and figures, "
            f"and the widgets as they open. The controls come alive when you open the notebook in JupyterLab or "
            f"on Binder, and only there can you answer the exercises.* {' · '.join(links)}\n\n</div>")


def plain_repo_links(text: str, documents: set[str], repo_url: str | None) -> str:
    """Links to files of the repository that are not pages of the site: to the repository if known, else plain."""
    def swap(match: re.Match) -> str:
        label, target = match.group(1), match.group(2)
        if re.match(r"[a-z]+:|#", target) or target in documents:
            return match.group(0)
        name = target.removeprefix("notebooks/")
        if name in documents:
            return f"[{label}]({name})"
        if is_configured(repo_url):
            return f"[{label}]({repo_url.rstrip('/')}/blob/main/{target})"
        return label if label.startswith("`") else f"{label} (`{target}` in the course files)"
    return re.sub(r"(?<!!)\[([^\]]+)\]\(([^)\s]+)\)", swap, text)


def home_page() -> str:
    toc = "\n".join(n.slug for n in COURSE)
    return f"""# Soviet foreign policy under Stalin, 1924–1953

A course in nine Jupyter notebooks on the foreign policy of the Soviet Union from Lenin's death to Stalin's:
"socialism in one country", collective security, the Nazi–Soviet pact, the wartime alliance, Yalta and Potsdam,
the early Cold War, the question of whom Stalin treated as an ally, and his legacy. Each notebook mixes a
narrative, short quotations of the sources, small cited datasets and interactive charts, and ends with exercises.

The course is written to answer popular accounts that get Stalin's foreign policy wrong. By the end you should be
able to take a claim such as "China was Stalin's key ally throughout his rule" and test it against dated evidence.

**Reading here.** These pages show the notebooks as they are stored, with their tables and figures. The widgets
show as they open; to move their controls, to run the code and to answer the exercises, open the notebooks in
JupyterLab on your own machine or on Binder (each page links to its notebook).

## The course map

{map_table()}

Also here: the [data dictionary](data.md), which says what every column of every dataset means, and the
[guide for teachers](teaching.md).

```{{toctree}}
:hidden:
:caption: Notebooks

{toc}
```

```{{toctree}}
:hidden:
:caption: Reference

data
teaching
```
"""


def data_dictionary() -> str:
    package = json.loads(DATAPACKAGE.read_text(encoding="utf-8"))
    parts = ["# The data dictionary", "",
             "Every dataset of the course is a CSV file in `data/`, described by a Table Schema in "
             "`data/datapackage.json`, from which this page is made. In a notebook, `load(\"events\")` reads a dataset "
             "and `describe(\"events\")` shows its columns.", ""]
    for resource in package["resources"]:
        parts += [f"## {resource['name']}: {resource.get('title', '')}", "",
                  f"`data/{resource['path']}`. One row is: {resource.get('description', '')}", "",
                  "| column | type | meaning |", "| --- | --- | --- |"]
        for field in resource["schema"]["fields"]:
            meaning = " ".join(field.get("description", "").split()).replace("|", "\\|")
            allowed = field.get("constraints", {}).get("enum")
            if allowed:
                meaning += " Allowed values: " + ", ".join(f"`{v}`" for v in allowed) + "."
            parts.append(f"| `{field['name']}` | {field.get('type', 'string')} | {meaning} |")
        parts.append("")
    return "\n".join(parts)


def stage(source: Path, repo_url: str | None) -> None:
    """Write the Sphinx sources of the site into ``source``."""
    if source.exists():
        shutil.rmtree(source)
    (source / "static").mkdir(parents=True)
    for name in ("conf.py", "favicon.svg"):
        shutil.copy(SITE / name, source / name)
    (source / "static" / "course.css").write_text(CSS, encoding="utf-8")
    documents = {n.filename for n in COURSE} | {"data.md", "teaching.md", "index.md"}
    for entry in COURSE:
        notebook = nbformat.read(NOTEBOOKS_DIR / entry.filename, as_version=4)
        for cell in notebook.cells:
            if cell.cell_type == "markdown":
                cell.source = plain_repo_links(cell.source, documents, repo_url)
        notebook.cells.insert(1, nbformat.v4.new_markdown_cell(notice(entry.filename, repo_url),
                                                               metadata={"tags": [NOTICE_TAG]}))
        nbformat.write(notebook, source / entry.filename)
    (source / "index.md").write_text(home_page(), encoding="utf-8")
    (source / "data.md").write_text(data_dictionary(), encoding="utf-8")
    teaching = (ROOT / "TEACHING.md").read_text(encoding="utf-8")
    (source / "teaching.md").write_text(plain_repo_links(teaching, documents, repo_url), encoding="utf-8")


def widget_javascript(target: Path) -> None:
    """Fetch the pinned widget JavaScript with npm (once) and copy it, with the fonts it loads, into ``target``."""
    modules = SITE / "node_modules"
    if not all((modules / name).exists() for name in WIDGET_FILES):
        command = ["npm", "ci"] if (SITE / "package-lock.json").exists() else ["npm", "install"]
        subprocess.run(command + ["--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error"], cwd=SITE,
                       check=True)
    target.mkdir(parents=True, exist_ok=True)
    for name, copied in WIDGET_FILES.items():
        shutil.copy(modules / name, target / copied)
    assets = modules / "@jupyter-widgets/html-manager/dist"
    for asset in assets.iterdir():  # the icon fonts embed-amd.js asks for, beside it
        if asset.suffix in (".woff", ".woff2", ".ttf", ".eot", ".svg"):
            shutil.copy(asset, target / asset.name)


def build(out: Path = DEFAULT_OUT, repo_url: str | None = None) -> Path:
    """Build the site; return the folder of its HTML pages."""
    source, html = out / "source", out / "html"
    stage(source, repo_url)
    widget_javascript(source / "widgets_js")
    if html.exists():
        shutil.rmtree(html)
    subprocess.run([sys.executable, "-m", "sphinx", "-b", "html", "-q", "-W", "--keep-going", "-j", "auto",
                    str(source), str(html)], check=True)
    return html


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo-url", help="the course's repository, for Binder links on every page")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    html = build(args.out, args.repo_url)
    print(f"site built: {html / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
