"""A word the parse gives a preposition is a noun, not a verb trigger; the words before a role's head describe
the actor, not an event; gerunds in noun patterns stay gerunds; mass expulsion across a border."""

from __future__ import annotations

import pytest
from conftest import triples


def test_a_nominal_after_a_preposition_is_no_verb(code) -> None:
    events = code("More than 1,000 Palestinian prisoners in Israeli jails began a hunger strike on Monday.", "en")
    assert {e.cameo[:2] for e in events} == {"14"}  # no arrest: "jails" is where they are
    assert ("PSE", "142", "ISR") in triples(events)


def test_a_verb_stays_a_verb(code) -> None:
    assert ("ISR", "173", "PSE") in triples(code("Israel jails Palestinian activists.", "en"))


def test_riot_police_are_no_riot(code) -> None:
    events = code("Riot police fired tear gas at protesters in Caracas on Monday.", "en")
    assert [e.cameo for e in events] == ["175"]
    assert events[0].source.actor.code == "VENCOP"


def test_peacekeepers_in_a_country_keep_their_words(code) -> None:
    events = code("Pakistan has refused to deploy peacekeepers in Iraq.", "en")
    assert any(e.cameo.startswith("12") for e in events)


def test_driving_people_across_a_border_is_mass_expulsion(code) -> None:
    en = code("Myanmar's army has driven more than 600,000 Rohingya across the border into Bangladesh.", "en")
    de = code("Die Armee Myanmars hat 600.000 Rohingya über die Grenze nach Bangladesch vertrieben.", "de")
    for events in (en, de):  # the Rohingya are Myanmar's civilians, wherever they are driven
        assert any(e.source.actor.code == "MMRMIL" and e.cameo == "201" for e in events)
        assert ("MMR", "201", "MMR") in triples(events)


def test_a_community_of_one_state_is_that_states_civilians(code) -> None:
    events = code("Chinesische Polizisten nahmen in Kasachstan zwei Uiguren fest.", "de")
    assert ("CHN", "173", "CHN") in triples(events)


def test_a_chief_is_the_head_of_what_names_him(code) -> None:
    events = code("NATO chief Jens Stoltenberg praised the announcement by Chancellor Olaf Scholz.", "en")
    assert [e.source.actor.code for e in events] == ["NATOGOV"]  # before, Stoltenberg's Norwegian office
    assert code("Pakistan's army chief met the Afghan president in Kabul.", "en")[0].source.actor.code == "PAKMIL"


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("The Kabul police chief said three gunmen attacked a checkpoint in Afghanistan.", "en"),
        ("Der Polizeichef von Kabul sagte, drei Bewaffnete hätten einen Kontrollpunkt angegriffen.", "de"),
    ],
)
def test_the_speaker_is_not_the_unnamed_subject_of_what_he_reports(code, text: str, lang: str) -> None:
    assert not any(e.cameo.startswith(("18", "19")) and e.source.actor.role == "COP" for e in code(text, lang))


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Die Hongkonger Polizei nahm am Sonntag zwei Aktivisten fest.", "de", ("HKG", "173", "HKG")),
        ("Beijing warned protesters in Hong Kong on Monday.", "en", ("CHN", "137", "HKG")),
        ("China criticised Hong Kong's chief executive Carrie Lam.", "en", ("CHN", "111", "HKG")),
    ],
)
def test_hong_kong_is_its_own_actor(code, text: str, lang: str, expected: tuple) -> None:
    assert expected in triples(code(text, lang))


def test_an_article_after_a_place_opens_the_event_nouns_own_phrase(code) -> None:
    text = (
        "Präsident Hugo Chávez hat nach dem Angriff der kolumbianischen Armee in Ecuador die Verlegung von Bataillonen"
        " an die Grenze zu Kolumbien angeordnet."
    )
    assert ("VEN", "154", "COL") in triples(code(text, "de"))  # before, "in Ecuador" made it a prepositional phrase


def test_an_actor_right_before_the_event_noun_stays_in_its_phrase(code) -> None:
    assert ("LBN", "190", "ISR") in triples(code("Five people died in a Hezbollah attack on Israel.", "en"))


@pytest.mark.parametrize(
    ("masculine", "feminine"),
    [("schüler", "schülerin"), ("separatist", "separatistin"), ("soldat", "soldatin"), ("kollege", "kollegin")],
)
def test_the_german_feminine_of_an_agent_noun(masculine: str, feminine: str) -> None:
    from dyad.lang import load_language

    assert load_language("de").rules.feminine_forms(masculine) == [feminine]


def test_a_feminine_role_the_files_do_not_list_is_the_masculine_role(code) -> None:
    events = code("Separatistinnen griffen in Kamerun eine Polizeistation an.", "de")
    assert any(e.source.actor.code == "CMRREB" for e in events)


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Gunmen kidnapped dozens of schoolchildren from a village in northern Nigeria.", "en"),
        ("Bewaffnete verschleppten im Nordwesten Nigerias Dutzende Schülerinnen aus einem Dorf.", "de"),
    ],
)
def test_gunmen_of_no_state_belong_to_the_country_where_they_strike(code, sentence: str, lang: str) -> None:
    events = code(sentence, lang)
    assert ("NGA", "181", "NGA") in triples(events)
    assert all(e.source.actor.code == "NGAINS" for e in events)


@pytest.mark.parametrize(
    ("word", "infinitive"),
    [
        ("beizulegen", "beilegen"),
        ("beigelegt", "beilegen"),
        ("freigelassen", "freilassen"),
        ("anzugreifen", "angreifen"),
    ],
)
def test_a_german_separable_verb_in_one_word_is_its_infinitive(word: str, infinitive: str) -> None:
    from dyad.lang import load_language

    german = load_language("de")
    assert infinitive in german.rules.particle_verb_forms(word, german.optional_words("verbs", "separable_particles"))
