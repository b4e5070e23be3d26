"""The alliance network and the country dossier of notebook 07, driven by setting their controls."""
from __future__ import annotations

import io
import math

import numpy as np
import pytest
from PIL import Image

from utils.data import load
from utils.style import OKABE_ITO
from utils.tables import ALLIANCE_TYPES, ALLY_DEFINITION, country_names, directions_from_moscow
from utils.widgets.dossier import CountryDossier
from utils.widgets.network import AllianceNetwork, around_moscow

PRC, ROC, DPRK = "People's Republic of China", "Republic of China", "Democratic People's Republic of Korea"
VERMILLION = np.array([int(OKABE_ITO["vermillion"][i:i + 2], 16) for i in (1, 3, 5)])


@pytest.fixture(scope="module")
def network():
    return AllianceNetwork()


def at(widget: AllianceNetwork, year: int) -> dict:
    widget.controls["year"].value = year
    return widget.view_state.facts


def test_default_1950_has_the_chinese_alliance(network):
    facts = at(network, 1950)
    assert network.view_state.chart is not None and network.view_state.message.startswith("In 1950 the USSR had treaties")
    assert PRC in facts["allies"] and "friendship and alliance" in facts["edges"][PRC]
    assert "1950_sino_soviet_prc" in facts["names"]


def test_1940_germany_without_britain(network):
    facts = at(network, 1940)
    assert "Germany" in facts["states"] and "non-aggression" in facts["edges"]["Germany"]
    assert "Germany" not in facts["allies"]  # a pact of non-aggression, not an alliance
    assert "United Kingdom" not in facts["states"]


def test_1941_britain_is_an_ally_by_the_agreement_of_12_july(network):
    facts = at(network, 1941)
    assert "United Kingdom" in facts["allies"] and "war alliance" in facts["edges"]["United Kingdom"]
    assert "1941_anglo_soviet_agreement" in facts["names"]


def test_1942_the_grand_alliance(network):
    facts = at(network, 1942)
    assert "United Kingdom" in facts["allies"] and "1942_anglo_soviet_treaty" in facts["names"]
    assert "United States" in facts["allies"]  # the Declaration by United Nations, a war alliance
    assert "Germany" not in facts["states"]


def test_the_wartime_coalition_ends_with_the_war(network):
    assert "United States" not in at(network, 1947)["allies"]


def test_1951_and_1952_china_means_the_peoples_republic(network):
    for year in (1951, 1952):
        facts = at(network, year)
        assert PRC in facts["allies"] and ROC not in facts["allies"]
        assert "1945_sino_soviet_roc" not in facts["names"]


def test_north_korea_never_an_ally(network):
    for year in range(1922, 1954):
        assert DPRK not in at(network, year).get("allies", [])
    assert at(network, 1950)["edges"][DPRK] == ["trade"]


def test_yugoslavia_allied_until_1949(network):
    treaty = load("treaties").set_index("treaty_id").loc["1945_soviet_yugoslav"]
    assert str(treaty["end_date"].date()) == "1949-09-28" and treaty["end_manner"] == "denounced"
    assert "Yugoslavia" in at(network, 1946)["allies"] and "Yugoslavia" in at(network, 1949)["allies"]
    assert "Yugoslavia" not in at(network, 1950)["states"]


def test_annexed_baltic_states_are_left_out_after_1940(network):
    assert "Estonia" in at(network, 1940)["states"]
    facts = at(network, 1950)
    assert "Estonia" not in facts["states"] and "Estonia" in facts["left_out"]
    assert "no longer existed" in network.view_state.message


def test_first_and_last_year():
    widget = AllianceNetwork(year=1922)
    assert widget.view_state.facts["states"] == ["Germany"] and widget.view_state.facts["allies"] == []
    assert "None of them was an ally" in widget.view_state.message
    widget.controls["year"].value = 1953
    assert "up to Stalin's death on 5 March" in widget.view_state.message and PRC in widget.view_state.facts["allies"]


