"""National institutions (data/actors/institutions_*.tsv and their German and English spellings): proper names of
parliaments, courts, security services, central banks, parties, unions and news agencies resolve to their country
and contract role; a country adjective before a role word is left to the role rules (no duplicate forms)."""

from __future__ import annotations

from pathlib import Path

import pytest

from dyad.knowledge import lookup_actors
from dyad.resources import data_path, read_tsv
from tests.conftest import triples

CONTRACT_ROLES = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "SPY", "MED", "BUS", "CVL", "REL", ""}


@pytest.mark.parametrize(
    ("lang", "phrase", "code"),
    [
        ("de", "das Bundesverfassungsgericht", "DEUJUD"),
        ("de", "der Verfassungsschutz", "DEUSPY"),
        ("de", "die FPÖ", "AUT"),
        ("en", "the Lok Sabha", "INDLEG"),
        ("en", "the Nigeria Labour Congress", "NGACVL"),
        ("en", "the Tatmadaw", "MMRMIL"),
    ],
)
def test_an_institution_resolves_to_its_country_and_role(pipeline, lang, phrase, code) -> None:
    assert [hit.code for hit in lookup_actors(pipeline, phrase, lang)] == [code]


def test_institution_files_keep_the_contract_roles_and_codes() -> None:
    for path in sorted(Path(data_path("data", "actors")).glob("*.tsv")):
        for row in read_tsv(path):
            assert row["role"] in CONTRACT_ROLES, (path.name, row["name"])
            assert row["code"] == row["country"] + row["role"], (path.name, row["name"])


def test_coordinated_adjectives_before_a_role_stay_two_actors(code) -> None:
    sentence = "Ethiopian and Eritrean troops exchanged artillery fire near the border town of Badme."
    assert ("ETH", "194", "ERI") in triples(code(sentence, "en"))


def test_an_institution_acts_in_an_event(code) -> None:
    assert ("DEU", "112", "DEU") in triples(code("Der Verfassungsschutz warf der AfD Extremismus vor.", "de"))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Pakistan's National Security Council condemned India.", ("PAKGOV", "111", "IND")),
        ("Manila's National Security Council accused China of aggression.", ("PHLGOV", "1123", "CHN")),
        ("The National Security Council accused China of aggression.", ("USAGOV", "1123", "CHN")),
        ("Israel's Mossad accused Iran of sabotage.", ("ISRSPY", "1123", "IRN")),
    ],
)
def test_a_generic_body_name_belongs_to_the_country_before_it(code, sentence, expected) -> None:
    events = code(sentence, "en")
    assert {(e.source.actor.code, e.cameo, e.target.actor.country if e.target else None) for e in events} == {expected}


def test_an_international_organisation_keeps_its_code_after_a_possessive(pipeline) -> None:
    from dyad.read import RawDocument

    coded = pipeline.code(RawDocument(text="Ukraine's NATO bid angered Russia.", origin="t", language="en"))
    codes = {m.actor.code for mentions in coded.mentions.values() for m in mentions}
    assert "NATO" in codes
    assert "UKRGOV" not in codes
