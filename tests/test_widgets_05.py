"""The conference decision explorer of notebook 05, driven by setting its controls."""
from __future__ import annotations

from utils.data import load
from utils.widgets.base import ALL
from utils.widgets.conferences import ConferenceExplorer


def test_default_is_yalta():
    widget = ConferenceExplorer()
    decisions = load("conference_decisions")
    assert widget.view_state.facts["count"] == (decisions["conference"] == "Yalta").sum()
    assert widget.view_state.message.startswith(f"{widget.view_state.facts['count']} decisions at Yalta:")
    assert widget.view_state.chart is not None


def test_topic_and_conference_filters():
    widget = ConferenceExplorer(topic="Far East")
    assert widget.view_state.facts["ids"] == ["yalta_soviet_entry_war_japan"]
    assert widget.view_state.message == "1 decision on Far East at Yalta: 1 carried out."
    widget.controls["conference"].value = ALL
    assert set(widget.view_state.facts["ids"]) == {"tehran_soviet_war_on_japan", "yalta_soviet_entry_war_japan"}


def test_potsdam_germany_shows_the_breakdown():
    widget = ConferenceExplorer(conference="Potsdam", topic="Germany")
    assert widget.view_state.facts["status"]["not carried out"] == 1
    assert "Control Council" in widget.text()


def test_full_decision_text_is_shown():
    widget = ConferenceExplorer(conference=ALL)
    longest = max(load("conference_decisions")["decision"], key=len)
    assert longest in widget.text() or len(widget.view_state.table) > widget.max_rows


def test_nothing_matches_gives_a_sentence():
    widget = ConferenceExplorer(conference="Tehran", topic="Reparations")
    assert widget.view_state.message == ("The course data records no decision on Reparations at Tehran. "
                                         "Try another topic or conference.")
    assert widget.view_state.chart is None and widget.table.value == ""
