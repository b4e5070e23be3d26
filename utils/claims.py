"""The claim engine: read claims about Soviet foreign policy under Stalin and judge them against the course data.

    from utils.claims import judge
    for finding in judge("China was Stalin's key ally throughout his rule. He backed Castro's revolution."):
        print(finding.verdict, finding.explanation)

``judge(text)`` splits a text into sentences and gives one ``Finding`` for each:
how it read the claim, a verdict, an explanation and the rows of evidence.

The rules, all of them here:

- **What a claim is about.** The states it names (by name, short name, leader,
  movement or capital: ``data/country_names.csv``), read for the years the claim
  is about; what it says of Soviet relations with them (the ``RELATIONS``
  below); the years (written out, "in the 1930s", "during the war",
  "throughout his rule"; none given: Stalin's rule, 1924–1953); "never" and
  "not" turn a claim round. A sentence with no state and no relation, or a
  relation the rules do not know, is **not in the course data**.
- **Evidence.** An *alliance* is a treaty of the types in
  ``utils.tables.ALLIANCE_TYPES`` in force (the course's definition of an ally);
  a *pact* a treaty of the type named (non-aggression, neutrality, trade…); a
  *war* a row of conflicts.csv in which the state was an opponent or the ground
  fought on; *support* a row of support.csv for the state; *relations* the
  spans of diplomatic relations in recognitions.csv; *neutrality* is judged by
  wars (against it) and pacts with secret protocols (misleading); *spheres of
  influence* by treaties whose secret protocols divided spheres and by the
  conferences' own decisions; a *split* by breaks of relations, denounced
  treaties and crises between the two.
- **Verdicts.** Evidence within the claim's years: *supported* (for "throughout",
  "always" or "until": only if it covers every year; else *misleading*).
  Evidence only after 5 March 1953, or a state, leader or event that came after
  Stalin: *outside Stalin's lifetime*. A state that did not exist in the years:
  *contradicted*. No evidence where the data is complete (treaties, wars,
  relations): *contradicted*; where it is not (support, spheres, splits): *not in
  the course data*. A claim about several states: all alike keeps the verdict,
  some true and some not is *misleading*.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Iterable

import pandas as pd

from .data import load
from .periods import STALIN_DEATH
from .tables import ALLIANCE_TYPES, SOVIET_UNION, events_involving, treaties_with, treaties_with_spans
from .wording import join_names, year_span

VERDICTS = ("supported", "contradicted", "misleading", "outside Stalin's lifetime", "not in the course data")
SUPPORTED, CONTRADICTED, MISLEADING, OUTSIDE, UNKNOWN = VERDICTS
FIRST_YEAR, LAST_YEAR = 1924, 1953  # Stalin's rule, from Lenin's death to his own
DEATH = pd.Timestamp(STALIN_DEATH)
OPEN_END = pd.Timestamp(1991, 12, 26)  # the end of the USSR: where a span with no end date stops
MONTHS = {m: i for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july", "august",
                                      "september", "october", "november", "december"], start=1)}

# What a claim can say of Soviet relations with a state: the words that say it, most specific first.
RELATIONS: dict[str, str] = {
    "lend_lease": r"\blend[- ]lease\b",
    "spheres": r"spheres? of influence|\bpercentages\b|divided (?:up )?(?:europe|eastern europe|the world|poland|the balkans)",
    "split": r"\b(?:sour(?:ed|ing)?|split|quarrel(?:led)?|rift|fell out|falling[- ]out|broke with|break with|"
             r"broke off|broken off|severed|cut off)\b",
    "support": r"\b(?:support(?:ed|s|ing)?|back(?:ed|ing|er|ers)?|arm(?:ed|ing)|aid(?:ed|ing)?|fund(?:ed|ing)|"
               r"financ(?:ed|ing)|help(?:ed)?|sponsor(?:ed)?|consent(?:ed)?|supplied|bankroll(?:ed)?|"
               r"sent (?:arms|weapons|money|advisers|aid|credits|tanks|aircraft|planes|supplies))\b",
    "war": r"\b(?:invad(?:e|ed|ing)|invasion|attack(?:ed)?|went to war|at war|fought|fight|war (?:with|against|on)|"
           r"occup(?:ied|y|ation)|annex(?:ed|ation)|crush(?:ed)?|clash(?:ed|es)?|border war|"
           r"(?:troops|forces) (?:stayed|remained|entered|were stationed))\b",
    "alliance": r"\b(?:all(?:y|ies|ied|iance|iances)|treaty of friendship|mutual assistance)\b",
    "pact": r"\b(?:pacts?|treat(?:y|ies)|agreements?|signed)\b",
    "neutrality": r"\bneutral(?:ity)?\b",
    "relations": r"\b(?:relations|relationship|ties|recogni[sz](?:e|ed|ing|tion)|diplomatic)\b",
}
PACT_TYPES = {"non-aggression": "non-aggression", "neutrality": "neutrality", "trade": "trade", "commercial": "trade",
              "credit": "credit", "peace": "peace", "armistice": "armistice", "boundary": "boundary",
              "border": "boundary"}
STRAIN_WORDS = r"kept waiting|distrust|tension|strain|resent|rebuke|quarrel|rift|expel|denounc|condemn"
COMPLETE = {"alliance", "pact", "war", "relations", "neutrality", "lend_lease"}  # the data lists every case of these
NEGATION = r"\b(?:never|not|no|neither|nor)\b|n't\b"
WHOLE_SPAN = r"\b(?:throughout|always|all along|the whole|all (?:his|of his|stalin's) rule|continuously|until)\b"
# "were allies in the war against Germany": an alliance, though the sentence also speaks of war.
ALLIES = r"\b(?:were|became|become|remained|was|is|are)\s+(?:\w+\s+){0,2}all(?:y|ies)\b"
SUPERLATIVE = r"\b(?:main|chief|key|principal|closest|strongest|greatest|biggest)\b"
SOVIET_WORDS = r"\b(?:stalin(?:'s)?|soviets?|ussr|soviet union|moscow|the kremlin|kremlin|red army|russia(?:n|ns)?)\b"
# Things a claim may name that the data dates: a claim that credits Stalin with one of them is dated by it.
ANCHORS = {
    "warsaw pact": "events:1955_warsaw_pact", "secret speech": "events:1956_secret_speech",
    "hungarian revolution": "conflicts:1956_hungarian_revolution", "hungarian uprising": "conflicts:1956_hungarian_revolution",
    "prague spring": "conflicts:1968_invasion_of_czechoslovakia", "cuban missile crisis": "events:1962_cuban_missile_crisis",
    "east german rising": "conflicts:1953_east_german_rising", "east german uprising": "conflicts:1953_east_german_rising",
    "korean armistice": "events:1953_korean_armistice", "geneva accords": "events:1954_geneva_accords",
    "yalta": "events:1945_yalta_conference", "potsdam": "events:1945_potsdam_conference",
    "tehran": "events:1943_tehran_conference", "munich": "events:1938_munich_agreement",
    r"berlin blockade|blockaded (?:west )?berlin|blockade of (?:west )?berlin": "events:1948_berlin_blockade",
    r"joined the league(?: of nations)?": "events:1934_ussr_joins_league",
    r"expelled from the league(?: of nations)?": "events:1939_expelled_from_league",
    "marshall plan": "events:1947_marshall_plan_speech",
    "nato": "events:1949_north_atlantic_treaty", "north atlantic treaty": "events:1949_north_atlantic_treaty",
    "korean war": "events:1950_korean_war_begins", "winter war": "conflicts:1939_winter_war",
    r"austrian state treaty|troops from austria": "events:1955_austrian_state_treaty",
}
CONFERENCES = {"events:1943_tehran_conference": "Tehran", "events:1945_yalta_conference": "Yalta",
               "events:1945_potsdam_conference": "Potsdam"}
ABBREVIATIONS = ("U.S.", "U.K.", "U.S.S.R.", "St.", "Mr.", "Dr.", "e.g.", "i.e.", "cf.", "vs.", "c.")


# ----------------------------------------------------------------- what the engine returns

@dataclass(frozen=True)
class Finding:
    """One claim of a text: the sentence, how the engine read it, its verdict, why, and the rows of evidence."""

    sentence: str
    reading: str
    verdict: str
    explanation: str
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Slot:
    """A state (or the states) one name in the claim can stand for, with the years it stands for them."""

    name: str
    states: tuple[tuple[str, int, int], ...]  # (country, first year, last year)


@dataclass(frozen=True)
class Reading:
    """How a sentence was understood."""

    relation: str
    slots: tuple[Slot, ...]
    first: int
    last: int
    whole: bool = False  # the claim says it held every year ("throughout", "always", "until")
    negated: bool = False
    qualifier: str | None = None  # the pact type, for pacts
    superlative: bool = False
    only_after: bool = False  # "only after Stalin's death"
    exact: date | None = None  # a day the claim gives
    anchors: tuple[str, ...] = field(default=())
    aggressor: str | None = None  # for "invaded", "attacked": "soviet" if the USSR is the subject, "other" if not
    soviet_subject: bool = False
    signed: bool = False  # the claim is about a signature ("signed a treaty"): treaties count from signature

    def words(self) -> str:
        """The claim in the engine's own words, e.g. 'an alliance between the USSR and Poland, 1945–1953'."""
        names = join_names([_slot_words(s) for s in self.slots]) or "other states"
        conferences = join_names([CONFERENCES[k] for k in self.anchors if k in CONFERENCES])
        kind = {"alliance": f"an alliance between the USSR and {names}",
                "pact": f"a {self.qualifier + ' pact' if self.qualifier else 'treaty'} between the USSR and {names}",
                "war": f"war, invasion or occupation between the USSR and {names}",
                "support": f"Soviet support for {names}", "relations": f"diplomatic relations between the USSR and {names}",
                "neutrality": f"Soviet neutrality towards {names}",
                "spheres": "a division into spheres of influence" + (f" at {conferences}" if conferences else
                                                                         f" between the USSR and {names}"),
                "split": f"a break, split or souring of relations between the USSR and {names}",
                "lend_lease": f"Lend-Lease aid to the USSR from {names}",
                "anchor": "what the sentence credits to Stalin"}[self.relation]
        if self.relation == "war" and self.aggressor:
            kind = (f"a Soviet invasion, occupation or intervention in {names}" if self.aggressor == "soviet"
                    else f"an attack on the USSR by {names}")
        if self.relation == "split" and self.only_after:
            return f"{kind} only after Stalin's death (none under him)"
        span = year_span(self.first, self.last) + (", every one of those years" if self.whole else "")
        return ("it is not so: " if self.negated else "") + f"{kind}, {span}"


