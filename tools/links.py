"""Print Binder and nbgitpuller links that open one notebook of the course (or of a student release).

    python tools/links.py https://github.com/OWNER/REPO [--hub https://hub.example.edu] [--branch main]

nbgitpuller (on a JupyterHub) clones the repository into the learner's home
once, and on later clicks merges updates without overwriting the learner's
own edits. Binder builds a temporary copy from environment.yml.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from urllib.parse import quote, urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from utils.course import COURSE  # noqa: E402

PLACEHOLDER_REPO = "https://github.com/OWNER/REPO"
PLACEHOLDER_HUB = "https://YOUR-HUB"


def is_configured(repo_url: str | None) -> bool:
    """Whether a repository address was given (not empty, not the placeholder)."""
    return bool(repo_url) and repo_url.rstrip("/") != PLACEHOLDER_REPO


def binder_link(repo_url: str, notebook: str, branch: str = "HEAD") -> str:
    owner_repo = repo_url.rstrip("/").removeprefix("https://github.com/")
    return f"https://mybinder.org/v2/gh/{owner_repo}/{branch}?urlpath={quote(f'lab/tree/notebooks/{notebook}')}"


def nbgitpuller_link(hub: str, repo_url: str, notebook: str, branch: str = "main") -> str:
    folder = repo_url.rstrip("/").rsplit("/", 1)[-1]
    query = urlencode({"repo": repo_url, "branch": branch, "urlpath": f"lab/tree/{folder}/notebooks/{notebook}"})
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def links_table(repo_url: str = PLACEHOLDER_REPO, hub: str = PLACEHOLDER_HUB, branch: str = "main") -> str:
    """A markdown table: each notebook with its Binder and nbgitpuller links."""
    rows = ["| notebook | Binder | JupyterHub (nbgitpuller) |", "| --- | --- | --- |"]
    for notebook in COURSE:
        rows.append(f"| {notebook.label} | [open on Binder]({binder_link(repo_url, notebook.filename)}) | "
                    f"[open on the hub]({nbgitpuller_link(hub, repo_url, notebook.filename, branch)}) |")
    return "\n".join(rows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("repo_url")
    parser.add_argument("--hub", help="your JupyterHub's address, for nbgitpuller links")
    parser.add_argument("--branch", default="main")
    args = parser.parse_args()
    for notebook in COURSE:
        print(notebook.filename)
        print("  Binder:      ", binder_link(args.repo_url, notebook.filename))
        if args.hub:
            print("  nbgitpuller: ", nbgitpuller_link(args.hub, args.repo_url, notebook.filename, args.branch))
    return 0


if __name__ == "__main__":
    sys.exit(main())
