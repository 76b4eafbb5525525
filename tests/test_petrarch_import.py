"""The PETRARCH2 verb-dictionary importer (scripts/import_petrarch_verbs.py) and English sentences that now code
through its patterns. The sample dictionary below is written for this test in the format of PETRARCH2's
dictionaries.rst; the sentences are our own, with verbs that the core (lang/en/triggers.tsv) does not have."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dyad.lang import load_language
from tests.conftest import triples

SCRIPTS = Path(__file__).resolve().parent.parent / "scripts"
sys.path.insert(0, str(SCRIPTS))

import import_petrarch_verbs as importer  # noqa: E402

SAMPLE = """
####### SYNONYM SETS #######
&BOOTY
+LOOT
+SPOILS_
+STOLEN_GOODS

####### VERB PATTERNS #######
---  SMUGGLE   [---]  ---
SMUGGLE
BOOTLEG  # a synonym: shares the patterns, no row of its own
+SNEAK_IN [1711]
- * &BOOTY                                        [171]     # SMUGGLE
- * {RARE PARROTS} (INTO)                        [1712]    # BOOTLEG
- * (TO)                                          [061:061] # SMUGGLE
- * ENVOY                                         [042]     # SMUGGLE
- * (BY)                                          [1711]    # SMUGGLE
- * ORCHIDS                                       [---]     # SMUGGLE
- * MARMOSETS                                     [:173]    # SMUGGLE
- CUSTOMS * PARCELS                               [1711]    # SMUGGLE
- * (FROM $) (TO +)                               [1711]    # SMUGGLE

---  PILFER   [1711]  ---
PILFER [1711]
FILCH
- * TREASURE                                      [1711]    # FILCH

~ a (a b PILFER) SAY = a b 1711
"""


@pytest.fixture(scope="module")
def converted() -> tuple[dict[str, tuple[str, str]], dict[str, int]]:
    rows, dropped = importer.convert(SAMPLE, importer.settings())
    return {pattern: (code, preps) for pattern, code, preps, _ in rows}, dict(dropped)


def test_patterns_become_ordered_parts(converted) -> None:
    rows, _ = converted
    assert rows["smuggle ... loot|spoil"] == ("171", "-")  # a synset: its one-word members (lemmas) in one slot
    assert rows["bootleg ... rare parrot ... into"] == ("1712", "into")  # {phrase} adjacent; (INTO) names the target
    assert rows["smuggle ... to"] == ("061", "to")  # a paired code keeps the source's event
    assert rows["sneak in"] == ("1711", "-")  # a multi-word verb with its own code
    assert rows["pilfer"] == ("1711", "-")  # a bare verb with a code of its own
    assert rows["filch ... treasure"] == ("1711", "-")  # the pattern is imported for the verb it names


def test_what_is_dropped(converted) -> None:
    rows, dropped = converted
    assert set(rows) == {
        "smuggle ... loot|spoil",
        "bootleg ... rare parrot ... into",
        "smuggle ... to",
        "sneak in",
        "pilfer",
        "filch ... treasure",
    }
    assert dropped["bare verb without a code of its own"] == 3  # SMUGGLE, BOOTLEG, FILCH: the block's synonyms
    assert dropped["code --- or reverse-only [:xxx]"] == 2  # ORCHIDS [---], MARMOSETS [:173]
    assert dropped["consultation (root 04)"] == 1
    assert dropped["words before the verb (subject nouns)"] == 1
    assert dropped["source/target markers $ + % ^"] == 1
    assert dropped["(BY) without a noun: the passive's agent, not a target"] == 1
    assert dropped["transformations (~ lines)"] == 1


def test_shipped_file_loads_after_the_core() -> None:
    files = load_language("en").data_files("triggers")
    assert files[0].name == "triggers.tsv"
    shipped = next(path for path in files if path.name == "petrarch.tsv")
    header = shipped.read_text(encoding="utf-8").splitlines()[:5]
    assert any("Copyright (c) 2014 Open Event Data Alliance" in line for line in header)
    assert (shipped.parent / "LICENSE-petrarch2.txt").read_text(encoding="utf-8").startswith("The MIT License")


CASES = [
    ("Iran imprisoned a British journalist.", ("IRN", "173", "GBR")),
    ("Saudi Arabia closed its embassy in Qatar.", ("SAU", "161", "QAT")),
    ("The United States lobbied against Iran at the United Nations.", ("USA", "113", "IRN")),
    ("China exported drones to Pakistan.", ("CHN", "061", "PAK")),
    ("Germany extradited two suspects on Monday.", ("DEU", "063", None)),
    ("Russian soldiers looted Ukrainian villages.", ("RUS", "145", "UKR")),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text.split()[1] for text, _ in CASES])
def test_sentences_code_via_imported_patterns(code, text: str, expected: tuple[str, str, str | None]) -> None:
    assert expected in triples(code(text, lang="en"))
