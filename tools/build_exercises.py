"""Build the sealed exercise bank (utils/exercise_bank/NN.json) from teacher/exercises/NN.toml.

    python tools/build_exercises.py          # rebuild every bank
    python tools/build_exercises.py --check  # fail if a bank is out of date

Each TOML file holds ``[[exercise]]`` tables:

    id = "01.us_recognition"        # "<notebook number>.<slug>"
    kind = "year"                   # choice | number | year | date | order | items
    prompt = "In which year did the United States recognise the USSR?"
    answer = 1933                   # order: the items earliest first; items: a list
    tolerance = 0                   # number/year: +- in the answer's unit; date: days
    options = ["…", "…"]            # choice only
    column = "treaty_id"            # items only: the column to read from a DataFrame
    right = "Why the answer is right, tied to the evidence."
    hint = "What to look at again when the answer is wrong."
    [exercise.wrong]                # optional: feedback for particular wrong answers
    "1924" = "That is the year Britain, Italy and France recognised the USSR."
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import tomllib
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from utils.answers import normalise  # noqa: E402
from utils.exercises import BANK_DIR  # noqa: E402
from utils.sealing import digest, seal  # noqa: E402

SOURCE_DIR = ROOT / "teacher" / "exercises"
REQUIRED = ("id", "kind", "prompt", "answer", "right", "hint")


def accepted_forms(spec: dict) -> list[str]:
    """Every normalised answer that counts as right."""
    kind, answer, tolerance = spec["kind"], spec["answer"], spec.get("tolerance", 0)
    if kind == "number":
        step = spec["step"]
        low, high = math.ceil((answer - tolerance) / step - 1e-9), math.floor((answer + tolerance) / step + 1e-9)
        return [str(b) for b in range(low, high + 1)]
    if kind == "year":
        return [str(y) for y in range(answer - tolerance, answer + tolerance + 1)]
    if kind == "date":
        day = date.fromisoformat(str(answer))
        return [(day + timedelta(days=d)).isoformat() for d in range(-tolerance, tolerance + 1)]
    return normalise(spec, answer)


def build_entry(spec: dict) -> dict:
    missing = [k for k in REQUIRED if k not in spec]
    if missing:
        raise ValueError(f"exercise {spec.get('id', '?')}: missing {', '.join(missing)}")
    entry = {k: spec[k] for k in ("id", "kind", "prompt") if k in spec}
    if spec["kind"] == "number":
        # Buckets a tenth of the tolerance wide, so a near miss is not rounded into the right answer.
        spec = {**spec, "step": spec.get("step") or max(spec.get("tolerance", 0) / 10, 1e-9)}
        entry["step"] = spec["step"]
    if spec["kind"] == "order":
        spec = {**spec, "options": sorted(spec["answer"])}
    for key in ("options", "column"):
        if key in spec:
            entry[key] = spec[key]
    salt = spec["id"]
    entry["accepted"] = {digest(salt, form): seal(spec["right"], form) for form in accepted_forms(spec)}
    entry["wrong"] = {}
    for wrong_answer, feedback in spec.get("wrong", {}).items():
        value = int(wrong_answer) if spec["kind"] == "year" else wrong_answer
        value = float(wrong_answer) if spec["kind"] == "number" else value
        for form in normalise(spec, value):
            if digest(salt, form) not in entry["accepted"]:
                entry["wrong"][digest(salt, form)] = seal(feedback, form)
    if spec["kind"] == "items":  # so that a partly right answer can be told which of its items are right
        items = normalise(spec, spec["answer"])[0].split("\x1e")
        entry["items"] = {"count": len(items), "digests": sorted(digest(salt + "\x1fitem", i) for i in items)}
    entry["hint"] = spec["hint"]
    return entry


def read_specs(source: Path) -> list[dict]:
    """The exercises of one source file, as written (answers and feedback readable)."""
    return tomllib.loads(source.read_text(encoding="utf-8")).get("exercise", [])


def all_specs() -> list[dict]:
    """Every exercise of every source file, in course order."""
    return [spec for source in sorted(SOURCE_DIR.glob("*.toml")) for spec in read_specs(source)]


def build(source: Path) -> list[dict]:
    specs = read_specs(source)
    prefix = source.stem
    for spec in specs:
        if not spec.get("id", "").startswith(prefix + "."):
            raise ValueError(f"{source.name}: exercise id {spec.get('id')!r} must start with '{prefix}.'")
    return [build_entry(spec) for spec in specs]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check that the banks are up to date")
    args = parser.parse_args()
    stale = []
    BANK_DIR.mkdir(exist_ok=True)
    for source in sorted(SOURCE_DIR.glob("*.toml")):
        text = json.dumps(build(source), indent=1, ensure_ascii=False) + "\n"
        target = BANK_DIR / f"{source.stem}.json"
        if args.check:
            if not target.exists() or target.read_text(encoding="utf-8") != text:
                stale.append(target.name)
        else:
            target.write_text(text, encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
    if stale:
        print("out of date (run: python tools/build_exercises.py):", ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
