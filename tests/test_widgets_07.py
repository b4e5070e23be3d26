"""The alliance network and the country dossier of notebook 07, driven by setting their controls."""
from __future__ import annotations

import time

import pytest

from utils.data import load
from utils.widgets.dossier import CountryDossier
from utils.widgets.network import ALLIANCE_TYPES, AllianceNetwork

PRC, ROC, DPRK = "People's Republic of China", "Republic of China", "Democratic People's Republic of Korea"


@pytest.fixture(scope="module")
def network():
    return AllianceNetwork()


def at(widget: AllianceNetwork, year: int) -> dict:
    widget.controls["year"].value = year
    return widget.view_state.facts


def test_default_1950_has_the_chinese_alliance(network):
    facts = at(network, 1950)
    assert network.view_state.chart and network.view_state.message.startswith("In 1950 the USSR had treaties")
    assert PRC in facts["allies"] and "friendship and alliance" in facts["edges"][PRC]
    assert "1950_sino_soviet_prc" in facts["names"]


def test_1940_germany_without_britain(network):
    facts = at(network, 1940)
    assert "Germany" in facts["states"] and "non-aggression" in facts["edges"]["Germany"]
    assert "Germany" not in facts["allies"]  # a pact of non-aggression, not an alliance
    assert "United Kingdom" not in facts["states"]


def test_1942_the_grand_alliance(network):
    facts = at(network, 1942)
    assert "United Kingdom" in facts["allies"] and "1942_anglo_soviet_treaty" in facts["names"]
    assert "United States" in facts["states"] and "Germany" not in facts["states"]


def test_1951_and_1952_china_means_the_peoples_republic(network):
    for year in (1951, 1952):
        facts = at(network, year)
        assert PRC in facts["allies"]
        assert ROC not in facts["allies"]  # the 1945 treaty was superseded on 14 February 1950
        assert "1945_sino_soviet_roc" not in facts["names"]


def test_north_korea_never_an_ally(network):
    for year in range(1922, 1954):
        facts = at(network, year)
        assert DPRK not in facts.get("allies", [])
    assert DPRK in at(network, 1950)["states"]  # the 1949 agreement on economic and cultural cooperation
    assert at(network, 1950)["edges"][DPRK] == ["trade"]


def test_yugoslavia_allied_until_1949(network):
    treaty = load("treaties").set_index("treaty_id").loc["1945_soviet_yugoslav"]
    assert str(treaty["end_date"].date()) == "1949-09-28" and treaty["end_manner"] == "denounced"
    assert "Yugoslavia" in at(network, 1946)["allies"]
    assert "Yugoslavia" in at(network, 1949)["allies"]  # denounced in September 1949
    assert "Yugoslavia" not in at(network, 1950)["states"]


def test_annexed_baltic_states_are_left_out_after_1940(network):
    assert "Estonia" in at(network, 1940)["states"]
    facts = at(network, 1950)
    assert "Estonia" not in facts["states"] and "Estonia" in facts["left_out"]
    assert "no longer existed" in network.view_state.message


def test_first_and_last_year():
    widget = AllianceNetwork(year=1922)
    assert widget.view_state.facts["states"] == ["Germany"] and widget.view_state.facts["allies"] == []
    assert "None of them was an alliance" in widget.view_state.message
    widget.controls["year"].value = 1953
    assert "up to Stalin's death on 5 March" in widget.view_state.message
    assert PRC in widget.view_state.facts["allies"]


def test_type_filter_and_empty_selections():
    widget = AllianceNetwork(year=1939, types=("non-aggression",))
    assert all(edges == ["non-aggression"] for edges in widget.view_state.facts["edges"].values())
    assert "Germany" in widget.view_state.facts["states"]
    widget.controls["types"].value = ()
    assert widget.view_state.message.startswith("Choose at least one treaty type")
    assert not widget.view_state.chart and widget.table.value == ""
    widget.controls["types"].value = ("armistice",)
    widget.controls["year"].value = 1930
    assert widget.view_state.message.startswith("The course data has no treaty of the chosen types in force in 1930")