def test_type_filter_and_empty_selections():
    widget = AllianceNetwork(year=1939, types=("non-aggression",))
    assert all(edges == ["non-aggression"] for edges in widget.view_state.facts["edges"].values())
    widget.controls["types"].value = ()
    assert widget.view_state.message.startswith("Choose at least one treaty type")
    assert widget.view_state.chart is None and widget.table.value == ""
    widget.set_controls(types=("armistice",), year=1930)
    assert widget.view_state.message.startswith("The course data has no treaty of the chosen types in force in 1930")


def test_bilateral_only_drops_the_un_charter():
    widget = AllianceNetwork(year=1952, multilateral=False)
    assert ROC not in widget.view_state.facts["states"]
    assert set(widget.view_state.facts["allies"]) >= {PRC, "Mongolian People's Republic", "Poland"}


def test_one_definition_of_an_ally():
    assert set(ALLIANCE_TYPES) <= set(load("treaties")["type"])
    assert all(kind in ALLY_DEFINITION for kind in ("war alliance", "mutual assistance", "friendship and alliance"))


@pytest.fixture(scope="module")
def dossier():
    return CountryDossier()


def choose(widget: CountryDossier, country: str):
    widget.controls["country"].value = country
    return widget.view_state


def test_every_country_gives_a_dossier_without_error(dossier):
    options = [value for _, value in dossier.controls["country"].options]
    assert set(options) == set(country_names()) - {"Soviet Union"}
    for country in options:
        state = choose(dossier, country)
        assert state.message and "Traceback" not in state.message


def test_default_yugoslavia_before_and_after_1948(dossier):
    state = choose(dossier, "Yugoslavia")
    assert state.chart is not None and "1945_soviet_yugoslav" in state.facts["alliances"]
    assert "1948_yugoslavia_expelled_from_cominform" in state.facts["events"]
    assert "(1945–1949)" in state.message and "1944_yugoslav_partisans" in state.facts["support"]
    assert "1949-09-28" in dossier.text() and "denounced" in dossier.text()
    assert "1955_khrushchev_in_belgrade" not in state.facts["events"]  # after Stalin


def test_vietnam_recognised_in_january_1950(dossier):
    state = choose(dossier, "Democratic Republic of Vietnam")
    assert "de jure recognition by the USSR on 30 January 1950" in state.message
    assert state.facts["treaties"] == [] and "Never an ally" in state.message


def test_north_korea_has_no_alliance(dossier):
    state = choose(dossier, DPRK)
    assert state.facts["alliances"] == [] and state.facts["treaties"] == ["1949_soviet_dprk_cooperation"]
    assert "Never an ally" in state.message and "12 October 1948" in state.message
    assert "1950_korean_war_begins" in state.facts["events"]


def test_the_two_chinas(dossier):
    roc = choose(dossier, ROC)
    assert "1945_sino_soviet_roc" in roc.facts["alliances"] and "relations broken" in roc.message
    prc = choose(dossier, PRC)
    assert prc.facts["alliances"] == ["1950_sino_soviet_prc"] and "2 October 1949" in prc.message
    assert "still in force in 1953" in prc.message


def test_mongolia_allied_twice(dossier):
    state = choose(dossier, "Mongolian People's Republic")
    assert state.facts["alliances"] == ["1936_soviet_mongolian_protocol", "1946_soviet_mongolian"]


def test_a_country_without_records_under_stalin_gives_a_sentence(dossier):
    state = choose(dossier, "Laos")
    assert state.message.startswith("The course data holds no treaty, event, war, support or diplomatic act")
    assert "after Stalin's death" in state.message
    assert state.chart is None and dossier.table.value == ""


