"""Names after nouns of places, what protests are against, and events only scheduled.

Our own sentences: "in der Hauptstadt Khartum" is where something happens, not the Sudanese government; "die Stadt
Duma" is a town, not the Russian parliament; a protest "gegen"/"against" someone addresses them (every CAMEO 14
trigger has that frame, `[root_frames]` in grammar.toml); "scheduled to meet" is no meeting yet.
"""

from __future__ import annotations

import pytest

from tests.conftest import roots, triples


@pytest.mark.parametrize(
    ("lang", "sentence", "expected", "wrong"),
    [
        (
            "de",
            "In der irakischen Hauptstadt Bagdad haben Tausende Menschen gegen Ministerpräsident Nuri al-Maliki "
            "demonstriert.",
            ("IRQ", "141", "IRQ"),
            "IRQ",
        ),
        (
            "en",
            "Thousands of people protested in the Kenyan capital Nairobi against President Daniel arap Moi.",
            ("KEN", "141", "KEN"),
            "KEN",
        ),
    ],
)
def test_a_capital_after_a_noun_of_places_is_where_not_who(code, lang, sentence, expected, wrong) -> None:
    events = code(sentence, lang, None)
    assert expected in triples(events)
    assert all(e.source.actor.role == "CVL" for e in events)  # the crowd, not the government in the capital
    assert all(e.target is not None and e.target.actor.role == "GOV" for e in events)


def test_a_capital_after_a_noun_of_places_is_still_its_country_as_a_target(code) -> None:
    assert ("RUS", "0874", "UKR") in triples(code("Russland zog seine Truppen aus der Region Kiew ab.", "de"))


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("de", "Syrien wies jede Verantwortung für den Angriff auf die Stadt Duma zurück."),
        ("en", "Syria denied any role in the attack on the town of Duma."),
    ],
)
def test_a_namesake_after_a_noun_of_places_is_no_actor(code, lang: str, sentence: str) -> None:
    assert all("RUS" not in (e.target.actor.country if e.target else "") for e in code(sentence, lang))


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("de", "Tausende Kenianer protestierten in Nairobi gegen den Präsidenten.", ("KEN", "14", "KEN")),
        ("en", "Thousands of Serbs marched in Belgrade against President Slobodan Milošević.", ("SRB", "14", "SRB")),
    ],
)
def test_a_protest_addresses_whom_it_is_against(code, lang: str, sentence: str, expected) -> None:
    assert expected in roots(code(sentence, lang, None))


@pytest.mark.parametrize(
    "sentence",
    [
        "The foreign ministers of India and Pakistan are scheduled to meet in New Delhi next week.",
        "Iran is expected to resume talks with the IAEA in Vienna.",
    ],
)
def test_a_scheduled_or_expected_event_is_hypothetical(code, sentence: str) -> None:
    events = code(sentence, "en")
    assert events
    assert all(e.hypothetical for e in events)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Israel griff Ziele im südlibanesischen Grenzgebiet an.", ("ISR", "190", "LBN")),
        ("Russland beschoss die ostukrainische Region erneut.", ("RUS", "190", "UKR")),
        ("Der südsudanesische Präsident traf den sudanesischen Präsidenten.", ("SSD", "040", "SDN")),
    ],
)
def test_a_compass_prefix_on_a_country_adjective_names_a_region_of_it(code, sentence: str, expected) -> None:
    assert roots(code(sentence, "de")) >= {(expected[0], expected[1][:2], expected[2])}


def test_a_von_phrase_inside_an_attribution_is_no_agent(code) -> None:
    sentence = (
        "Im Jemen sind am Donnerstag nach Angaben des Internationalen Komitees vom Roten Kreuz Dutzende Zivilisten "
        "getötet worden."
    )
    assert all(e.source.actor.country != "ICRC" for e in code(sentence, "de"))


def test_a_supposition_inside_the_trigger_is_its_objects(code) -> None:
    events = code("The prosecutor opened an investigation into possible war crimes in Darfur.", "en")
    assert any(e.cameo.startswith("09") and not e.hypothetical for e in events)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "de",
            "Nordkorea testete am Sonntag eine Atombombe. Der UN-Sicherheitsrat verhängte Sanktionen gegen das "
            "kommunistische Land.",
            ("IGOUNO", "163", "PRK"),
        ),
        (
            "de",
            "Nach dem Atomtest Nordkoreas verhängte der UN-Sicherheitsrat Sanktionen gegen das kommunistische Land.",
            ("IGOUNO", "163", "PRK"),
        ),
        (
            "en",
            "North Korea tested a nuclear bomb on Sunday. The Security Council imposed sanctions on the communist "
            "country.",
            ("IGOUNO", "163", "PRK"),
        ),
    ],
)
def test_an_epithet_names_the_country_named_before(code, lang: str, text: str, expected) -> None:
    """ "das kommunistische Land", "der Golfstaat", "the communist country"; never an organisation named before."""
    assert expected in {
        (e.source.actor.code, e.cameo, e.target.actor.country if e.target else None) for e in code(text, lang)
    }


