"""The data files: codebook complete, every trigger code defined, every country named in both languages."""

from __future__ import annotations

import pytest

from dyad.lang import SUPPORTED, load_language
from dyad.ontology import Codebook, PloverMap
from dyad.resources import data_path, read_tsv, split_forms


@pytest.fixture(scope="module")
def codebook() -> Codebook:
    return Codebook.load()


def test_codebook_covers_every_root_with_goldstein_and_quad_class(codebook: Codebook) -> None:
    assert len(codebook) >= 300
    for root in range(1, 21):
        info = codebook[f"{root:02d}"]
        assert -10 <= info.goldstein <= 10
    assert codebook["046"].name == "Engage in negotiation" and codebook["046"].goldstein == 7.0
    assert codebook["195"].quad_class == 4 and codebook["051"].quad_class == 1 and codebook["111"].quad_class == 3
    assert codebook["0233"].root == "02"


def test_plover_mapping(codebook: Codebook) -> None:
    plover = PloverMap.load()
    assert plover.lookup("046") == ("CONSULT", "negotiation")
    assert plover.lookup("1952") == ("ASSAULT", "drone")
    assert plover.lookup("163") == ("SANCTION", "embargo")
    assert plover.lookup("010") == (None, None)  # CAMEO-only statement events
    for info in codebook.codes():
        if info.root != "01":
            assert plover.lookup(info.code)[0] is not None, info.code


@pytest.mark.parametrize("language", SUPPORTED)
def test_every_trigger_code_is_in_the_codebook(codebook: Codebook, language: str) -> None:
    rows = [row for path in load_language(language).data_files("triggers") for row in read_tsv(path)]
    for row in rows:
        assert row["cameo"] in codebook or row["cameo"] == "-", row  # "-": a reading that reports no event
        if row.get("intent", "-") not in {"", "-"}:
            assert row["intent"] in codebook, row


def test_every_country_has_names_in_every_language() -> None:
    neutral = {row["iso3"] for row in read_tsv(data_path("data", "countries.tsv"))}
    assert len(neutral) == 198  # 193 UN members + Palestine, Kosovo, Taiwan, Holy See, Hong Kong
    for language in SUPPORTED:
        rows = {row["iso3"]: row for row in read_tsv(load_language(language).data("countries.tsv"))}
        assert set(rows) == neutral
        assert all(split_forms(row["names"]) for row in rows.values())


NAMES = [
    ("de", "Peskow", "RUSGOV"),
    ("en", "Peskov", "RUSGOV"),
    ("de", "Selenskyj", "UKRGOV"),
    ("en", "Zelensky", "UKRGOV"),
    ("de", "Chamenei", "IRNGOV"),
    ("en", "Khamenei", "IRNGOV"),
    ("de", "Netanjahu", "ISRGOV"),
    ("en", "Netanyahu", "ISRGOV"),
    ("de", "Lawrow", "RUSGOV"),
    ("de", "Kreml", "RUSGOV"),
    ("en", "Kremlin", "RUSGOV"),
    ("de", "Kiew", "UKRGOV"),
    ("de", "Kyjiw", "UKRGOV"),
    ("de", "Pentagon", "USAMIL"),
    ("de", "Hisbollah", "LBNINS"),
    ("en", "Houthis", "YEMREB"),
    ("de", "Vereinten Nationen", "IGOUNO"),
    ("en", "IAEA", "IAEA"),
    ("de", "Nato", "NATO"),
    ("de", "Weißrussland", "BLR"),
    ("de", "Russlands", "RUS"),
    ("de", "Vereinigten Arabischen Emiraten", "ARE"),
]


@pytest.mark.parametrize(("language", "name", "code"), NAMES)
def test_names_resolve(pipeline, language: str, name: str, code: str) -> None:
    coder = pipeline.coder(language)
    words = pipeline.segmenter.words(name, language)
    entry = coder.gazetteer.lookup(tuple(words))
    assert entry is not None and entry.actor.code == code


@pytest.mark.parametrize(
    "adjective", ["russische", "russischen", "russischer", "russisches", "russischem", "iranischen", "israelische"]
)
def test_german_adjective_endings(pipeline, adjective: str) -> None:
    entry = pipeline.coder("de").gazetteer.lookup((adjective,))
    assert entry is not None and entry.kind == "adjective"


@pytest.mark.parametrize(
    ("language", "text", "mention", "code"),
    [
        ("en", "Israeli troops raided villages across the West Bank.", "West Bank", "PSE"),
        ("en", "The West criticised Russia.", "The West", "WST"),
    ],
)
def test_the_name_reaching_further_wins(pipeline, language: str, text: str, mention: str, code: str) -> None:
    """ "the West Bank": "West Bank" starts inside "the West" and ends beyond it."""
    from dyad.actors.recognise import recognise

    coder = pipeline.coder(language)
    tokens = pipeline.segmenter.tokenize(text, language)
    found = recognise(tokens, coder.gazetteer, coder.language)
    assert (mention, code) in {(m.text, m.actor.code) for m in found.mentions}
