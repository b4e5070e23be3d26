"""The claim checker of notebook 08, driven as a learner drives it: typing, pasting, picking and pressing Check."""
from __future__ import annotations

import pytest

from utils import load
from utils.widgets.base import WidgetArgumentError
from utils.widgets.claims import MAX_TEXT, ClaimChecker

CLAIMS = load("claims").set_index("claim_id")


def type_and_check(widget: ClaimChecker, text: str) -> None:
    widget.controls["text"].value = text
    widget.button.click()


def test_it_opens_on_a_built_in_claim_with_its_verdict_and_evidence():
    widget = ClaimChecker()
    view = widget.view_state
    assert view.facts["verdicts"] == ["misleading"]
    assert "treaties:1939_molotov_ribbentrop" in view.facts["evidence"][0]
    assert view.message.startswith("1 sentence read: 1 misleading.")
    assert view.chart is not None and bytes(widget.image.value).startswith(b"\x89PNG")
    assert "1939-08-23" in widget.text() and "Soviet neutrality towards Germany" in widget.text()


def test_a_typed_claim_gets_a_reading_a_verdict_and_dated_evidence():
    widget = ClaimChecker()
    type_and_check(widget, "The USSR signed a neutrality pact with Japan in 1941.")
    view = widget.view_state
    assert view.facts["verdicts"] == ["supported"]
    assert view.facts["readings"] == ["a neutrality pact between the USSR and Japan, 1941"]
    assert "1941-04-13 Soviet-Japanese Neutrality Pact (neutrality) [Soviet Union, Japan] (treaties.csv)" \
        in view.table.loc[0, "evidence"]


def test_a_pasted_paragraph_is_judged_sentence_by_sentence():
    widget = ClaimChecker()
    type_and_check(widget, "China was Stalin's key ally throughout his rule. He backed Fidel Castro's revolution. "
                           "Stalin loved cats.")
    view = widget.view_state
    assert view.facts["verdicts"] == ["misleading", "outside Stalin's lifetime", "not in the course data"]
    assert list(view.table["#"]) == [1, 2, 3]
    assert view.message.startswith("3 sentences read: 1 misleading, 1 outside Stalin's lifetime, "
                                   "1 not in the course data.")
    assert view.chart.key == tuple(key for keys in view.facts["evidence"] for key in keys)


def test_picking_a_built_in_claim_puts_its_text_in_the_box():
    widget = ClaimChecker()
    widget.shortcuts["picker"].value = "castro_revolution"
    assert widget.controls["text"].value == CLAIMS.loc["castro_revolution", "claim"]
    assert widget.view_state.facts["verdicts"] == [CLAIMS.loc["castro_revolution", "verdict"]]


@pytest.mark.parametrize("claim_id", list(CLAIMS.index))
def test_every_built_in_claim_shows_its_verdict(claim_id):
    widget = ClaimChecker(claim=claim_id)
    view = widget.view_state
    assert view.facts["verdicts"] == [CLAIMS.loc[claim_id, "verdict"]]
    assert view.table.loc[0, "evidence"] and view.chart is not None
    assert not widget.layout_problems()


def test_dates_are_shown_as_precisely_as_the_data_knows_them():
    widget = ClaimChecker(text="Soviet troops stayed in northern Iran in 1946.")
    evidence = widget.view_state.table.loc[0, "evidence"]
    assert "1945-11 Iran crisis of 1945-1946" in evidence  # known to the month, so written to the month
    assert "1945-11-01" not in evidence


def test_evidence_names_the_parties_of_each_row():
    widget = ClaimChecker(text="The USSR signed a non-aggression pact with Germany in 1939.")
    evidence = widget.view_state.table.loc[0, "evidence"]
    assert "[Germany, Soviet Union]" in evidence or "[Soviet Union, Germany]" in evidence


def test_empty_text_asks_for_a_claim():
    widget = ClaimChecker()
    type_and_check(widget, "   ")
    assert widget.view_state.message.startswith("Type or paste a claim in the box")
    assert widget.view_state.chart is None and widget.view_state.table is None


def test_a_sentence_without_a_claim_says_so_honestly():
    widget = ClaimChecker(text="Stalin was a master strategist.")
    view = widget.view_state
    assert view.facts["verdicts"] == ["not in the course data"] and view.chart is None
    assert "Read it yourself, or put it more plainly" in widget.text()


def test_a_very_long_paste_is_cut_to_the_limit():
    widget = ClaimChecker(text="The USSR recognised Israel in 1948. " * 200)
    assert len(widget.view_state.facts["verdicts"]) <= MAX_TEXT // 30


def test_pressing_check_twice_does_not_judge_again():
    widget = ClaimChecker()
    before = widget.view_state
    widget.button.click()
    assert widget.view_state is before


def test_bad_arguments_get_a_plain_message():
    with pytest.raises(WidgetArgumentError, match="not a claim of claims.csv"):
        ClaimChecker(claim="stalin_loved_cats")
    with pytest.raises(WidgetArgumentError, match="not both"):
        ClaimChecker(text="Stalin loved cats.", claim="castro_revolution")
