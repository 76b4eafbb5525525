"""Parse errors a rule can see, and the subjects of adjunct clauses.

Our own sentences. A parser trained on little news text reads "after Hamas fired rockets" as the phrase "after
Hamas" (events/tree_repair.py mends the tree); it hangs a name before an unknown verb form from the verb as a
`compound` ("North Korea test-fired"); and a present participle adjoined to a clause ("..., demanding ...") has
that clause's subject.
"""

from __future__ import annotations

import pytest

from dyad.events.tree import Tree
from dyad.events.tree_repair import TreeRepair
from dyad.lang import load_language
from dyad.text.parse import ParsedToken
from tests.conftest import triples

PAST_PARTICIPLE = {"VerbForm": "Part", "Tense": "Past"}
FINITE_PAST = {"VerbForm": "Fin", "Tense": "Past"}
PRESENT_PARTICIPLE = {"VerbForm": "Part", "Tense": "Pres"}


def _tree(arcs: list[tuple[str, int, str, str, dict]]) -> Tree:
    return Tree(
        tuple(
            ParsedToken(i, text, head, dep, upos, morph=morph) for i, (text, head, dep, upos, morph) in enumerate(arcs)
        )
    )


def _misread(verb_morph: dict) -> Tree:
    """ "Israel struck Gaza after Hamas fired rockets": "after Hamas" a phrase, "fired" an adjective of "rockets"."""
    return _tree(
        [
            ("Israel", 1, "nsubj", "PROPN", {}),
            ("struck", 1, "root", "VERB", FINITE_PAST),
            ("Gaza", 1, "obj", "PROPN", {}),
            ("after", 4, "case", "ADP", {}),
            ("Hamas", 1, "obl", "PROPN", {}),
            ("fired", 6, "amod", "VERB", verb_morph),
            ("rockets", 1, "obj", "NOUN", {}),
        ]
    )


@pytest.fixture(scope="module")
def repair() -> TreeRepair:
    return TreeRepair(load_language("en"))


def test_a_subordinator_read_as_a_preposition_opens_the_clause_of_the_verb_after_its_noun(repair) -> None:
    tree = repair.repair(_misread(PAST_PARTICIPLE))
    arcs = [(t.text, tree.tokens[t.head].text, t.dep) for t in tree.tokens]
    assert ("Hamas", "fired", "nsubj") in arcs
    assert ("after", "fired", "mark") in arcs
    assert ("fired", "struck", "advcl") in arcs
    assert ("rockets", "fired", "obj") in arcs
    assert tree.clause_marks() == {3: 1}


def test_a_present_participle_after_the_noun_stays_its_modifier(repair) -> None:
    tree = _misread(PRESENT_PARTICIPLE)  # "after talks ending ...": no clause
    assert repair.repair(tree) is tree


def test_german_has_no_such_words_and_repairs_nothing() -> None:
    tree = _misread(PAST_PARTICIPLE)
    assert TreeRepair(load_language("de")).repair(tree) is tree


@pytest.mark.parametrize(
    ("sentence", "expected", "not_expected"),
    [
        (
            "Israel struck targets in Gaza after Hamas fired rockets at Israeli towns.",
            ("PSE", "194", "ISR"),
            ("ISR", "194", "PSE"),
        ),
        ("Athens protested after Turkish jets violated Greek airspace.", ("GRC", "114", None), ("GRC", "150", None)),
    ],
)
def test_the_clause_after_a_misread_subordinator_has_its_own_subject(code, sentence, expected, not_expected) -> None:
    found = triples(code(sentence, "en"))
    assert expected in found
    assert not_expected not in found


def test_a_name_hung_from_a_verb_as_a_compound_is_its_subject(code) -> None:
    found = triples(code("North Korea test-fired two ballistic missiles, Japan's defence ministry said.", "en"))
    assert ("PRK", "150", None) in found
    assert all(source != "JPN" for source, _, _ in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Turkey expelled the Israeli ambassador, demanding an immediate ceasefire in Gaza.", ("TUR", "107")),
        ("Venezuela expelled the Spanish ambassador, accusing Madrid of meddling.", ("VEN", "112")),
    ],
)
def test_a_participle_adjoined_to_a_clause_has_its_subject(code, sentence: str, expected) -> None:
    assert expected in {(source, cameo) for source, cameo, _ in triples(code(sentence, "en"))}


def _subject_list(first_words: list[tuple[str, int, str, str, dict]]) -> Tree:
    """ "Portugal, Greece and Malta condemned Russia" with "Portugal" and "Greece" both read as subjects."""
    return _tree(
        [
            *first_words,
            ("condemned", 6, "root", "VERB", FINITE_PAST),
            ("Russia", 6, "obj", "PROPN", {}),
        ]
    )


@pytest.mark.parametrize("lang", ["en", "de"])
def test_a_list_of_subjects_read_as_two_is_one_coordination(lang: str) -> None:
    tree = _subject_list(
        [
            ("Portugal", 6, "nsubj", "PROPN", {}),
            (",", 2, "punct", "PUNCT", {}),
            ("Greece", 6, "nsubj", "PROPN", {}),
            ("and", 5, "cc", "CCONJ", {}),
            ("the", 5, "det", "DET", {}),
            ("Maltese", 2, "conj", "PROPN", {}),
        ]
    )
    repaired = TreeRepair(load_language(lang)).repair(tree)
    assert repaired.children(6, "nsubj") == [0]
    assert repaired.conjuncts(0) == [0, 2, 5]


