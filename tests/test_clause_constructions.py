"""Subordinate clauses without a comma before them, what a demand or threat takes from the clause it governs, and
reciprocals ("accused each other").

Our own sentences. "after", "before", "since" are prepositions as often as subordinators: the parse tells which
("a day after Croatia attacked ..."); "because", "unless", "if" open a clause wherever they stand, parse or none.
"""

from __future__ import annotations

import pytest

from tests.conftest import triples

SUBORDINATE_CASES = [
    (
        "a clause after 'after' has its own subject, not the main clause's",
        "Serbia closed its border a day after Croatia attacked a Serbian village.",
        {("SRB", "191", None), ("HRV", "190", "SRB")},
    ),
    (
        "'since' with a pluperfect",
        "Pakistan expelled the Indian envoy since India had arrested two Pakistani diplomats.",
        {("PAK", "161", "IND"), ("IND", "173", "PAK")},
    ),
    (
        "a parse that reads the subordinator as a preposition yet its noun as the clause's subject",
        "The United States imposed sanctions on Iran, days after Tehran seized a British tanker.",
        {("USA", "163", "IRN"), ("IRN", "1711", "GBR")},
    ),
    (
        "a leading subordinate clause: the chunk with the verb it hangs from is the main clause",
        "After Croatia attacked the village, Serbia closed the border.",
        {("HRV", "190", None), ("SRB", "191", None)},
    ),
]


@pytest.mark.parametrize(
    ("construction", "sentence", "expected"), SUBORDINATE_CASES, ids=[c[0] for c in SUBORDINATE_CASES]
)
def test_a_subordinate_clause_without_a_comma(code, construction: str, sentence: str, expected: set) -> None:
    assert triples(code(sentence, "en")) == expected


@pytest.mark.parametrize("parser", [(), ("none",)], ids=["tree", "no parse"])
def test_because_opens_a_clause_with_or_without_a_parse(parser) -> None:
    from dyad.pipeline import Pipeline
    from dyad.read import RawDocument
    from dyad.text.parse import parser_choices

    pipeline = Pipeline.load(parsers=parser_choices(parser))
    sentence = "Serbia closed the border because Croatia attacked a Serbian village."
    coded = pipeline.code(RawDocument(text=sentence, origin="test", language="en"))
    assert ("HRV", "190", "SRB") in triples(coded.events)
    assert ("SRB", "190", "SRB") not in triples(coded.events)


@pytest.mark.parametrize(
    ("lang", "sentence", "demand"),
    [
        ("en", "Serbia demanded that Croatia withdraw its troops from the border.", ("SRB", "1056", "HRV")),
        (
            "en",
            "The Serbian opposition demanded that the Serbian government release the students.",
            ("SRB", "1053", "SRB"),
        ),
        ("de", "Serbien forderte, dass Kroatien seine Truppen von der Grenze abzieht.", ("SRB", "1056", "HRV")),
    ],
)
def test_a_demand_addresses_the_subject_of_what_it_asks_for(code, lang: str, sentence: str, demand) -> None:
    """Also of its own country: a domestic demand is addressed to the government asked to act."""
    assert demand in triples(code(sentence, lang), certain_only=True)


@pytest.mark.parametrize(
    ("lang", "sentence", "target"),
    [
        ("en", "Russia threatened to stop the talks if the United States deploys new missiles in Europe.", "USA"),
        ("en", "Serbia threatened to close the border unless Croatia withdrew its troops.", "HRV"),
        ("de", "Serbien drohte, die Grenze zu schließen, falls Kroatien seine Truppen nicht abziehe.", "HRV"),
    ],
)
def test_a_threat_is_directed_at_whom_its_condition_names(code, lang: str, sentence: str, target: str) -> None:
    threats = [e for e in code(sentence, lang) if e.cameo.startswith("13")]
    assert [e.target.actor.country if e.target else None for e in threats] == [target]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "India and Pakistan accused each other of violating the ceasefire.", {("IND", "PAK"), ("PAK", "IND")}),
        ("en", "Armenia and Azerbaijan blamed one another for the clashes.", {("ARM", "AZE"), ("AZE", "ARM")}),
        ("de", "Armenien und Aserbaidschan werfen sich gegenseitig Verstöße vor.", {("ARM", "AZE"), ("AZE", "ARM")}),
        ("de", "Israel und die Hamas haben sich gegenseitig angegriffen.", {("ISR", "PSE"), ("PSE", "ISR")}),
    ],
)
def test_a_reciprocal_gives_an_event_in_each_direction(code, lang: str, sentence: str, expected: set) -> None:
    assert {(s, t) for s, _, t in triples(code(sentence, lang))} == expected


