"""The treaties-in-force widget (notebooks 02 and 07), driven by setting its controls."""
from __future__ import annotations

from utils.widgets.treaties import MAX_BARS, TreatiesInForce


def test_default_is_collective_security_years():
    widget = TreatiesInForce()
    state = widget.view_state
    assert state.message.startswith(f"{state.facts['count']} treaties were in force between 1934 and 1938")
    assert "1935_franco_soviet" in state.facts["names"] and state.chart is not None
    assert "Colour: type" in widget.key.value


def test_mutual_assistance_1934_1938_is_france_czechoslovakia_mongolia():
    widget = TreatiesInForce(treaty_type="mutual assistance")
    assert sorted(widget.view_state.facts["names"]) == [
        "1935_czechoslovak_soviet", "1935_franco_soviet", "1936_soviet_mongolian_protocol"]


def test_partner_filter_and_a_single_year():
    widget = TreatiesInForce()
    widget.set_controls(partner="Germany", years=(1940, 1940))
    names = widget.view_state.facts["names"]
    assert "1939_molotov_ribbentrop" in names and "1926_berlin" in names
    assert "with Germany were in force in 1940" in widget.view_state.message
    widget.controls["years"].value = (1942, 1942)
    assert widget.view_state.message.startswith("No treaties with Germany were in force in 1942.")
    assert widget.view_state.chart is None and widget.table.value == ""


def test_first_and_last_year():
    widget = TreatiesInForce(years=(1922, 1922))
    assert widget.view_state.facts["names"] == ["1922_rapallo"]
    widget.controls["years"].value = (1953, 1953)
    assert "1950_sino_soviet_prc" in widget.view_state.facts["names"]
    assert "1945_sino_soviet_roc" not in widget.view_state.facts["names"]


def test_long_selections_chart_the_latest_and_list_all():
    widget = TreatiesInForce(years=(1922, 1953))
    count = widget.view_state.facts["count"]
    assert count > MAX_BARS and f"the table lists all {count}" in widget.view_state.message
    assert len(widget.view_state.table) == count


def test_nothing_matches_gives_a_sentence():
    widget = TreatiesInForce(treaty_type="armistice", partner="Japan")
    assert widget.view_state.message.startswith("No armistice treaties with Japan were in force")
