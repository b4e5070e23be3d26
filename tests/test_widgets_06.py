"""The action-reaction timeline of notebook 06, driven by setting its controls."""
from __future__ import annotations

from utils.widgets.cold_war import ActionReaction


def test_default_shows_soviet_and_western_moves():
    widget = ActionReaction()
    facts = widget.view_state.facts
    assert set(facts["by_actor"]) == {"Soviet", "Western"} and facts["count"] == sum(facts["by_actor"].values())
    assert "1952_stalin_note" in facts["ids"] and "1949_north_atlantic_treaty" in facts["ids"]
    assert "1953_beria_arrested" not in facts["ids"]  # nothing after Stalin's death


def test_one_year_and_one_side():
    widget = ActionReaction()
    widget.set_controls(years=(1948, 1948), actors=("Soviet",))
    ids = widget.view_state.facts["ids"]
    assert "1948_berlin_blockade" in ids and "1948_western_currency_reform" not in ids
    assert widget.view_state.message.startswith(f"{len(ids)} moves in 1948 ({len(ids)} Soviet)")


def test_first_and_last_year():
    widget = ActionReaction(years=(1945, 1945), actors=("Joint",))
    assert "1945_yalta_conference" in widget.view_state.facts["ids"]
    widget.set_controls(years=(1953, 1953), actors=("Soviet",))
    assert widget.view_state.facts["ids"] == ["1953_stalin_dies"]


def test_empty_selections_give_a_sentence():
    widget = ActionReaction()
    widget.controls["actors"].value = ()
    assert widget.view_state.message.startswith("Choose at least one side")
    widget.set_controls(actors=("Western",), years=(1953, 1953))
    assert widget.view_state.message == "The course data has no Western moves in 1953. Try wider years."
    assert widget.view_state.chart is None
