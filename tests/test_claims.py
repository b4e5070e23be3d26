"""The claim engine (utils.claims): built-in claims, invented articles and the rules, judged against the data."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from utils import load
from utils.claims import VERDICTS, evidence_table, judge, read
from utils.data import row_keys

ARTICLES = sorted((Path(__file__).resolve().parent.parent / "teacher" / "articles").glob("*.toml"))
CLAIMS = load("claims")


def article(path: Path) -> dict:
    with path.open("rb") as handle:
        return tomllib.load(handle)


@pytest.mark.parametrize("claim_id", list(CLAIMS["claim_id"]))
def test_a_built_in_verdict_agrees_with_the_rules(claim_id):
    claim = CLAIMS.set_index("claim_id").loc[claim_id]
    findings = judge(claim["claim"])
    assert len(findings) == 1, f"{claim_id}: the engine reads {len(findings)} sentences"
    assert findings[0].verdict == claim["verdict"], (
        f"{claim_id}: claims.csv says {claim['verdict']!r}, the rules give {findings[0].verdict!r}: "
        f"{findings[0].explanation}")


def test_every_evidence_key_of_the_claims_names_a_row():
    known = {f"{name}:{key}" for name in ("treaties", "events", "recognitions", "conflicts", "support",
                                          "conference_decisions", "lend_lease") for key in row_keys(name)}
    for claim in CLAIMS.itertuples():
        missing = [key for key in claim.evidence if key not in known]
        assert not missing, f"{claim.claim_id} names rows that are not in the data: {missing}"
    every_key = [key for keys in CLAIMS["evidence"] for key in keys]
    table = evidence_table(every_key)
    assert len(table) == len(every_key) and table["date"].notna().all() and table["what"].str.len().gt(0).all()


def test_every_verdict_but_one_occurs_among_the_built_in_claims():
    assert set(CLAIMS["verdict"]) == set(VERDICTS) - {"not in the course data"}


@pytest.mark.parametrize("path", ARTICLES, ids=[p.stem for p in ARTICLES])
def test_an_invented_article_is_judged_sentence_by_sentence(path):
    sentences = article(path)["sentence"]
    findings = judge(" ".join(s["text"] for s in sentences))
    assert [f.sentence for f in findings] == [s["text"] for s in sentences]
    wrong = [f"{s['text']!r}: expected {s['verdict']!r} ({s['why']}), got {f.verdict!r}: {f.explanation}"
             for s, f in zip(sentences, findings) if f.verdict != s["verdict"]]
    assert not wrong, "\n".join(wrong)
    for f in findings:
        assert f.verdict in VERDICTS and f.reading and f.explanation
        if f.verdict != "not in the course data":
            assert f.evidence, f"{f.sentence!r} has a verdict but no evidence"


def test_the_articles_cover_every_verdict_and_the_popular_claims():
    verdicts = {s["verdict"] for path in ARTICLES for s in article(path)["sentence"]}
    assert verdicts == set(VERDICTS)
    texts = " ".join(s["text"] for path in ARTICLES for s in article(path)["sentence"])
    for popular in ("insurgencies in Korea, Vietnam and Cuba", "Vietnam, Laos and Cambodia", "neutral towards Germany",
                    "spheres of influence", "key ally throughout his rule", "soured only after Stalin died"):
        assert popular in texts


def test_a_finding_says_how_it_read_the_claim():
    finding, = judge("China was Stalin's key ally throughout his rule.")
    assert finding.reading.startswith("an alliance between the USSR and People's Republic of China")
    assert "1924–1953, every one of those years" in finding.reading
    assert "treaties:1950_sino_soviet_prc" in finding.evidence


def test_a_claim_true_for_part_of_its_years_is_misleading_and_for_one_year_supported():
    assert judge("The USSR and the People's Republic of China were allies in 1951.")[0].verdict == "supported"
    assert judge("The USSR and the People's Republic of China were always allies.")[0].verdict == "misleading"


def test_a_claim_about_a_state_before_it_existed_is_contradicted_or_after_stalin():
    assert judge("The USSR recognised the State of Israel in 1935.")[0].verdict == "contradicted"
    assert judge("Stalin supported Fidel Castro's revolution.")[0].verdict == "outside Stalin's lifetime"
    assert judge("Stalin crushed the Hungarian revolution.")[0].verdict == "outside Stalin's lifetime"


def test_the_kind_of_pact_matters():
    assert judge("The USSR signed a neutrality pact with Japan in 1941.")[0].verdict == "supported"
    finding, = judge("The USSR signed a non-aggression pact with Japan in 1941.")
    assert finding.verdict == "contradicted" and "Neutrality Pact" in finding.explanation


def test_negation_turns_a_claim_round():
    assert judge("The USSR never fought Japan before 1945.")[0].verdict == "contradicted"
    assert judge("The United States did not recognise the USSR in 1924.")[0].verdict == "supported"


def test_an_event_credited_to_the_wrong_year_is_contradicted():
    finding, = judge("The USSR joined the League of Nations in 1936.")
    assert finding.verdict == "contradicted" and "18 September 1934" in finding.explanation


def test_what_the_engine_cannot_read_it_says_so():
    for text in ("Stalin loved cats.", "Stalin was a master strategist.", "", "1939!"):
        assert all(f.verdict == "not in the course data" for f in judge(text))
        assert read(text) is None or not text
    assert judge("") == []


def test_several_states_some_true_some_not_is_misleading():
    finding, = judge("Stalin built strong relations with communist Vietnam, Laos and Cambodia.")
    assert finding.verdict == "misleading"
    assert "Laos" in finding.explanation and "Cambodia" in finding.explanation
