"""The narrative agrees with the data, and the data with itself: dates, allies, breaks and restorations.

The checkers live in tests/prose.py. Each is also run on the text and rows that
an independent fact check found wrong (findings 6 and 8 of the accuracy
review), to show that it catches them.
"""
from __future__ import annotations

import re

import nbformat
import pandas as pd
import pytest

from prose import ally_disagreements, date_disagreements, narrative
from utils.course import filenames
from utils.data import load
from utils.paths import NOTEBOOKS_DIR, TEACHER_NOTEBOOKS_DIR
from utils.tables import ALLY_DEFINITION

# Dates the narrative gives for something else than the data row its words name, each with the reason.
EXCEPTIONS = {
    "5 March 1940: the data dates 'Katyn massacre":
        "the Politburo decision of 5 March 1940 that ordered the killings; the data dates the killings themselves "
        "(April–May 1940) and names the decision in the row's summary",
}


def teacher(name: str):
    return nbformat.read(TEACHER_NOTEBOOKS_DIR / name, as_version=4).cells


@pytest.mark.parametrize("name", filenames())
def test_dates_in_the_narrative_agree_with_the_data(name):
    problems = date_disagreements(narrative(teacher(name)), EXCEPTIONS)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", filenames())
def test_what_the_narrative_says_of_allies_agrees_with_the_data(name):
    problems = ally_disagreements(narrative(teacher(name)))
    assert not problems, "\n".join(problems)


def test_the_notebooks_use_one_definition_of_an_ally():
    defining = [name for name in filenames() if ALLY_DEFINITION in narrative(teacher(name))]
    assert {"04_grand_alliance.ipynb", "07_stalins_allies.ipynb"} <= set(defining)
    for name in filenames():
        text = narrative(teacher(name))
        for other in ("Only two types in the course data", "we call a state an *ally*", "an ally is a state"):
            assert other not in text, f"{name} defines an ally in other words: {other!r}"
    assert ALLY_DEFINITION in "".join(c.source for c in nbformat.read(NOTEBOOKS_DIR / "07_stalins_allies.ipynb",
                                                                     as_version=4).cells)


def test_an_event_and_its_recognition_row_give_the_same_date():
    problems = recognition_event_disagreements(load("events"), load("recognitions"))
    assert not problems, "\n".join(problems)


def test_relations_restored_only_after_a_break():
    problems = restorations_without_breaks(load("recognitions"))
    assert not problems, "\n".join(problems)


# ----------------------------------------------------------------- the checkers catch what the review found

OLD_07_KEY_POINT = ("Nazi Germany was a treaty partner in 1939–1941, never an ally; Britain became one by the treaty "
                    "of 1942, the United States only through the wartime coalition, without a treaty of alliance.")


def test_finding_6_the_old_key_point_of_07_is_caught():
    assert ally_disagreements(OLD_07_KEY_POINT), "Britain's first alliance is the agreement of 12 July 1941"


def test_finding_8_the_old_data_is_caught():
    old_events = pd.DataFrame({"event_id": ["1927_uk_breaks_relations"], "date": [pd.Timestamp("1927-05-01")],
                               "date_precision": ["month"], "category": ["recognition"],
                               "countries": [["Soviet Union", "United Kingdom"]],
                               "title": ["Britain breaks off relations with the USSR"]})
    old_recognitions = pd.DataFrame({"country": ["United Kingdom", "Republic of China"],
                                     "date": [pd.Timestamp("1927-05-26"), pd.Timestamp("1932-12-12")],
                                     "date_precision": ["day", "day"],
                                     "action": ["relations broken", "relations restored"]})
    assert recognition_event_disagreements(old_events, old_recognitions)
    assert restorations_without_breaks(old_recognitions) == [
        "Republic of China: relations restored on 1932-12-12, but the data has no break before it"]


def test_a_wrong_date_beside_a_named_fact_is_caught():
    assert date_disagreements("The German-Soviet non-aggression pact was signed on 24 August 1939.")
    assert date_disagreements("The Winter War, the Soviet invasion of Finland, began on 30 October 1939.")
    assert not date_disagreements("The German-Soviet non-aggression pact was signed on 23 August 1939.")


# ----------------------------------------------------------------- data against data

ACT_WORDS = {"relations broken": r"break|broke", "relations suspended": r"suspend", "relations restored": r"restor",
             "de jure recognition": r"recogni", "de facto recognition": r"recogni",
             "relations established": r"establish|recogni|relations"}


def recognition_event_disagreements(events: pd.DataFrame, recognitions: pd.DataFrame) -> list[str]:
    """Events of category 'recognition' whose row in recognitions.csv (same state, same kind of act, same month)
    is dated otherwise."""
    problems = []
    for event in events[events["category"] == "recognition"].itertuples():
        partners = [c for c in event.countries if c != "Soviet Union"]
        for act in recognitions[recognitions["country"].isin(partners)].itertuples():
            if not re.search(ACT_WORDS[act.action], event.title, re.I) or act.country not in event.title \
                    and not (act.country == "United Kingdom" and "Britain" in event.title):
                continue
            same_month = (act.date.year, act.date.month) == (event.date.year, event.date.month)
            if same_month and (act.date != event.date or act.date_precision != event.date_precision):
                problems.append(f"{event.event_id}: {event.date:%Y-%m-%d} ({event.date_precision}) but recognitions "
                                f"has {act.country} {act.action} on {act.date:%Y-%m-%d} ({act.date_precision})")
    return problems


# Restorations after a break the data cannot date, each with the reason.
NO_BREAK_ROW = {
    "Albania": "relations lapsed when Italy occupied Albania in April 1939; no side broke them (see the note)",
    "Austria": "relations lapsed with the German annexation of March 1938; no side broke them (see the note)",
    "Finland": "relations ended when the war of June 1941 began; the sources checked do not settle the day or who "
               "took the step (see the note of the 1945 row)",
}


def restorations_without_breaks(recognitions: pd.DataFrame) -> list[str]:
    problems = []
    recognitions = recognitions[~recognitions["country"].isin(NO_BREAK_ROW)] if len(recognitions) > 2 else recognitions
    for country, acts in recognitions.sort_values("date").groupby("country"):
        open_relations = None
        for act in acts.itertuples():
            if act.action == "relations restored" and open_relations is not False:
                problems.append(f"{country}: relations restored on {act.date:%Y-%m-%d}, but the data has no break "
                                "before it")
            open_relations = act.action not in ("relations broken", "relations suspended")
    return problems
