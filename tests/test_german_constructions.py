"""German constructions, one small sentence of our own each: (source, CAMEO, target) by country."""

from __future__ import annotations

import pytest

from tests.conftest import triples

CASES = [
    ("verb-second main clause", "Frankreich kritisierte Israel scharf.", {("FRA", "111", "ISR")}),
    ("inverted verb-second", "Am Dienstag kritisierte die Bundesregierung die Türkei.", {("DEU", "111", "TUR")}),
    ("verb-final subordinate clause", "Kairo erklärte, dass Ägypten den Sudan unterstützt.", {("EGY", "051", "SDN")}),
    ("passive with von", "Die Ukraine wurde in der Nacht von Russland angegriffen.", {("RUS", "190", "UKR")}),
    ("passive, adverb", "Der Iran wurde von Israel scharf kritisiert.", {("ISR", "111", "IRN")}),
    (
        "zwischen X und Y",
        "Katar vermittelt zwischen Israel und der Hamas.",
        {("QAT", "045", "ISR"), ("QAT", "045", "PSE")},
    ),
    (
        "coordinated subjects",
        "Deutschland und Frankreich kritisierten Russland.",
        {("DEU", "111", "RUS"), ("FRA", "111", "RUS")},
    ),
    (
        "coordinated targets",
        "Die USA verhängten Sanktionen gegen Iran und Venezuela.",
        {("USA", "163", "IRN"), ("USA", "163", "VEN")},
    ),
    ("reciprocal pair", "Putin und Erdoğan telefonierten am Freitag.", {("RUS", "041", "TUR")}),
    ("um Vermittlung bitten", "Armenien hat Russland um Vermittlung gebeten.", {("ARM", "028", "RUS")}),
    (
        "bereit sei, zu vermitteln",
        "Die Schweiz sei bereit, zwischen Serbien und dem Kosovo zu vermitteln, sagte der Außenminister.",
        {("CHE", "039", "SRB"), ("CHE", "039", "XKX")},
    ),
    (
        "nominal: Luftschläge der USA gegen",
        "Die Luftschläge der USA gegen den Iran lösten Proteste aus.",
        {("USA", "195", "IRN")},
    ),
    ("nominal: Kritik an", "Peking übte scharfe Kritik an Japan.", {("CHN", "111", "JPN")}),
    ("nominal: Gespräche mit", "Der indische Premierminister führte Gespräche mit Pakistan.", {("IND", "046", "PAK")}),
    (
        "Abkommen ... unterzeichnen, reciprocal",
        "Japan und Südkorea unterzeichneten ein Abkommen über Zusammenarbeit.",
        {("JPN", "057", "KOR")},
    ),
    (
        "reported speech: wir = speaker",
        "«Wir begrüßen die Entscheidung der Türkei», sagte der russische Außenminister Sergej Lawrow.",
        {("RUS", "051", "TUR")},
    ),
    ("headline with colon", "Kreml: Scharfe Kritik an Finnland", {("RUS", "111", "FIN")}),
    (
        "role actor: Außenministerium in",
        "Das Außenministerium in Teheran bestellte den deutschen Botschafter ein.",
        {("IRN", "114", "DEU")},
    ),
    ("metonym: Weißes Haus", "Das Weiße Haus lobte Indien.", {("USA", "051", "IND")}),
    ("adjective + role", "Die russische Armee beschoss ukrainische Stellungen.", {("RUS", "194", "UKR")}),
    ("compound: Kremlsprecher", "Kremlsprecher Peskow kritisierte die Nato.", {("RUS", "111", "NATO")}),
    (
        "compound: US-Kampfjets, aerial",
        "US-Kampfjets griffen Stellungen der Huthi im Jemen an.",
        {("USA", "195", "YEM")},
    ),
    ("genitive -s actors", "Russlands Präsident lobte Chinas Führung.", {("RUS", "051", "CHN")}),
    ("intent: will verhandeln", "Russland will mit der Ukraine verhandeln.", {("RUS", "036", "UKR")}),
    ("threat", "Die Türkei drohte Griechenland mit Konsequenzen.", {("TUR", "130", "GRC")}),
    ("separable verb: wies ... aus", "Polen wies zwei russische Diplomaten aus.", {("POL", "161", "RUS")}),
    (
        "genitive before noun is no target",
        "Dass die USA Russlands Verbündeten Iran bombardieren, empört Moskau.",
        {("USA", "195", "IRN")},
    ),
    ("no event", "In Berlin regnete es am Montag den ganzen Tag.", set()),
    ("no event: relations as a state", "Die Beziehungen zwischen Polen und Litauen gelten als gut.", set()),
    (
        "Protest im eigenen Land: gegen dessen Führung",
        "Kenianische Studenten demonstrierten am Freitag in Mombasa.",
        {("KEN", "141", "KEN")},
    ),
    (
        "Partitiv vor dem Subjekt",
        "Eine Gruppe sudanesischer Flüchtlinge demonstrierte vor der Botschaft.",
        {("SDN", "141", None)},
    ),
    ("Streik", "Französische Arbeiter streikten am Montag.", {("FRA", "143", None)}),
    (
        "Festnahme ohne Agens: der Staat, in dem",
        "Ein türkischer Journalist wurde am Montag im Iran festgenommen.",
        {("IRN", "173", "TUR")},
    ),
    ("Sanktion an einem Ort", "Kuwait stoppte am Montag die Hilfslieferungen in Basra.", {("KWT", "162", "IRQ")}),
]


