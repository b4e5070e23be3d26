"""Plain-words hints for the commonest Python slips in the course's notebooks: an IPython extension.

A learner who types text without quotes, a date without quotes, a misspelt
column, or runs an exercise before the cell that imports the helpers gets one
short message saying what happened and what to do, instead of a traceback.
Other errors are shown as usual.

The course environment loads it in every kernel (``python -m utils.hints
--install`` writes the kernel configuration; ``make lab`` and Binder's
``postBuild`` run it), and ``import utils`` loads it too, so it works both
before and after a notebook's first cell has run.
"""
from __future__ import annotations

import difflib
import re
import sys
import traceback
from pathlib import Path
from types import TracebackType

PACKAGE_DIR = Path(__file__).resolve().parent
HELPERS = {"check", "grade", "quiz", "load", "describe", "list_datasets", "pd", "plt", "judge"}
CONFIG_LINE = 'c.InteractiveShellApp.extensions.append("utils.hints")  # written by python -m utils.hints --install'


class CodeSlip(Exception):
    """A common slip explained in plain words; IPython shows the explanation instead of a traceback."""

    def __init__(self, lines: list[str]):
        super().__init__(lines[0])
        self.lines = lines

    def _render_traceback_(self) -> list[str]:
        return self.lines


def _is_cell(filename: str) -> bool:
    """Whether code of this file is the learner's own cell, not a library or the course's helpers."""
    return not (filename.startswith(str(PACKAGE_DIR)) or "site-packages" in filename or "/lib/python" in filename)


def _in_learner_code(tb: TracebackType | None) -> bool:
    """Whether the error was raised by the learner's own cell (its innermost frame is a cell)."""
    frames = traceback.extract_tb(tb)
    return not frames or _is_cell(frames[-1].filename)


def _raised_by_pandas_lookup(tb: TracebackType | None) -> bool:
    """Whether a KeyError came from looking up a column of a table (pandas), called from the learner's cell."""
    frames = traceback.extract_tb(tb)
    return bool(frames) and "pandas" in frames[-1].filename and any(_is_cell(f.filename) for f in frames)


def _failing_line(tb: TracebackType | None) -> str:
    """The learner's line of code that raised the error ('' if unknown)."""
    cells = [f for f in traceback.extract_tb(tb) if _is_cell(f.filename)]
    return (cells[-1].line or "").strip() if cells else ""


def _quotes_hint(name: str, text: str) -> str:
    """The hint for words assigned without quotes: the line as it should be written."""
    return f'Hint: text must be in quotes, or Python reads each word as a name. Write: {name} = "{text.strip()}"'


def explain_syntax(error: SyntaxError) -> list[str]:
    """What a syntax error in a notebook cell most likely means."""
    line = (error.text or "").strip()
    where = f"Python could not read line {error.lineno} of this cell" + (f": {line}" if line else "") + "."
    message = str(error.msg)
    unquoted = re.fullmatch(r"(\w+)\s*=\s*([A-Za-z][^\"'\[\](){}=]*\s[^\"'\[\](){}=]*)", line)
    if unquoted and not isinstance(error, IndentationError):
        return [f"SyntaxError: {message}", where, _quotes_hint(unquoted.group(1), unquoted.group(2))]
    if isinstance(error, IndentationError):
        advice = "Remove the spaces at the start of the line (or add them, inside a block), then run the cell again."
    elif "leading zeros" in message:
        advice = ("A date must be written in quotes, like \"1939-08-23\". Without quotes Python reads 1939-08-23 "
                  "as numbers to subtract.")
    elif "unterminated string" in message or "EOL while scanning" in message:
        advice = "A text starts with a quote mark but does not end with one: put the same quote mark at its end."
    elif any(words in message for words in ("was never closed", "unmatched", "does not match", "incomplete input")):
        advice = "A bracket is not closed (or closed twice): every ( [ { needs its partner ) ] }."
    elif "forgot a comma" in message:
        advice = ("Items of a list are separated by commas, and each text needs quotes at both ends, "
                  "e.g. [\"Treaty of Rapallo\", \"Treaty of Berlin\"].")
    else:
        advice = ("If your answer is text, put it in quotes (\"like this\"); check that every quote mark and "
                  "bracket has its partner.")
    return [f"SyntaxError: {message}", where, "Hint: " + advice]


