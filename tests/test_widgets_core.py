"""Widgets of notebooks 00 and 01, driven by setting their controls and reading what they show."""
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
    assert "Colour: period" in widget.key.value and "After Stalin" in widget.key.value


def test_era_timeline_a_period_sets_the_years_once():
    widget = EraTimeline()
    widget.shortcuts["period"].value = "nazi_soviet_pact"
    assert widget.controls["years"].value == (1939, 1941)
    assert "from 1939 to 1941" in widget.view_state.message
    assert "1939-08-23" in widget.text()
    widget.controls["years"].value = (1930, 1935)  # the years no longer match the period shown
    assert widget.shortcuts["period"].value == ""


def test_era_timeline_opens_on_the_period_it_is_given():
    widget = EraTimeline(period="cold_war")
    assert widget.controls["years"].value == (1946, 1953)
    assert widget.view_state.message.startswith(f"{widget.view_state.facts['count']} events from 1946 to 1953")


def test_era_timeline_one_year_and_a_kind():
    widget = EraTimeline()
    widget.set_controls(years=(1945, 1945), kind="conference")
    text = widget.text()
    assert "of the kind 'conference' in 1945" in text
    assert "Yalta" in text and "Potsdam" in text


def test_era_timeline_dates_are_shown_at_their_precision():
    widget = EraTimeline(years=(1927, 1927))
    events = load("events")
    month_only = events[(events["date"].dt.year == 1927) & (events["date_precision"] == "month")]
    for row in month_only.itertuples():
        assert f"{row.date:%Y-%m}  " in widget.text() and f"{row.date:%Y-%m-%d}" not in widget.text()


def test_era_timeline_nothing_matches_gives_a_sentence():
    widget = EraTimeline()
    widget.set_controls(years=(1922, 1922), kind="legacy")
    assert widget.view_state.message.startswith("The course data has no events of the kind 'legacy' in 1922")
    assert widget.view_state.chart is None and bytes(widget.image.value) == b"" and widget.table.value == ""


def test_recognition_default_is_1924():
    widget = RecognitionByYear()
    state = widget.view_state
    assert state.message.startswith("In 1924,") and "United Kingdom" in state.message and "France" in state.message
    assert state.chart is not None


def test_recognition_us_1933_and_the_british_break_of_1927():
    widget = RecognitionByYear()
    widget.controls["year"].value = 1933
    assert "United States" in widget.view_state.message
    widget.set_controls(action="broke", year=1927)
    assert "United Kingdom" in widget.view_state.message
    assert "1927-05-27" in widget.text()


def test_recognition_a_year_without_acts():
    widget = RecognitionByYear()
    widget.set_controls(action="restored", year=1921)
    assert widget.view_state.message.startswith("No state restored relations in 1921.")
    assert widget.table.value == ""


def test_widget_bundle_has_a_static_copy_for_github():
    bundle = EraTimeline()._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"].startswith(tuple("0123456789"))
    assert "data:image/png;base64," in bundle["text/html"] and "Colour: period" in bundle["text/html"]


def test_tables_show_full_text_without_index_or_brackets():
    widget = EraTimeline(years=(1939, 1939))
    html = widget.table.value
    longest = max(widget.view_state.table["event"], key=len)
    assert longest in html and "…" not in html.replace("… and", "")
    assert "[" not in widget.text() and "dtype" not in widget.text()
    assert 'text-align:left' in html and "white-space:nowrap" in html