def test_a_country_adjective_before_a_noun_of_places_is_where(code) -> None:
    sentence = (
        "In der omanischen Hauptstadt Maskat haben Unterhändler der Huthi-Rebellen und der Regierung des Jemen "
        "neue Gespräche aufgenommen."
    )
    assert all(e.target is None or e.target.actor.country != "OMN" for e in code(sentence, "de"))


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "Venezuela ordered ten battalions to the border with Colombia.", ("VEN", "154", "COL")),
        (
            "de",
            "Venezuela ordnete die Verlegung von zehn Bataillonen an die Grenze zu Kolumbien an.",
            ("VEN", "154", "COL"),
        ),
    ],
)
def test_a_border_names_the_country_it_runs_along(code, lang: str, sentence: str, expected) -> None:
    assert expected in triples(code(sentence, lang))


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", "A Russian attack on Poland would trigger a response from NATO."),
        ("de", "Ein russischer Angriff auf Polen würde den Bündnisfall auslösen."),
    ],
)
def test_an_event_noun_as_the_subject_of_a_modal_is_supposed(code, lang: str, sentence: str) -> None:
    attacks = [e for e in code(sentence, lang) if e.cameo.startswith("19")]
    assert attacks
    assert all(e.hypothetical for e in attacks)


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        # the place is in the main clause, the protest in the purpose clause
        (
            "de",
            "Tausende Menschen zogen durch Lissabon, um gegen die Sparpolitik der Regierung zu protestieren.",
            ("PRT", "14", "PRT"),
        ),
        ("en", "Thousands of people marched through Lima to protest against the new mining law.", ("PER", "14", "PER")),
        # a German town adjective ("Belgrader", "Moskauer") after a locative names the place
        ("de", "In der Belgrader Innenstadt demonstrierten Studenten gegen die Regierung.", ("SRB", "14", "SRB")),
        ("de", "Vor dem Moskauer Gericht protestierten Dutzende gegen das Urteil.", ("RUS", "14", "RUS")),
    ],
)
def test_a_crowd_protests_where_its_sentence_is(code, lang: str, sentence: str, expected) -> None:
    assert expected in roots(code(sentence, lang, None))


def test_german_town_adjectives_by_rule(pipeline) -> None:
    rules = pipeline.coder("de").language.rules
    assert rules.place_adjectives("Belgrad") == ["Belgrader"]
    assert rules.place_adjectives("Moskau") == ["Moskauer"]
    assert "Dresdner" in rules.place_adjectives("Dresden")
    assert rules.place_adjectives("Ankara") == [] and rules.place_adjectives("Rio de Janeiro") == []


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("en", "Canada sent medical aid to civilians in Yemen.", ("CAN", "07", "YEM")),
        ("de", "Österreich stellte Hilfe für die Zivilbevölkerung im Libanon bereit.", ("AUT", "07", "LBN")),
        (
            "de",
            "Der UN-Generalsekretär rief die Konfliktparteien in Libyen zu Gesprächen auf.",
            ("IGOUNO", "02", "LBY"),
        ),
    ],
)
def test_a_role_followed_by_where_its_people_are_is_of_that_country(code, lang, sentence, expected) -> None:
    assert expected in roots(code(sentence, lang, None))


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        (
            "de",
            "Wie das Außenministerium in Ankara mitteilte, wurde der dänische Botschafter einbestellt.",
            ("TUR", "114", "DNK"),
        ),
        ("en", "The Iranian ambassador was summoned, the foreign ministry in London said.", ("GBR", "114", "IRN")),
        (
            "de",
            "Wie die Polizei mitteilte, wurden bei der Kundgebung in Wien drei Demonstranten festgenommen.",
            ("AUT", "173", "AUT"),
        ),
    ],
)
def test_a_state_body_reporting_its_passive_act_did_it(code, lang, sentence, expected) -> None:
    assert expected in triples(code(sentence, lang, None))


@pytest.mark.parametrize(
    ("lang", "sentence", "expected"),
    [
        ("de", "Ungarn blockiert neue Hilfen für die Ukraine.", ("HUN", "122", "UKR")),
        ("de", "Die Türkei blockiert den Nato-Beitritt Schwedens.", ("TUR", "120", "SWE")),
    ],
)
def test_blocking_aid_or_an_accession_is_a_rejection(code, lang, sentence, expected) -> None:
    assert expected in triples(code(sentence, lang, None))