def test_two_subjects_without_a_comma_list_stay_as_they_are() -> None:
    tree = _subject_list(
        [
            ("Portugal", 6, "nsubj", "PROPN", {}),
            ("today", 6, "obl:tmod", "NOUN", {}),
            ("Greece", 6, "nsubj", "PROPN", {}),
            ("and", 5, "cc", "CCONJ", {}),
            ("the", 5, "det", "DET", {}),
            ("Maltese", 2, "conj", "PROPN", {}),
        ]
    )
    assert TreeRepair(load_language("en")).repair(tree) is tree


@pytest.mark.parametrize(
    "sentence",
    [
        "Rescuers from Greece searched for survivors of the earthquake that struck Turkey, killing thousands.",
        "Troops from Kenya arrived after the flood that hit Somalia, killing hundreds.",
    ],
)
def test_a_participle_after_a_relative_clause_on_a_thing_has_no_actor(code, sentence: str) -> None:
    assert not [e for e in code(sentence, "en") if e.cameo.startswith("19")]


def test_a_finite_verb_read_as_an_adjective_heads_its_clause() -> None:
    """ "Hanoi rejected reports that ..." with "rejected" an `amod` of "reports" and "Hanoi" its subject."""
    tree = _tree(
        [
            ("Hanoi", 1, "nsubj", "PROPN", {}),
            ("rejected", 2, "amod", "VERB", FINITE_PAST),
            ("reports", 2, "root", "NOUN", {}),
            ("that", 5, "mark", "SCONJ", {}),
            ("Vietnam", 5, "nsubj", "PROPN", {}),
            ("expelled", 2, "acl", "VERB", FINITE_PAST),
            ("diplomats", 5, "obj", "NOUN", {}),
            (".", 2, "punct", "PUNCT", {}),
        ]
    )
    repaired = TreeRepair(load_language("en")).repair(tree)
    assert (repaired.head(1), repaired.dep(1)) == (None, "root")
    assert (repaired.head(2), repaired.dep(2)) == (1, "obj")
    assert repaired.head(5) == 2  # the report's clause stays with the report


def _middle_field(subject_determiner: str, verb_number: str, object_number: str) -> Tree:
    """ "In der Nacht beschoss die Armee die Stadt", parsed with "Armee" the object and "Stadt" the subject."""
    return _tree(
        [
            ("Morgens", 1, "advmod", "ADV", {}),
            ("beschoss", 1, "root", "VERB", {"VerbForm": "Fin", "Number": verb_number}),
            ("die", 3, "det", "DET", {}),
            ("Armee", 1, "obj", "NOUN", {"Number": object_number}),
            (subject_determiner, 5, "det", "DET", {}),
            ("Stadt", 1, "nsubj", "NOUN", {"Number": "Sing"}),
        ]
    )


def test_of_two_arguments_whose_case_no_word_shows_the_earlier_is_the_subject() -> None:
    repaired = TreeRepair(load_language("de")).repair(_middle_field("die", "Sing", "Sing"))
    assert repaired.children(1, "nsubj") == [3] and repaired.children(1, "obj") == [5]


@pytest.mark.parametrize(
    ("determiner", "object_number"),
    [("der", "Sing"), ("die", "Plur")],  # "der" shows the nominative; the verb agrees with the later one only
)
def test_a_word_showing_case_or_agreement_keeps_the_parsers_reading(determiner: str, object_number: str) -> None:
    tree = _middle_field(determiner, "Sing", object_number)
    assert TreeRepair(load_language("de")).repair(tree) is tree


def test_english_shows_case_by_order_and_repairs_nothing_of_this_kind() -> None:
    tree = _middle_field("the", "Sing", "Sing")
    assert TreeRepair(load_language("en")).repair(tree) is tree


def test_the_army_shells_the_city_in_a_long_middle_field(code) -> None:
    sentence = "Nach Angaben des Generalstabs beschoss die russische Armee in der Nacht die Stadt Charkiw mit Raketen."
    assert ("RUS", "194", "UKR") in triples(code(sentence, "de"))


def test_a_headline_comma_read_as_a_vocative_is_and() -> None:
    tree = _tree(
        [
            ("Ethiopia", 3, "vocative", "PROPN", {}),
            (",", 0, "punct", "PUNCT", {}),
            ("Eritrea", 3, "nsubj", "PROPN", {}),
            ("sign", 3, "root", "VERB", {}),
            ("deal", 3, "obj", "NOUN", {}),
        ]
    )
    repaired = TreeRepair(load_language("en")).repair(tree)
    assert repaired.children(3, "nsubj") == [0] and repaired.conjuncts(0) == [0, 2]


def test_a_headline_pair_of_names_is_one_coordinated_subject(code) -> None:
    sources = {e.source.actor.country for e in code("Ethiopia, Eritrea sign peace deal", "en")}
    targets = {e.target.actor.country for e in code("Ethiopia, Eritrea sign peace deal", "en") if e.target}
    assert {"ETH", "ERI"} <= sources | targets


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the agent hangs from the secondary predicate "dead"
        ("Two students were shot dead by security forces in Tehran on Friday.", ("IRN", "193", "IRN")),
        # "after" read as the case of the subject of a clause that has its verb
        ("The council failed to agree after the United States cast its veto.", ("USA", "129", None)),
    ],
)
def test_agents_below_a_predicate_and_subjects_after_a_subordinator(code, sentence, expected) -> None:
    assert expected in triples(code(sentence, "en"))
