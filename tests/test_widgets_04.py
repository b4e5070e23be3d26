"""The war-losses and Lend-Lease widgets of notebook 04, driven by setting their controls."""
from __future__ import annotations

import pytest

from utils import load
from utils.tables import loss_ranges, short_item, tonnes
from utils.widgets.lend_lease import VIEWS, LendLease
from utils.widgets.losses import KINDS, SCALES, WarLosses


def test_every_state_has_a_low_and_a_high_estimate_in_order():
    losses = load("war_losses")
    assert losses["country"].nunique() >= 12
    for country, rows in losses.groupby("country"):
        assert sorted(rows["bound"]) == ["high", "low"], country
        low = rows.loc[rows["bound"] == "low", "total_deaths"].iloc[0]
        high = rows.loc[rows["bound"] == "high", "total_deaths"].iloc[0]
        assert low <= high, country


def test_parts_add_up_to_the_total_where_a_source_separates_them():
    losses = load("war_losses").dropna(subset=["military_deaths", "civilian_deaths"])
    assert not losses.empty
    parts = losses["military_deaths"] + losses["civilian_deaths"]
    assert ((parts - losses["total_deaths"]).abs() <= 0.02 * losses["total_deaths"]).all()


def test_default_the_soviet_union_lost_the_most_people():
    widget = WarLosses()
    state = widget.view_state
    assert state.facts["top"] == "Soviet Union" and state.chart is not None
    assert state.facts["low"] >= 18e6 and state.facts["high"] >= 26e6
    assert "Soviet Union lost the most" in state.message
    assert "26,600,000" in widget.text()  # figures with thousands separators


def test_as_a_share_of_population_poland_lost_the_most():
    widget = WarLosses(scale="share")
    assert widget.view_state.facts["top"] == "Poland"
    assert 15 < widget.view_state.facts["low"] < widget.view_state.facts["high"] < 20
    assert "% of its people" in widget.view_state.message


def test_one_state_and_a_part_some_sources_do_not_separate():
    widget = WarLosses(countries=("Poland", "Soviet Union"), kind="military")
    facts = widget.view_state.facts
    assert facts["shown"] == ["Soviet Union"] and facts["missing"] == ["Poland"]
    assert "Not shown: Poland" in widget.view_state.message
    widget.controls["countries"].value = ("Poland",)
    assert widget.view_state.message.startswith("No source in the course data separates military deaths for Poland")
    assert widget.view_state.chart is None


def test_empty_selection_gives_a_sentence():
    widget = WarLosses()
    widget.controls["countries"].value = ()
    assert widget.view_state.message.startswith("No state is selected")
    assert widget.table.value == "" and widget.view_state.chart is None


@pytest.mark.parametrize("scale", list(SCALES))
@pytest.mark.parametrize("kind", list(KINDS))
def test_every_combination_renders(scale, kind):
    widget = WarLosses(scale=scale, kind=kind)
    assert widget.view_state.message and "Traceback" not in widget.text()


def test_ranges_keep_each_estimate_with_its_author():
    soviet = loss_ranges("total_deaths").loc["Soviet Union"]
    assert soviet["low"] < soviet["high"] and "Britannica" in soviet["low_by"]


def test_weights_convert_to_tonnes():
    assert tonnes(1000, "long tons") == pytest.approx(1016.047)
    assert tonnes(2, "thousand short tons") == pytest.approx(1814.37)
    assert tonnes(5, "aircraft") is None


def test_default_view_counts_weapons_and_vehicles():
    widget = LendLease()
    aid = load("lend_lease").set_index("row_id")
    assert aid.loc[widget.view_state.facts["largest"], "breakdown"] == "category"
    assert widget.view_state.chart is not None and "The largest:" in widget.view_state.message


def test_routes_the_pacific_carried_the_most():
    widget = LendLease(view="route")
    facts = widget.view_state.facts
    aid = load("lend_lease").set_index("row_id")
    assert all(aid.loc[row, "breakdown"] == "route" for row in facts["rows"])
    assert "Pacific" in aid.loc[facts["largest"], "item"]
    assert "% of the tonnage shown" in widget.view_state.message


@pytest.mark.parametrize("view", list(VIEWS))
def test_every_view_and_supplier_renders_or_says_why_not(view):
    widget = LendLease(view=view)
    for _, supplier in widget.controls["supplier"].options:
        widget.controls["supplier"].value = supplier
        state = widget.view_state
        assert state.message
        assert state.chart is not None or state.message.startswith("The course data has no rows")


def test_chart_labels_drop_dates_and_details():
    assert short_item("Trucks (incl. jeeps) delivered 1 October 1941 - 31 May 1945") == "Trucks"
    assert short_item("Canadian-built Valentine tanks sent to the USSR") == "Canadian-built Valentine tanks"
    assert short_item("Black Sea") == "Black Sea"
