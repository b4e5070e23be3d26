"""The claim checker of notebook 08, driven by setting its controls, and the claims dataset behind it."""
from __future__ import annotations

import pytest

from utils import load
from utils.widgets.claims import OWN, YEARS, ClaimChecker, evidence_table

CLAIMS = load("claims")


def test_every_evidence_row_exists_in_its_dataset():
    known = set(evidence_table().index)
    for _, claim in CLAIMS.iterrows():
        missing = [key for key in claim["evidence"] if key not in known]
        assert not missing, f"claim {claim['claim_id']} cites rows that are not in the data: {missing}"


def test_all_four_verdicts_occur():
    assert set(CLAIMS["verdict"]) == {"supported", "contradicted", "misleading", "outside Stalin's lifetime"}


def test_claims_outside_stalins_lifetime_rest_on_later_evidence():
    table = evidence_table()
    for _, claim in CLAIMS[CLAIMS["verdict"] == "outside Stalin's lifetime"].iterrows():
        assert claim["last_year"] > 1953
        assert (table.loc[claim["evidence"], "date"].dt.year > 1953).any(), claim["claim_id"]


def test_default_is_the_germany_neutral_claim_and_it_is_misleading():
    widget = ClaimChecker()
    facts = widget.view_state.facts
    assert facts["verdict"] == "misleading" and widget.view_state.message.startswith("Verdict: MISLEADING.")
    assert "treaties:1939_molotov_ribbentrop" in facts["ids"]  # the pact of 23 August 1939
    assert "events:1939_soviet_invasion_of_poland" in facts["ids"]
    assert facts["after_death"] == 0 and widget.view_state.chart
    assert "1939-08-23" in widget.text()


@pytest.mark.parametrize("claim_id", list(CLAIMS["claim_id"]))
def test_every_claim_renders(claim_id):
    widget = ClaimChecker(claim=claim_id)
    view = widget.view_state
    verdict = CLAIMS.set_index("claim_id").loc[claim_id, "verdict"]
    assert view.facts["verdict"] == verdict and view.facts["missing"] == 0
    assert view.message.startswith(f"Verdict: {verdict.upper()}.") and view.chart
    assert len(view.table) == len(view.facts["ids"]) > 0


def test_historical_verdicts():
    verdicts = CLAIMS.set_index("claim_id")["verdict"]
    assert verdicts["cuba_revolution_support"] == "outside Stalin's lifetime"
    assert verdicts["korea_invasion_consent"] == "supported"
    assert verdicts["china_key_ally_throughout"] == "contradicted"
    assert verdicts["yalta_potsdam_spheres"] == "misleading"
    assert verdicts["sino_soviet_soured_after_stalin"] == "misleading"


def test_choosing_a_claim_sets_the_country_and_years():
    widget = ClaimChecker()
    widget.controls["claim"].value = "china_key_ally_throughout"
    assert widget.controls["country"].value == "Republic of China"
    assert widget.controls["years"].value == (1924, 1953)
    assert widget.controls["claim"].value == "china_key_ally_throughout"  # syncing did not switch to "own"
    assert "treaties:1950_sino_soviet_prc" in widget.view_state.facts["ids"]


def test_a_claim_about_cuba_1959_1962_is_outside_stalins_lifetime():
    widget = ClaimChecker()
    widget.controls["country"].value = "Cuba"
    assert widget.controls["claim"].value == OWN  # moving a control builds the learner's own claim
    widget.controls["years"].value = (1959, 1962)
    facts = widget.view_state.facts
    assert facts["verdict"] == "outside Stalin's lifetime" and facts["before_death"] == 0
    assert "events:1962_cuban_missile_crisis" in facts["ids"]
    assert widget.view_state.message.startswith("OUTSIDE STALIN'S LIFETIME")


def test_own_claim_within_stalins_lifetime():
    widget = ClaimChecker()
    widget.controls["claim"].value = OWN
    widget.controls["country"].value = "Germany"
    widget.controls["years"].value = (1939, 1941)
    widget.controls["relationship"].value = "treaty"
    facts = widget.view_state.facts
    assert facts["verdict"] == "within Stalin's lifetime" and facts["after_death"] == 0
    assert "treaties:1939_molotov_ribbentrop" in facts["ids"]
    assert "events:1941_barbarossa" not in facts["ids"]  # a war, not a treaty


def test_relationship_narrows_the_evidence():
    widget = ClaimChecker(claim=OWN, country="Cuba", years=(1922, 1970))
    everything = set(widget.view_state.facts["ids"])
    widget.controls["relationship"].value = "conflict"
    conflict = set(widget.view_state.facts["ids"])
    assert conflict < everything
    assert "events:1962_cuban_missile_crisis" in conflict and "recognitions:Cuba@1952-01-01" in conflict
    assert "recognitions:Cuba@1960-05-08" not in conflict


def test_edge_values_of_the_year_slider():
    widget = ClaimChecker(claim=OWN, country="Germany", years=(YEARS[0], YEARS[0]))
    assert widget.view_state.message.startswith("The course data has no") or widget.view_state.facts["ids"]
    widget.controls["years"].value = (YEARS[0], YEARS[1])
    assert "treaties:1922_rapallo" in widget.view_state.facts["ids"]
    widget.controls["years"].value = (YEARS[1], YEARS[1])
    assert widget.view_state.message == ("The course data has no treaties, events or recognitions involving the "
                                         f"USSR and Germany in {YEARS[1]}. That year is outside Stalin's lifetime "
                                         "in any case. Try wider years or another relationship.")
    assert not widget.view_state.chart


def test_empty_selection_gives_a_sentence():
    widget = ClaimChecker(claim=OWN, country="Vatican City", years=(1930, 1935), kind="conflict")
    assert widget.view_state.message.startswith("The course data has no wars, crises or occupations")
    assert widget.view_state.table is None and "Traceback" not in widget.text()
