"""The territorial-changes widget of notebook 03, driven by setting its controls."""
from __future__ import annotations

import pandas as pd

from utils.data import load
from utils.widgets.territory import TerritorialSteps


def test_default_shows_everything_taken_by_august_1940():
    widget = TerritorialSteps()
    data = load("territorial_changes")
    by_august_1940 = data[data["annexed"] <= "1940-08-31"]
    facts = widget.view_state.facts
    assert facts["count"] == len(by_august_1940) == 6 and facts["area"] == by_august_1940["area_km2"].sum()
    assert widget.view_state.message.startswith("By the end of August 1940 the USSR had taken 6 territories")
    assert widget.view_state.chart is not None and "Territory" in widget.key.value


def test_stepping_back_to_september_1939():
    widget = TerritorialSteps()
    widget.controls["month"].value = pd.Timestamp("1939-09-01")
    facts = widget.view_state.facts
    assert facts["count"] == 1 and facts["annexed"] == 0
    assert "none of them formally annexed by then" in widget.view_state.message
    widget.controls["month"].value = pd.Timestamp("1939-11-01")
    assert widget.view_state.facts["annexed"] == 1


def test_march_1940_adds_the_finnish_territory_by_treaty():
    widget = TerritorialSteps(month="1940-03")
    assert widget.view_state.facts["count"] == 2 and widget.view_state.facts["annexed"] == 2
    assert "Finland" in widget.text()


def test_june_1940_adds_the_baltic_states_and_bessarabia():
    widget = TerritorialSteps(month="1940-06")
    assert widget.view_state.facts["count"] == 6 and widget.view_state.facts["annexed"] == 2
    assert "not yet" in widget.text()


def test_measure_changes_the_chart_not_the_facts():
    widget = TerritorialSteps()
    before, picture = widget.view_state.facts, bytes(widget.image.value)
    widget.controls["measure"].value = "population"
    assert widget.view_state.facts == before and bytes(widget.image.value) != picture
    assert widget.figure.axes[0].get_ylabel() == "People (millions)"


def test_the_title_names_the_month_once():
    widget = TerritorialSteps(month="1939-09")
    title = widget.figure.get_suptitle()
    assert "September 1939" in title and "September 1939 to September 1939" not in title


def test_a_month_before_any_gain_gives_a_sentence():
    widget = TerritorialSteps(month="1939-08", months=("1939-08", "1940-08"))
    assert widget.view_state.message == "By the end of August 1939 the USSR had taken no territory yet."
    assert widget.table.value == ""
