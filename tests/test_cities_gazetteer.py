"""The GeoNames towns of data/cities.tsv: found where the curated places have no form, never as a common word."""

from __future__ import annotations

import pytest
from conftest import triples

from dyad.lang import load_language
from dyad.places import Places


@pytest.fixture(scope="module")
def places() -> Places:
    return Places.load((load_language("de"), load_language("en")))


@pytest.mark.parametrize(
    ("words", "country"),
    [
        (["in", "Tientsin"], "CHN"),  # an older spelling of Tianjin
        (["bei", "Gorlowka"], "UKR"),  # the German spelling of Horlivka
        (["near", "Cotabato"], "PHL"),
        (["in", "Iwano-Frankiwsk"], "UKR"),  # one German token; the English tokenizer splits at the hyphens
        (["in", "Iwano", "-", "Frankiwsk"], "UKR"),
    ],
)
def test_towns_are_found_in_their_spellings(places: Places, words: list[str], country: str) -> None:
    found = places.find(words)
    assert [(first, place.country) for first, _last, place in found] == [(1, country)]


@pytest.mark.parametrize(
    "word",
    [
        "Reading",  # Reading, England: an English verb form
        "Split",  # Split, Croatia: an English verb
        "Kamen",  # Kamen, Westphalia: a German verb form (kommen)
        "Bor",  # towns in Serbia, Russia, South Sudan and Turkey of about the same size
    ],
)
def test_common_words_and_shared_names_are_no_towns(places: Places, word: str) -> None:
    assert places.find([word, "said"]) == []


def test_shelling_a_town_targets_its_country(code) -> None:
    events = code("Russische Truppen beschossen am Dienstag die Stadt Gorlowka.", "de")
    assert ("RUS", "194", "UKR") in triples(events)


def test_a_town_is_the_location_by_its_geonames_name(code) -> None:
    [event] = code("Chinese police detained twelve activists in Tientsin on Monday.", "en")
    assert event.location["country"] == "CHN"
    assert event.location["text"] == "Tianjin"