def _slot_words(slot: Slot) -> str:
    return join_names(sorted({country for country, _, _ in slot.states}), "or")


# ----------------------------------------------------------------- the data, indexed once

@dataclass(frozen=True)
class Evidence:
    key: str
    start: pd.Timestamp
    end: pd.Timestamp
    what: str
    signed: pd.Timestamp | None = None  # for treaties: the day of signature (start is entry into force)


@lru_cache(maxsize=1)
def _names() -> tuple[tuple[str, tuple[tuple[str, int, int], ...]], ...]:
    """Every name a text may use for a state (lower case), longest first, with the states and years it stands for."""
    found: dict[str, set] = {}
    countries = load("countries")
    for row in countries.itertuples():
        first = int(row.existed_from) if pd.notna(row.existed_from) else 1776
        last = int(row.existed_to) if pd.notna(row.existed_to) else 2030
        found.setdefault(row.country.lower(), set()).add((row.country, first, last))
    for row in load("country_names").itertuples():
        last = int(row.to_year) if pd.notna(row.to_year) else 2030
        found.setdefault(row.name.lower(), set()).add((row.country, int(row.from_year), last))
    return tuple(sorted(((name, tuple(sorted(states))) for name, states in found.items()),
                        key=lambda item: -len(item[0])))


@lru_cache(maxsize=1)
def _index() -> dict[str, pd.DataFrame]:
    treaties = treaties_with_spans()
    treaties["end"] = treaties["end_date"].fillna(OPEN_END)
    conflicts = load("conflicts")
    conflicts["finish"] = conflicts["end"].fillna(OPEN_END)
    support = load("support")
    support["finish"] = support["end"].fillna(OPEN_END)
    return {"treaties": treaties, "conflicts": conflicts, "support": support, "recognitions": load("recognitions"),
            "events": load("events"), "decisions": load("conference_decisions"), "countries": load("countries")}


