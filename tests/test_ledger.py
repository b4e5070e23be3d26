"""The verification ledger: every row of every dataset has been checked against a named source."""
from __future__ import annotations

import csv
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))

import ledger  # noqa: E402


def test_every_row_has_a_ledger_entry_and_every_entry_a_row():
    assert ledger.problems() == []


def test_a_row_without_an_entry_is_named(tmp_path, monkeypatch):
    for path in ledger.LEDGER_DIR.glob("*.csv"):
        rows = list(csv.DictReader(path.open(encoding="utf-8", newline="")))
        kept = [r for r in rows if not (r["dataset"] == "events" and r["key"] == "1939_molotov_ribbentrop_pact")]
        with (tmp_path / path.name).open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=ledger.COLUMNS)
            writer.writeheader()
            writer.writerows({c: r.get(c, "") for c in ledger.COLUMNS} for r in kept)
    (tmp_path / "broken.csv").write_text("dataset,key,checked_on,source_checked,result,note\n"
                                         "treaties,1922_rapallo,yesterday,a book,fine,\n", encoding="utf-8")
    monkeypatch.setattr(ledger, "LEDGER_DIR", tmp_path)
    found = ledger.problems()
    assert "events: row '1939_molotov_ribbentrop_pact' has no ledger entry" in found
    assert any("checked_on 'yesterday' is not a date" in p for p in found)
    assert any("result 'fine' is not one of" in p for p in found)
