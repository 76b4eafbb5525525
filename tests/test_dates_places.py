from __future__ import annotations

from datetime import date

import pytest

from tests.conftest import triples

PUBLISHED = date(2026, 3, 2)  # a Monday


@pytest.mark.parametrize(
    ("sentence", "lang", "expected", "precision"),
    [
        ("Russland kritisierte am Samstag die Türkei.", "de", date(2026, 2, 28), "day"),
        ("Russland kritisierte gestern die Türkei.", "de", date(2026, 3, 1), "day"),
        ("Russland kritisierte im vergangenen Monat die Türkei.", "de", date(2026, 2, 1), "month"),
        ("Russland kritisierte Anfang März die Türkei.", "de", date(2026, 3, 1), "month"),
        ("Russland kritisierte am 21. Juni die Türkei.", "de", date(2025, 6, 21), "day"),
        ("Russland kritisierte am 7. Oktober 2023 die Türkei.", "de", date(2023, 10, 7), "day"),
        ("Russland kritisierte im Dezember 2025 die Türkei.", "de", date(2025, 12, 1), "month"),
        ("Russland kritisierte im vergangenen Jahr die Türkei.", "de", date(2025, 1, 1), "year"),
        ("Russia criticized Turkey last week.", "en", date(2026, 2, 23), "week"),
        ("Russia criticized Turkey on Saturday.", "en", date(2026, 2, 28), "day"),
        ("Russia criticized Turkey on June 21, 2025.", "en", date(2025, 6, 21), "day"),
        ("Russia criticized Turkey.", "en", PUBLISHED, "day"),
    ],
)
def test_event_dates(code, sentence: str, lang: str, expected: date, precision: str) -> None:
    [event] = code(sentence, lang, PUBLISHED)
    assert (event.date, event.date_precision) == (expected, precision)


def test_no_article_date_leaves_relative_dates_open(code) -> None:
    [event] = code("Russland kritisierte am Samstag die Türkei.", "de", None)
    assert event.date is None and event.date_precision is None


def test_location_from_locative_place(code) -> None:
    [event] = code("Israel griff den Iran in Isfahan an.", "de")
    assert event.location["text"] == "Isfahan" and event.location["country"] == "IRN"
    assert event.location["lat"] is not None


def test_capital_as_actor_is_no_location(code) -> None:
    [event] = code("Moskau kritisierte Berlin.", "de")
    assert event.location == {}
    assert (event.source.actor.code, event.target.actor.code) == ("RUSGOV", "DEUGOV")


def test_attack_on_a_named_place_targets_its_country(code) -> None:
    [event] = code("Russische Truppen griffen die Stadt Charkiw an.", "de")
    assert (event.source.actor.code, event.cameo, event.target.actor.country) == ("RUSMIL", "190", "UKR")


@pytest.mark.parametrize(
    ("lang", "words", "position", "expected"),
    [
        ("de", "kämpfe in der hafenstadt odessa", 4, True),  # across a determiner and a compound place noun
        ("de", "kämpfe nördlich von charkiw", 3, True),  # one word after the locative
        ("de", "russland kritisierte die ukraine", 3, False),
        ("en", "clashes near the town of samarra", 5, True),
        ("en", "clashes in southern basra", 3, True),
        ("en", "russia criticized the ukrainian government", 3, False),
    ],
)
def test_locatives_come_from_the_grammar(lang: str, words: str, position: int, expected: bool) -> None:
    from dyad.lang import load_language
    from dyad.places import Locatives

    assert Locatives.of(load_language(lang)).before(words.split(), position) is expected


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("The Indian prime minister travelled by train to Lahore on Saturday.", "en"),
        ("Der indische Premierminister reiste am Samstag mit dem Zug nach Lahore.", "de"),
    ],
)
def test_a_visit_to_a_town_visits_its_country(code, sentence: str, lang: str) -> None:
    assert ("IND", "042", "PAK") in triples(code(sentence, lang))


def test_a_domestic_visit_names_no_foreign_target(code) -> None:
    assert ("IND", "042", None) in triples(code("The Indian prime minister visited Mumbai on Monday.", "en"))


def test_a_crowd_is_where_it_marches_not_where_its_cause_is(code) -> None:
    events = code("Tens of thousands marched through central Madrid against the war in Iraq.", "en")
    assert {e.source.actor.code for e in events} == {"ESPCVL"}


@pytest.mark.parametrize(
    ("sentence", "lang"),
    [
        ("Sudanese government forces bombed villages near El Fasher on Sunday.", "en"),
        ("Sudanesische Regierungstruppen bombardierten am Sonntag Dörfer bei El Fasher.", "de"),
    ],
)
def test_force_used_in_a_town_of_ones_own_country_hits_its_people(code, sentence: str, lang: str) -> None:
    assert ("SDN", "195", "SDN") in {(s, c[:3], t) for s, c, t in triples(code(sentence, lang))}


def test_the_attackers_adjective_is_no_place_of_the_attack(code) -> None:
    events = code("Four civilians were killed in a Russian drone strike on Kharkiv.", "en")
    assert all(e.target is not None and e.target.actor.country == "UKR" for e in events)