def test_bilateral_only_drops_the_un_charter():
    widget = AllianceNetwork(year=1952, multilateral=False)
    assert ROC not in widget.view_state.facts["states"]  # only the UN Charter and the 1942 declaration linked them
    assert set(widget.view_state.facts["allies"]) >= {PRC, "Mongolian People's Republic", "Poland"}


def test_alliance_types_are_the_two_treaty_types():
    types = set(load("treaties")["type"])
    assert set(ALLIANCE_TYPES) <= types


@pytest.fixture(scope="module")
def dossier():
    return CountryDossier()


def choose(widget: CountryDossier, country: str):
    widget.controls["country"].value = country
    return widget.view_state


def test_every_country_gives_a_dossier_without_error(dossier):
    countries = set(load("countries")["country"]) - {"Soviet Union"}
    assert set(dossier.controls["country"].options) == countries
    for country in dossier.controls["country"].options:
        state = choose(dossier, country)
        assert state.message and "Traceback" not in state.message


def test_default_yugoslavia_before_and_after_1948(dossier):
    state = choose(dossier, "Yugoslavia")
    assert state.chart and "1945_soviet_yugoslav" in state.facts["alliances"]
    assert "1948_yugoslavia_expelled_from_cominform" in state.facts["events"]
    assert "(1945–1949)" in state.message
    assert "1949-09-28" in dossier.text() and "denounced" in dossier.text()
    assert "1955_khrushchev_in_belgrade" not in state.facts["events"]  # after Stalin


def test_vietnam_recognised_in_january_1950(dossier):
    state = choose(dossier, "Democratic Republic of Vietnam")
    assert "de jure recognition by the USSR on 30 January 1950" in state.message
    assert state.facts["treaties"] == [] and "No alliance" in state.message


def test_north_korea_has_no_alliance(dossier):
    state = choose(dossier, DPRK)
    assert state.facts["alliances"] == [] and state.facts["treaties"] == ["1949_soviet_dprk_cooperation"]
    assert "No alliance" in state.message and "12 October 1948" in state.message
    assert "1950_korean_war_begins" in state.facts["events"]


def test_the_two_chinas(dossier):
    roc = choose(dossier, ROC)
    assert "1945_sino_soviet_roc" in roc.facts["alliances"] and "relations broken in October 1949" in roc.message
    prc = choose(dossier, PRC)
    assert prc.facts["alliances"] == ["1950_sino_soviet_prc"] and "2 October 1949" in prc.message
    assert "still in force in 1953" in prc.message


def test_mongolia_allied_twice(dossier):
    state = choose(dossier, "Mongolian People's Republic")
    assert state.facts["alliances"] == ["1936_soviet_mongolian_protocol", "1946_soviet_mongolian"]


def test_country_without_records_gives_a_sentence(dossier):
    state = choose(dossier, "Yemen")
    assert state.message.startswith("The course data holds no treaty, event or diplomatic act of the USSR with Yemen")
    assert not state.chart and dossier.table.value == ""
    state = choose(dossier, "Cambodia")  # relations only in 1956
    assert "after Stalin's death" in state.message or state.chart


@pytest.mark.parametrize("make, control, values", [
    (AllianceNetwork, "year", [1939, 1941, 1945, 1948, 1950, 1952]),
    (CountryDossier, "country", ["Germany", "United Kingdom", PRC, "Poland", "Yugoslavia", "Finland"]),
])
def test_widgets_respond_quickly(make, control, values):
    widget = make()
    for value in values:  # warm up fonts and caches
        widget.controls[control].value = value
    samples = []
    for value in values * 2:
        widget.controls[control].value = values[0] if value != values[0] else values[-1]
        started = time.perf_counter()
        widget.controls[control].value = value
        samples.append(time.perf_counter() - started)
    assert sorted(samples)[len(samples) // 2] < 0.5  # generous: shared CI machines are slow