@lru_cache(maxsize=1)
def anchor_dates() -> dict[str, tuple[pd.Timestamp, str]]:
    """The date and title of every row ANCHORS names."""
    data = _index()
    events = data["events"].set_index("event_id")
    conflicts = data["conflicts"].set_index("conflict_id")
    dates = {}
    for key in set(ANCHORS.values()):
        dataset, row = key.split(":", 1)
        frame, column, title = (events, "date", "title") if dataset == "events" else (conflicts, "start", "name")
        dates[key] = (frame.loc[row, column], frame.loc[row, title])
    return dates


# ----------------------------------------------------------------- reading a sentence

def sentences(text: str) -> list[str]:
    """The sentences of a text (abbreviations such as 'U.S.' do not end one)."""
    protected = text
    for abbreviation in ABBREVIATIONS:
        protected = protected.replace(abbreviation, abbreviation.replace(".", "\x00"))
    parts = re.split(r"(?<=[.!?])[\"”’)\]]*\s+(?=[\"“(\[]?[A-Z0-9(])", protected.strip())
    return [p.replace("\x00", ".").strip() for p in parts if p.strip()]


def _hyphenated(text: str) -> str:
    """'Sino-Soviet' -> 'China', 'Nazi-Soviet' -> 'Nazi Germany' and so on, so that the state is found."""
    prefixes = {"sino": "China", "anglo": "Britain", "nazi": "Nazi Germany", "german": "Germany",
                "franco": "France", "italo": "Italy", "polish": "Poland", "finnish": "Finland", "japanese": "Japan",
                "american": "the United States", "yugoslav": "Yugoslavia", "czechoslovak": "Czechoslovakia",
                "mongolian": "Mongolia", "turkish": "Turkey", "iranian": "Iran", "korean": "Korea"}
    def swap(match: re.Match) -> str:
        word = (match.group(1) or match.group(2)).lower()
        return prefixes.get(word, match.group(0))
    return re.sub(r"\b([A-Za-z]+)-Soviet\b|\bSoviet-([A-Za-z]+)\b", swap, text)


def _slots(text: str) -> list[Slot]:
    """The states a sentence names, each name once; 'Mao's China' is one name (the People's Republic)."""
    lowered = _hyphenated(text).lower()
    lowered = re.sub(SOVIET_WORDS, lambda m: " " * len(m.group(0)), lowered)
    taken = [False] * len(lowered)
    found: list[tuple[int, int, str, tuple]] = []
    for name, states in _names():
        if name == SOVIET_UNION.lower():
            continue
        for match in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", lowered):
            if any(taken[match.start():match.end()]):
                continue
            taken[match.start():match.end()] = [True] * (match.end() - match.start())
            states_ = tuple(s for s in states if s[0] != SOVIET_UNION)
            if states_:
                found.append((match.start(), match.end(), name, states_))
    found.sort()
    slots: list[Slot] = []
    skip = False
    for i, (start, end, name, states) in enumerate(found):
        if skip:
            skip = False
            continue
        if i + 1 < len(found) and re.fullmatch(r"['’]s\s+", lowered[end:found[i + 1][0]]):
            nxt = found[i + 1]
            both = {c for c, _, _ in states} & {c for c, _, _ in nxt[3]}
            if both:  # "Mao's China", "Batista's Cuba": the state both names stand for, in the years both do
                merged = tuple((c, max(a, b2), min(b, c2)) for c, a, b in states for c_, b2, c2 in nxt[3]
                               if c == c_ and max(a, b2) <= min(b, c2))
                slots.append(Slot(f"{name}'s {nxt[2]}", merged))
                skip = True
                continue
        slots.append(Slot(name, states))
    merged: dict[frozenset, Slot] = {}
    for slot in slots:  # "Fidel Castro's revolution in Cuba": one state, in the years both names stand for it
        countries = frozenset(c for c, _, _ in slot.states)
        if countries in merged:
            before = {c: (a, b) for c, a, b in merged[countries].states}
            states = tuple((c, max(a, before[c][0]), min(b, before[c][1])) for c, a, b in slot.states)
            merged[countries] = Slot(f"{merged[countries].name} ({slot.name})", states)
        else:
            merged[countries] = slot
    return list(merged.values())


