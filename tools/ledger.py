"""The verification ledger (teacher/ledger/*.csv): which data rows were checked, against what, with what result.

    python tools/ledger.py            # list rows without a ledger entry, and entries without a row
    python tools/ledger.py events     # the same for one dataset
"""
from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from utils.data import list_datasets, row_keys  # noqa: E402

LEDGER_DIR = ROOT / "teacher" / "ledger"
COLUMNS = ["dataset", "key", "checked_on", "source_checked", "result", "note"]
RESULTS = {"confirmed", "corrected", "qualified"}


def entries() -> list[dict]:
    """Every ledger entry, with the file and line it came from."""
    found = []
    for path in sorted(LEDGER_DIR.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                found.append({**row, "_where": f"{path.name}:{line}"})
    return found


def problems(only: str | None = None) -> list[str]:
    """Everything wrong with the ledger: rows never checked, entries of no row, malformed entries."""
    found: list[str] = []
    by_dataset: dict[str, set[str]] = {}
    for entry in entries():
        where = entry["_where"]
        missing = [c for c in COLUMNS if not (entry.get(c) or "").strip() and c != "note"]
        if missing:
            found.append(f"{where}: empty {', '.join(missing)}")
        if entry.get("result") not in RESULTS:
            found.append(f"{where}: result '{entry.get('result')}' is not one of {sorted(RESULTS)}")
        try:
            date.fromisoformat(entry.get("checked_on") or "")
        except ValueError:
            found.append(f"{where}: checked_on '{entry.get('checked_on')}' is not a date YYYY-MM-DD")
        by_dataset.setdefault(entry.get("dataset", ""), set()).add(entry.get("key", ""))
    datasets = list_datasets()
    for name in sorted(set(by_dataset) - set(datasets)):
        found.append(f"ledger names a dataset that does not exist: '{name}'")
    for name in datasets:
        if only and name != only:
            continue
        keys = set(row_keys(name))
        checked = by_dataset.get(name, set())
        found += [f"{name}: row '{k}' has no ledger entry" for k in sorted(keys - checked)]
        found += [f"{name}: ledger entry for '{k}', which is not a row of the data" for k in sorted(checked - keys)]
    return found


def main(arguments: list[str]) -> int:
    listed = problems(arguments[0] if arguments else None)
    print("\n".join(listed) if listed else "every row has a ledger entry")
    return 1 if listed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