def test_a_symmetric_event_with_a_reciprocal_is_one_event_per_pair(code) -> None:
    assert triples(code("Putin and Erdogan met each other in Sochi.", "en")) == {("RUS", "040", "TUR")}


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "The Kremlin rejected the accusations from Washington.", ("RUS", "120", "USA")),
        ("en", "Israel rejected the criticism from France.", ("ISR", "120", "FRA")),
        ("de", "Der Kreml wies die Vorwürfe aus Washington zurück.", ("RUS", "120", "USA")),
        ("de", "Israel wies die Kritik von Frankreich zurück.", ("ISR", "120", "FRA")),
    ],
)
def test_a_rejected_accusation_targets_its_author(code, lang: str, sentence: str, expected) -> None:
    assert triples(code(sentence, lang)) == {expected}


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "en",
            "Germany criticised Iran. France condemned the coup in Niger and suspended development aid to the country.",
            ("FRA", "1621", "NER"),
        ),
        (
            "de",
            "Israel griff Iran an. Die USA hätten trotz der Gespräche mit Syrien Sanktionen gegen das Land verhängt.",
            ("USA", "163", "SYR"),
        ),
        (
            "de",
            "Der Iran wurde angegriffen. Russland verurteilte die Angriffe Israels und der USA auf das Land.",
            ("ISR", "190", "IRN"),
        ),
    ],
)
def test_the_country_names_a_country_in_an_earlier_phrase_of_its_sentence(code, lang, text, expected) -> None:
    assert expected in triples(code(text, lang))


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("de", "Der Papst appellierte an Russland, die Kämpfe zu beenden.", ("VAT", "0256", "RUS")),
        ("de", "Frankreich forderte Russland auf, die Gewalt zu beenden.", ("FRA", "0256", "RUS")),
        ("en", "The Pope called on Israel to stop the fighting in Gaza.", ("VAT", "0256", "ISR")),
    ],
)
def test_an_appeal_to_end_the_fighting(code, lang: str, sentence: str, expected) -> None:
    """Ending fighting or violence de-escalates (087, intent 0356): asked for, an appeal for de-escalation."""
    assert expected in triples(code(sentence, lang), certain_only=True)


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("de", "Tausende Menschen demonstrierten in Belgrad gegen die Regierung.", {("SRB", "141", "SRB")}),
        ("de", "In Tiflis demonstrierten am Sonntag Zehntausende.", {("GEO", "141", None)}),
        ("en", "Riots broke out in Kenya.", {("KEN", "145", None)}),
        ("en", "Thousands demonstrated in Belgrade against the government.", {("SRB", "1411", "SRB")}),
    ],
)
def test_a_protest_by_people_not_named_is_by_the_civilians_where_it_is_held(code, lang, sentence, expected) -> None:
    events = code(sentence, lang)
    assert triples(events) == expected
    assert all(e.source.actor.role == "CVL" for e in events)


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("de", "Russen griffen das Dorf an.", ("RUS", "190", None)),
        ("de", "Die Ukrainer verurteilten die Angriffe der Russen.", ("UKR", "111", "RUS")),
        ("de", "Tausende Israelis demonstrierten in Jerusalem gegen die Regierung.", ("ISR", "141", "ISR")),
        ("de", "Der Iran nahm zwei Französinnen fest.", ("IRN", "173", "FRA")),
        ("en", "Poles criticised Russia.", ("POL", "111", "RUS")),
        ("en", "Czechs criticised Hungary.", ("CZE", "111", "HUN")),
    ],
)
def test_inhabitant_nouns_name_their_country(code, lang: str, sentence: str, expected) -> None:
    assert expected in triples(code(sentence, lang))


@pytest.mark.parametrize(
    ("lang", "sentence", "denied"),
    [
        ("en", "Russia denied attacking the hospital in Kharkiv.", ("RUS", "190", "UKR")),
        ("en", "Iran denied that it had supplied drones to Russia.", ("IRN", "072", "RUS")),
        ("de", "Der Iran bestritt, Waffen an die Huthi geliefert zu haben.", ("IRN", "072", "YEM")),
    ],
)
def test_what_a_verb_of_denial_governs_is_denied(code, lang: str, sentence: str, denied) -> None:
    events = code(sentence, lang)
    assert denied in triples(events)
    assert denied not in triples(events, certain_only=True)