def _years(text: str) -> tuple[int, int, bool, bool, date | None]:
    """(first, last, whole, only_after, exact day) of the years a claim is about."""
    lowered = text.lower()
    exact = None
    day = re.search(r"\b(\d{1,2}) (" + "|".join(MONTHS) + r") (\d{4})\b", lowered)
    if day:
        try:
            exact = date(int(day.group(3)), MONTHS[day.group(2)], int(day.group(1)))
        except ValueError:
            exact = None
    whole = bool(re.search(WHOLE_SPAN, lowered))
    after_death = re.search(r"after (?:stalin(?:'s)?|his) death|after stalin died|after he died|after 1953", lowered)
    only_after = bool(after_death and re.search(r"\bonly\b", lowered))
    if only_after:
        return FIRST_YEAR, OPEN_END.year, False, True, exact
    if after_death:
        return 1953, OPEN_END.year, whole, False, exact
    decade = re.search(r"\b(?:in|during) the (19[1-9])0s\b", lowered)
    if decade:
        start = int(decade.group(1)) * 10
        return start, start + 9, whole, False, exact
    span = re.search(r"\b(?:from|between)\s+(?:\w+\s+){0,2}(1[89]\d\d)\s+(?:to|and|until|till)\s+(?:\w+\s+){0,2}"
                     r"(1[89]\d\d)\b|\b(1[89]\d\d)\s*[–-]\s*(1[89]\d\d|\d\d)\b", lowered)
    if span:
        a, b = (span.group(1), span.group(2)) if span.group(1) else (span.group(3), span.group(4))
        b = a[:2] + b if len(b) == 2 else b
        return int(a), int(b), whole, False, exact
    until = re.search(r"\b(?:until|till|up to)\s+(?:\w+\s+){0,2}(1[89]\d\d)\b", lowered)
    before = re.search(r"\bbefore\s+(?:\w+\s+){0,2}(1[89]\d\d)\b", lowered)
    if before and not until:
        return FIRST_YEAR, int(before.group(1)) - 1, whole, False, exact
    since = re.search(r"\b(?:since|after|from)\s+(?:\w+\s+){0,2}(1[89]\d\d)\b", lowered)
    if until:
        return FIRST_YEAR, int(until.group(1)), True, False, exact
    if since:  # "from 1939": every year from then on
        start = int(since.group(1))
        return start, max(start, LAST_YEAR), True, False, exact
    years = [int(y) for y in re.findall(r"\b(1[89]\d\d)\b", lowered)]
    if years:
        return min(years), max(years), whole, False, exact
    if re.search(r"\b(?:during|in|throughout) the (?:second world |great patriotic )?war\b|\bwartime\b", lowered):
        return 1941, 1945, whole, False, exact
    if re.search(r"\bafter the war\b", lowered):
        return 1945, LAST_YEAR, whole, False, exact
    if re.search(r"\bbefore the war\b", lowered):
        return FIRST_YEAR, 1941, whole, False, exact
    return FIRST_YEAR, LAST_YEAR, whole, False, exact


def read(sentence: str) -> Reading | None:
    """How the engine understands one sentence, or None if it finds no claim it can check."""
    lowered = _hyphenated(sentence).lower()
    anchors = tuple(dict.fromkeys(key for phrase, key in ANCHORS.items() if re.search(rf"\b{phrase}\b", lowered)))
    relation = next((name for name, pattern in RELATIONS.items() if re.search(pattern, lowered)), None)
    if re.search(ALLIES, lowered):
        relation = "alliance"
    slots = list(_slots(sentence))
    soviet = bool(re.search(SOVIET_WORDS, lowered, re.I))
    if relation is None and anchors and soviet:
        relation = "anchor"
    if relation is None or (not slots and not anchors):
        return None
    first, last, whole, only_after, exact = _years(sentence)
    anchor_years = [anchor_dates()[k][0].year for k in anchors if k not in CONFERENCES or relation == "spheres"]
    if anchor_years and not re.search(r"\b1[89]\d\d\b", lowered):
        first, last = min(anchor_years), max(anchor_years)
    qualifier = next((t for word, t in PACT_TYPES.items() if re.search(rf"\b{word}\b", lowered)), None)
    if relation == "pact" and re.search(RELATIONS["alliance"], lowered):
        relation = "alliance"
    negated = bool(re.search(NEGATION, lowered)) and not only_after

    def named_at(slot: Slot) -> int:
        return lowered.find(slot.name.split("'")[0].split(" (")[0])

    if relation in ("support", "alliance"):  # in "X's war against France", France is neither supported nor allied
        slots = [s for s in slots if not re.search(rf"\bagainst\s+(?:\w+\s+){{0,2}}{re.escape(s.name.split(chr(39))[0])}",
                                                  lowered)]
    aggressor = None
    verb = re.search(r"\b(?:invad(?:e|ed|es|ing)|attack(?:ed|s)?|occup(?:ied|y|ies)|annex(?:ed|es)?|crush(?:ed)?)\b",
                     lowered)
    if relation == "war" and verb:
        soviet_first = bool(re.search(SOVIET_WORDS, lowered[:verb.start()], re.I))
        before = [s for s in slots if 0 <= named_at(s) < verb.start()]
        if soviet_first:  # the USSR (and any state named beside it) did it to the states named after the verb
            aggressor = "soviet"
            slots = [s for s in slots if s not in before] or slots
        elif before:
            aggressor = "other"
            slots = before
    if not slots and not anchors:
        return None
    return Reading(relation, tuple(slots), first, last, whole and not negated, negated,
                   qualifier if relation == "pact" else None, bool(re.search(SUPERLATIVE, lowered)), only_after,
                   exact, anchors, aggressor, soviet, bool(re.search(r"\b(?:signed|signs|sign|concluded)\b", lowered)))


# ----------------------------------------------------------------- evidence for one state

def _in_years(start: pd.Timestamp, end: pd.Timestamp, first: int, last: int) -> bool:
    return start <= pd.Timestamp(last, 12, 31) and end >= pd.Timestamp(first, 1, 1)