@pytest.mark.parametrize(("construction", "sentence", "expected"), CASES, ids=[c[0] for c in CASES])
def test_german_construction(code, construction: str, sentence: str, expected: set) -> None:
    assert triples(code(sentence, "de")) == expected


def test_negation_keinen_beistand(code) -> None:
    events = code("Deutschland leistet der Ukraine keinen militärischen Beistand.", "de")
    assert events and all(e.negated for e in events)


def test_negation_kaum_hilfe(code) -> None:
    events = code("Russland leistet kaum militärische Hilfe für Armenien.", "de")
    assert triples(events) == {("RUS", "072", "ARM")}
    assert all(e.negated for e in events)


def test_negation_nicht_with_verb(code) -> None:
    events = code("Israel hat den Libanon nicht angegriffen.", "de")
    assert triples(events) == {("ISR", "190", "LBN")}
    assert events[0].negated and not events[0].hypothetical


def test_hypothetical_wuerde(code) -> None:
    events = code("Israel würde den Iran angreifen, falls Teheran Atomwaffen baut.", "de")
    assert ("ISR", "190", "IRN") in triples(events)
    assert all(e.hypothetical for e in events)


def test_hypothetical_moeglichkeit(code) -> None:
    events = code("Experten warnten vor der Möglichkeit von US-Militärschlägen gegen Venezuela.", "de")
    assert triples(events) == {("USA", "190", "VEN")}
    assert events[0].hypothetical


def test_indirect_speech_is_not_hypothetical(code) -> None:
    events = code("Beide Seiten hätten Gespräche geführt, sagte er. Kolumbien habe Venezuela kritisiert.", "de")
    assert ("COL", "111", "VEN") in triples(events)
    assert not any(e.hypothetical for e in events)


def test_speaker_is_attributed(code) -> None:
    events = code("«Wir unterstützen die Ukraine», sagte Kremlchef Wladimir Putin nicht.", "de")
    kremlin = [e for e in events if e.source.actor.code == "RUSGOV"]
    assert kremlin and kremlin[0].source.text == "Kremlchef Wladimir Putin"


def test_pair_anaphora_beide_laender(code) -> None:
    text = "Moskau führte Gespräche mit Armenien und Aserbaidschan. Beide Länder baten Russland um Vermittlung."
    found = triples(code(text, "de"))
    assert {("ARM", "028", "RUS"), ("AZE", "028", "RUS")} <= found


def test_country_anaphora_das_land(code) -> None:
    text = "Israel verhandelt mit dem Libanon. Die USA kritisierten die Angriffe Israels auf das Land."
    found = triples(code(text, "de"))
    assert ("ISR", "190", "LBN") in found
    assert ("USA", "111", "ISR") in found


def test_target_of_criticism_is_not_the_victim(code) -> None:
    events = code("Der Präsident Frankreichs kritisierte die Tötung des iranischen Religionsführers.", "de")
    assert triples(events) == {("FRA", "111", None)}


def test_evidence_spans_point_into_the_sentence(code) -> None:
    events = code("Die russische Regierung hat die Angriffe Israels auf Syrien scharf verurteilt.", "de")
    assert events
    for event in events:
        sentence = event.sentence
        assert sentence[event.source.start : event.source.end] == event.source.text
        if event.target:
            assert sentence[event.target.start : event.target.end] == event.target.text
        if " ... " not in event.trigger.text:
            assert sentence[event.trigger.start : event.trigger.end] == event.trigger.text