def picture_and_name_box(widget: AllianceNetwork, state: str, mode: str) -> tuple[np.ndarray, slice, int, int]:
    """The picture on show (a PIL mode: "L", "RGB"), and a state's name box in it: its rows, left and right column."""
    picture = np.asarray(Image.open(io.BytesIO(widget.image.value)).convert(mode)).astype(int)
    (left, bottom), (right, top) = widget.axes.transData.transform(widget.name_boxes[state])
    height = picture.shape[0]
    return picture, slice(int(height - top), int(height - bottom)), int(left), int(right)


def grey_levels_in_name(widget: AllianceNetwork, state: str) -> np.ndarray:
    """The grey levels (0 black, 255 white) of the picture on show inside a state's name, within its box."""
    picture, rows, left, right = picture_and_name_box(widget, state, "L")
    return picture[rows.start + 4:rows.stop - 4, left + 4:right - 4]


def vermillion_pixels_round_name(widget: AllianceNetwork, state: str) -> int:
    """How many pixels of the picture on show, on the edge of a state's name box, are the allies' vermillion."""
    picture, rows, left, right = picture_and_name_box(widget, state, "RGB")
    rows = slice(rows.start - 2, rows.stop + 3)
    edge = np.concatenate([picture[rows, left - 2:left + 3].reshape(-1, 3),
                           picture[rows, right - 2:right + 3].reshape(-1, 3)])
    return int((np.abs(edge - VERMILLION).sum(axis=1) < 60).sum())


def test_every_partner_keeps_its_place_and_the_others_are_faded():
    widget = AllianceNetwork(year=1922)
    places = dict(widget.places)
    assert widget.view_state.facts["faded"] == [s for s in places if s != "Germany"]
    assert grey_levels_in_name(widget, "Germany").min() < 80  # the name in black
    assert grey_levels_in_name(widget, "Finland").min() > 150  # under the veil: light grey
    for year in (1939, 1945, 1950):
        facts = at(widget, year)
        assert set(facts["states"]) <= set(places) and widget.places == places
        assert set(facts["faded"]) == set(places) - set(facts["states"])
        for state in facts["states"]:
            assert grey_levels_in_name(widget, state).min() < 80, (year, state)
        for state in facts["faded"]:
            assert grey_levels_in_name(widget, state).min() > 150, (year, state)


def test_allies_names_are_boxed():
    widget = AllianceNetwork(year=1950)
    facts = widget.view_state.facts
    for state in facts["states"]:
        boxed = vermillion_pixels_round_name(widget, state) > 20
        assert boxed == (state in facts["allies"]), state


def test_places_follow_the_direction_from_moscow():
    directions = directions_from_moscow()
    assert 240 < directions["Germany"] < 270 and 80 < directions["Japan"] < 120  # Berlin west, Tokyo east
    assert 170 < directions["Turkey"] < 200 and 280 < directions["Finland"] < 320  # Ankara south, Helsinki north-west
    widget = AllianceNetwork()
    clockwise = sorted(widget.places, key=lambda s: math.atan2(*widget.places[s]) % (2 * math.pi))
    assert clockwise == sorted(widget.places, key=lambda s: directions[s])  # order kept, from Mongolia round


def test_around_moscow_spreads_neighbours_and_leaves_a_lone_state_alone():
    places = around_moscow({"A": 100.0, "B": 101.0, "C": 102.0, "D": 270.0}, gap=10)
    angle = {s: math.degrees(math.atan2(x, y)) % 360 for s, (x, y) in places.items()}
    assert angle["A"] == pytest.approx(91) and angle["B"] == pytest.approx(101) and angle["C"] == pytest.approx(111)
    assert angle["D"] == pytest.approx(270)
    assert all(math.hypot(x, y) == pytest.approx(1) for x, y in places.values())
    crowded = around_moscow({f"S{i}": 200 + i for i in range(20)}, gap=15)
    angles = sorted(math.degrees(math.atan2(x, y)) % 360 for x, y in crowded.values())
    assert min(np.diff(angles)) == pytest.approx(15)