@lru_cache(maxsize=1024)
def _evidence(relation: str, country: str, qualifier: str | None) -> list[Evidence]:
    """Every row of the data that shows ``relation`` between the USSR and ``country``, at any date."""
    data = _index()
    found: list[Evidence] = []
    if relation in ("alliance", "pact", "neutrality", "spheres", "split"):
        treaties = data["treaties"]
        mine = treaties_with(country, treaties)
        if relation == "alliance":
            mine = mine[mine["type"].isin(ALLIANCE_TYPES)]
        elif relation == "pact" and qualifier:
            mine = mine[mine["type"] == qualifier]
        elif relation == "neutrality":
            mine = mine[mine["type"].isin(["neutrality", "non-aggression"])]
        elif relation == "spheres":
            mine = mine[mine["secret_protocol"] & (mine["summary"].str.contains("sphere", case=False)
                                                   | mine["note"].fillna("").str.contains("sphere", case=False))]
        elif relation == "split":
            mine = mine[mine["end_manner"] == "denounced"]
            found += [Evidence(f"treaties:{t.treaty_id}", t.end_date, t.end_date, f"{t.name} denounced")
                      for t in mine.itertuples()]
            mine = mine.iloc[0:0]
        found += [Evidence(f"treaties:{t.treaty_id}", t.start, t.end, f"{t.name} ({t.type})", t.signed)
                  for t in mine.itertuples()]
    if relation in ("war", "neutrality", "attack_soviet", "attack_other"):
        conflicts = data["conflicts"]
        mine = conflicts[[country in (o or []) + (l or []) and country not in (s or []) for o, l, s in
                          zip(conflicts["opponents"], conflicts["location"], conflicts["soviet_side"])]]
        if relation == "attack_soviet":  # the USSR invaded, occupied or intervened
            mine = mine[mine["soviet_role"].isin(["invader", "occupying power", "intervening power",
                                                  "covert participant"]) | mine["kind"].isin(["invasion",
                                                                                               "occupation"])]
        elif relation == "attack_other":  # the other state attacked the USSR
            mine = mine[(mine["soviet_role"] == "belligerent") & mine["opponents"].map(lambda o: country in (o or []))]
        found += [Evidence(f"conflicts:{c.conflict_id}", c.start, c.finish, c.name) for c in mine.itertuples()]
    if relation == "lend_lease":
        aid = load("lend_lease")
        mine = aid[aid["supplier"] == country]
        found += [Evidence(f"lend_lease:{a.row_id}", pd.Timestamp(1941, 10, 1), pd.Timestamp(1945, 9, 2), a.item)
                  for a in mine.itertuples()]
    if relation == "spheres":
        events = data["events"]
        talks = events_involving(country, events)
        talks = talks[talks["summary"].str.contains(r"spheres|percentages", case=False)]
        found += [Evidence(f"events:{e.event_id}", e.date, e.date, e.title) for e in talks.itertuples()]
    if relation == "support":
        support = data["support"]
        mine = support[support["recipient_country"] == country]
        found += [Evidence(f"support:{s.support_id}", s.start, s.finish, f"{s.recipient} ({', '.join(s.forms)})"
                           + (" — disputed" if s.disputed else "")) for s in mine.itertuples()]
    if relation == "relations":
        found += _relation_spans(country)
    if relation == "split":
        acts = data["recognitions"]
        broken = acts[(acts["country"] == country) & acts["action"].isin(["relations broken", "relations suspended"])]
        found += [Evidence(f"recognitions:{a.country}@{a.date:%Y-%m-%d}", a.date, a.date, "relations broken")
                  for a in broken.itertuples()]
        events = events_involving(country, data["events"])
        friction = events["summary"].str.contains(STRAIN_WORDS, case=False)
        crises = events[((events["category"] == "crisis") | friction)
                        & events["countries"].map(lambda c: SOVIET_UNION in c)]
        found += [Evidence(f"events:{e.event_id}", e.date, e.end_date if pd.notna(e.end_date) else e.date, e.title)
                  for e in crises.itertuples()]
        legacy = events[(events["period"] == "after_stalin")
                        & events["summary"].str.contains(r"split|quarrel|recall|break|clash", case=False)]
        found += [Evidence(f"events:{e.event_id}", e.date, e.date, e.title) for e in legacy.itertuples()]
    return found


def _relation_spans(country: str) -> list[Evidence]:
    """Spans of diplomatic relations with a state: from each recognition or restoration to the next break."""
    acts = _index()["recognitions"]
    mine = acts[acts["country"] == country].sort_values("date")
    spans, opened = [], None
    for act in mine.itertuples():
        key = f"recognitions:{act.country}@{act.date:%Y-%m-%d}"
        if act.action in ("relations broken", "relations suspended"):
            if opened is not None:
                spans.append(Evidence(opened[0], opened[1], act.date, "diplomatic relations"))
            opened = None
        elif opened is None:
            opened = (key, act.date)
    if opened is not None:
        spans.append(Evidence(opened[0], opened[1], OPEN_END, "diplomatic relations"))
    return spans


# ----------------------------------------------------------------- the rules

def _existence(states: Iterable[tuple[str, int, int]], first: int, last: int) -> list[tuple[str, int, int]]:
    """The states of a name that existed (and were so named) in at least one of the years, with those years."""
    existing = []
    countries = _index()["countries"].set_index("country")
    for country, a, b in states:
        row = countries.loc[country]
        a = max(a, int(row["existed_from"]) if pd.notna(row["existed_from"]) else a)
        b = min(b, int(row["existed_to"]) if pd.notna(row["existed_to"]) else b)
        if max(a, first) <= min(b, last):
            existing.append((country, max(a, first), min(b, last)))
    return existing


def _coverage(rows: list[Evidence], first: int, last: int) -> set[int]:
    last = min(last, DEATH.year)
    return {y for r in rows for y in range(max(first, r.start.year), min(last, r.end.year) + 1)}