def explain_name(error: NameError, namespace: dict, line: str = "") -> list[str]:
    """What an unknown name most likely means: text without quotes, a cell not run yet, or a misspelling."""
    name = getattr(error, "name", None)
    if not name:
        text = str(error)
        name = text.split("'")[1] if text.count("'") >= 2 else text
    head = f"NameError: Python does not know the name {name}."
    if name in HELPERS:
        return [head, f"Hint: {name} comes from the first code cell of the notebook, the one that starts with "
                      "import. Run that cell first (or Run → Run All Above Selected Cell), then this one again."]
    known = [k for k in namespace if not k.startswith("_") and isinstance(k, str)]
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.8)
    if close:
        return [head, f"Hint: did you mean {close[0]}? Names must be spelt exactly, capital letters included."]
    assigned = re.fullmatch(r"(\w+)\s*=\s*([^\"'\[\]()]+)", line)
    if assigned and " " in assigned.group(2).strip():
        return [head, _quotes_hint(assigned.group(1), assigned.group(2))]
    return [head, f"Hint: if {name} is part of your answer in words, put it in quotes: \"{name}\". If it is a table "
                  "or a value made by an earlier cell, run the cells above this one first (Run → Run All Above "
                  "Selected Cell)."]


def explain_key(error: KeyError, namespace: dict) -> list[str] | None:
    """A column that does not exist: the closest column of the tables in the notebook, or None if it is not that."""
    if not error.args or not isinstance(error.args[0], str):
        return None
    key = error.args[0]
    tables = {name: value for name, value in namespace.items()
              if not name.startswith("_") and hasattr(value, "columns") and hasattr(value, "dtypes")}
    for name, table in tables.items():
        columns = [str(c) for c in table.columns]
        close = difflib.get_close_matches(key, columns, n=1, cutoff=0.6)
        if close:
            return [f"KeyError: there is no column '{key}'.",
                    f"Hint: did you mean '{close[0]}'? The columns of {name} are: {', '.join(columns)}."]
    if tables:
        name, table = next(iter(tables.items()))
        return [f"KeyError: there is no column '{key}'.",
                f"Hint: check the spelling. The columns of {name} are: {', '.join(map(str, table.columns))}."]
    return None


def _handler(shell, etype, value, tb, tb_offset=None):
    lines = None
    if hasattr(value, "_render_traceback_"):
        pass  # the course's own errors already explain themselves
    elif isinstance(value, SyntaxError):
        lines = explain_syntax(value)
    elif isinstance(value, NameError) and _in_learner_code(tb):
        lines = explain_name(value, shell.user_ns, _failing_line(tb))
    elif isinstance(value, KeyError) and _raised_by_pandas_lookup(tb):
        lines = explain_key(value, shell.user_ns)
    if lines is None:
        shell.showtraceback((etype, value, tb), tb_offset=tb_offset)
    else:
        shell.showtraceback((CodeSlip, CodeSlip(lines), None))
    return None


def load_ipython_extension(shell) -> None:
    """Register the hints with an IPython shell (``%load_ext utils.hints``)."""
    shell.set_custom_exc((SyntaxError, NameError, KeyError), _handler)


def install(prefix: str = sys.prefix) -> Path:
    """Make every IPython kernel of this environment load the hints at start (idempotent)."""
    config = Path(prefix) / "etc" / "ipython" / "ipython_kernel_config.py"
    config.parent.mkdir(parents=True, exist_ok=True)
    text = config.read_text(encoding="utf-8") if config.exists() else "c = get_config()  # noqa: F821\n"
    if CONFIG_LINE not in text:
        config.write_text(text.rstrip("\n") + "\n" + CONFIG_LINE + "\n", encoding="utf-8")
    return config


def register(shell) -> None:
    """Load the hints into an IPython shell unless it already has a handler of its own (``import utils`` calls this)."""
    if getattr(shell, "custom_exceptions", ()) == ():
        load_ipython_extension(shell)


if __name__ == "__main__":
    if sys.argv[1:] == ["--install"]:
        print(f"hints installed: {install()}")
    else:
        sys.exit("usage: python -m utils.hints --install")
