"""The events a careful human coder lists for the two seed articles (read from ../shared/seeds, not shipped)."""

from __future__ import annotations

import pytest

from dyad.read import read_inputs
from tests.conftest import SEEDS, roots, triples

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="seed articles are read from ../shared/seeds")


@pytest.fixture(scope="module")
def coded(pipeline):
    articles = {}
    for document in read_inputs(str(SEEDS)):
        result = pipeline.code(document)
        key = "dpa" if result.article.published else "allisrael"
        articles[key] = result
    return articles


def test_talks_mediation_and_phone_calls(coded) -> None:
    found = roots(coded["allisrael"].events)
    assert {("RUS", "04", "IRN"), ("RUS", "04", "ISR")} <= found  # secret talks with Iran and Israel
    assert {("IRN", "02", "RUS"), ("ISR", "02", "RUS")} <= found  # both asked Russia to mediate
    assert {("RUS", "03", "USA"), ("RUS", "03", "IRN")} <= found  # ready to mediate between the US and Iran
    assert ("RUS", "041", "ISR") in triples(coded["allisrael"].events)  # Putin and Netanyahu on the phone
    assert ("USA", "195", "IRN") in triples(coded["allisrael"].events)  # US bombers struck the nuclear sites
    assert ("RUS", "030", "ISR") in triples(
        coded["allisrael"].events
    )  # "langfristige ... Beziehungen zu Israel anstrebe"


def test_dpa_article(coded) -> None:
    events = coded["dpa"].events
    found = triples(events, certain_only=True)
    assert ("USA", "195", "IRN") in found  # the US bombs Iran
    assert ("RUS", "051", "USA") in found  # the Kremlin praises US mediation efforts
    assert {("RUS", "111", "USA"), ("RUS", "111", "ISR")} <= found  # condemnation of US and Israeli strikes
    assert ("RUS", "057", "IRN") in found  # strategic partnership agreement
    assert ("RUS", "036", "USA") in found  # headline: wants to keep negotiating with the US
    assert ("RUS", "038", "USA") in found  # "offen für eine Vermittlerrolle Washingtons"


def test_denials_of_military_help_are_never_plain_events(coded) -> None:
    for event in coded["dpa"].events:
        if "Beistand" in event.sentence or "kaum militärische Hilfe" in event.sentence:
            assert event.negated, event.to_dict()


def test_dates_and_datelines(coded) -> None:
    dpa = coded["dpa"]
    assert str(dpa.article.published) == "2026-03-02"
    assert dpa.article.dateline_place == "Moskau"
    condemned = [
        e for e in dpa.events if e.cameo == "111" and e.source.actor.code == "RUSGOV" and "Samstag" in e.sentence
    ]
    assert condemned and all(str(e.date) == "2026-02-28" for e in condemned)  # "am Samstag" before Monday 2 March


def test_captions_and_boilerplate_are_not_coded(coded) -> None:
    for result in coded.values():
        for sentence in result.sentences:
            assert "Foto:" not in sentence.text
            assert "Latest Stories" not in sentence.text
            assert "Newsletter" not in sentence.text and "neuesten Nachrichten" not in sentence.text


def test_every_event_carries_its_evidence(coded) -> None:
    for result in coded.values():
        for event in result.events:
            record = event.to_dict()
            sentence = record["sentence"]
            for side in ("source", "target"):
                actor = record[side]
                if actor:
                    assert sentence[actor["start"] : actor["end"]] == actor["text"]
            trigger = record["trigger"]
            assert trigger["start"] < trigger["end"] <= len(sentence)
            assert record["cameo_name"] and record["quad_class"] in {1, 2, 3, 4}
