"""The course map: the notebooks in order, one entry each. Everything that lists the notebooks is made from it.

``tools/course_map.py`` writes it into the navigation cells of every notebook,
the map in notebook 00, the tables of README.md and TEACHING.md and the
website's contents; the tests and tools take their list of notebooks from here.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Notebook:
    """One notebook of the course."""

    slug: str  # file name without .ipynb, e.g. "03_nazi_soviet_pact"
    title: str  # "The Nazi–Soviet pact"
    years: str  # the period it covers, "1939–1941"
    question: str  # the question it answers
    minutes: str  # estimated time in minutes, "75–90"
    outcomes: str  # "students will be able to …"

    @property
    def number(self) -> str:
        return self.slug[:2]

    @property
    def filename(self) -> str:
        return f"{self.slug}.ipynb"

    @property
    def label(self) -> str:
        """'03 · The Nazi–Soviet pact'."""
        return f"{self.number} · {self.title}"


COURSE: tuple[Notebook, ...] = (
    Notebook("00_start_here", "Start here", "1924–1953",
             "How does the course work, and what happened when?", "30",
             "run cells and widgets; place the era's turning points on a timeline; find their way in the datasets"),
    Notebook("01_socialism_in_one_country", "Socialism in one country", "1924–1933",
             "How did a revolutionary state find a place among the powers?", "60–75",
             "explain the recognition wave, the \"dual policy\" of diplomacy and Comintern, Rapallo and Berlin, "
             "and the belt of non-aggression pacts"),
    Notebook("02_collective_security", "Collective security", "1934–1938",
             "Why did the USSR seek allies against Hitler, and why did it fail?", "60–75",
             "explain the turn to the League and to pacts with France and Czechoslovakia, Soviet policy in Spain "
             "and China, and Munich"),
    Notebook("03_nazi_soviet_pact", "The Nazi–Soviet pact", "1939–1941",
             "What did Stalin gain from the pact, and at whose cost?", "75–90",
             "explain the 1939 negotiations, the pact and its secret protocol, the territories taken 1939–1940 "
             "and at what human cost"),
    Notebook("04_grand_alliance", "The Grand Alliance", "1941–1945",
             "What held the wartime alliance together, and what strained it?", "75–90",
             "weigh what held the alliance together (Lend-Lease, the common enemy) and what strained it "
             "(the second front, Poland)"),
    Notebook("05_yalta_and_potsdam", "Yalta and Potsdam", "1945",
             "What was decided in 1945, and what became of it?", "60–75",
             "say what was decided in 1945 on Poland, Germany, reparations, the UN and the Far East, and what "
             "became of each decision"),
    Notebook("06_cold_war", "The early Cold War", "1946–1953",
             "Action and reaction: how did the wartime allies become enemies?", "75–90",
             "trace the sequence of Soviet and Western moves from Iran 1946 to the Stalin Note, and argue about "
             "action and reaction"),
    Notebook("07_stalins_allies", "Stalin's allies", "1924–1953",
             "Whom did Stalin treat as an ally, and on what terms?", "90",
             "answer, from the data, whom Stalin treated as an ally and on what terms, from Germany 1939 to "
             "China 1950"),
    Notebook("08_legacy_and_sources", "Legacy and sources", "after 1953",
             "What outlived Stalin, and how do we judge claims about him?", "75–90",
             "tell the schools of interpretation apart and test popular claims against the evidence, sentence "
             "by sentence"),
)
BY_SLUG = {notebook.slug: notebook for notebook in COURSE}


def neighbours(slug: str) -> tuple[Notebook | None, Notebook | None]:
    """The notebooks before and after this one (None at either end)."""
    index = [n.slug for n in COURSE].index(slug)
    before = COURSE[index - 1] if index > 0 else None
    after = COURSE[index + 1] if index + 1 < len(COURSE) else None
    return before, after


def filenames() -> list[str]:
    """'00_start_here.ipynb', … in course order."""
    return [notebook.filename for notebook in COURSE]