@pytest.mark.parametrize(
    ("lang", "sentence", "denied"),
    [
        (
            "en",
            "Hanoi rejected reports that Vietnam had deported a Chinese dissident to Beijing.",
            ("VNM", "174", "CHN"),
        ),
        ("de", "Ankara wies Berichte zurück, wonach Erdoğan mit Assad telefoniert habe.", ("TUR", "041", "SYR")),
        (
            "de",
            "Die Regierung in Kiew wies Berichte zurück, dass ukrainische Truppen Dörfer in Russland "
            "bombardiert hätten.",
            ("UKR", "195", "RUS"),
        ),
    ],
)
def test_rejecting_a_report_denies_what_it_reports(code, lang: str, sentence: str, denied) -> None:
    events = code(sentence, lang)
    assert denied in triples(events)
    assert denied not in triples(events, certain_only=True)
    assert not [e for e in events if e.cameo.startswith("12")]  # the rejection is no event of its own


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "Three Israeli soldiers were killed in a Hezbollah attack.", {("LBN", "190", "ISR")}),
        ("de", "Drei israelische Soldaten wurden bei einem Angriff der Hisbollah getötet.", {("LBN", "190", "ISR")}),
        ("en", "Five civilians were killed in a Russian missile strike on Odesa.", {("RUS", "195", "UKR")}),
    ],
)
def test_an_agentless_passive_in_an_attack_is_by_its_author(code, lang: str, sentence: str, expected: set) -> None:
    """The attack that has a target of its own is the event; the killing adds none."""
    assert triples(code(sentence, lang)) == expected


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("de", "Rebellen entführten im Norden Malis drei französische Staatsbürger.", ("MLI", "181", "FRA")),
        ("en", "Police arrested two British tourists in Egypt.", ("EGY", "173", "GBR")),
    ],
)
def test_a_domestic_role_belongs_to_the_country_where_it_happens(code, lang: str, sentence: str, expected) -> None:
    """Two countries named, one of them as the place: police and rebels are that country's."""
    assert triples(code(sentence, lang)) == {expected}


def test_a_genitive_in_an_attribution_phrase_is_no_target(code) -> None:
    events = code("Nach Angaben des ukrainischen Militärs griff Russland in der Nacht mit über 100 Drohnen an.", "de")
    assert triples(events) == {("RUS", "1952", None)}


@pytest.mark.parametrize(
    "sentence", ["Netanjahu hat Ägypten für seine Vermittlung gedankt.", "Israel dankte Ägypten für die Vermittlung."]
)
def test_a_weak_participle_is_read_as_its_verb(code, sentence: str) -> None:
    """ "gedankt" -> "danken": ge- and -t taken off a weak verb the lemma dictionary misses."""
    assert ("ISR", "051", "EGY") in triples(code(sentence, "de"))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Rebellen der M23 haben im Osten Kongos drei Helfer verschleppt.", ("COD", "181")),
        ("Die Hamas hat am Samstag mehr als 200 Israelis entführt.", ("PSE", "181")),
    ],
)
def test_a_participle_after_an_inseparable_prefix_is_read_as_its_verb(code, sentence: str, expected) -> None:
    """ "verschleppt" -> "verschleppen": no ge- after ver-, ent-, be-, er-, zer-."""
    assert expected in {(source, cameo) for source, cameo, _ in triples(code(sentence, "de"))}


def test_a_veto_is_cast_by_the_subject(code) -> None:
    found = triples(code("China legte im Sicherheitsrat ein Veto gegen den Resolutionsentwurf ein.", "de"))
    assert ("CHN", "129") in {(source, cameo) for source, cameo, _ in found}


@pytest.mark.parametrize(
    "sentence",
    [
        "Außenminister Heiko Maas hat von Saudi-Arabien eine Aufklärung verlangt und die Erklärungen aus Riad als "
        "«nicht ausreichend» bezeichnet.",
        "Die Türkei hat Schweden scharf kritisiert und will den Beitritt zur Nato nicht unterstützen.",
    ],
)
def test_a_negation_after_the_next_conjunct_begins_is_not_the_triggers(code, sentence: str) -> None:
    first = min(code(sentence, "de"), key=lambda e: e.trigger.start)
    assert not first.negated


def test_a_verb_first_condition_keeps_the_threat_certain(code) -> None:
    sentence = "Nordkorea hat Südkorea mit einem Präventivschlag gedroht, sollten die Manöver fortgesetzt werden."
    threats = [e for e in code(sentence, "de") if e.cameo.startswith("13")]
    assert threats
    assert not any(e.hypothetical for e in threats)


@pytest.mark.parametrize(
    ("lang", "sentence", "intended"),
    [
        (
            "de",
            "Der serbische Präsident ist zu einem Treffen mit dem Regierungschef des Kosovo bereit.",
            ("SRB", "036", "XKX"),
        ),
        ("de", "Kuba sei zur Zusammenarbeit mit der Weltgesundheitsorganisation bereit.", ("CUB", "031", "WHO")),
        ("en", "The Venezuelan government is ready for talks with the opposition.", ("VEN", "036", "VEN")),
    ],
)
def test_an_event_noun_after_a_word_of_readiness_is_the_subjects_intent(
    code, lang: str, sentence: str, intended
) -> None:
    assert intended in triples(code(sentence, lang))