def _judge_state(reading: Reading, country: str, first: int, last: int) -> tuple[str, str, list[str]]:
    """Verdict, explanation and evidence keys for one state of a claim (before negation)."""
    relation = reading.relation
    if relation == "war" and reading.aggressor:
        relation = f"attack_{reading.aggressor}"
    rows = _evidence(relation, country, reading.qualifier)
    if reading.signed:  # "signed a treaty in 1935": treaties count from the day of signature
        rows = [Evidence(r.key, r.signed, r.end, r.what) if r.signed is not None else r for r in rows]
    before = [r for r in rows if r.start <= DEATH]
    inside = [r for r in before if _in_years(r.start, min(r.end, DEATH), first, last)]
    later = [r for r in rows if r.start > DEATH and r.start.year >= first]
    keys = [r.key for r in inside] or [r.key for r in later][:3]
    if relation == "neutrality":  # a war that began in the last year of "neutral until Y" ended the neutrality
        wars = [r for r in inside if r.key.startswith("conflicts:") and not (reading.whole and r.start.year >= last)]
        pacts = [r for r in inside if r.key.startswith("treaties:")]
        secret = [r for r in pacts if _index()["treaties"].set_index("treaty_id").loc[r.key.split(":")[1],
                                                                                      "secret_protocol"]]
        if wars:
            years = _coverage(wars, first, last)
            verdict = CONTRADICTED if len(years) > (min(last, DEATH.year) - first) / 2 else MISLEADING
            return verdict, f"the USSR fought {country}: {'; '.join(r.what + f' ({r.start:%Y})' for r in wars)}", \
                [r.key for r in wars]
        if secret:
            return MISLEADING, (f"the USSR had a pact with {country} that promised neutrality, but its secret "
                                f"protocol divided eastern Europe between them: {secret[0].what}"), [r.key for r in pacts]
        if pacts:
            return SUPPORTED, f"a pact of neutrality or non-aggression with {country} was in force: {pacts[0].what}", \
                [r.key for r in pacts]
        return UNKNOWN, f"the course data has no war and no pact of the USSR with {country} in those years", []
    if relation == "split" and reading.only_after:
        under = [r for r in before if r.start.year >= first]
        breaks = [r for r in under if r.key.startswith(("recognitions:", "treaties:"))]
        after = [r for r in rows if r.start > DEATH]
        if breaks:
            return CONTRADICTED, (f"relations with {country} broke down under Stalin: "
                                  f"{'; '.join(r.what + f' ({r.start:%Y})' for r in breaks)}"), [r.key for r in under]
        if under:
            verdict = MISLEADING if after else CONTRADICTED
            return verdict, (f"the open split came after Stalin ({'; '.join(f'{r.what} ({r.start:%Y})' for r in after[:2])})"
                             if after else "") + (f"{'; but ' if after else ''}the data shows strains under Stalin: "
                                                  f"{'; '.join(r.what + f' ({r.start:%Y})' for r in under[:3])}"), \
                [r.key for r in under + after]
        if after:
            return SUPPORTED, f"the data shows the split only after 5 March 1953: {after[0].what}", [r.key for r in after]
        return UNKNOWN, f"the course data has no break, crisis or split between the USSR and {country}", []
    if not inside:
        if later:
            return OUTSIDE, (f"the data shows it only after Stalin's death on 5 March 1953: "
                             f"{'; '.join(r.what + f' ({r.start:%Y})' for r in later[:3])}"), keys
        if relation in COMPLETE or relation.startswith("attack_"):
            what = {"alliance": "no treaty of alliance or mutual assistance", "pact": "no such treaty",
                    "lend_lease": "no Lend-Lease aid",
                    "war": "no war, invasion or occupation", "relations": "no diplomatic relations",
                    "attack_soviet": "no Soviet invasion, occupation or intervention",
                    "attack_other": "no attack on the USSR"}[relation]
            other = [r for r in before][:2]
            hint = (f" (the data has {join_names([r.what + f' ({r.start:%Y})' for r in other])} in other years)"
                    if other else "")
            if relation in ("alliance", "pact", "war", "attack_soviet", "attack_other", "neutrality"):
                treaties = [r for r in _evidence("pact", country, None)
                            if _in_years(r.signed or r.start, r.end, first, min(last, DEATH.year))]
                if treaties:  # what the data does have with that state in those years
                    hint += f"; its treaties with the USSR then: {join_names([r.what for r in treaties[:3]])}"
                    other = other + [r for r in treaties if r not in other][:3]
            return CONTRADICTED, f"the course data, which lists every case, has {what} with {country} in {year_span(first, min(last, DEATH.year))}{hint}", [r.key for r in other]
        return UNKNOWN, f"the course data records no {relation} between the USSR and {country} in those years; " \
                        "that is not proof that there was none", []
    covered = _coverage(inside, first, last)
    wanted = set(range(first, min(last, DEATH.year) + 1))
    shown = "; ".join(f"{r.what} ({year_span(r.start.year, min(r.end, DEATH).year)})" for r in inside[:4])
    if reading.whole and not wanted <= covered:
        missing = sorted(wanted - covered)
        return MISLEADING, (f"true only for part of {year_span(first, min(last, DEATH.year))}: {shown}; not in "
                            f"{_years_words(missing)}"), keys
    if (reading.superlative or reading.whole) and relation == "support" and any("disputed" in r.what for r in inside):
        return MISLEADING, f"there was Soviet support, but how much and how decisive is disputed: {shown}", keys
    if reading.exact is not None and (relation in ("war", "pact", "alliance") or relation.startswith("attack_")):
        days = {r.start.date() for r in inside}
        if reading.exact not in days and len(inside) == 1:
            return CONTRADICTED, f"the data dates it to {inside[0].start:%-d %B %Y}, not {reading.exact:%-d %B %Y}: " \
                                 f"{shown}", keys
    return SUPPORTED, shown, keys


def _years_words(years: list[int]) -> str:
    runs, start = [], None
    for i, y in enumerate(years):
        if start is None:
            start = y
        if i + 1 == len(years) or years[i + 1] != y + 1:
            runs.append(year_span(start, y))
            start = None
    return join_names(runs)