def test_roles_resolve(code) -> None:
    events = code("Die russische Regierung kritisierte das israelische Militär.", "de")
    assert [(e.source.actor.code, e.target.actor.code if e.target else None) for e in events] == [("RUSGOV", "ISRMIL")]


def test_indirect_speech_muesse_is_a_demand(code) -> None:
    events = code("Die Bundesregierung erklärte, Russland müsse seine Truppen abziehen.", "de")
    assert ("DEU", "1056", "RUS") in triples(events)  # the demand takes the code of what it asks for (0356)


def test_threatened_step_is_hypothetical(code) -> None:
    events = code("Lettland drohte, die Beziehungen zu Belarus abzubrechen.", "de")
    assert triples(events, certain_only=True) == {
        ("LVA", "130", "BLR")
    }  # the threat is directed at whom the step would hit
    assert ("LVA", "161", "BLR") in triples(events)


def test_agentless_killing_has_the_place_as_source(code) -> None:
    sentence = "Drei irakische Zivilisten wurden am Sonntag in Bagdad getötet."
    assert triples(code(sentence, "de")) == {("IRQ", "190", "IRQ")}
    assert code("Drei Zivilisten wurden am Sonntag getötet.", "de") == []


def test_ethnic_group_with_nationality_and_withdrawal_noun(code) -> None:
    assert triples(code("Irakische Kurden demonstrierten in Kirkuk.", "de")) == {("IRQ", "141", "IRQ")}
    assert ("RUS", "0874", "SYR") in triples(code("Russland kündigte den Abzug aus Syrien an.", "de"))


def test_object_relative_antecedent_is_the_target(code) -> None:
    sentence = "Die Polizei nahm zwei syrische Journalisten fest, denen die Türkei Spionage vorwirft."
    assert ("TUR", "112", "SYR") in triples(code(sentence, "de"))


def test_refusal_and_threat_are_directed_at_what_they_govern(code) -> None:
    assert ("PAK", "120", "IRQ") in triples(code("Pakistan weigerte sich, Soldaten in den Irak zu entsenden.", "de"))
    assert ("JPN", "130", "KEN") in triples(code("Japan drohte, die Hilfe für Kenia zu kürzen.", "de"))


def test_domestic_role_takes_the_one_country_named(code) -> None:
    assert triples(code("Die ägyptische Polizei nahm in Kairo Demonstranten fest.", "de")) == {("EGY", "173", "EGY")}
    assert triples(code("US-Soldaten nahmen Demonstranten fest.", "de")) == {("USA", "173", None)}


def test_domestic_measure_targets_the_country(code) -> None:
    sentence = "Die ägyptische Regierung verhängte in Kairo eine Ausgangssperre."
    assert triples(code(sentence, "de")) == {("EGY", "1723", "EGY")}
    assert triples(code("Die ägyptische Regierung verhängte eine Ausgangssperre.", "de")) == {("EGY", "1723", None)}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "brach" is read as the adjective by the lemma dictionary; as a verb it joins its particle
        ("Russland brach die Beziehungen zu Georgien ab.", ("RUS", "161", "GEO")),
        # "fort" is a separable particle: "setzten ... fort" is "fortsetzen"
        ("Die USA setzten die Gespräche mit dem Iran fort.", ("USA", "046", "IRN")),
        # a compound whose head is listed keeps the multi-part reading of its head ("Gespräch ... abbrechen")
        ("Frankreich brach die Friedensgespräche mit Russland ab.", ("FRA", "164", "RUS")),
    ],
)
def test_separable_particle_verbs_and_compound_heads(code, sentence: str, expected: tuple) -> None:
    assert expected in triples(code(sentence))


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("de", "Die Anwälte der inhaftierten Journalistin Elena Kostjuk besuchten sie in Minsk."),
        ("en", "The lawyers of the jailed Belarusian journalist visited her in Minsk."),
    ],
)
def test_a_participle_describing_its_noun_reports_no_event(code, lang: str, sentence: str) -> None:
    assert not [e for e in code(sentence, lang) if e.cameo.startswith("17")]


def test_a_participle_with_its_agent_reports_the_event(code) -> None:
    events = code("Die von Russland besetzten Gebiete der Ukraine wurden im Herbst befreit.", "de")
    assert any(e.source.actor.country == "RUS" and e.cameo.startswith("19") for e in events)


