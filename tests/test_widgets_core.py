"""Widgets of notebooks 00 and 01, driven by setting their controls; and the shared widget machinery."""
from __future__ import annotations

from utils.data import load
from utils.widgets.era import EraTimeline
from utils.widgets.recognition import RecognitionByYear


def test_era_timeline_default_shows_the_whole_era():
    widget = EraTimeline()
    events = load("events")
    in_era = events[events["date"].dt.year <= 1953]
    assert widget.view_state.facts["count"] == len(in_era)
    assert widget.view_state.message.startswith(f"{len(in_era)} events from 1922 to 1953")
    assert widget.view_state.chart and bytes(widget.image.value).startswith(b"\x89PNG")


def test_era_timeline_period_sets_the_years():
    widget = EraTimeline()
    widget.controls["period"].value = "nazi_soviet_pact"
    assert widget.controls["years"].value == (1939, 1941)
    assert "from 1939 to 1941" in widget.view_state.message
    assert "1939-08-23" in widget.text()


def test_era_timeline_one_year_and_a_kind():
    widget = EraTimeline()
    widget.controls["years"].value = (1945, 1945)
    widget.controls["category"].value = "conference"
    text = widget.text()
    assert "of the kind 'conference' in 1945" in text
    assert "Yalta" in text and "Potsdam" in text


def test_era_timeline_nothing_matches_gives_a_sentence():
    widget = EraTimeline()
    widget.controls["years"].value = (1922, 1922)
    widget.controls["category"].value = "legacy"
    assert widget.view_state.message.startswith("The course data has no events of the kind 'legacy' in 1922")
    assert not widget.view_state.chart and bytes(widget.image.value) == b"" and widget.table.value == ""


def test_era_timeline_edges():
    widget = EraTimeline()
    for span in [(1922, 1922), (1953, 1953), (1922, 1953)]:
        widget.controls["years"].value = span
        assert widget.view_state.message


def test_recognition_default_is_1924():
    widget = RecognitionByYear()
    state = widget.view_state
    assert state.message.startswith("In 1924,") and "United Kingdom" in state.message and "France" in state.message
    assert state.chart


def test_recognition_us_1933_and_breaks():
    widget = RecognitionByYear()
    widget.controls["year"].value = 1933
    assert "United States" in widget.view_state.message
    widget.controls["action"].value = "broke off relations"
    widget.controls["year"].value = 1927
    assert "United Kingdom" in widget.view_state.message


def test_recognition_a_year_without_acts():
    widget = RecognitionByYear()
    widget.controls["action"].value = "restored relations"
    widget.controls["year"].value = 1921
    assert widget.view_state.message.startswith("No state restored relations with the USSR in 1921.")
    assert widget.table.value == ""


def test_widget_bundle_has_a_static_copy_for_github():
    bundle = EraTimeline()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"].startswith(tuple("0123456789"))
    assert "data:image/png;base64," in bundle["text/html"]