def _spheres(reading: Reading) -> tuple[str, str, list[str]] | None:
    """A claim that a conference divided Europe into spheres: judged by what the conference itself decided."""
    named = [CONFERENCES[k] for k in reading.anchors if k in CONFERENCES]
    if not named:
        return None
    decisions = _index()["decisions"]
    theirs = decisions[decisions["conference"].isin(named)]
    dividing = theirs[theirs["decision"].str.contains("sphere", case=False)]
    if not dividing.empty:
        return SUPPORTED, f"{join_names(named)} decided it: {dividing.iloc[0]['decision']}", \
            [f"conference_decisions:{d}" for d in dividing["decision_id"]]
    events = _index()["events"]
    years = [anchor_dates()[k][0].year for k in reading.anchors if k in CONFERENCES]
    elsewhere = events[events["summary"].str.contains(r"spheres|percentages", case=False)
                       & events["date"].dt.year.between(min(years) - 1, max(years)) & (events["date"] <= DEATH)
                       & ~events["event_id"].isin([k.split(":")[1] for k in reading.anchors])]
    europe = theirs[theirs["topic"].str.contains("Poland|Germany|liberated", case=False)]
    keys = [f"conference_decisions:{d}" for d in europe["decision_id"]][:4] + [f"events:{e}" for e in
                                                                                 elsewhere["event_id"]]
    topics = join_names(sorted(set(europe["topic"])))
    if not elsewhere.empty:
        return MISLEADING, (f"no decision of {join_names(named)} divides Europe into spheres (their decisions on "
                            f"{topics} are in the evidence); a bargain on spheres was struck elsewhere, informally: "
                            f"{elsewhere.iloc[0]['title']} ({elsewhere.iloc[0]['date']:%B %Y})"), keys
    return CONTRADICTED, f"no decision of {join_names(named)} divides Europe into spheres", keys


def _judge_anchors(reading: Reading) -> tuple[str, str, list[str]]:
    """A claim that names an event but no state: dated by the event, and judged by who took the step."""
    dated = [(anchor_dates()[k], k) for k in reading.anchors]
    after = [(d, t, k) for (d, t), k in dated if d > DEATH]
    if after:
        return OUTSIDE, "; ".join(f"{t} dates from {d:%-d %B %Y}, after Stalin's death on 5 March 1953"
                                  for d, t, _ in after), [k for _, _, k in after]
    data = _index()
    events = data["events"].set_index("event_id")
    keys, parts, verdicts = [], [], []
    for (day, title), key in dated:
        if not reading.first <= day.year <= reading.last:
            verdicts.append(CONTRADICTED)
            parts.append(f"the data dates {title} to {day:%-d %B %Y}, not {year_span(reading.first, reading.last)}")
            keys.append(key)
            continue
        dataset, row_id = key.split(":", 1)
        if reading.relation == "war":  # a war claim about an event: the USSR's own wars there and then
            places = set(events.loc[row_id, "countries"]) - {SOVIET_UNION} if dataset == "events" else set()
            conflicts = data["conflicts"]
            ours = conflicts[(conflicts["start"] >= day - pd.Timedelta(days=31))
                             & (conflicts["start"] <= pd.Timestamp(reading.last, 12, 31))
                             & (conflicts["kind"] != "occupation")
                             & conflicts["location"].map(lambda l: bool(places & set(l or [])))
                             & conflicts["opponents"].map(lambda o: not o or bool(places & set(o)))]
            if dataset == "conflicts" or not ours.empty:
                rows = [key] if dataset == "conflicts" else [f"conflicts:{c}" for c in ours["conflict_id"]]
                verdicts.append(SUPPORTED)
                parts.append(f"the data has Soviet forces in it: {join_names(list(ours['name']) or [title])}")
                keys += rows
                continue
        actor = events.loc[row_id, "actor"] if dataset == "events" else "Soviet"
        if actor in ("Soviet", "Joint"):
            verdicts.append(SUPPORTED)
            parts.append(f"the data records it: {title} ({day:%-d %B %Y}), a {actor.lower()} step")
        elif reading.soviet_subject:
            verdicts.append(CONTRADICTED)
            parts.append(f"the data has {title} ({day:%-d %B %Y}) as a step of the {actor.lower()} side, not the USSR's")
        else:
            verdicts.append(UNKNOWN)
            parts.append("the checker cannot tell what the sentence says of the USSR")
        keys.append(key)
    return _combine(verdicts), "; ".join(parts), keys


def _combine(verdicts: list[str]) -> str:
    if len(set(verdicts)) == 1:
        return verdicts[0]
    if SUPPORTED in verdicts or MISLEADING in verdicts:
        return MISLEADING
    if OUTSIDE in verdicts and set(verdicts) <= {OUTSIDE, UNKNOWN}:
        return OUTSIDE
    return CONTRADICTED


NEGATED = {SUPPORTED: CONTRADICTED, CONTRADICTED: SUPPORTED}