def test_a_participle_whose_agent_is_no_actor_reports_no_event(code) -> None:
    events = code("Kanada schickte dem vom Wirbelsturm verwüsteten Haiti Zelte und Decken.", "de")
    assert not [e for e in events if e.cameo.startswith("17")]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Auswärtiges Amt", {"Auswärtige Amt", "Auswärtigen Amt", "Auswärtigen Amts"}),
        ("Oberster Gerichtshof", {"Oberste Gerichtshof", "Obersten Gerichtshof"}),
    ],
)
def test_an_organisation_opening_with_a_strong_adjective_takes_the_weak_forms(pipeline, name, expected) -> None:
    forms = pipeline.coder("de").language.rules.name_forms(name, "org")
    assert expected <= set(forms)
    assert pipeline.coder("de").language.rules.name_forms("Peter Müller", "person") == ["Peter Müller", "Peter Müllers"]


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("de", "Ein Sprecher des Auswärtigen Amts wollte sich zu dem Bericht nicht äußern.", ("DEU", "011", None)),
        ("de", "Das Auswärtige Amt gab zunächst keinen Kommentar ab.", ("DEU", "011", None)),
        ("en", "The Pentagon would not comment on the reports.", ("USA", "011", None)),
    ],
)
def test_declining_to_comment_is_011_and_not_negated(code, lang, sentence, expected) -> None:
    events = code(sentence, lang)
    assert expected in triples(events)
    assert not any(e.negated for e in events if e.cameo == "011")


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("de", "Teheran lehnte Verhandlungen mit Washington ab.", ("IRN", "125", "USA")),
        ("en", "Myanmar's junta rejected talks with the opposition.", ("MMR", "125", "MMR")),
        ("de", "Pjöngjang signalisierte Bereitschaft zu neuen Gesprächen mit Seoul.", ("PRK", "036", "KOR")),
    ],
)
def test_rejected_or_offered_talks_name_their_partner(code, lang, sentence, expected) -> None:
    assert expected in triples(code(sentence, lang))


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("de", "Frankreich hat Rumänien ein weiteres Flugabwehrsystem übergeben.", ("FRA", "072", "ROU")),
        ("de", "Kiew bat die westlichen Verbündeten um zusätzliche Luftverteidigungssysteme.", ("UKR", "0232", "WST")),
        ("en", "Egypt suspended its role as a mediator between Ethiopia and Eritrea.", ("EGY", "165", "ETH")),
        ("en", "Moscow accused its Western partners of hypocrisy.", ("RUS", "112", "WST")),
    ],
)
def test_handovers_halted_mediation_and_the_western_allies(code, lang, sentence, expected) -> None:
    assert expected in triples(code(sentence, lang))


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("de", "Schweden sagte weitere Panzer für die Ukraine zu.", ("SWE", "0332", "UKR")),
        ("de", "Japan stellte Nothilfe für Nepal bereit.", ("JPN", "070", "NPL")),
        ("en", "Norway pledges more tanks for Ukraine", ("NOR", "0332", "UKR")),
        ("en", "Japan provided emergency aid for Nepal.", ("JPN", "070", "NPL")),
    ],
)
def test_aid_for_a_country_goes_to_it(code, lang, sentence, expected) -> None:
    assert expected in triples(code(sentence, lang))


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("de", "Der Kreml hat die Vorwürfe zurückgewiesen."),
        ("de", "Peking wies die Anschuldigungen entschieden zurück."),
    ],
)
def test_a_rejection_of_accusations_is_certain(code, lang, sentence) -> None:
    events = [e for e in code(sentence, lang) if e.cameo.startswith("12")]
    assert events and not any(e.hypothetical for e in events)


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        (
            "de",
            "Der Krieg im Jemen hat nach Schätzungen der Vereinten Nationen Hunderttausende Menschenleben gefordert.",
        ),
        ("en", "The war in Yemen has claimed hundreds of thousands of lives, the United Nations estimates."),
    ],
)
def test_a_war_claiming_lives_is_no_demand_or_claim(code, lang, sentence) -> None:
    assert not [e for e in code(sentence, lang) if e.cameo.startswith(("10", "01"))]


def test_a_no_event_reading_is_explained(pipeline) -> None:
    from dyad.read import RawDocument

    raw = RawDocument(text="Der Krieg hat Tausende Menschenleben gefordert.", origin="t", language="de")
    explanations = pipeline.code(raw, explain=True).explanations
    outcomes = [c.outcome for e in explanations for c in e.candidates]
    assert any("no event" in outcome for outcome in outcomes)
