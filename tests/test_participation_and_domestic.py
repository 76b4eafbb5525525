"""Verbs of participation, negation of event nouns, a German name before its noun without the genitive ending, and
the domestic scope of civilian roles (journalists, lawyers, clerics, prisoners)."""

from __future__ import annotations

import pytest
from conftest import triples


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Frankreich und Großbritannien beteiligen sich an den Luftangriffen auf Libyen.", "de", ("FRA", "195", "LBY")),
        ("Die Türkei nahm am Montag an den Gesprächen mit Russland teil.", "de", ("TUR", "046", "RUS")),
        ("Turkey took part in the talks with Russia in Geneva.", "en", ("TUR", "046", "RUS")),
        ("Britain participated in the attacks on Iraq.", "en", ("GBR", "190", "IRQ")),
    ],
)
def test_who_takes_part_in_an_event_is_its_source(code, text: str, lang: str, expected: tuple) -> None:
    assert expected in triples(code(text, lang))


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Die Bundeswehr beteiligt sich nicht an den Luftangriffen auf Libyen.", "de"),
        ("Germany will not take part in the air strikes on Libya.", "en"),
    ],
)
def test_not_taking_part_is_a_negated_event(code, text: str, lang: str) -> None:
    [event] = code(text, lang)
    assert event.cameo == "195" and event.target.actor.country == "LBY"
    assert event.negated


@pytest.mark.parametrize(
    "text",
    [
        "Die türkische Polizei hat am Montag in Istanbul Journalisten festgenommen.",
        "Die türkische Polizei nahm am Montag in Istanbul Dutzende Journalisten fest.",
    ],
)
def test_a_place_before_the_object_is_no_genitive(code, text: str) -> None:
    assert ("TUR", "173", "TUR") in triples(code(text, "de"))


def test_a_genitive_with_its_ending_stays_one() -> None:
    from dyad.events.tree import Tree
    from dyad.events.tree_repair import TreeRepair
    from dyad.lang import load_language
    from dyad.text.parse import load_parser, parse

    words = ["Putins", "Truppen", "griffen", "die", "Ukraine", "an", "."]
    tree = Tree(tuple(parse(load_parser("de"), words)))
    repaired = TreeRepair(load_language("de")).repair(tree)
    assert [(t.head, t.dep) for t in repaired.tokens] == [(t.head, t.dep) for t in tree.tokens]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Egyptian police arrested two journalists in Cairo.", "en", ("EGY", "173", "EGY")),
        ("Die iranische Justiz verurteilte einen Journalisten zu zehn Jahren Haft.", "de", ("IRN", "11", "IRN")),
        ("Chinese authorities detained a prominent cleric in Urumqi.", "en", ("CHN", "173", "CHN")),
        ("Die belarussische Regierung ließ zwölf Häftlinge frei.", "de", ("BLR", "0841", "BLR")),
    ],
)
def test_civilian_roles_belong_to_the_one_country_named(code, text: str, lang: str, expected: tuple) -> None:
    found = {(s, c[: len(expected[1])], t) for s, c, t in triples(code(text, lang))}
    assert expected in found


def test_the_author_of_a_decision_does_what_it_decides(code) -> None:
    events = code("Russland kritisierte die Entscheidung Deutschlands, Panzer zu liefern.", "de")
    assert ("RUS", "111", "DEU") in triples(events)
    assert ("DEU", "072", None) in triples(events)  # before, Russia was the one to deliver


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("NATO Secretary-General Jens Stoltenberg praised the announcement by Chancellor Olaf Scholz.", "en", "DEU"),
        ("Russia criticised the decision by Germany to send tanks.", "en", "DEU"),
    ],
)
def test_the_author_of_an_announcement_or_decision_is_the_target(code, text: str, lang: str, expected: str) -> None:
    assert any(e.target is not None and e.target.actor.country == expected for e in code(text, lang))


@pytest.mark.parametrize("parser", ["default", "none"])
def test_an_actor_compared_with_is_not_the_subject(pipeline, parser: str) -> None:
    from dyad.pipeline import Pipeline
    from dyad.read import RawDocument

    coder = pipeline if parser == "default" else Pipeline.load(parsers={"de": "none"})
    text = "Anders als Frankreich und die USA beteiligt sich die Bundeswehr nicht an den Luftangriffen auf Libyen."
    events = coder.code(RawDocument(text=text, origin="test", language="de")).events
    assert [(e.source.actor.code, e.cameo, e.negated) for e in events] == [("DEUMIL", "195", True)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Qatari and Egyptian mediators shuttled between Israel and Hamas.", "en"),
        ("Katarische und ägyptische Vermittler pendelten zwischen Israel und der Hamas.", "de"),
    ],
)
def test_coordinated_adjectives_before_an_event_noun_are_all_its_sources(code, text: str, lang: str) -> None:
    found = triples(code(text, lang))
    assert {("QAT", "045", "ISR"), ("EGY", "045", "ISR"), ("QAT", "045", "PSE"), ("EGY", "045", "PSE")} <= found


def test_a_generic_threat_takes_the_code_of_what_it_threatens(code) -> None:
    events = code("Trump threatened that the United States would impose sanctions on Turkey.", "en")
    assert ("USA", "1312", "TUR") in triples(events)  # before, the unspecified 130