def _judge(reading: Reading) -> tuple[str, str, list[str]]:
    if reading.relation == "anchor" or (reading.relation not in ("spheres",) and reading.anchors and not reading.slots):
        return _judge_anchors(reading)
    if reading.relation == "spheres":
        result = _spheres(reading)
        if result is not None:
            return result
    if reading.first > DEATH.year or (reading.first == DEATH.year and reading.relation != "split"
                                       and reading.last > DEATH.year):
        return OUTSIDE, "the claim is about the years after Stalin's death on 5 March 1953", []
    verdicts, parts, keys = [], [], []
    for slot in reading.slots:
        existing = _existence(slot.states, reading.first, reading.last)
        if not existing:
            came = min((a for _, a, _ in slot.states), default=None)
            if came is not None and came > DEATH.year:
                verdicts.append(OUTSIDE)
                parts.append(f"{slot.name.title() if slot.name.islower() else slot.name}: not before {came}, "
                             f"after Stalin's death")
                keys += [r.key for c, _, _ in slot.states for r in _evidence(reading.relation, c, reading.qualifier)
                         if r.start > DEATH][:3]
            else:
                verdicts.append(CONTRADICTED)
                parts.append(f"{_slot_words(slot)} did not exist (under that name) in "
                             f"{year_span(reading.first, reading.last)}")
            continue
        state_results = [(_judge_state(reading, c, a, b), c) for c, a, b in existing]
        best = next((r for r in state_results if r[0][0] == SUPPORTED), None) or \
            next((r for r in state_results if r[0][0] == MISLEADING), None) or state_results[0]
        if len(state_results) > 1 and reading.whole:  # "China" throughout: both Chinas, one after the other
            joined = [r for r in state_results if r[0][0] in (SUPPORTED, MISLEADING)]
            wanted = set(range(reading.first, min(reading.last, 1953) + 1))
            covered = set().union(*[_coverage(_evidence(reading.relation, c, reading.qualifier), a, b)
                                    for c, a, b in existing]) if joined else set()
            verdict = SUPPORTED if joined and wanted <= covered else MISLEADING if joined else best[0][0]
            shown = [(r, c) for r, c in state_results if r[0] != UNKNOWN] or state_results
            best = ((verdict, "; ".join(f"{c}: {r[1]}" for r, c in shown), sum([r[2] for r, _ in shown], [])), "")
        verdict, why, evidence = best[0]
        verdicts.append(verdict)
        parts.append(why if len(reading.slots) == 1 else f"{_slot_words(slot)}: {why}")
        keys += evidence
    if reading.relation == "spheres" and SUPPORTED in verdicts:  # the states divided are not parties to the division
        verdicts = [SUPPORTED]
    if reading.relation == "support" and (reading.whole or reading.superlative) and SUPPORTED in verdicts and \
            any("disputed" in r.what for c in reading.slots for st, _, _ in c.states
                for r in _evidence("support", st, None)):
        verdicts = [MISLEADING]
        parts.append("historians disagree about how much and how decisive that support was")
    verdict = _combine(verdicts)
    if reading.negated:
        verdict = NEGATED.get(verdict, verdict)
    return verdict, "; ".join(parts), list(dict.fromkeys(keys))


def judge_sentence(sentence: str) -> Finding:
    """The finding for one sentence."""
    reading = read(sentence)
    if reading is None:
        return Finding(sentence, "no claim the checker can read: it needs a state and what the USSR did with it",
                       UNKNOWN, "The checker found no claim about Soviet relations with a state that it can test "
                                "against the course data. Read it yourself, or put it more plainly.")
    verdict, why, evidence = _judge(reading)
    lead = {SUPPORTED: "The data supports it", CONTRADICTED: "The data contradicts it",
            MISLEADING: "Misleading", OUTSIDE: "Outside Stalin's lifetime", UNKNOWN: "Not in the course data"}[verdict]
    if reading.negated and verdict in (SUPPORTED, CONTRADICTED):
        why = "the claim says it did not happen; " + why
    explanation = f"{lead}: {why}." if why else f"{lead}."
    return Finding(sentence, reading.words(), verdict, explanation.replace("..", "."), tuple(evidence))


def judge(text: str) -> list[Finding]:
    """One finding for each sentence of ``text``: its reading, verdict, explanation and evidence."""
    return [judge_sentence(s) for s in sentences(text)]


# ----------------------------------------------------------------- evidence, as a reader sees it

def evidence_table(keys: Iterable[str]) -> pd.DataFrame:
    """The rows behind evidence keys: date (as precise as the data), dataset, what, and who took part."""
    data = _index()
    by_key = {
        "treaties": data["treaties"].set_index("treaty_id"), "events": data["events"].set_index("event_id"),
        "conflicts": data["conflicts"].set_index("conflict_id"), "support": data["support"].set_index("support_id"),
        "conference_decisions": data["decisions"].set_index("decision_id"),
    }
    rows = []
    for key in keys:
        dataset, row_id = key.split(":", 1)
        if dataset == "recognitions":
            country, day = row_id.split("@")
            acts = data["recognitions"]
            act = acts[(acts["country"] == country) & (acts["date"] == pd.Timestamp(day))].iloc[0]
            rows.append((act["date"], act["date_precision"], dataset, f"{act['action']} (step taken by "
                         f"{act['initiator']})", f"Soviet Union, {country}"))
            continue
        if dataset == "lend_lease":  # totals of the whole programme, not dated rows: dated by its first protocol
            aid = load("lend_lease").set_index("row_id").loc[row_id]
            rows.append((pd.Timestamp(1941, 10, 1), "month", dataset, f"{aid['item']}: {aid['quantity']:,g} "
                         f"{aid['unit']} (deliveries from October 1941)", f"{aid['supplier']} to Soviet Union"))
            continue
        row = by_key[dataset].loc[row_id]
        if dataset == "treaties":
            rows.append((row["signed"], "day", dataset, f"{row['name']} ({row['type']})", ", ".join(row["parties"])))
        elif dataset == "events":
            rows.append((row["date"], row["date_precision"], dataset, row["title"], ", ".join(row["countries"])))
        elif dataset == "conflicts":
            sides = ["Soviet Union", *(row["soviet_side"] or [])]
            against = row["opponents"] or [row["opponent_forces"] or "non-state forces"]
            rows.append((row["start"], row["start_precision"], dataset, f"{row['name']} ({row['kind']})",
                         f"{', '.join(sides)} against {', '.join(against)}"))
        elif dataset == "support":
            rows.append((row["start"], row["start_precision"], dataset, f"{row['recipient']}: "
                         f"{', '.join(row['forms'])}", f"Soviet Union to {row['recipient_country']}"))
        elif dataset == "conference_decisions":
            opening = anchor_dates()[next(k for k, v in CONFERENCES.items() if v == row["conference"])][0]
            rows.append((opening, "day", dataset, f"{row['conference']}: {row['decision']}",
                         ", ".join(row["pressed_by"])))
    return pd.DataFrame(rows, columns=["date", "precision", "dataset", "what", "who"])
